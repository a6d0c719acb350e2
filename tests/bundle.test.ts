/**
 * The commands run from a bundle of src/ (bin/arshif.mjs), the tests through tsx: the two must
 * build the same site, byte for byte; the bundle must follow the sources (a changed file, a new
 * bundle); a failure's stack must name the source file; and every module a worker loads by
 * address must be bundled as an entry of its own.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { relaunchArguments, runnableModule } from '../src/core/bundled.ts';
import { LAUNCHER, PROJECT_ROOT } from '../src/core/paths.ts';
import { ENV } from '../src/core/config.ts';
import { copyProject } from './helpers/project-copy.ts';
import { runBuild, tempDir, treeDifferences } from './helpers/site.ts';
// @ts-expect-error: plain JavaScript, no declarations
import { COMMANDS, ELEVENTY_SETTINGS, WORKER_MODULES } from '../bin/arshif.mjs';

/** Runs `node bin/arshif.mjs ARGS` of project `root`. */
function launch(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(root, 'bin', 'arshif.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
}

/** The source files under `dir` (relative to the project). */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

describe('the commands run from a bundle of src/', () => {
  it('builds the seed content byte for byte as the sources do through tsx', async () => {
    const bundles = tempDir('arshif-bundle-');
    const viaTsx = join(tempDir(), '_site');
    const viaBundle = join(tempDir(), '_site');
    const tsx = await runBuild(PROJECT_ROOT, ['--output', viaTsx, '--no-cache', '--quiet']);
    assert.equal(tsx.code, 0, tsx.output);
    const bundled = launch(PROJECT_ROOT, ['build', '--output', viaBundle, '--no-cache', '--quiet'], { [ENV.bundleDir]: bundles });
    assert.equal(bundled.status, 0, bundled.stderr);
    assert.equal(readdirSync(bundles).length, 1, 'one bundle made');
    assert.deepEqual(treeDifferences(viaTsx, viaBundle, ['tsx', 'bundle']), []);
  });

  it('makes a new bundle when a source changes, and names the source file in a stack trace', () => {
    const root = copyProject();
    const bundles = join(root, '.cache', 'bundle');
    const first = launch(root, ['list', '--help']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /usage: npm run list/);
    const again = launch(root, ['list', '--help']);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(readdirSync(bundles).length, 1, 'the unchanged tree runs the bundle it has');

    appendFileSync(join(root, 'src', 'export', 'select.ts'), '\n// a change\n');
    assert.equal(launch(root, ['list', '--help']).status, 0);
    assert.equal(readdirSync(bundles).length, 2, 'a changed source makes a new bundle');

    const list = join(root, 'src', 'cli', 'list.ts');
    writeFileSync(
      list,
      readFileSync(list, 'utf8').replace('function main(argv: string[]): number {', 'function main(argv: string[]): number {\n  throw new Error("deliberate failure");'),
    );
    const failed = launch(root, ['list']);
    assert.notEqual(failed.status, 0);
    assert.match(failed.stderr, /deliberate failure/);
    assert.match(failed.stderr, /src\/cli\/list\.ts:\d+/, 'the stack names the source file and line');
  });

  it('says what is wrong when a source does not compile, and runs nothing', () => {
    const root = copyProject();
    appendFileSync(join(root, 'src', 'cli', 'list.ts'), '\nconst = ;\n');
    const run = launch(root, ['list', '--help']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /arshif: src\/cli\/list\.ts:\d+:\d+: /);
    assert.doesNotMatch(run.stdout, /usage/);
  });

  it('refuses an unknown command, naming the known ones', () => {
    const run = launch(PROJECT_ROOT, ['buidl']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /one of build, serve, add/);
  });

  it('runs through tsx with ARSHIF_BUNDLE=0, making no bundle', () => {
    const bundles = tempDir('arshif-bundle-');
    const run = launch(PROJECT_ROOT, ['list', '--help'], { [ENV.bundle]: '0', [ENV.bundleDir]: bundles });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /usage: npm run list/);
    assert.deepEqual(readdirSync(bundles), []);
  });

  it('bundles every command of src/cli/ and every module a worker loads by address', () => {
    // every file of src/cli/ but the help text add.ts prints
    const commands = readdirSync(join(PROJECT_ROOT, 'src', 'cli'))
      .filter((name) => name.endsWith('.ts') && name !== 'add-help.ts')
      .map((name) => name.replace(/\.ts$/, ''));
    assert.deepEqual([...commands].sort(), [...COMMANDS].sort());
    const loaded = new Set<string>();
    for (const file of sourcesUnder('src')) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      for (const m of text.matchAll(/module: new URL\((?:'([^']+)', )?import\.meta\.url\)/g)) {
        const url = new URL(m[1] ?? '', pathToFileURL(join(PROJECT_ROOT, file)));
        loaded.add(relative(PROJECT_ROOT, fileURLToPath(url)));
      }
    }
    assert.ok(loaded.size >= 3, `found ${[...loaded].join(', ')}`);
    assert.deepEqual([...loaded].sort(), [...WORKER_MODULES].sort());
    for (const source of [...WORKER_MODULES, ELEVENTY_SETTINGS]) assert.ok(existsSync(join(PROJECT_ROOT, source)), source);
  });

  it('maps a source module to its bundled twin, and runs itself again through the launcher', () => {
    const source = pathToFileURL(join(PROJECT_ROOT, 'src', 'content', 'parse-task.ts'));
    assert.equal(runnableModule(source, undefined).href, source.href);
    assert.equal(fileURLToPath(runnableModule(source, '/b/k')), '/b/k/src/content/parse-task.mjs');
    assert.deepEqual(relaunchArguments(['node', '/p/src/cli/build.ts', '--quiet'], undefined), ['/p/src/cli/build.ts', '--quiet']);
    assert.deepEqual(relaunchArguments(['node', '/p/src/cli/build.ts', '--quiet'], '/b/k'), [LAUNCHER, 'build', '--quiet']);
    assert.ok(existsSync(LAUNCHER));
  });
});
