/**
 * What a first search costs a reader: a built site served by the static server (static-server.ts) (which
 * logs the bytes of every request), one page opened in Chromium in a fresh browser context (an
 * empty cache), and the bytes and requests it took, under /pagefind/ and in all, until the page
 * says it is done.
 *
 * "Done" is read from a `data-state` attribute (`done` or `idle` on our search page's
 * `[data-search-app]`, `done` on the baseline's page), then the network is given a moment to
 * settle, so requests the page makes right after (a result's data, a late chunk) still count.
 * Bytes are the files' sizes as served, uncompressed by the server (Pagefind's index files are
 * gzip already).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from '../core/static-server.ts';

export interface SearchProbe {
  name: string;
  /** Site-relative address, e.g. /search/?q=… */
  path: string;
  /** A JavaScript expression true once the page has finished its search. */
  ready: string;
  /** A JavaScript expression giving what the page says about its results (status text, count). */
  report?: string;
  /**
   * A script run in the page before its own, that sets `window.__shownPaths` to the paths of the
   * resources fetched by the time the results are on screen (when the page loads more after them).
   */
  shown?: string;
}

export interface SearchBytes {
  name: string;
  path: string;
  pagefindBytes: number;
  pagefindRequests: number;
  totalBytes: number;
  totalRequests: number;
  /** From navigation to ready, in milliseconds. */
  ms: number;
  /** What had been fetched when the results showed (`shown`; `ready` if the probe has none): the first query's cost to a reader. */
  shown: { pagefindBytes: number; pagefindRequests: number; totalBytes: number; totalRequests: number; ms: number };
  /** What the page reported (e.g. its result count). */
  report: string;
}

export const READY_TIMEOUT_MS = 120_000;
/** The network counts as settled after this long without a new request. */
const SETTLE_MS = 500;

/** Our search page: `[data-search-app]` says `done` or `idle` (see tests/search.browser.test.ts). */
export const ARSHIF_READY = `(() => { const app = document.querySelector('[data-search-app]'); return !!app && (app.dataset.state === 'done' || app.dataset.state === 'idle' || app.dataset.state === 'error'); })()`;
/**
 * Our search page shows its results, then loads the facet counts (state `counting`), then says
 * `done`: this notes the resources it had fetched (the resource timings, which list a resource
 * once its response has ended) when the state first leaves `searching`, and when.
 */
export const ARSHIF_SHOWN = `(() => {
  const started = performance.now();
  new MutationObserver((_, observer) => {
    const state = document.querySelector('[data-search-app]')?.dataset.state;
    if (!['counting', 'done', 'idle', 'error'].includes(state)) return;
    observer.disconnect();
    const paths = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    paths.push(location.pathname);
    window.__shownAt = { paths, ms: performance.now() - started };
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
})();`;
export const ARSHIF_REPORT = `(() => { const app = document.querySelector('[data-search-app]'); const status = document.querySelector('[data-search-status]'); return (app?.dataset.state ?? '?') + ': ' + (status?.textContent ?? '').trim(); })()`;

/** The baseline's page (src/bench/baseline.ts): `data-state` on <body>. */
export const BASELINE_READY = `document.body.dataset.state === 'done' || document.body.dataset.state === 'error'`;
export const BASELINE_REPORT = `document.body.dataset.state + ': ' + (document.body.dataset.results ?? '') + ' results' + (document.body.dataset.error ? ' ' + document.body.dataset.error : '')`;

/** Opens each probe on `siteDir` in a fresh context of one Chromium; returns what each fetched. */
export async function measureSearches(siteDir: string, probes: readonly SearchProbe[]): Promise<SearchBytes[]> {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await serveStatic(siteDir);
    browser = await launchChromium();
    const out: SearchBytes[] = [];
    for (const probe of probes) out.push(await measureOne(browser, server, probe));
    return out;
  } finally {
    await browser?.close();
    await server?.close();
  }
}

async function measureOne(browser: Browser, server: StaticServer, probe: SearchProbe): Promise<SearchBytes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    server.log.length = 0;
    const started = performance.now();
    if (probe.shown) await page.addInitScript(probe.shown);
    await page.goto(server.url + probe.path);
    await page.waitForFunction(probe.ready, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
    const ms = performance.now() - started;
    await settle(page, server);
    const report = probe.report ? String(await page.evaluate(probe.report)) : '';
    const isPagefind = (entry: StaticServer['log'][number]) => entry.path.startsWith('/pagefind/');
    const sum = (entries: StaticServer['log']) => entries.reduce((total, entry) => total + entry.bytes, 0);
    const shownAt = probe.shown ? ((await page.evaluate('window.__shownAt')) as { paths: string[]; ms: number } | undefined) : undefined;
    // the requests served of each path the page had fetched when its results showed
    const left = new Map<string, number>();
    for (const path of shownAt?.paths ?? []) left.set(path, (left.get(path) ?? 0) + 1);
    const upToShown = shownAt
      ? server.log.filter((entry) => {
          const n = left.get(entry.path) ?? 0;
          if (n > 0) left.set(entry.path, n - 1);
          return n > 0;
        })
      : server.log;
    return {
      name: probe.name,
      path: probe.path,
      pagefindBytes: sum(server.log.filter(isPagefind)),
      pagefindRequests: server.log.filter(isPagefind).length,
      totalBytes: sum(server.log),
      totalRequests: server.log.length,
      ms,
      shown: {
        pagefindBytes: sum(upToShown.filter(isPagefind)),
        pagefindRequests: upToShown.filter(isPagefind).length,
        totalBytes: sum(upToShown),
        totalRequests: upToShown.length,
        ms: shownAt?.ms ?? ms,
      },
      report,
    };
  } finally {
    await context.close();
  }
}

/** Waits until no request has reached the server for SETTLE_MS (at most 10 s). */
async function settle(page: Page, server: StaticServer): Promise<void> {
  const deadline = performance.now() + 10_000;
  let count = server.log.length;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    await page.waitForTimeout(100);
    if (server.log.length !== count) {
      count = server.log.length;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= SETTLE_MS) return;
  }
}
