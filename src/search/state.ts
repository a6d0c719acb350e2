/**
 * A search as the address carries it, and as Pagefind is asked it. Pure: no DOM.
 *
 *   /search/?q=الباغوز&outlet=السياسة&outlet=DW+عربية&place=سوريا&from=2019-03-01&to=2019-03-31&sort=oldest
 *
 * `q` is the query as typed; each filter key may repeat, one parameter per checked value, the
 * value being the filter value exactly as indexed (an outlet's Arabic name, an event title, a
 * place's canonical name, a year); `from` and `to` bound the publication date (YYYY, YYYY-MM or
 * YYYY-MM-DD, either may be left out; src/search/date-range.ts); `sort` is `newest` or
 * `oldest`, absent for relevance. Within one key the values are alternatives (any), across keys
 * and with the date range all must hold.
 */
import { dateBound, inRange, rangeFilter, type DateRange, type YearBounds } from './date-range.ts';

/** The filter keys the article pages define (layouts/partials/pagefind-data.njk), in display order. */
export const FILTER_KEYS = ['outlet', 'event', 'place', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export type SelectedFilters = Record<FilterKey, string[]>;

export interface SearchState {
  query: string;
  filters: SelectedFilters;
  /** The publication-date range, each end a whole day (YYYY-MM-DD) or '' for open. */
  dates: DateRange;
  sort: SortOrder;
}

/** Filters in Pagefind's filter syntax: values of a key, the date range as a compound filter, and the keys to count. */
export type PagefindFilters = Partial<Record<FilterKey, { any: string[] }>> & {
  any?: Array<Record<string, { any: string[] }>>;
  none?: Array<Record<string, string>>;
  /** One shard's pages (SHARD_FILTER in src/search/date-order.ts): the page adds it, the address never carries it. */
  shard?: { any: string[] };
  /** Every search leaves out the pages masked in their shard (MASK_FILTER in src/search/shard-filter.ts). */
  masked?: { none: string[] };
};

/** A filter value no page has (filter values come from page attributes, which hold no NUL). */
export const NO_VALUE = '\u0000';

export interface PagefindSearchOptions {
  filters: PagefindFilters;
  sort?: { date: 'asc' | 'desc' };
}

/** Longest query or filter value kept from an address; longer ones are cut. */
const MAX_LENGTH = 200;
/** Most values kept per filter key from an address. */
const MAX_VALUES = 50;

export function emptyFilters(): SelectedFilters {
  return { outlet: [], event: [], place: [], year: [] };
}

export function isFilterKey(key: string): key is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(key);
}

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, MAX_LENGTH);
}

/** Reads a search from an address's query string (`location.search` or form data). */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    const values: string[] = [];
    for (const raw of params.getAll(key)) {
      const value = clean(raw);
      if (value && !values.includes(value) && values.length < MAX_VALUES) values.push(value);
    }
    filters[key] = values;
  }
  const sort = params.get('sort');
  return {
    query: (params.get('q') ?? '').slice(0, MAX_LENGTH),
    filters,
    dates: { from: dateBound(params.get('from') ?? '', 'from'), to: dateBound(params.get('to') ?? '', 'to') },
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
  };
}

/** The query string for a search: `q` first, filters in key order, the dates, `sort` last and only if not relevance. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.dates.from) params.set('from', state.dates.from);
  if (state.dates.to) params.set('to', state.dates.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** `/search/?…`, or `/search/` for an empty search. */
export function searchHref(state: SearchState, path = '/search/'): string {
  const query = paramsFromState(state).toString();
  return query ? `${path}?${query}` : path;
}

/** How many things narrow the search: ticked values and date bounds. */
export function activeFilterCount(state: Pick<SearchState, 'filters' | 'dates'>): number {
  return FILTER_KEYS.reduce((n, key) => n + state.filters[key].length, 0) + (state.dates.from ? 1 : 0) + (state.dates.to ? 1 : 0);
}

/** Whether anything narrows the search: a ticked value or a date bound. */
export function hasFilters(state: Pick<SearchState, 'filters' | 'dates'>): boolean {
  return activeFilterCount(state) > 0;
}

/** Whether there is anything to search for: something to look for in the text, or a filter. */
export function isSearchable(state: SearchState, hasTerms: boolean): boolean {
  return hasTerms || hasFilters(state);
}

/**
 * Pagefind options for the results of a search: the ticked values (values of one key are
 * alternatives, `any`), the date range (`bounds` close an open one), and the sort. Only the
 * filter files of the keys ticked are loaded: the facet counts come later (countOptions).
 */
export function resultOptions(state: SearchState, bounds: YearBounds): PagefindSearchOptions {
  const options: PagefindSearchOptions = { filters: selectedFilters(state, bounds) };
  if (state.sort === 'newest') options.sort = { date: 'desc' };
  if (state.sort === 'oldest') options.sort = { date: 'asc' };
  return options;
}

/**
 * Pagefind options for the facet counts of a search, run once its results are on screen.
 * `without` leaves one key's filters out: the counts shown beside that key's checkboxes come
 * from such a search, so that they say how many results ticking a box would give (values of one
 * key are alternatives, so they widen the search, never narrow it). No sort: it counts the same.
 *
 * The facet keys are always named, in a `none` of values no page has (so nothing is left out):
 * Pagefind loads a filter's values, and counts them, only for the keys a search names, and the
 * page needs the counts of these four, not of the month and day filters, which a date range
 * alone names. (Pagefind's filters() would load them all, the day filter the largest.) Loading
 * them is what this search costs the first time, which is why the results do not wait for it
 * (the sizes: BENCHMARKS.md, "Notes from the code").
 */
export function countOptions(state: SearchState, bounds: YearBounds, without?: FilterKey): PagefindSearchOptions {
  return { filters: { ...selectedFilters(state, bounds, without), none: countedKeys() } };
}

function selectedFilters(state: SearchState, bounds: YearBounds, without?: FilterKey): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const key of FILTER_KEYS) {
    if (key !== without && state.filters[key].length) filters[key] = { any: [...state.filters[key]] };
  }
  const range = rangeFilter(state.dates, bounds);
  if (range) filters.any = range.any;
  return filters;
}

/**
 * What decides a search's facet counts: the words, the ticked values and the dates, not the
 * sort. Two searches with the same key share their counts, so changing the sort counts nothing
 * again.
 */
export function countsKey(state: SearchState, term: string | null): string {
  return JSON.stringify([term, FILTER_KEYS.map((key) => state.filters[key]), state.dates.from, state.dates.to]);
}

/** The facet keys, named so that Pagefind loads and counts them, excluding nothing. */
export function countedKeys(): Array<Record<string, string>> {
  return FILTER_KEYS.map((key) => ({ [key]: NO_VALUE }));
}

/** Adds or removes one filter value. Returns a new state. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key].filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [key]: on ? [...current, value] : current } };
}

/**
 * Whether a page with these filter values and this date passes the search's filters (for
 * searches filtered here rather than by Pagefind: a query run as several searches). `without`
 * leaves one key out, as for countOptions.
 */
export function passesFilters(pageFilters: Record<string, string[] | undefined>, isoDate: string, state: SearchState, without?: FilterKey): boolean {
  for (const key of FILTER_KEYS) {
    const wanted = state.filters[key];
    if (key === without || wanted.length === 0) continue;
    const values = pageFilters[key] ?? [];
    if (!wanted.some((v) => values.includes(v))) return false;
  }
  return inRange(isoDate, state.dates);
}

/** Counts per facet key and value. */
export type FacetCounts = Partial<Record<FilterKey, Record<string, number>>>;

/**
 * The facet counts of a search filtered here (see passesFilters), from its pages' filter values
 * and dates: `counts` as the checkboxes show them (each key counted without its own ticks),
 * `totals` every value the pages have, whatever the filters (listed with 0 when filtered out).
 */
export function countPages(
  pages: ReadonlyArray<{ filters: Record<string, string[] | undefined>; date: string }>,
  state: SearchState,
): { counts: FacetCounts; totals: FacetCounts } {
  const counts: FacetCounts = {};
  const totals: FacetCounts = {};
  for (const key of FILTER_KEYS) {
    const keyCounts: Record<string, number> = {};
    const keyTotals: Record<string, number> = {};
    for (const page of pages) {
      const passes = passesFilters(page.filters, page.date, state, key);
      for (const value of page.filters[key] ?? []) {
        keyTotals[value] = (keyTotals[value] ?? 0) + 1;
        if (passes) keyCounts[value] = (keyCounts[value] ?? 0) + 1;
      }
    }
    counts[key] = keyCounts;
    totals[key] = keyTotals;
  }
  return { counts, totals };
}

/** Only the facet keys of Pagefind's counts: the shard filter, and the month and day filters, are never shown. */
export function facetCounts(counts: Readonly<Record<string, Record<string, number> | undefined>>): FacetCounts {
  const picked: FacetCounts = {};
  for (const key of FILTER_KEYS) if (counts[key]) picked[key] = { ...counts[key] };
  return picked;
}
