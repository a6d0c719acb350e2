/**
 * The pages the site makes one per item of the archive (an article, its citation files, an
 * event, its timeline files, an outlet, a place, a year, an agency, an actor, a newest-first
 * list), as one table: which template renders them, which of the archive's lists it paginates
 * over, and each item's address. The templates of layouts/pages/ paginate over the global data
 * `render` (renderData below), which a clean build fills with every item and a build that carries
 * pages over from the previous site (carry-over.ts) fills with the items whose pages must be
 * rendered again; lists, links and counts still read the whole `archive`.
 *
 * Every other page (the home page, the indexes, the feeds, the sitemap, the exports) reads the
 * archive whole and is rendered by every build.
 */
import type { Archive, ArticleView, EventView } from '../model/views.ts';
import { eventExportPaths } from '../export/rows.ts';

/** One citation file of an article, beside its page. */
export interface CiteFile {
  readonly article: ArticleView;
  readonly format: 'bibtex' | 'ris' | 'csl';
  readonly name: string;
  readonly url: string;
}

/** One timeline file of an event, under /export/events/. */
export interface EventFile {
  readonly event: EventView;
  readonly format: 'json' | 'ics';
  readonly url: string;
}

/** A template that makes one page per item, and where each page goes. */
export interface PageList<T = unknown> {
  /** The data name the template paginates over: `render.<name>`. */
  readonly name: string;
  /** The template in layouts/pages/. */
  readonly template: string;
  /** Every item, in the archive's order. */
  readonly items: (archive: Archive) => readonly T[];
  /** The item page's address, as the template's permalink gives it. */
  readonly url: (item: T) => string;
  /** Whether its pages are in Eleventy's collections (so the sitemap lists them). */
  readonly listed: boolean;
}

const CITE_FORMATS = [
  { format: 'bibtex', name: 'cite.bib' },
  { format: 'ris', name: 'cite.ris' },
  { format: 'csl', name: 'cite.json' },
] as const;

export const citeFiles = (articles: readonly ArticleView[]): CiteFile[] =>
  articles.flatMap((article) => CITE_FORMATS.map(({ format, name }) => ({ article, format, name, url: `${article.url}${name}` })));

export const eventFiles = (events: readonly EventView[]): EventFile[] =>
  events.flatMap((event) => {
    const paths = eventExportPaths(event.id);
    return [
      { event, format: 'json' as const, url: `/${paths.json}` },
      { event, format: 'ics' as const, url: `/${paths.ics}` },
    ];
  });

const list = <T>(spec: PageList<T>): PageList => spec as unknown as PageList;
const byUrl = (item: { readonly url: string }) => item.url;

export const PAGE_LISTS: readonly PageList[] = [
  list({ name: 'articles', template: 'article.njk', items: (a) => a.articles, url: byUrl, listed: true }),
  list({ name: 'citeFiles', template: 'article-cite-files.njk', items: (a) => citeFiles(a.articles), url: byUrl, listed: false }),
  list({ name: 'events', template: 'event.njk', items: (a) => a.events, url: byUrl, listed: true }),
  list({ name: 'eventFiles', template: 'export-event-files.njk', items: (a) => eventFiles(a.events), url: byUrl, listed: false }),
  list({ name: 'outlets', template: 'outlet.njk', items: (a) => a.outlets, url: byUrl, listed: true }),
  list({ name: 'places', template: 'place.njk', items: (a) => a.places, url: byUrl, listed: true }),
  list({ name: 'years', template: 'year.njk', items: (a) => a.years, url: byUrl, listed: true }),
  list({ name: 'agencies', template: 'agency.njk', items: (a) => a.agencies, url: byUrl, listed: true }),
  list({ name: 'entities', template: 'entity.njk', items: (a) => a.entities, url: byUrl, listed: true }),
  list({ name: 'newestLists', template: 'newest.njk', items: (a) => a.newestLists, url: byUrl, listed: true }),
];

/** What the templates paginate over: for each list, the items to render; and the addresses of the pages carried over instead. */
export interface RenderData {
  readonly lists: Readonly<Record<string, readonly unknown[]>>;
  /** Pages of listed templates not rendered by this build (carried over): the sitemap lists them beside collections.all. */
  readonly carriedUrls: readonly string[];
}

/** Every item of every list: what a build without carried pages renders. */
export function renderEverything(archive: Archive): RenderData {
  return { lists: Object.fromEntries(PAGE_LISTS.map((l) => [l.name, l.items(archive)])), carriedUrls: [] };
}

/** Where Eleventy writes a page of this address, relative to the site (`/articles/x/` → `articles/x/index.html`). */
export function outputPathOf(url: string): string {
  if (!url.startsWith('/') || url.includes('..')) throw new Error(`not a site address: ${JSON.stringify(url)}`);
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}
