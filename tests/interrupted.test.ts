/**
 * Interrupted runs: `build` and `add` killed with SIGKILL at random moments across their whole
 * run must leave things whole.
 *
 * - build: on a site folder holding a complete previous build, each run (with a site title of
 *   its own, so old and new sites differ in every page) is killed after a delay drawn from its
 *   own tenth of the measured build duration (the last reaching past the end). What is left
 *   must be the previous site, byte for byte, or a new site matching its own manifest; if the
 *   kill fell between the two renames, the previous site is whole under `_site.old-PID` and the
 *   next build's recovery puts it back. Then a normal build succeeds.
 * - add: on a fresh copy of the seed content each time, `add` is killed likewise; content must
 *   load without a problem, the seed files must be byte-identical, and adding the same file
 *   again must then succeed (or say it is already there, if the killed run had finished).
 *
 * The loops run side by side; each takes its tenths in random order and stops early (never
 * under five runs) rather than run past its time budget on a slow machine. Delays and outcomes are printed as
 * diagnostics, so a failure can be replayed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { recoverInterruptedBuilds } from '../src/cli/build.ts';
import { loadContent } from '../src/content/load.ts';
import { MANIFEST_NAME, TEMPORARY_MARKER, verifyManifest, writeManifest } from '../src/site/manifest.ts';
import { markTemporary } from '../src/site/output-folder.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { copySeedContent, tempDir } from './helpers/site.ts';

const BUILD = join(PROJECT_ROOT, 'src', 'cli', 'build.ts');
const ADD = join(PROJECT_ROOT, 'src', 'cli', 'add.ts');
const INPUT = join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', 'utf8-plain', 'input.txt');
const RUNS = 10;
/** What each loop may spend, its measuring run (and the final build) included. */
const BUDGET_MS = 80_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  ms: number;
}

/**
 * Runs `node --import tsx SCRIPT ARGS` in its own process group; with `killAfter`, sends it
 * SIGKILL after that many milliseconds (if it is still running). The group is killed as well
 * once the process is gone, so no helper it started (Pagefind, esbuild) outlives the run.
 */
function run(script: string, args: string[], killAfter?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ARSHIF_TODAY: '2026-11-21' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    let ms = 0;
    child.on('error', reject);
    child.on('exit', () => {
      ms = performance.now() - started;
      if (timer) clearTimeout(timer);
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // the group is already gone
      }
    });
    child.on('close', (code, signal) => resolve({ code, signal, output, ms }));
  });
}

/** Every file under `dir` (the manifest included) → its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return out;
}

/** Paths that differ between two snapshots; empty when byte-identical. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [path, bytes] of a) if (!b.get(path)?.equals(bytes)) out.push(b.has(path) ? `${path} differs` : `${path} missing`);
  for (const path of b.keys()) if (!a.has(path)) out.push(`${path} added`);
  return out;
}

const setTitle = (content: string, title: string) => {
  const path = join(content, 'data', 'site.yml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
};
const titleOf = (k: number) => `أرشيف تجربة ${k} نهاية`;

/** Stratified delays: run k is killed within the k-th tenth of 1.1 × the duration. */
const delayFor = (k: number, duration: number) => Math.round(((k + Math.random()) / RUNS) * duration * 1.1);

/** 0…RUNS-1 in random order, so a loop cut short still samples the whole run, its end included. */
function shuffledStrata(): number[] {
  const order = Array.from({ length: RUNS }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * Whether the kill loop should stop before run k: after at least five runs, when another run
 * (a kill and a complete rerun, about 2.2 × a run's duration) would overrun the budget. Says so.
 */
function outOfTime(t: TestContext, k: number, testStarted: number, duration: number): boolean {
  const elapsed = performance.now() - testStarted;
  if (k < 5 || elapsed + 2.2 * duration <= BUDGET_MS) return false;
  t.diagnostic(`stopping after ${k} runs: ${Math.round(elapsed)} ms spent of a ${BUDGET_MS} ms budget`);
  return true;
}

/** What lies beside the site folder, apart from the site itself. */
const leftovers = (out: string) => readdirSync(dirname(out)).filter((name) => name !== '_site');

describe('interrupted runs', { concurrency: true }, () => {
  it('build: a kill at any moment leaves the previous site or a complete new one', { timeout: 120_000 }, async (t) => {
    const testStarted = performance.now();
    const content = copySeedContent();
    const out = join(tempDir('arshif-kill-build-'), '_site');
    const args = ['--content', content, '--output', out, '--quiet'];

    setTitle(content, titleOf(0));
    const first = await run(BUILD, args);
    assert.equal(first.code, 0, first.output);
    assert.deepEqual(verifyManifest(out), []);
    const duration = first.ms;
    t.diagnostic(`a complete build (process start to exit) took ${Math.round(duration)} ms`);

    let previous = filesOf(out);
    const outcomes: string[] = [];
    const strata = shuffledStrata();
    for (let k = 0; k < RUNS; k++) {
      if (outOfTime(t, k, testStarted, duration)) break;
      const title = titleOf(k + 1);
      setTitle(content, title);
      const delay = delayFor(strata[k] as number, duration);
      const result = await run(BUILD, args, delay);
      let outcome: string;
      if (!existsSync(out)) {
        // Killed between the two renames: the previous site must be whole beside it.
        const olds = leftovers(out).filter((name) => name.startsWith('_site.old-'));
        assert.equal(olds.length, 1, `no _site and no single _site.old-PID: ${leftovers(out).join(', ')}`);
        // (It carries the build's marker, which makes it the build's to put back or remove.)
        const old = filesOf(join(dirname(out), olds[0] as string));
        assert.ok(old.delete(TEMPORARY_MARKER), 'the old site carries the marker');
        assert.deepEqual(differences(previous, old), []);
        outcome = 'between the renames';
      } else if (differences(previous, filesOf(out)).length === 0) {
        outcome = 'previous site';
      } else {
        assert.deepEqual(verifyManifest(out), [], `run ${k + 1} (killed at ${delay} ms) left a site that is neither the previous one nor complete`);
        assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes(title), 'a complete site that is not the new build');
        outcome = 'new site';
      }
      // What the next build does first: afterwards the site is whole and nothing is left beside it.
      await recoverInterruptedBuilds(out);
      assert.ok(existsSync(out), 'no site after recovery');
      const now = filesOf(out);
      if (differences(previous, now).length) assert.deepEqual(verifyManifest(out), []);
      assert.deepEqual(leftovers(out), [], 'left beside the site after recovery');
      outcomes.push(`${delay} ms → ${outcome}${result.signal ? '' : ` (finished, exit ${result.code})`}`);
      previous = now;
    }
    t.diagnostic(`kills: ${outcomes.join('; ')}`);
    assert.ok(outcomes.length >= 5);

    setTitle(content, titleOf(99));
    const last = await run(BUILD, args);
    assert.equal(last.code, 0, last.output);
    assert.deepEqual(verifyManifest(out), []);
    assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes(titleOf(99)));
    assert.deepEqual(leftovers(out), []);
  });

  it('build: the next build puts back a site left between the two renames, and clears dead builds’ folders', { timeout: 60_000 }, async () => {
    const root = tempDir('arshif-recover-');
    const out = join(root, '_site');
    const DEAD = 99_999_999; // above any pid_max: no such process
    const LIVE = process.pid;
    // Each left-over carries the build's marker naming it (a folder without one is the user's:
    // see build-output-safety.test.ts).
    const fakeSite = (dir: string, text: string) => {
      mkdirSync(join(dir, 'articles', 'a'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), text);
      writeFileSync(join(dir, 'articles', 'a', 'index.html'), `${text} a`);
      writeManifest(dir);
      markTemporary(dir, basename(dir));
    };
    const staging = (dir: string) => {
      mkdirSync(dir, { recursive: true });
      markTemporary(dir, basename(dir));
    };
    // Killed between the renames, with a half-written staging folder of the same dead build.
    fakeSite(`${out}.old-${DEAD}`, 'previous');
    staging(join(root, `._site.building-${DEAD}`));
    mkdirSync(join(root, `._site.building-${DEAD}`, 'articles'), { recursive: true });
    writeFileSync(join(root, `._site.building-${DEAD}`, 'articles', 'half.html'), '<!doctype');
    // A build of another, running process: never touched.
    staging(join(root, `._site.building-${process.ppid}`));
    const before = filesOf(`${out}.old-${DEAD}`);
    before.delete(TEMPORARY_MARKER); // removed once the folder is the site again

    // The build command recovers first, even when the content then stops it (exit 1).
    const broken = copySeedContent();
    writeFileSync(join(broken, 'data', 'site.yml'), 'title: [unclosed\n');
    const result = await run(BUILD, ['--content', broken, '--output', out, '--quiet']);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /the previous _site\/ is untouched/);
    assert.deepEqual(differences(before, filesOf(out)), []);
    assert.deepEqual(verifyManifest(out), []);
    assert.deepEqual(readdirSync(root).sort(), [`._site.building-${process.ppid}`, '_site']);

    // Killed after the swap, while removing the old site: the new site stays, the rest goes.
    fakeSite(`${out}.old-${DEAD}`, 'older');
    const recovery = await recoverInterruptedBuilds(out);
    assert.equal(recovery.restored, undefined);
    assert.deepEqual(differences(before, filesOf(out)), []);
    assert.deepEqual(readdirSync(root).sort(), [`._site.building-${process.ppid}`, '_site']);

    // An old folder that no longer matches its manifest (half removed) is not put back.
    fakeSite(`${out}.old-${DEAD}`, 'old');
    writeFileSync(join(`${out}.old-${DEAD}`, 'index.html'), 'changed');
    const moved = join(root, 'moved-away');
    renameSync(out, moved);
    await recoverInterruptedBuilds(out);
    assert.equal(existsSync(out), false);
    assert.deepEqual(readdirSync(root).sort(), [`._site.building-${process.ppid}`, 'moved-away']);
    // Our own process id on a folder we are not building: a dead process's, whose id we reuse.
    staging(join(root, `._site.building-${LIVE}`));
    await recoverInterruptedBuilds(out);
    assert.deepEqual(readdirSync(root).sort(), [`._site.building-${process.ppid}`, 'moved-away']);
    assert.ok(readFileSync(join(moved, MANIFEST_NAME), 'utf8').includes('"generator": "arshif"'));
  });

  it('add: a kill at any moment leaves content/ valid and the seed files intact; adding again then works', { timeout: 120_000 }, async (t) => {
    const testStarted = performance.now();
    const measure = copySeedContent();
    const first = await run(ADD, [INPUT, '--content', measure]);
    assert.equal(first.code, 0, first.output);
    const duration = first.ms;
    t.diagnostic(`a complete add took ${Math.round(duration)} ms`);
    const articleCount = (dir: string) => readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.md')).length;
    const sourceCount = (dir: string) => readdirSync(join(dir, 'sources')).filter((n) => !n.startsWith('.')).length;

    const outcomes: string[] = [];
    const strata = shuffledStrata();
    for (let k = 0; k < RUNS; k++) {
      if (outOfTime(t, k, testStarted, duration)) break;
      const content = copySeedContent();
      const seed = filesOf(content);
      const delay = delayFor(strata[k] as number, duration);
      const killed = await run(ADD, [INPUT, '--content', content], delay);
      const { problems } = loadContent(content);
      assert.deepEqual(problems, [], `killed at ${delay} ms: content has problems`);
      const now = filesOf(content);
      for (const [path, bytes] of seed) assert.ok(now.get(path)?.equals(bytes), `killed at ${delay} ms: seed file ${path} changed or lost`);
      const written = articleCount(content) === 6;
      const leftSource = sourceCount(content) === 6;

      const again = await run(ADD, [INPUT, '--content', content]);
      if (written) {
        assert.equal(again.code, 2, again.output);
        assert.match(again.output, /already holds this exact text/);
      } else {
        assert.equal(again.code, 0, `killed at ${delay} ms${leftSource ? ' after the raw source was written' : ''}; adding again: ${again.output}`);
      }
      assert.deepEqual(loadContent(content).problems, []);
      assert.equal(articleCount(content), 6);
      assert.equal(sourceCount(content), 6, 'the raw source is kept once');
      outcomes.push(`${delay} ms → ${written ? 'article written' : leftSource ? 'source only' : 'nothing written'}${killed.signal ? '' : ' (finished)'}`);
    }
    t.diagnostic(`kills: ${outcomes.join('; ')}`);
  });

  it('add: a raw source left by a run killed between its two writes is reused, not refused or copied', { timeout: 30_000 }, async () => {
    const content = copySeedContent();
    writeFileSync(join(content, 'sources', 'input.txt'), readFileSync(INPUT));
    writeFileSync(join(content, 'sources', '.input.txt.tmp-1-2'), readFileSync(INPUT).subarray(0, 100)); // a temp file cut short
    assert.deepEqual(loadContent(content).problems, []);
    const result = await run(ADD, [INPUT, '--content', content]);
    assert.equal(result.code, 0, result.output);
    assert.deepEqual(loadContent(content).problems, []);
    assert.deepEqual(
      readdirSync(join(content, 'sources'))
        .filter((n) => !n.startsWith('.'))
        .sort(),
      ['000_3f254b3f231ddcb4.txt', '001_81b2e9526438038c.txt', '002_6b309b54e1240de9.txt', '003_46747d5c7beb1e50.txt', '004_82199af67069a872.txt', 'input.txt'],
    );
  });
});
