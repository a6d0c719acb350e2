/**
 * How the search index is split into shards (src/search/index-shards.ts), and what the scratch
 * copy of a page given to Pagefind looks like (src/search/indexed-page.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthIndex, planShards, shardPeriod, type DatedPage } from '../src/search/index-shards.ts';
import { indexedPage, withStableSort } from '../src/search/indexed-page.ts';

const page = (date: string, n = 0): DatedPage => ({ path: `articles/${date}-${n}/index.html`, date });

/** `count` pages a month from `from` (YYYY-MM) for `months` months. */
function monthly(from: string, months: number, count: number): DatedPage[] {
  const start = monthIndex(from);
  const pages: DatedPage[] = [];
  for (let m = 0; m < months; m++) {
    const index = start + m;
    const date = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
    for (let n = 0; n < count; n++) pages.push(page(date, n));
  }
  return pages;
}

describe('planShards', () => {
  it('keeps a small archive in one shard', () => {
    const plan = planShards([page('2017-10-18'), page('2019-03-13'), page('2019-03-23')], 2500);
    assert.equal(plan.shards.length, 1);
    assert.equal(plan.shards[0]!.pages.length, 3);
  });

  it('splits by aligned spans of months, in date order, each page once', () => {
    const pages = monthly('2011-01', 180, 55); // 15 years, 9,900 pages
    const plan = planShards(pages, 2500);
    assert.equal(plan.period, 32);
    assert.ok(plan.shards.length >= 5 && plan.shards.length <= 7, `${plan.shards.length} shards`);
    assert.equal(
      plan.shards.reduce((n, s) => n + s.pages.length, 0),
      pages.length,
    );
    for (const shard of plan.shards) {
      const [first, last] = shard.id.split('_').map(monthIndex);
      assert.equal(first! % plan.period, 0, `${shard.id} starts on a multiple of the period`);
      assert.equal(last! - first! + 1, plan.period);
      for (const p of shard.pages) assert.ok(monthIndex(p.date) >= first! && monthIndex(p.date) <= last!, `${p.date} in ${shard.id}`);
    }
    const ids = plan.shards.map((s) => s.id);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('changes only the shard of an added page while the period stays', () => {
    const pages = monthly('2011-01', 180, 55);
    const before = planShards(pages, 2500);
    const after = planShards([...pages, page('2015-06-02', 99)], 2500);
    assert.equal(after.period, before.period);
    const changed = after.shards.filter((s, i) => s.pages.length !== before.shards[i]!.pages.length || s.id !== before.shards[i]!.id);
    assert.deepEqual(
      changed.map((s) => s.id),
      [after.shards.find((s) => s.pages.some((p) => p.date === '2015-06-02'))!.id],
    );
  });

  it('keeps the pages in the order given within a shard', () => {
    const pages = [page('2019-03-23', 2), page('2019-03-13', 1), page('2019-03-23', 0)];
    assert.deepEqual(planShards(pages, 2500).shards[0]!.pages, pages);
  });

  it('gives a busy month one shard of its own, even over the size', () => {
    const plan = planShards([...monthly('2019-03', 1, 30), page('2017-10-18')], 1);
    assert.deepEqual(
      plan.shards.map((s) => [s.id, s.pages.length]),
      [
        ['2017-10_2017-10', 1],
        ['2019-03_2019-03', 30],
      ],
    );
  });

  it('has no shard for no page, and refuses a size under one page', () => {
    assert.deepEqual(planShards([], 10).shards, []);
    assert.throws(() => planShards([page('2019-01-01')], 0), /at least one page/);
  });

  it('reads years and months without days', () => {
    assert.equal(monthIndex('2019'), 2019 * 12);
    assert.equal(monthIndex('2019-03'), 2019 * 12 + 2);
    assert.throws(() => monthIndex('March 2019'), /not a date/);
  });
});

describe('shardPeriod', () => {
  it('is the longest power of two of months that keeps shards within the size', () => {
    assert.equal(shardPeriod(5, 18, 2500), 512);
    assert.equal(shardPeriod(10_000, 180, 2500), 32);
    assert.equal(shardPeriod(50_000, 180, 2500), 8);
    assert.equal(shardPeriod(1_000_000, 12, 2500), 1);
  });
});

describe('the page Pagefind is given', () => {
  const html = '<span data-pagefind-meta="date:2019-03-23" data-pagefind-sort="date:2019-03-23"></span>';

  const body = (inner: string) => `<article data-pagefind-body>${inner}</article>`;

  it('reads the date sort value', () => {
    assert.equal(indexedPage('articles/a/index.html', body(html))?.date, '2019-03-23');
    assert.throws(() => indexedPage('articles/a/index.html', body('<p>no date</p>')), /articles\/a\/index.html has no data-pagefind-sort/);
  });

  it('sorts by date, then path, without touching the date shown', () => {
    const out = withStableSort(html, 'articles/a&b"/index.html');
    assert.match(out, /data-pagefind-meta="date:2019-03-23"/);
    assert.match(out, /data-pagefind-sort="date:2019-03-23 articles\/a&amp;b&quot;\/index.html"/);
    const page = indexedPage('articles/a&b"/index.html', body(html));
    assert.match(page?.html ?? '', /data-pagefind-sort="date:2019-03-23 articles\/a&amp;b&quot;\/index.html"/);
  });
});
