/**
 * Issue 18, cases 1, 2 and 7: the build owns only what it made. Each case runs the real
 * command (`src/cli/build.ts`) in a throwaway copy of the project and hashes the whole tree before
 * and after: a refused output leaves every file as it was, with exit 2 and one line saying why
 * and what to do; the user's own `_site.old-<number>` folders survive a build.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { recoverInterruptedBuilds } from '../src/cli/build.ts';
import { writeManifest } from '../src/site/manifest.ts';
import { markTemporary, outputProblem, removeTemporary } from '../src/site/output-folder.ts';
import { copyProject, runIn, treeHash, treeListing } from './helpers/project-copy.ts';
import { tempDir } from './helpers/site.ts';

const BUILD = join('src', 'cli', 'build.ts');

/** The refusal's lines, without the closing "nothing was built" line. */
function refusal(stderr: string): string[] {
  return stderr
    .trim()
    .split('\n')
    .filter((l) => !/nothing was built or removed/.test(l));
}

describe('build: an output folder it did not make is refused, and nothing is touched (issue 18.1, 18.7)', () => {
  const root = copyProject();
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'mine.txt'), 'my own notes\n');
  writeFileSync(join(root, 'a-file.txt'), 'a file of mine\n');
  const cases: Array<[string, string[], RegExp]> = [
    ['the content folder', ['--output', 'content'], /--output content: is or holds the content folder/],
    ['the project folder', ['--output', '.'], /--output \.: is or holds the project folder/],
    ['a folder holding the project', ['--output', '..'], /is or holds the project folder/],
    ['a folder inside content/', ['--output', 'content/site'], /lies inside the content folder/],
    ['a folder inside content/articles', ['--output', 'content/articles/x'], /lies inside the content folder/],
    ['src/', ['--output', 'src'], /lies inside the project's own src\/ folder/],
    ['the cache folder', ['--output', '.cache'], /is or holds the cache folder/],
    ['a folder of the user\u2019s own', ['--output', 'notes'], /is a folder the build did not make \(it holds 1 file and no \.arshif-manifest\.json\)/],
    ['a regular file', ['--output', 'a-file.txt'], /is a file, not a folder/],
    ['a cache folder inside content/', ['--cache-dir', 'content/.cache'], /--cache-dir content\/\.cache: is, holds or lies inside the content folder/],
    ['the content folder as cache', ['--cache-dir', 'content'], /--cache-dir content: is, holds or lies inside the content folder/],
  ];
  for (const [what, args, expected] of cases) {
    it(what, () => {
      const before = treeHash(root);
      const result = runIn(root, BUILD, [...args, '--quiet']);
      assert.equal(result.status, 2, result.stderr);
      const lines = refusal(result.stderr);
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0] ?? '', expected);
      assert.match(lines[0] ?? '', /; pass --(output|cache-dir) /, 'says what to do');
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(treeHash(root), before, `${args.join(' ')} changed the project tree`);
    });
  }
});

describe('build: the user\u2019s folders named like its temporaries survive (issue 18.2)', () => {
  it('a `cp -r _site _site.old-2020` backup and a `mv _site _site.old-2019` stay byte for byte', { timeout: 400_000 }, () => {
    const root = copyProject();
    const first = runIn(root, BUILD, ['--quiet']);
    assert.equal(first.status, 0, first.stderr);
    cpSync(join(root, '_site'), join(root, '_site.old-2020'), { recursive: true });
    renameSync(join(root, '_site'), join(root, '_site.old-2019'));
    mkdirSync(join(root, '._site.building-2021'));
    writeFileSync(join(root, '._site.building-2021', 'mine.html'), '<p>mine</p>\n');
    const kept = ['_site.old-2020', '_site.old-2019', '._site.building-2021'].map((n) => [n, treeListing(join(root, n))] as const);
    const second = runIn(root, BUILD, ['--quiet']);
    assert.equal(second.status, 0, second.stderr);
    for (const [name, listing] of kept) {
      assert.ok(existsSync(join(root, name)), `${name} was removed`);
      assert.deepEqual(treeListing(join(root, name)), listing, `${name} was changed`);
    }
    assert.ok(existsSync(join(root, '_site', 'index.html')), 'the new site is in place');
  });

  it('recovery removes only folders carrying the build\u2019s marker under their own name', async () => {
    const parent = tempDir('arshif-marker-');
    const out = join(parent, '_site');
    const DEAD = 99_999_999;
    const site = (dir: string) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), dir);
      writeManifest(dir);
    };
    site(out);
    site(`${out}.old-${DEAD}`); // a copy with the manifest but without the marker: the user's
    site(`${out}.old-${DEAD - 1}`);
    markTemporary(`${out}.old-${DEAD - 1}`, `_site.old-${DEAD - 1}`); // the build's
    site(`${out}.old-${DEAD - 2}`);
    markTemporary(`${out}.old-${DEAD - 2}`, `_site.old-${DEAD - 3}`); // a marker naming another folder: moved by hand
    mkdirSync(join(parent, `._site.building-${DEAD}`)); // killed before it was marked: empty, removed
    mkdirSync(join(parent, `._site.building-${DEAD - 1}`));
    writeFileSync(join(parent, `._site.building-${DEAD - 1}`, 'mine.txt'), 'mine'); // unmarked, with a file: kept
    const recovery = await recoverInterruptedBuilds(out);
    assert.deepEqual(recovery.removed, [`${out}.old-${DEAD - 1}`]);
    assert.ok(existsSync(`${out}.old-${DEAD}`) && existsSync(`${out}.old-${DEAD - 2}`));
    assert.equal(existsSync(join(parent, `._site.building-${DEAD}`)), false);
    assert.equal(readFileSync(join(parent, `._site.building-${DEAD - 1}`, 'mine.txt'), 'utf8'), 'mine');
  });

  it('finishes the removal of an old site cut short: still marked (the marker goes last), or empty', async () => {
    const DEAD = 99_999_999;
    const parent = tempDir('arshif-recover-');
    const out = join(parent, '_site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'new');
    writeManifest(out);
    // cut short mid-way: some pages gone, the manifest gone, the marker still there
    const half = `${out}.old-${DEAD}`;
    mkdirSync(join(half, 'articles'), { recursive: true });
    writeFileSync(join(half, 'articles', 'index.html'), 'old');
    markTemporary(half, basename(half));
    // cut short after the marker went, before the folder did
    mkdirSync(`${out}.old-${DEAD - 1}`);
    const recovery = await recoverInterruptedBuilds(out);
    assert.deepEqual(recovery.removed, [half]);
    assert.deepEqual(readdirSync(parent), ['_site']);
  });

  it('removes a temporary folder whole', async () => {
    const dir = join(tempDir('arshif-remove-'), '_site.old-1');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'page.html'), 'x');
    markTemporary(dir, basename(dir));
    await removeTemporary(dir);
    assert.equal(existsSync(dir), false);
  });
});

describe('outputProblem', () => {
  it('accepts a new folder, an empty one, and an earlier build', () => {
    const parent = tempDir('arshif-out-');
    const roles = { contentDir: join(parent, 'content'), cacheDir: null, projectRoot: join(parent, 'project') };
    mkdirSync(roles.contentDir);
    assert.equal(outputProblem(join(parent, 'new'), roles), undefined);
    mkdirSync(join(parent, 'empty'));
    assert.equal(outputProblem(join(parent, 'empty'), roles), undefined);
    mkdirSync(join(parent, 'built'));
    writeFileSync(join(parent, 'built', 'index.html'), 'x');
    writeManifest(join(parent, 'built'));
    assert.equal(outputProblem(join(parent, 'built'), roles), undefined);
    writeFileSync(join(parent, 'built', '.arshif-manifest.json'), '{"generator":"someone else"}');
    assert.match(outputProblem(join(parent, 'built'), roles) ?? '', /did not make/);
    assert.equal(readFileSync(join(parent, 'built', 'index.html'), 'utf8'), 'x');
  });
});
