/**
 * The site's public address, which canonical links, the Atom feed and the sitemap are built
 * from: `url` in content/data/site.yml, or `--site-url` for one build (or ARSHIF_SITE_URL; `npm
 * start` gives its rebuilds the same). A build whose address is still an example domain
 * (RFC 2606: example.com/.net/.org and their subdomains, the .example top-level domain) says so.
 */
import { ENV, readEnvironment } from './config.ts';

export const SITE_URL_ENV = ENV.siteUrl;

/** `text` as a site address ending in '/', or an error message saying what to pass. */
export function parseSiteUrl(text: string): { url: string } | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return { error: `--site-url ${JSON.stringify(text)} is not an address; pass where the site is published, e.g. --site-url https://archive.example.net/` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { error: `--site-url ${JSON.stringify(text)} is not an http(s) address; pass where the site is published, e.g. --site-url https://archive.example.net/` };
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    return { error: `--site-url ${JSON.stringify(text)} has a query, fragment or user name; pass the site's base address only` };
  }
  const path = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { url: `${parsed.origin}${path}` };
}

/** The address for this build: the environment's (from --site-url) over site.yml's. */
export function effectiveSiteUrl(fromFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = readEnvironment(env).siteUrl;
  if (!given) return fromFile;
  const parsed = parseSiteUrl(given);
  if ('error' in parsed) throw new Error(`${SITE_URL_ENV}: ${parsed.error.replace(/^--site-url /, '')}`);
  return parsed.url;
}

/** True for an address on a domain reserved for examples. */
export function isExampleUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return /(?:^|\.)example\.(?:com|net|org)$/.test(host) || /\.example$/.test(host) || host === 'example';
}

/** The warning a build prints when its address is still an example domain, else null. */
export function exampleUrlWarning(url: string): string | null {
  if (!isExampleUrl(url)) return null;
  return `arshif: warning: the site's address is still the example ${url}, so canonical links, the feed and the sitemap point there; set url in content/data/site.yml or pass --site-url https://your.domain/`;
}
