/**
 * A throwaway copy of the whole project (code, layouts, content, config; node_modules linked) in
 * a temporary folder, to run the real commands on where a mistake could delete files, and a hash
 * of a folder tree to compare before and after.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, readFileSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/paths.ts';
import { tempDir } from './site.ts';

const COPIED = ['.eleventy.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'bin', 'src', 'layouts', 'public', 'content'];

/** The copy's folder (its content/ is the seed content). */
export function copyProject(): string {
  const root = join(tempDir('arshif-project-'), 'project');
  for (const name of COPIED) cpSync(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/**
 * Every entry under `dir` (files by their bytes' sha256, folders, links by their target), one
 * line each, sorted; node_modules (a link) by its target only.
 */
export function treeListing(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const rel = relative(dir, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        out.push(`${rel}/`);
        walk(path);
      } else out.push(`${rel} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

/** One hash of the whole tree. */
export function treeHash(dir: string): string {
  return createHash('sha256').update(treeListing(dir).join('\n')).digest('hex');
}

/** Runs `node --import tsx SCRIPT ARGS` of the copy, in the copy. */
export function runIn(root: string, script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARSHIF_TODAY: '2026-11-21', ...env },
    timeout: 300_000,
  });
}
