/**
 * `npm run bench -- --articles N`: how Arshif's build scales, against a plain baseline, in one run
 * (issue #6).
 *
 *   tsx src/cli/bench.ts --articles N [--seed S] [--json] [--keep DIR] [--skip-baseline]
 *
 * 1. generates a synthetic archive of N articles (the 5 seed articles and N − 5 generated ones,
 *    src/bench/corpus.ts) into a temporary content folder, and counts its distinct word forms;
 * 2. builds it as `npm run build` does, in a child process (`node bin/arshif.mjs build --content
 *    --output --quiet`, from the bundle of src/, without npm's own process in the tree), with a build cache of its own that starts empty, measuring wall time,
 *    the peak memory of the process tree, the output's size, the search index's size and an
 *    article page's gzip size;
 * 3. adds one more article and builds again into the same folder (the rebuild, with the cache
 *    the full build left); then starts `npm start` on that folder, opens its home page in
 *    Chromium, runs `npm run add` of one more raw article, and times it until the page has
 *    reloaded and the article's page is served; then the same again for a second article, to
 *    the same server (src/bench/serve-reload.ts);
 * 4. opens the search page in Chromium, fresh, for a query and a filtered query (before the
 *    rebuild, on the N-article site), and counts the bytes and requests they took;
 * 5. does the same for plain Eleventy + the Pagefind CLI on the same Markdown files
 *    (src/bench/baseline.ts), unless --skip-baseline;
 * 6. first of all, builds the five seed articles as on a fresh clone (`npm run build` on a copy of
 *    content/, with an empty build cache, no bundle of src/ yet and a TMPDIR of its own), and the
 *    baseline on the same five (the fixed costs a small archive pays, whatever N is);
 * 7. prints a table of every figure, ours, the baseline's and their ratio, with the machine
 *    (or, with --json, one JSON object, numbers raw: milliseconds and bytes).
 *
 * The temporary folder (under the system's temporary folder) is removed at the end, unless
 * --keep DIR names a new or empty folder to work in and keep. Progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadValidContent } from '../content/load.ts';
import { dataFilePath, loadAgencies } from '../content/data-files.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../core/paths.ts';
import { BASELINE_SEARCH_PATH, BaselineError, buildBaseline, lastLines, writeBaselineSearchPage, type BaselineBuild } from '../bench/baseline.ts';
import {
  DistinctWords,
  SEED_ARTICLES,
  VOCABULARY_TARGET,
  digestSeeds,
  generateArticle,
  generateEvents,
  heapsFit,
  type GeneratedEvent,
  type SeedInput,
  type Seeds,
} from '../bench/corpus.ts';
import { readPhaseLines, type PhaseLine } from '../core/phase-log.ts';
import { GZIP_LEVEL, articlePageFiles, averageGzipSize, folderSize, loadNow, machine, runMeasured, type Machine, type MeasuredRun } from '../bench/measure.ts';
import { launchArguments } from '../core/bundled.ts';
import { ENV } from '../core/config.ts';
import { measureAddToReload, type RawArticle, type ReloadFigures } from '../bench/serve-reload.ts';
import { ARSHIF_READY, ARSHIF_REPORT, ARSHIF_SHOWN, BASELINE_READY, BASELINE_REPORT, measureSearches, type SearchBytes } from '../bench/search-bytes.ts';
import { readCommandArgs } from '../core/command-args.ts';

export const SEARCH_QUERY = 'الباغوز';
export const FILTER_YEAR = '2019';
export const DEFAULT_SEED = 1;
const MAX_ARTICLES = 1_000_000;

// ---------------------------------------------------------------------------------------------
// The archive on disk

/** What the generator needs, read from a content folder through the project's loader. */
export function readSeedInput(contentDir: string): SeedInput {
  const content = loadValidContent(contentDir);
  const agencies = existsSync(dataFilePath(contentDir, 'agencies')) ? Object.values(loadAgencies(contentDir)).map((a) => a.name) : [];
  return {
    articles: content.articles.map((a) => ({ id: a.data.id, title: a.data.title, body: a.body, events: a.data.events })),
    events: content.events.map((e) => ({ id: e.data.id, title: e.data.title, title_en: e.data.title_en, start: e.data.start, end: e.data.end, places: e.data.places })),
    outlets: Object.keys(content.outlets.entries),
    places: Object.entries(content.places.entries).map(([slug, p]) => ({ slug, name: p.name, name_en: p.name_en, kind: p.kind, parent: p.parent })),
    agencies,
  };
}

export interface CorpusReport {
  articles: number;
  seedArticles: number;
  generated: number;
  events: number;
  syntheticEvents: number;
  bodyBytes: { min: number; max: number; mean: number };
  distinctWords: number;
  words: number;
  /** Distinct forms at growing archive sizes, and Heaps' law fitted to them. */
  growth: Array<{ n: number; distinct: number }>;
  heaps: { k: number; beta: number; atTarget: number } | null;
  contentBytes: number;
  ms: number;
}

export interface Archive {
  contentDir: string;
  seeds: Seeds;
  events: GeneratedEvent[];
  seed: number;
}

function copyFolder(from: string, to: string, filter: (name: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) if (!name.startsWith('.') && filter(name)) copyFileSync(join(from, name), join(to, name));
}

/**
 * Writes an archive of `n` articles into `contentDir` (which must not exist yet or be empty):
 * the seed content folder's data files, events, articles and sources, the synthetic events,
 * and articles SEED_ARTICLES … n − 1.
 */
export function writeArchive(contentDir: string, n: number, seed: number, seedContentDir = DEFAULT_CONTENT_DIR): { archive: Archive; report: CorpusReport } {
  const started = performance.now();
  const input = readSeedInput(seedContentDir);
  if (input.articles.length !== SEED_ARTICLES) throw new Error(`${seedContentDir} holds ${input.articles.length} articles; the benchmark starts from ${SEED_ARTICLES}`);
  const seeds = digestSeeds(input);
  const events = generateEvents(seeds, seed);
  for (const folder of ['data', 'events', 'articles', 'sources'])
    copyFolder(join(seedContentDir, folder), join(contentDir, folder), (name) => folder !== 'data' || name.endsWith('.yml'));
  for (const event of events) if (event.text) writeFileSync(join(contentDir, 'events', `${event.id}.md`), event.text);

  const counter = new DistinctWords();
  for (const a of input.articles) counter.add(`${a.title}\n${a.body}`);
  const growth: Array<{ n: number; distinct: number }> = [];
  const checkpoints = new Set([10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, n]);
  let min = Infinity;
  let max = 0;
  let sum = 0;
  let contentBytes = 0;
  for (let i = SEED_ARTICLES; i < n; i++) {
    const article = generateArticle(seeds, events, i, { seed });
    writeFileSync(join(contentDir, article.path), article.text);
    writeFileSync(join(contentDir, article.sourcePath), article.sourceText);
    counter.add(`${article.title}\n${article.body}`);
    min = Math.min(min, article.bodyBytes);
    max = Math.max(max, article.bodyBytes);
    sum += article.bodyBytes;
    contentBytes += Buffer.byteLength(article.text) + Buffer.byteLength(article.sourceText);
    if (checkpoints.has(i + 1)) growth.push({ n: i + 1, distinct: counter.size });
  }
  const generated = Math.max(0, n - SEED_ARTICLES);
  // Below ~50 articles the seeds' own words dominate; the fit wants a range of sizes above that.
  const fitPoints = growth.filter((p) => p.n >= 50);
  const fit = fitPoints.length >= 3 ? heapsFit(fitPoints) : null;
  return {
    archive: { contentDir, seeds, events, seed },
    report: {
      articles: n,
      seedArticles: SEED_ARTICLES,
      generated,
      events: events.length,
      syntheticEvents: events.filter((e) => e.text).length,
      bodyBytes: generated ? { min, max, mean: sum / generated } : { min: 0, max: 0, mean: 0 },
      distinctWords: counter.size,
      words: counter.tokens,
      growth,
      heaps: fit ? { k: fit.k, beta: fit.beta, atTarget: fit.at(VOCABULARY_TARGET.articles) } : null,
      contentBytes: contentBytes + folderSize(join(contentDir, 'data')).bytes,
      ms: performance.now() - started,
    },
  };
}

/**
 * Article `index` as a user copies it off a page for `npm run add`: the headline, the date line
 * under it, the paragraphs; and the outlet, which add is told (a generated text names none).
 */
export function rawArticle(archive: Archive, index: number): RawArticle {
  const article = generateArticle(archive.seeds, archive.events, index, { seed: archive.seed });
  const outlet = /^outlet: (.+)$/m.exec(article.text)?.[1] ?? '';
  const [year, month, day] = article.date.split('-');
  return { text: `${article.title}\n\n${day}.${month}.${year}\n\n${article.body}\n`, outlet };
}

/** Writes article `index` (the "one more article") into the archive's content folder; returns its id. */
export function addArticle(archive: Archive, index: number): string {
  const article = generateArticle(archive.seeds, archive.events, index, { seed: archive.seed });
  writeFileSync(join(archive.contentDir, article.path), article.text);
  writeFileSync(join(archive.contentDir, article.sourcePath), article.sourceText);
  return article.id;
}

// ---------------------------------------------------------------------------------------------
// Measurements

export interface BuildFigures {
  ms: number;
  articlesPerSecond: number;
  peakTreeRss: number;
  peakProcessHwm: number;
  outputBytes: number;
  outputFiles: number;
  indexBytes: number;
  indexFiles: number;
  articlePage: { pages: number; raw: number; gzip: number };
  /** The build's own phase timings (ARSHIF_PHASES, src/core/phase-log.ts); none for the baseline. */
  phases: PhaseLine[];
}

export interface RebuildFigures {
  ms: number;
  peakTreeRss: number;
  /** Rebuild ÷ full build. */
  msRatio: number;
  memoryRatio: number;
  phases: PhaseLine[];
}

export interface SideReport {
  full: BuildFigures;
  /** Bytes of the build's derived-data store after the full build (0 if it keeps none). */
  cacheBytes: number;
  rebuild: RebuildFigures | null;
  search: SearchBytes[];
  /** `npm start`: add an article → the open page reloaded, for a first and a second add to the same server (src/bench/serve-reload.ts); Arshif only. */
  serve?: ReloadFigures[] | null;
  /** The five seed articles built with every cache empty, as on a fresh clone: wall time and peak memory. */
  seedBuild?: { ms: number; peakTreeRss: number } | null;
}

export interface BenchReport {
  command: string;
  /** The commit built, and whether the working tree had changes beside it. */
  code: { commit: string; dirty: boolean } | null;
  machine: Machine;
  seed: number;
  corpus: CorpusReport;
  arshif: SideReport;
  baseline: SideReport | null;
  /** Arshif ÷ baseline for each figure both have. */
  ratios: Record<string, number> | null;
  workDir: string | null;
}

/** The project's commit and whether its working tree differs (read-only git commands). */
function codeVersion(): BenchReport['code'] {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return null;
  }
}

function siteFigures(siteDir: string, articles: number, ms: number, peakTreeRss: number, peakProcessHwm: number, phases: PhaseLine[] = []): BuildFigures {
  const output = folderSize(siteDir);
  const index = folderSize(join(siteDir, 'pagefind'));
  return {
    ms,
    articlesPerSecond: articles / (ms / 1000),
    peakTreeRss,
    peakProcessHwm,
    outputBytes: output.bytes,
    outputFiles: output.files,
    indexBytes: index.bytes,
    indexFiles: index.files,
    articlePage: averageGzipSize(articlePageFiles(siteDir)),
    phases,
  };
}

class PhaseError extends Error {
  constructor(phase: string, run: MeasuredRun) {
    super(
      `${phase} failed (exit ${run.exitCode ?? run.signal}) after ${(run.ms / 1000).toFixed(1)} s, peak memory ${mib(run.peakTreeRss)}: ${lastLines(run.stderr || run.stdout, 8)}`,
    );
  }
}

/**
 * Runs the build in a child process. Its derived-data store (ARSHIF_CACHE_DIR, src/analysis/derive/) is
 * a folder of the benchmark's own, so the full build starts cold, the rebuild finds what the full
 * build stored, and the project's own `.cache/` is never touched.
 */
async function buildArshif(contentDir: string, outputDir: string, cacheDir: string, phase: string): Promise<MeasuredRun> {
  const env = { ...process.env, [ENV.cacheDir]: cacheDir, [ENV.phases]: '1' };
  const run = await runMeasured(process.execPath, launchArguments('build', ['--content', contentDir, '--output', outputDir, '--quiet']), { cwd: PROJECT_ROOT, env });
  if (run.exitCode !== 0) throw new PhaseError(phase, run);
  return run;
}

/**
 * The five seed articles built as on a fresh clone: `npm run build` (npm's own process
 * included) on a copy of the seed content, with an empty build cache, no bundle of src/ yet
 * (bin/arshif.mjs makes it first: a bundles' folder of its own) and an empty temporary folder.
 */
async function buildSeedsFresh(workDir: string): Promise<MeasuredRun> {
  const dir = join(workDir, 'seed-build');
  const contentDir = join(dir, 'content');
  for (const folder of ['articles', 'events', 'sources', 'data']) copyFolder(join(DEFAULT_CONTENT_DIR, folder), join(contentDir, folder));
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const env = { ...process.env, TMPDIR: tmp, [ENV.cacheDir]: join(dir, 'build-cache'), [ENV.bundleDir]: join(dir, 'bundles') };
  const run = await runMeasured('npm', ['run', '--silent', 'build', '--', '--content', contentDir, '--output', join(dir, 'site'), '--quiet'], { cwd: PROJECT_ROOT, env });
  if (run.exitCode !== 0) throw new PhaseError('the seed build', run);
  return run;
}

const searchPath = (params: Record<string, string>) => `/search/?${new URLSearchParams(params)}`;

// ---------------------------------------------------------------------------------------------
// Printing

/** How the bench names the adds to a running `npm start`, in order (0-based). */
const addName = (index: number) => ['first add', 'second add'][index] ?? `add ${index + 1}`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

const integer = (n: number) => Math.round(n).toLocaleString('en');

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b === 0) return '—';
  return (a / b).toFixed(2);
}

interface Row {
  label: string;
  ours: number | undefined;
  theirs: number | undefined;
  format: (n: number) => string;
  /** Key of the ratio in the JSON report. */
  key?: string;
}

function rows(report: BenchReport): Row[] {
  const a = report.arshif;
  const b = report.baseline;
  const bytes = formatBytes;
  const out: Row[] = [
    { label: 'full build: wall time', ours: a.full.ms, theirs: b?.full.ms, format: formatMs, key: 'fullMs' },
    { label: 'full build: articles per second', ours: a.full.articlesPerSecond, theirs: b?.full.articlesPerSecond, format: (n) => n.toFixed(1), key: 'articlesPerSecond' },
    { label: 'full build: peak memory (process tree)', ours: a.full.peakTreeRss, theirs: b?.full.peakTreeRss, format: mib, key: 'fullPeakTreeRss' },
    { label: 'full build: largest single process', ours: a.full.peakProcessHwm, theirs: b?.full.peakProcessHwm, format: mib, key: 'fullPeakProcessHwm' },
    { label: 'output size', ours: a.full.outputBytes, theirs: b?.full.outputBytes, format: bytes, key: 'outputBytes' },
    { label: 'output files', ours: a.full.outputFiles, theirs: b?.full.outputFiles, format: integer, key: 'outputFiles' },
    { label: 'search index size (pagefind/)', ours: a.full.indexBytes, theirs: b?.full.indexBytes, format: bytes, key: 'indexBytes' },
    { label: 'search index files', ours: a.full.indexFiles, theirs: b?.full.indexFiles, format: integer, key: 'indexFiles' },
    { label: 'article page (average, raw)', ours: a.full.articlePage.raw, theirs: b?.full.articlePage.raw, format: bytes, key: 'articlePageRaw' },
    { label: `article page (average, gzip -${GZIP_LEVEL})`, ours: a.full.articlePage.gzip, theirs: b?.full.articlePage.gzip, format: bytes, key: 'articlePageGzip' },
    { label: 'build cache kept between builds', ours: a.cacheBytes, theirs: b?.cacheBytes, format: bytes },
    { label: 'rebuild (+1 article): wall time', ours: a.rebuild?.ms, theirs: b?.rebuild?.ms, format: formatMs, key: 'rebuildMs' },
    { label: 'rebuild (+1 article): peak memory', ours: a.rebuild?.peakTreeRss, theirs: b?.rebuild?.peakTreeRss, format: mib, key: 'rebuildPeakTreeRss' },
    { label: 'rebuild ÷ full build: wall time', ours: a.rebuild?.msRatio, theirs: b?.rebuild?.msRatio, format: (n) => n.toFixed(2) },
    { label: 'rebuild ÷ full build: peak memory', ours: a.rebuild?.memoryRatio, theirs: b?.rebuild?.memoryRatio, format: (n) => n.toFixed(2) },
    { label: 'the five seed articles: build, every cache empty', ours: a.seedBuild?.ms, theirs: b?.seedBuild?.ms, format: formatMs, key: 'seedBuildMs' },
  ];
  (a.serve ?? []).forEach((s, i) => {
    const tag = `npm start: ${addName(i)}`;
    out.push(
      { label: `${tag} → page reloaded`, ours: s.ms, theirs: undefined, format: formatMs },
      { label: `${tag}: of which \`npm run add\``, ours: s.addMs, theirs: undefined, format: formatMs },
      { label: `${tag}: of which the rebuild (its log)`, ours: s.rebuildMs, theirs: undefined, format: formatMs },
    );
  });
  a.search.forEach((s, i) => {
    const t = b?.search.find((x) => x.name === s.name);
    const tag = `search ${s.name}`;
    out.push(
      { label: `${tag}: results shown, /pagefind/ bytes`, ours: s.shown?.pagefindBytes, theirs: t?.shown?.pagefindBytes, format: bytes, key: `search${i}ShownPagefindBytes` },
      { label: `${tag}: results shown, all bytes`, ours: s.shown?.totalBytes, theirs: t?.shown?.totalBytes, format: bytes, key: `search${i}ShownTotalBytes` },
      { label: `${tag}: results shown, all requests`, ours: s.shown?.totalRequests, theirs: t?.shown?.totalRequests, format: integer, key: `search${i}ShownTotalRequests` },
      { label: `${tag}: time to results`, ours: s.shown?.ms ?? s.ms, theirs: t?.shown?.ms ?? t?.ms, format: formatMs, key: `search${i}Ms` },
      { label: `${tag}: with facet counts, /pagefind/ bytes`, ours: s.pagefindBytes, theirs: t?.pagefindBytes, format: bytes, key: `search${i}PagefindBytes` },
      { label: `${tag}: with facet counts, /pagefind/ requests`, ours: s.pagefindRequests, theirs: t?.pagefindRequests, format: integer, key: `search${i}PagefindRequests` },
      { label: `${tag}: with facet counts, all bytes`, ours: s.totalBytes, theirs: t?.totalBytes, format: bytes, key: `search${i}TotalBytes` },
    );
  });
  return out;
}

function ratios(report: BenchReport): Record<string, number> | null {
  if (!report.baseline) return null;
  const out: Record<string, number> = {};
  for (const row of rows(report)) if (row.key && row.ours !== undefined && row.theirs) out[row.key] = row.ours / row.theirs;
  return out;
}

/** Arshif's phases, full build, rebuild and each of `npm start`'s rebuilds side by side: time and the build process's memory when each ended. */
function phaseTable(side: SideReport): string[] {
  const serves = side.serve ?? [];
  const runs = [side.full.phases, side.rebuild?.phases, ...serves.map((s) => s.phases)];
  const names = [...new Set(runs.flatMap((phases) => phases ?? []).map((p) => p.phase))];
  if (!names.length) return [];
  const cell = (phases: PhaseLine[] | undefined, name: string) => {
    const p = phases?.find((x) => x.phase === name);
    return p ? `${formatMs(p.ms)} (${mib(p.rss)})` : '—';
  };
  const body = names.map((name) => [name, ...runs.map((phases) => cell(phases, name))]);
  const header = ['arshif phase (memory of the build process at its end)', 'full build', 'rebuild', ...serves.map((_, i) => `npm start, ${addName(i)}`)];
  return columns(header, body);
}

/** A plain-text table: the first column left-aligned, the others right-aligned, a rule under the header. */
function columns(header: string[], body: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('   ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('   '), ...body.map(line)];
}

export function table(report: BenchReport): string {
  const m = report.machine;
  const c = report.corpus;
  const lines: string[] = [];
  lines.push(`Arshif benchmark: ${integer(c.articles)} articles (seed ${report.seed})`);
  lines.push(`command: ${report.command}`);
  if (report.code) lines.push(`code:    ${report.code.commit}${report.code.dirty ? ' with uncommitted changes' : ''}`);
  lines.push(
    `machine: ${m.cpu} × ${m.cpus}, ${formatBytes(m.memoryBytes)} memory, Node ${m.node}, ${m.os}; load average ${m.load.start.toFixed(1)} at start, ${m.load.end.toFixed(1)} at end`,
  );
  lines.push(
    `corpus:  ${integer(c.articles)} articles (${c.seedArticles} seed + ${integer(c.generated)} generated), ${c.events} events (${c.syntheticEvents} synthetic), ` +
      `bodies ${formatBytes(c.bodyBytes.min)}–${formatBytes(c.bodyBytes.max)} (mean ${formatBytes(c.bodyBytes.mean)}), ${formatBytes(c.contentBytes)} of content, generated in ${formatMs(c.ms)}`,
  );
  const growth = c.growth.map((p) => `${integer(p.n)}: ${integer(p.distinct)}`).join(', ');
  lines.push(`words:   ${integer(c.distinctWords)} distinct word forms in ${integer(c.words)} words (distinct by articles: ${growth})`);
  if (c.heaps) {
    lines.push(
      `         Heaps' law fit: ${c.heaps.k.toFixed(0)} × articles^${c.heaps.beta.toFixed(3)} → ${integer(c.heaps.atTarget)} at ${integer(VOCABULARY_TARGET.articles)} articles (target ~${integer(VOCABULARY_TARGET.distinct)})`,
    );
  }
  const searches = (list: SearchBytes[]) => list.map((s) => `${decodeURIComponent(s.path)} → ${s.report}`).join('; ');
  lines.push(`search:  ${searches(report.arshif.search)}`);
  if (report.baseline) lines.push(`         baseline: ${searches(report.baseline.search)}`);
  lines.push('');
  const header = ['figure', 'arshif', 'baseline', 'arshif ÷ baseline'];
  const body = rows(report).map((r) => [
    r.label,
    r.ours === undefined ? '—' : r.format(r.ours),
    r.theirs === undefined ? '—' : r.format(r.theirs),
    r.key ? ratio(r.ours, r.theirs) : '',
  ]);
  lines.push(...columns(header, body));
  if (!report.baseline) lines.push('', 'baseline skipped (--skip-baseline)');
  lines.push('', ...phaseTable(report.arshif));
  lines.push(
    '',
    'baseline: plain Eleventy 3.1.7 (markdown-it, one Nunjucks layout) + the Pagefind CLI on the same article Markdown files; its search page loads the data of the first 5 results.',
    `memory: summed VmRSS of the process tree sampled every 100 ms; bytes: files as served, uncompressed; gzip level ${GZIP_LEVEL}.`,
    'arshif: the full build starts with an empty build cache (its own, in the work folder); the rebuild finds what the full build kept.',
  );
  if (report.workDir) lines.push(`kept: ${report.workDir}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The command

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const options = {
    articles: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    json: { type: 'boolean', default: false },
    keep: { type: 'string' },
    'skip-baseline': { type: 'boolean', default: false },
  } as const;
  const parsed = readCommandArgs({ name: 'bench', usage: 'usage: npm run bench -- --articles N [--seed S] [--json] [--keep DIR] [--skip-baseline]', options });
  if ('exit' in parsed) process.exit(parsed.exit);
  const { values } = parsed;
  const articlesText = values.articles;
  if (articlesText === undefined) fail('--articles N is required (the number of articles to generate, at least 5)');
  const n = /^\d+$/.test(articlesText.trim()) ? Number(articlesText.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < SEED_ARTICLES || n > MAX_ARTICLES) {
    fail(`--articles must be a whole number from ${SEED_ARTICLES} (the archive opens with the ${SEED_ARTICLES} seed articles) to ${integer(MAX_ARTICLES)}, got "${articlesText}"`);
  }
  const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : NaN;
  if (!Number.isSafeInteger(seed) || seed > 0xffffffff) fail(`--seed must be a whole number from 0 to 4294967295, got "${values.seed}"`);
  let workDir: string;
  if (values.keep !== undefined) {
    workDir = resolve(values.keep);
    if (existsSync(workDir) && readdirSync(workDir).length > 0) fail(`--keep ${values.keep}: the folder exists and is not empty; name a new or empty folder`);
    mkdirSync(workDir, { recursive: true });
  } else {
    workDir = mkdtempSync(join(tmpdir(), 'arshif-bench-'));
  }
  const keep = values.keep !== undefined;
  const cleanUp = () => {
    if (!keep) rmSync(workDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  try {
    const loadAtStart = loadNow();
    const code = codeVersion();
    progress('building the five seed articles as on a fresh clone');
    const seedRun = await buildSeedsFresh(workDir);
    const seedBuild = { ms: seedRun.ms, peakTreeRss: seedRun.peakTreeRss };
    progress(`seed build: ${formatMs(seedBuild.ms)}`);
    let baselineSeed: { ms: number; peakTreeRss: number } | undefined;
    if (!values['skip-baseline']) {
      const seedBaseline = await buildBaseline(join(workDir, 'seed-build'), join(workDir, 'seed-build', 'content'), join(workDir, 'seed-build', 'baseline-site'));
      baselineSeed = { ms: seedBaseline.ms, peakTreeRss: seedBaseline.peakTreeRss };
      progress(`seed build, baseline: ${formatMs(baselineSeed.ms)}`);
    }

    const contentDir = join(workDir, 'content');
    const siteDir = join(workDir, 'site');
    const baselineDir = join(workDir, 'baseline-site');
    const cacheDir = join(workDir, 'build-cache');

    progress(`generating ${integer(n)} articles into ${contentDir}`);
    const { archive, report: corpus } = writeArchive(contentDir, n, seed);
    progress(`generated in ${formatMs(corpus.ms)}: ${integer(corpus.distinctWords)} distinct word forms in ${integer(corpus.words)} words`);

    progress('building with Arshif (full build)');
    const full = await buildArshif(contentDir, siteDir, cacheDir, 'the full build');
    progress(`full build: ${formatMs(full.ms)}, peak ${mib(full.peakTreeRss)}`);
    const arshifFull = siteFigures(siteDir, n, full.ms, full.peakTreeRss, full.peakProcessHwm, readPhaseLines(full.stderr));
    const cacheBytes = folderSize(cacheDir).bytes;

    let baselineFull: BuildFigures | undefined;
    let baselineFullRun: BaselineBuild | undefined;
    if (!values['skip-baseline']) {
      progress('building the baseline (Eleventy + Pagefind CLI)');
      baselineFullRun = await buildBaseline(workDir, contentDir, baselineDir);
      progress(`baseline: Eleventy ${formatMs(baselineFullRun.eleventy.ms)}, Pagefind ${formatMs(baselineFullRun.pagefind.ms)}, peak ${mib(baselineFullRun.peakTreeRss)}`);
      baselineFull = siteFigures(
        baselineDir,
        n,
        baselineFullRun.ms,
        baselineFullRun.peakTreeRss,
        Math.max(baselineFullRun.eleventy.peakProcessHwm, baselineFullRun.pagefind.peakProcessHwm),
      );
    }

    progress('searching in Chromium');
    const query = { q: SEARCH_QUERY };
    const arshifSearch = await measureSearches(siteDir, [
      { name: `"${SEARCH_QUERY}"`, path: searchPath(query), ready: ARSHIF_READY, report: ARSHIF_REPORT, shown: ARSHIF_SHOWN },
      { name: `"${SEARCH_QUERY}" year=${FILTER_YEAR}`, path: searchPath({ ...query, year: FILTER_YEAR }), ready: ARSHIF_READY, report: ARSHIF_REPORT, shown: ARSHIF_SHOWN },
    ]);
    let baselineSearch: SearchBytes[] = [];
    if (baselineFull) {
      writeBaselineSearchPage(baselineDir);
      baselineSearch = await measureSearches(baselineDir, [
        { name: `"${SEARCH_QUERY}"`, path: `${BASELINE_SEARCH_PATH}?${new URLSearchParams(query)}`, ready: BASELINE_READY, report: BASELINE_REPORT },
      ]);
    }
    for (const s of [...arshifSearch, ...baselineSearch]) {
      if (!/^(done|idle)\b/.test(s.report)) progress(`warning: ${s.path} ended as "${s.report}"`);
    }

    const added = addArticle(archive, n);
    progress(`added article ${n} (${added}); rebuilding with Arshif`);
    const rebuild = await buildArshif(contentDir, siteDir, cacheDir, 'the rebuild');
    progress(`rebuild: ${formatMs(rebuild.ms)}, peak ${mib(rebuild.peakTreeRss)}`);
    let baselineRebuild: BaselineBuild | undefined;
    if (baselineFullRun) {
      progress('rebuilding the baseline');
      baselineRebuild = await buildBaseline(workDir, contentDir, baselineDir);
    }
    progress('npm start: adding two more articles with npm run add, one after the other, each until the open page reloads');
    const serve = await measureAddToReload({ contentDir, outputDir: siteDir, cacheDir, workDir, articles: [rawArticle(archive, n + 1), rawArticle(archive, n + 2)] });
    for (const [i, s] of serve.entries()) progress(`npm start: ${addName(i)} → page reloaded ${formatMs(s.ms)} (add ${formatMs(s.addMs)}, ${s.logLine})`);
    const rebuildFigures = (run: { ms: number; peakTreeRss: number; stderr?: string }, base: { ms: number; peakTreeRss: number }): RebuildFigures => ({
      ms: run.ms,
      peakTreeRss: run.peakTreeRss,
      msRatio: run.ms / base.ms,
      memoryRatio: run.peakTreeRss / base.peakTreeRss,
      phases: run.stderr === undefined ? [] : readPhaseLines(run.stderr),
    });

    const report: BenchReport = {
      command: `npx tsx src/cli/bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
      code,
      machine: machine(loadAtStart),
      seed,
      corpus,
      arshif: { full: arshifFull, cacheBytes, rebuild: rebuildFigures(rebuild, full), search: arshifSearch, serve, seedBuild },
      baseline:
        baselineFull && baselineFullRun && baselineRebuild
          ? { full: baselineFull, cacheBytes: 0, rebuild: rebuildFigures(baselineRebuild, baselineFullRun), search: baselineSearch, seedBuild: baselineSeed ?? null }
          : null,
      ratios: null,
      workDir: keep ? workDir : null,
    };
    report.ratios = ratios(report);
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else console.log(table(report));
  } catch (error) {
    const message = error instanceof PhaseError || error instanceof BaselineError ? error.message : String((error as Error)?.stack ?? error);
    console.error(`bench: ${message}`);
    if (keep) console.error(`bench: the work folder is kept: ${workDir}`);
    cleanUp();
    process.exit(2);
  }
  cleanUp();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
