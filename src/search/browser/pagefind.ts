/**
 * Pagefind's loader: the browser API (typed in sharded-index.ts, which wraps it). The bundle
 * lives at /pagefind/pagefind.js, written by the indexer (src/search/index-site.ts); it is
 * imported at run time, never bundled: the address is a variable, and esbuild also marks
 * /pagefind/* external (src/search/bundle-script.ts). The index may be split into shards
 * (src/search/index-shards.ts), listed in /pagefind/shards.json: the loader merges them all.
 */
import { SHARD_FILTER } from '../shard-filter.ts';
import { readDeltaEntry, readShardList, readTokenDirectory, SHARDS_PATH, type ShardEntry } from '../shard-list.ts';
import type { TokenDirectory } from '../shard-filter.ts';
import { ShardedIndex, type PagefindApi } from './sharded-index.ts';

export const PAGEFIND_URL = '/pagefind/pagefind.js';
const SHARDS_URL = `/${SHARDS_PATH}`;

let loading: Promise<ShardedIndex> | undefined;

interface Listed {
  shards: ShardEntry[];
  delta?: ShardEntry | undefined;
  masked: boolean;
  tokens?: TokenDirectory | undefined;
}

/** The shards the site lists; none when it lists none (a site built before shards has no shards.json). */
async function loadShardList(): Promise<Listed> {
  try {
    const response = await fetch(SHARDS_URL);
    if (!response.ok) return { shards: [], masked: false };
    const json: unknown = await response.json();
    return { shards: readShardList(json), delta: readDeltaEntry(json), masked: (json as { masked?: unknown } | null)?.masked === true, tokens: readTokenDirectory(json) };
  } catch {
    return { shards: [], masked: false };
  }
}

/**
 * Loads and initialises Pagefind once; the other shards are merged when a search first needs
 * them (ShardedIndex: a search of names needs only the shards that may hold them, by the
 * list's token directory; any other, every shard). The list of shards is fetched
 * while Pagefind's script is (it is small, so it does not delay the start). The first shard is
 * the bundle Pagefind's script comes with; each other one is merged into it, and loads only its
 * own entry and metadata at first (Pagefind's WebAssembly is loaded once, by the first). The
 * delta shard, when the list has one, is merged like the others.
 *
 * The first shard's filter is given before init, so that it is in place before any search (an
 * options() call after init would wait for the WebAssembly); Pagefind 1.5.2's mergeIndex
 * applies a merged shard's filter itself (twice, in fact, without counting its pages twice).
 *
 * `noWorker`: Pagefind 1.5 would otherwise fetch a 41 kB worker script (a second copy of its
 * search code) before the first query; searching on the page's own thread is quick at this
 * archive's size. Revisit if typing ever feels slow on a very large index.
 */
export function loadSearchIndex(url: string = PAGEFIND_URL): Promise<ShardedIndex> {
  loading ??= (async () => {
    const [pagefind, listed] = await Promise.all([import(url) as Promise<PagefindApi>, loadShardList()]);
    const { delta, masked } = listed;
    const shards = listed.shards.length > 1 || delta ? listed.shards : [];
    const [first, ...rest] = shards;
    const others = delta ? [...rest, delta] : rest;
    await pagefind.options({ excerptLength: 30, noWorker: true, ...(first ? { mergeFilter: { [SHARD_FILTER]: first.id } } : {}) });
    await pagefind.init();
    const merged = new Map<string, Promise<void>>();
    const load = async (ids: readonly string[]) => {
      await Promise.all(
        others
          .filter((shard) => ids.includes(shard.id))
          .map((shard) => {
            let merging = merged.get(shard.id);
            if (!merging) merged.set(shard.id, (merging = pagefind.mergeIndex(shard.path, { mergeFilter: { [SHARD_FILTER]: shard.id } })));
            return merging;
          }),
      );
    };
    return new ShardedIndex(
      pagefind,
      shards.map((shard) => shard.id),
      { delta: delta?.id, masked, tokens: listed.tokens, load },
    );
  })();
  return loading;
}
