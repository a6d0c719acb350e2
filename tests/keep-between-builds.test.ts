/**
 * What a process that builds again (`npm start`) keeps between its builds: the build cache's
 * entries in memory (src/cache/disk-store.ts, EntryMemory), read again when their file changed,
 * and what each data file gave (src/content/data-file.ts, keepDataFileReads), parsed again when
 * its text changed. Rebuilding in one process with both must write what a clean build writes.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { DiskStore, entryMemory } from '../src/cache/disk-store.ts';
import { readMemo, writeMemo } from '../src/cache/memo.ts';
import { keepDataFileReads, readEntriesFile } from '../src/content/data-file.ts';
import { storedParseCache } from '../src/cache/parse-cache.ts';
import type { Problem } from '../src/core/problem.ts';
import { build } from '../src/cli/build.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { runBuild, tempDir, treeDifferences } from './helpers/site.ts';

const VERSION = 'ef'.repeat(8);
const KEY = 'a'.repeat(64);
const valueSchema = z.strictObject({ words: z.array(z.string()) });

describe('the build cache kept in memory', () => {
  it('gives an entry from memory while its file is unchanged, frozen, and reads it again once another store rewrote it', () => {
    const dir = tempDir('arshif-memory-');
    const memory = entryMemory(dir, VERSION);
    writeMemo(new DiskStore(dir, VERSION, memory), 'words', KEY, { words: ['الرقة'] });
    const first = readMemo(new DiskStore(dir, VERSION, memory), 'words', KEY, valueSchema);
    const again = readMemo(new DiskStore(dir, VERSION, memory), 'words', KEY, valueSchema);
    assert.deepEqual(first, { words: ['الرقة'] });
    assert.equal(again, first, 'the same value, from memory');
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first?.words), 'frozen: no reader can change what the next build reads');
    writeMemo(new DiskStore(dir, VERSION), 'words', KEY, { words: ['دير الزور'] }); // another process, no memory
    assert.deepEqual(readMemo(new DiskStore(dir, VERSION, memory), 'words', KEY, valueSchema), { words: ['دير الزور'] });
    assert.equal(readMemo(new DiskStore(dir, VERSION, memory), 'words', KEY, z.strictObject({ other: z.string() })), undefined, 'still checked against each schema');
  });

  it('keeps what a data file gave for its text, as copies, and parses it again when the text changes', () => {
    keepDataFileReads();
    const dir = tempDir('arshif-data-reads-');
    const file = join(dir, 'outlets.yml');
    const schema = z.strictObject({ name: z.string() });
    writeFileSync(file, 'one:\n  name: الأولى\nTwo:\n  name: الثانية\n');
    const read = () => {
      const problems: Problem[] = [];
      return { entries: readEntriesFile(file, schema, problems), problems };
    };
    const first = read();
    assert.equal(first.problems.length, 1, 'the key Two is refused');
    (first.entries.entries.one as { name: string }).name = 'changed by a reader';
    const second = read();
    assert.deepEqual({ ...second.entries.entries }, { one: { name: 'الأولى' } }, 'a reader changing its copy changes nothing kept');
    assert.equal(Object.getPrototypeOf(second.entries.entries), null);
    assert.deepEqual(second.problems, first.problems);
    assert.equal(second.entries.lineOf(['one']), 1);
    writeFileSync(file, 'one:\n  name: الأولى\ntwo:\n  name: الثانية\n');
    const third = read();
    assert.deepEqual(third.problems, []);
    assert.deepEqual(Object.keys(third.entries.entries), ['one', 'two']);
  });

  it('a data file given from memory is still in the parse cache the build saves (for the next add or build to read)', () => {
    keepDataFileReads();
    const dir = tempDir('arshif-data-reads-cache-');
    const file = join(dir, 'outlets.yml');
    const schema = z.strictObject({ name: z.string() });
    const text = 'one:\n  name: الأولى\n';
    writeFileSync(file, text);
    const buildOnce = () => {
      const cache = storedParseCache(new DiskStore(dir, VERSION));
      readEntriesFile(file, schema, [], false, { store: cache, kind: 'data outlets.yml' });
      cache.save();
    };
    buildOnce(); // parsed, kept in memory and in the cache
    buildOnce(); // given from memory
    assert.deepEqual({ ...storedParseCache(new DiskStore(dir, VERSION)).getEntries('data outlets.yml', text) }, { one: { name: 'الأولى' } });
  });
});

describe('rebuilding in one process, with what it keeps', () => {
  it('writes what a clean build writes after an article is edited', async () => {
    const work = tempDir('arshif-keep-build-');
    const content = join(work, 'content');
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const site = join(work, 'site');
    const cacheDir = join(work, 'cache');
    keepDataFileReads();
    const options = { contentDir: content, outputDir: site, cacheDir, quiet: true, progress: false, keep: true, searchDeltaPages: 0 }; // no delta shard: the index too is the clean build's
    await build(options);
    const article = join(content, 'articles', '2019-03-13-rojava-network-isis-last-moments-in-baghuz.md');
    const text = readFileSync(article, 'utf8');
    assert.ok(text.includes('الباغوز'));
    const at = text.lastIndexOf('الباغوز'); // in the body, not the front matter
    writeFileSync(article, `${text.slice(0, at)}بلدة ${text.slice(at)}`);
    const rebuilt = await build(options);
    assert.ok((rebuilt.pages?.carried ?? 0) > 0, 'pages are carried over');
    const clean = join(work, 'clean');
    const reference = await runBuild(PROJECT_ROOT, ['--content', content, '--output', clean, '--no-cache', '--quiet']);
    assert.equal(reference.code, 0, reference.output);
    assert.deepEqual(treeDifferences(site, clean, ['the kept rebuild', 'the clean build']), []);
  });

  it('writes what a clean build writes after edits that change other articles than the one edited: an outlet renamed, an event retitled', async () => {
    // The render keys take an unchanged text's digest from the previous build of the process
    // (src/site/page-keys.ts): here every article's HTML is unchanged while what its page shows
    // around it (its outlet, its event, the outlets its shared passages link to) changes.
    const work = tempDir('arshif-keep-views-');
    const content = join(work, 'content');
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const site = join(work, 'site');
    const cacheDir = join(work, 'cache');
    keepDataFileReads();
    const options = { contentDir: content, outputDir: site, cacheDir, quiet: true, progress: false, keep: true, searchDeltaPages: 0 };
    await build(options);
    const edits = [
      { file: join(content, 'data', 'outlets.yml'), from: 'name_ar: DW عربية', to: 'name_ar: دويتشه فيله عربية', shown: 'دويتشه فيله عربية' },
      { file: join(content, 'events', 'baghuz-2019.md'), from: 'title: معركة الباغوز', to: 'title: معركة بلدة الباغوز', shown: 'معركة بلدة الباغوز' },
    ];
    for (const [step, { file, from, to, shown }] of edits.entries()) {
      const text = readFileSync(file, 'utf8');
      assert.ok(text.includes(from), `${file} holds ${from}`);
      writeFileSync(file, text.replace(from, to));
      const rebuilt = await build(options);
      const carried = rebuilt.pages?.carried ?? 0;
      assert.ok(carried > 0 && carried < (rebuilt.pages?.keyed ?? 0), `some pages are carried over, not all: ${carried} of ${rebuilt.pages?.keyed}`);
      const articlePages = readdirSync(join(site, 'articles')).filter(
        (id) => existsSync(join(site, 'articles', id, 'index.html')) && readFileSync(join(site, 'articles', id, 'index.html'), 'utf8').includes(shown),
      );
      assert.ok(articlePages.length > 0, `the edit shows on article pages: ${shown}`);
      const clean = join(work, `clean-${step}`);
      const reference = await runBuild(PROJECT_ROOT, ['--content', content, '--output', clean, '--no-cache', '--quiet']);
      assert.equal(reference.code, 0, reference.output);
      assert.deepEqual(treeDifferences(site, clean, ['the kept rebuild', 'the clean build']), []);
    }
  });

  it('with the removal of the previous site deferred (npm start), puts the new site in place first and removes the old folder after', async () => {
    const work = tempDir('arshif-deferred-removal-');
    const content = join(work, 'content');
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const site = join(work, 'site');
    const options = { contentDir: content, outputDir: site, cacheDir: join(work, 'cache'), quiet: true, progress: false };
    const first = await build({ ...options, deferOldRemoval: true });
    assert.equal(first.oldRemoved, undefined, 'no previous site: nothing to remove');
    const waited = await build(options);
    assert.equal(waited.oldRemoved, undefined, 'without the option, the removal is waited for');
    assert.deepEqual(readdirSync(work).sort(), ['cache', 'content', 'site']);
    const deferred = await build({ ...options, deferOldRemoval: true });
    assert.ok(deferred.oldRemoved instanceof Promise);
    assert.ok(existsSync(join(site, 'index.html')), 'the new site is in place before the old folder is gone');
    await deferred.oldRemoved;
    assert.deepEqual(readdirSync(work).sort(), ['cache', 'content', 'site'], 'nothing of the previous site is left');
    await build(options); // and the next build finds nothing in its way
  });
});
