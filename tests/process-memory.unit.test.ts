/**
 * What a process that builds again keeps of one build for the next (src/cache/process-memory.ts):
 * a file's text by its settled stamp, read again once the file is written or replaced; a
 * function's values by the text itself; only the last build's, and nothing when a build does not
 * keep. And the content load that uses them (npm start) gives what a fresh read gives.
 */
import assert from 'node:assert/strict';
import { type BigIntStats, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { STAMP_SETTLED_MS } from '../src/core/file-stamp.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileTexts, TextDigests } from '../src/cache/process-memory.ts';
import { loadContent } from '../src/content/load.ts';
import { contentWithFixtures } from './helpers/fixture-content.ts';

/** A stat of `path` as it is, with both times a minute back (settled: src/core/file-stamp.ts). */
const settled = (path: string, shift = 0n): BigIntStats => {
  const stat = statSync(path, { bigint: true });
  const old = stat.mtimeNs - 60_000_000_000n + shift;
  return Object.assign(stat, { mtimeNs: old, ctimeNs: old });
};
const now = (path: string) => statSync(path, { bigint: true });

describe('process memory: file texts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arshif-texts-'));
  const path = join(dir, 'a.md');
  writeFileSync(path, 'one');

  it('gives the text kept for the same stamp to the next build only', () => {
    const stat = settled(path);
    const first = new FileTexts('scope-1', true);
    assert.equal(first.get(path, stat), undefined, 'nothing is kept before a first build');
    first.set(path, stat, 'one');
    assert.equal(new FileTexts('scope-1', true).get(path, stat), 'one');
    assert.equal(new FileTexts('scope-1', true).get(path, stat), 'one', 'a text the last build used is kept again');
    new FileTexts('scope-1', true);
    assert.equal(new FileTexts('scope-1', true).get(path, stat), undefined, 'a text the last build did not use is let go');
  });

  it('reads a file again once its size, either time or its inode differ', () => {
    const stat = settled(path);
    for (const other of [
      Object.assign(settled(path), { size: stat.size + 1n }),
      settled(path, 1n),
      Object.assign(settled(path), { ctimeNs: stat.ctimeNs + 1n }),
      Object.assign(settled(path), { ino: stat.ino + 1n }),
    ]) {
      new FileTexts('scope-2', true).set(path, stat, 'one');
      assert.equal(new FileTexts('scope-2', true).get(path, other), undefined);
    }
  });

  it('keeps no text whose stamp is not settled, and nothing for a build that does not keep', () => {
    new FileTexts('scope-3', true).set(path, now(path), 'one');
    assert.equal(new FileTexts('scope-3', true).get(path, now(path)), undefined, 'written just now');
    const stat = settled(path);
    new FileTexts('scope-4', false).set(path, stat, 'one');
    assert.equal(new FileTexts('scope-4', true).get(path, stat), undefined);
  });
});

describe('process memory: text digests', () => {
  it('computes a text once across the builds that keep, and again after one that does not', () => {
    const computed: string[] = [];
    const digest = (t: string) => {
      computed.push(t);
      return `#${t.length}`;
    };
    const first = new TextDigests('digests-1', digest, true);
    assert.equal(first.of('abc'), '#3');
    assert.equal(first.of('abc'), '#3');
    const second = new TextDigests('digests-1', digest, true);
    assert.equal(second.of('abc'), '#3');
    assert.equal(second.of('de'), '#2');
    assert.deepEqual(computed, ['abc', 'de']);
    // a build that does not keep still takes the last one's values, but lets them go after it
    new TextDigests('digests-1', digest, false).of('de');
    new TextDigests('digests-1', digest, true).of('de');
    assert.deepEqual(computed, ['abc', 'de', 'de']);
  });
});

describe('process memory: content loaded again', () => {
  it('gives what a fresh read gives, the kept texts of unchanged files and an edited file read anew', async () => {
    const content = contentWithFixtures();
    const articles = join(content, 'articles');
    await new Promise((resolve) => setTimeout(resolve, STAMP_SETTLED_MS + 100)); // the copies' stamps settle
    const bodies = (options: { keepTexts?: boolean }) => loadContent(content, options).content.articles.map((a) => a.body);
    const fresh = bodies({});
    assert.deepEqual(bodies({ keepTexts: true }), fresh);
    assert.deepEqual(bodies({ keepTexts: true }), fresh, 'the texts kept');
    const name = readdirSync(articles).sort()[0]!;
    const path = join(articles, name);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nفقرة أضيفت إلى المقال.\n`);
    const after = bodies({ keepTexts: true });
    assert.match(after[0]!, /فقرة أضيفت إلى المقال\.\n$/);
    assert.deepEqual(after, bodies({}));
  });
});
