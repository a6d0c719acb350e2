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
import { resultCountText } from '../format.ts';
import { findPhrases } from '../phrase-match.ts';
import { createQueryReader, type QueryPlan, type QueryReader } from '../query.ts';
import { LEXICON_PATH, type SearchLexicon } from '../lexicon.ts';
import {
  FILTER_KEYS,
  activeFilterCount,
  countedKeys,
  hasFilters,
  isFilterKey,
  isSearchable,
  pagefindOptions,
  passesFilters,
  searchHref,
  stateFromParams,
  toggleFilter,
  type FilterKey,
  type SearchState,
  type SortOrder,
} from '../state.ts';
import { dateBound, openBounds, type YearBounds } from '../date-range.ts';
import { loadPagefind, type FilterCounts, type PagefindApi, type PagefindFragment, type PagefindResult } from './pagefind.ts';

/** The lexicon the index was built with (src/search/index-site.ts writes it). */
const LEXICON_URL = `/${LEXICON_PATH}`;
/**
 * A query with a phrase is checked here, from each page's data (and filtered, counted and sorted
 * here too): at most this many pages, the best first, are read for it.
 */
const MOST_PAGES_READ = 500;

/** Results whose data is loaded at once; "more" loads the next as many. */
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
  more: HTMLButtonElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
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
    more: element('[data-search-more]', HTMLButtonElement),
    from: element('[data-search-from]', HTMLInputElement),
    to: element('[data-search-to]', HTMLInputElement),
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
  return h(
    'li',
    { class: 'search-result' },
    h('h2', { class: 'search-result__title' }, h('a', { href: safeHref(data.url) }, h('bdi', { dir: 'rtl' }, title))),
    meta,
    excerpt,
  );
}

function sortedValues(key: FilterKey, counts: Record<string, number>, checked: string[]): string[] {
  const values = Object.keys(counts).filter((v) => (counts[v] ?? 0) > 0 || checked.includes(v));
  for (const v of checked) if (!values.includes(v)) values.push(v);
  if (key === 'year') return values.sort((a, b) => b.localeCompare(a));
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'ar'));
}

/** A result not yet shown: its data is read when it is. */
interface Pending {
  data(): Promise<PagefindFragment>;
  words: number[];
}

const pendingOf = (r: PagefindResult): Pending => ({ data: () => r.data(), words: r.words });

interface Found {
  results: Pending[];
  counts: FilterCounts;
  /** Every value the query's pages have, whatever the filters (listed with 0 where filtered out). */
  totals: FilterCounts;
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

  constructor(
    private readonly el: Elements,
    private readonly pagefind: Promise<PagefindApi>,
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
    const dates = () =>
      this.update({ ...this.state, dates: { from: dateBound(el.from.value, 'from'), to: dateBound(el.to.value, 'to') } });
    el.from.addEventListener('change', dates);
    el.to.addEventListener('change', dates);
    el.more.addEventListener('click', () => void this.showMore());
  }

  private update(state: SearchState): void {
    clearTimeout(this.typingTimer);
    this.state = state;
    void this.run();
  }

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
      const [pagefind, reader] = await Promise.all([this.pagefind, this.reader]);
      const plan = reader.plan(state.query);
      const searchable = isSearchable(state, plan.term !== null);
      if (searchable) el.status.textContent = 'جارٍ البحث…';
      const bounds = openBounds(new Date());
      if (!searchable) {
        // Every value of every facet, counted over the whole archive: a search for all pages.
        const all = await pagefind.search(null, pagefindOptions(state, bounds));
        if (stale()) return;
        this.renderFilters(all?.filters ?? {}, all?.filters ?? {});
        await this.showResults([], 0);
        el.empty.hidden = true;
        el.status.textContent = typed
          ? 'لا كلمات في هذا البحث: اكتب كلمة أو اسماً.'
          : 'اكتب كلمة للبحث، أو اختر مما تحت «تضييق النتائج».';
        this.done('idle');
        return;
      }
      const found = plan.phrases.length === 0 ? await this.searchOnce(pagefind, plan.term, bounds) : await this.searchPhrases(pagefind, plan);
      if (stale() || !found) return;
      this.renderFilters(found.counts, found.totals);
      await this.showResults(found.results, PAGE_SIZE);
      if (stale()) return;
      const count = found.results.length;
      el.empty.hidden = count > 0;
      el.empty.querySelector('[data-search-empty-filters]')?.toggleAttribute('hidden', !hasFilters(state));
      el.status.textContent = found.cut ? `أكثر من ${MOST_PAGES_READ} نتيجة؛ تُعرض الأقرب صلة منها. أضف كلمة لتضييق البحث.` : resultCountText(count);
      this.done('done');
    } catch {
      if (stale()) return;
      await this.showResults([], 0);
      el.status.textContent = 'تعذّر تحميل فهرس البحث. تصفّح الأرشيف من الروابط أدناه.';
      el.empty.hidden = false;
      this.done('error');
    }
  }

  /** One Pagefind search does it all: matching, filters, sort and counts. */
  private async searchOnce(pagefind: PagefindApi, term: string | null, bounds: YearBounds): Promise<Found | undefined> {
    const generation = this.generation;
    const { state } = this;
    const response = await pagefind.search(term, pagefindOptions(state, bounds));
    if (generation !== this.generation || !response) return undefined;
    // A key's own ticks are alternatives, so its counts come from a search without them.
    const counts: FilterCounts = { ...response.filters };
    for (const key of FILTER_KEYS) {
      if (!state.filters[key].length) continue;
      const others = await pagefind.search(term, pagefindOptions(state, bounds, key));
      if (generation !== this.generation) return undefined;
      counts[key] = others?.filters[key] ?? {};
    }
    return { results: response.results.map(pendingOf), counts, totals: response.totalFilters, cut: false };
  }

  /**
   * A query with phrases: Pagefind finds the pages holding all the words, unfiltered; the best
   * MOST_PAGES_READ of them are read, kept where every phrase is found in a row, and filtered,
   * counted and sorted here.
   */
  private async searchPhrases(pagefind: PagefindApi, plan: QueryPlan): Promise<Found | undefined> {
    const generation = this.generation;
    const { state } = this;
    const response = await pagefind.search(plan.term, { filters: { none: countedKeys() } });
    if (generation !== this.generation || !response) return undefined;
    const read = response.results.slice(0, MOST_PAGES_READ);
    const data = await Promise.all(read.map((r) => r.data()));
    if (generation !== this.generation) return undefined;
    const pages: Array<{ data: PagefindFragment; words: number[] }> = [];
    read.forEach((r, i) => {
      const page = data[i] as PagefindFragment;
      const inPhrases = findPhrases(page.content ?? '', plan.phrases);
      if (inPhrases) pages.push({ data: page, words: [...new Set([...r.words, ...inPhrases])] });
    });
    const dateOf = (d: PagefindFragment) => d.meta.date ?? '';
    const kept = pages.filter((p) => passesFilters(p.data.filters, dateOf(p.data), state));
    if (state.sort !== 'relevance') {
      const sign = state.sort === 'newest' ? -1 : 1;
      kept.sort((a, b) => sign * dateOf(a.data).localeCompare(dateOf(b.data)));
    }
    const counts: FilterCounts = {};
    for (const key of FILTER_KEYS) {
      const keyCounts: Record<string, number> = {};
      for (const p of pages) {
        if (!passesFilters(p.data.filters, dateOf(p.data), state, key)) continue;
        for (const value of p.data.filters[key] ?? []) keyCounts[value] = (keyCounts[value] ?? 0) + 1;
      }
      counts[key] = keyCounts;
    }
    return {
      results: kept.map((p) => ({ data: async () => p.data, words: p.words })),
      counts,
      totals: response.totalFilters,
      cut: response.results.length > MOST_PAGES_READ,
    };
  }

  private done(state: string): void {
    this.el.app.dataset.state = state;
    this.el.app.removeAttribute('aria-busy');
  }

  /** Replaces the list by the first `first` results; the rest wait for "more". */
  private async showResults(results: Pending[], first: number): Promise<void> {
    const generation = this.generation;
    const page = results.slice(0, first);
    const data = await Promise.all(page.map((r) => r.data()));
    if (generation !== this.generation) return;
    this.pending = results.slice(first);
    this.el.results.replaceChildren(...data.map((d, i) => renderResult({ data: d, words: page[i]?.words ?? [] })));
    this.el.more.hidden = this.pending.length === 0;
  }

  private async showMore(): Promise<void> {
    const generation = this.generation;
    const page = this.pending.slice(0, PAGE_SIZE);
    const data = await Promise.all(page.map((r) => r.data()));
    if (generation !== this.generation) return;
    this.pending = this.pending.slice(PAGE_SIZE);
    const items = data.map((d, i) => renderResult({ data: d, words: page[i]?.words ?? [] }));
    this.el.results.append(...items);
    this.el.more.hidden = this.pending.length === 0;
    items[0]?.querySelector('a')?.focus();
  }

  /**
   * One fieldset of checkboxes per filter key, most frequent values first (years newest first),
   * long groups cut to FILTER_VALUES_SHOWN behind a "show all" button. Keeps focus on the
   * control that had it, since the groups are rebuilt after every search.
   */
  private renderFilters(counts: FilterCounts, totals: FilterCounts): void {
    const active = document.activeElement;
    const focused =
      (active instanceof HTMLInputElement || active instanceof HTMLButtonElement) && this.el.filters.contains(active)
        ? { name: active.name, value: active.value }
        : null;
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
          h(
            'label',
            { class: 'search-filter__option' },
            box,
            h('bdi', { dir: 'rtl' }, value),
            h('span', { class: 'search-filter__count' }, String(keyCounts[value] ?? 0)),
          ),
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
  void new SearchPage(el, loadPagefind(), loadQueryReader()).run();
}

start();
