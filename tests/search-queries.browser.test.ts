/**
 * The query table (tests/fixtures/search-queries/queries.yml) run in Chromium against the seed
 * site: every search as the address gives it, through the real search page, must list exactly
 * the articles the table expects. A failing row says which articles were missing or extra.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/server.ts';
import { seedSiteDir } from './helpers/site.ts';

interface Row {
  kind: string;
  q: string;
  expect: string[];
  why?: string;
  [param: string]: unknown;
}

const table = parse(readFileSync(new URL('./fixtures/search-queries/queries.yml', import.meta.url), 'utf8')) as {
  articles: Record<string, string>;
  queries: Row[];
};
const nameOf = new Map(Object.entries(table.articles).map(([name, id]) => [`/articles/${id}/`, name]));
const PARAMS = ['outlet', 'event', 'place', 'year', 'from', 'to', 'sort'];

function address(row: Row): string {
  const params = new URLSearchParams();
  if (row.q) params.set('q', row.q);
  for (const key of PARAMS) if (row[key] !== undefined) params.set(key, String(row[key]));
  return `/search/?${params}`;
}

describe('the query table', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    server = await serveStatic(await seedSiteDir());
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('covers every kind of query with at least 40 rows, each naming known articles', () => {
    assert.ok(table.queries.length >= 40, `${table.queries.length} rows`);
    const kinds = new Set(table.queries.map((r) => r.kind));
    for (const kind of ['folding', 'alias', 'latin', 'spelling', 'clitic', 'phrase', 'filter', 'dates', 'none']) assert.ok(kinds.has(kind), kind);
    for (const row of table.queries) for (const name of row.expect) assert.ok(name in table.articles, `${row.q}: unknown article ${name}`);
  });

  for (const row of table.queries) {
    it(`${row.kind}: ${address(row)}`, async () => {
      await page.goto(server.url + address(row));
      await page.waitForFunction(
        `(() => { const app = document.querySelector('[data-search-app]'); return app && ['done', 'idle', 'error'].includes(app.dataset.state); })()`,
        undefined,
        { timeout: 30_000 },
      );
      assert.equal(await page.getAttribute('[data-search-app]', 'data-state'), 'done', 'the search ran');
      const hrefs = await page.$$eval('[data-search-results] .search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      const found = hrefs.map((h) => nameOf.get(h) ?? h).sort();
      const expected = [...row.expect].sort();
      const missing = expected.filter((n) => !found.includes(n));
      const extra = found.filter((n) => !expected.includes(n));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, row.why ?? '');
      assert.deepEqual(problems, []);
    });
  }
});
