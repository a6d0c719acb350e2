/**
 * Test helpers for built sites: a copy of the seed content in a temporary folder (so a test may
 * add or break files), a build of it, and the seed site built once per test process.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/site/paths.ts';

/** A fresh temporary folder. */
export function tempDir(prefix = 'arshif-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
  await build({ contentDir, outputDir, quiet: true });
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
