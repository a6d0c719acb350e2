/**
 * Which shards of the search index a build indexes again, and which pages go into the delta
 * instead. Pure: no files, no Pagefind.
 *
 * A shard whose pages all went into a bundle the build cache keeps is taken as it is. A shard
 * whose pages changed since its bundle was made (its *base*: the last bundle indexed for the same
 * span of months, with the same lexicon, code and Pagefind) is not indexed again: its base is
 * taken, the base's pages that were removed or changed are *masked* in it (index-site.ts gives
 * them the filter MASK_FILTER, which every search excludes), and the pages that were added or
 * changed go into one small shard of their own, the delta, that the search page merges like the
 * others. A changed page is masked in its base and found in the delta, so a search sees it once,
 * as it is now.
 *
 * The delta stays cheap: the pages drifted from their bases (delta pages and masked pages
 * together) are bounded by `bound`; past it the shards that drifted most (ties: by id) are
 * indexed again afresh, which folds their pages back, until the rest is within the bound. A shard
 * with no base (a span of months the archive had no article in, or a lexicon changed since) is
 * always indexed: so a build with an empty cache has no delta, and is the same as one without
 * the delta.
 *
 * Everything here is decided from the pages and what the cache holds, never from the clock or
 * the order files were listed in: the delta is the same for the same content and cache.
 */

/** A page as the planner compares it: its site path and the hash of its indexed part. */
export interface PageRef {
  path: string;
  hash: string;
}

/** What a kept bundle was indexed from. */
export interface BaseShard {
  /** The key the bundle is kept under. */
  key: string;
  pages: readonly PageRef[];
}

export interface PlannedShard<P extends PageRef> {
  id: string;
  pages: readonly P[];
  /** Whether the cache keeps a bundle of exactly these pages. */
  kept: boolean;
  /** The last bundle kept for this span of months, when there is one (ignored when `kept`). */
  base?: BaseShard | undefined;
}

export type ShardMake =
  /** The kept bundle of exactly its pages. */
  | { id: string; how: 'kept' }
  /** Indexed by this build. */
  | { id: string; how: 'index' }
  /** Its base, with `masked` (site paths, sorted) masked; its new pages are in the delta. */
  | { id: string; how: 'base'; base: string; masked: string[] };

export interface DeltaPlan<P extends PageRef> {
  /** One per shard, in the order given. */
  shards: ShardMake[];
  /** The pages of the delta, by path; none: no delta. */
  delta: P[];
}

/** How many pages may drift from their bases (delta pages and masked pages together) before shards are indexed again. */
export const DELTA_PAGES = 400;

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The pages of `current` new or changed since `base`, and the paths of `base` removed or changed since. */
export function drift<P extends PageRef>(current: readonly P[], base: readonly PageRef[]): { changed: P[]; masked: string[] } {
  const was = new Map(base.map((page) => [page.path, page.hash]));
  const now = new Map(current.map((page) => [page.path, page.hash]));
  const changed = current.filter((page) => was.get(page.path) !== page.hash);
  const masked = base.filter((page) => now.get(page.path) !== page.hash).map((page) => page.path);
  return { changed: [...changed].sort(byPath), masked: masked.sort() };
}

/** Decides how each shard is made, and what the delta holds (see the comment at the top). */
export function planDelta<P extends PageRef>(shards: ReadonlyArray<PlannedShard<P>>, bound: number = DELTA_PAGES): DeltaPlan<P> {
  const drifted = new Map<string, { base: string; changed: P[]; masked: string[] }>();
  for (const shard of shards) {
    if (shard.kept || !shard.base) continue;
    drifted.set(shard.id, { base: shard.base.key, ...drift(shard.pages, shard.base.pages) });
  }
  const weight = (id: string) => {
    const d = drifted.get(id)!;
    return d.changed.length + d.masked.length;
  };
  let total = 0;
  for (const id of drifted.keys()) total += weight(id);
  while (total > bound && drifted.size > 0) {
    const most = [...drifted.keys()].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0))[0]!;
    total -= weight(most);
    drifted.delete(most);
  }
  const delta: P[] = [];
  const made = shards.map((shard): ShardMake => {
    if (shard.kept) return { id: shard.id, how: 'kept' };
    const d = drifted.get(shard.id);
    if (!d) return { id: shard.id, how: 'index' };
    delta.push(...d.changed);
    return { id: shard.id, how: 'base', base: d.base, masked: d.masked };
  });
  return { shards: made, delta: delta.sort(byPath) };
}
