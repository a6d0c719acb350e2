/**
 * Search keys: what the index adds to an article's words so that a query, folded and read for
 * names and spellings the same way (src/search/query.ts), finds them. Pure and browser-safe.
 *
 * Pagefind (1.5, Arabic stemmer) already matches hamza seats, alef maqsura, diacritics, tatweel
 * and most clitics. It does not match taa marbuta with haa (الرقة / الرقه), spelling variants
 * (الديمقراطية / الديموقراطية), aliases (قسد / قوات سوريا الديمقراطية) or Latin names. So
 * each word that needs it is given *keys*, written right after the word and joined to it:
 *
 *     الرقة  →  الرقة__الرقه_qxpraqqa
 *
 * Pagefind cuts a word at ASCII punctuation and indexes each part at the word's own position, so
 * the keys are found where the word is (phrase search keeps working) and the excerpt marks the
 * word; the page shows the excerpt with the keys taken out again (stripKeys). Keys are letters
 * and digits only; `__` opens them, `_` separates them, and a `_` closes them where the word is
 * followed by more than a space (a quote: Pagefind cuts only at ASCII punctuation, so the last
 * key would otherwise be indexed with the ” after it). Underscores already in a row in the text
 * are written with a word joiner (U+2060) between each two, so they are never mistaken for keys.
 *
 * The keys of a word:
 * - its folded form (foldArabic), when folding changes something the stemmer does not fold: ة,
 *   Persian ی ک, presentation forms, Arabic-Indic digits; and whenever the word has other keys
 *   and a character other than a space or ASCII punctuation touches it («قسد», ”الخلافة“):
 *   Pagefind would index the word only together with that character, so the folded form is
 *   its clean copy;
 * - its usual spelling, when it (read for proclitics) is a listed spelling variant, with the
 *   same proclitics: والديموقراطية → والديمقراطيه;
 * - the token of every name group one of whose Arabic forms it belongs to, found with the
 *   gazetteer's matcher (clitics, multi-word names, whole words): every word of «قوات سوريا
 *   الديمقراطية» carries the SDF's token, and سوريا in it Syria's too; names inside a longer
 *   name are tagged as well (دير الزور inside محافظة دير الزور).
 */
import { createPlaceMatcher, type PlaceMatch } from '../arabic/place-matcher.ts';
import { cliticReadings, foldArabic, words } from '../arabic/normalise.ts';
import type { SearchLexicon } from './lexicon.ts';

export const KEYS_OPEN = '__';
export const KEYS_SEPARATOR = '_';
/** Letters the stemmer does not fold: taa marbuta, Persian yeh and keheh, presentation forms, Eastern digits. */
const UNFOLDED_BY_STEMMER = /[\u0629\u06CC\u06A9\uFB50-\uFDFF\uFE70-\uFEFE\u0660-\u0669\u06F0-\u06F9]/;
/** A character Pagefind does not cut a word at, and that is not part of a word: «, ”, ،, … */
const STICKY = /[^\s!-/:-@[-`{-~\p{L}\p{N}\p{M}]/u;
/** Keys as they sit in indexed text: `__` and letters, digits and `_`. */
const KEYS_IN_TEXT = /__[\p{L}\p{N}_]*/gu;

/** The keys one word of indexed text carries (`الرقة__الرقه_qxp…` → الرقه, qxp…); [] for none. */
export function keysOf(chunk: string): string[] {
  const open = chunk.indexOf(KEYS_OPEN);
  if (open < 0) return [];
  const keys = /^[\p{L}\p{N}_]*/u.exec(chunk.slice(open + KEYS_OPEN.length))?.[0] ?? '';
  return keys.split(KEYS_SEPARATOR).filter(Boolean);
}

/** The text as it was, keys taken out (for excerpts and page text shown from the index). */
export function stripKeys(text: string): string {
  return text.replace(KEYS_IN_TEXT, '');
}

/** The matcher for a lexicon's names that have a token; one per lexicon (building it folds every form). */
export function createNameTagger(lexicon: SearchLexicon): (text: string) => PlaceMatch[] {
  return createPlaceMatcher(
    lexicon.names
      .filter((group) => group.token !== null)
      .map((group) => ({ slug: group.token as string, name: group.forms[0] ?? '', variants: group.forms.slice(1) })),
  );
}

/** The usual spelling of a folded word read for proclitics, with its proclitics; undefined if none is listed. */
export function usualSpelling(folded: string, spellings: Record<string, string>): string | undefined {
  for (const reading of cliticReadings(folded)) {
    const usual = spellings[reading.stem];
    if (usual !== undefined) return reading.proclitics + usual;
  }
  return undefined;
}

export interface KeyAnnotator {
  /** The text with each word that needs them followed by its keys. */
  annotate(text: string): string;
}

export function createKeyAnnotator(lexicon: SearchLexicon): KeyAnnotator {
  const tag = createNameTagger(lexicon);
  const spellings = lexicon.spellings;
  const wordKeys = new Map<string, string[]>();
  const keysOfWord = (word: string): string[] => {
    let keys = wordKeys.get(word);
    if (keys) return keys;
    keys = [];
    const folded = foldArabic(word);
    if (UNFOLDED_BY_STEMMER.test(word) && folded && folded !== word) keys.push(folded);
    const usual = usualSpelling(folded, spellings);
    if (usual !== undefined && usual !== folded && !keys.includes(usual)) keys.push(usual);
    if (wordKeys.size > 100_000) wordKeys.clear();
    wordKeys.set(word, keys);
    return keys;
  };

  return {
    annotate(text: string): string {
      const escaped = text.replace(/_{2,}/g, (run) => run.split('').join('\u2060'));
      const ws = words(escaped);
      if (ws.length === 0) return escaped;
      const tokens: Array<Set<string> | undefined> = new Array(ws.length);
      const startIndex = new Map(ws.map((w, i) => [w.start, i]));
      const tagSpan = (from: number, to: number, depth: number) => {
        for (const m of tag(escaped.slice(from, to))) {
          const first = startIndex.get(from + m.start);
          if (first === undefined) continue;
          let last = first;
          while (last + 1 < ws.length && ws[last + 1]!.end <= from + m.end) last++;
          for (let i = first; i <= last; i++) (tokens[i] ??= new Set()).add(m.slug);
          // names inside a longer name: the name without its first word, and without its last
          if (last > first && depth < 6) {
            tagSpan(ws[first + 1]!.start, ws[last]!.end, depth + 1);
            tagSpan(ws[first]!.start, ws[last - 1]!.end, depth + 1);
          }
        }
      };
      tagSpan(0, escaped.length, 0);
      let out = '';
      let at = 0;
      ws.forEach((w, i) => {
        const keys = [...keysOfWord(w.word), ...(tokens[i] ?? [])];
        if (keys.length === 0) return;
        const before = escaped[w.start - 1];
        const after = escaped[w.end];
        if ((before !== undefined && STICKY.test(before)) || (after !== undefined && STICKY.test(after))) {
          const folded = foldArabic(w.word);
          if (folded && !keys.includes(folded)) keys.unshift(folded);
        }
        const close = after !== undefined && !/\s/.test(after) ? KEYS_SEPARATOR : '';
        out += escaped.slice(at, w.end) + KEYS_OPEN + keys.join(KEYS_SEPARATOR) + close;
        at = w.end;
      });
      return out + escaped.slice(at);
    },
  };
}
