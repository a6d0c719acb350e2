/**
 * `npm run build`: validates content/, builds the site with Eleventy into a fresh folder beside
 * the output, indexes it for search, writes its manifest, then swaps it into place, so an
 * interrupted build leaves the previous site intact. Content problems print one line each and
 * exit 1, without a stack.
 *
 *   tsx src/cli/build.ts [--content DIR] [--output DIR] [--quiet] [--cache-dir DIR | --no-cache] [--site-url URL]
 *   tsx src/cli/build.ts --verify [--output DIR]  checks a built site against its manifest (exit 0 whole, 1 not)
 *
 * `npm start` (src/cli/serve.ts) calls build() again on each change, and serves what it swaps in.
 * On a terminal, a progress line shows the phase and how far it is (src/core/phase-log.ts),
 * unless `--quiet`.
 *
 * What is derived from each article's text is kept between builds in `.cache/arshif/`
 * (src/analysis/derive/; `--cache-dir DIR` or ARSHIF_CACHE_DIR for another folder, `--no-cache` or
 * ARSHIF_CACHE=0 for none), so a build after adding an article renders and scans that article
 * only. The site is the same either way.
 *
 * Interruptions (even SIGKILL, at any moment). For an output folder X (`_site`), a build with
 * process id P uses two names beside it: `.X.building-P` (the new site, being written) and
 * `X.old-P` (the previous site, for the instant of the swap). The swap is two renames, done
 * back to back with nothing in between: X → X.old-P, then .X.building-P → X; then X.old-P is
 * removed. What a kill leaves, and what the next build does about it first of all (see
 * recoverInterruptedBuilds), whatever its content:
 * - killed while writing: X is the previous site, untouched; `.X.building-P` is left over and
 *   removed, since P is no longer running;
 * - killed between the two renames (a window of two system calls): X is missing and
 *   `X.old-P` is the complete previous site: it is renamed back to X;
 * - killed after the swap, while removing `X.old-P`: X is the complete new site; the rest of
 *   `X.old-P` is removed.
 * A folder of a process that is still running is never touched. The manifest
 * (`X/.arshif-manifest.json`, src/site/manifest.ts) is written last, just before the swap, so
 * any X in place either matches its manifest exactly or is the previous site.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { findArshifError, formatProblem } from '../core/problem.ts';
import { forgetArchives, getArchive, getSearchLexicon } from '../model/load-archive.ts';
import { needsHeapRoom, rerunWithHeapRoom } from '../core/heap-room.ts';
import { OLD_SITE_REMOVED, phase, setProgress } from '../core/phase-log.ts';
import { PageSummaries, postProcessSite, writtenPages, type EleventyResult, type WrittenSummary } from '../site/post-process.ts';
import { renderEverything } from '../site/page-lists.ts';
import { renderBatches } from '../site/page-batches.ts';
import { releaseMemory } from '../core/release-memory.ts';
import { codeVersion, renderCodeVersion } from '../cache/code-version.ts';
import { PagePlan, readPageTable, type CarryReport, type PageTableRead } from '../site/carry-over.ts';
import { readSourceTable, SourcePlan, type SourceTable } from '../site/source-carry.ts';
import { BundlePlan, readBundleTable } from '../site/bundle-carry.ts';
import type { Archive } from '../model/views.ts';
import { KeptFonts } from '../site/font-cache.ts';

import { MANIFEST_NAME, verifyManifest, writeManifest } from '../site/manifest.ts';
import { checkBuildFolders, isMarkedTemporary, markTemporary, OutputRefusal, removeTemporary, unmark } from '../site/output-folder.ts';
import { cleanContentTemporaries } from '../core/atomic-write.ts';
import { exampleUrlWarning, parseSiteUrl } from '../core/site-url.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../core/paths.ts';
import { buildConfig, environment, type BuildConfig, type BuildFlags } from '../core/config.ts';
import { eleventyOptions } from '../site/eleventy-config.ts';
import { readCommandArgs } from '../core/command-args.ts';

export interface BuildOptions {
  contentDir?: string;
  outputDir?: string;
  quiet?: boolean;
  /** The derived-data store's folder, null for none; default: ARSHIF_CACHE / ARSHIF_CACHE_DIR, else .cache/arshif/. */
  cacheDir?: string | null;
  /** How refusals name the output folder (default `--output`). */
  outputFlag?: string;
  /** The site's public address for this build (`--site-url`), over site.yml's `url`; must be http(s). */
  siteUrl?: string;
  /** The pages a search-index shard aims at; default ARSHIF_SEARCH_SHARD_PAGES, else the index's own. */
  searchShardPages?: number;
  /** The pages a rebuild may put in the search index's delta shard (0: none); default ARSHIF_SEARCH_DELTA_PAGES, else the index's own. */
  searchDeltaPages?: number;
  /** Whether a terminal shows the progress line (src/core/phase-log.ts); default: not when `quiet`. */
  progress?: boolean;
  /** The item pages one Eleventy run renders at most (src/site/page-batches.ts); default ARSHIF_PAGE_BATCH, else DEFAULT_PAGE_BATCH. */
  pageBatch?: number;
  /** Keep what the build cache gave in this process's memory for the next build (`npm start`: src/cache/disk-store.ts, EntryMemory). */
  keep?: boolean;
  /**
   * Give back the removal of the previous site's folder as `oldRemoved` instead of waiting for
   * it (`npm start`: the pages reload as soon as the new site is in place, and the server waits
   * for the removal before it builds again). A removal cut short is finished by the next build.
   */
  deferOldRemoval?: boolean;
}

export interface BuildResult {
  outputDir: string;
  articles: number;
  seconds: number;
  /** The public address the site was built for. */
  siteUrl: string;
  /** Of the pages made one per item, how many were carried over from the previous site (none without a cache: src/site/carry-over.ts). */
  pages?: CarryReport;
  /** With `deferOldRemoval`: the removal of the previous site's folder, under way (it never rejects). */
  oldRemoved?: Promise<void>;
}

/** Builds the site. Throws ArshifError for content problems. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  setProgress(options.progress ?? !options.quiet);
  const flags: BuildFlags = { contentDir: options.contentDir, outputDir: options.outputDir, cacheDir: options.cacheDir, quiet: options.quiet, pageBatch: options.pageBatch };
  const { contentDir, outputDir, cacheDir } = buildConfig(flags);
  if (buildingHere.has(outputDir)) throw new Error(`${outputDir} is already being built by this process`);
  // The build owns only what it made: refused before anything beside the output is touched.
  checkBuildFolders(outputDir, { contentDir, cacheDir, outputFlag: options.outputFlag });
  await recoverInterruptedBuilds(outputDir);
  cleanContentTemporaries(contentDir);
  // One code version for everything kept between builds (the store, the search index's shards).
  const version = cacheDir ? codeVersion() : undefined;
  const given = options.siteUrl === undefined ? undefined : parseSiteUrl(options.siteUrl);
  if (given && 'error' in given) throw new Error(given.error);
  const config = buildConfig({ ...flags, ...(given ? { siteUrl: given.url } : {}) });
  // Read before the archive is loaded, which sweeps the store of what it did not use (src/site/carry-over.ts).
  const pageTable = cacheDir && version ? readPageTable(cacheDir, version, options.keep) : undefined;
  const sourceTable = pageTable && readSourceTable(pageTable.store);
  const bundleTable = pageTable && readBundleTable(pageTable.store);
  const keptFonts = pageTable && new KeptFonts(pageTable.store);
  // Validates everything before Eleventy starts (Eleventy's pages reuse this archive).
  const { articles, siteUrl } = await phase('content and archive model', () => {
    const archive = getArchive(contentDir, {
      cacheDir,
      ...(version ? { codeVersion: version } : {}),
      ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}),
      ...(options.keep ? { keep: true } : {}),
    });
    return { articles: archive.counts.articles, siteUrl: archive.site.url };
  });
  releaseMemory(); // what loading left behind (texts, parsed YAML), before Eleventy adds its pages to the archive
  const staging = stagingDir(outputDir, process.pid);
  buildingHere.add(outputDir);
  let old: string;
  let pages: CarryReport | undefined;
  let oldRemoved: Promise<void> | undefined;
  try {
    if (existsSync(staging)) {
      if (!isMarkedTemporary(staging))
        throw new OutputRefusal(`${staging}: is in the way of the build's temporary folder and was not made by it; move it elsewhere and build again`);
      await removeTemporary(staging);
    }
    mkdirSync(staging);
    markTemporary(staging, basename(staging));
    try {
      const plan = pageTable && (await phase('carry over', () => planPages(getArchive(contentDir), outputDir, staging, pageTable, options.keep)));
      const sources = sourceTable && planSources(outputDir, staging, sourceTable);
      const written = await phase('eleventy', () => writePages(config, staging, plan, sources));
      // Eleventy is done with the archive and the pages: only the lexicon and a summary of the
      // pages are needed from here on, and the memory of the rest goes back before the search
      // index (the largest step) is built.
      const lexicon = getSearchLexicon(contentDir);
      forgetArchives();
      releaseMemory(); // before the search index's Pagefind processes start: see release-memory.ts
      // The search index's files the previous site holds are carried over as the pages are (src/site/bundle-carry.ts).
      const bundles = bundleTable && new BundlePlan({ previousSite: outputDir, stagingDir: staging, table: bundleTable });
      const shardPages = options.searchShardPages ?? config.searchShardPages;
      const deltaPages = options.searchDeltaPages ?? config.searchDeltaPages;
      await postProcessSite(staging, lexicon, written, {
        cacheDir,
        ...(version ? { codeVersion: version } : {}),
        ...(shardPages ? { shardPages } : {}),
        ...(deltaPages !== undefined ? { deltaPages } : {}),
        keptFonts,
        ...(bundles ? { carry: bundles } : {}),
      });
      old = await phase('manifest, page table, swap', () => {
        const known = new Map([...(plan?.knownFiles() ?? []), ...(sources?.knownFiles() ?? []), ...(bundles?.knownFiles() ?? [])]);
        const manifest = writeManifest(staging, known); // the last write: from here on the new site is checkable
        if (plan && pageTable) plan.finish(pageTable.store, manifest.files);
        if (sources && pageTable) sources.finish(pageTable.store, manifest.files);
        if (bundles && pageTable) bundles.finish(pageTable.store, manifest.files);
        pages = plan?.report;
        return swapInto(staging, outputDir);
      });
    } catch (error) {
      await removeTemporary(staging);
      throw error;
    }
    // The new site is in place; what is left of the old one, if this fails or is cut short,
    // the next build removes.
    unmark(outputDir);
    if (isMarkedTemporary(old)) {
      const removal = phase(OLD_SITE_REMOVED, () => removeTemporary(old).catch(() => undefined));
      if (options.deferOldRemoval) oldRemoved = removal;
      else await removal;
    }
  } finally {
    buildingHere.delete(outputDir);
  }
  return { outputDir, articles, seconds: (performance.now() - started) / 1000, siteUrl, ...(pages ? { pages } : {}), ...(oldRemoved ? { oldRemoved } : {}) };
}

/**
 * Eleventy writes the pages (and copies the static files) into `outputDir`, in bounded batches of
 * one run each (src/site/page-batches.ts), each run's pages summarised and let go before the next;
 * the post-processing is the caller's, with the summary of the pages returned.
 */
async function writePages(config: BuildConfig, outputDir: string, plan?: PagePlan, sources?: SourcePlan): Promise<WrittenSummary> {
  const render = plan ? plan.takeRender() : renderEverything(getArchive(config.contentDir));
  const batches = renderBatches(render, config.pageBatch);
  const summaryOptions = plan?.summaryOptions();
  const summaries = new PageSummaries(summaryOptions?.onPage);
  let carriedFiles = plan?.carriedFiles(); // once: every batch refuses the same files (and the sources carried, after the first)
  let before = 0;
  let after = batches.reduce((n, b) => n + b.items, 0);
  for (const batch of batches) {
    after -= batch.items;
    const eleventy = new Eleventy(config.contentDir, outputDir, {
      ...eleventyOptions({
        ...config,
        render: batch.render,
        ...(carriedFiles ? { carriedFiles } : {}),
        ...(sources ? { sources } : {}),
        templates: batch.templates,
        otherPages: { before, after },
      }),
      quietMode: true,
    });
    if (config.quiet) eleventy.setIsVerbose?.(false);
    if (batches.length > 1) eleventy.disableLogger?.(); // not a line of "[11ty] Wrote N files" a run
    const [, templates] = (await eleventy.write()) as [unknown, EleventyResult[]];
    summaries.addWritten(writtenPages(outputDir, templates ?? []));
    before += templates?.length ?? 0;
    // The run that copies the static files carried the sources over as its last step (eleventy-plugin.ts): the runs after it refuse them too.
    if (batch.templates !== 'items' && sources?.carriedCount) carriedFiles = new Set([...(carriedFiles ?? []), ...sources.carriedFiles()]);
  }
  for (const summary of summaryOptions?.carried ?? []) summaries.add(summary);
  return summaries.written();
}

/**
 * The pages of this build to render, with those the previous site holds current carried into
 * the staging folder (src/site/carry-over.ts); the previous site is the output folder as it is.
 */
function planPages(archive: Archive, outputDir: string, staging: string, { table }: PageTableRead, keep = false): PagePlan {
  return new PagePlan(archive, { previousSite: outputDir, stagingDir: staging, table, renderVersion: renderCodeVersion(), keepTexts: keep });
}

/** The raw sources of this build, to carry from the previous site (the output folder as it is) into the staging folder (src/site/source-carry.ts). */
function planSources(outputDir: string, staging: string, table: SourceTable): SourcePlan {
  return new SourcePlan({ previousSite: outputDir, stagingDir: staging, table });
}

/** ` (98 of 120 item pages carried over from the previous build)`, or nothing without a cache. */
const carriedText = (pages: CarryReport | undefined) => (pages ? ` (${pages.carried} of ${pages.keyed} item pages carried over from the previous build)` : '');

const stagingDir = (outputDir: string, pid: number) => join(dirname(outputDir), `.${basename(outputDir)}.building-${pid}`);
const oldDir = (outputDir: string, pid: number) => `${outputDir}.old-${pid}`;

/**
 * Replaces `target` by `fresh` with two renames back to back (synchronous, so nothing runs in
 * between); returns the old site's folder, for the caller to remove.
 */
function swapInto(fresh: string, target: string): string {
  const old = oldDir(target, process.pid);
  if (existsSync(old)) throw new OutputRefusal(`${old}: is in the way of the build's temporary folder; move it elsewhere and build again`);
  if (existsSync(target)) {
    // Marked before it moves, so that whatever happens next the old site is known as ours.
    markTemporary(target, basename(old));
    renameSync(target, old);
    try {
      renameSync(fresh, target);
    } catch (error) {
      renameSync(old, target);
      unmark(target);
      throw error;
    }
  } else {
    renameSync(fresh, target);
  }
  return old;
}

/** Output folders this process is building now (a left-over folder with our own id is another, dead process's). */
const buildingHere = new Set<string>();

function isRunning(pid: number, outputDir: string): boolean {
  if (pid === process.pid) return buildingHere.has(outputDir);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Recovery {
  /** The `X.old-P` folder renamed back to X, if any. */
  restored?: string;
  /** Left-over folders removed. */
  removed: string[];
}

/**
 * Repairs what an interrupted build of `outputDir` left beside it (see the comment at the top):
 * puts the previous site back if the build was killed between its two renames, and removes the
 * staging and old folders of builds that are no longer running. Safe to call at any time.
 */
export async function recoverInterruptedBuilds(outputDir: string): Promise<Recovery> {
  const parent = dirname(outputDir);
  const base = basename(outputDir);
  const recovery: Recovery = { removed: [] };
  if (!existsSync(parent)) return recovery;
  const olds: Array<{ path: string }> = [];
  const stale: string[] = [];
  const deadPid = (text: string) => {
    const pid = Number(text);
    return /^[0-9]+$/.test(text) && Number.isSafeInteger(pid) && pid > 0 && !isRunning(pid, outputDir);
  };
  // Only folders carrying the build's marker under their own name are its left-overs: a user's
  // `cp -r _site _site.old-2020` or `mv _site _site.old-2019` is left alone.
  for (const name of readdirSync(parent).sort()) {
    const path = join(parent, name);
    if (name.startsWith(`${base}.old-`) && deadPid(name.slice(base.length + 5))) {
      if (isMarkedTemporary(path)) olds.push({ path });
      else removeIfEmpty(path); // killed between removing the marker and the folder (removeTemporary): nothing in it to lose
    } else if (name.startsWith(`.${base}.building-`) && deadPid(name.slice(base.length + 11))) {
      if (isMarkedTemporary(path)) stale.push(path);
      else removeIfEmpty(path); // killed between creating it and marking it: nothing in it to lose
    }
  }
  if (!existsSync(outputDir)) {
    // Killed between the renames: the previous site is whole under X.old-P. A folder whose
    // manifest does not match (half removed after a swap, then X deleted by hand) is not put back.
    const whole = olds.find((o) => !existsSync(join(o.path, MANIFEST_NAME)) || verifyManifest(o.path).length === 0);
    if (whole) {
      renameSync(whole.path, outputDir);
      recovery.restored = whole.path;
    }
  }
  // A marker left in the site in place (killed just before or after a swap's renames).
  if (existsSync(outputDir)) unmark(outputDir);
  for (const path of [...stale, ...olds.map((o) => o.path).filter((p) => p !== recovery.restored)]) {
    await removeTemporary(path);
    recovery.removed.push(path);
  }
  return recovery;
}

function removeIfEmpty(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // not empty, not a folder, or gone: not ours
  }
}

const USAGE = 'usage: npm run build -- [--content DIR] [--output DIR] [--cache-dir DIR | --no-cache] [--site-url URL] [--quiet]\n       npm run build -- --verify [--output DIR]';

async function main(): Promise<number> {
  const args = readCommandArgs({
    name: 'arshif',
    usage: USAGE,
    options: {
      content: { type: 'string' },
      output: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      'site-url': { type: 'string' },
    },
  });
  if ('exit' in args) return args.exit;
  const { values } = args;
  let siteUrl: string | undefined;
  if (values['site-url'] !== undefined) {
    const parsed = parseSiteUrl(values['site-url']);
    if ('error' in parsed) {
      console.error(`arshif: ${parsed.error}`);
      return 1;
    }
    siteUrl = parsed.url; // a child given more heap gets the same flag
  }
  if (values.serve) {
    console.error('arshif: --serve is now `npm start` (tsx src/cli/serve.ts [--port N]), which builds as this command does and rebuilds on change');
    return 2;
  }
  // The flags over the environment (src/core/config.ts).
  const cacheDir = values['no-cache'] ? null : values['cache-dir'] ? resolve(values['cache-dir']) : undefined;
  if (values.verify) {
    const site = resolve(values.output ?? join(PROJECT_ROOT, '_site'));
    const problems = verifyManifest(site);
    for (const problem of problems.slice(0, 20)) console.error(`${site}: ${problem}`);
    if (problems.length > 20) console.error(`… and ${problems.length - 20} more`);
    if (problems.length) console.error(`arshif: ${site} is not a complete build (${problems.length} problem${problems.length === 1 ? '' : 's'}); build again`);
    else console.log(`arshif: ${site} is complete: every file matches its manifest`);
    return problems.length ? 1 : 0;
  }
  try {
    if (needsHeapRoom(resolve(values.content ?? DEFAULT_CONTENT_DIR))) return rerunWithHeapRoom();
    const result = await build({
      contentDir: values.content,
      outputDir: values.output,
      quiet: values.quiet,
      ...(cacheDir !== undefined ? { cacheDir } : {}),
      ...(siteUrl !== undefined ? { siteUrl } : {}),
      outputFlag: values.output === undefined ? 'the site folder' : '--output',
    });
    if (!values.quiet) console.log(`arshif: built ${result.articles} articles into ${result.outputDir} in ${result.seconds.toFixed(1)} s${carriedText(result.pages)}`);
    const warning = exampleUrlWarning(result.siteUrl);
    if (warning) console.error(warning);
    return 0;
  } catch (error) {
    for (const line of failureLines(error, 'the previous _site/ is untouched')) console.error(line);
    return failureCode(error);
  }
}

/** The exit code of a build that threw `error`: 2 for a refused output folder or the unexpected, 1 for content problems. */
export function failureCode(error: unknown): number {
  if (error instanceof OutputRefusal) return 2;
  return findArshifError(error) ? 1 : 2;
}

/**
 * What a command says of a build that threw `error`, one line each, never a stack unless
 * ARSHIF_DEBUG: a refused output folder, the content's problems (then `kept`, what stays as it
 * was), or an unexpected failure.
 */
export function failureLines(error: unknown, kept: string): string[] {
  if (error instanceof OutputRefusal) return [`arshif: ${error.message}`, 'arshif: nothing was built or removed.'];
  const known = findArshifError(error);
  if (known) {
    const n = known.problems.length;
    return [...known.problems.map(formatProblem), `arshif: ${n} problem${n === 1 ? '' : 's'} found; the site was not built (${kept}).`];
  }
  const lines = [`arshif: the build failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`];
  if (environment().debug) lines.push(String((error as Error)?.stack ?? error));
  else lines.push('arshif: run again with ARSHIF_DEBUG=1 for the full trace, and report it.');
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/build.ts')) {
  main().then((code) => {
    if (code >= 0) process.exit(code);
  });
}
