/**
 * A build with the cache carries each file of the search index (/pagefind/) over from the
 * previous site as a hard link when that site's file is known to hold its bytes, and writes only
 * the others (src/site/bundle-carry.ts). Whatever changed, the site must be byte for byte the
 * site the same build writes with nothing to carry: with no search delta, a clean `--no-cache`
 * build of the same content (every file, the manifest included); with the delta, a build from a
 * copy of the same cache into a new folder.
 *
 * In a copy of the seed content and the articles of tests/fixtures/incremental/base/, in shards
 * of a few pages (so that a change leaves shards whole), each step changes something, rebuilds
 * and compares; it tells carried files from written ones by their inode (a carried file is a
 * link to the previous site's file, so it keeps its inode).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build, type BuildOptions } from '../src/cli/build.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { writeBundleFiles } from '../src/search/pagefind-canonical.ts';
import { verifyManifest } from '../src/site/manifest.ts';
import { copySeedContent, tempDir, treeDifferences } from './helpers/site.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'incremental');
const SHARD_PAGES = 3;

/** The files under `dir` (paths relative to it, with `/`). */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

/** The files of a site's /pagefind/: their inode and bytes, by path in the site. */
function bundleFiles(site: string): Map<string, { ino: bigint; bytes: Buffer }> {
  const dir = join(site, 'pagefind');
  if (!existsSync(dir)) return new Map();
  return new Map(filesUnder(dir).map((path) => [`pagefind/${path}`, { ino: statSync(join(dir, path), { bigint: true }).ino, bytes: readFileSync(join(dir, path)) }]));
}

/** Of the files of /pagefind/ in `before` and `after`, those at one path with the same bytes that kept their inode (carried) and that did not; and those with new bytes that kept it (never right). */
function carriedAcross(before: ReturnType<typeof bundleFiles>, after: ReturnType<typeof bundleFiles>) {
  const out = { carried: [] as string[], unchangedWritten: [] as string[], changedKept: [] as string[], changed: 0 };
  for (const [path, now] of after) {
    const was = before.get(path);
    if (!was) continue;
    if (was.bytes.equals(now.bytes)) (now.ino === was.ino ? out.carried : out.unchangedWritten).push(path);
    else {
      out.changed += 1;
      if (now.ino === was.ino) out.changedKept.push(path);
    }
  }
  return out;
}

/** A file's bytes with the first one changed: the same size, other bytes. */
const otherBytes = (file: string): Buffer => {
  const bytes = readFileSync(file);
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return bytes;
};

/** Sets every file of the site's /pagefind/ an hour back: settled, so that the next build keeps the stamps of those it carries. */
function settle(site: string): void {
  const old = new Date(Date.now() - 3_600_000);
  for (const path of bundleFiles(site).keys()) utimesSync(join(site, path), old, old);
}

describe('the search index carried over from the previous site', () => {
  const content = copySeedContent();
  cpSync(join(FIXTURES, 'base'), content, { recursive: true });
  const work = tempDir('arshif-bundles-');
  const site = join(work, '_site');
  const cache = join(work, 'cache');
  let step = 0;
  const options = (more: Partial<BuildOptions> = {}): BuildOptions => ({ contentDir: content, quiet: true, searchShardPages: SHARD_PAGES, ...more });

  /** Rebuilds with the cache and without a delta, and builds the same content clean; the sites must be the same. Returns what was carried. */
  async function rebuildAndCompare() {
    step += 1;
    const before = bundleFiles(site);
    const clean = join(work, `clean-${step}`);
    await build(options({ outputDir: site, cacheDir: cache, searchDeltaPages: 0 }));
    await build(options({ outputDir: clean, cacheDir: null, searchDeltaPages: 0 }));
    assert.deepEqual(treeDifferences(site, clean, ['the build with the cache', 'the clean build']), []);
    rmSync(clean, { recursive: true, force: true });
    assert.deepEqual(verifyManifest(site), []);
    const across = carriedAcross(before, bundleFiles(site));
    assert.deepEqual(across.changedKept, [], 'no file with new bytes is the previous site file');
    return across;
  }

  it('builds with an empty cache and no previous site: every file written', async () => {
    const across = await rebuildAndCompare();
    assert.equal(across.carried.length, 0);
    const shards = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as { shards: unknown[] };
    assert.ok(shards.shards.length >= 3, `several shards (${shards.shards.length})`);
  });

  it('rebuilt with nothing changed, carries every file (the stamps unsettled: read and hashed)', async () => {
    const across = await rebuildAndCompare();
    assert.deepEqual(across.unchangedWritten, []);
    assert.equal(across.changed, 0);
    assert.equal(across.carried.length, bundleFiles(site).size);
  });

  it('after adding an article, carries every file whose bytes are the same, and writes the changed ones', async () => {
    cpSync(join(FIXTURES, 'added'), content, { recursive: true });
    settle(site);
    const across = await rebuildAndCompare();
    assert.deepEqual(across.unchangedWritten, [], 'every unchanged file is carried');
    assert.ok(across.carried.length > 0 && across.changed > 0, `some carried (${across.carried.length}), some changed (${across.changed})`);
    assert.ok(
      across.carried.some((path) => /^pagefind\/[^/]+\/fragment\//.test(path)),
      'whole shards beside the changed one are carried',
    );
  });

  it('trusts a file by its stamp (size, inode, time): rewritten in place with other bytes, it is written again; touched, read and carried', async () => {
    settle(site);
    await rebuildAndCompare(); // the stamps kept
    const paths = [...bundleFiles(site).keys()].filter((path) => path.includes('/fragment/')).sort();
    const [rewritten, touched] = paths;
    assert.ok(rewritten && touched);
    const file = join(site, rewritten);
    writeFileSync(file, otherBytes(file)); // in place: the same inode and size, a new time
    utimesSync(join(site, touched), new Date(), new Date());
    const before = bundleFiles(site);
    const across = await rebuildAndCompare();
    assert.notEqual(bundleFiles(site).get(rewritten)?.ino, before.get(rewritten)?.ino, 'the rewritten file is written again');
    assert.ok(across.carried.includes(touched), 'the touched file is carried');
  });

  it('takes a file rewritten with its size and time set back to the nanosecond as the one it was, without reading it (what the stamp cannot tell; --verify tells)', async (t) => {
    settle(site);
    await rebuildAndCompare(); // the stamps kept
    const path = [...bundleFiles(site).keys()].filter((p) => p.includes('/fragment/')).sort()[0] as string;
    const file = join(site, path);
    const { mtimeNs, ino } = statSync(file, { bigint: true });
    writeFileSync(file, otherBytes(file));
    execFileSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`, file]);
    if (statSync(file, { bigint: true }).mtimeNs !== mtimeNs) return t.skip('this filesystem cannot set a time to the nanosecond');
    await build(options({ outputDir: site, cacheDir: cache, searchDeltaPages: 0 }));
    assert.equal(statSync(file, { bigint: true }).ino, ino, 'carried by its stamp, unread');
    assert.deepEqual(verifyManifest(site), [`${path}: differs from the manifest`]);
    rmSync(file); // the next build writes it again
    await rebuildAndCompare();
  });

  it('with the search delta, writes what the same build writes with no previous site', async () => {
    settle(site);
    // An article changed: its page goes into the delta, masked in its shard.
    const article = join(content, 'articles', '2018-06-10-france24-arabic-deir-ezzor-river.md');
    appendFileSync(article, '\nوأضاف المراسل أن الوضع في القرى المجاورة هادئ.\n');
    const cacheCopy = join(work, 'cache-copy');
    cpSync(cache, cacheCopy, { recursive: true });
    const before = bundleFiles(site);
    await build(options({ outputDir: site, cacheDir: cache }));
    const fresh = join(work, 'fresh');
    await build(options({ outputDir: fresh, cacheDir: cacheCopy }));
    assert.deepEqual(treeDifferences(site, fresh, ['the rebuild', 'the same build into a new folder']), []);
    assert.deepEqual(verifyManifest(site), []);
    const shards = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as { delta?: unknown };
    assert.ok(shards.delta, 'the rebuild has a delta shard');
    const across = carriedAcross(before, bundleFiles(site));
    assert.deepEqual(across.changedKept, []);
    assert.deepEqual(across.unchangedWritten, []);
    assert.ok(across.carried.length > 0);
    for (const { ino } of bundleFiles(fresh).values()) assert.ok(![...before.values()].some((b) => b.ino === ino), 'nothing carried into a new folder');
  });

  it('without a cache, carries nothing', async () => {
    settle(site);
    const before = bundleFiles(site);
    await build(options({ outputDir: site, cacheDir: null }));
    const across = carriedAcross(before, bundleFiles(site));
    assert.deepEqual(across.carried, []);
    assert.deepEqual(verifyManifest(site), []);
  });
});

describe('writing a bundle beside the files carried', () => {
  it('writes only the files not carried, into a folder it does not empty, and never over a file', () => {
    const dir = join(tempDir('arshif-bundle-write-'), 'pagefind');
    mkdirSync(join(dir, 'index'), { recursive: true });
    writeFileSync(join(dir, 'index', 'carried.pf_index'), 'carried');
    const files = new Map([
      ['index/carried.pf_index', Buffer.from('carried')],
      ['fragment/new.pf_fragment', Buffer.from('new')],
    ]);
    const asked: string[] = [];
    writeBundleFiles(dir, files, (path) => {
      asked.push(path);
      return path.startsWith('index/');
    });
    assert.deepEqual(asked.sort(), ['fragment/new.pf_fragment', 'index/carried.pf_index']);
    assert.deepEqual(filesUnder(dir), ['fragment/new.pf_fragment', 'index/carried.pf_index']);
    assert.throws(() => writeBundleFiles(dir, files, () => false), { code: 'EEXIST' });
    assert.equal(readFileSync(join(dir, 'index', 'carried.pf_index'), 'utf8'), 'carried');
  });
});
