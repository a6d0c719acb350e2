/**
 * The search page as the browser tests drive it: the address of a query-table row, and what the
 * page shows once its search is done (results in order, every facet value with its count, the
 * words it says matched nothing).
 */
import type { Page } from 'playwright-core';

/** The URL parameters a query-table row may set beside `q`. */
const PARAMS = ['outlet', 'event', 'place', 'year', 'from', 'to', 'sort'];

/** The search page's address for a row: its query and any of PARAMS it sets. */
export function searchAddress(row: { q: string; [param: string]: unknown }): string {
  const params = new URLSearchParams();
  if (row.q) params.set('q', row.q);
  for (const key of PARAMS) if (row[key] !== undefined) params.set(key, String(row[key]));
  return `/search/?${params}`;
}

/** Opens `url` and waits until the search app has ended (done, idle or error); returns that state. */
export async function openSearch(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.waitForFunction(
    `(() => { const app = document.querySelector('[data-search-app]'); return app && ['done', 'idle', 'error'].includes(app.dataset.state); })()`,
    undefined,
    { timeout: 30_000 },
  );
  return (await page.getAttribute('[data-search-app]', 'data-state')) ?? '';
}

/** What the page shows now: the results' addresses in order, every facet value with its count, and the words it says matched nothing. */
export async function shownResults(page: Page): Promise<{ hrefs: string[]; facets: string[]; unmatched: string[] }> {
  const hrefs = await page.$$eval('[data-search-results] .search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const facets = await page.$$eval('[data-search-filters] label', (labels) =>
    labels.map((label) => {
      const box = label.querySelector('input');
      return `${box?.name}=${box?.value}${box?.checked ? ' (ticked)' : ''}: ${label.querySelector('.search-filter__count')?.textContent ?? '?'}`;
    }),
  );
  const unmatched = ((await page.getAttribute('[data-search-app]', 'data-unmatched')) ?? '').split('|').filter((w) => w !== '');
  return { hrefs, facets, unmatched };
}
