/**
 * Where the site puts each page and each published raw source: path rules the views link by,
 * shared with src/site/publish-sources.ts, which copies the sources there. Pure.
 */
import { basename } from 'node:path';
import { slugify } from '../core/slug.ts';

export const articlePath = (id: string): string => `/articles/${id}/`;
export const eventPath = (id: string): string => `/events/${id}/`;
export const outletPath = (key: string): string => `/outlets/${key}/`;
export const placePath = (slug: string): string => `/places/${slug}/`;
export const yearPath = (year: number): string => `/years/${year}/`;
export const entityPath = (key: string): string => `/entities/${key}/`;
/** An agency has no key of its own: its page is named by the slug of its name. */
export const agencySlug = (name: string): string => slugify(name);
export const agencyPath = (name: string): string => `/agencies/${agencySlug(name)}/`;
/** The index of all articles newest first: beside /articles/, not under it (every folder there is an article's). */
export const ARTICLES_NEWEST_PATH = '/articles-newest/';

/**
 * The site path of a source file (`sources/NAME` as front matter gives it): always ending in
 * `.txt`, so that no host serves a saved web page (`page.html`, untrusted) as HTML.
 */
export function publishedSourcePath(file: string): string {
  const name = basename(file);
  return `/sources/${/\.txt$/i.test(name) ? name : `${name}.txt`}`;
}
