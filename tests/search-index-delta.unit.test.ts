/**
 * The delta shard, its pure parts: which shards a build indexes again and which pages go into
 * the delta (src/search/index-delta.ts); the delta and the masked pages in shards.json; masking
 * in every search; and the delta's results merged into the shards' in date order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergedByDate, type LazyList } from '../src/search/date-order.ts';
import { drift, planDelta, type PlannedShard } from '../src/search/index-delta.ts';
import { fitsBeside } from '../src/search/index-shards.ts';
import { MASK_FILTER, MASKED, withoutMasked } from '../src/search/shard-filter.ts';
import { readDeltaEntry, readShardList } from '../src/search/shard-list.ts';

const page = (path: string, hash = 'h') => ({ path, hash });
const base = (key: string, ...pages: Array<{ path: string; hash: string }>) => ({ key, pages });

describe('what drifted from a base', () => {
  it('finds added and changed pages, and masks removed and changed ones', () => {
    const now = [page('c', '1'), page('a', '2'), page('d', '1')];
    const was = [page('a', '1'), page('b', '1'), page('c', '1')];
    assert.deepEqual(drift(now, was), { changed: [page('a', '2'), page('d', '1')], masked: ['a', 'b'] });
  });

  it('finds nothing when the pages are the same', () => {
    assert.deepEqual(drift([page('a')], [page('a')]), { changed: [], masked: [] });
  });
});

describe('planning the delta', () => {
  const shards: Array<PlannedShard<{ path: string; hash: string }>> = [
    { id: 's1', pages: [page('a'), page('b')], kept: true },
    { id: 's2', pages: [page('c', '2'), page('e')], kept: false, base: base('k2', page('c', '1'), page('d')) },
    { id: 's3', pages: [page('f')], kept: false },
  ];

  it('keeps kept shards, indexes shards without a base, and puts the rest into the delta', () => {
    assert.deepEqual(planDelta(shards, 10), {
      shards: [
        { id: 's1', how: 'kept' },
        { id: 's2', how: 'base', base: 'k2', masked: ['c', 'd'] },
        { id: 's3', how: 'index' },
      ],
      delta: [page('c', '2'), page('e')],
    });
  });

  it('indexes a shard again once its drift passes the bound, so a bound of 0 means no delta', () => {
    for (const bound of [0, 3]) {
      const plan = planDelta(shards, bound);
      assert.deepEqual(plan.delta, []);
      assert.deepEqual(
        plan.shards.map((s) => s.how),
        ['kept', 'index', 'index'],
      );
    }
    assert.equal(planDelta(shards, 4).delta.length, 2, 'two pages in the delta and two masked: a drift of 4');
  });

  it('folds the shards that drifted most first, ties by id, until the rest is within the bound', () => {
    const many: Array<PlannedShard<{ path: string; hash: string }>> = [
      { id: 'x', pages: [page('x1'), page('x2')], kept: false, base: base('kx') },
      { id: 'y', pages: [page('y1')], kept: false, base: base('ky') },
      { id: 'z', pages: [page('z1')], kept: false, base: base('kz') },
    ];
    assert.deepEqual(
      planDelta(many, 2).shards.map((s) => `${s.id} ${s.how}`),
      ['x index', 'y base', 'z base'],
    );
    assert.deepEqual(
      planDelta(many, 1).shards.map((s) => `${s.id} ${s.how}`),
      ['x index', 'y index', 'z base'],
    );
  });

  it('has no delta on an empty cache: every shard is indexed', () => {
    const fresh = shards.map(({ id, pages }) => ({ id, pages, kept: false }));
    const plan = planDelta(fresh);
    assert.deepEqual(plan.delta, []);
    assert.ok(plan.shards.every((s) => s.how === 'index'));
  });

  it('decides the same whatever order the pages come in', () => {
    const reversed = shards.map((s) => ({ ...s, pages: [...s.pages].reverse() }));
    assert.deepEqual(planDelta(reversed, 10), planDelta(shards, 10));
  });
});

describe('the delta and the masked pages in shards.json and in every search', () => {
  it('reads the delta entry, and none from a list without one or with a malformed one', () => {
    const list = { shards: [{ id: 'a', path: '/pagefind/' }], delta: { id: 'delta', path: '/pagefind/delta/' }, masked: true };
    assert.deepEqual(readDeltaEntry(JSON.parse(JSON.stringify(list))), { id: 'delta', path: '/pagefind/delta/' });
    assert.deepEqual(readShardList(list), [{ id: 'a', path: '/pagefind/' }], 'the delta is not one of the dated shards');
    assert.equal(readDeltaEntry({ shards: [] }), undefined);
    assert.equal(readDeltaEntry({ delta: { id: 'delta', path: 'pagefind/delta/' } }), undefined);
    assert.equal(readDeltaEntry(null), undefined);
  });

  it('leaves the masked pages out of a search, keeping its filters and sort', () => {
    const options = { filters: { outlet: { any: ['السياسة'] } }, sort: { date: 'desc' as const } };
    assert.deepEqual(withoutMasked(options), { filters: { outlet: { any: ['السياسة'] }, [MASK_FILTER]: { none: [MASKED] } }, sort: { date: 'desc' } });
  });
});

describe("the delta's results merged into the shards' in date order", () => {
  type Item = { date: string; url: string };
  const list = (items: Item[]): LazyList<Item> & { read: number[] } => {
    const read: number[] = [];
    return {
      read,
      length: items.length,
      at: async (i) => {
        read.push(i);
        return items[i];
      },
    };
  };
  const item = (date: string, url = `/articles/${date}/`) => ({ date, url });
  const all = async (nth: (i: number) => Promise<Item | undefined>, n: number) => Promise.all(Array.from({ length: n + 1 }, (_, i) => nth(i)));

  it('interleaves by date, then by address, oldest first', async () => {
    const shards = list([item('2017-10-18'), item('2019-03-13'), item('2019-03-23', '/articles/b/')]);
    const delta = list([item('2018-06-12'), item('2019-03-23', '/articles/a/'), item('2019-03-27')]);
    const merged = await all(
      mergedByDate(shards, delta, async (x) => x, 'oldest'),
      6,
    );
    assert.deepEqual(
      merged.map((x) => x && `${x.date}${x.url}`),
      [
        '2017-10-18/articles/2017-10-18/',
        '2018-06-12/articles/2018-06-12/',
        '2019-03-13/articles/2019-03-13/',
        '2019-03-23/articles/a/',
        '2019-03-23/articles/b/',
        '2019-03-27/articles/2019-03-27/',
        undefined,
      ],
    );
  });

  it('interleaves newest first, and reads each list only as far as it needs', async () => {
    const shards = list([item('2019-03-23'), item('2019-03-13'), item('2017-10-18')]);
    const delta = list([item('2019-03-27'), item('2018-06-12')]);
    const nth = mergedByDate(shards, delta, async (x) => x, 'newest');
    assert.deepEqual(await nth(1), item('2019-03-23'));
    assert.ok(Math.max(...shards.read) <= 1 && Math.max(...delta.read) <= 1, `${shards.read} ${delta.read}`);
    assert.deepEqual(
      (await all(nth, 4)).map((x) => x?.date),
      ['2019-03-27', '2019-03-23', '2019-03-13', '2018-06-12', '2017-10-18'],
    );
  });
});

describe('how many pages Pagefind is given at once', () => {
  it('runs a second shard beside the first only while their pages stay within the budget', () => {
    assert.equal(fitsBeside([], 5000, 2000), true, 'a shard larger than the budget runs alone');
    assert.equal(fitsBeside([900], 1100, 2000), true);
    assert.equal(fitsBeside([900], 1101, 2000), false);
    assert.equal(fitsBeside([2400], 10, 2000), false);
    assert.equal(fitsBeside([10, 10], 10, 2000, 2), false, 'never more processes than allowed');
  });
});
