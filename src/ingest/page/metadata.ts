/**
 * What a saved page says about itself: JSON-LD (a NewsArticle, Article, ReportageNewsArticle…,
 * alone, in an array or in a Yoast-style @graph whose author and publisher are @id references),
 * OpenGraph (`og:title`, `og:site_name`, `og:url`, `article:published_time`), microdata
 * (`itemprop="datePublished"`, `headline`, `author`), `<meta name="author">`,
 * `<link rel="canonical">`, `<html lang>`, the `<h1>`s and `<title>`, and the address a browser
 * or SingleFile wrote into the saved file. Nothing here is trusted yet: ./page-evidence.ts
 * weighs it against the text. JSON-LD is parsed as data (never run); anything that does not
 * parse or has the wrong shape is counted and left out.
 */
import { z } from 'zod';
import { headlinesAgree } from './headline-agreement.ts';

export interface Stated {
  text: string;
  /** Where the page states it, for the report: "JSON-LD datePublished", "og:site_name". */
  from: string;
}

export interface PageMetadata {
  lang?: string;
  /** <link rel=canonical>, og:url, JSON-LD url, then the address the save recorded: first is best. */
  urls: Stated[];
  title?: string;
  h1: string[];
  headlines: Stated[];
  published: Stated[];
  modified: Stated[];
  /** og:site_name, JSON-LD publisher.name, application-name. */
  siteNames: Stated[];
  authors: Stated[];
  /** JSON-LD blocks that did not parse as JSON. */
  jsonLdErrors: number;
  /** The JSON-LD @types met, for the report. */
  jsonLdTypes: string[];
}

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'SocialMediaPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
]);
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'NewsMediaOrganization']);

/** One JSON-LD node as far as it matters here; other fields pass through unread. */
const nodeSchema = z.looseObject({
  '@id': z.string().optional(),
  '@type': z.union([z.string(), z.array(z.string())]).optional(),
  headline: z.string().optional(),
  name: z.string().optional(),
  alternativeHeadline: z.string().optional(),
  datePublished: z.string().optional(),
  dateCreated: z.string().optional(),
  dateModified: z.string().optional(),
  url: z.string().optional(),
  inLanguage: z.string().optional(),
});
type JsonLdNode = z.infer<typeof nodeSchema> & Record<string, unknown>;

export const collapse = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : t ? [t] : []).map((s) => s.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every object in a JSON-LD value: arrays, @graph, and nested objects, depth first. */
function allNodes(value: unknown, out: JsonLdNode[] = [], depth = 0): JsonLdNode[] {
  if (depth > 12) return out;
  if (Array.isArray(value)) for (const v of value) allNodes(v, out, depth + 1);
  else if (value && typeof value === 'object') {
    const parsed = nodeSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data as JsonLdNode);
    for (const v of Object.values(value)) if (v && typeof v === 'object') allNodes(v, out, depth + 1);
  }
  return out;
}

/** The text of a JSON-LD script: comment and CDATA wrappers some CMSs add are removed. */
function jsonLdText(raw: string): string {
  return raw
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .replace(/^\/\*<!\[CDATA\[\*\//, '')
    .replace(/\/\*\]\]>\*\/$/, '')
    .trim();
}

/** Names of a JSON-LD person/organisation value: a string, {name}, an @id reference, or a list. */
function namesOf(value: unknown, byId: Map<string, JsonLdNode>, depth = 0): string[] {
  if (depth > 4 || value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => namesOf(v, byId, depth + 1));
  if (typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (typeof node.name === 'string') return [node.name];
    if (typeof node['@id'] === 'string' && byId.has(node['@id'])) return namesOf(byId.get(node['@id']), byId, depth + 1);
  }
  return [];
}

function meta(document: Document, attr: 'property' | 'name' | 'itemprop', key: string): string | undefined {
  for (const el of document.querySelectorAll(`meta[${attr}]`)) {
    if ((el.getAttribute(attr) ?? '').toLowerCase() === key.toLowerCase()) {
      const content = collapse(el.getAttribute('content') ?? '');
      if (content) return content;
    }
  }
  return undefined;
}

/** The address a browser wrote into the file: Chrome's `saved from url=(N)…`, SingleFile's `url:`. */
export function savedFromAddress(html: string): string | undefined {
  const head = html.slice(0, 4096);
  const chrome = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(head);
  if (chrome) return chrome[1];
  const singleFile = /<!--[\s\S]*?Page saved with SingleFile[\s\S]*?\burl:\s*(https?:\/\/\S+)[\s\S]*?-->/i.exec(head);
  return singleFile?.[1];
}

export function readPageMetadata(document: Document, html: string, savedAddress?: string): PageMetadata {
  const push = (list: Stated[], text: string | undefined, from: string) => {
    const t = text === undefined ? '' : collapse(text);
    if (t && !list.some((s) => s.text === t && s.from === from)) list.push({ text: t, from });
  };
  const md: PageMetadata = { urls: [], h1: [], headlines: [], published: [], modified: [], siteNames: [], authors: [], jsonLdErrors: 0, jsonLdTypes: [] };
  md.lang = document.documentElement?.getAttribute('lang') ?? undefined;
  md.title = collapse(document.querySelector('title')?.textContent ?? '') || undefined;
  md.h1 = [...document.querySelectorAll('h1')].map((h) => collapse(h.textContent ?? '')).filter((t) => t !== '');

  // JSON-LD: the article nodes first, the page's WebPage node as a fallback for dates.
  const nodes: JsonLdNode[] = [];
  for (const script of document.querySelectorAll('script')) {
    if (!/^\s*application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      allNodes(JSON.parse(jsonLdText(script.textContent ?? '')), nodes);
    } catch {
      md.jsonLdErrors++;
    }
  }
  const byId = new Map(nodes.filter((n) => n['@id']).map((n) => [n['@id'] as string, n]));
  md.jsonLdTypes = [...new Set(nodes.flatMap(typesOf))];
  // A page may describe other articles too (related items, a list): the one its <h1> names is its own.
  const described = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
  const own = described.filter((n) => md.h1.some((h) => headlinesAgree(n.headline ?? n.name ?? '', h)));
  const articles = own.length > 0 ? own : described;
  const pages = nodes.filter((n) => typesOf(n).some((t) => PAGE_TYPES.has(t)));
  for (const node of articles) {
    const type = typesOf(node).find((t) => ARTICLE_TYPES.has(t));
    push(md.headlines, node.headline ?? node.name, `JSON-LD ${type} headline`);
    push(md.published, node.datePublished ?? node.dateCreated, `JSON-LD ${type} datePublished`);
    push(md.modified, node.dateModified, `JSON-LD ${type} dateModified`);
    for (const name of namesOf(node.author, byId)) push(md.authors, name, `JSON-LD ${type} author`);
    for (const name of namesOf(node.publisher, byId)) push(md.siteNames, name, `JSON-LD ${type} publisher`);
    const main = node.mainEntityOfPage;
    const mainUrl = typeof main === 'string' ? main : main && typeof main === 'object' ? (main as Record<string, unknown>)['@id'] : undefined;
    push(md.urls, typeof mainUrl === 'string' ? mainUrl : node.url, `JSON-LD ${type} url`);
  }
  for (const node of pages) {
    push(md.published, node.datePublished, 'JSON-LD WebPage datePublished');
    push(md.modified, node.dateModified, 'JSON-LD WebPage dateModified');
  }

  // OpenGraph, article:*, plain meta tags.
  push(md.headlines, meta(document, 'property', 'og:title'), 'og:title');
  push(md.headlines, meta(document, 'name', 'twitter:title'), 'twitter:title');
  push(md.published, meta(document, 'property', 'article:published_time'), 'article:published_time');
  push(md.modified, meta(document, 'property', 'article:modified_time'), 'article:modified_time');
  push(md.siteNames, meta(document, 'property', 'og:site_name'), 'og:site_name');
  push(md.siteNames, meta(document, 'name', 'application-name'), 'application-name');
  push(md.authors, meta(document, 'name', 'author'), '<meta name="author">');
  push(md.authors, meta(document, 'property', 'article:author'), 'article:author');

  // Microdata.
  for (const el of document.querySelectorAll('[itemprop]')) {
    const props = (el.getAttribute('itemprop') ?? '').split(/\s+/);
    const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '';
    if (props.includes('datePublished')) push(md.published, value, 'itemprop datePublished');
    if (props.includes('headline')) push(md.headlines, value, 'itemprop headline');
    if (props.includes('author')) push(md.authors, el.querySelector('[itemprop~="name"]')?.textContent ?? el.getAttribute('content') ?? el.textContent ?? '', 'itemprop author');
  }

  // Addresses: canonical first (the page's own word for its address), then og:url, then the save's.
  const canonical = [...document.querySelectorAll('link[rel]')].find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const urls: Stated[] = [];
  push(urls, canonical?.getAttribute('href') ?? undefined, '<link rel="canonical">');
  push(urls, meta(document, 'property', 'og:url'), 'og:url');
  urls.push(...md.urls);
  push(urls, savedAddress ?? savedFromAddress(html), 'the address the browser saved it from');
  md.urls = urls.filter((u) => /^https?:\/\/[^\s/?#]+/i.test(u.text));
  return md;
}
