/**
 * A build with the cache carries each raw source over from the previous site as a hard link when
 * that site's file is known to hold its bytes, and copies from content/ only the new or changed
 * ones (src/site/source-carry.ts). Whatever changed, the site must be byte for byte the site a
 * clean `--no-cache` build of the same content writes (every file, the manifest included), and
 * no file of the site may ever share its bytes' inode with a raw source in content/.
 *
 * In a copy of the seed content and the articles of tests/fixtures/incremental/base/, each step
 * changes something, rebuilds with the cache, builds the same content clean and compares; it
 * tells carried sources from copied ones by their inode (a carried source is a link to the
 * previous site's file, so it keeps its inode).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../src/cli/build.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { sha256 } from '../src/core/hash.ts';
import { verifyManifest } from '../src/site/manifest.ts';
import { copyProject } from './helpers/project-copy.ts';
import { copySeedContent, runBuild, tempDir, treeDifferences } from './helpers/site.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'incremental');
const ino = (path: string) => statSync(path, { bigint: true }).ino;

describe('raw sources carried over from the previous site', () => {
  const content = copySeedContent();
  cpSync(join(FIXTURES, 'base'), content, { recursive: true });
  const work = tempDir('arshif-sources-');
  const site = join(work, '_site');
  const cache = join(work, 'cache');
  let step = 0;

  const sitePath = (name: string) => join(site, 'sources', name);
  const contentPath = (name: string) => join(content, 'sources', name);
  /** The published sources, by name, with their inodes. */
  const inodes = () => new Map(readdirSync(join(site, 'sources')).map((name) => [name, ino(sitePath(name))]));

  /** Rebuilds with the cache and builds the same content clean; the sites must be the same, and share no inode with content/sources/. */
  async function rebuildAndCompare(): Promise<void> {
    step += 1;
    const clean = join(work, `clean-${step}`);
    await build({ contentDir: content, outputDir: site, cacheDir: cache, quiet: true, searchDeltaPages: 0 });
    await build({ contentDir: content, outputDir: clean, cacheDir: null, quiet: true, searchDeltaPages: 0 });
    assert.deepEqual(treeDifferences(site, clean, ['the build with the cache', 'the clean build']), []);
    rmSync(clean, { recursive: true, force: true });
    assert.deepEqual(verifyManifest(site), []);
    const published = new Set([...inodes().values()]);
    for (const name of readdirSync(join(content, 'sources'))) {
      const stat = statSync(contentPath(name), { bigint: true });
      assert.equal(stat.nlink, 1n, `content/sources/${name} has no other name`);
      assert.ok(!published.has(stat.ino), `no published source is content/sources/${name}`);
    }
  }

  /** A source's bytes with one byte changed: the same size, other bytes. */
  const sameSizeOtherBytes = (file: string): Buffer => {
    const bytes = readFileSync(file);
    bytes[0] = bytes[0] === 0x41 ? 0x42 : 0x41;
    return bytes;
  };

  it('builds with an empty cache: every source copied', async () => {
    await rebuildAndCompare();
    assert.equal(inodes().size, 8);
  });

  it('carries an unchanged source as a link, copies a changed and an added one, and drops a removed one', async () => {
    const before = inodes();
    // A changed source, and its article's recorded hash with it (as `npm run add --replace` would).
    const changed = 'incremental-2018-06-10-france24-arabic-deir-ezzor-river.txt';
    const oldHash = sha256(readFileSync(contentPath(changed)));
    appendFileSync(contentPath(changed), '\nسطر أضيف\n');
    const article = join(content, 'articles', '2018-06-10-france24-arabic-deir-ezzor-river.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace(oldHash, sha256(readFileSync(contentPath(changed)))));
    // An added article with its source, and a removed one with its source.
    cpSync(join(FIXTURES, 'added'), content, { recursive: true });
    const removed = 'incremental-2019-03-25-bbc-arabic-baghuz-camps.txt';
    rmSync(join(content, 'articles', '2019-03-25-bbc-arabic-baghuz-camps.md'));
    rmSync(contentPath(removed));
    // The previous site's sources written long ago: their stamps are settled, whatever the last build recorded.
    const old = new Date(Date.now() - 3_600_000);
    for (const name of before.keys()) utimesSync(sitePath(name), old, old);
    await rebuildAndCompare();
    const after = inodes();
    assert.ok(!after.has(removed));
    assert.ok(after.has('incremental-2019-03-27-al-arabiya-baghuz-mines.txt'));
    assert.notEqual(after.get(changed), before.get(changed), 'the changed source is copied');
    const unchanged = [...before.keys()].filter((name) => name !== changed && name !== removed);
    assert.equal(unchanged.length, 6);
    for (const name of unchanged) assert.equal(after.get(name), before.get(name), `${name} is carried over as a link`);
  });

  it('trusts a source by its file (size, inode, time): rewritten in place or replaced, it is read and copied again; touched, read and carried', async () => {
    const [rewritten, replaced, touched] = [...inodes().keys()].sort();
    assert.ok(rewritten && replaced && touched);
    const before = inodes();
    writeFileSync(sitePath(rewritten), sameSizeOtherBytes(sitePath(rewritten))); // in place: the same inode, a new time
    const other = `${sitePath(replaced)}.other`;
    writeFileSync(other, sameSizeOtherBytes(sitePath(replaced)));
    const { atime, mtime } = statSync(sitePath(replaced));
    utimesSync(other, atime, mtime);
    renameSync(other, sitePath(replaced)); // another inode, at the same time (to the microsecond)
    utimesSync(sitePath(touched), new Date(), new Date()); // the same bytes, a new time
    await rebuildAndCompare(); // the rewritten and the replaced ones hold the content's bytes again
    const after = inodes();
    assert.notEqual(after.get(rewritten), before.get(rewritten), 'the rewritten source is copied');
    assert.equal(after.get(touched), before.get(touched), 'the touched source is carried');
  });

  it('takes a source rewritten with its size and time set back to the nanosecond as the one it was, without reading it (what the stamp cannot tell; --verify tells)', async (t) => {
    // Carried by the last step by its hash, with its stamp kept: set long ago, so settled.
    const old = new Date(Date.now() - 3_600_000);
    for (const name of inodes().keys()) utimesSync(sitePath(name), old, old);
    await rebuildAndCompare();
    const name = [...inodes().keys()].sort()[3] as string;
    const file = sitePath(name);
    const { mtimeNs, ino: before } = statSync(file, { bigint: true });
    writeFileSync(file, sameSizeOtherBytes(file));
    execFileSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`, file]);
    if (statSync(file, { bigint: true }).mtimeNs !== mtimeNs) return t.skip('this filesystem cannot set a time to the nanosecond');
    await build({ contentDir: content, outputDir: site, cacheDir: cache, quiet: true, searchDeltaPages: 0 });
    assert.equal(ino(file), before, 'carried by its stamp, unread');
    assert.notDeepEqual(readFileSync(file), readFileSync(contentPath(name)));
    assert.deepEqual(verifyManifest(site), [`sources/${name}: differs from the manifest`]);
    rmSync(file); // the next build copies it again
    await rebuildAndCompare();
  });

  it('never links a source shared with content/: the previous site holding a link to it, or content/ holding a link to the site', async () => {
    const [first, second] = [...inodes().keys()].sort();
    assert.ok(first && second);
    // The site's file made a name of the content's (settled: trusted by its hash, not its stamp).
    rmSync(sitePath(first));
    linkSync(contentPath(first), sitePath(first));
    // The content's file made a name of the site's, whose stamp the table holds.
    rmSync(contentPath(second));
    linkSync(sitePath(second), contentPath(second));
    await rebuildAndCompare(); // no published source shares an inode with content/
  });
});

describe('a raw source at a path public/ also copies to', () => {
  it('is copied over what public/ gave, as a clean build does, not carried', async () => {
    const root = copyProject();
    const name = '000_3f254b3f231ddcb4.txt';
    mkdirSync(join(root, 'public', 'sources'));
    writeFileSync(join(root, 'public', 'sources', name), 'not the source\n');
    const env = { ...process.env, ARSHIF_SEARCH_DELTA_PAGES: '0' };
    const site = join(root, '_site');
    const cache = join(root, '.cache', 'sources-test');
    for (let i = 0; i < 2; i++) {
      const built = await runBuild(root, ['--output', site, '--cache-dir', cache, '--quiet'], env);
      assert.equal(built.code, 0, built.output);
    }
    const clean = await runBuild(root, ['--output', join(root, '_clean'), '--no-cache', '--quiet'], env);
    assert.equal(clean.code, 0, clean.output);
    assert.deepEqual(treeDifferences(site, join(root, '_clean'), ['the build with the cache', 'the clean build']), []);
    assert.deepEqual(readFileSync(join(site, 'sources', name)), readFileSync(join(root, 'content', 'sources', name)));
  });
});
