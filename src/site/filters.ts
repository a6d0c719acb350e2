/** Nunjucks filters: formatting only; what a page shows is computed in src/site/. */
import type { EleventyConfig } from './eleventy-plugin.ts';

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** An absolute address from a site-relative one. */
export function absoluteUrl(path: string, base: string): string {
  return new URL(path, base).href;
}

export function registerFilters(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter('jsonForScript', jsonForScript as never);
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl as never);
}
