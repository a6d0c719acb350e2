/**
 * How an archived article is cited: one CSL-JSON record per article (the archive's own record
 * of it: outlet, headline, publication date, original address, retrieval date, the archive's
 * permanent address and the raw source's sha256), and its BibTeX, RIS and CSL-JSON made from
 * that record by citation-js, never by hand. Pure: no file system.
 *
 * citation-js's BibTeX output, left to its defaults, writes ASCII only: every Arabic letter of
 * a title is dropped (`title = {""   ""}`). With `asciiOnly` off it keeps Unicode but escapes
 * nothing, so a `%`, `&`, `_` or `$` in a headline would break the file. Here the free-text
 * values given to the BibTeX writer have LaTeX's special characters escaped first
 * (`latexEscape`), and `asciiOnly` is off for the one synchronous call that writes them, then
 * restored: the file keeps the Arabic as UTF-8 and reads back (with citation-js, and with any
 * BibTeX parser) to exactly the record's text.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { ArticleView, SiteInfo } from '../model/views.ts';
import { siteUrl } from '../model/seo.ts';

/** The file names of an article's citation downloads, beside its page (`/articles/ID/cite.bib`). */
export const CITATION_FILES = { bibtex: 'cite.bib', ris: 'cite.ris', csl: 'cite.json' } as const;

type DateParts = { 'date-parts': [[number, number, number]] };

/** The CSL-JSON fields Arshif writes (CSL 1.0.2). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title': string;
  'container-title-short'?: string;
  publisher: string;
  author?: Array<{ literal: string }>;
  issued: DateParts;
  accessed?: DateParts;
  URL: string;
  language: 'ar';
  archive: string;
  archive_location: string;
  note: string;
}

/** An article's citation as the "cite this" block shows it. */
export interface CitationView {
  /** The record the downloads are made from. */
  csl: CslItem;
  /** The original address, or null when unknown. */
  originalUrl: string | null;
  /** The article's permanent address in the archive. */
  archiveUrl: string;
  sha256: string;
  /** Site-relative addresses of the downloads. */
  downloads: { bibtex: string; ris: string; csl: string };
  /** The citation written out in Arabic, and in Latin script (outlet in English), as plain text. */
  arabic: string;
  latin: string;
}

function dateParts(iso: string): DateParts {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { 'date-parts': [[y, m, d]] };
}

/** One line: runs of white space (a newline would end a RIS tag) become one space. */
const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * The CSL-JSON record of an article. `URL` is the original address when known, else the
 * archive's; the archive's address is always in `archive_location`, and the note says both and
 * the sha256, so that formats without an archive field (BibTeX, RIS) carry them too.
 */
export function cslItem(article: ArticleView, site: SiteInfo): CslItem {
  const archiveUrl = siteUrl(article.url, site);
  const original = article.source.url;
  const note = [
    `Archived copy: ${archiveUrl}`,
    `source sha256: ${article.source.sha256}`,
    ...(original ? [] : ['original address unknown']),
    ...(article.source.retrieved ? [`retrieved ${article.source.retrieved.iso}`] : []),
  ].join('; ');
  return {
    id: article.id,
    type: 'article-newspaper',
    title: oneLine(article.title),
    'container-title': oneLine(article.outlet.name_ar),
    'container-title-short': oneLine(article.outlet.name_en),
    publisher: oneLine(article.outlet.name_en),
    ...(article.author ? { author: [{ literal: oneLine(article.author) }] } : {}),
    issued: dateParts(article.date.iso),
    ...(article.source.retrieved ? { accessed: dateParts(article.source.retrieved.iso) } : {}),
    URL: original ?? archiveUrl,
    language: 'ar',
    archive: oneLine(site.title),
    archive_location: archiveUrl,
    note,
  };
}

/** LaTeX's special characters escaped, for a BibTeX value in braces. */
export function latexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}';
    if (c === '~') return '\\textasciitilde{}';
    if (c === '^') return '\\textasciicircum{}';
    return `\\${c}`;
  });
}

/** A URL as BibTeX's verbatim fields take it: braces (which would end the value) percent-encoded. */
const bibUrl = (url: string) => url.replace(/\{/g, '%7B').replace(/\}/g, '%7D');

function withBibtexEscapes(item: CslItem): CslItem {
  return {
    ...item,
    title: latexEscape(item.title),
    'container-title': latexEscape(item['container-title']),
    ...(item['container-title-short'] ? { 'container-title-short': latexEscape(item['container-title-short']) } : {}),
    publisher: latexEscape(item.publisher),
    ...(item.author ? { author: item.author.map((a) => ({ literal: latexEscape(a.literal) })) } : {}),
    archive: latexEscape(item.archive),
    note: latexEscape(item.note),
    URL: bibUrl(item.URL),
    archive_location: bibUrl(item.archive_location),
  };
}

interface BibtexFormatConfig {
  asciiOnly: boolean;
  useIdAsLabel: boolean;
  checkLabel: boolean;
}

/** citation-js's BibTeX writer settings, changed for one synchronous call and restored. */
function withBibtexConfig<T>(run: () => T): T {
  const config = (plugins.config.get('@bibtex') as { format: BibtexFormatConfig }).format;
  const saved = { ...config };
  config.asciiOnly = false;
  config.useIdAsLabel = true; // the key is the article's id, not "undefined2019undefined"
  config.checkLabel = false; // and kept as it is (ids are [a-z0-9-], valid BibTeX keys), hyphens included
  try {
    return run();
  } finally {
    Object.assign(config, saved);
  }
}

/** BibTeX entries of the records (`@article`, UTF-8, Arabic intact). */
export function toBibtex(items: CslItem[]): string {
  return withBibtexConfig(() => new Cite(items.map(withBibtexEscapes)).format('bibtex', { format: 'text' }) as string);
}

const RIS_TAG_LINE = /^[A-Z][A-Z0-9] {2}- /;

/**
 * RIS records (`TY  - NEWS`), one line per tag. Three things citation-js does are undone or
 * completed here, each because it changes what a reference manager reads:
 * - it wraps every value at 70 characters ("u\nnknown"), which readers join with a space or
 *   keep as a line break; the record's values are one line each (`oneLine`), so a line that
 *   does not start with a tag is a wrap and is joined back without a separator;
 * - for `NEWS` citation-js 0.8.2 writes no `AU` at all (its NEWS mapping, AU → reporter,
 *   never fires, for author or reporter, Latin or Arabic names), so the author's `AU` line is
 *   added after `TY`;
 * - for `NEWS` it writes the year only (`PY`); the full date goes in `DA` (YYYY/MM/DD/), which
 *   Zotero and EndNote read.
 */
export function toRis(items: CslItem[]): string {
  const wrapped = new Cite(items).format('ris', { format: 'text', spec: 'new' }) as string;
  const lines: string[] = [];
  for (const line of wrapped.split('\n')) {
    if (lines.length > 0 && !RIS_TAG_LINE.test(line) && line !== '') lines[lines.length - 1] += line;
    else lines.push(line);
  }
  let record = 0;
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    const item = items[record] as CslItem;
    if (line.startsWith('TY  - ')) for (const a of item.author ?? []) out.push(`AU  - ${a.literal}`);
    if (line.startsWith('PY  - ')) {
      const [[y, m, d]] = item.issued['date-parts'];
      out.push(`DA  - ${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/`);
    }
    if (line.startsWith('ER  -')) record++;
  }
  return `${out.join('\n').replace(/\s+$/, '')}\n`;
}

/** CSL-JSON, as citation-js writes it (an array of items), with a final newline. */
export function toCslJson(items: CslItem[]): string {
  const data = new Cite(items).format('data', { format: 'object' }) as unknown[];
  return `${JSON.stringify(data, null, 2)}\n`;
}

export type CitationFormat = 'bibtex' | 'ris' | 'csl';

const FORMATS: Record<CitationFormat, (items: CslItem[]) => string> = { bibtex: toBibtex, ris: toRis, csl: toCslJson };

/** The file of `items` in `format`, as citation-js writes it (toBibtex, toRis, toCslJson). */
export function citationText(items: CslItem[], format: CitationFormat): string {
  return FORMATS[format](items);
}

/**
 * One record's part of a file of many, as citation-js writes it there, made from the record's
 * own file: `joinCitationEntries(format, items.map((i) => citationEntry(i, format)))` is
 * `citationText(items, format)`, byte for byte (tests/citation.unit.test.ts), so a file of the
 * whole archive can be put together from parts kept per record instead of asking citation-js
 * for every record again. Each format's file is its records one after another:
 * - BibTeX: each entry ends `}\n`, and the file has one more line break;
 * - RIS: each record ends `ER  - \n`, and the file's trailing white space is one line break
 *   (toRis);
 * - CSL-JSON: an array, its items indented by two and separated by `,\n`.
 */
export function citationEntry(item: CslItem, format: CitationFormat): string {
  const own = citationText([item], format);
  if (format === 'bibtex') return own.slice(0, -1);
  if (format === 'ris') return `${own.slice(0, -1)} \n`;
  return own.slice(2, -3); // without `[\n` and `\n]\n`
}

/** The file made of the records' parts (citationEntry), in their order. */
export function joinCitationEntries(format: CitationFormat, entries: readonly string[]): string {
  if (entries.length === 0) return citationText([], format);
  if (format === 'bibtex') return `${entries.join('')}\n`;
  if (format === 'ris') return `${entries.join('').replace(/\s+$/, '')}\n`;
  return `[\n${entries.join(',\n')}\n]\n`;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "23 March 2019". */
function englishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${ENGLISH_MONTHS[m - 1]} ${y}`;
}

/**
 * The Latin-script citation shown on the page (the headline stays in Arabic, as cited works
 * keep their own title; the outlet is named in English). Written here rather than by
 * citation-js's CSL engine, which takes about 10 ms an article: the downloads are citation-js's.
 */
function latinCitation(article: ArticleView, site: SiteInfo, archiveUrl: string): string {
  const parts = [
    ...(article.author ? [`${oneLine(article.author)}.`] : []),
    `“${oneLine(article.title)}.”`,
    `${oneLine(article.outlet.name_en)}, ${englishDate(article.date.iso)}.`,
    article.source.url ? `${article.source.url}.` : 'Original address unknown.',
    ...(article.source.retrieved ? [`Retrieved ${englishDate(article.source.retrieved.iso)}.`] : []),
    `Archived copy in ${oneLine(site.title)}: ${archiveUrl}.`,
    `Source SHA-256: ${article.source.sha256}.`,
  ];
  return parts.join(' ');
}

/** The Arabic citation: outlet، «headline»، date، address، retrieved، archive address، sha256. */
function arabicCitation(article: ArticleView, site: SiteInfo, archiveUrl: string): string {
  const parts = [
    ...(article.author ? [oneLine(article.author)] : []),
    oneLine(article.outlet.name_ar),
    `«${oneLine(article.title)}»`,
    article.date.arabic,
    article.source.url ? `الرابط الأصلي: ${article.source.url}` : 'الرابط الأصلي غير معروف',
    ...(article.source.retrieved ? [`تاريخ النسخ: ${article.source.retrieved.arabic}`] : []),
    `نسخة محفوظة في ${oneLine(site.title)}: ${archiveUrl}`,
    `بصمة المصدر SHA-256: ${article.source.sha256}`,
  ];
  return `${parts.join('، ')}.`;
}

/** Everything the "cite this" block of an article page shows (layouts/partials/cite.njk). */
export function citationView(article: ArticleView, site: SiteInfo): CitationView {
  const csl = cslItem(article, site);
  return {
    csl,
    originalUrl: article.source.url,
    archiveUrl: csl.archive_location,
    sha256: article.source.sha256,
    downloads: {
      bibtex: `${article.url}${CITATION_FILES.bibtex}`,
      ris: `${article.url}${CITATION_FILES.ris}`,
      csl: `${article.url}${CITATION_FILES.csl}`,
    },
    arabic: arabicCitation(article, site, csl.archive_location),
    latin: latinCitation(article, site, csl.archive_location),
  };
}
