/**
 * Folding for names of foreign origin, so that a spelling nobody listed still meets its name.
 * Pure and browser-safe. Applied on top of foldArabic, and only to names (src/arabic/place-matcher.ts
 * uses it for the entries marked `loose`, of two words or more; src/search/query.ts for Latin
 * names): on running text it would join words that are not one.
 *
 * Arabic (a word already folded by foldArabic):
 * - ج غ ك گ for /g/ are one letter (كينو غابرييل, كينو جابرييل; ماكغورك, ماكجورك);
 * - the long vowels ا و ي are dropped after the first letter (بيدرسون, بيدرسن; أردوغان, أردغان;
 *   غابرييل, غبرييل), so doubled vowel letters (ييل, يل) are one too;
 * - ڤ is ف and پ is ب.
 * Hamza seats, ى/ي and ة/ه are foldArabic's already.
 *
 * Latin (a word as typed; lowercased here):
 * - accents dropped (Öcalan, Ocalan), doubled letters single (Raqqa, Raqa; Assad, Asad);
 * - ou is u (Mazloum, Mazlum), aw and ow are o (Hawl, Hol), q is k (Qasem, Kasem), dj is j; then every run of vowels after the first letter is one
 *   (Mohammed, Muhammad, Mohamad; Kobane, Kobani; Jolani, Julani).
 * The article (al-, el-, ad-, ash-…) is a word of its own once dashes are spaces, and is dropped
 * where names are read (LATIN_ARTICLE_WORD in src/analysis/lexicon.ts).
 */

const G_LETTERS = /[جغگ]/g;
const LONG_VOWELS = /[اوي]/g;

/** The loose key of one folded Arabic word of a name. */
export function looseArabicWord(folded: string): string {
  if (folded.length < 2) return folded;
  const first = folded[0]!;
  const rest = folded.slice(1).replace(LONG_VOWELS, '');
  return (first + rest).replace(G_LETTERS, 'ك').replace(/ڤ/g, 'ف').replace(/پ/g, 'ب');
}

/** The loose key of one Latin word (any case, accents or not). */
export function looseLatinWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/ou/g, 'u')
    .replace(/[ao]w/g, 'o')
    .replace(/ee/g, 'i')
    .replace(/q/g, 'k')
    .replace(/dj/g, 'j')
    .replace(/(?<=\p{L})[aeiou]+/gu, 'a')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** A Latin word: letters of the Latin script only (with their marks). */
export function isLatinWord(word: string): boolean {
  return /^[\p{Script=Latin}\p{M}']+$/u.test(word);
}
