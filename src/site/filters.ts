/** Nunjucks filters: formatting only; what a page shows is computed in src/site/. */
import { countText } from '../arabic/plural.ts';
import { NOUNS } from '../model/ui-strings.ts';
import type { Archive, ArticleView, SiteInfo } from '../model/views.ts';
import type { EleventyConfig } from './eleventy-api.ts';
import { atomFeed, seoHead, siteUrl, sitemapEntries, type CollectionItemLike, type PageInfo } from '../model/seo.ts';
import { registerExportFilters } from './export-filters.ts';

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function registerFilters(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter('jsonForScript', jsonForScript as never);
  /** `{{ p.words | count("word") }}`: "12 كلمةً", "105 كلمات": a number with its noun agreeing (NOUNS). */
  eleventyConfig.addFilter('count', ((n: number, noun: keyof typeof NOUNS) => countWith(n, noun)) as never);
  /** `{{ outlet.name_en | parenthesised }}`: "(DW Arabic [Deutsche Welle])". */
  eleventyConfig.addFilter('parenthesised', parenthesised as never);

  // SEO, feed and sitemap (src/model/seo.ts). Each returns plain data; templates print it with
  // autoescaping on, except JSON-LD, which goes through jsonForScript.
  /** `{{ "sitemap.xml" | siteUrl(archive.site) }}`: an absolute address that keeps the base's path. */
  eleventyConfig.addFilter('siteUrl', ((path: string, site: SiteInfo) => siteUrl(path, site)) as never);
  /** `{% set seo = archive.site | seoHead({ url: page.url, title: title, description: description, article: article }) %}` */
  eleventyConfig.addFilter('seoHead', ((site: SiteInfo, page: PageInfo & { article?: ArticleView | null }) => seoHead(site, page)) as never);
  /** `{% set feed = archive | atomFeed %}` */
  eleventyConfig.addFilter('atomFeed', ((archive: Archive) => atomFeed(archive)) as never);
  /** `{% for entry in collections.all | sitemapEntries(archive, render.carriedUrls) %}` */
  eleventyConfig.addFilter('sitemapEntries', ((items: CollectionItemLike[], archive: Archive, carriedUrls?: readonly string[]) =>
    sitemapEntries(items, archive, carriedUrls ?? [])) as never);
  registerExportFilters(eleventyConfig);
}

/**
 * "(DW Arabic [Deutsche Welle])": text in parentheses, its own parentheses turned to brackets
 * (the usual nesting), so that a name that holds a gloss does not double them.
 */
export function parenthesised(text: string): string {
  return `(${text.replace(/[()]/g, (c) => (c === '(' ? '[' : ']'))})`;
}

/** `n` with the noun `noun` of NOUNS in the form Arabic grammar wants; a wrong noun is a template's mistake. */
export function countWith(n: number, noun: keyof typeof NOUNS): string {
  const forms = NOUNS[noun];
  if (!forms) throw new Error(`count: no noun "${String(noun)}" in NOUNS (src/model/ui-strings.ts)`);
  return countText(n, forms);
}
