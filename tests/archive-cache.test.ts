/**
 * The derived-data store (src/analysis/derive/): the archive built with a cold store, a warm store and no
 * store is the same, for the seed content and for a small synthetic folder; a corrupt or foreign
 * entry is ignored and computed again; editing an article recomputes that article's entry only
 * (and its event's passages); the keys follow the code version; the store is bounded; the store
 * can be turned off.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadValidContent, type Content } from '../src/content/load.ts';
import { articleKey } from '../src/analysis/derive/article-data.ts';
import { computeCodeVersion, importedPackages } from '../src/cache/code-version.ts';
import { decodeEntry, DiskStore, encodeEntry } from '../src/cache/disk-store.ts';
import { loadEntities } from '../src/content/data-files.ts';
import { buildArchive } from '../src/model/build-archive.ts';
import type { Archive } from '../src/model/views.ts';
import { DEFAULT_CACHE_DIR, defaultCacheDir } from '../src/model/load-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { tempDir } from './helpers/site.ts';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
/** Code versions for the tests (a store wants a hex digest). */
const VERSION_A = sha256('test code version A');
const VERSION_B = sha256('test code version B');

interface Loaded {
  content: Content;
  entities: ReturnType<typeof loadEntities>;
}

function load(contentDir: string): Loaded {
  const content = loadValidContent(contentDir);
  return { content, entities: loadEntities(content.dir) };
}

function archiveOf({ content, entities }: Loaded, store?: DiskStore): Archive {
  return buildArchive(content, content.site, entities, { store });
}

/** Every entry file of a store folder (relative paths), sorted. */
function entryFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path.slice(dir.length + 1));
    }
  };
  walk(dir);
  return out;
}

const articleEntries = (dir: string) => entryFiles(dir).filter((f) => f.includes('/articles/'));

/** Writes an article (and its raw source, with its sha256) into a content folder. */
function writeArticle(contentDir: string, a: { id: string; title: string; outlet: string; date: string; places: string[]; events: string[]; body: string }): void {
  const source = `${a.title}\n\n${a.body}\n`;
  const sourceFile = `sources/${a.id}.txt`;
  writeFileSync(join(contentDir, sourceFile), source);
  const yaml = [
    '---',
    `id: ${a.id}`,
    `title: '${a.title}'`,
    `outlet: ${a.outlet}`,
    `date: ${a.date}`,
    'date_basis: stated',
    'source:',
    `  file: ${sourceFile}`,
    `  sha256: ${sha256(source)}`,
    '  url: null',
    '  retrieved: null',
    `places: [${a.places.join(', ')}]`,
    `events: [${a.events.join(', ')}]`,
    'agencies: []',
    'author: null',
    'language: ar',
    '---',
    '',
    a.body,
    '',
  ].join('\n');
  writeFileSync(join(contentDir, 'articles', `${a.id}.md`), yaml);
}

/** The seed content and eight more articles made of its paragraphs: wire copy shared between outlets, figures, dates, names. */
function syntheticContent(): string {
  const dir = join(tempDir('arshif-cache-'), 'content');
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  const seed = loadValidContent(DEFAULT_CONTENT_DIR);
  const paragraphs = seed.articles.flatMap((a) =>
    a.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p && !p.startsWith('#')),
  );
  const outlets = ['aljazeera', 'al-arabiya', 'bbc-arabic', 'france24-arabic', 'rt-arabic', 'cnn-arabic', 'alhurra', 'sky-news-arabia'];
  outlets.forEach((outlet, i) => {
    const events = i % 3 === 0 ? ['baghuz-2019'] : i % 3 === 1 ? ['raqqa-2017'] : [];
    const date = events[0] === 'raqqa-2017' ? `2017-10-${String(10 + i).padStart(2, '0')}` : `2019-03-${String(10 + i).padStart(2, '0')}`;
    const picked = [0, 1, 2].map((k) => paragraphs[(i * 3 + k * 5) % paragraphs.length] as string);
    const own = `وقال مصدر في قسد أمس الثلاثاء إن ${10 + i} مدنياً قتلوا في الباغوز، وإن نحو ${i + 2} آلاف عنصر من داعش استسلموا منذ مطلع الشهر الحالي.`;
    writeArticle(dir, {
      id: `${date}-${outlet}-synthetic-${i}`,
      title: `تقرير ${i} عن المعارك مع داعش`,
      outlet,
      date,
      places: ['سوريا'],
      events,
      body: [picked[0], own, picked[1], picked[2]].join('\n\n'),
    });
  });
  return dir;
}

/** Replaces the body of an article file (keeping its front matter). */
function rewriteBody(contentDir: string, id: string, edit: (body: string) => string): void {
  const file = join(contentDir, 'articles', `${id}.md`);
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 3) + 4;
  writeFileSync(file, text.slice(0, end) + edit(text.slice(end)));
}

describe('the derived-data store', () => {
  let seed: Loaded;
  let seedReference: Archive;
  before(() => {
    seed = load(DEFAULT_CONTENT_DIR);
    seedReference = archiveOf(seed);
  });

  it('seed content: a cold store, a warm store and no store give the same archive', () => {
    const dir = tempDir('arshif-store-');
    const cold = new DiskStore(dir, VERSION_A);
    assert.deepEqual(archiveOf(seed, cold), seedReference);
    assert.equal(cold.stats.hits, 0);
    assert.ok(cold.stats.writes >= seed.content.articles.length, 'every article was stored');
    const warm = new DiskStore(dir, VERSION_A);
    assert.deepEqual(archiveOf(seed, warm), seedReference);
    assert.equal(warm.stats.writes, 0, 'a warm build computes nothing');
    assert.equal(warm.stats.hits, cold.stats.writes);
    assert.equal(warm.sweep(), 0, 'a warm build uses every entry');
  });

  it('synthetic content: the same archive either way, and an edited article recomputes its own entry only', () => {
    const contentDir = syntheticContent();
    const synthetic = load(contentDir);
    assert.equal(synthetic.content.articles.length, 13);
    const reference = archiveOf(synthetic);
    assert.ok(
      reference.events.some((e) => e.comparison.passages.length > 0),
      'the synthetic articles share passages',
    );
    assert.ok(
      reference.events.some((e) => e.comparison.figures.rows.length > 0),
      'and report figures',
    );
    const dir = tempDir('arshif-store-');
    assert.deepEqual(archiveOf(synthetic, new DiskStore(dir, VERSION_A)), reference);
    const warm = new DiskStore(dir, VERSION_A);
    assert.deepEqual(archiveOf(synthetic, warm), reference);
    assert.equal(warm.stats.writes, 0);
    const before = articleEntries(dir);
    assert.equal(before.length, 13);

    // edit one article of an event
    const edited = synthetic.content.articles.find((a) => a.data.id.includes('synthetic-3'));
    assert.ok(edited && edited.data.events.length === 1);
    rewriteBody(contentDir, edited.data.id, (body) => body.replace('مصدر في قسد', 'مصدر عسكري في قسد'));
    const changed = load(contentDir);
    const store = new DiskStore(dir, VERSION_A);
    assert.deepEqual(archiveOf(changed, store), archiveOf(changed));
    // one article entry and the passages of its event are new; everything else was read
    assert.equal(store.stats.writes, 2, JSON.stringify(store.stats));
    assert.equal(store.stats.misses, 2, JSON.stringify(store.stats));
    store.sweep();
    const after = articleEntries(dir);
    assert.equal(after.length, 13, 'the old entry of the edited article is gone');
    const key = articleKey(VERSION_A, changed.content.articles.find((a) => a.data.id === edited.data.id)!.body);
    assert.deepEqual(
      after.filter((f) => !before.includes(f)),
      [join(VERSION_A.slice(0, 16), 'articles', key.slice(0, 2), `${key}.json`)],
    );
  });

  it('a new publication date, title or entity list recomputes what depends on it', () => {
    const contentDir = syntheticContent();
    const dir = tempDir('arshif-store-');
    archiveOf(load(contentDir), new DiskStore(dir, VERSION_A));
    const id = load(contentDir).content.articles.find((a) => a.data.id.includes('synthetic-0'))!.data.id;
    const file = join(contentDir, 'articles', `${id}.md`);
    // relative dates ("أمس الثلاثاء") count from the publication date; names are counted in the title too
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^date: .*$/m, 'date: 2019-03-20')
        .replace(/^title: .*$/m, "title: 'تقرير عن قسد والتحالف الدولي'"),
    );
    const entities = join(contentDir, 'data', 'entities.yml');
    writeFileSync(entities, readFileSync(entities, 'utf8').replace('aliases: [قسد,', 'aliases: [قسد, مصدر في قسد,'));
    const changed = load(contentDir);
    const store = new DiskStore(dir, VERSION_A);
    assert.deepEqual(archiveOf(changed, store), archiveOf(changed));
    assert.equal(store.stats.misses, 1, 'only the passages of the event, whose article had moved, were missing');
  });

  it('ignores and replaces a corrupt, foreign or unreadable entry', () => {
    const dir = tempDir('arshif-store-');
    archiveOf(seed, new DiskStore(dir, VERSION_A));
    const files = articleEntries(dir).map((f) => join(dir, f));
    assert.equal(files.length, 5);
    const [garbage, truncated, wrongShape, foreign, flipped] = files as [string, string, string, string, string];
    writeFileSync(foreign, readFileSync(flipped)); // a whole entry, but another key's
    writeFileSync(flipped, Buffer.from(readFileSync(flipped).toString('utf16le').replace('p-1', 'p-9'), 'utf16le')); // its checksum no longer matches
    writeFileSync(garbage, 'not an entry at all \u0000\u00ff');
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 500));
    const json = JSON.stringify({ format: 1, key: 'x', html: 42 });
    writeFileSync(wrongShape, encodeEntry(json)); // a good checksum over the wrong thing
    const passages = entryFiles(dir).find((f) => f.includes('/passages/'));
    assert.ok(passages);
    writeFileSync(join(dir, passages), ''); // an empty file

    const store = new DiskStore(dir, VERSION_A);
    assert.deepEqual(archiveOf(seed, store), seedReference);
    assert.equal(store.stats.rejected, 4, JSON.stringify(store.stats)); // the checksum catches all but wrongShape and foreign
    assert.equal(store.stats.writes, 6, 'every bad entry was computed and written again');
    const again = new DiskStore(dir, VERSION_A);
    assert.deepEqual(archiveOf(seed, again), seedReference);
    assert.deepEqual([again.stats.rejected, again.stats.writes], [0, 0]);
  });

  it('a store that cannot be written changes nothing but the work', () => {
    const dir = tempDir('arshif-store-');
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'in the way');
    const store = new DiskStore(blocked, VERSION_A);
    assert.deepEqual(archiveOf(seed, store), seedReference);
    assert.ok(store.stats.writeErrors > 0);
    assert.doesNotThrow(() => store.sweep());
  });

  it('keys change with the code version, and a build drops the other versions’ entries', () => {
    assert.notEqual(articleKey(VERSION_A, 'نص'), articleKey(VERSION_B, 'نص'));
    const dir = tempDir('arshif-store-');
    archiveOf(seed, new DiskStore(dir, VERSION_A));
    const b = new DiskStore(dir, VERSION_B);
    assert.deepEqual(archiveOf(seed, b), seedReference);
    assert.equal(b.stats.hits, 0, 'nothing made by other code is read');
    b.sweep();
    assert.deepEqual(readdirSync(dir), [VERSION_B.slice(0, 16)]);
  });

  it('the code version follows the sources and the locked versions of the packages they import', () => {
    const root = tempDir('arshif-version-');
    mkdirSync(join(root, 'src', 'lib'), { recursive: true });
    writeFileSync(join(root, 'src', 'lib', 'a.ts'), "import { unified } from 'unified';\nexport const a = 1;\n");
    const lock = (unified: string, other: string) =>
      writeFileSync(
        join(root, 'package-lock.json'),
        JSON.stringify({
          lockfileVersion: 3,
          packages: {
            '': {},
            'node_modules/unified': { version: unified, dependencies: { bail: '^2.0.0' } },
            'node_modules/bail': { version: '2.0.2' },
            'node_modules/other': { version: other },
          },
        }),
      );
    lock('11.0.5', '1.0.0');
    const sources = ['src/lib'];
    const v1 = computeCodeVersion(root, sources);
    assert.match(v1, /^[0-9a-f]{64}$/);
    assert.equal(computeCodeVersion(root, sources), v1, 'stable');
    lock('11.0.5', '2.0.0');
    assert.equal(computeCodeVersion(root, sources), v1, 'a package the sources do not use does not count');
    lock('11.0.6', '2.0.0');
    const v2 = computeCodeVersion(root, sources);
    assert.notEqual(v2, v1, 'a package they import counts');
    writeFileSync(join(root, 'src', 'lib', 'a.ts'), "import { unified } from 'unified';\nexport const a = 2;\n");
    const v3 = computeCodeVersion(root, sources);
    assert.notEqual(v3, v2, 'an edited source counts');
    writeFileSync(join(root, 'src', 'lib', 'b.ts'), 'export const b = 1;\n');
    assert.notEqual(computeCodeVersion(root, sources), v3, 'a new source counts');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a source text for the import scanner, with a template literal in it
    assert.deepEqual(importedPackages("import x from 'a';\nimport type { Y } from '@s/b/c';\nconst f = require.resolve(`world-atlas/x-${n}.json`);\nimport './local.ts';"), [
      'a',
      '@s/b',
      'world-atlas',
    ]);
  });

  it('is on by default, in .cache/arshif/, and ARSHIF_CACHE=0 turns it off', () => {
    assert.equal(defaultCacheDir({}), DEFAULT_CACHE_DIR);
    assert.match(DEFAULT_CACHE_DIR, /[/\\]\.cache[/\\]arshif$/);
    assert.equal(defaultCacheDir({ ARSHIF_CACHE: '0' }), null);
    assert.equal(defaultCacheDir({ ARSHIF_CACHE: 'off', ARSHIF_CACHE_DIR: '/tmp/x' }), null);
    assert.equal(defaultCacheDir({ ARSHIF_CACHE_DIR: '/tmp/x' }), '/tmp/x');
    assert.match(readFileSync(join(DEFAULT_CONTENT_DIR, '..', '.gitignore'), 'utf8'), /^\.cache\/$/m, '.cache/ is git-ignored');
  });
});

describe('disk store entries', () => {
  it('read back exactly what was written, whatever the text, and refuse damaged bytes', () => {
    for (const json of ['{}', JSON.stringify({ html: '<p id="p-1">الرقّة، «قسد» 😀 \ud800 x</p>' })]) {
      const bytes = encodeEntry(json);
      assert.equal(decodeEntry(bytes), json);
      assert.equal(decodeEntry(bytes.subarray(0, bytes.length - 1)), undefined);
      const flipped = Buffer.from(bytes);
      flipped.writeUInt8(flipped.readUInt8(flipped.length - 2) ^ 1, flipped.length - 2);
      assert.equal(decodeEntry(flipped), undefined);
    }
    assert.equal(decodeEntry(Buffer.from('not an entry')), undefined);
  });
});
