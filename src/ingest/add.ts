/**
 * `npm run add -- FILE... [--url URL] [--outlet KEY] [--date YYYY-MM-DD] [--title "…"] [--event KEY]
 *                 [--dry-run] [--json] [--content DIR]`
 *
 * Normalises raw Arabic articles into content/articles/ and keeps their raw bytes, unchanged,
 * in content/sources/. Nothing is ever overwritten. One line per problem, naming the file.
 * Exit codes: 0 written (or would be, with --dry-run), 1 needs the user's input (date, outlet),
 * 2 unusable input.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIsoDate, type CalendarDate } from '../arabic/calendar.ts';
import { displayPath } from '../content/load.ts';
import { formatProblem } from '../content/problem.ts';
import { DEFAULT_CONTENT_DIR } from '../site/paths.ts';
import { nearDuplicates } from './duplicates.ts';
import { loadIngestData } from './ingest-data.ts';
import { normaliseArticle, prepare, type IngestResult, type Prepared } from './normalise-article.ts';
import { serialiseArticle } from './serialise.ts';
import { FileExistsError, writeNewFile } from './write.ts';

/** A news article's raw text is far below this; anything larger is not one article. */
export const MAX_BYTES = 2 * 1024 * 1024;

export const EXIT = { written: 0, needsInput: 1, unusable: 2 } as const;

export interface AddOptions {
  contentDir: string;
  url?: string;
  outlet?: string;
  date?: string;
  /** The headline, when the text's own cannot be told. */
  title?: string;
  event?: string;
  dryRun?: boolean;
  today?: CalendarDate;
}

export interface FileOutcome {
  file: string;
  exit: 0 | 1 | 2;
  /** One line each. */
  messages: string[];
  result?: IngestResult;
  /** Absolute paths of what was (or, with --dry-run, would be) written. */
  articlePath?: string;
  sourcePath?: string;
  nearDuplicates?: Array<{ file: string; similarity: number }>;
}

function todayUtc(): CalendarDate {
  const fromEnv = process.env.ARSHIF_TODAY ? parseIsoDate(process.env.ARSHIF_TODAY) : undefined;
  if (fromEnv) return fromEnv;
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The name under content/sources/ for a raw file: its own name, or with a hash suffix if taken. */
function sourceName(file: string, hash: string, sourcesDir: string): string {
  const name = basename(file).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  if (!existsSync(join(sourcesDir, name))) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}-${hash.slice(0, 12)}${ext}`;
}

/** Adds the given raw files. Pure of process state: returns what happened to each file. */
export function addFiles(files: string[], options: AddOptions): FileOutcome[] {
  if (options.url !== undefined && !/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(options.url)) {
    return files.map((file) => ({
      file: displayPath(resolve(file)),
      exit: EXIT.needsInput,
      messages: [`${displayPath(resolve(file))}: --url must be the article's http(s) address; nothing written`],
    }));
  }
  if (!existsSync(options.contentDir)) {
    return [{ file: options.contentDir, exit: EXIT.unusable, messages: [`${options.contentDir}: the content folder does not exist; run from the project folder or pass --content DIR`] }];
  }
  const { data, problems } = loadIngestData(options.contentDir);
  if (problems.length > 0) {
    return [{ file: displayPath(resolve(options.contentDir)), exit: EXIT.unusable, messages: [...problems.map(formatProblem), 'fix content/ first (npm run build shows the same problems)'] }];
  }
  const prepared = prepare(data);
  const sourcesDir = join(data.content.dir, 'sources');
  const articlesDir = join(data.content.dir, 'articles');
  // sha256 → the article that holds it. Raw files no article references (left by an add that
  // was interrupted between its two writes) are reused rather than refused or written twice.
  const known = new Map<string, string>();
  for (const a of data.content.articles) known.set(a.data.source.sha256, `${a.data.source.file} (${a.file})`);
  const orphans = new Map<string, string>(); // sha256 → file name under sources/
  if (existsSync(sourcesDir)) {
    for (const name of readdirSync(sourcesDir).sort()) {
      const path = join(sourcesDir, name);
      if (name.startsWith('.') || !statSync(path).isFile()) continue;
      const hash = sha256(readFileSync(path));
      if (!known.has(hash) && !orphans.has(hash)) orphans.set(hash, name);
    }
  }
  const takenIds = new Set(data.content.articles.map((a) => a.data.id));
  const existingBodies = data.content.articles.map((a) => ({ file: a.file, body: a.body }));
  return files.map((file) => addOne(file, options, prepared, { sourcesDir, articlesDir, known, orphans, takenIds, existingBodies }));
}

function addOne(
  file: string,
  options: AddOptions,
  prepared: Prepared,
  state: {
    sourcesDir: string;
    articlesDir: string;
    known: Map<string, string>;
    orphans: Map<string, string>;
    takenIds: Set<string>;
    existingBodies: Array<{ file: string; body: string }>;
  },
): FileOutcome {
  const shown = displayPath(resolve(file));
  const fail = (exit: 1 | 2, ...messages: string[]): FileOutcome => ({ file: shown, exit, messages });
  if (!existsSync(file)) return fail(EXIT.unusable, `${shown}: no such file`);
  const stat = statSync(file);
  if (!stat.isFile()) return fail(EXIT.unusable, `${shown}: is not a file`);
  if (stat.size > MAX_BYTES) {
    return fail(EXIT.unusable, `${shown}: is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a news article's text is far smaller (limit ${MAX_BYTES / 1024 / 1024} MB): copy only the article`);
  }
  const bytes = readFileSync(file);
  const hash = sha256(bytes);
  const already = state.known.get(hash);
  if (already) return fail(EXIT.unusable, `${shown}: the archive already holds this exact text as ${already}; nothing written`);

  const orphan = state.orphans.get(hash);
  const name = orphan ?? sourceName(file, hash, state.sourcesDir);
  const result = normaliseArticle(
    bytes,
    {
      url: options.url,
      outlet: options.outlet,
      date: options.date,
      title: options.title,
      event: options.event,
      sourceFile: `sources/${name}`,
      sha256: hash,
      today: options.today ?? todayUtc(),
      takenIds: state.takenIds,
    },
    prepared,
  );
  if (result.status !== 'ok') {
    const messages = [...result.problems.map((p) => `${shown}: ${p}`), ...evidenceLines(shown, result.report)];
    return { file: shown, exit: result.status === 'needs-input' ? EXIT.needsInput : EXIT.unusable, messages, result };
  }
  const { article } = result;
  const fm = article.frontMatter;
  const duplicates = nearDuplicates(article.body, state.existingBodies);
  const messages = duplicates.map((d) => `${shown}: warning: near-duplicate of ${d.file} (${Math.round(d.similarity * 100)}% of the shorter text's 5-word runs shared)`);
  const articlePath = join(state.articlesDir, `${fm.id}.md`);
  const sourcePath = join(state.sourcesDir, name);
  if (!options.dryRun) {
    if (!orphan) writeNewFile(sourcePath, bytes);
    try {
      writeNewFile(articlePath, serialiseArticle(article));
    } catch (error) {
      if (!orphan) unlinkSync(sourcePath); // ours, written a moment ago
      if (error instanceof FileExistsError) return fail(EXIT.unusable, `${shown}: ${displayPath(articlePath)} appeared meanwhile; nothing written`);
      throw error;
    }
    state.orphans.delete(hash);
  }
  state.known.set(hash, `sources/${name}`);
  state.takenIds.add(fm.id);
  state.existingBodies.push({ file: displayPath(articlePath), body: article.body });
  const summary =
    `${fm.outlet}, ${fm.date} (${fm.date_basis}), ${fm.places.length} places` +
    (fm.events.length ? `, event ${fm.events.join(', ')}` : '') +
    (fm.related_material.length ? `, ${fm.related_material.length} appended item kept apart` : '') +
    `; ${result.report.dropped.length} clutter lines dropped`;
  messages.push(`${shown}: ${options.dryRun ? 'would write' : 'wrote'} ${displayPath(articlePath)} (${summary})`);
  messages.push(...evidenceLines(shown, result.report));
  return { file: shown, exit: EXIT.written, messages, result, articlePath, sourcePath, nearDuplicates: duplicates };
}

/** What the run took for headline, date and outlet, and from where: one line each. */
function evidenceLines(shown: string, report: IngestResult['report']): string[] {
  const out: string[] = [];
  if (report.headline !== undefined) out.push(`${shown}:   headline: "${report.headline}" (${report.headlineEvidence ?? 'the only candidate'})`);
  if (report.date) out.push(`${shown}:   date: ${report.date} (${report.dateBasis}) from ${report.dateLine ? `line ${report.dateLine}, ` : ''}${report.dateEvidence}`);
  if (report.outlet) out.push(`${shown}:   outlet: ${report.outlet} (${report.outletEvidence.join('; ') || 'no evidence recorded'})`);
  return out;
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        outlet: { type: 'string' },
        date: { type: 'string' },
        title: { type: 'string' },
        event: { type: 'string' },
        content: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`add: ${(error as Error).message}`);
    console.error('usage: npm run add -- FILE... [--url URL] [--outlet KEY] [--date YYYY-MM-DD] [--title "…"] [--event KEY] [--dry-run] [--json]');
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    console.error('usage: npm run add -- FILE... [--url URL] [--outlet KEY] [--date YYYY-MM-DD] [--title "…"] [--event KEY] [--dry-run] [--json]');
    return EXIT.unusable;
  }
  const outcomes = addFiles(positionals, {
    contentDir: values.content ?? DEFAULT_CONTENT_DIR,
    url: values.url,
    outlet: values.outlet,
    date: values.date,
    title: values.title,
    event: values.event,
    dryRun: values['dry-run'],
  });
  for (const o of outcomes) for (const m of o.messages) console.error(m);
  if (values.json) {
    const json = outcomes.map((o) => ({
      file: o.file,
      exit: o.exit,
      messages: o.messages,
      article: o.result?.status === 'ok' ? { frontMatter: o.result.article.frontMatter, body: o.result.article.body } : null,
      articleFile: o.articlePath ? displayPath(o.articlePath) : null,
      sourceFile: o.sourcePath ? displayPath(o.sourcePath) : null,
      report: o.result?.report ?? null,
    }));
    console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  }
  return Math.max(...outcomes.map((o) => o.exit));
}

if (process.argv[1]?.endsWith('ingest/add.ts')) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`add: failed unexpectedly: ${error instanceof Error ? error.message : String(error)}; nothing was overwritten. Run with ARSHIF_DEBUG=1 for the trace, and report it.`);
    if (process.env.ARSHIF_DEBUG) console.error(error);
    process.exitCode = EXIT.unusable;
  }
}
