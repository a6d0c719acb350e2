/**
 * The one Arabic normaliser: ingest, place matching, the search index and the browser's query
 * all fold text with these functions, so the same word always gives the same key.
 *
 * Pure and browser-safe: no `node:` imports, nothing but ./digits.ts.
 *
 * Folding erases differences of *writing* (hamza seats, alef maqsura, taa marbuta, tatweel,
 * diacritics, digit shapes, quote styles), never differences of *spelling*: الديموقراطية and
 * الديمقراطية stay two keys; spelling variants belong in the gazetteer's and alias lists.
 */
import { toAsciiDigits } from './digits.ts';

/** Arabic presentation forms (FB50–FDFF, FE70–FEFE): old PDFs and some sites emit them. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;
/**
 * Invisible format characters that never change what a reader sees in a word: soft hyphen, ALM,
 * Mongolian vowel separator, zero-width space/joiners, LRM/RLM, bidi embeddings, overrides and
 * isolates, word joiner and invisible operators, BOM.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const TATWEEL = /\u0640/g;
/** Harakat and other marks (U+064B–U+065F), superscript alef (U+0670), Quranic marks (U+06D6–U+06ED). */
const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
/** Letters folded to one shape. Persian/Urdu پ چ ژ گ are distinct letters and stay. */
const LETTERS: Readonly<Record<string, string>> = {
  أ: 'ا', // U+0623 alef with hamza above
  إ: 'ا', // U+0625 alef with hamza below
  آ: 'ا', // U+0622 alef with madda
  ٱ: 'ا', // U+0671 alef wasla
  ٲ: 'ا', // U+0672 alef with wavy hamza above
  ٳ: 'ا', // U+0673 alef with wavy hamza below
  ى: 'ي', // U+0649 alef maqsura
  ة: 'ه', // U+0629 taa marbuta
  ؤ: 'و', // U+0624 waw with hamza
  ئ: 'ي', // U+0626 yeh with hamza
  ی: 'ي', // U+06CC Farsi yeh
  ک: 'ك', // U+06A9 keheh (Persian kaf)
};
const LETTER_CLASS = /[أإآٱٲٳىةؤئیک]/g;
/** Quotation marks of every style, removed: «داعش», “داعش”, "داعش" all give داعش. */
const QUOTES = /[«»‹›“”„‟″‶'‘’‚‛"＂]/g;

/**
 * The matching key of a text. Steps, in order:
 *
 * 1. NFC, so a letter typed as base + combining mark (ا + U+0653) is the precomposed one (آ);
 *    Arabic presentation forms (ﺍﻟﺮﻗﺔ, the ligature ﻻ) are taken to their letters (NFKC on those
 *    characters only: NFKC on the whole text would also turn ² into 2 and the like).
 * 2. Invisible format characters removed (ZWNJ, ZWJ, LRM, RLM, bidi controls, BOM, soft hyphen…):
 *    the key of a word must not depend on what cannot be seen.
 * 3. Tatweel (ـ) removed: الـرقة, لـ"داعش" are written for looks.
 * 4. Diacritics removed: harakat, shadda, sukun, hamza/madda marks (U+064B–U+065F), superscript
 *    alef (U+0670), Quranic marks (U+06D6–U+06ED). الرقّة → الرقة.
 * 5. Letters: أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي; Persian ی → ي, ک → ك.
 * 6. Arabic-Indic and Persian digits → ASCII (٥٠٠ → 500).
 * 7. Cased letters (Latin…) lowercased.
 * 8. Quotation marks « » “ ” „ ″ ' ‘ ’ " (and their kin) removed.
 * 9. Whitespace (any Unicode space, line breaks included) collapsed to one space, trimmed.
 *
 * foldArabic('الرقّة') === foldArabic('الرقه') === 'الرقه'.
 */
export function foldArabic(text: string): string {
  return toAsciiDigits(
    text
      .normalize('NFC')
      .replace(PRESENTATION_FORMS, (s) => s.normalize('NFKC'))
      .replace(INVISIBLE, '')
      .replace(TATWEEL, '')
      .replace(DIACRITICS, '')
      .replace(LETTER_CLASS, (c) => LETTERS[c] ?? c),
  )
    .toLowerCase()
    .replace(QUOTES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const FOLDED_WORDS = new Map<string, string>();
const FOLDED_WORDS_LIMIT = 50_000;

/**
 * foldArabic of a short text, such as a word, remembered: the figure and number readers fold every
 * word of every paragraph, and words repeat a great deal. The memory is emptied when it holds
 * FOLDED_WORDS_LIMIT texts, so it stays bounded over any number of articles.
 */
export function foldWord(word: string): string {
  let folded = FOLDED_WORDS.get(word);
  if (folded === undefined) {
    if (FOLDED_WORDS.size >= FOLDED_WORDS_LIMIT) FOLDED_WORDS.clear();
    FOLDED_WORDS.set(word, (folded = foldArabic(word)));
  }
  return folded;
}

const INVISIBLE_ONE = new RegExp(INVISIBLE.source);
const DIACRITIC_ONE = new RegExp(DIACRITICS.source);
/** foldCharacter of each UTF-16 code unit met so far (at most 65,536 entries). */
const FOLDED_CHARACTERS = new Map<string, string>();

/**
 * Steps 1 (presentation forms only) to 6 of foldArabic for one character: '' when the character
 * is dropped, else its folded form, of the same length, except a presentation-form ligature,
 * which gives its letters (ﻻ → لا, ﷲ → الله). For callers that must map folded offsets back to
 * the original text (the date matchers, which map each folded code unit back).
 */
export function foldCharacter(c: string): string {
  if (c.length !== 1) return foldOneCharacter(c);
  // one code unit: looked up (the date matchers fold every character of every paragraph)
  let folded = FOLDED_CHARACTERS.get(c);
  if (folded === undefined) FOLDED_CHARACTERS.set(c, (folded = foldOneCharacter(c)));
  return folded;
}

const PRESENTATION_FORM = new RegExp(`^${PRESENTATION_FORMS.source}$`);

function foldOneCharacter(c: string): string {
  if (PRESENTATION_FORM.test(c)) {
    // ﻫ after a Hijri year, ﺍﻟﺮﻗﺔ from an old PDF: the letters they stand for, folded in turn
    const letters = c.normalize('NFKC');
    if (letters !== c) return [...letters].map(foldOneCharacter).join('');
  }
  if (c === '\u0640' || INVISIBLE_ONE.test(c) || DIACRITIC_ONE.test(c)) return '';
  return toAsciiDigits(LETTERS[c] ?? c);
}

export interface Word {
  /** The word exactly as written (diacritics, tatweel and all). */
  word: string;
  /** UTF-16 offset of its first character in the original text. */
  start: number;
  /** UTF-16 offset just after its last character. */
  end: number;
}

/**
 * A word is a run of letters, numbers and marks (\p{L}\p{N}\p{M}; tatweel is a letter). Invisible
 * characters that sit *inside* a word (ZWNJ as Persian and Kurdish write it, ZWJ, soft hyphen,
 * LRM/RLM/ALM, word joiner, BOM) keep it one word, as a reader sees it; anywhere else they, like
 * every other character, separate words. (The zero-width *space* separates: that is its job.)
 */
const WORD_RUN = /[\p{L}\p{N}\p{M}\u00AD\u061C\u200C-\u200F\u2060\uFEFF]+/gu;
const INVISIBLE_IN_WORD = /[\u00AD\u061C\u200C-\u200F\u2060\uFEFF]/;

/** The words of a text with their offsets in the original text (`text.slice(start, end) === word`). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(text); m; m = WORD_RUN.exec(text)) {
    // invisible characters at the edges of a run are not part of the word
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && INVISIBLE_IN_WORD.test(text[start]!)) start++;
    while (end > start && INVISIBLE_IN_WORD.test(text[end - 1]!)) end--;
    if (start < end) out.push({ word: text.slice(start, end), start, end });
  }
  return out;
}

/** One way of reading the proclitics off a folded word. */
export interface CliticReading {
  /** What is left: the candidate stem. */
  stem: string;
  /** The proclitics read off, as folded (e.g. 'وب', 'لل', 'وال'). */
  proclitics: string;
  /**
   * True when the definite article was taken off the stem (السوريه → سوريه). False when the word
   * keeps its article, including the assimilated ل + ال = لل, which is given back its article
   * (للرقه → الرقه).
   */
  articleRemoved: boolean;
}

const CONJUNCTIONS = ['', 'و', 'ف'] as const;
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'] as const;
const ARTICLE = 'ال';

/** Length in characters (code points), not UTF-16 units. */
function letterCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Every reading of a folded word's proclitics: conjunction (و ف), then preposition (ب ل ك),
 * then the article (ال; after ل it is assimilated: لل). The word itself comes first; then the
 * readings longest stem first; no stem shorter than 2 letters; each stem once (its first reading).
 */
export function cliticReadings(foldedWord: string): CliticReading[] {
  const readings: CliticReading[] = [];
  const seen = new Set<string>();
  const add = (stem: string, proclitics: string, articleRemoved: boolean) => {
    if (seen.has(stem)) return;
    if (proclitics !== '' && letterCount(stem) < 2) return;
    if (stem === '') return;
    seen.add(stem);
    readings.push({ stem, proclitics, articleRemoved });
  };
  for (const conj of CONJUNCTIONS) {
    if (!foldedWord.startsWith(conj)) continue;
    const afterConj = foldedWord.slice(conj.length);
    for (const prep of PREPOSITIONS) {
      if (!afterConj.startsWith(prep)) continue;
      const rest = afterConj.slice(prep.length);
      const proclitics = conj + prep;
      // no article: و + سوريا, ل + لبنان (للبنان), or the word itself
      add(rest, proclitics, false);
      // the article written out: بال + باغوز, وال + موصل, ال + رقه
      if (rest.startsWith(ARTICLE)) add(rest.slice(ARTICLE.length), proclitics + ARTICLE, true);
      // ل + ال assimilated to لل: للرقه → الرقه (article given back) and رقه
      if (prep === 'ل' && rest.startsWith('ل')) {
        add(ARTICLE + rest.slice(1), proclitics, false);
        add(rest.slice(1), `${proclitics}ل`, true);
      }
    }
  }
  // the word itself first, then longest first (sort is stable: ties keep the order above)
  const [self, ...others] = readings;
  others.sort((a, b) => letterCount(b.stem) - letterCount(a.stem));
  return self ? [self, ...others] : [];
}

/**
 * The candidate stems of a folded word (see foldArabic), the word itself first, then longest
 * first: leading conjunctions and prepositions و ف ب ل ك and their combinations (وب, فب, ول, فل,
 * وك, فك), the article ال and its combinations (بال, وبال, فال, كال, وال…), and ل + ال
 * assimilated to لل (للرقه → الرقه and رقه). A stem of one letter is never returned (the word
 * itself, however short, is).
 *
 * These are *candidates*: بالي (a surname) gives الي too. Callers check them against a lexicon.
 * "لـ" with tatweel needs nothing here: folding has already removed the tatweel.
 */
export function stripClitics(foldedWord: string): string[] {
  return cliticReadings(foldedWord).map((r) => r.stem);
}
