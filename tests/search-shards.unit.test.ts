/** The search page's pure handling of a sharded index: the list of shards, and date order across shards. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareByDate, datedShardSpans, locateResult, spansTotal } from '../src/search/date-order.ts';
import { shardsForTokens, shardsHoldingAll, shardsHoldingEveryWord, withinShards, withShard, type TokenDirectory } from '../src/search/shard-filter.ts';
import { readShardList, readTokenDirectory, SHARDS_PATH, type ShardList } from '../src/search/shard-list.ts';
import { resultOptions, stateFromParams } from '../src/search/state.ts';

const OLD = '2017-09_2017-10';
const MID = '2018-01_2018-02';
const NEW = '2019-03_2019-04';
const IDS = [OLD, MID, NEW];

describe('the list of shards', () => {
  it('reads back what the indexer writes', () => {
    const written: ShardList = {
      shards: [
        { id: OLD, path: '/pagefind/' },
        { id: NEW, path: `/pagefind/${NEW}/` },
      ],
    };
    assert.equal(SHARDS_PATH, 'pagefind/shards.json');
    assert.deepEqual(readShardList(JSON.parse(JSON.stringify(written))), written.shards);
  });

  it('reads the shards in the order listed', () => {
    const list = {
      shards: [
        { id: OLD, path: '/pagefind/' },
        { id: NEW, path: `/pagefind/${NEW}/` },
      ],
    };
    assert.deepEqual(readShardList(list), list.shards);
  });

  it('reads nothing usable as no shards, and drops malformed entries', () => {
    for (const json of [null, 'x', 3, {}, { shards: 'x' }, { shards: null }]) assert.deepEqual(readShardList(json), [], JSON.stringify(json));
    const list = { shards: [{ id: OLD, path: '/pagefind/' }, { id: 3, path: '/p/' }, { id: 'x', path: 'http://elsewhere/' }, null, { id: '', path: '/' }] };
    assert.deepEqual(readShardList(list), [{ id: OLD, path: '/pagefind/' }]);
  });
});

describe('date order across shards', () => {
  const counts = { [OLD]: 2, [MID]: 0, [NEW]: 3, '2099-01_2099-02': 7 };

  it('lists the newest shard first for "newest", skipping shards without results', () => {
    assert.deepEqual(datedShardSpans(IDS, counts, 'newest'), [
      { id: NEW, start: 0, count: 3 },
      { id: OLD, start: 3, count: 2 },
    ]);
  });

  it('lists the oldest shard first for "oldest"', () => {
    assert.deepEqual(datedShardSpans(IDS, counts, 'oldest'), [
      { id: OLD, start: 0, count: 2 },
      { id: NEW, start: 2, count: 3 },
    ]);
  });

  it('ignores counts of shards it was not given, and shards not counted', () => {
    assert.deepEqual(datedShardSpans([OLD], counts, 'newest'), [{ id: OLD, start: 0, count: 2 }]);
    assert.deepEqual(datedShardSpans(IDS, {}, 'newest'), []);
    assert.equal(spansTotal([]), 0);
  });

  it('finds the shard and its rank for every position, and none past the end', () => {
    const spans = datedShardSpans(IDS, counts, 'newest');
    assert.equal(spansTotal(spans), 5);
    const located = Array.from({ length: 6 }, (_, i) => locateResult(spans, i));
    assert.deepEqual(located, [{ id: NEW, offset: 0 }, { id: NEW, offset: 1 }, { id: NEW, offset: 2 }, { id: OLD, offset: 0 }, { id: OLD, offset: 1 }, undefined]);
    assert.equal(locateResult(spans, -1), undefined);
  });

  it("narrows a search to one shard, keeping the reader's filters and sort", () => {
    const options = resultOptions(stateFromParams(new URLSearchParams('?q=x&outlet=A&from=2019-03-22&to=2019-03-23&sort=oldest')), { first: 2011, last: 2025 });
    const narrowed = withShard(options, NEW);
    assert.deepEqual(narrowed, { ...options, filters: { ...options.filters, shard: { any: [NEW] } } });
    assert.equal('shard' in options.filters, false, 'the options given are not changed');
  });

  it('orders pages by date, then by address, as Pagefind orders a shard', () => {
    const pages = [
      { date: '2019-03-23', url: '/articles/2019-03-23-b/' },
      { date: '2017-10-18', url: '/articles/2017-10-18-a/' },
      { date: '2019-03-23', url: '/articles/2019-03-23-a/' },
      { date: '2019-03-13', url: '/articles/2019-03-13-a/' },
    ];
    const oldest = [...pages].sort(compareByDate('oldest')).map((p) => p.url);
    assert.deepEqual(oldest, ['/articles/2017-10-18-a/', '/articles/2019-03-13-a/', '/articles/2019-03-23-a/', '/articles/2019-03-23-b/']);
    assert.deepEqual(
      [...pages].sort(compareByDate('newest')).map((p) => p.url),
      [...oldest].reverse(),
    );
  });
});

describe('a search of several words across shards', () => {
  it('keeps to the shards holding every word some shard holds', () => {
    // الباغوز in NEW only; الرقة in OLD and NEW: only NEW answers both.
    assert.deepEqual(shardsHoldingEveryWord(IDS, [{ [NEW]: 4 }, { [OLD]: 1, [NEW]: 1 }]), [NEW]);
    assert.deepEqual(shardsHoldingEveryWord(IDS, [{ [NEW]: 4, [OLD]: 0 }, { [OLD]: 1 }]), [], 'no shard holds both');
  });

  it('ignores a word no shard holds, as one index ignores a word it lacks', () => {
    assert.deepEqual(shardsHoldingEveryWord(IDS, [{ [NEW]: 4, [OLD]: 1 }, {}]), [OLD, NEW]);
  });

  it('needs no keeping when every shard holds every word', () => {
    assert.equal(
      shardsHoldingEveryWord(IDS, [
        { [OLD]: 1, [MID]: 2, [NEW]: 3 },
        { [OLD]: 1, [MID]: 1, [NEW]: 1 },
      ]),
      null,
    );
    assert.equal(shardsHoldingEveryWord(IDS, []), null);
  });

  it('keeps a search to shards, within the shard it was narrowed to', () => {
    const options = { filters: { outlet: { any: ['A'] } } };
    assert.deepEqual(withinShards(options, [OLD, NEW]), { filters: { outlet: { any: ['A'] }, shard: { any: [OLD, NEW] } } });
    assert.deepEqual(withinShards(withShard(options, NEW), [OLD, NEW]), withShard(options, NEW));
    assert.equal(withinShards(withShard(options, MID), [OLD, NEW]), undefined, 'nothing left to search');
    assert.equal(withinShards(options, []), undefined);
  });
});

describe('a search of names, kept to the shards the token directory says may hold them', () => {
  const BAGHUZ = 'qxpbaghuzxz';
  const RAQQA = 'qxpraqqaxz';
  const SYRIA = 'qxpsyriaxz';
  // IDS: OLD, MID, NEW; one character each: HOLDS, MAY_HOLD, NOT_HELD
  const directory: TokenDirectory = { [BAGHUZ]: '002', [RAQQA]: '202', [SYRIA]: '222', qxpmayxz: '010', qxpsomexz: '120' };

  it('keeps a name to the shards that hold it, or may', () => {
    assert.deepEqual(shardsForTokens(IDS, [BAGHUZ], directory), { found: [BAGHUZ], shards: [NEW] });
    assert.deepEqual(shardsForTokens(IDS, [SYRIA], directory), { found: [SYRIA], shards: IDS });
    assert.deepEqual(shardsForTokens(IDS, ['qxpsomexz'], directory), { found: ['qxpsomexz'], shards: [OLD, MID] });
  });

  it('keeps several names to the shards that may hold every one some shard holds', () => {
    assert.deepEqual(shardsForTokens(IDS, [BAGHUZ, RAQQA], directory), { found: [BAGHUZ, RAQQA], shards: [NEW] });
    assert.deepEqual(shardsForTokens(IDS, [RAQQA, SYRIA], directory), { found: [RAQQA, SYRIA], shards: [OLD, NEW] });
    assert.deepEqual(shardsForTokens(IDS, [BAGHUZ, 'qxpsomexz'], directory), { found: [BAGHUZ, 'qxpsomexz'], shards: [] }, 'no shard may hold both');
  });

  it('ignores a name no shard holds (the directory leaves it out), as one index ignores a word it lacks', () => {
    assert.deepEqual(shardsForTokens(IDS, ['qxpnowherexz', BAGHUZ], directory), { found: [BAGHUZ], shards: [NEW] });
    assert.deepEqual(shardsForTokens(IDS, ['qxpnowherexz'], directory), { found: [], shards: [] }, 'nothing to search');
  });

  it('cannot tell for a word that is not a name, a name only some shard may hold, or a directory of other shards', () => {
    assert.equal(shardsForTokens(IDS, [BAGHUZ, 'باغوز'], directory), undefined);
    assert.equal(shardsForTokens(IDS, ['qxpmayxz'], directory), undefined);
    assert.equal(shardsForTokens([OLD, NEW], [BAGHUZ], directory), undefined);
  });

  it('keeps the shards where every word is counted', () => {
    assert.deepEqual(
      shardsHoldingAll(IDS, [
        { [OLD]: 1, [NEW]: 2 },
        { [NEW]: 1, [MID]: 3 },
      ]),
      [NEW],
    );
    assert.deepEqual(shardsHoldingAll(IDS, [{ [OLD]: 1 }, {}]), [], 'a word counted nowhere: no shard holds every word');
  });

  it('reads the directory from shards.json, or none when one entry is not a code', () => {
    assert.deepEqual(readTokenDirectory({ shards: [], tokens: directory }), directory);
    assert.equal(readTokenDirectory({ shards: [] }), undefined);
    assert.equal(readTokenDirectory({ shards: [], tokens: { [BAGHUZ]: '00x' } }), undefined);
    assert.equal(readTokenDirectory({ shards: [], tokens: { [BAGHUZ]: 2 } }), undefined);
    assert.equal(readTokenDirectory({ shards: [], tokens: [] }), undefined);
  });
});
