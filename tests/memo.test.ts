/** The one memo API (src/cache/memo.ts), over a store in memory and over the disk store. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { memo, memoKey, readMemo, writeMemo } from '../src/cache/memo.ts';
import type { Store } from '../src/cache/store.ts';
import { DiskStore } from '../src/cache/disk-store.ts';
import { sha256 } from '../src/core/hash.ts';
import { tempDir } from './helpers/site.ts';

const VERSION_A = sha256('memo test A');
const VERSION_B = sha256('memo test B');

/** A store in memory that counts its reads and writes. */
function memoryStore(version: string, entries = new Map<string, unknown>()) {
  const counts = { reads: 0, writes: 0 };
  const store: Store & { entries: Map<string, unknown>; counts: typeof counts } = {
    version,
    entries,
    counts,
    read: (kind, key) => {
      counts.reads++;
      return entries.get(`${kind}/${key}`);
    },
    write: (kind, key, value) => {
      counts.writes++;
      entries.set(`${kind}/${key}`, JSON.parse(JSON.stringify(value)));
      return true;
    },
  };
  return store;
}

const schema = z.strictObject({ words: z.array(z.string()), count: z.number() });

/** A memo of the words of `text`, counting how often it computes. */
function wordsOf(store: Store | undefined, text: string, computed: { n: number }) {
  return memo(store, {
    kind: 'words',
    keyParts: ['words', text],
    schema,
    compute: () => {
      computed.n++;
      const words = text.split(' ');
      return { words, count: words.length };
    },
  });
}

describe('memo', () => {
  it('cold: computes and stores; warm: reads back without computing', () => {
    const store = memoryStore(VERSION_A);
    const computed = { n: 0 };
    assert.deepEqual(wordsOf(store, 'سقوط الرقة', computed), { words: ['سقوط', 'الرقة'], count: 2 });
    assert.deepEqual([computed.n, store.counts.writes], [1, 1]);
    assert.deepEqual(wordsOf(store, 'سقوط الرقة', computed), { words: ['سقوط', 'الرقة'], count: 2 });
    assert.deepEqual([computed.n, store.counts.writes], [1, 1], 'the warm read computed and wrote nothing');
  });

  it('without a store, computes every time', () => {
    const computed = { n: 0 };
    wordsOf(undefined, 'a b', computed);
    wordsOf(undefined, 'a b', computed);
    assert.equal(computed.n, 2);
  });

  it('a corrupt record, one of the wrong shape or another key’s is computed again and replaced, never trusted', () => {
    const store = memoryStore(VERSION_A);
    const computed = { n: 0 };
    const key = memoKey(VERSION_A, ['words', 'a b']);
    const cases: unknown[] = [
      'not an entry',
      null,
      { key, value: { words: ['a', 'b'], count: '2' } }, // fails the schema
      { key, value: { words: ['a', 'b'], count: 2, extra: true } }, // a field the schema does not know
      { key, value: { words: ['x'], count: 1 }, more: 1 }, // not an entry's shape
      { key: memoKey(VERSION_A, ['words', 'other']), value: { words: ['x'], count: 1 } }, // another key's entry
      { key }, // no value
    ];
    for (const bad of cases) {
      store.entries.set(`words/${key}`, bad);
      assert.deepEqual(wordsOf(store, 'a b', computed), { words: ['a', 'b'], count: 2 }, JSON.stringify(bad));
      assert.deepEqual(store.entries.get(`words/${key}`), { key, value: { words: ['a', 'b'], count: 2 } }, 'written again');
    }
    assert.equal(computed.n, cases.length);
  });

  it('a changed key part or code version is a new key', () => {
    assert.notEqual(memoKey(VERSION_A, ['words', 'a b']), memoKey(VERSION_A, ['words', 'a c']));
    assert.notEqual(memoKey(VERSION_A, ['words', 'a b']), memoKey(VERSION_B, ['words', 'a b']));
    assert.match(memoKey(VERSION_A, []), /^[0-9a-f]{64}$/);
    const entries = new Map<string, unknown>();
    const computed = { n: 0 };
    wordsOf(memoryStore(VERSION_A, entries), 'a b', computed);
    wordsOf(memoryStore(VERSION_A, entries), 'a c', computed);
    assert.equal(computed.n, 2, 'another part computes');
    wordsOf(memoryStore(VERSION_B, entries), 'a b', computed);
    assert.equal(computed.n, 3, 'another code version computes');
    wordsOf(memoryStore(VERSION_A, entries), 'a b', computed);
    assert.equal(computed.n, 3, 'the first is still there');
  });

  it('gives back the value as stored, its fields in the order they were written', () => {
    const store = memoryStore(VERSION_A);
    const key = memoKey(VERSION_A, ['order']);
    writeMemo(store, 'order', key, { count: 1, words: ['a'] });
    const read = readMemo(store, 'order', key, schema);
    assert.deepEqual(Object.keys(read ?? {}), ['count', 'words']);
  });

  it('works over the disk store: cold, warm, a changed code version', () => {
    const dir = tempDir('arshif-memo-');
    const computed = { n: 0 };
    const cold = new DiskStore(dir, VERSION_A);
    wordsOf(cold, 'دير الزور', computed);
    assert.deepEqual([cold.stats.misses, cold.stats.writes], [1, 1]);
    const warm = new DiskStore(dir, VERSION_A);
    assert.deepEqual(wordsOf(warm, 'دير الزور', computed), { words: ['دير', 'الزور'], count: 2 });
    assert.deepEqual([warm.stats.hits, warm.stats.writes, computed.n], [1, 0, 1]);
    const other = new DiskStore(dir, VERSION_B);
    wordsOf(other, 'دير الزور', computed);
    assert.deepEqual([other.stats.hits, computed.n], [0, 2]);
  });

  it('says whether the value was written, where the store says', () => {
    const dir = tempDir('arshif-memo-');
    const blocked = `${dir}/a-file`;
    writeFileSync(blocked, 'in the way');
    assert.equal(writeMemo(new DiskStore(blocked, VERSION_A), 'k', memoKey(VERSION_A, []), 1), false);
    assert.equal(writeMemo(new DiskStore(dir, VERSION_A), 'k', memoKey(VERSION_A, []), 1), true);
    assert.equal(writeMemo(memoryStore(VERSION_A), 'k', memoKey(VERSION_A, []), 1), true);
  });
});
