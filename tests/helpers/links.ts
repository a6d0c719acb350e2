/**
 * A link checker for a built site folder, with no server: every internal reference resolves to a
 * file and every `#fragment` to an `id` on the page it names.
 *
 * What it reads:
 * - HTML pages: `href` (a, area, link: stylesheets, the font preload, icons, canonical and feed
 *   links), `src`, `srcset`, `poster`, `data` (object), `action`/`formaction`, `url(...)` in
 *   `<style>` and `style=""`, the addresses in JSON-LD and in og:url/og:image-like meta tags;
 * - CSS files: `url(...)` and `@import`;
 * - JavaScript files (outside Pagefind's own folder): quoted site-absolute file addresses such as
 *   the search script's run-time import of /pagefind/pagefind.js.
 *
 * Addresses are resolved as a browser would (relative to the page or file, dot segments removed),
 * then percent-decoded (Arabic paths), then looked up: `dir/` is `dir/index.html`, and `dir`
 * without the slash is accepted when `dir/index.html` exists, as static hosts serve it. An
 * absolute address under the site's public URL (`siteUrl`) is internal. Other hosts, `data:`,
 * `mailto:` and `tel:` are not checked; `javascript:` is always reported.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export interface BrokenLink {
  /** The page or file holding the reference, relative to the site folder (`events/index.html`). */
  page: string;
  /** The reference as written (entities decoded). */
  target: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The site's public address (site.yml `url`): absolute links under it are checked as internal. */
  siteUrl?: string;
  /** Folders (relative, with a trailing slash) whose files are not read, e.g. Pagefind's own. */
  skip?: string[];
}

export interface LinkReport {
  broken: BrokenLink[];
  /** How many references were resolved inside the site (a sanity figure for the caller). */
  checked: number;
  /** How many files were read. */
  files: number;
}

/** A stand-in origin to resolve site-absolute and relative addresses against. */
const ORIGIN = 'http://site.invalid';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export interface Tag {
  name: string;
  attributes: Record<string, string>;
  /** The text of a raw-text element (script, style), else undefined. */
  text?: string;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<!--[\s\S]*?(?:-->|$)/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The start tags of an HTML document, attributes entity-decoded and lower-cased by name. */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[1] === undefined) continue; // a comment
    const name = m[1].toLowerCase();
    const attributes: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(ATTRIBUTE)) {
      const key = a[1]!.toLowerCase();
      if (!(key in attributes)) attributes[key] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const tag: Tag = { name, attributes };
    if (name === 'script' || name === 'style') {
      // Raw text: runs to the matching end tag, and no tag inside it counts.
      const end = html.toLowerCase().indexOf(`</${name}`, TAG.lastIndex);
      const stop = end < 0 ? html.length : end;
      tag.text = html.slice(TAG.lastIndex, stop);
      TAG.lastIndex = stop;
    }
    tags.push(tag);
  }
  return tags;
}

/** The addresses in a srcset (HTML's parsing rules): each candidate's URL, without its descriptors. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // Descriptors run to the next comma outside parentheses.
      let depth = 0;
      for (; i < srcset.length; i++) {
        const c = srcset[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** `url(...)` and `@import "..."` addresses in CSS text, comments left out. */
export function cssUrls(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const urls: string[] = [];
  for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) urls.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) urls.push(m[1] ?? m[2] ?? '');
  return urls.filter(Boolean);
}

/** Quoted site-absolute addresses of files in JavaScript source (imports, fetches). */
export function scriptUrls(js: string): string[] {
  return [...js.matchAll(/(["'`])(\/(?!\/)[^"'`\s]*\.(?:m?js|css|json|wasm|woff2?|html|xml))\1/g)].map((m) => m[2]!);
}

/** Every string in a JSON value that is an absolute http(s) address. */
function jsonUrls(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^https?:\/\//.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) jsonUrls(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonUrls(v, out);
  return out;
}

const SRC_ELEMENTS = new Set(['img', 'script', 'iframe', 'source', 'audio', 'video', 'track', 'input', 'embed']);
const META_URL_KEYS = /^(og:url|og:image|og:image:url|og:image:secure_url|og:audio|og:video|twitter:image)$/;

/** The references a page makes, as written, and its ids. */
function pageReferences(html: string): { refs: string[]; ids: Set<string>; errors: string[] } {
  const refs: string[] = [];
  const ids = new Set<string>();
  const errors: string[] = [];
  for (const tag of startTags(html)) {
    const a = tag.attributes;
    if (a.id !== undefined) ids.add(a.id);
    if (a.href !== undefined && (tag.name === 'a' || tag.name === 'area' || tag.name === 'link')) refs.push(a.href);
    if (a.src !== undefined && SRC_ELEMENTS.has(tag.name)) refs.push(a.src);
    if (a.srcset !== undefined && (tag.name === 'img' || tag.name === 'source')) refs.push(...srcsetUrls(a.srcset));
    if (a.poster !== undefined && tag.name === 'video') refs.push(a.poster);
    if (a.data !== undefined && tag.name === 'object') refs.push(a.data);
    if (a.action !== undefined && tag.name === 'form') refs.push(a.action);
    if (a.formaction !== undefined) refs.push(a.formaction);
    if (a.style !== undefined) refs.push(...cssUrls(a.style));
    if (tag.name === 'style' && tag.text) refs.push(...cssUrls(tag.text));
    if (tag.name === 'meta' && META_URL_KEYS.test(a.property ?? a.name ?? '') && a.content) refs.push(a.content);
    if (tag.name === 'script' && a.type === 'application/ld+json' && tag.text !== undefined) {
      try {
        refs.push(...jsonUrls(JSON.parse(tag.text)));
      } catch (error) {
        errors.push(`its JSON-LD does not parse (${(error as Error).message})`);
      }
    }
  }
  return { refs, ids, errors };
}

function filesUnder(dir: string, skip: string[]): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => f.split(sep).join('/'))
    .filter((f) => !skip.some((s) => f.startsWith(s)) && statSync(join(dir, f)).isFile())
    .sort();
}

/** The site-relative URL path of a file (`a/index.html` → `/a/index.html`). */
const urlOf = (file: string) => `/${file.split('/').map(encodeURIComponent).join('/')}`;

/** Checks every reference in `siteDir`; see the file comment for what is read. */
export function checkSiteLinks(siteDir: string, options: LinkCheckOptions = {}): LinkReport {
  const skip = options.skip ?? ['pagefind/'];
  const files = filesUnder(siteDir, skip);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = pageReferences(readFileSync(join(siteDir, file), 'utf8')).ids;
      idCache.set(file, ids);
    }
    return ids;
  };
  const isFile = (rel: string) => {
    const path = join(siteDir, rel);
    return existsSync(path) && statSync(path).isFile();
  };

  /** The file a decoded site path names, or undefined. */
  const resolveFile = (path: string): string | undefined => {
    const rel = path.replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) return isFile(`${rel}index.html`) ? `${rel}index.html` : undefined;
    if (isFile(rel)) return rel;
    if (isFile(`${rel}/index.html`)) return `${rel}/index.html`;
    return undefined;
  };

  const broken: BrokenLink[] = [];
  let checked = 0;

  const check = (page: string, raw: string) => {
    const target = raw.trim();
    if (/^(data|mailto|tel):/i.test(target)) return;
    const report = (reason: string) => broken.push({ page, target, reason });
    if (/^javascript:/i.test(target)) return report('a javascript: address');
    let url: URL;
    try {
      url = new URL(target, ORIGIN + urlOf(page));
    } catch {
      return report('not a valid address');
    }
    let pathname: string;
    if (url.origin === ORIGIN) pathname = url.pathname;
    else if (options.siteUrl && url.href.startsWith(options.siteUrl)) {
      pathname = new URL(`/${url.href.slice(options.siteUrl.length)}`, ORIGIN).pathname;
    } else if (/^https?:$/.test(url.protocol))
      return; // another site
    else return report(`an address with the unexpected scheme ${url.protocol}`);
    checked++;
    let path: string;
    let fragment: string;
    try {
      path = decodeURIComponent(pathname);
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      return report('malformed percent-encoding');
    }
    const file = resolveFile(path);
    if (!file) return report(`no file at ${path}${path.endsWith('/') ? 'index.html' : ''}`);
    if (fragment === '' || fragment.toLowerCase() === 'top') return;
    if (!file.endsWith('.html')) return report(`#${fragment} points into ${file}, which is not a page`);
    if (!idsOf(file).has(fragment)) report(`no id="${fragment}" in ${file}`);
  };

  for (const file of files) {
    if (file.endsWith('.html')) {
      const { refs, ids, errors } = pageReferences(readFileSync(join(siteDir, file), 'utf8'));
      idCache.set(file, ids);
      for (const error of errors) broken.push({ page: file, target: '<script type="application/ld+json">', reason: error });
      for (const ref of refs) check(file, ref);
    } else if (file.endsWith('.css')) {
      for (const ref of cssUrls(readFileSync(join(siteDir, file), 'utf8'))) check(file, ref);
    } else if (/\.m?js$/.test(file)) {
      for (const ref of scriptUrls(readFileSync(join(siteDir, file), 'utf8'))) check(file, ref);
    }
  }
  return { broken, checked, files: files.length };
}

/** One line per broken reference: `page → target (reason)`, repeats folded. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
  const lines = [...new Set(broken.map((b) => `${b.page} → ${b.target} (${b.reason})`))];
  return `${lines.length} broken link${lines.length === 1 ? '' : 's'}:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}
