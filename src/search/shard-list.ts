/**
 * /pagefind/shards.json, the list of the search index's shards (src/search/index-shards.ts), as
 * the search page reads it. Browser-safe: the page's bundle imports this module, never
 * index-site.ts (which writes the file, and imports Node modules).
 */
import type { TokenDirectory } from './shard-filter.ts';

/** Where the search page finds the list of shards, relative to the site's root. */
export const SHARDS_PATH = 'pagefind/shards.json';

export interface ShardEntry {
  /** The span of months it indexes, `2017-09_2017-10`; also the value of its `shard` filter. */
  id: string;
  /** Site-absolute folder of its bundle: `/pagefind/` for the first, `/pagefind/ID/` for the others. */
  path: string;
}

/** The id of the delta shard (src/search/index-delta.ts), never a span of months. */
export const DELTA_ID = 'delta';

/** What /pagefind/shards.json holds. */
export interface ShardList {
  /** In date order, oldest first; the first is the bundle at /pagefind/ itself. */
  shards: ShardEntry[];
  /** The pages added or changed since their shards were indexed, of any date; absent when there are none. */
  delta?: ShardEntry;
  /** True when some shard has pages masked (MASK_FILTER in shard-filter.ts); absent when none has. */
  masked?: boolean;
  /**
   * Which shards hold which name tokens, over the shards then the delta (TokenDirectory in
   * shard-filter.ts; src/search/token-directory.ts writes it); absent for an index in one piece.
   */
  tokens?: TokenDirectory;
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
    const entry = readEntry(shard);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** The delta shard a parsed shards.json lists, if any (read as an entry of the list is). */
export function readDeltaEntry(json: unknown): ShardEntry | undefined {
  return readEntry((json as Partial<ShardList> | null)?.delta);
}

function readEntry(shard: unknown): ShardEntry | undefined {
  const { id, path } = (shard ?? {}) as Partial<Record<keyof ShardEntry, unknown>>;
  return typeof id === 'string' && id && typeof path === 'string' && path.startsWith('/') ? { id, path } : undefined;
}

/** The token directory a parsed shards.json holds, or undefined (nothing known: every shard is searched) when it holds none. */
export function readTokenDirectory(json: unknown): TokenDirectory | undefined {
  const tokens = (json as Partial<ShardList> | null)?.tokens;
  if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) return undefined;
  const directory: TokenDirectory = {};
  for (const [token, code] of Object.entries(tokens as Record<string, unknown>)) {
    // a token left out is held by no shard, so one entry unread makes the whole directory unusable
    if (typeof code !== 'string' || !/^[012]+$/.test(code)) return undefined;
    directory[token] = code;
  }
  return directory;
}
