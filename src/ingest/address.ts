/**
 * The address an article was copied from, as the outlet's own: web archives, AMP caches,
 * translation proxies, redirectors and aggregators that carry the original address inside
 * theirs are unwrapped, so `https://web.archive.org/web/2019/https://www.enabbaladi.net/…`
 * is read as enabbaladi.net. Pure; no network.
 */

export interface Address {
  /** Lowercased, without `www.`. */
  host: string;
  /** The path, percent-decoded where that is valid, starting with "/". */
  path: string;
  /** How the address was unwrapped ("the Wayback Machine's copy of …"), outermost first. */
  via: string[];
}

function parse(url: string): URL | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const bareHost = (host: string) =>
  host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\d?\./, '');

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/** An http(s) address inside `text` (a path or a query value), or undefined. */
function innerUrl(text: string): string | undefined {
  const m = /^(https?:)\/+(.+)$/i.exec(text);
  return m ? `${m[1]}//${m[2]}` : undefined;
}

/** A path segment that is an http(s) address written in base64url (some aggregators do this). */
function base64Url(segment: string): string | undefined {
  if (!/^aHR0c[A-Za-z0-9_-]{8,}={0,2}$/.test(segment)) return undefined; // "http" in base64
  try {
    const text = Buffer.from(segment.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    return /^https?:\/\/[^\s/]+/i.test(text) && !/[\u0000-\u001f\ufffd]/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** One step of unwrapping, or undefined when `url` carries no other address. */
function unwrapOnce(url: URL): { inner: string; how: string } | undefined {
  const host = bareHost(url.hostname);
  const raw = url.pathname + url.search;
  // web.archive.org/web/20190323000000/https://… (also …id_/, …im_/)
  if (host === 'web.archive.org' || host === 'wayback.archive.org') {
    const m = /^\/web\/[^/]+\/(.+)$/s.exec(raw);
    const inner = m ? (innerUrl(m[1] as string) ?? (/^[a-z0-9.-]+\.[a-z]{2,}(\/|$)/i.test(m[1] as string) ? `http://${m[1]}` : undefined)) : undefined;
    if (inner) return { inner, how: `a Wayback Machine copy (${host})` };
  }
  // archive.ph / archive.today / archive.is: /newest/URL, /2019.03.23-000000/URL
  if (/^archive\.(ph|today|is|li|vn|md|fo)$/.test(host)) {
    const m = /^\/(?:newest\/|oldest\/|[\d.]+-\d+\/|\d{14}\/)(.+)$/s.exec(raw);
    const inner = m ? innerUrl(m[1] as string) : undefined;
    if (inner) return { inner, how: `an archive.today copy (${host})` };
  }
  // Google's AMP cache: www-enabbaladi-net.cdn.ampproject.org/c/s/www.enabbaladi.net/…
  if (host.endsWith('.cdn.ampproject.org') || host === 'cdn.ampproject.org') {
    const m = /^\/(?:c|v|i)\/(s\/)?(.+)$/s.exec(url.pathname);
    if (m) return { inner: `${m[1] ? 'https' : 'http'}://${m[2]}${url.search}`, how: 'an AMP cache copy (cdn.ampproject.org)' };
  }
  // Google Translate's proxy: www-enabbaladi-net.translate.goog/… ("-" is ".", "--" is "-")
  if (host.endsWith('.translate.goog')) {
    const label = host.slice(0, -'.translate.goog'.length);
    const original = label
      .replace(/--/g, '\u0000')
      .replace(/-/g, '.')
      .replace(/\u0000/g, '-');
    return { inner: `https://${original}${url.pathname}`, how: 'a Google Translate proxy copy (translate.goog)' };
  }
  // Redirectors and caches that carry the address in their query.
  const queryKeys: Record<string, string[]> = {
    'google.com': ['url', 'q'],
    'l.facebook.com': ['u'],
    'lm.facebook.com': ['u'],
    'facebook.com': ['u'],
    't.umblr.com': ['z'],
    'webcache.googleusercontent.com': ['q'],
  };
  for (const [redirector, keys] of Object.entries(queryKeys)) {
    if (host !== redirector && !host.endsWith(`.${redirector}`)) continue;
    for (const key of keys) {
      const value = url.searchParams
        .get(key)
        ?.replace(/^cache:[^:]*:/, '')
        .replace(/^cache:/, '');
      const inner = value ? innerUrl(value) : undefined;
      if (inner) return { inner, how: `a link through ${host}` };
    }
  }
  // An aggregator that writes the original address in base64 in its path.
  for (const segment of url.pathname.split('/')) {
    const inner = base64Url(segment);
    if (inner) return { inner, how: `an aggregator's copy (${host}) naming the original address` };
  }
  return undefined;
}

/** The address an article was first published at, as far as the given address shows it. */
export function originalAddress(url: string): Address | undefined {
  let parsed = parse(url);
  if (!parsed) return undefined;
  const via: string[] = [];
  for (let depth = 0; depth < 5; depth++) {
    const step = unwrapOnce(parsed);
    const next = step ? parse(step.inner) : undefined;
    if (!step || !next) break;
    via.push(step.how);
    parsed = next;
  }
  return { host: bareHost(parsed.hostname), path: decodedPath(parsed), via };
}

/**
 * Whether a `domains` entry of outlets.yml or aggregators.yml covers the address, and how
 * specifically: 0 for no, else the entry's length (a longer entry is more specific). An entry
 * is a domain (`enabbaladi.net`, which covers its subdomains `m.`, `amp.`, `english.`…) or a
 * domain with a path (`masress.com/soutelomma`: an aggregator's section for one outlet, which
 * covers that path and what lies under it).
 */
export function coverage(entry: string, address: Address): number {
  const e = entry
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
  const slash = e.indexOf('/');
  const domain = slash < 0 ? e : e.slice(0, slash);
  const path = slash < 0 ? '' : e.slice(slash);
  if (domain === '' || (address.host !== domain && !address.host.endsWith(`.${domain}`))) return 0;
  if (path) {
    const p = address.path.toLowerCase();
    if (p !== path && !p.startsWith(`${path}/`)) return 0;
  }
  return e.length;
}
