/**
 * Pagefind with the shards of the index merged, searched as one index would be. A shard is
 * merged when a search first needs it: every shard for most, but for a term of name tokens
 * only the shards that may hold them, by the token directory of shards.json
 * (src/search/shard-filter.ts, shardsForTokens), so a first query of a name loads the
 * metadata and index chunks of those shards alone. Pagefind's
 * merged search already runs on every shard merged and merges results and counts; what it gets wrong
 * for a split index is a search of several words, which a shard lacking one of the words answers
 * with the others alone. This keeps such a search to the shards holding every word
 * (src/search/shard-filter.ts says why and how). An index with a delta shard (pages added or
 * changed since their shards were indexed, src/search/index-delta.ts) leaves out, in every
 * search, the pages masked in their shards, and counts its totals without them.
 *
 * The part of Pagefind's browser API the search page uses is typed here, beside the one class
 * that wraps it; the loader (pagefind.ts) and the page (main.ts) import the types from here.
 */
import { SHARD_FILTER, shardsForTokens, shardsHoldingAll, shardsHoldingEveryWord, withinShards, withoutMasked, type TokenDirectory } from '../shard-filter.ts';
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

export interface DeltaInfo {
  /** The delta shard's id, when there is one: its pages, of any date, carry `shard: ID`. */
  delta?: string | undefined;
  /** Whether some shard has pages masked (every search then leaves them out). */
  masked?: boolean | undefined;
  /** Which shards hold which name tokens (shards.json), over the shards then the delta; none: every search needs every shard. */
  tokens?: TokenDirectory | undefined;
  /**
   * Merges the shards given into Pagefind, those not merged yet (each once); none: all are
   * merged already. A search needs only the shards that may answer it.
   */
  load?: ((ids: readonly string[]) => Promise<void>) | undefined;
}

export class ShardedIndex {
  /** The shards that answer the last term searched (null: all), found once per term. */
  private kept: { term: string; shards: Promise<string[] | null> } | undefined;
  /** The delta shard's id, if any. */
  readonly delta: string | undefined;
  private readonly masked: boolean;
  private readonly tokens: TokenDirectory | undefined;
  private readonly load: (ids: readonly string[]) => Promise<void>;

  /**
   * `shards`: the shards' ids, oldest first, when there are several or a delta (each shard's
   * pages then carry the filter `shard: ID`); [] for an index in one piece, which has no such
   * filter. The delta is not among them: it is `delta.delta`.
   */
  constructor(
    private readonly pagefind: PagefindApi,
    readonly shards: readonly string[],
    delta: DeltaInfo = {},
  ) {
    this.delta = delta.delta;
    this.masked = delta.masked ?? false;
    this.tokens = delta.tokens;
    this.load = delta.load ?? (async () => {});
  }

  /** Every shard's id, the delta's last. */
  private get all(): readonly string[] {
    return this.delta ? [...this.shards, this.delta] : this.shards;
  }

  /** Pagefind's search, without the masked pages. */
  private ask(term: string | null, options: PagefindSearchOptions): Promise<PagefindResponse | null> {
    return this.pagefind.search(term, this.masked ? withoutMasked(options) : options);
  }

  async search(term: string | null, options: PagefindSearchOptions): Promise<PagefindResponse | null> {
    if (term === null) await this.load(this.all);
    const kept = term === null ? null : await this.shardsFor(term);
    if (!kept && !this.masked) return this.ask(term, options);
    const narrowed = kept ? withinShards(options, kept) : options;
    if (!narrowed) return NOTHING;
    // Pagefind's totals count every page the words find, whatever the filters, so the pages of
    // the shards left out and the masked pages too: they are counted again, with the shards
    // kept as the one filter (and the masked pages left out).
    const none = options.filters.none;
    const [response, inKept] = await Promise.all([
      this.ask(term, narrowed),
      this.ask(term, { filters: { ...(kept ? { [SHARD_FILTER]: { any: kept } } : {}), ...(none ? { none } : {}) } }),
    ]);
    return response && { ...response, totalFilters: inKept?.filters ?? {} };
  }

  /**
   * Whether some page not masked holds `word`, when the token directory says (a name's token,
   * src/search/shard-filter.ts); undefined when only a search can tell. Asks no shard.
   */
  holds(word: string): boolean | undefined {
    const ids = this.all;
    const byTokens = this.tokens && ids.length > 1 ? shardsForTokens(ids, [word], this.tokens) : undefined;
    return byTokens && byTokens.found.length === 1;
  }

  /**
   * The shards holding every word of `term` that some shard holds; null when all do, or for one
   * word or one shard. Only those shards are merged: for a term of name tokens the directory
   * says which they may be (shardsForTokens), without asking any shard; for any other, every
   * shard is merged, and each word is searched alone to find them.
   */
  private shardsFor(term: string): Promise<string[] | null> {
    if (this.kept?.term !== term) {
      const words = [...new Set(term.split(' ').filter((word) => word !== ''))];
      const ids = this.all;
      const byTokens = this.tokens && ids.length > 1 ? shardsForTokens(ids, words, this.tokens) : undefined;
      let shards: Promise<string[] | null>;
      if (byTokens) {
        const { found, shards: may } = byTokens;
        const everyShard = (kept: string[]) => (kept.length === ids.length ? null : kept);
        shards = this.load(may).then(() =>
          found.length < 2 || may.length === 0
            ? everyShard(may)
            : Promise.all(found.map((word) => this.ask(word, { filters: { [SHARD_FILTER]: { any: may } } }))).then((responses) =>
                everyShard(
                  shardsHoldingAll(
                    may,
                    responses.map((response) => response?.filters[SHARD_FILTER] ?? {}),
                  ),
                ),
              ),
        );
      } else {
        shards = this.load(ids).then(() =>
          ids.length < 2 || words.length < 2
            ? null
            : Promise.all(words.map((word) => this.ask(word, { filters: {} }))).then((responses) =>
                shardsHoldingEveryWord(
                  ids,
                  responses.map((response) => response?.filters[SHARD_FILTER] ?? {}),
                ),
              ),
        );
      }
      this.kept = { term, shards };
    }
    return this.kept.shards;
  }
}
