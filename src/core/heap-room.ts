/**
 * Room for a large archive in V8's heap. Node caps its heap at about 4 GB whatever the machine
 * has, and the archive model and Eleventy's pages outgrow that between 30,000 and 50,000 articles
 * (BENCHMARKS.md, "Notes from the code"). So a build of an archive that large
 * runs itself again in a child process with a cap of its own: most of the machine's memory.
 * Small archives are built in this process, as before.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { relaunchArguments } from './bundled.ts';
import { ENV, readEnvironment } from './config.ts';

/** From this many articles the heap is given room (well below where the default cap runs out). */
export const LARGE_ARCHIVE = 20_000;
/** Set in the child, so that it does not do the same again. */
const RAISED = ENV.heapRaised;

/** The heap cap, in MiB, for a machine with `total` bytes of memory: three quarters of it. */
export function heapCapMiB(total: number = totalmem()): number {
  return Math.floor((total * 0.75) / 2 ** 20);
}

/** Whether a build of `contentDir` in this process should run in a child with a larger heap instead. */
export function needsHeapRoom(contentDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (readEnvironment(env).heapRaised) return false;
  let articles = 0;
  try {
    articles = readdirSync(join(contentDir, 'articles')).filter((name) => name.endsWith('.md')).length;
  } catch {
    return false; // the build itself reports a missing folder
  }
  return articles >= LARGE_ARCHIVE && getHeapStatistics().heap_size_limit / 2 ** 20 < heapCapMiB();
}

/** Runs this same command again with a heap cap of heapCapMiB(), and returns its exit code. */
export function rerunWithHeapRoom(): number {
  const args = [...process.execArgv, `--max-old-space-size=${heapCapMiB()}`, ...relaunchArguments()];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, [RAISED]: '1' } });
  return child.status ?? 1;
}
