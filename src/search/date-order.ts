/**
 * Results in date order when the index is split into shards. Pure: no DOM, no Pagefind.
 *
 * Pagefind merges the results of its merged indexes by score, and a sorted search scores each
 * index's results by their rank in that index alone, so a merged search sorted by date
 * interleaves the shards. But the shards are contiguous spans of months in date order
 * (src/search/index-shards.ts), so the whole list in date order is each shard's own sorted
 * list, one shard after another: newest shard first for "newest", oldest first for "oldest".
 * Every shard's pages carry a synthetic filter `shard: ID` (src/search/shard-filter.ts);
 * the merged search's counts of that filter say how many results each shard holds, so the page
 * asks a shard for its sorted results only when it shows one of them.
 */
export type DateSort = 'newest' | 'oldest';

/** A shard's run of results in the whole list: positions `start` to `start + count - 1`. */
export interface ShardSpan {
  id: string;
  start: number;
  count: number;
}

/**
 * The shards holding results, in the order a date sort lists them, each with where its results
 * start in the whole list. `ids` are the shards oldest first (as shards.json lists them);
 * `counts` the merged search's counts of the shard filter (a shard not named holds none).
 */
export function datedShardSpans(ids: readonly string[], counts: Readonly<Record<string, number | undefined>>, sort: DateSort): ShardSpan[] {
  const ordered = sort === 'newest' ? [...ids].reverse() : ids;
  const spans: ShardSpan[] = [];
  let start = 0;
  for (const id of ordered) {
    const count = counts[id] ?? 0;
    if (count <= 0) continue;
    spans.push({ id, start, count });
    start += count;
  }
  return spans;
}

/** How many results the spans hold together. */
export function spansTotal(spans: readonly ShardSpan[]): number {
  const last = spans.at(-1);
  return last ? last.start + last.count : 0;
}

/** The shard, and the rank within its sorted results, of the result at `position` of the whole list. */
export function locateResult(spans: readonly ShardSpan[], position: number): { id: string; offset: number } | undefined {
  for (const span of spans) {
    if (position >= span.start && position < span.start + span.count) return { id: span.id, offset: position - span.start };
  }
  return undefined;
}

/**
 * Orders pages by date for a search sorted here rather than by Pagefind (a query with a
 * phrase), as Pagefind orders them: by date, and pages of one day by their address (the index
 * sorts by the date followed by the page's path, src/search/index-site.ts), compared code unit
 * by code unit, as Pagefind compares its sort values, not by locale.
 */
export function compareByDate(sort: DateSort): (a: { date: string; url: string }, b: { date: string; url: string }) => number {
  const sign = sort === 'newest' ? -1 : 1;
  const plain = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (a, b) => sign * (plain(a.date, b.date) || plain(a.url, b.url));
}

/** A list in date order, read one item at a time: `at(i)` gives the i-th of its `length`. */
export interface LazyList<T> {
  length: number;
  at(index: number): Promise<T | undefined>;
}

/**
 * Two lists each in date order merged into one in date order, read lazily: the item at a
 * position is found when asked for, reading each list only as far as the merge needs (one item
 * past what was given, to compare). `key` gives an item's date and address (compareByDate).
 * For the delta shard (src/search/index-delta.ts), whose pages may be of any date: its sorted
 * results are merged into the shards' list.
 */
export function mergedByDate<T>(
  a: LazyList<T>,
  b: LazyList<T>,
  key: (item: T) => Promise<{ date: string; url: string }>,
  sort: DateSort,
): (position: number) => Promise<T | undefined> {
  const compare = compareByDate(sort);
  let i = 0;
  let j = 0;
  const next = async (): Promise<T | undefined> => {
    const x = i < a.length ? await a.at(i) : undefined;
    const y = j < b.length ? await b.at(j) : undefined;
    if (x === undefined && y === undefined) return undefined;
    if (y === undefined || (x !== undefined && compare(await key(x), await key(y)) <= 0)) {
      i += 1;
      return x;
    }
    j += 1;
    return y;
  };
  const made: Array<Promise<T | undefined>> = [];
  let last: Promise<unknown> = Promise.resolve();
  return (position) => {
    while (made.length <= position) {
      const item = last.then(next);
      made.push(item);
      last = item.catch(() => undefined);
    }
    return made[position]!;
  };
}
