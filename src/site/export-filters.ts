/**
 * The Nunjucks filters of the researchers' files: citations (src/export/citation.ts), the
 * `/export/` tables and timelines (src/export/rows.ts, formats.ts) and the JSON Feed
 * (seo.ts). Each returns the file's text or plain data; the templates in layouts/pages/ only
 * print them.
 */
import type { Archive, ArticleView, EventView, SiteInfo } from '../model/views.ts';
import type { EleventyConfig } from './eleventy-api.ts';
import { jsonFeed } from '../model/seo.ts';
import { citationEntry, citationView, cslItem, joinCitationEntries, type CitationFormat, type CslItem } from '../export/citation.ts';
import { articlesCsv, articlesJson, figuresCsv, mentionsCsv, timelineIcs, timelineJson } from '../export/formats.ts';
import { EXPORT_FILES, eventExportPaths } from '../export/rows.ts';

export type { CitationFormat };

/**
 * Each record's part of the citation files (citationEntry), by format and by the record's JSON,
 * kept in this process: an article's own files and the archive's (`/export/articles.bib`…) are
 * made of the same parts, and `npm start` rebuilds the archive's from them, asking citation-js
 * only for the records that changed. The archive's file of a format replaces that format's parts
 * with the ones it used, so they stay one archive's worth.
 */
const entries: Record<CitationFormat, Map<string, string>> = { bibtex: new Map(), ris: new Map(), csl: new Map() };

function entryOf(item: CslItem, format: CitationFormat, kept: Map<string, string>): string {
  const key = JSON.stringify(item);
  let entry = entries[format].get(key);
  if (entry === undefined) entry = citationEntry(item, format);
  kept.set(key, entry);
  return entry;
}

/** One article's citation file, or all the archive's (oldest first), in `format`. */
export function citationFile(articles: readonly ArticleView[], site: SiteInfo, format: CitationFormat): string {
  const items = [...articles].sort((x, y) => x.date.iso.localeCompare(y.date.iso) || x.id.localeCompare(y.id)).map((a) => cslItem(a, site));
  const kept = items.length > 1 ? new Map<string, string>() : entries[format];
  const text = joinCitationEntries(
    format,
    items.map((item) => entryOf(item, format, kept)),
  );
  if (items.length > 1) entries[format] = kept;
  return text;
}

/** The text of `/export/NAME` (and of `/feed.json`). */
export function exportFile(archive: Archive, name: string): string {
  switch (name) {
    case 'articles.csv':
      return articlesCsv(archive);
    case 'articles.json':
      return articlesJson(archive);
    case 'figures.csv':
      return figuresCsv(archive);
    case 'mentions.csv':
      return mentionsCsv(archive);
    case 'articles.bib':
      return citationFile(archive.articles, archive.site, 'bibtex');
    case 'articles.ris':
      return citationFile(archive.articles, archive.site, 'ris');
    case 'articles.csl.json':
      return citationFile(archive.articles, archive.site, 'csl');
    case 'feed.json':
      return `${JSON.stringify(jsonFeed(archive), null, 2)}\n`;
    default:
      throw new Error(`no export file named ${name}`);
  }
}

/** The files of /export/ and the feed, with their site-relative addresses, for the pages that link them. */
export function exportLinks(): Array<(typeof EXPORT_FILES)[number] & { href: string; name: string }> {
  return EXPORT_FILES.map((f) => ({ ...f, href: `/${f.path}`, name: f.path.split('/').at(-1) as string }));
}

export function eventExportLinks(event: Pick<EventView, 'id'>): { json: string; ics: string } {
  const paths = eventExportPaths(event.id);
  return { json: `/${paths.json}`, ics: `/${paths.ics}` };
}

export function registerExportFilters(eleventyConfig: EleventyConfig): void {
  /** `{% set cite = article | citationView(archive.site) %}` */
  eleventyConfig.addFilter('citationView', ((article: ArticleView, site: SiteInfo) => citationView(article, site)) as never);
  /** `{{ article | citationFile(archive.site, 'bibtex') | safe }}` */
  eleventyConfig.addFilter('citationFile', ((article: ArticleView, site: SiteInfo, format: CitationFormat) => citationFile([article], site, format)) as never);
  /** `{{ archive | exportFile('articles.csv') | safe }}` */
  eleventyConfig.addFilter('exportFile', ((archive: Archive, name: string) => exportFile(archive, name)) as never);
  /** `{{ event | timelineFile(archive.site, 'ics') | safe }}` */
  eleventyConfig.addFilter('timelineFile', ((event: EventView, site: SiteInfo, format: 'json' | 'ics') =>
    format === 'ics' ? timelineIcs(event, site) : timelineJson(event, site)) as never);
  /** `{% for f in archive | exportLinks %}` */
  eleventyConfig.addFilter('exportLinks', (() => exportLinks()) as never);
  /** `{% set files = event | eventExportLinks %}` */
  eleventyConfig.addFilter('eventExportLinks', ((event: EventView) => eventExportLinks(event)) as never);
}
