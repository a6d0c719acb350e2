/**
 * The delta shard (src/search/index-delta.ts) in Chromium: a site rebuilt with the build cache
 * after adding, editing and removing articles searches as a clean build of the same content does.
 *
 * The archive is the seeds and the articles of tests/fixtures/search/delta/: `before/` is built
 * first (with its index in the smallest shards, ARSHIF_SEARCH_SHARD_PAGES=1, and a cache); then
 * one article is removed (…-delta-removed, 2017-10) and the site rebuilt; then one is edited
 * (…-delta-edited: الطاحونة became المستوصف), and two added from `after/`: one in a month a shard
 * holds (…-delta-added, 2019-03), one in a month none does (…-delta-new-month, 2018-06, which
 * makes a shard of its own), and the site rebuilt again. The rebuilds put the added and edited
 * pages in the delta and mask the removed and edited ones in their shards (the second rebuild
 * masks the edited page in its shard, and carries the first's masking of the removed page:
 * src/search/carried-masks.ts); the clean build indexes every shard afresh.
 *
 * Every row of the query table (tests/fixtures/search/queries/queries.yml) and the rows below
 * are run on both sites: the same articles, in the same order when sorted by date (relevance is
 * each shard's own score, so it may order them otherwise), the same count, the same words
 * unmatched; and for the query table's rows the same facet counts. Only /pagefind/ (and the
 * manifest that lists its files) differs between the two sites.
 *
 * The facet counts of a word that only changed pages hold (the rows below) may differ: a shard
 * that lacks a word finds the words sharing its stem instead (المستوصف finds المستويات), and
 * Pagefind counts those pages; the page reads its results and shows only those holding the word,
 * but the counts are Pagefind's. In a clean build the word sits in its month's shard, which then
 * holds it and looks no further; after a rebuild it sits in the delta, and the shard of its month
 * finds the stem. It is the same as a word of one month among shards of months, made more
 * frequent by the delta.
 */
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium } from '../src/bench/chromium.ts';
import { serveStatic, type StaticServer } from '../src/core/static-server.ts';
import { build } from '../src/cli/build.ts';
import type { ShardList } from '../src/search/shard-list.ts';
import { fingerprint } from './helpers/hostile.ts';
import { openSearch, searchAddress, shownResults } from './helpers/search-page.ts';
import { copySeedContent, tempDir } from './helpers/site.ts';

const FIXTURES = new URL('./fixtures/search/delta/', import.meta.url).pathname;
const REMOVED = '2017-10-24-al-khaleej-delta-removed';
const EDITED = '2019-03-25-al-khaleej-delta-edited';
const ADDED = '2019-03-27-al-khaleej-delta-added';
const NEW_MONTH = '2018-06-12-al-khaleej-delta-new-month';

interface Row {
  q: string;
  sort?: string;
  [param: string]: unknown;
}

const table = parse(readFileSync(new URL('./fixtures/search/queries/queries.yml', import.meta.url), 'utf8')) as { queries: Row[] };

/** Rows about the changed articles themselves, with what they must find on both sites. */
const CHANGES: Array<Row & { expect: string[] }> = [
  { q: 'السنديان', expect: [], why: 'only the removed article said it' },
  { q: 'الطاحونة', expect: [], why: 'the edited article no longer says it' },
  { q: 'المستوصف', expect: [EDITED], why: 'the edited article says it now' },
  { q: 'البرتقال', expect: [ADDED] },
  { q: 'الزعفران', expect: [NEW_MONTH] },
  { q: 'الباغوز', sort: 'newest', expect: [] },
  { q: 'الباغوز', sort: 'oldest', expect: [] },
  { q: 'الرقة', sort: 'oldest', expect: [] },
  { q: 'قافلة الباغوز', expect: [EDITED] },
  { q: 'قافلة الرقة', sort: 'oldest', expect: [], why: 'two words no page holds together' },
  { q: 'دير الزور', sort: 'newest', year: '2019', expect: [] },
  { q: '', from: '2017-10-01', sort: 'oldest', expect: [] },
];

interface Shown {
  state: string;
  /** The line that says how many results there are. */
  status: string;
  hrefs: string[];
  facets: string[];
  unmatched: string[];
}

async function runSearch(page: Page, url: string): Promise<Shown> {
  const state = await openSearch(page, url);
  // Every result, not only the first ones: "more" until it is gone.
  for (;;) {
    const shown = await page.$$eval('[data-search-results] > *', (items) => items.length);
    const more = await page.$('[data-search-more]:not([hidden])');
    if (!more) break;
    await more.click();
    await page.waitForFunction(`document.querySelectorAll('[data-search-results] > *').length > ${shown} || document.querySelector('[data-search-more]').hidden`, undefined, {
      timeout: 30_000,
    });
  }
  const status = (await page.textContent('[data-search-status]')) ?? '';
  return { state, status, ...(await shownResults(page)) };
}

const putArticles = (contentDir: string, folder: string) => {
  for (const name of readdirSync(join(FIXTURES, folder))) cpSync(join(FIXTURES, folder, name), join(contentDir, 'articles', name));
};

describe('search after a rebuild with a delta shard, against a clean build', () => {
  let incremental: string;
  let clean: string;
  let servers: { incremental: StaticServer; clean: StaticServer };
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    const contentDir = copySeedContent();
    const work = tempDir('arshif-delta-');
    const cacheDir = join(work, 'cache');
    incremental = join(work, 'incremental');
    clean = join(work, 'clean');
    putArticles(contentDir, 'before');
    await build({ contentDir, outputDir: incremental, quiet: true, cacheDir, searchShardPages: 1 });
    rmSync(join(contentDir, 'articles', `${REMOVED}.md`));
    await build({ contentDir, outputDir: incremental, quiet: true, cacheDir, searchShardPages: 1 });
    putArticles(contentDir, 'after');
    await build({ contentDir, outputDir: incremental, quiet: true, cacheDir, searchShardPages: 1 });
    const records = readdirSync(join(cacheDir, 'search-shards')).filter((name) => name.endsWith('.mask.json'));
    assert.equal(records.length, 2, 'the masking of each shard with masked pages is kept for the next build');
    await build({ contentDir, outputDir: clean, quiet: true, cacheDir: null, searchShardPages: 1 });
    servers = { incremental: await serveStatic(incremental), clean: await serveStatic(clean) };
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await servers?.incremental.close();
    await servers?.clean.close();
  });

  it('has a delta and masked pages; a clean build has neither; only /pagefind/ and the manifest differ', () => {
    const list = (site: string) => JSON.parse(readFileSync(join(site, 'pagefind/shards.json'), 'utf8')) as ShardList;
    const shards = ['2017-09_2017-10', '2018-05_2018-06', '2019-03_2019-04'];
    assert.deepEqual(
      list(incremental).shards.map((s) => s.id),
      shards,
    );
    assert.deepEqual(list(incremental).delta, { id: 'delta', path: '/pagefind/delta/' });
    assert.equal(list(incremental).masked, true);
    const { tokens: cleanTokens, ...cleanList } = list(clean);
    assert.deepEqual(cleanList, { shards: shards.map((id, i) => ({ id, path: i === 0 ? '/pagefind/' : `/pagefind/${id}/` })) });
    // which shards hold which names (src/search/token-directory.ts): over the shards, and the delta after them
    assert.ok(cleanTokens && Object.values(cleanTokens).every((code) => /^[012]{3}$/.test(code)), JSON.stringify(cleanTokens));
    const rebuiltTokens = list(incremental).tokens;
    assert.ok(rebuiltTokens && Object.values(rebuiltTokens).every((code) => /^[012]{4}$/.test(code)), JSON.stringify(rebuiltTokens));

    const [a, b] = [fingerprint(incremental), fingerprint(clean)];
    const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((path) => a[path] !== b[path]).sort();
    assert.deepEqual(
      differing.filter((path) => !path.startsWith('pagefind/')),
      ['.arshif-manifest.json'],
    );
    // The shard of the new month was indexed by both builds: the same bytes.
    assert.deepEqual(
      differing.filter((path) => path.startsWith('pagefind/2018-05_2018-06/')),
      [],
    );
    assert.ok(differing.some((path) => path.startsWith('pagefind/delta/')));
  });

  for (const row of [...table.queries, ...CHANGES]) {
    it(searchAddress(row), async () => {
      const [fresh, rebuilt] = [await runSearch(page, servers.clean.url + searchAddress(row)), await runSearch(page, servers.incremental.url + searchAddress(row))];
      assert.equal(rebuilt.state, fresh.state);
      assert.equal(rebuilt.status, fresh.status, 'the same number of results');
      const change = CHANGES.find((c) => c === row);
      if (change?.expect.length) {
        for (const shown of [fresh, rebuilt]) {
          assert.deepEqual(
            shown.hrefs,
            change.expect.map((id) => `/articles/${id}/`),
          );
        }
      }
      if (change?.q && !change.sort && !change.expect.length) {
        assert.deepEqual(rebuilt.unmatched, [change.q], 'a word only a removed page, or the old version of a page, held matches nothing');
      }
      for (const shown of [fresh, rebuilt]) {
        for (const gone of [REMOVED]) assert.ok(!shown.hrefs.includes(`/articles/${gone}/`), `${gone} is never found`);
      }
      if (row.sort === undefined) assert.deepEqual([...rebuilt.hrefs].sort(), [...fresh.hrefs].sort(), 'the same articles');
      else assert.deepEqual(rebuilt.hrefs, fresh.hrefs, 'the same articles, in the same date order');
      if (!change) assert.deepEqual(rebuilt.facets, fresh.facets, 'the same facet counts');
      assert.deepEqual(rebuilt.unmatched, fresh.unmatched, 'the same words unmatched');
      assert.deepEqual(problems, []);
    });
  }
});
