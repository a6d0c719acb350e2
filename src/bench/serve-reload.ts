/**
 * The benchmark's `npm start` figure: with the server running on the archive (src/cli/serve.ts,
 * in a child process, on a free port) and its home page open in Chromium, `npm run add` of a
 * new raw article (src/cli/add.ts, in a child process, as a user runs it), and the time from
 * starting add until the open page has reloaded and the new article's page is served. Also:
 * how long add itself took, and the rebuild the server's log line reports.
 *
 * Several articles are added one after the other to the same server and page, each timed on its
 * own: the first add pays for what the store lacks (the body fingerprints), the second is what a
 * user adding their next article waits for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchArguments } from '../core/bundled.ts';
import { ENV } from '../core/config.ts';
import { PROJECT_ROOT } from '../core/paths.ts';
import { OLD_SITE_REMOVED, PHASE_PREFIX, readPhaseLines, type PhaseLine } from '../core/phase-log.ts';
import { launchChromium } from './chromium.ts';
import { runMeasured } from './measure.ts';

export interface ReloadFigures {
  /** `npm run add` started → the page reloaded and the article's page served, in ms. */
  ms: number;
  /** `npm run add`'s own wall time, in ms. */
  addMs: number;
  /** The rebuild, as the server's log line says it. */
  rebuildMs: number;
  /** The server's log line for the rebuild. */
  logLine: string;
  articleId: string;
  /** The rebuild's phases (ARSHIF_PHASES in the server). */
  phases: PhaseLine[];
}

/** What the new article is: its raw text and what add is told of it (the rest add finds). */
export interface RawArticle {
  /** The text as a user would copy it off a page: headline, date line, paragraphs. */
  text: string;
  outlet: string;
}

export interface ReloadOptions {
  contentDir: string;
  outputDir: string;
  cacheDir: string;
  /** Where the raw text files are written. */
  workDir: string;
  /** Added in this order, each once the page has reloaded for the one before. */
  articles: RawArticle[];
  /** How long to wait for the server's first build and for the reload, in ms. */
  timeoutMs?: number;
}

const SERVING = /^arshif: serving (http:\/\/localhost:(\d+)\/)/m;
/** The first build's outcome: built (group 1), or its problems or failure. */
const FIRST_BUILD = /^arshif: (?:(built \d+ articles)|\d+ problems? found|the build failed)/m;
const REBUILT = /^arshif: (.*); rebuilt in (\d+(?:\.\d+)?) s$/m;
/** The phase line of the old site's removal, which the server runs after saying it rebuilt (src/cli/build.ts, deferOldRemoval). */
const REMOVED_LINE = new RegExp(`^${PHASE_PREFIX}.*"phase":${JSON.stringify(OLD_SITE_REMOVED)}[,}]`, 'm');
/** How long to wait for that removal before the next add; past it, the next add overlaps it. */
const OLD_SITE_WAIT_MS = 60_000;

/** Resolves with the first match of `pattern` in what `child` writes to stderr from `start` on (default: from now on). */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, seen: { text: string }, start = seen.text.length): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(seen.text.slice(start));
      if (!match) return;
      cleanup();
      resolve(match);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`npm start did not say ${pattern} within ${timeoutMs / 1000} s: ${seen.text.slice(-2000)}`));
    }, timeoutMs);
    const exit = (code: number | null) => {
      cleanup();
      reject(new Error(`npm start exited (${code}): ${seen.text.slice(-2000)}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stderr?.off('data', check);
      child.off('exit', exit);
    };
    child.stderr?.on('data', check);
    child.once('exit', exit);
    check();
  });
}

/** Figures for each of `options.articles`, in order. */
export async function measureAddToReload(options: ReloadOptions): Promise<ReloadFigures[]> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const server = spawn(
    process.execPath,
    launchArguments('serve', ['--content', options.contentDir, '--output', options.outputDir, '--cache-dir', options.cacheDir, '--port', '0', '--quiet']),
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, [ENV.phases]: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const seen = { text: '' };
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (seen.text += chunk));
  const browser = await launchChromium();
  try {
    const serving = await waitForLine(server, SERVING, timeoutMs, seen);
    const url = `http://127.0.0.1:${serving[2]}/`;
    // served from the start: the page is opened once the first build is in place
    const first = await waitForLine(server, FIRST_BUILD, timeoutMs, seen, 0);
    if (!first[1]) throw new Error(`npm start's first build failed: ${seen.text.slice(-2000)}`);
    const page = await browser.newPage();
    await page.goto(url);
    const figures: Omit<ReloadFigures, 'phases'>[] = [];
    // where each add's part of the server's log starts: its phases run to the next add's start
    const starts: number[] = [];
    for (const [index, article] of options.articles.entries()) {
      const raw = join(options.workDir, `npm-start-new-article-${index + 1}.txt`);
      writeFileSync(raw, article.text);
      starts.push(seen.text.length);
      const rebuilt = waitForLine(server, REBUILT, timeoutMs, seen);
      const reloaded = page.waitForEvent('load', { timeout: timeoutMs });
      const started = performance.now();
      // add reads the server's build cache, as with both on the default .cache/arshif/ (its parse cache: src/cli/add.ts)
      const add = await runMeasured(process.execPath, launchArguments('add', ['--content', options.contentDir, '--outlet', article.outlet, raw]), {
        cwd: PROJECT_ROOT,
        env: { ...process.env, [ENV.cacheDir]: options.cacheDir },
      });
      if (add.exitCode !== 0) throw new Error(`npm run add of article ${index + 1} failed (exit ${add.exitCode}): ${add.stderr.slice(-2000)}`);
      const articleId = /wrote \S*articles\/([^ /]+)\.md/.exec(add.stderr + add.stdout)?.[1];
      if (!articleId) throw new Error(`npm run add did not say which article it wrote: ${add.stderr.slice(-2000)}`);
      await reloaded;
      const response = await fetch(`${url}articles/${articleId}/`);
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`the page reloaded, but /articles/${articleId}/ is ${response.status}`);
      const line = await rebuilt;
      // the old site is removed after the rebuild's line, while the user already sees the page: the
      // next add starts once it is gone (the one before's was waited for), so that no add is timed
      // with another's removal; past the wait it goes on, but not past a server that exited
      await waitForLine(server, REMOVED_LINE, OLD_SITE_WAIT_MS, seen, starts[index]).catch((error: unknown) => {
        if (server.exitCode !== null || server.signalCode !== null) throw error;
      });
      figures.push({ ms, addMs: add.ms, rebuildMs: Number(line[2]) * 1000, logLine: line[0], articleId });
    }
    return figures.map((figure, index) => ({ ...figure, phases: readPhaseLines(seen.text.slice(starts[index], starts[index + 1])) }));
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', () => resolve())));
  }
}
