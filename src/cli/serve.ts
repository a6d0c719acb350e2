/**
 * `npm start`: the editing loop. Builds the site once as `npm run build` does (build(), with its
 * cache and its swap into place), serves it on http://localhost:8080/ (from the start: the
 * previous site, if any, while that build runs; src/site/dev-server.ts:
 * the published sources' headers, 404.html, live reload), and watches what the build reads:
 * content/ (articles, events, data, sources), layouts/ (layouts/pages/ too) and public/. On a
 * change (debounced: `npm run add` writes several files) it builds again with build() and tells
 * the open pages to reload. One line per rebuild: what changed and how long it took.
 *
 *   tsx src/cli/serve.ts [--port N] [--content DIR] [--output DIR] [--cache-dir DIR | --no-cache] [--site-url URL] [--quiet]
 *
 * A build that fails (a content problem) prints its one-line problems and leaves the last good
 * site in place and served; the next change tries again. A change during a build waits for it,
 * and all the changes made meanwhile give one build after it. What the server sends is the
 * built files, byte for byte as `npm run build` writes them, but for one script tag added to
 * each HTML page as it is sent. `--port 0` takes any free port (the line saying where it serves
 * names it). Changes to src/ need a restart.
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { clearProgress } from '../core/phase-log.ts';
import { CoalescingRunner } from '../core/coalescing-runner.ts';
import { watchTree, type TreeWatcher } from '../core/watch-tree.ts';
import { buildConfig } from '../core/config.ts';
import { needsHeapRoom, rerunWithHeapRoom } from '../core/heap-room.ts';
import { DEFAULT_CONTENT_DIR, displayPath, LAYOUTS_DIR, PUBLIC_DIR } from '../core/paths.ts';
import { exampleUrlWarning, parseSiteUrl } from '../core/site-url.ts';
import { PortInUse } from '../core/static-server.ts';
import { serveSite, type DevServer } from '../site/dev-server.ts';
import { describeChanges, ignoredName, InputSnapshot } from '../site/input-changes.ts';
import { OutputRefusal } from '../site/output-folder.ts';
import { build, failureLines, type BuildOptions } from './build.ts';
import { keepDataFileReads } from '../content/data-file.ts';
import { readCommandArgs } from '../core/command-args.ts';

/** How long the files must stay still before a rebuild starts. */
export const QUIET_MS = 150;
export const DEFAULT_PORT = 8080;

const USAGE = 'usage: npm start -- [--port N] [--content DIR] [--output DIR] [--cache-dir DIR | --no-cache] [--site-url URL] [--quiet]';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints lines to stderr, after wiping the progress line. */
function say(...lines: string[]): void {
  clearProgress();
  for (const line of lines) console.error(line);
}

async function main(): Promise<number> {
  const spec = {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    content: { type: 'string' },
    output: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    'site-url': { type: 'string' },
  } as const;
  const args = readCommandArgs({ name: 'arshif', usage: USAGE, options: spec });
  if ('exit' in args) return args.exit;
  const { values } = args;
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    say(`arshif: --port ${values.port}: not a port; pass a whole number from 1 to 65535 (0 for any free one)`);
    return 2;
  }
  let siteUrl: string | undefined;
  if (values['site-url'] !== undefined) {
    const parsed = parseSiteUrl(values['site-url']);
    if ('error' in parsed) {
      say(`arshif: ${parsed.error}`);
      return 2;
    }
    siteUrl = parsed.url;
  }
  const contentDir = resolve(values.content ?? DEFAULT_CONTENT_DIR);
  if (needsHeapRoom(contentDir)) return rerunWithHeapRoom();
  keepDataFileReads(); // a data file unchanged since the last rebuild is not parsed again
  const cacheDir = values['no-cache'] ? null : values['cache-dir'] ? resolve(values['cache-dir']) : undefined;
  const config = buildConfig({ contentDir, outputDir: values.output, cacheDir });
  const options: BuildOptions = {
    contentDir,
    outputDir: config.outputDir,
    // Eleventy's own lines are not the log's; the progress line is, unless --quiet
    quiet: true,
    progress: !values.quiet,
    // what the build cache gave stays in memory for the next rebuild (a stat instead of a read)
    keep: true,
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    ...(siteUrl !== undefined ? { siteUrl } : {}),
    outputFlag: values.output === undefined ? 'the site folder' : '--output',
  };
  const site = displayPath(config.outputDir);

  // Watched before the first build, so that an edit made during it is built after it.
  const roots = [contentDir, LAYOUTS_DIR, PUBLIC_DIR].filter((dir) => existsSync(dir));
  const snapshot = new InputSnapshot(roots);
  const session = Date.now().toString(36);
  let builds = 0;
  let server: DevServer | undefined;
  // The previous site's folder, still being removed after the last build (build()'s deferOldRemoval): awaited before the next build.
  let removing: Promise<void> | undefined;
  const buildHere = async () => {
    await removing;
    const result = await build({ ...options, deferOldRemoval: true });
    removing = result.oldRemoved;
    return result;
  };

  const runner = new CoalescingRunner<string>(
    async (paths) => {
      const changes = snapshot.update(paths);
      if (!changes.length) return;
      const what = describeChanges(changes, contentDir);
      const started = performance.now();
      try {
        await buildHere();
      } catch (error) {
        const lines = failureLines(error, `still serving the last good site from ${site}; save a fix to build again`);
        say(`arshif: ${what}`, ...lines);
        return;
      }
      builds++;
      server?.announce(`${session}-${builds}`);
      say(`arshif: ${what}; rebuilt in ${seconds(performance.now() - started)}`);
    },
    QUIET_MS,
    (error) => say(`arshif: the rebuild failed unexpectedly: ${(error as Error)?.message ?? String(error)}`),
  );
  // what the build writes is never a change to build again (a cache or output folder inside a watched one)
  const written = [config.outputDir, config.cacheDir].filter((dir): dir is string => !!dir);
  const ours = (path: string) => written.some((dir) => path === dir || path.startsWith(dir + sep));
  const watchers: TreeWatcher[] = roots.map((root) =>
    watchTree(
      root,
      (path) => {
        if (!ours(path)) runner.push(path);
      },
      ignoredName,
    ),
  );

  // Served from the start: the previous site, if there is one, while the first build runs (its
  // pages reload when the build is in place), and a port in use is said before any building.
  try {
    server = await serveSite(config.outputDir, port, `${session}-${builds}`);
  } catch (error) {
    for (const watcher of watchers) watcher.close();
    runner.close();
    if (error instanceof PortInUse) {
      say(`arshif: port ${port} is in use (another npm start?); pass --port N for another`);
      return 2;
    }
    throw error;
  }
  const watched = roots.map((root) => `${displayPath(root)}${sep}`).join(', ');
  const before = existsSync(config.outputDir) ? 'the previous site until the build is done' : 'nothing until the build is done';
  say(`arshif: serving ${server.url} (${before}); watching ${watched} for changes; Ctrl-C stops`);

  await runner
    .exclusive(async () => {
      const started = performance.now();
      try {
        const result = await buildHere();
        builds++;
        server?.announce(`${session}-${builds}`);
        say(`arshif: built ${result.articles} articles into ${site} in ${seconds(performance.now() - started)}`);
        const warning = exampleUrlWarning(result.siteUrl);
        if (warning) say(warning);
      } catch (error) {
        if (error instanceof OutputRefusal) throw error;
        const kept = existsSync(config.outputDir) ? `still serving the last good site from ${site}` : 'nothing to serve yet';
        say(...failureLines(error, `${kept}; save a fix to build again`));
      }
    })
    .catch(async (error: unknown) => {
      for (const watcher of watchers) watcher.close();
      runner.close();
      await server?.close();
      throw error;
    });

  const stop = (code: number) => {
    for (const watcher of watchers) watcher.close();
    runner.close();
    // the previous site's folder is removed before the process ends (else the next build would)
    void Promise.allSettled([server?.close(), removing]).finally(() => process.exit(code));
  };
  process.once('SIGINT', () => stop(130));
  process.once('SIGTERM', () => stop(143));
  return -1; // serves until stopped
}

if (process.argv[1] && resolve(process.argv[1]).endsWith(join('src', 'cli', 'serve.ts'))) {
  main().then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (error: unknown) => {
      const lines = failureLines(error, 'nothing is served');
      say(...lines);
      process.exit(2);
    },
  );
}
