/**
 * The part of Pagefind's browser API the search page uses, typed, and its loader. The bundle
 * lives at /pagefind/pagefind.js, written by the indexer (src/search/index-site.ts); it is
 * imported at run time, never bundled: the address is a variable, and esbuild also marks
 * /pagefind/* external (src/search/bundle-script.ts).
 */

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
  options(options: { excerptLength?: number; baseUrl?: string; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: object; sort?: object }): Promise<PagefindResponse | null>;
}

export const PAGEFIND_URL = '/pagefind/pagefind.js';

let loading: Promise<PagefindApi> | undefined;

/**
 * Loads and initialises Pagefind once. `noWorker`: Pagefind 1.5 would otherwise fetch a 41 kB
 * worker script (a second copy of its search code) before the first query; searching on the
 * page's own thread is quick at this archive's size. Revisit if typing ever feels slow on a
 * very large index.
 */
export function loadPagefind(url: string = PAGEFIND_URL): Promise<PagefindApi> {
  loading ??= (async () => {
    const pagefind = (await import(url)) as PagefindApi;
    await pagefind.options({ excerptLength: 30, noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}
