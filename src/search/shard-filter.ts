/**
 * The `shard` filter: how the search page tells the shards of a split index apart, and keeps a
 * search of several words to the shards that can answer it. Pure: no DOM, no Pagefind.
 *
 * Every page of a shard carries the synthetic filter `shard: ID` (given when the shard is
 * merged, src/search/browser/pagefind.ts; nothing is downloaded for it). It narrows a search to
 * one shard (a date order across shards, src/search/date-order.ts), and its counts say how many
 * results each shard holds. It is never shown and never in the address.
 *
 * Why a search of several words must be kept to some shards: Pagefind ignores a word that no
 * page of its index holds (it intersects the pages of the words it finds, and a word it finds
 * nowhere adds nothing to intersect). On one index that only happens to a word the whole
 * archive lacks; but a shard lacking a word that other shards hold would then answer the other
 * words alone: "الباغوز الرقة" would find the Raqqa article of 2017 in a shard where no page
 * says الباغوز. So the page asks for each word alone which shards hold it, and keeps the
 * search to the shards holding every word some shard holds: the results of one index, split.
 */
import { isToken } from './query.ts';
import type { PagefindSearchOptions } from './state.ts';

export const SHARD_FILTER = 'shard';

/**
 * The filter of the pages a shard holds that are no longer so (removed from the archive, or
 * changed: their new version is in the delta shard, src/search/index-delta.ts), with the one
 * value MASKED. Only a shard with such pages has the filter; every search excludes them
 * (withoutMasked), and a shard without the filter loses nothing by it.
 */
export const MASK_FILTER = 'masked';
export const MASKED = '1';

/** The same search without the masked pages. */
export function withoutMasked(options: PagefindSearchOptions): PagefindSearchOptions {
  return { ...options, filters: { ...options.filters, [MASK_FILTER]: { none: [MASKED] } } };
}

/** The same search narrowed to one shard's pages. */
export function withShard(options: PagefindSearchOptions, id: string): PagefindSearchOptions {
  return { ...options, filters: { ...options.filters, [SHARD_FILTER]: { any: [id] } } };
}

/**
 * The same search kept to the `allowed` shards (within any shards it was already narrowed to),
 * or undefined when that leaves none: nothing to search.
 */
export function withinShards(options: PagefindSearchOptions, allowed: readonly string[]): PagefindSearchOptions | undefined {
  const asked = options.filters[SHARD_FILTER]?.any;
  const ids = asked ? asked.filter((id) => allowed.includes(id)) : [...allowed];
  return ids.length ? { ...options, filters: { ...options.filters, [SHARD_FILTER]: { any: ids } } } : undefined;
}

/**
 * The shards that answer a search of several words as one index would: those holding every
 * word that some shard holds. `perWord` holds, for each word searched alone, its counts of the
 * shard filter. Null when that is every shard (the search needs no keeping).
 */
export function shardsHoldingEveryWord(ids: readonly string[], perWord: ReadonlyArray<Readonly<Record<string, number | undefined>>>): string[] | null {
  const held = (counts: Readonly<Record<string, number | undefined>>, id: string) => (counts[id] ?? 0) > 0;
  const found = perWord.filter((counts) => ids.some((id) => held(counts, id)));
  const kept = ids.filter((id) => found.every((counts) => held(counts, id)));
  return kept.length === ids.length ? null : kept;
}

/**
 * Which shards hold which name tokens (written by src/search/token-directory.ts into
 * /pagefind/shards.json): for a token, one character per shard of the list (the dated shards,
 * oldest first, then the delta): HOLDS (Pagefind finds it there, on a page not masked),
 * MAY_HOLD (it may take another word of the shard for it) or NOT_HELD (it finds nothing of it
 * there). A token the directory does not list is held by no shard: the directory lists every
 * token of the lexicon the index was built with (the one the page reads queries with) that
 * some shard holds or may hold.
 */
export type TokenDirectory = Record<string, string>;
export const HOLDS = '2';
export const MAY_HOLD = '1';
export const NOT_HELD = '0';

/**
 * What a term made of name tokens alone needs of the shards (`ids`, in the directory's order),
 * found from the directory without asking any shard: the words some shard holds (`found`:
 * Pagefind ignores the others everywhere), and the shards that may answer (`shards`: those that
 * may hold every word found; none when no word is found). Undefined when the directory cannot
 * tell: a word that is not a token, or a token no shard is known to hold but some may.
 *
 * The shards left out are those a search of the whole index would also leave out: a shard
 * lacking a word that some shard holds answers nothing (shardsHoldingEveryWord), and a shard
 * holding none of the words finds nothing.
 */
export function shardsForTokens(ids: readonly string[], words: readonly string[], directory: Readonly<TokenDirectory>): { found: string[]; shards: string[] } | undefined {
  const found: string[] = [];
  const kept = ids.map(() => true);
  for (const word of words) {
    if (!isToken(word)) return undefined;
    const code = Object.hasOwn(directory, word) ? directory[word] : undefined;
    if (code === undefined) continue; // no shard holds it
    if (code.length !== ids.length) return undefined;
    if (code.includes(HOLDS)) {
      found.push(word);
      for (let i = 0; i < ids.length; i++) if (code[i] === NOT_HELD) kept[i] = false;
    } else if (code.includes(MAY_HOLD)) return undefined;
  }
  return { found, shards: found.length ? ids.filter((_, i) => kept[i]) : [] };
}

/** The shards of `ids` where every word's counts of the shard filter (`perWord`, each word searched alone) are above 0. */
export function shardsHoldingAll(ids: readonly string[], perWord: ReadonlyArray<Readonly<Record<string, number | undefined>>>): string[] {
  return ids.filter((id) => perWord.every((counts) => (counts[id] ?? 0) > 0));
}
