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
import { createWordMatcher, type MatcherWord, type PlaceEntry, type WordMatcher } from '../arabic/place-matcher.ts';
import { cliticReadings, type Word } from '../arabic/normalise.ts';
import { scanWords } from '../arabic/word-scan.ts';
import type { SearchLexicon } from '../analysis/lexicon.ts';

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

/** The lexicon's names that have a token, as gazetteer entries whose slug is the token. */
function taggedNames(lexicon: SearchLexicon): PlaceEntry[] {
  return lexicon.names
    .filter((group) => group.token !== null)
    .map((group) => ({ slug: group.token as string, name: group.forms[0] ?? '', variants: group.forms.slice(1), loose: group.loose === true }));
}

/** The matcher for a lexicon's names that have a token, on words already cut (the annotator cuts each text once); building it folds every form. */
function createNameMatcher(lexicon: SearchLexicon): WordMatcher {
  return createWordMatcher(taggedNames(lexicon));
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

/** The most words whose keys an annotator remembers before it starts afresh (bounded memory). */
const WORD_CACHE_LIMIT = 100_000;
/** How deep names inside names are looked for (a name within a name within a name…). */
const INNER_DEPTH = 6;
const UNDERSCORE_RUN = /_{2,}/g;

/** What the annotator knows of a word as written (what the name matcher reads in it among others). */
interface AnnotatedWord extends MatcherWord {
  /** Its own keys: the folded form where the stemmer does not fold, the usual spelling. */
  keys: string[];
  /** keys, joined as written after the word. */
  joined: string;
  /** The same where a sticky character touches the word: the folded form first. */
  joinedSticky: string;
}

/** Bits of a word's entry in `needs`: it has keys of its own; a name may start with it. */
const KEYED = 1;
const MAY_START_NAME = 2;

export function createKeyAnnotator(lexicon: SearchLexicon): KeyAnnotator {
  const matcher = createNameMatcher(lexicon);
  const spellings = lexicon.spellings;
  const isSticky = codeUnitTest(STICKY);
  const isSpace = codeUnitTest(/\s/);
  // Words repeat a great deal (a few tens of thousands make up almost all of an archive), so what
  // is known of each is remembered, under a number. Most words need nothing; what a word needs is
  // one byte in `needs`, so that the annotator looks at no object of theirs: with the word
  // objects scattered in memory, the loads, not the arithmetic, are what annotating waits on.
  const ids = new Map<string, number>();
  let known: AnnotatedWord[] = [];
  let needs = new Uint8Array(1024);
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id !== undefined) return id;
    const read = matcher.read(word);
    const folded = read.folded;
    const keys: string[] = [];
    if (UNFOLDED_BY_STEMMER.test(word) && folded && folded !== word) keys.push(folded);
    const usual = usualSpelling(folded, spellings);
    if (usual !== undefined && usual !== folded && !keys.includes(usual)) keys.push(usual);
    id = known.length;
    known.push({ ...read, keys, joined: keys.join(KEYS_SEPARATOR), joinedSticky: withFoldedFirst(keys, folded).join(KEYS_SEPARATOR) });
    if (id >= needs.length) {
      const more = new Uint8Array(needs.length * 2);
      more.set(needs);
      needs = more;
    }
    needs[id] = (keys.length > 0 ? KEYED : 0) | (read.mayStartName ? MAY_START_NAME : 0);
    ids.set(word, id);
    return id;
  };
  /** The ids of the words of the text being annotated (reused: no array per text). */
  let wordIds = new Int32Array(1024);

  return {
    annotate(text: string): string {
      // emptied between texts only: the ids of a text's words must stay valid while it is annotated
      if (ids.size >= WORD_CACHE_LIMIT) {
        ids.clear();
        known = [];
      }
      const escaped = text.includes('__') ? text.replace(UNDERSCORE_RUN, (run) => run.split('').join('\u2060')) : text;
      // the text is cut into words once, and each word looked up once, for both its own keys and names
      const ws = scanWords(escaped);
      const n = ws.length;
      if (n > wordIds.length) wordIds = new Int32Array(Math.max(n, wordIds.length * 2));
      const starts: number[] = [];
      let keyed = false;
      for (let i = 0; i < n; i++) {
        const id = (wordIds[i] = idOf(ws[i]!.word));
        const need = needs[id]!;
        if (need & MAY_START_NAME) starts.push(i);
        if (need & KEYED) keyed = true;
      }
      if (!keyed && starts.length === 0) return escaped;

      let tokens: Array<Set<string> | undefined> | undefined;
      if (starts.length > 0) {
        const infos = new Array<AnnotatedWord>(n);
        for (let i = 0; i < n; i++) infos[i] = known[wordIds[i]!]!;
        tagNames(matcher, escaped, ws, infos, (tokens = new Array<Set<string> | undefined>(n)), 0, n, 0, starts);
      }

      let out = '';
      let at = 0;
      for (let i = 0; i < n; i++) {
        const its = tokens?.[i];
        const id = wordIds[i]!;
        if (!(needs[id]! & KEYED) && its === undefined) continue;
        const info = known[id]!;
        const w = ws[i]!;
        const after = w.end < escaped.length ? escaped.charCodeAt(w.end) : -1;
        const sticky = (w.start > 0 && isSticky(escaped.charCodeAt(w.start - 1))) || (after >= 0 && isSticky(after));
        let written: string;
        if (its === undefined) written = sticky ? info.joinedSticky : info.joined;
        else {
          const keys = [...info.keys, ...its];
          written = (sticky ? withFoldedFirst(keys, info.folded) : keys).join(KEYS_SEPARATOR);
        }
        const close = after >= 0 && !isSpace(after) ? KEYS_SEPARATOR : '';
        out += escaped.slice(at, w.end) + KEYS_OPEN + written + close;
        at = w.end;
      }
      return at === 0 ? escaped : out + escaped.slice(at);
    },
  };
}

/**
 * Adds to tokens[i] the token of every name word i of words from..to-1 belongs to, in the order
 * they are found; names inside a longer name too: the name without its first word, and without
 * its last, INNER_DEPTH deep. (A function of its own, not a closure made per text: see
 * bestAt in src/arabic/place-matcher.ts on tsx's keepNames.)
 */
function tagNames(
  matcher: WordMatcher,
  text: string,
  ws: readonly Word[],
  infos: readonly MatcherWord[],
  tokens: Array<Set<string> | undefined>,
  from: number,
  to: number,
  depth: number,
  starts?: readonly number[],
): void {
  for (const m of matcher.match(text, ws, infos, from, to, starts)) {
    for (let i = m.first; i < m.end; i++) (tokens[i] ??= new Set()).add(m.slug);
    if (m.end - m.first > 1 && depth < INNER_DEPTH) {
      tagNames(matcher, text, ws, infos, tokens, m.first + 1, m.end, depth + 1);
      tagNames(matcher, text, ws, infos, tokens, m.first, m.end - 1, depth + 1);
    }
  }
}

/**
 * The keys of a word that a sticky character touches: its folded form first, so that Pagefind has
 * a copy of the word without that character (unless the keys have it already).
 */
export function withFoldedFirst(keys: readonly string[], folded: string): string[] {
  return folded && !keys.includes(folded) ? [folded, ...keys] : [...keys];
}

/**
 * A regex's verdict on one UTF-16 code unit (as a one-character string), remembered: the
 * annotator asks it of the characters around every word that has keys.
 */
export function codeUnitTest(test: RegExp): (codeUnit: number) => boolean {
  const verdicts = new Uint8Array(0x10000); // 0: not asked yet, 1: no, 2: yes
  return (codeUnit) => {
    let v = verdicts[codeUnit]!;
    if (v === 0) verdicts[codeUnit] = v = test.test(String.fromCharCode(codeUnit)) ? 2 : 1;
    return v === 2;
  };
}
