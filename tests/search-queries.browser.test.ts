/**
 * The query table (tests/fixtures/search/queries/queries.yml) run in Chromium against the seed
 * site: every search as the address gives it, through the real search page, must list exactly
 * the articles the table expects. A failing row says which articles were missing or extra.
 *
 * Every result of every row is read in its article page (the part the index holds) for each
 * unit of the query the page did not say matched nothing: a result must hold one of the forms of
 * each (src/search/phrase-match.ts), whatever Pagefind found it by. And the words the page says
 * matched nothing are the row's `unmatched`, as typed.
 *
 * Every row is run twice: on the seed site as built by default (its search index in one piece)
 * and on the seed site with its index split into two shards (tests/helpers/site.ts); the
 * sharded site must list the same articles (in the same order when sorted by date), with the
 * same facet counts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium } from '../src/bench/chromium.ts';
import { serveStatic, type StaticServer } from '../src/core/static-server.ts';
import { openSearch, searchAddress, shownResults } from './helpers/search-page.ts';
import { seedSiteDir, shardedSeedSiteDir } from './helpers/site.ts';
import { loadValidContent } from '../src/content/load.ts';
import { loadEntities, loadSpellings } from '../src/content/data-files.ts';
import { createKeyAnnotator } from '../src/search/index-keys.ts';
import { buildSearchLexicon } from '../src/analysis/lexicon.ts';
import { figureReader } from '../src/search/figure-match.ts';
import { findUnit } from '../src/search/phrase-match.ts';
import { createQueryReader } from '../src/search/query.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

interface Row {
  kind: string;
  q: string;
  expect: string[];
  /** The words the page must say matched nothing, as typed; none when absent. */
  unmatched?: string[];
  why?: string;
  [param: string]: unknown;
}

const table = parse(readFileSync(new URL('./fixtures/search/queries/queries.yml', import.meta.url), 'utf8')) as {
  articles: Record<string, string>;
  queries: Row[];
};
const nameOf = new Map(Object.entries(table.articles).map(([name, id]) => [`/articles/${id}/`, name]));
/** What a search page shows once it is done: its results, in order, every facet value with its count, and the words it says matched nothing. */
interface Shown {
  hrefs: string[];
  facets: string[];
  unmatched: string[];
}

const seedContent = loadValidContent(DEFAULT_CONTENT_DIR);
const lexicon = buildSearchLexicon({ places: seedContent.places.entries, entities: loadEntities(DEFAULT_CONTENT_DIR), spellings: loadSpellings(DEFAULT_CONTENT_DIR) });
const reader = createQueryReader(lexicon);
const annotator = createKeyAnnotator(lexicon);

/**
 * What Pagefind indexes of an article page: its data-pagefind-body without what it ignores, and
 * the values of its metadata (title, date, outlet), words joined by spaces, with the index's keys.
 */
function indexedText(siteDir: string, href: string): string {
  const { document } = parseHTML(readFileSync(join(siteDir, href, 'index.html'), 'utf8'));
  const body = document.querySelector('[data-pagefind-body]');
  const meta = [...document.querySelectorAll('[data-pagefind-meta]')].map((el) => (el.getAttribute('data-pagefind-meta') ?? '').replace(/^[^:]*:/, ''));
  for (const ignored of body?.querySelectorAll('[data-pagefind-ignore]') ?? []) ignored.remove();
  return annotator.annotate([body?.textContent ?? '', ...meta].join(' ').replace(/\s+/g, ' ').trim());
}

/** The query's units the page did not say matched nothing that a page's text lacks. */
function unitsLacking(text: string, row: Row, unmatched: string[]): string[] {
  return reader
    .plan(row.q, figureReader)
    .units.filter((u) => !unmatched.includes(u.typed))
    .filter((u) => findUnit(text, u, figureReader).length === 0)
    .map((u) => u.typed);
}

async function runSearch(page: Page, url: string): Promise<Shown> {
  assert.equal(await openSearch(page, url), 'done', `the search ran: ${url}`);
  return shownResults(page);
}

describe('the query table', () => {
  let servers: { whole: StaticServer; sharded: StaticServer };
  let siteDir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    siteDir = await seedSiteDir();
    servers = { whole: await serveStatic(siteDir), sharded: await serveStatic(await shardedSeedSiteDir()) };
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await servers?.whole.close();
    await servers?.sharded.close();
  });

  it('covers every kind of query with at least 40 rows, each naming known articles', () => {
    assert.ok(table.queries.length >= 40, `${table.queries.length} rows`);
    const kinds = new Set(table.queries.map((r) => r.kind));
    for (const kind of ['folding', 'alias', 'latin', 'spelling', 'clitic', 'phrase', 'filter', 'dates', 'none']) assert.ok(kinds.has(kind), kind);
    for (const row of table.queries) for (const name of row.expect) assert.ok(name in table.articles, `${row.q}: unknown article ${name}`);
  });

  it('runs on a seed site whose index is in two shards', async () => {
    const list = JSON.parse(await (await fetch(`${servers.sharded.url}/pagefind/shards.json`)).text()) as { shards: unknown[] };
    assert.equal(list.shards.length, 2);
  });

  for (const row of table.queries) {
    it(`${row.kind}: ${searchAddress(row)}`, async () => {
      const whole = await runSearch(page, servers.whole.url + searchAddress(row));
      const found = whole.hrefs.map((h) => nameOf.get(h) ?? h).sort();
      const expected = [...row.expect].sort();
      const missing = expected.filter((n) => !found.includes(n));
      const extra = found.filter((n) => !expected.includes(n));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, row.why ?? '');
      assert.deepEqual(whole.unmatched, row.unmatched ?? [], 'the words the page says matched nothing');
      for (const href of whole.hrefs) assert.deepEqual(unitsLacking(indexedText(siteDir, href), row, whole.unmatched), [], `${href} holds every word searched for`);
      if (row.sort !== undefined) {
        // An article's id starts with its date.
        const dates = whole.hrefs.map((h) => h.slice('/articles/'.length, '/articles/'.length + 10));
        const inOrder = [...dates].sort();
        assert.deepEqual(dates, row.sort === 'newest' ? inOrder.reverse() : inOrder, `in ${row.sort} order: ${whole.hrefs.join(', ')}`);
      }
      const sharded = await runSearch(page, servers.sharded.url + searchAddress(row));
      if (row.sort === undefined) {
        // Relevance: each shard scores its pages against its own pages, so the order may differ.
        assert.deepEqual([...sharded.hrefs].sort(), [...whole.hrefs].sort(), 'the same articles in two shards');
      } else {
        assert.deepEqual(sharded.hrefs, whole.hrefs, 'the same articles, in the same date order, in two shards');
      }
      assert.deepEqual(sharded.facets, whole.facets, 'the same facet counts in two shards');
      assert.deepEqual(sharded.unmatched, whole.unmatched, 'the same words unmatched in two shards');
      assert.deepEqual(problems, []);
    });
  }
});
