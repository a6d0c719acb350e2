/**
 * The search page in Chromium on the seed site with its index split into two shards
 * (2017-09_2017-10: the Raqqa article; 2019-03_2019-04: the four Baghuz articles), beside the
 * seed site as built by default (one shard): every shard is loaded; sorting by date lists the
 * results in date order across the shards, as on the one-shard site; the facet counts are the
 * same; the hidden `shard` filter shows nowhere. The query table runs on both sites too
 * (tests/search-queries.browser.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../src/bench/chromium.ts';
import { serveStatic, type StaticServer } from '../src/core/static-server.ts';
import { seedSiteDir, shardedSeedSiteDir } from './helpers/site.ts';

const TIMEOUT = 30_000;
const OLD_SHARD = '2017-09_2017-10';
const NEW_SHARD = '2019-03_2019-04';

describe('search over an index in two shards', () => {
  let whole: StaticServer;
  let sharded: StaticServer;
  let browser: Browser;

  before(async () => {
    whole = await serveStatic(await seedSiteDir());
    sharded = await serveStatic(await shardedSeedSiteDir());
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await whole?.close();
    await sharded?.close();
  });

  /** A page in a fresh context (an empty cache), recording every problem. */
  async function openPage(): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    return { page, problems };
  }

  async function searched(page: Page, also = 'true'): Promise<void> {
    await page.waitForFunction(
      `(() => { const app = document.querySelector('[data-search-app]'); return app && ['done', 'idle', 'error'].includes(app.dataset.state) && (${also}); })()`,
      undefined,
      { timeout: TIMEOUT },
    );
    assert.notEqual(await page.getAttribute('[data-search-app]', 'data-state'), 'error');
  }

  const resultHrefs = (page: Page) => page.$$eval('[data-search-results] .search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const resultDates = (page: Page) => page.$$eval('[data-search-results] .search-result time', (times) => times.map((t) => t.getAttribute('datetime') ?? ''));

  /** Every facet value the panel lists, with its count and whether it is ticked; and the groups' legends. */
  const panel = (page: Page) =>
    page.$eval('[data-search-filters-panel]', (details) => ({
      legends: [...details.querySelectorAll('legend')].map((legend) => legend.textContent ?? ''),
      names: [...new Set([...details.querySelectorAll('input')].map((input) => input.name))],
      values: [...details.querySelectorAll<HTMLLabelElement>('[data-search-filters] label')].map((label) => {
        const box = label.querySelector('input');
        return `${box?.name}=${box?.value}${box?.checked ? ' (ticked)' : ''}: ${label.querySelector('.search-filter__count')?.textContent ?? '?'}`;
      }),
      text: details.textContent ?? '',
    }));

  it('merges every shard: the first with Pagefind, the other with its own entry, metadata and chunks', async () => {
    const { page, problems } = await openPage();
    sharded.log.length = 0;
    await page.goto(`${sharded.url}/search/?q=${encodeURIComponent('داعش')}`);
    await searched(page);
    assert.equal((await resultHrefs(page)).length, 5, 'the Raqqa article (first shard) and the four of Baghuz (second)');
    const paths = sharded.log.map((entry) => entry.path);
    assert.ok(paths.includes('/pagefind/shards.json'));
    assert.ok(paths.includes('/pagefind/pagefind.js'));
    assert.ok(paths.includes(`/pagefind/${NEW_SHARD}/pagefind-entry.json`), paths.join('\n'));
    assert.ok(paths.some((path) => path.startsWith(`/pagefind/${NEW_SHARD}/index/`)));
    assert.equal(paths.filter((path) => path.endsWith('pagefind.js')).length, 1, 'Pagefind and its WebAssembly come once, with the first shard');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('sorts by date across the shards, as the one-shard site does, and the `shard` filter shows nowhere', async () => {
    const opened = { whole: await openPage(), sharded: await openPage() };
    const sorted: Record<string, Record<string, string[]>> = { whole: {}, sharded: {} };
    for (const [site, server] of [
      ['whole', whole],
      ['sharded', sharded],
    ] as const) {
      const { page, problems } = opened[site];
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('داعش')}`);
      await searched(page);
      for (const sort of ['newest', 'oldest'] as const) {
        await page.selectOption('[data-search-sort]', sort);
        await searched(page, `location.search.includes('sort=${sort}')`);
        const dates = await resultDates(page);
        const inOrder = [...dates].sort();
        assert.deepEqual(dates, sort === 'newest' ? inOrder.reverse() : inOrder, `${site}, ${sort}`);
        assert.equal(dates.length, 5);
        sorted[site]![sort] = await resultHrefs(page);
      }
      // A reload keeps the sort.
      await page.reload();
      await searched(page);
      assert.deepEqual(await resultHrefs(page), sorted[site]!.oldest);
      const shown = await panel(page);
      assert.deepEqual(shown.legends, ['تاريخ النشر', 'وسيلة الإعلام', 'الحدث', 'المكان', 'السنة']);
      assert.deepEqual(shown.names.sort(), ['event', 'from', 'outlet', 'place', 'to', 'year']);
      for (const id of [OLD_SHARD, NEW_SHARD]) assert.ok(!shown.text.includes(id), `${site}: ${id} in the panel`);
      assert.ok(!page.url().includes('shard'), page.url());
      assert.deepEqual(problems, []);
    }
    assert.deepEqual(sorted.sharded, sorted.whole, 'the same order on both sites');
    // The newest first: the four of 2019 (second shard) before the one of 2017 (first shard).
    assert.match(sorted.sharded!.newest!.at(-1) ?? '', /\/2017-10-18-/);
    assert.match(sorted.sharded!.oldest![0] ?? '', /\/2017-10-18-/);
    await opened.whole.page.context().close();
    await opened.sharded.page.context().close();
  });

  it('counts the facets as the one-shard site does, before and after ticking values', async () => {
    const shown: Record<string, string[][]> = { whole: [], sharded: [] };
    for (const [site, server] of [
      ['whole', whole],
      ['sharded', sharded],
    ] as const) {
      const { page, problems } = await openPage();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('داعش')}&sort=newest`);
      await searched(page);
      shown[site]!.push((await panel(page)).values);
      await page.locator('input[type=checkbox][name=year][value="2017"]').check();
      await searched(page, `location.search.includes('year=2017')`);
      shown[site]!.push((await panel(page)).values);
      assert.equal((await resultHrefs(page)).length, 1);
      await page.locator('input[type=checkbox][name=year][value="2019"]').check();
      await searched(page, `location.search.includes('year=2019')`);
      shown[site]!.push((await panel(page)).values);
      assert.equal((await resultHrefs(page)).length, 5);
      await page.locator('input[type=checkbox][name=outlet][value="السياسة"]').check();
      await searched(page, `location.search.includes('outlet=')`);
      shown[site]!.push((await panel(page)).values);
      assert.equal((await resultHrefs(page)).length, 1);
      // The empty page: every value over the whole archive.
      await page.goto(`${server.url}/search/`);
      await searched(page);
      shown[site]!.push((await panel(page)).values);
      assert.ok(!page.url().includes('shard'));
      assert.deepEqual(problems, []);
      await page.context().close();
    }
    assert.ok(shown.whole![0]!.includes('year=2017: 1'), shown.whole![0]!.join('\n'));
    assert.deepEqual(shown.sharded, shown.whole);
  });
});
