/**
 * /pagefind/shards.json, the list of the search index's shards (src/search/index-shards.ts), as
 * the search page reads it. Browser-safe: the page's bundle imports this module, never
 * index-site.ts (which writes the file, and imports Node modules).
 */

/** Where the search page finds the list of shards, relative to the site's root. */
export const SHARDS_PATH = 'pagefind/shards.json';

export interface ShardEntry {
  /** The span of months it indexes, `2017-09_2017-10`; also the value of its `shard` filter. */
  id: string;
  /** Site-absolute folder of its bundle: `/pagefind/` for the first, `/pagefind/ID/` for the others. */
  path: string;
}

/** What /pagefind/shards.json holds. */
export interface ShardList {
  /** In date order, oldest first; the first is the bundle at /pagefind/ itself. */
  shards: ShardEntry[];
}

/**
 * The shards a parsed shards.json lists, or [] when it lists none usable (the page then
 * searches the bundle at /pagefind/ alone, as on a site built before shards). An entry whose
 * id or path is not a plain string is dropped; a path must be site-absolute.
 */
export function readShardList(json: unknown): ShardEntry[] {
  const shards = (json as Partial<ShardList> | null)?.shards;
  if (!Array.isArray(shards)) return [];
  const entries: ShardEntry[] = [];
  for (const shard of shards as unknown[]) {
    const { id, path } = (shard ?? {}) as Partial<Record<keyof ShardEntry, unknown>>;
    if (typeof id === 'string' && id && typeof path === 'string' && path.startsWith('/')) entries.push({ id, path });
  }
  return entries;
}
