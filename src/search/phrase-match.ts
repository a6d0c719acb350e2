/**
 * Phrases found in a page's indexed text, here rather than by Pagefind. Pure and browser-safe.
 *
 * Pagefind 1.5.2's exact search (a query in quotes) misses phrases it should find: on the seed
 * site `"اعلنت قوات"` does not find the DW article whose first paragraph begins with those two
 * words, though each is found at its place. So a quoted phrase is searched for as its words
 * (Pagefind: pages holding all of them), and each page found is read here for the words in a row.
 *
 * A word of the text matches a word of the phrase when, folded and read for proclitics, they
 * share a stem, or one of the text word's search keys (src/search/index-keys.ts) does: so
 * "دولة الخلافة" is found in «بدولة "الخلافة"» and in دولة الخلافة, not in الخلافة دولة.
 *
 * The same reading checks every unit of a query in a page (findUnits): Pagefind finds pages by
 * stems and prefixes, so a page it gives may hold none of a word's forms (كوبنهاغن), or a
 * figure's number and its multiplier apart (١١ ألف); such a page is not a result.
 */
import { cliticReadings, foldArabic, words } from '../arabic/normalise.ts';
import { keysOf, stripKeys } from './index-keys.ts';
import { isToken, type FigureReader, type QueryUnit } from './query.ts';

/** Every stem a folded word can be read as (the word itself included). */
function stems(folded: string): string[] {
  return cliticReadings(folded).map((r) => r.stem);
}

/** The stems one word of indexed text (with its keys) can be read as. */
export function textWordStems(chunk: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(foldArabic(stripKeys(chunk)))) for (const s of stems(w.word)) out.add(s);
  for (const key of keysOf(chunk)) for (const s of stems(key)) out.add(s);
  return out;
}

/**
 * The positions (word indexes) of every occurrence of each phrase in a text (words joined by
 * spaces, as Pagefind stores it); null when some phrase does not occur. Phrases are lists of
 * folded words, as src/search/query.ts gives them.
 */
export function findPhrases(content: string, phrases: string[][]): number[] | null {
  const chunks = content.split(/\s+/).filter((c) => c !== '');
  const cache = new Map<number, Set<string>>();
  const at = (i: number) => {
    let set = cache.get(i);
    if (!set) cache.set(i, (set = textWordStems(chunks[i] ?? '')));
    return set;
  };
  const positions: number[] = [];
  for (const phrase of phrases) {
    const wanted = phrase.map(stems);
    let found = false;
    for (let start = 0; start + wanted.length <= chunks.length; start++) {
      if (wanted.every((forms, k) => forms.some((s) => at(start + k).has(s)))) {
        found = true;
        for (let k = 0; k < wanted.length; k++) positions.push(start + k);
      }
    }
    if (!found) return null;
  }
  return [...new Set(positions)].sort((a, b) => a - b);
}

/**
 * Endings a word takes that Pagefind's Arabic stemmer reads off, so that it finds الأميركي for
 * أميركية: a text word that is a query word plus one of them (or the other way round) holds it.
 */
const SUFFIXES = ['ه', 'ي', 'ا', 'يه', 'يا', 'ات', 'ون', 'ين', 'ان', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا'];
const MIN_BASE = 3;

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if ([...short].length < MIN_BASE || !long.startsWith(short)) return false;
  return SUFFIXES.includes(long.slice(short.length));
}

/** The stems of a folded query word, a token as it is. */
function queryStems(word: string): string[] {
  return isToken(word) ? [word] : stems(word);
}

/** Whether one word of indexed text (its stems: textWordStems) holds a query word (folded, or a token). */
export function chunkHolds(chunkStems: ReadonlySet<string>, word: string): boolean {
  if (isToken(word)) return chunkStems.has(word);
  for (const q of queryStems(word)) {
    if (chunkStems.has(q)) return true;
    for (const s of chunkStems) if (sameWord(q, s)) return true;
  }
  return false;
}

/** The words (word indexes) of a text (Pagefind's: words joined by spaces, keys included) that hold a query word. */
export function findWord(content: string, word: string): number[] {
  const chunks = content.split(/\s+/).filter((c) => c !== '');
  const out: number[] = [];
  chunks.forEach((chunk, i) => {
    if (chunkHolds(textWordStems(chunk), word)) out.push(i);
  });
  return out;
}

/** The word indexes where a text holds one unit of a query; [] when it does not hold it (a figure, without a figure reader). */
export function findUnit(content: string, unit: QueryUnit, figures?: FigureReader): number[] {
  if (unit.kind === 'figure') return figures?.findFigure(content, { value: unit.value, unit: unit.unit }) ?? [];
  if (unit.words.length === 1) return findWord(content, unit.words[0]!);
  return findPhrases(content, [unit.words]) ?? [];
}

/** Where a text holds every unit of a query (the word indexes to mark); null when some unit is not held. */
export function findUnits(content: string, units: readonly QueryUnit[], figures?: FigureReader): number[] | null {
  const positions = new Set<number>();
  for (const unit of units) {
    const found = findUnit(content, unit, figures);
    if (found.length === 0) return null;
    for (const i of found) positions.add(i);
  }
  return [...positions].sort((a, b) => a - b);
}
