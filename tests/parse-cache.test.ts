/**
 * What reading a content file gave, kept between builds by its text (src/cache/parse-cache.ts):
 * content loaded from the cache is the content loaded without it, lines of fields included, and
 * every problem is reported as without it (a file with a problem is never kept; a problem found
 * across files names the line of a kept file's field).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadContent, type Content } from '../src/content/load.ts';
import { storedParseCache } from '../src/cache/parse-cache.ts';
import { DiskStore } from '../src/cache/disk-store.ts';
import { copySeedContent, tempDir } from './helpers/site.ts';

const VERSION = createHash('sha256').update('parse-cache test').digest('hex');

/** Loads with the cache kept in `storeDir`, and saves it; returns the load and the store's stats. */
function loadCached(contentDir: string, storeDir: string) {
  const store = new DiskStore(storeDir, VERSION);
  const cache = storedParseCache(store);
  const loaded = loadContent(contentDir, { parseCache: cache });
  cache.save();
  return { ...loaded, stats: store.stats };
}

/** What of the content can be compared: everything but the lineOf functions, which are asked instead. */
function plain(content: Content) {
  const files = [...content.articles, ...content.events].map(({ lineOf, ...rest }) => ({
    ...rest,
    lines: [['id'], ['title'], ['source', 'sha256'], ['agencies', 0], ['places', 1], ['milestones', 0, 'date']].map((path) => lineOf(path)),
  }));
  return { files, outlets: content.outlets.entries, places: content.places.entries, site: content.site };
}

describe('the parse cache', () => {
  it('gives the content read without it, lines included', () => {
    const contentDir = copySeedContent();
    const storeDir = tempDir('parse-cache-');
    const reference = loadContent(contentDir);
    const cold = loadCached(contentDir, storeDir);
    const warm = loadCached(contentDir, storeDir);
    assert.deepEqual(plain(cold.content), plain(reference.content));
    assert.deepEqual(plain(warm.content), plain(reference.content));
    assert.deepEqual([cold.problems, warm.problems], [[], []]);
    assert.equal(cold.stats.writes, 1, 'one entry for all files');
    assert.deepEqual([warm.stats.hits, warm.stats.writes], [1, 0], 'read back, and not written again when nothing changed');
  });

  it('reports the problems found without it, with their lines', () => {
    const contentDir = copySeedContent();
    const storeDir = tempDir('parse-cache-');
    loadCached(contentDir, storeDir);
    // Problems across files, in articles that are kept: an outlet gone from outlets.yml, a source edited.
    const outlets = join(contentDir, 'data', 'outlets.yml');
    writeFileSync(outlets, readFileSync(outlets, 'utf8').replace(/^dw-arabic:/m, 'dw-arabic-renamed:'));
    const dw = loadContent(contentDir).content.articles.find((a) => a.data.outlet === 'dw-arabic-renamed' || a.file.includes('dw-arabic'));
    assert.ok(dw);
    appendFileSync(join(contentDir, dw.data.source.file), '\nedited\n');
    // And a problem in a file itself: never kept, reported each time.
    const al = join(contentDir, 'articles', '2017-10-18-al-khaleej-historic-isis-defeat-in-raqqa.md');
    writeFileSync(al, readFileSync(al, 'utf8').replace(/^language: ar$/m, 'language: ar\nunknown_field: 1'));
    const reference = loadContent(contentDir).problems;
    assert.ok(reference.length >= 3, JSON.stringify(reference));
    assert.ok(
      reference.every((p) => p.line !== undefined),
      JSON.stringify(reference),
    );
    assert.deepEqual(loadCached(contentDir, storeDir).problems, reference);
    assert.deepEqual(loadCached(contentDir, storeDir).problems, reference);
  });
});
