/**
 * `npm run build`: validates content/, builds the site with Eleventy into a fresh folder beside
 * the output, indexes it for search, then swaps it into place, so an interrupted build leaves
 * the previous site intact. Content problems print one line each and exit 1, without a stack.
 *
 *   tsx src/build.ts [--content DIR] [--output DIR] [--quiet]
 *   tsx src/build.ts --serve [--port N]     build, then rebuild on change with live reload
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { findArshifError, formatProblem } from './content/problem.ts';
import { getArchive } from './site/load-archive.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from './site/paths.ts';

export interface BuildOptions {
  contentDir?: string;
  outputDir?: string;
  quiet?: boolean;
}

export interface BuildResult {
  outputDir: string;
  articles: number;
  seconds: number;
}

/** Builds the site. Throws ArshifError for content problems. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = resolve(options.contentDir ?? DEFAULT_CONTENT_DIR);
  const outputDir = resolve(options.outputDir ?? join(PROJECT_ROOT, '_site'));
  const archive = getArchive(contentDir); // validates everything before Eleventy starts
  const staging = join(dirname(outputDir), `.${basename(outputDir)}.building-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  process.env.ARSHIF_CONTENT = contentDir;
  try {
    const eleventy = new Eleventy(contentDir, staging, {
      configPath: join(PROJECT_ROOT, '.eleventy.ts'),
      quietMode: true,
    });
    if (options.quiet) eleventy.setIsVerbose?.(false);
    await eleventy.write();
    await swapInto(staging, outputDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { outputDir, articles: archive.counts.articles, seconds: (performance.now() - started) / 1000 };
}

/** Replaces `target` by `fresh` with two renames; the old site is removed only after. */
async function swapInto(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const hadOld = existsSync(target);
  if (hadOld) await rename(target, old);
  await rename(fresh, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

async function serve(contentDir: string, port: number): Promise<void> {
  process.env.ARSHIF_CONTENT = resolve(contentDir);
  getArchive(resolve(contentDir));
  const eleventy = new Eleventy(resolve(contentDir), join(PROJECT_ROOT, '_site'), {
    configPath: join(PROJECT_ROOT, '.eleventy.ts'),
    runMode: 'serve',
    source: 'cli',
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string' },
      output: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
    },
  });
  try {
    if (values.serve) {
      await serve(values.content ?? DEFAULT_CONTENT_DIR, Number(values.port));
      return -1; // keeps running
    }
    const result = await build({ contentDir: values.content, outputDir: values.output, quiet: values.quiet });
    if (!values.quiet) console.log(`arshif: built ${result.articles} articles into ${result.outputDir} in ${result.seconds.toFixed(1)} s`);
    return 0;
  } catch (error) {
    const known = findArshifError(error);
    if (known) {
      for (const problem of known.problems) console.error(formatProblem(problem));
      console.error(`arshif: ${known.problems.length} problem${known.problems.length === 1 ? '' : 's'} found; the site was not built (the previous _site/ is untouched).`);
      return 1;
    }
    console.error(`arshif: the build failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.ARSHIF_DEBUG) console.error(error);
    else console.error('arshif: run again with ARSHIF_DEBUG=1 for the full trace, and report it.');
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/build.ts')) {
  main().then((code) => {
    if (code >= 0) process.exit(code);
  });
}
