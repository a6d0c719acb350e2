/**
 * Latin slugs from Arabic headlines, for article ids and addresses. Not a scholarly
 * transliteration: a simple, stable, letter-by-letter romanisation that stays readable to
 * someone who knows the Arabic ("qsd-tln-alqda-altam-ala-dash").
 *
 * Pure and browser-safe.
 */
import { toAsciiDigits } from './digits.ts';
import { words } from './normalise.ts';

/**
 * One Latin spelling per letter; short vowels (harakat) and shadda are not written, as the
 * headline does not write them. Hamza on its own or on waw/yeh (ء ؤ ئ) is dropped; alef in any
 * form is "a"; alef maqsura ى and taa marbuta ة are "a"; و is always "w" and ي always "y".
 * ع is "a" at the start of a word (على → ala, عين → ayn) and dropped elsewhere (تعلن → tln,
 * داعش → dash).
 */
const LATIN: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: 'a',
  إ: 'a',
  آ: 'a',
  ٱ: 'a',
  ٲ: 'a',
  ٳ: 'a',
  ى: 'a',
  ة: 'a',
  ء: '',
  ؤ: '',
  ئ: '',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  // Persian, Urdu and Kurdish letters met in names
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
  ڤ: 'v',
  ۆ: 'o',
  ێ: 'e',
  ە: 'e',
  ڕ: 'r',
  ڵ: 'l',
};

function romaniseWord(word: string): string {
  let out = '';
  let first = true;
  for (const ch of word) {
    const latin = first && ch === 'ع' ? 'a' : LATIN[ch];
    if (latin !== undefined) out += latin;
    else if (/[a-z0-9]/.test(ch)) out += ch;
    // anything else (diacritics, tatweel, other scripts) is dropped
    if (latin !== '' || /[a-z0-9]/.test(ch)) first = false;
  }
  return out.replace(/a{2,}/g, 'a');
}

/**
 * A lowercase ASCII slug (a-z, 0-9, single hyphens) of at most `maxWords` words: quotes and
 * punctuation dropped, Arabic romanised, Latin letters kept without their accents (é → e),
 * digits kept (Arabic-Indic ones as ASCII). Words that romanise to nothing are skipped and not
 * counted. Never empty: 'article' when nothing is left.
 *
 * slugFromArabic('"قسد" تعلن "القضاء التام" على داعش بسوريا ونهاية "الخلافة"')
 *   === 'qsd-tln-alqda-altam-ala-dash'
 */
export function slugFromArabic(text: string, maxWords = 6): string {
  const limit = Math.max(1, Math.floor(Number.isFinite(maxWords) ? maxWords : 6));
  const prepared = toAsciiDigits(text.normalize('NFC'))
    .replace(/[\uFB50-\uFDFF\uFE70-\uFEFE]+/g, (s) => s.normalize('NFKC')) // Arabic presentation forms
    .replace(/\p{Script=Latin}\p{M}*/gu, (s) => s.normalize('NFKD').replace(/\p{M}/gu, '')) // é → e, ﬁ → fi
    .toLowerCase();
  const parts: string[] = [];
  for (const { word } of words(prepared)) {
    if (parts.length >= limit) break;
    const latin = romaniseWord(word);
    if (latin) parts.push(latin);
  }
  return parts.join('-') || 'article';
}
