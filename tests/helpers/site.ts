/**
 * Test helpers for built sites: a copy of the seed content in a temporary folder (so a test may
 * add or break files), a build of it, the seed site built once per test process, and a built
 * site's pages summarised as the build summarises the pages Eleventy returns.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/cli/build.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/core/paths.ts';
import { MANIFEST_NAME, siteFiles } from '../../src/site/manifest.ts';
import { summariseWritten, type WrittenSummary } from '../../src/site/post-process.ts';

const made: string[] = [];
let cleanUpHooked = false;

/**
 * A fresh temporary folder, removed when the test process exits (each test file runs in a
 * process of its own), so that test runs do not pile up folders in the system's temporary
 * folder. Set ARSHIF_KEEP_TEST_DIRS=1 to keep them for a look after a failure.
 */
export function tempDir(prefix = 'arshif-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  if (!cleanUpHooked && !process.env.ARSHIF_KEEP_TEST_DIRS) {
    cleanUpHooked = true;
    process.on('exit', () => {
      for (const folder of made) rmSync(folder, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Copies content/ into a temporary folder and returns the copy's path. */
export function copySeedContent(): string {
  const dir = join(tempDir(), 'content');
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

/** Builds `contentDir` into a temporary folder; returns the site folder. */
export async function buildSite(contentDir: string): Promise<string> {
  const outputDir = join(tempDir('arshif-site-'), '_site');
  // No search delta shard: the index is then the clean build's whatever the shared cache holds
  // from other tests' archives (the delta has tests of its own: search-delta.browser.test.ts).
  await build({ contentDir, outputDir, quiet: true, searchDeltaPages: 0 });
  return outputDir;
}

let seedSite: Promise<string> | undefined;

/** The seed content built once for this test process. */
export function seedSiteDir(): Promise<string> {
  seedSite ??= buildSite(DEFAULT_CONTENT_DIR);
  return seedSite;
}

export function readSiteFile(siteDir: string, path: string): string {
  return readFileSync(join(siteDir, path), 'utf8');
}

/** The HTML pages of a built site read back, summarised as the build summarises the pages Eleventy returns (summariseWritten). */
export function summariseSite(siteDir: string): WrittenSummary {
  const paths = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort();
  return summariseWritten(paths.map((path) => ({ path, html: readSiteFile(siteDir, path) })));
}

let shardedSeedSite: Promise<string> | undefined;

/**
 * The seed content built once for this test process with its search index split into shards
 * as small as they go (ARSHIF_SEARCH_SHARD_PAGES=1): two shards, 2017-09_2017-10 (one article)
 * and 2019-03_2019-04 (four). Built after seedSiteDir(), never beside it; and with no build
 * cache, so that it neither reads nor sweeps the shards the other builds keep.
 */
export function shardedSeedSiteDir(): Promise<string> {
  shardedSeedSite ??= (async () => {
    await seedSiteDir();
    const outputDir = join(tempDir('arshif-site-'), '_site');
    await build({ contentDir: DEFAULT_CONTENT_DIR, outputDir, quiet: true, cacheDir: null, searchShardPages: 1 });
    return outputDir;
  })();
  return shardedSeedSite;
}

/** Runs a project's build command (`root`'s src/cli/build.ts) in a process of its own; resolves with its exit code and output. */
export function runBuild(root: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'build.ts'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The paths that differ between two built sites, the manifest included: missing on either side (named by `names`), or with other bytes. */
export function treeDifferences(a: string, b: string, names: readonly [string, string]): string[] {
  const filesB = new Set(siteFiles(b).concat(MANIFEST_NAME));
  const diffs: string[] = [];
  for (const path of siteFiles(a).concat(MANIFEST_NAME)) {
    if (!filesB.has(path)) diffs.push(`${path}: only in ${names[0]}`);
    else if (!readFileSync(join(a, path)).equals(readFileSync(join(b, path)))) diffs.push(`${path}: bytes differ`);
    filesB.delete(path);
  }
  for (const path of filesB) diffs.push(`${path}: only in ${names[1]}`);
  return diffs;
}
