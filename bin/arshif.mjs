#!/usr/bin/env node
/**
 * The project's commands (`npm run build`, `npm start`, `npm run add`, …) run from JavaScript
 * bundled once from src/, rather than through tsx's loader at run time (a loader round trip for
 * each of some 120 TypeScript files, and tsx compiling them on a fresh clone: about 1 s to 2.5 s
 * of a seed build; BENCHMARKS.md, "Startup (#15)").
 *
 *   node bin/arshif.mjs COMMAND [ARGS…]     COMMAND: one of COMMANDS (src/cli/COMMAND.ts)
 *
 * The bundle is made with esbuild (a dependency) in `.cache/bundle/KEY/` (ARSHIF_BUNDLE_DIR for
 * another folder than `.cache/bundle/`), where KEY is a hash of every file under src/, of
 * .eleventy.ts, tsconfig.json, package.json and package-lock.json, of this file, and of esbuild's
 * and Node's versions: a change to any of them makes a new bundle (about 0.3 s) before the
 * command runs, and an unchanged tree runs the one it has. Only src/ is bundled; the packages are
 * loaded from node_modules as they are (by path: the bundle's folder may be outside the project). Plain JavaScript, so that it runs before anything is built.
 *
 * What the bundle keeps as it is under tsx:
 * - `import.meta.url` in each source file is that file's own address (the plugin below writes it
 *   in), so the project's folders, `createRequire`, the browser scripts' entries and every
 *   `new URL('./x.ts', import.meta.url)` mean what they mean in the sources; a worker that loads
 *   a source module loads its bundled twin instead (src/core/bundled.ts);
 * - the code version the build cache keys on (src/cache/code-version.ts) is still computed from
 *   the source files on disk;
 * - stack traces name the source files and lines (a source map, and Node's source-map support
 *   turned on here); function and class names are kept;
 * - `process.argv[1]` is the command's source file, as with `tsx src/cli/build.ts`.
 *
 * ARSHIF_BUNDLE=0 runs the sources through tsx instead, in this process (to compare the two, or
 * if esbuild cannot run on a machine). A bundle that fails to build prints esbuild's messages
 * (file:line:column) and exits 2.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const LAUNCHER = fileURLToPath(import.meta.url);
export const ROOT = dirname(dirname(LAUNCHER));

/** The commands, each src/cli/NAME.ts. */
export const COMMANDS = ['build', 'serve', 'add', 'remove', 'list', 'package', 'timeline', 'bench'];

/** Source modules a worker thread loads by address (src/core/workers.ts's callers), bundled as entries of their own. */
export const WORKER_MODULES = ['src/analysis/derive/article-task.ts', 'src/analysis/derive/map-batch.ts', 'src/content/parse-task.ts'];

/** Eleventy's settings file, which Eleventy imports itself (src/site/eleventy-config.ts). */
export const ELEVENTY_SETTINGS = '.eleventy.ts';

/** The files beside src/ that the bundle depends on. */
const KEYED_FILES = ['.eleventy.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** Bundles kept beside the one in use: the most recently used. */
const KEEP = 3;
/** A bundle used within this time is never removed (a running `npm start` may still load from it). */
const KEEP_MS = 60 * 60 * 1000;

const OFF = /^(?:0|false|off|no)$/i;

/** The files under `dir`, sorted, as paths relative to ROOT. */
function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [])).sort();
}

/** The hash that names the bundle of the tree as it is now. */
export function bundleKey() {
  const hash = createHash('sha256');
  let esbuildVersion = 'missing';
  try {
    esbuildVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
  } catch {}
  hash.update(`root ${ROOT}\nnode ${process.version}\nesbuild ${esbuildVersion}\n`);
  for (const file of [relative(ROOT, LAUNCHER), ...KEYED_FILES, ...filesUnder('src')]) {
    let bytes;
    try {
      bytes = readFileSync(join(ROOT, file));
    } catch {
      bytes = Buffer.from('missing');
    }
    hash.update(`file ${file.split(sep).join('/')} ${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder of the bundles. */
export function bundlesDir(env = process.env) {
  return env.ARSHIF_BUNDLE_DIR?.trim() || join(ROOT, '.cache', 'bundle');
}

/** The bundled module of a source file (a path relative to ROOT, `.ts`), in bundle folder `dir`. */
export function bundledPath(dir, source) {
  return join(dir, source.replace(/\.ts$/, '.mjs'));
}

/**
 * An esbuild plugin: each source file's `import.meta.url` becomes that file's own address, so
 * that the bundled code finds what the source finds; and packages are imported by path.
 */
const sourceAddresses = {
  name: 'arshif-source-addresses',
  setup(build) {
    // A package is imported by its file's absolute path, resolved as Node resolves it from the
    // project, so that a bundle in a folder outside the project (ARSHIF_BUNDLE_DIR) finds it.
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return undefined;
      return { path: fileURLToPath(import.meta.resolve(args.path)), external: true };
    });
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Makes the bundle of the tree as it is into `target`; gives esbuild's error messages when it cannot. */
async function makeBundle(target) {
  const { build, stop } = await import('esbuild');
  const staging = `${target}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const entries = [...COMMANDS.map((name) => `src/cli/${name}.ts`), ...WORKER_MODULES, ELEVENTY_SETTINGS];
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: entries,
      outbase: '.',
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      sourcemap: 'linked',
      sourcesContent: false,
      keepNames: true,
      logLevel: 'silent',
      define: { ARSHIF_BUNDLE_DIR: JSON.stringify(target) },
      plugins: [sourceAddresses],
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    await stop();
    const messages = (error.errors ?? []).map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${m.text}` : m.text));
    return messages.length ? messages : [String(error?.message ?? error)];
  }
  // esbuild's process is ended (and waited for, so its time counts as this command's) rather than left idle beside the command
  await stop();
  writeFileSync(join(staging, '.complete'), `${entries.join('\n')}\n`);
  try {
    renameSync(staging, target);
  } catch {
    // another command made the same bundle meanwhile: use that one
    rmSync(staging, { recursive: true, force: true });
  }
  return [];
}

/** Removes the bundles not used lately, beyond the KEEP most recent. */
function pruneBundles(dir, keep) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && join(dir, e.name) !== keep);
  } catch {
    return;
  }
  const now = Date.now();
  const used = entries
    .map((e) => {
      const path = join(dir, e.name);
      try {
        return { path, mtime: statSync(path).mtimeMs };
      } catch {
        return { path, mtime: now };
      }
    })
    .sort((a, b) => b.mtime - a.mtime);
  for (const [i, { path, mtime }] of used.entries()) {
    if (i >= KEEP - 1 && now - mtime > KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The folder of a bundle of the tree as it is, made if need be; or esbuild's messages. */
export async function readyBundle(env = process.env) {
  const dir = bundlesDir(env);
  const target = join(dir, bundleKey());
  if (existsSync(join(target, '.complete'))) {
    try {
      const now = new Date();
      utimesSync(target, now, now); // used: see pruneBundles
    } catch {}
    return { dir: target, errors: [] };
  }
  mkdirSync(dir, { recursive: true });
  const errors = await makeBundle(target);
  if (!errors.length) pruneBundles(dir, target);
  return { dir: target, errors };
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!COMMANDS.includes(command ?? '')) {
    console.error(`arshif: the command must be one of ${COMMANDS.join(', ')}; got ${command === undefined ? 'none' : `"${command}"`}`);
    process.exit(2);
  }
  const source = join(ROOT, 'src', 'cli', `${command}.ts`);
  // As `tsx src/cli/COMMAND.ts ARGS` sees it: each command checks that it is the one run.
  process.argv.splice(1, process.argv.length - 1, source, ...args);
  if (OFF.test(process.env.ARSHIF_BUNDLE?.trim() ?? '')) {
    (await import('tsx/esm/api')).register();
    await import(pathToFileURL(source).href);
    return;
  }
  const { dir, errors } = await readyBundle();
  if (errors.length) {
    for (const line of errors) console.error(`arshif: ${line}`);
    console.error(`arshif: the commands could not be bundled from src/ (above); nothing was run. ARSHIF_BUNDLE=0 runs them through tsx.`);
    process.exit(2);
  }
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundledPath(dir, relative(ROOT, source))).href);
}

if (process.argv[1] && basename(process.argv[1]) === basename(LAUNCHER)) await main();
