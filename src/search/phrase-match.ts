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
 */
import { cliticReadings, foldArabic, words } from '../arabic/normalise.ts';
import { keysOf, stripKeys } from './index-keys.ts';

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
