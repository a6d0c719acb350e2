/**
 * The search page's script (bundled by src/search/bundle-script.ts into /assets/search.js).
 * It reads the search from the address, asks Pagefind, shows the results and the filter
 * checkboxes with their counts, and writes every change back into the address with
 * `history.replaceState`, so a search can be shared and reloaded. Without it the page's form
 * still submits as a GET and its <noscript> points to the browse pages.
 *
 * The page's markup is layouts/pages/search.njk; the pure parts (address <-> filters, excerpts,
 * wording) live beside this folder so they can be tested without a browser.
 */
import { excerptFromContent } from '../excerpt.ts';
import { resultCountText, unmatchedText } from '../format.ts';
import { findUnit, findUnits } from '../phrase-match.ts';
import {
  createQueryReader,
  FIGURES_SCRIPT_PATH,
  mayHoldNumber,
  needsTextCheck,
  planWithout,
  type FigureReader,
  type QueryPlan,
  type QueryReader,
  type QueryUnit,
} from '../query.ts';
import { LEXICON_PATH, type SearchLexicon } from '../../analysis/lexicon.ts';
import {
  FILTER_KEYS,
  activeFilterCount,
  countOptions,
  countPages,
  countsKey,
  facetCounts,
  hasFilters,
  isFilterKey,
  isSearchable,
  passesFilters,
  resultOptions,
  searchHref,
  stateFromParams,
  toggleFilter,
  type FacetCounts,
  type FilterKey,
  type SearchState,
  type SortOrder,
} from '../state.ts';
import { openBounds, readDateInput, type YearBounds } from '../date-range.ts';
import { compareByDate, datedShardSpans, locateResult, mergedByDate, spansTotal, type DateSort } from '../date-order.ts';
import { SHARD_FILTER, withShard } from '../shard-filter.ts';
import { loadSearchIndex } from './pagefind.ts';
import type { PagefindFragment, PagefindResult, ShardedIndex } from './sharded-index.ts';

/** The lexicon the index was built with (src/search/index-site.ts writes it). */
const LEXICON_URL = `/${LEXICON_PATH}`;
/**
 * A query with a phrase is checked here, from each page's data (and filtered, counted and sorted
 * here too): at most this many pages, the best first, are read for it.
 */
const MOST_PAGES_READ = 500;

/**
 * Results whose data a search loads before it shows them: each is a fragment file (its size:
 * BENCHMARKS.md, "Notes from the code"), and the first query pays for them on top of Pagefind's script,
 * WebAssembly and metadata, so it shows FIRST_RESULTS; "more" then loads PAGE_SIZE at a time.
 */
const FIRST_RESULTS = 5;
/**
 * A word of a query that Pagefind finds in at most this many pages is checked in each of them
 * (their data is read): Pagefind finds pages by stems and prefixes, so كوبنهاغن may find a page
 * that does not hold it. A word found in more pages is taken as found (its results are still
 * checked as they are shown).
 */
const UNIT_CHECK_PAGES = 20;
const PAGE_SIZE = 10;
/** Delay after the last keystroke before searching as one types. */
const TYPING_DELAY_MS = 300;
/** Where the filters sit beside the results, open (as in search.css). */
const WIDE_SCREEN = '(min-width: 48rem)';
/** Values a filter group shows before "show all" (ticked values always show). */
const FILTER_VALUES_SHOWN = 8;

const FILTER_LEGENDS: Record<FilterKey, string> = {
  outlet: 'وسيلة الإعلام',
  event: 'الحدث',
  place: 'المكان',
  year: 'السنة',
};

interface Elements {
  app: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  /** The <details> around the filter groups: open on a wide screen, closed at first on a phone. */
  panel: HTMLDetailsElement;
  activeCount: HTMLElement;
  filters: HTMLElement;
  status: HTMLElement;
  results: HTMLOListElement;
  empty: HTMLElement;
  notice: HTMLElement;
  more: HTMLButtonElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  datesError: HTMLElement;
}

function element<T extends Element>(selector: string, type: { new (): T; prototype: T }): T {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`search page: ${selector} is missing`);
  return found;
}

function findElements(): Elements {
  return {
    app: element('[data-search-app]', HTMLElement),
    form: element('[data-search-form]', HTMLFormElement),
    input: element('[data-search-input]', HTMLInputElement),
    sort: element('[data-search-sort]', HTMLSelectElement),
    panel: element('[data-search-filters-panel]', HTMLDetailsElement),
    activeCount: element('[data-search-filters-active]', HTMLElement),
    filters: element('[data-search-filters]', HTMLElement),
    status: element('[data-search-status]', HTMLElement),
    results: element('[data-search-results]', HTMLOListElement),
    empty: element('[data-search-empty]', HTMLElement),
    notice: element('[data-search-notice]', HTMLElement),
    more: element('[data-search-more]', HTMLButtonElement),
    from: element('[data-search-from]', HTMLInputElement),
    to: element('[data-search-to]', HTMLInputElement),
    datesError: element('[data-search-dates-error]', HTMLElement),
  };
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

/** Only links into this site (or plain http/https) are followed. */
function safeHref(url: string): string {
  return url.startsWith('/') || /^https?:\/\//.test(url) ? url : '#';
}

/** A result to show: the page's data and the positions of the words the query matched in it. */
interface Hit {
  data: PagefindFragment;
  words: number[];
}

function renderResult({ data, words }: Hit): HTMLLIElement {
  const title = data.meta.title || data.url;
  const excerpt = h('p', { class: 'search-result__excerpt', dir: 'auto' });
  const cut = excerptFromContent(data.content ?? '', words);
  if (cut.before) excerpt.append('… ');
  for (const piece of cut.pieces) excerpt.append(piece.marked ? h('mark', {}, piece.text) : piece.text);
  if (cut.after) excerpt.append(' …');
  const meta = h('p', { class: 'search-result__meta' });
  if (data.meta.outlet) meta.append(h('bdi', { class: 'search-result__outlet', dir: 'rtl' }, data.meta.outlet));
  if (data.meta.date_ar) {
    if (data.meta.outlet) meta.append(h('span', { class: 'search-result__sep', 'aria-hidden': 'true' }, ' · '));
    meta.append(h('time', { datetime: data.meta.date }, data.meta.date_ar));
  }
  return h('li', { class: 'search-result' }, h('h2', { class: 'search-result__title' }, h('a', { href: safeHref(data.url) }, h('bdi', { dir: 'rtl' }, title))), meta, excerpt);
}

function sortedValues(key: FilterKey, counts: Record<string, number>, checked: string[]): string[] {
  const values = Object.keys(counts).filter((v) => (counts[v] ?? 0) > 0 || checked.includes(v));
  for (const v of checked) if (!values.includes(v)) values.push(v);
  if (key === 'year') return values.sort((a, b) => b.localeCompare(a));
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'ar'));
}

/**
 * A result not yet shown: its data is read when it is (and, in a date order across shards,
 * which result it is is asked of its shard then). Undefined if it is not there after all.
 */
type Pending = () => Promise<Hit | undefined>;

/**
 * The text a page is checked in: its indexed text, then its metadata (title, date, outlet),
 * which Pagefind indexes too (a page of 2019 is found by 2019 through its date).
 */
function pageText(page: PagefindFragment): string {
  const meta = Object.values(page.meta).filter((v): v is string => typeof v === 'string');
  return [page.content ?? '', ...meta].join(' ');
}

/** A result of Pagefind's, shown only if its text holds every unit that needs a check (needsTextCheck). */
const pendingOf =
  (r: PagefindResult, checked: readonly QueryUnit[] = [], figures?: FigureReader): Pending =>
  async () => {
    const data = await r.data();
    if (checked.length > 0 && findUnits(pageText(data), checked, figures) === null) return undefined;
    return { data, words: r.words };
  };

interface Facets {
  counts: FacetCounts;
  /** Every value the query's pages have, whatever the filters (listed with 0 where filtered out). */
  totals: FacetCounts;
}

interface Found {
  results: Pending[];
  /** The facet counts, when the search found them itself; otherwise they are counted once the results show. */
  facets?: Facets;
  /** Results beyond MOST_PAGES_READ were left out. */
  cut: boolean;
}

class SearchPage {
  private state: SearchState;
  private generation = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: Pending[] = [];
  private readonly baseTitle = document.title;
  /** Filter groups the reader has opened in full. */
  private readonly expanded = new Set<FilterKey>();
  /** The facet counts last shown, and the search they count (countsKey). */
  private counted: { key: string; facets: Facets } | undefined;
  /** The figure reader, for the search under way when its query may hold a number. */
  private figures: FigureReader | undefined;

  constructor(
    private readonly el: Elements,
    private readonly index: Promise<ShardedIndex>,
    private readonly reader: Promise<QueryReader>,
  ) {
    this.state = stateFromParams(new URLSearchParams(location.search));
    el.input.value = this.state.query;
    el.sort.value = this.state.sort;
    el.from.value = this.state.dates.from;
    el.to.value = this.state.dates.to;
    el.app.hidden = false;
    const wide = matchMedia(WIDE_SCREEN);
    el.panel.open = wide.matches || hasFilters(this.state);
    wide.addEventListener('change', () => (el.panel.open = wide.matches));
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.update({ ...this.state, query: el.input.value });
    });
    el.input.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.update({ ...this.state, query: el.input.value }), TYPING_DELAY_MS);
    });
    el.sort.addEventListener('change', () => this.update({ ...this.state, sort: el.sort.value as SortOrder }));
    el.filters.addEventListener('change', (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || !isFilterKey(box.name)) return;
      this.update(toggleFilter(this.state, box.name, box.value, box.checked));
    });
    // A date the field cannot read is said so, and its bound left as it was: never dropped silently.
    const dates = () => {
      const from = readDateInput(el.from.value, 'from');
      const to = readDateInput(el.to.value, 'to');
      for (const [field, read] of [
        [el.from, from],
        [el.to, to],
      ] as const) {
        if (read === null) field.setAttribute('aria-invalid', 'true');
        else field.removeAttribute('aria-invalid');
      }
      const wrong = [from === null ? `«${el.from.value.trim()}»` : '', to === null ? `«${el.to.value.trim()}»` : ''].filter(Boolean);
      el.datesError.hidden = wrong.length === 0;
      el.datesError.textContent = wrong.length ? `لم يُفهم التاريخ ${wrong.join(' و')}: اكتب سنة (٢٠١٩) أو شهراً (آذار ٢٠١٩، ٣/٢٠١٩) أو يوماً (٢٣/٣/٢٠١٩).` : '';
      this.update({ ...this.state, dates: { from: from ?? this.state.dates.from, to: to ?? this.state.dates.to } });
    };
    el.from.addEventListener('change', dates);
    el.to.addEventListener('change', dates);
    // as one types: a date once it reads (a year half typed is said wrong only when the field is left)
    const typing = () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => {
        const from = readDateInput(el.from.value, 'from');
        const to = readDateInput(el.to.value, 'to');
        if (from !== null && to !== null && (from !== this.state.dates.from || to !== this.state.dates.to)) dates();
      }, TYPING_DELAY_MS);
    };
    el.from.addEventListener('input', typing);
    el.to.addEventListener('input', typing);
    el.more.addEventListener('click', () => void this.showMore());
  }

  private update(state: SearchState): void {
    clearTimeout(this.typingTimer);
    this.state = state;
    void this.run();
  }

  /**
   * Runs the search in two steps: the results first, shown as soon as they are found; then the
   * facet counts, whose filter files the first search of a visit has to load (at 10,000
   * articles about 85 kB from one shard, 134 kB from six), and which the panel (closed on a
   * phone) shows once they are in. The
   * ticked values narrow the very first search all the same. `data-state` on the app is
   * `searching`, then `counting` with the results on screen, then `done` (or `idle`, `error`).
   */
  async run(): Promise<void> {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    const { el, state } = this;
    history.replaceState(history.state, '', searchHref(state));
    const typed = state.query.replace(/\s+/g, ' ').trim();
    document.title = typed ? `${typed} — ${this.baseTitle}` : this.baseTitle;
    el.app.dataset.state = 'searching';
    el.app.setAttribute('aria-busy', 'true');
    try {
      const [index, reader, figures] = await Promise.all([this.index, this.reader, mayHoldNumber(state.query) ? loadFigureReader().catch(() => undefined) : undefined]);
      if (stale()) return;
      this.figures = figures;
      const asked = reader.plan(state.query, figures);
      // every unit of the query must match: those that match nothing are named, and left out
      if (asked.term !== null) el.status.textContent = 'جارٍ البحث…';
      const dropped = await this.unmatchedUnits(index, asked);
      if (stale()) return;
      const plan = planWithout(asked, dropped);
      const unmatched = asked.units.filter((_, i) => dropped.has(i)).map((u) => u.typed);
      el.notice.hidden = unmatched.length === 0;
      el.notice.textContent = unmatched.length
        ? unmatchedText(
            unmatched,
            plan.units.map((u) => u.typed),
          )
        : '';
      el.app.dataset.unmatched = unmatched.join('|');
      if (unmatched.length > 0 && plan.term === null) {
        // nothing of the query matched: no results, whatever the filters
        await this.showResults([], 0);
        el.empty.hidden = false;
        el.status.textContent = resultCountText(0);
        this.done('done');
        return;
      }
      const searchable = isSearchable(state, plan.term !== null);
      if (searchable) el.status.textContent = 'جارٍ البحث…';
      const bounds = openBounds(new Date());
      if (!searchable) {
        // Every value of every facet, counted over the whole archive: a search for all pages.
        const all = await index.search(null, countOptions(state, bounds));
        if (stale()) return;
        const counts = facetCounts(all?.filters ?? {});
        this.renderFilters(counts, counts);
        await this.showResults([], 0);
        el.empty.hidden = true;
        el.status.textContent = typed ? 'لا كلمات في هذا البحث: اكتب كلمة أو اسماً.' : 'اكتب كلمة للبحث، أو اختر مما تحت «تضييق النتائج».';
        this.done('idle');
        return;
      }
      const readAll = plan.phrases.length > 0 || plan.figures.length > 0;
      const found = readAll ? await this.searchPhrases(index, plan) : await this.searchTerms(index, plan.term, bounds, plan.units.filter(needsTextCheck));
      if (stale() || !found) return;
      const shown = await this.showResults(found.results, FIRST_RESULTS);
      if (stale()) return;
      // every result read: the count is what was kept (a page lacking a word is not counted)
      const count = this.pending.length === 0 ? shown : found.results.length;
      el.empty.hidden = count > 0;
      el.empty.querySelector('[data-search-empty-filters]')?.toggleAttribute('hidden', !hasFilters(state));
      el.status.textContent = found.cut ? `أكثر من ${MOST_PAGES_READ} نتيجة؛ تُعرض الأقرب صلة منها. أضف كلمة لتضييق البحث.` : resultCountText(count);
      el.app.dataset.state = 'counting';
      el.app.removeAttribute('aria-busy');
      el.panel.setAttribute('aria-busy', 'true');
      // The results stay on screen if counting fails: the panel then keeps its last counts.
      const facets = found.facets ?? (await this.countFacets(index, plan.term, bounds).catch(() => undefined));
      if (stale()) return;
      if (facets) this.renderFilters(facets.counts, facets.totals);
      this.done('done');
    } catch {
      if (stale()) return;
      await this.showResults([], 0);
      el.status.textContent = 'تعذّر تحميل فهرس البحث. تصفّح الأرشيف من الروابط أدناه.';
      el.empty.hidden = false;
      this.done('error');
    }
  }

  /**
   * The results of the search's words (or of its filters alone), filtered and sorted by
   * Pagefind. Relevance is Pagefind's merged order; a date order across shards is put together
   * shard by shard (src/search/date-order.ts).
   */
  private async searchTerms(index: ShardedIndex, term: string | null, bounds: YearBounds, checked: readonly QueryUnit[] = []): Promise<Found | undefined> {
    const generation = this.generation;
    const { state } = this;
    const options = resultOptions(state, bounds);
    const response = await index.search(term, options);
    if (generation !== this.generation || !response) return undefined;
    const figures = this.figures;
    if (state.sort === 'relevance' || (index.shards.length < 2 && !index.delta)) return { results: response.results.map((r) => pendingOf(r, checked, figures)), cut: false };
    const sort: DateSort = state.sort;
    const counts = response.filters[SHARD_FILTER] ?? {};
    const spans = datedShardSpans(index.shards, counts, sort);
    // Each shard is asked for its sorted results when one of them is first shown, once.
    const asked = new Map<string, Promise<PagefindResult[]>>();
    const sortedIn = (id: string) => {
      let results = asked.get(id);
      if (!results) {
        results = index.search(term, withShard(options, id)).then((r) => r?.results ?? []);
        asked.set(id, results);
      }
      return results;
    };
    const inShards = {
      length: spansTotal(spans),
      at: async (position: number) => {
        const at = locateResult(spans, position);
        return at && (await sortedIn(at.id))[at.offset];
      },
    };
    // The delta's pages are of any date: its sorted results are merged into the shards' by date.
    const delta = index.delta;
    const inDelta = { length: delta ? (counts[delta] ?? 0) : 0, at: async (position: number) => (delta ? (await sortedIn(delta))[position] : undefined) };
    const dated = async (r: PagefindResult) => {
      const page = await r.data();
      return { date: page.meta.date ?? '', url: page.url };
    };
    const nth = inDelta.length ? mergedByDate(inShards, inDelta, dated, sort) : (position: number) => inShards.at(position);
    const results = Array.from(
      { length: inShards.length + inDelta.length },
      (_, position): Pending =>
        async () => {
          const result = await nth(position);
          return result && pendingOf(result, checked, figures)();
        },
    );
    return { results, cut: false };
  }

  /**
   * The facet counts of the search's words and ticked values: one search naming the facet keys
   * (countOptions), and one more for each key with ticked values, without them (a key's own
   * ticks are alternatives, so its counts come from a search without them). A search that
   * counts as the last one did (only its sort changed) reuses its counts.
   */
  private async countFacets(index: ShardedIndex, term: string | null, bounds: YearBounds): Promise<Facets | undefined> {
    const generation = this.generation;
    const { state } = this;
    const key = countsKey(state, term);
    if (this.counted?.key === key) return this.counted.facets;
    const response = await index.search(term, countOptions(state, bounds));
    if (generation !== this.generation || !response) return undefined;
    const counts = facetCounts(response.filters);
    for (const filterKey of FILTER_KEYS) {
      if (!state.filters[filterKey].length) continue;
      const others = await index.search(term, countOptions(state, bounds, filterKey));
      if (generation !== this.generation) return undefined;
      counts[filterKey] = facetCounts(others?.filters ?? {})[filterKey] ?? {};
    }
    const facets = { counts, totals: facetCounts(response.totalFilters) };
    this.counted = { key, facets };
    return facets;
  }

  /**
   * A query with phrases or figures: Pagefind finds the pages holding all the words, unfiltered;
   * the best MOST_PAGES_READ of them are read, kept where every unit of the query is found
   * (phrases in a row, figures by value and counted noun, words by their forms), and filtered,
   * counted and sorted here (so no facet filter file is loaded for it).
   */
  private async searchPhrases(index: ShardedIndex, plan: QueryPlan): Promise<Found | undefined> {
    const generation = this.generation;
    const { state } = this;
    const response = await index.search(plan.term, { filters: {} });
    if (generation !== this.generation || !response) return undefined;
    const read = response.results.slice(0, MOST_PAGES_READ);
    const data = await Promise.all(read.map((r) => r.data()));
    if (generation !== this.generation) return undefined;
    const pages: Array<{ hit: Hit; filters: Record<string, string[]>; date: string; url: string }> = [];
    read.forEach((r, i) => {
      const page = data[i] as PagefindFragment;
      const inPhrases = findUnits(pageText(page), plan.units, this.figures);
      if (inPhrases) {
        const hit = { data: page, words: [...new Set([...r.words, ...inPhrases])] };
        pages.push({ hit, filters: page.filters, date: page.meta.date ?? '', url: page.url });
      }
    });
    const kept = pages.filter((p) => passesFilters(p.filters, p.date, state));
    if (state.sort !== 'relevance') kept.sort(compareByDate(state.sort));
    return {
      results: kept.map((p) => async () => p.hit),
      facets: countPages(pages, state),
      cut: response.results.length > MOST_PAGES_READ,
    };
  }

  private done(state: string): void {
    this.el.app.dataset.state = state;
    this.el.app.removeAttribute('aria-busy');
    this.el.panel.removeAttribute('aria-busy');
  }

  /**
   * The next `n` results that are there (a result whose text lacks a word of the query is
   * skipped, and the next one read in its place), taken off `queue`.
   */
  private async take(queue: Pending[], n: number): Promise<Hit[]> {
    const hits: Hit[] = [];
    while (hits.length < n && queue.length > 0) {
      const loaded = await Promise.all(queue.splice(0, n - hits.length).map((load) => load()));
      for (const hit of loaded) if (hit !== undefined) hits.push(hit);
    }
    return hits;
  }

  /** Replaces the list by the first `first` results; the rest wait for "more". Returns how many are shown. */
  private async showResults(results: Pending[], first: number): Promise<number> {
    const generation = this.generation;
    const queue = [...results];
    const hits = await this.take(queue, first);
    if (generation !== this.generation) return 0;
    this.pending = queue;
    this.el.results.replaceChildren(...hits.map(renderResult));
    this.el.more.hidden = this.pending.length === 0;
    return hits.length;
  }

  /**
   * The units of a query that match nothing, by index: searched for one by one, and (where
   * Pagefind may find a page that lacks them) read in the pages found, up to UNIT_CHECK_PAGES.
   */
  private async unmatchedUnits(index: ShardedIndex, plan: QueryPlan): Promise<Set<number>> {
    const dropped = new Set<number>();
    await Promise.all(
      plan.units.map(async (unit, i) => {
        // a name's token: the index's token directory may say, without loading a shard
        const held = unit.kind === 'word' && unit.words.length === 1 ? index.holds(unit.words[0]!) : undefined;
        if (held !== undefined) {
          if (!held) dropped.add(i);
          return;
        }
        const response = await index.search(unit.words.join(' '), { filters: {} });
        const results = response?.results ?? [];
        if (results.length === 0) dropped.add(i);
        else if (needsTextCheck(unit) && results.length <= UNIT_CHECK_PAGES) {
          const pages = await Promise.all(results.map((r) => r.data()));
          if (!pages.some((page) => findUnit(pageText(page), unit, this.figures).length > 0)) dropped.add(i);
        }
      }),
    );
    return dropped;
  }

  private async showMore(): Promise<void> {
    const generation = this.generation;
    const queue = this.pending;
    const hits = await this.take(queue, PAGE_SIZE);
    if (generation !== this.generation) return;
    this.pending = queue;
    const items = hits.map(renderResult);
    this.el.results.append(...items);
    this.el.more.hidden = this.pending.length === 0;
    items[0]?.querySelector('a')?.focus();
  }

  /**
   * One fieldset of checkboxes per filter key, most frequent values first (years newest first),
   * long groups cut to FILTER_VALUES_SHOWN behind a "show all" button. Keeps focus on the
   * control that had it, since the groups are rebuilt after every search.
   */
  private renderFilters(counts: FacetCounts, totals: FacetCounts): void {
    const active = document.activeElement;
    const focused =
      (active instanceof HTMLInputElement || active instanceof HTMLButtonElement) && this.el.filters.contains(active) ? { name: active.name, value: active.value } : null;
    const groups: HTMLElement[] = [];
    for (const key of FILTER_KEYS) {
      const checked = this.state.filters[key];
      const keyCounts = { ...Object.fromEntries(Object.keys(totals[key] ?? {}).map((v) => [v, 0])), ...(counts[key] ?? {}) };
      const values = sortedValues(key, keyCounts, checked);
      if (!values.length) continue;
      const cut = !this.expanded.has(key) && values.length > FILTER_VALUES_SHOWN + 2;
      const listId = `search-filter-${key}`;
      const items = values.map((value, index) => {
        const box = h('input', { type: 'checkbox', name: key, value });
        box.checked = checked.includes(value);
        const item = h(
          'li',
          {},
          h('label', { class: 'search-filter__option' }, box, h('bdi', { dir: 'rtl' }, value), h('span', { class: 'search-filter__count' }, String(keyCounts[value] ?? 0))),
        );
        item.hidden = cut && index >= FILTER_VALUES_SHOWN && !box.checked;
        return item;
      });
      const group = h('fieldset', { class: 'search-filter' }, h('legend', {}, FILTER_LEGENDS[key]), h('ul', { id: listId, role: 'list' }, ...items));
      if (cut) {
        const more = h('button', { type: 'button', class: 'search-filter__more', name: 'more', value: key, 'aria-controls': listId }, `عرض الكل (${values.length})`);
        more.addEventListener('click', () => {
          this.expanded.add(key);
          for (const item of items) item.hidden = false;
          more.remove();
          items[FILTER_VALUES_SHOWN]?.querySelector('input')?.focus();
        });
        group.append(more);
      }
      groups.push(group);
    }
    this.el.filters.replaceChildren(...groups);
    this.el.panel.hidden = groups.length === 0;
    const ticked = activeFilterCount(this.state);
    this.el.activeCount.textContent = ticked ? `(${ticked})` : '';
    if (focused) {
      const again = [...this.el.filters.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')].find(
        (control) => control.name === focused.name && control.value === focused.value,
      );
      again?.focus();
    }
  }
}

let figuresLoading: Promise<FigureReader> | undefined;

/**
 * The figure reader, loaded once, the first time a query may hold a number. Should it fail to
 * load, the search goes on without it (a number is then searched as its words), and the next
 * query that may hold a number tries again.
 */
function loadFigureReader(): Promise<FigureReader> {
  const url = `/${FIGURES_SCRIPT_PATH}`;
  figuresLoading ??= (import(url) as Promise<{ figureReader: FigureReader }>).then(
    (m) => m.figureReader,
    (error: unknown) => {
      figuresLoading = undefined;
      throw error;
    },
  );
  return figuresLoading;
}

async function loadQueryReader(): Promise<QueryReader> {
  const response = await fetch(LEXICON_URL);
  if (!response.ok) throw new Error(`${LEXICON_URL}: HTTP ${response.status}`);
  return createQueryReader((await response.json()) as SearchLexicon);
}

function start(): void {
  let el: Elements;
  try {
    el = findElements();
  } catch {
    return; // not the search page
  }
  // Start fetching Pagefind and the lexicon while the page settles.
  void new SearchPage(el, loadSearchIndex(), loadQueryReader()).run();
}

start();
