/**
 * Pagefind with every shard of the index merged, searched as one index would be. Pagefind's
 * merged search already runs on every shard and merges results and counts; what it gets wrong
 * for a split index is a search of several words, which a shard lacking one of the words answers
 * with the others alone. This keeps such a search to the shards holding every word
 * (src/search/shard-filter.ts says why and how).
 *
 * The part of Pagefind's browser API the search page uses is typed here, beside the one class
 * that wraps it; the loader (pagefind.ts) and the page (main.ts) import the types from here.
 */
import { SHARD_FILTER, shardsHoldingEveryWord, withinShards } from '../shard-filter.ts';
import type { PagefindSearchOptions } from '../state.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindFragment {
  url: string;
  /** The page's whole indexed text: its words joined by single spaces, search keys included. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the page's text (indexes into its words). */
  words: number[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindApi {
  options(options: { excerptLength?: number; baseUrl?: string; noWorker?: boolean; mergeFilter?: Record<string, string> }): Promise<void>;
  init(): Promise<void>;
  /** Adds another bundle's pages to every search; `mergeFilter` gives all of them a filter value of their own. */
  mergeIndex(path: string, options?: { mergeFilter?: Record<string, string> }): Promise<void>;
  search(term: string | null, options?: { filters?: object; sort?: object }): Promise<PagefindResponse | null>;
}

const NOTHING: PagefindResponse = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };

export class ShardedIndex {
  /** The shards that answer the last term searched (null: all), found once per term. */
  private kept: { term: string; shards: Promise<string[] | null> } | undefined;

  /**
   * `shards`: the shards' ids, oldest first, when there are several (each shard's pages then
   * carry the filter `shard: ID`); [] for an index in one piece, which has no such filter.
   */
  constructor(
    private readonly pagefind: PagefindApi,
    readonly shards: readonly string[],
  ) {}

  async search(term: string | null, options: PagefindSearchOptions): Promise<PagefindResponse | null> {
    const kept = term === null ? null : await this.shardsFor(term);
    if (!kept) return this.pagefind.search(term, options);
    const narrowed = withinShards(options, kept);
    if (!narrowed) return NOTHING;
    // Pagefind's totals count every page the words find, whatever the filters, so the pages of
    // the shards left out too: they are counted again, with the shards kept as the one filter.
    const none = options.filters.none;
    const [response, inKept] = await Promise.all([
      this.pagefind.search(term, narrowed),
      this.pagefind.search(term, { filters: { [SHARD_FILTER]: { any: kept }, ...(none ? { none } : {}) } }),
    ]);
    return response && { ...response, totalFilters: inKept?.filters ?? {} };
  }

  /** The shards holding every word of `term` that some shard holds; null when all do, or for one word or one shard. */
  private shardsFor(term: string): Promise<string[] | null> {
    if (this.kept?.term !== term) {
      const words = [...new Set(term.split(' ').filter((word) => word !== ''))];
      const shards =
        this.shards.length < 2 || words.length < 2
          ? Promise.resolve(null)
          : Promise.all(words.map((word) => this.pagefind.search(word, { filters: {} }))).then((responses) =>
              shardsHoldingEveryWord(
                this.shards,
                responses.map((response) => response?.filters[SHARD_FILTER] ?? {}),
              ),
            );
      this.kept = { term, shards };
    }
    return this.kept.shards;
  }
}
