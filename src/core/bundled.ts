/**
 * Whether this process runs from the bundle bin/arshif.mjs makes of src/ (the project's commands
 * do), or from the TypeScript sources through tsx (the tests do), and what differs between the
 * two: the module a worker thread loads, and the command that runs this one again.
 *
 * bin/arshif.mjs writes the bundle's folder into the bundle (esbuild's `define` of the name
 * below); under tsx it is not defined, and `typeof` says so.
 */
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LAUNCHER, PROJECT_ROOT } from './paths.ts';

declare const ARSHIF_BUNDLE_DIR: string | undefined;

/** The bundle's folder, when this process runs from it. */
export const BUNDLE_DIR: string | undefined = typeof ARSHIF_BUNDLE_DIR === 'string' ? ARSHIF_BUNDLE_DIR : undefined;

/**
 * The module to load for source module `source` (a .ts file of the project): itself under tsx,
 * its bundled twin (bin/arshif.mjs's WORKER_MODULES) when this process runs from the bundle.
 */
export function runnableModule(source: URL, bundleDir: string | undefined = BUNDLE_DIR): URL {
  if (!bundleDir || source.protocol !== 'file:') return source;
  const path = relative(PROJECT_ROOT, fileURLToPath(source));
  return pathToFileURL(join(bundleDir, path.replace(/\.ts$/, '.mjs')));
}

/**
 * The arguments (after Node's own) that run this same command again: `bin/arshif.mjs COMMAND
 * ARGS` from the bundle (where process.argv[1] is the command's source file, src/cli/COMMAND.ts),
 * else process.argv as it is (`--import tsx` is among Node's own arguments then).
 */
export function relaunchArguments(argv: readonly string[] = process.argv, bundleDir: string | undefined = BUNDLE_DIR): string[] {
  if (!bundleDir || !argv[1]) return argv.slice(1);
  return launchArguments(basename(argv[1]).replace(/\.ts$/, ''), argv.slice(2));
}

/** The arguments for Node (process.execPath) that run project command `command` (src/cli/COMMAND.ts) from the bundle, as `npm run` does. */
export function launchArguments(command: string, args: readonly string[]): string[] {
  return [LAUNCHER, command, ...args];
}
