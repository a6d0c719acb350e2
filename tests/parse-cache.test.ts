/**
 * What reading a content file gave, kept between builds by its text (src/cache/parse-cache.ts):
 * content loaded from the cache is the content loaded without it, lines of fields included, and
 * every problem is reported as without it (a file with a problem is never kept; a problem found
 * across files names the line of a kept file's field).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, mock } from 'node:test';
import { loadContent, type Content } from '../src/content/load.ts';
import { loadEntities, loadSpellings } from '../src/content/data-files.ts';
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
  const dataLines = [content.outlets.lineOf(['dw-arabic', 'name_ar']), content.places.lineOf(['iraq', 'coordinates', 1]), content.places.lineOf(['nowhere'])];
  return { files, outlets: content.outlets.entries, places: content.places.entries, site: content.site, dataLines };
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

  it("gives a data file's entries read without it, without parsing its YAML again", () => {
    const contentDir = copySeedContent();
    const store = new DiskStore(tempDir('parse-cache-'), VERSION);
    const cold = storedParseCache(store);
    const entities = loadEntities(contentDir, cold);
    const spellings = loadSpellings(contentDir, cold);
    cold.save();
    const warm = storedParseCache(new DiskStore(store.dir, VERSION));
    assert.ok(warm.getEntries('data entities.yml', readFileSync(join(contentDir, 'data', 'entities.yml'), 'utf8')), 'kept by its text');
    assert.deepEqual([loadEntities(contentDir, warm), loadSpellings(contentDir, warm)], [entities, spellings]);
    assert.equal(Object.getPrototypeOf(loadEntities(contentDir, warm)), null, 'an object without a prototype, as read');
  });

  it('never keeps a data file with a problem, and reports it each time as without the cache', () => {
    const contentDir = copySeedContent();
    const storeDir = tempDir('parse-cache-');
    const places = join(contentDir, 'data', 'places.yml');
    writeFileSync(places, readFileSync(places, 'utf8').replace(/^(iraq:\n(?: {2}.*\n)*? {2}kind: )country$/m, '$1planet'));
    const reference = loadContent(contentDir).problems;
    assert.ok(
      reference.some((p) => p.file.endsWith('places.yml') && p.line !== undefined),
      JSON.stringify(reference),
    );
    assert.deepEqual(loadCached(contentDir, storeDir).problems, reference);
    assert.deepEqual(loadCached(contentDir, storeDir).problems, reference);
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

describe('the raw sources checked before', () => {
  const sourceOf = (content: string) => {
    const loaded = loadContent(content);
    const article = loaded.content.articles[0];
    assert.ok(article);
    return { path: join(content, article.data.source.file), sha256: article.data.source.sha256 };
  };
  /** Loads as a build 5 s later would: every stamp is settled by then. */
  const loadLater = (content: string, storeDir: string) => {
    const later = Date.now() + 5000;
    const now = mock.method(Date, 'now', () => later);
    try {
      return loadCached(content, storeDir);
    } finally {
      now.mock.restore();
    }
  };

  it('keeps the hash of a settled source by its stamp, and gives it for that stamp only', () => {
    const content = copySeedContent();
    const storeDir = tempDir('arshif-parse-cache-');
    const { path, sha256 } = sourceOf(content);
    assert.deepEqual(loadLater(content, storeDir).problems, []);
    const cache = storedParseCache(new DiskStore(storeDir, VERSION));
    assert.equal(cache.checkedHash(path, statSync(path, { bigint: true })), sha256);
    appendFileSync(path, ' ');
    assert.equal(cache.checkedHash(path, statSync(path, { bigint: true })), undefined, 'another size and time: read it');
  });

  it('never keeps a source written just now: its stamp could not show a write within the same tick', () => {
    const content = copySeedContent();
    const storeDir = tempDir('arshif-parse-cache-');
    const { path } = sourceOf(content);
    assert.deepEqual(loadCached(content, storeDir).problems, []);
    assert.equal(storedParseCache(new DiskStore(storeDir, VERSION)).checkedHash(path, statSync(path, { bigint: true })), undefined);
  });

  it('reads again a source rewritten with the same size and its old modification time set back, and reports it', () => {
    const content = copySeedContent();
    const storeDir = tempDir('arshif-parse-cache-');
    const { path } = sourceOf(content);
    assert.deepEqual(loadLater(content, storeDir).problems, []);
    const before = statSync(path);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = bytes[bytes.length - 1] === 0x20 ? 0x0a : 0x20; // one byte changed, same size
    writeFileSync(path, bytes);
    utimesSync(path, before.atime, before.mtime); // as `touch -d` or `cp -p` would: the change time still moves
    const problems = loadLater(content, storeDir).problems;
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]?.field, 'source.sha256');
  });
});
