/**
 * A search as the address carries it, and as Pagefind is asked it. Pure: no DOM.
 *
 *   /search/?q=الباغوز&outlet=السياسة&outlet=DW+عربية&place=سوريا&sort=oldest
 *
 * `q` is the query as typed; each filter key may repeat, one parameter per checked value, the
 * value being the filter value exactly as indexed (an outlet's Arabic name, an event title, a
 * place's canonical name, a year); `sort` is `newest` or `oldest`, absent for relevance.
 * Within one key the values are alternatives (any), across keys all must hold.
 */

/** The filter keys the article pages define (layouts/partials/pagefind-data.njk), in display order. */
export const FILTER_KEYS = ['outlet', 'event', 'place', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export type SelectedFilters = Record<FilterKey, string[]>;

export interface SearchState {
  query: string;
  filters: SelectedFilters;
  sort: SortOrder;
}

/** Filters in Pagefind's filter syntax. */
export type PagefindFilters = Partial<Record<FilterKey, { any: string[] }>>;

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
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
  };
}

/** The query string for a search: `q` first, filters in key order, `sort` last and only if not relevance. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** `/search/?…`, or `/search/` for an empty search. */
export function searchHref(state: SearchState, path = '/search/'): string {
  const query = paramsFromState(state).toString();
  return query ? `${path}?${query}` : path;
}

export function hasFilters(filters: SelectedFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key].length > 0);
}

/** Whether there is anything to search for: a query, or at least one filter. */
export function isSearchable(state: SearchState, normalisedQuery: string): boolean {
  return normalisedQuery !== '' || hasFilters(state.filters);
}

/**
 * Pagefind options for a search. `without` leaves one key's filters out: the counts shown beside
 * that key's checkboxes come from such a search, so that they say how many results ticking a box
 * would give (values of one key are alternatives, so they widen the search, never narrow it).
 */
export function pagefindOptions(state: SearchState, without?: FilterKey): PagefindSearchOptions {
  const filters: PagefindFilters = {};
  for (const key of FILTER_KEYS) {
    if (key !== without && state.filters[key].length) filters[key] = { any: [...state.filters[key]] };
  }
  const options: PagefindSearchOptions = { filters };
  if (state.sort === 'newest') options.sort = { date: 'desc' };
  if (state.sort === 'oldest') options.sort = { date: 'asc' };
  return options;
}

/** Adds or removes one filter value. Returns a new state. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key].filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [key]: on ? [...current, value] : current } };
}
