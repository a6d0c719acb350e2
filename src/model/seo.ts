/**
 * What search engines, link previews and feed readers are told about the site: the
 * schema.org NewsArticle JSON-LD and the OpenGraph/Twitter meta values of each page, the Atom
 * feed and the sitemap entries. Pure functions of the archive; the templates that print them
 * (layouts/partials/seo-head.njk, layouts/pages/feed.njk, sitemap.njk, robots.njk) only loop and
 * escape.
 */
import { TITLES } from './ui-strings.ts';
import type { Archive, ArticleView, SiteInfo } from './views.ts';

/** How many articles the Atom feed carries, newest first. */
export const FEED_LIMIT = 50;
/** Where the feed and the sitemap are written, relative to the site's base address. */
export const FEED_PATH = 'feed.xml';
export const SITEMAP_PATH = 'sitemap.xml';
export const JSON_FEED_PATH = 'feed.json';
/** Link previews show about this much of a summary. */
export const DESCRIPTION_LENGTH = 200;

/**
 * An absolute address for a path of the site. Unlike `new URL('/x/', base)`, a base address
 * with a path (`https://host/archive/`) is kept: `/x/` becomes `https://host/archive/x/`.
 * Non-ASCII paths (agency slugs are Arabic) come back percent-encoded.
 */
export function siteUrl(path: string, site: Pick<SiteInfo, 'url'>): string {
  return new URL(path.replace(/^\/+/, ''), site.url).href;
}

/** Midnight UTC of an ISO date, as RFC 3339 (Atom dates): the archive knows days, not times. */
export function rfc3339(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

/**
 * `text` cut to at most `max` characters at a word boundary, with "…" when cut. Trailing
 * punctuation before the cut (Arabic or Latin comma, colon, dash…) is dropped.
 */
export function truncateAtWord(text: string, max = DESCRIPTION_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean); // code points, so a surrogate pair is never split
  if (chars.length <= max) return clean;
  const head = chars.slice(0, max + 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  // No space in the last 40%: one very long word; cut inside it rather than keep a stub.
  const cut = lastSpace >= Math.floor(head.length * 0.6) ? head.slice(0, lastSpace) : chars.slice(0, max).join('');
  return `${cut.replace(/[\s،,؛;:.\-–—«“"'(]+$/u, '')}…`;
}

/**
 * Characters XML 1.0 forbids even as references (C0 controls other than tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF) removed. Autoescaping handles `<`, `&` and quotes, not these.
 */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

export interface JsonLdPlace {
  '@type': 'Place';
  name: string;
  alternateName: string;
  url: string;
}
export interface JsonLdEvent {
  '@type': 'Event';
  name: string;
  url: string;
}
export interface JsonLdOrganization {
  '@type': 'NewsMediaOrganization';
  name: string;
  alternateName: string;
}

export interface NewsArticleJsonLd {
  '@context': 'https://schema.org';
  '@type': 'NewsArticle';
  headline: string;
  description: string;
  datePublished: string;
  inLanguage: 'ar';
  url: string;
  mainEntityOfPage: { '@type': 'WebPage'; '@id': string };
  publisher: JsonLdOrganization;
  sourceOrganization: JsonLdOrganization;
  author?: { '@type': 'Person'; name: string };
  contentLocation: JsonLdPlace[];
  about: JsonLdEvent[];
  isBasedOn?: string;
  identifier: { '@type': 'PropertyValue'; propertyID: 'sha256'; value: string };
  isAccessibleForFree: true;
  isPartOf: { '@type': 'WebSite'; name: string; url: string };
}

/**
 * The schema.org NewsArticle describing an archived article. The publisher is the outlet that
 * published it (the archive only keeps a copy); `identifier` is the sha256 of the raw source
 * text the article was made from; `isBasedOn` is the original address when it is known.
 */
export function articleJsonLd(article: ArticleView, site: SiteInfo): NewsArticleJsonLd {
  const canonical = siteUrl(article.url, site);
  const outlet: JsonLdOrganization = {
    '@type': 'NewsMediaOrganization',
    name: article.outlet.name_ar,
    alternateName: article.outlet.name_en,
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: articleDescription(article, site),
    datePublished: article.date.iso,
    inLanguage: 'ar',
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    publisher: outlet,
    sourceOrganization: outlet,
    ...(article.author ? { author: { '@type': 'Person' as const, name: article.author } } : {}),
    contentLocation: article.places.map((p) => ({ '@type': 'Place', name: p.name, alternateName: p.name_en, url: siteUrl(p.url, site) })),
    about: article.events.map((e) => ({ '@type': 'Event', name: e.title, url: siteUrl(e.url, site) })),
    ...(article.source.url ? { isBasedOn: article.source.url } : {}),
    identifier: { '@type': 'PropertyValue', propertyID: 'sha256', value: article.source.sha256 },
    isAccessibleForFree: true,
    isPartOf: { '@type': 'WebSite', name: site.title, url: site.url },
  };
}

// ---------------------------------------------------------------------------------------------
// OpenGraph / Twitter

/** One `<meta>`: `<meta {attribute}="{key}" content="{content}">`. */
export interface MetaTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key, content });
const named = (key: string, content: string): MetaTag => ({ attribute: 'name', key, content });

function articleDescription(article: ArticleView, site: SiteInfo): string {
  return truncateAtWord(article.summary) || site.description;
}

function commonTags(kind: 'article' | 'website', title: string, description: string, url: string, site: SiteInfo): MetaTag[] {
  return [
    og('og:type', kind),
    og('og:title', title),
    og('og:description', description),
    og('og:url', url),
    og('og:site_name', site.title),
    og('og:locale', 'ar_AR'),
    named('twitter:card', 'summary'),
    named('twitter:title', title),
    named('twitter:description', description),
  ];
}

/** OpenGraph and Twitter tags for an article page, then its citation tags. */
export function articleMetaTags(article: ArticleView, site: SiteInfo): MetaTag[] {
  return [
    ...commonTags('article', article.title, articleDescription(article, site), siteUrl(article.url, site), site),
    og('article:published_time', article.date.iso),
    og('article:section', article.outlet.name_ar),
    ...citationMetaTags(article, site),
  ];
}

/** The namespace Dublin Core `DC.*` meta names are declared in (`<link rel="schema.DC">`). */
export const DUBLIN_CORE_SCHEMA = 'http://purl.org/dc/elements/1.1/';

/**
 * What reference managers' page importers read (Zotero's and Mendeley's "Embedded Metadata"):
 * Highwire Press `citation_*` tags (as Google Scholar documents them; dates as YYYY/MM/DD) and
 * Dublin Core `DC.*` (declared by the `schema.DC` link the head prints on article pages). The
 * publisher is the outlet; the archive's address is the copy's. The writer is the author
 * when known; without one no author is claimed (`DC.creator` names the outlet, as a
 * newspaper's unsigned article is the paper's).
 */
export function citationMetaTags(article: ArticleView, site: SiteInfo): MetaTag[] {
  const archiveUrl = siteUrl(article.url, site);
  return [
    named('citation_title', article.title),
    ...(article.author ? [named('citation_author', article.author)] : []),
    named('citation_publication_date', article.date.iso.replace(/-/g, '/')),
    named('citation_journal_title', article.outlet.name_ar),
    named('citation_publisher', article.outlet.name_ar),
    named('citation_language', 'ar'),
    named('citation_public_url', archiveUrl),
    named('citation_fulltext_html_url', archiveUrl),
    named('DC.title', article.title),
    named('DC.creator', article.author ?? article.outlet.name_ar),
    named('DC.publisher', article.outlet.name_ar),
    named('DC.date', article.date.iso),
    named('DC.type', 'Text'),
    named('DC.format', 'text/html'),
    named('DC.language', 'ar'),
    named('DC.identifier', archiveUrl),
    ...(article.source.url ? [named('DC.source', article.source.url)] : []),
    named('DC.relation', `sha256:${article.source.sha256}`),
  ];
}

export interface PageInfo {
  /** The page's site-relative address (Eleventy's `page.url`). */
  url: string;
  /** The page's title; the site's title when absent. */
  title?: string | null;
  /** The page's description; the site's description when absent. */
  description?: string | null;
}

/** OpenGraph and Twitter tags for any page that is not an article. */
export function pageMetaTags(page: PageInfo, site: SiteInfo): MetaTag[] {
  return commonTags('website', page.title || site.title, truncateAtWord(page.description || site.description), siteUrl(page.url, site), site);
}

export interface SeoHead {
  canonical: string;
  description: string;
  meta: MetaTag[];
  feed: { href: string; jsonHref: string; title: string };
  /** Only on article pages. */
  jsonLd: NewsArticleJsonLd | null;
  /** The Dublin Core schema link's address, on article pages (which carry DC.* tags), else null. */
  dublinCore: string | null;
}

/** Everything layouts/partials/seo-head.njk prints for a page; `article` only on article pages. */
export function seoHead(site: SiteInfo, page: PageInfo & { article?: ArticleView | null }): SeoHead {
  const { article } = page;
  return {
    canonical: siteUrl(article ? article.url : page.url, site),
    description: article ? page.description || articleDescription(article, site) : page.description || site.description,
    meta: article ? articleMetaTags(article, site) : pageMetaTags(page, site),
    feed: feedLink(site),
    jsonLd: article ? articleJsonLd(article, site) : null,
    dublinCore: article ? DUBLIN_CORE_SCHEMA : null,
  };
}

export function feedLink(site: SiteInfo): { href: string; jsonHref: string; title: string } {
  return { href: siteUrl(FEED_PATH, site), jsonHref: siteUrl(JSON_FEED_PATH, site), title: TITLES.feed(site.title) };
}

// ---------------------------------------------------------------------------------------------
// Atom feed (RFC 4287)

export interface FeedCategory {
  term: string;
  scheme: string;
}

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  published: string;
  updated: string;
  authorName: string;
  categories: FeedCategory[];
  summary: string;
  /** The article's sanitised HTML; the template escapes it into `<content type="html">`. */
  html: string;
  /** The original address, when known (`<link rel="via">`). */
  via: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The newest entry's date, never the build time, so rebuilding the same content changes nothing. */
  updated: string;
  selfUrl: string;
  homeUrl: string;
  authorName: string;
  entries: FeedEntry[];
}

/** The Atom feed of the newest `limit` articles (the archive lists them newest first). */
export function atomFeed(archive: Pick<Archive, 'site' | 'articles'>, limit = FEED_LIMIT): AtomFeed {
  const { site } = archive;
  const entries = archive.articles.slice(0, limit).map((a): FeedEntry => {
    const url = siteUrl(a.url, site);
    return {
      id: url,
      url,
      title: xmlText(a.title),
      published: rfc3339(a.date.iso),
      updated: rfc3339(a.date.iso),
      authorName: xmlText(a.author ?? a.outlet.name_ar),
      categories: [
        ...a.events.map((e) => ({ term: xmlText(e.title), scheme: siteUrl('events/', site) })),
        ...a.places.map((p) => ({ term: xmlText(p.name), scheme: siteUrl('places/', site) })),
      ],
      summary: xmlText(a.summary),
      html: xmlText(a.html),
      via: a.source.url,
    };
  });
  const newest = entries
    .map((e) => e.updated)
    .sort()
    .at(-1);
  return {
    id: site.url,
    title: xmlText(site.title),
    subtitle: xmlText(site.description),
    // An empty archive has no date to give; a fixed one keeps the build reproducible.
    updated: newest ?? rfc3339('1970-01-01'),
    selfUrl: siteUrl(FEED_PATH, site),
    homeUrl: site.url,
    authorName: xmlText(site.title),
    entries,
  };
}

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), beside the Atom feed: the same entries

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: 'ar';
  authors: Array<{ name: string; url?: string }>;
  items: Array<{
    id: string;
    url: string;
    external_url?: string;
    title: string;
    summary: string;
    content_html: string;
    date_published: string;
    authors: Array<{ name: string }>;
    tags: string[];
    language: 'ar';
  }>;
}

/** The JSON Feed of the newest `limit` articles: the Atom feed's entries, in JSON. */
export function jsonFeed(archive: Pick<Archive, 'site' | 'articles'>, limit = FEED_LIMIT): JsonFeed {
  const atom = atomFeed(archive, limit);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: atom.title,
    description: atom.subtitle,
    home_page_url: atom.homeUrl,
    feed_url: siteUrl(JSON_FEED_PATH, archive.site),
    language: 'ar',
    authors: [{ name: atom.authorName, url: atom.homeUrl }],
    items: atom.entries.map((e) => ({
      id: e.id,
      url: e.url,
      ...(e.via ? { external_url: e.via } : {}),
      title: e.title,
      summary: e.summary,
      content_html: e.html,
      date_published: e.published,
      authors: [{ name: e.authorName }],
      tags: e.categories.map((c) => c.term),
      language: 'ar',
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Sitemap (sitemaps.org 0.9)

/** The part of an Eleventy collection item the sitemap reads. */
export interface CollectionItemLike {
  url?: string | false | null;
  data?: { eleventyExcludeFromCollections?: unknown; pagination?: { hrefs?: unknown } | null } | null;
}

export interface SitemapEntry {
  loc: string;
  lastmod: string | null;
}

/**
 * One entry per HTML page in `items` (Eleventy's `collections.all`), sorted by address: pages
 * without output, non-HTML outputs, excluded pages and the 404 page are left out. Article pages
 * carry their publication date as `lastmod`.
 *
 * Eleventy puts only the first page of a paginated template (one page per article, event,
 * place…) into collections unless the template sets `addAllPagesToCollections`; that first
 * item's `pagination.hrefs` lists the addresses of all its pages, so they are all listed here
 * either way. `carriedUrls`: pages that are in the site but not in `items`, because the build
 * carried them over from the previous site rather than rendering them (src/site/carry-over.ts).
 */
export function sitemapEntries(items: readonly CollectionItemLike[], archive: Pick<Archive, 'site' | 'articles'>, carriedUrls: readonly string[] = []): SitemapEntry[] {
  const articleDates = new Map(archive.articles.map((a) => [a.url, a.date.iso]));
  const byLoc = new Map<string, SitemapEntry>();
  const groups: unknown[][] = items
    .filter((item) => !item.data?.eleventyExcludeFromCollections)
    .map((item) => {
      const hrefs = item.data?.pagination?.hrefs;
      return Array.isArray(hrefs) ? hrefs : [item.url];
    });
  for (const urls of [...groups, carriedUrls]) {
    for (const url of urls) {
      if (typeof url !== 'string' || !url) continue;
      if (!(url.endsWith('/') || url.endsWith('.html'))) continue;
      if (/(^|\/)404(\.html|\/)$/.test(url)) continue;
      const loc = siteUrl(url, archive.site);
      byLoc.set(loc, { loc, lastmod: articleDates.get(decodeURIComponentSafe(url)) ?? articleDates.get(url) ?? null });
    }
  }
  return [...byLoc.values()].sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
