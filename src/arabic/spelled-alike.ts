/**
 * Whether a Latin word (a site's domain name, "north-pulse", "alderah", "enabbaladi") spells an
 * outlet's name as a page writes it ("نورث بالس", "الديرة", "عنب بلدي", "Emarat Alyoum"): the
 * two are reduced to the consonants both scripts write, one class per sound (ت ط ث and t, th;
 * ح ه خ and h, kh; ق ك and q, k, c; ب and b, p; ج غ and j, g, gh …), vowels dropped (short
 * vowels are not written in Arabic, long ones are spelled every way in Latin), و ي and w y kept
 * only at a word's start, the article "l" or left out, a taa marbuta and a final "ah"/"eh" dropped.
 * The keys must be equal and hold at least MIN_CONSONANTS: a translation ("مراسل سوري",
 * syrian-reporter), an acronym ("تنا", taghribnews) or another outlet's name (a copy's credit
 * "تموز نت" on kurd-online) does not spell alike, and a two-consonant name is too short to tell.
 * Generic words (نت برس نيوز …, net press news …) may be left out on either side.
 *
 * Pure and browser-safe.
 */
import { foldArabic } from './normalise.ts';

/** Fewer consonants than this and two names spell alike by chance. */
export const MIN_CONSONANTS = 3;

const ARABIC_CLASS: Readonly<Record<string, string>> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  ث: 't',
  ج: 'g',
  غ: 'g',
  گ: 'g',
  ح: 'h',
  خ: 'h',
  ه: 'h',
  د: 'd',
  ذ: 'd',
  ض: 'd',
  ظ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ص: 's',
  ش: 's',
  ف: 'f',
  ڤ: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
};

/** Latin letters written for another class's sound; the rest of a-z stand for themselves. */
const LATIN_CLASS: Readonly<Record<string, string>> = { p: 'b', v: 'f', j: 'g', q: 'k', c: 'k', x: 'ks' };

/** Words of an outlet's name that say what it is, not which: left out or kept when comparing. */
const ARABIC_GENERIC = new Set([
  'نت',
  'نيوز',
  'برس',
  'بوست',
  'ميديا',
  'اونلاين',
  'تيفي',
  'تي',
  'في',
  'الاخباريه',
  'الاخباري',
  'شبكه',
  'موقع',
  'وكاله',
  'صحيفه',
  'جريده',
  'اذاعه',
  'راديو',
]);
const LATIN_GENERIC = new Set(['net', 'news', 'press', 'post', 'media', 'online', 'tv', 'info', 'www', 'ar', 'arabic', '24']);

/** The consonant key of one folded Arabic word. */
function arabicWordKey(word: string): string {
  let key = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i] as string;
    if (i === 0 && (c === 'و' || c === 'ي')) key += c === 'و' ? 'w' : 'y';
    else if (c === 'ه' && i === word.length - 1 && i > 0)
      continue; // taa marbuta (folded to ه) or a final h
    else key += ARABIC_CLASS[c] ?? '';
  }
  return key;
}

/** The consonant key of one lowercase Latin word. */
function latinWordKey(word: string): string {
  const w = word
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/sh|ch/g, 's')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/([aeiou])h$/u, '$1');
  let key = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    if (c === 'w' || c === 'y') key += i === 0 ? c : '';
    else if ('aeiou'.includes(c)) continue;
    else key += LATIN_CLASS[c] ?? (/[a-z]/.test(c) ? c : '');
  }
  return key;
}

const collapse = (key: string) => key.replace(/(.)\1+/g, '$1');

/** The keys of a name's words: with its generic words, and without them. */
function nameKeys(name: string): string[] {
  if (/\p{Script=Arabic}/u.test(name)) {
    const words = foldArabic(name)
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
    return variants(
      words,
      (w) => ARABIC_GENERIC.has(w),
      arabicWordKey,
      (w) => (/^ال./u.test(w) ? w.slice(2) : w),
    );
  }
  return latinKeys(name);
}

/** A generic word run into the name before it ("senaranews", "alkawthartv"): at least three letters left before it. */
const GLUED_GENERIC = new RegExp(`^([a-z]{3,}?)(${[...LATIN_GENERIC].filter((w) => /^[a-z]{2,}$/.test(w) && w !== 'www' && w !== 'ar').join('|')})$`);

function latinKeys(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => {
      const glued = GLUED_GENERIC.exec(w);
      return glued ? [glued[1] as string, glued[2] as string] : [w];
    });
  return variants(
    words,
    (w) => LATIN_GENERIC.has(w) || /^\d+$/.test(w),
    latinWordKey,
    (w) => w.replace(/^(?:al|el)(?=[a-z]{3})/u, ''),
  );
}

/**
 * A name's keys: with and without its generic words, each with and without the article (a domain
 * writes "sada-furat" for "صدى الفرات" as often as "alderah" for "الديرة").
 */
function variants(words: string[], generic: (w: string) => boolean, key: (w: string) => string, withoutArticle: (w: string) => string): string[] {
  const keys = new Set<string>();
  for (const kept of [words, words.filter((w) => !generic(w))]) {
    for (const form of [kept, kept.map(withoutArticle)]) keys.add(collapse(form.map(key).join('')));
  }
  return [...keys].filter((k) => k.length >= MIN_CONSONANTS);
}

/** Whether `latin` (a domain's own name, its words joined by dashes or run together) spells `name`. */
export function spelledAlike(latin: string, name: string): boolean {
  const wanted = new Set(nameKeys(name));
  return latinKeys(latin).some((k) => wanted.has(k));
}
