/**
 * `npm run add -- FILE... [--url URL] [--outlet KEY] [--new-outlet] [--date YYYY-MM-DD] [--title "…"]
 *                 [--event KEY|none] [--dry-run] [--json] [--content DIR] [--help]` (every option: ./add-help.ts)
 *
 * Normalises raw Arabic articles into content/articles/ and keeps their raw bytes, unchanged,
 * in content/sources/. Nothing is ever overwritten. One line per problem, naming the file.
 * Exit codes: 0 written (or would be, with --dry-run), 1 needs the user's input (date, outlet),
 * 2 unusable input.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { sha256 } from '../core/hash.ts';
import { buildConfig, environment } from '../core/config.ts';
import { DiskStore } from '../cache/disk-store.ts';
import { codeVersion } from '../cache/code-version.ts';
import { storedParseCache } from '../cache/parse-cache.ts';
import { storedTextValues } from '../cache/text-values.ts';
import type { Store } from '../cache/store.ts';
import { parseIsoDate, type CalendarDate } from '../arabic/calendar.ts';
import { formatProblem } from '../core/problem.ts';
import { DEFAULT_CONTENT_DIR, displayPath } from '../core/paths.ts';
import { ADD_HELP, ADD_USAGE } from './add-help.ts';
import { BODY_FINGERPRINTS, bodyFingerprint, bodyFingerprintSchema, nearDuplicates, type BodyFingerprint, type ExistingBody } from '../ingest/duplicates.ts';
import { loadIngestData } from '../content/ingest-data.ts';
import { savedPageKind } from '../ingest/page/detect.ts';
import { loadSavedPageReader, normaliseArticle, prepare, type IngestResult, type Prepared, type SavedPageReader } from '../ingest/normalise-article.ts';
import { serialiseArticle } from '../ingest/serialise.ts';
import { replaceText, withOutletAppended } from '../ingest/new-outlet.ts';
import { cleanContentTemporaries, FileExistsError, replaceFile, writeNewFile } from '../core/atomic-write.ts';
import type { ContentFile } from '../content/front-matter.ts';
import type { ArticleFrontMatter } from '../content/schema.ts';
import { suggest } from '../core/suggest.ts';
import { articleFileProblems } from '../content/validate-article.ts';
import { MAX_ARTICLE_BYTES } from '../content/read-text.ts';
import { dataFilePath } from '../content/data-files.ts';
import { isHttpUrl, unsafeCharacters } from '../content/schema.ts';
import { readCommandArgs } from '../core/command-args.ts';

/** A saved page carries its markup, styles and (SingleFile, MHTML) inlined images: far more bytes. */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

export const EXIT = { written: 0, needsInput: 1, unusable: 2 } as const;

export interface AddOptions {
  contentDir: string;
  url?: string;
  outlet?: string;
  date?: string;
  /** The headline, when the text's own cannot be told. */
  title?: string;
  event?: string;
  /** Add an outlet the text or address names but outlets.yml lacks to outlets.yml. */
  newOutlet?: boolean;
  dryRun?: boolean;
  /** Put U+FFFD in place of the damaged bytes of damaged UTF-8 files. */
  repair?: boolean;
  /**
   * `--replace ID`: the one file given is normalised over the existing article ID, which keeps
   * its id; the article's previous raw source stays in sources/ beside the new one.
   */
  replace?: string;
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
  const today = environment().today;
  const fromEnv = today ? parseIsoDate(today) : undefined;
  if (fromEnv) return fromEnv;
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/** Longest name given to a raw file under content/sources/, in UTF-8 bytes (file systems allow 255). */
export const MAX_SOURCE_NAME_BYTES = 160;

/** `text` cut to at most `max` UTF-8 bytes, never inside a character. */
function cutToBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * The name under content/sources/ for a raw file: its own name (without leading dots, which
 * would hide it, and cut to MAX_SOURCE_NAME_BYTES), or with a hash suffix if taken.
 */
export function sourceName(file: string, hash: string, sourcesDir: string): string {
  const own = basename(file)
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[.\s]+/, '');
  const ext = cutToBytes(extname(own), 16);
  const stem = own.slice(0, own.length - extname(own).length);
  const name = `${cutToBytes(stem, MAX_SOURCE_NAME_BYTES - Buffer.byteLength(ext)) || 'source'}${ext}`;
  if (!existsSync(join(sourcesDir, name))) return name;
  const suffix = `-${hash.slice(0, 12)}`;
  return `${cutToBytes(stem, MAX_SOURCE_NAME_BYTES - Buffer.byteLength(ext) - suffix.length) || 'source'}${suffix}${ext}`;
}

/** Adds the given raw files. Pure of process state: returns what happened to each file. */
export async function addFiles(files: string[], options: AddOptions): Promise<FileOutcome[]> {
  if (options.url !== undefined && (!isHttpUrl(options.url) || unsafeCharacters(options.url) !== undefined)) {
    return files.map((file) => ({
      file: displayPath(resolve(file)),
      exit: EXIT.needsInput,
      messages: [
        `${displayPath(resolve(file))}: --url must be the article's http(s) address, e.g. --url https://example.com/2019/03/23/article (no other kind of link, no spaces or invisible characters); nothing written`,
      ],
    }));
  }
  if (!existsSync(options.contentDir)) {
    return [
      { file: options.contentDir, exit: EXIT.unusable, messages: [`${options.contentDir}: the content folder does not exist; run from the project folder or pass --content DIR`] },
    ];
  }
  // The build's parse cache (src/cache/parse-cache.ts), only read: the articles an earlier build
  // read unchanged are not parsed again. Of the store, add writes only its bodies' fingerprints,
  // and only when it wrote an article.
  const store = openStore();
  const { data, problems } = loadIngestData(options.contentDir, { parseCache: store && storedParseCache(store) });
  if (problems.length > 0) {
    return [
      {
        file: displayPath(resolve(options.contentDir)),
        exit: EXIT.unusable,
        messages: [...problems.map(formatProblem), 'fix content/ first (npm run build shows the same problems)'],
      },
    ];
  }
  if (!options.dryRun) cleanContentTemporaries(data.content.dir); // what a killed run left
  let replacing: ContentFile<ArticleFrontMatter> | undefined;
  if (options.replace !== undefined) {
    const id = options.replace;
    replacing = data.content.articles.find((a) => a.data.id === id);
    if (!replacing) {
      const close = suggest(
        id,
        data.content.articles.map((a) => a.data.id),
      );
      return [
        {
          file: id,
          exit: EXIT.unusable,
          messages: [`--replace ${id}: no article has this id; ${close.startsWith('did you mean') ? close : 'the ids are the file names in content/articles/ without .md'}`],
        },
      ];
    }
    if (files.length !== 1) {
      return [{ file: id, exit: EXIT.unusable, messages: [`--replace ${id}: give exactly one raw file to put in its place (${files.length} given)`] }];
    }
  }
  const prepared = prepare(data);
  const sourcesDir = join(data.content.dir, 'sources');
  const articlesDir = join(data.content.dir, 'articles');
  // sha256 → the article that holds it. Raw files no article references (left by an add that
  // was interrupted between its two writes) are reused rather than refused or written twice.
  const known = new Map<string, string>();
  for (const a of data.content.articles) known.set(a.data.source.sha256, `${a.data.source.file} (${a.file})`);
  // An article's own source was checked against its sha256 by loading (which found no problem): known, so not hashed again.
  const referenced = new Set(data.content.articles.map((a) => a.data.source.file));
  const orphans = new Map<string, string>(); // sha256 → file name under sources/
  if (existsSync(sourcesDir)) {
    for (const name of readdirSync(sourcesDir).sort()) {
      const path = join(sourcesDir, name);
      if (referenced.has(`sources/${name}`)) continue;
      if (name.startsWith('.') || !statSync(path).isFile()) continue;
      const hash = sha256(readFileSync(path));
      if (!known.has(hash) && !orphans.has(hash)) orphans.set(hash, name);
    }
  }
  // The article being replaced is not in the way of its own replacement.
  const others = data.content.articles.filter((a) => a !== replacing);
  if (replacing) known.delete(replacing.data.source.sha256);
  for (const a of others) known.set(a.data.source.sha256, `${a.data.source.file} (${a.file})`);
  const takenIds = new Set(others.map((a) => a.data.id));
  // What the duplicate checks need of each body, kept in the store by the body's text (folding
  // and cutting up 10,000 bodies is most of what an add would otherwise spend).
  const fingerprints = store && storedTextValues(store, BODY_FINGERPRINTS.kind, BODY_FINGERPRINTS.name, bodyFingerprintSchema);
  const fingerprintOf = (body: string) => fingerprints?.get(body, (text) => bodyFingerprint(text)) ?? bodyFingerprint(body);
  const existingBodies = others.map((a) => ({ file: a.file, id: a.data.id, body: a.body, fingerprint: fingerprintOf(a.body) }));
  // The saved-page reader (linkedom, Readability) is loaded only when a saved page is given.
  const readPage = files.some(isSavedPageFile) ? await loadSavedPageReader() : undefined;
  const outcomes = files.map((file) => addOne(file, options, prepared, { sourcesDir, articlesDir, known, orphans, takenIds, existingBodies, fingerprintOf, replacing, readPage }));
  // Kept only by an add that wrote an article: an add that refuses its input, or a dry run, writes nothing anywhere.
  if (!options.dryRun && outcomes.some((o) => o.exit === EXIT.written)) fingerprints?.save();
  return outcomes;
}

/** A regular file whose first bytes are a saved page's (whatever its name); anything else is told apart in addOne. */
function isSavedPageFile(file: string): boolean {
  try {
    return statSync(file).isFile() && savedPageKind(readHead(file)) !== undefined;
  } catch {
    return false;
  }
}

/** The first bytes of a file, enough to tell a saved page from a text. */
function readHead(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(8192);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
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
    existingBodies: Array<ExistingBody & { id: string; fingerprint: BodyFingerprint }>;
    fingerprintOf: (body: string) => BodyFingerprint;
    replacing?: ContentFile<ArticleFrontMatter>;
    readPage?: SavedPageReader;
  },
): FileOutcome {
  const shown = displayPath(resolve(file));
  const fail = (exit: 1 | 2, ...messages: string[]): FileOutcome => ({ file: shown, exit, messages });
  if (!existsSync(file)) return fail(EXIT.unusable, `${shown}: no such file; check the path (or quote a name with spaces)`);
  const stat = statSync(file);
  if (stat.isDirectory()) return fail(EXIT.unusable, `${shown}: is a folder, not a file; pass the text files in it instead (e.g. ${join(shown, '*.txt')})`);
  if (!stat.isFile()) return fail(EXIT.unusable, `${shown}: is not a regular file (a pipe, socket or device), so it is not read; save the article's text to a file and pass that`);
  const page = stat.size > MAX_ARTICLE_BYTES && savedPageKind(readHead(file)) !== undefined;
  if (page && stat.size > MAX_PAGE_BYTES) {
    return fail(
      EXIT.unusable,
      `${shown}: is a saved page of ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than a page holds (limit ${MAX_PAGE_BYTES / 1024 / 1024} MB): save it again as "Webpage, HTML only"`,
    );
  }
  if (stat.size > MAX_ARTICLE_BYTES && !page) {
    return fail(
      EXIT.unusable,
      `${shown}: is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a news article's text is far smaller (limit ${MAX_ARTICLE_BYTES / 1024 / 1024} MB): copy only the article`,
    );
  }
  const bytes = readFileSync(file);
  const hash = sha256(bytes);
  const already = state.known.get(hash);
  if (already) return fail(EXIT.unusable, `${shown}: the archive already holds this exact text as ${already}; nothing written`);

  const replacing = state.replacing;
  // Re-normalising an article from its own raw source (--replace ID with the same bytes) keeps it.
  const ownSource = replacing && replacing.data.source.sha256 === hash ? replacing.data.source.file.replace(/^sources\//, '') : undefined;
  const orphan = ownSource ?? state.orphans.get(hash);
  const name = orphan ?? sourceName(file, hash, state.sourcesDir);
  const result = normaliseArticle(
    bytes,
    {
      url: options.url,
      outlet: options.outlet,
      date: options.date,
      title: options.title,
      event: options.event,
      newOutlet: options.newOutlet,
      sourceFile: `sources/${name}`,
      sha256: hash,
      today: options.today ?? todayUtc(),
      takenIds: state.takenIds,
      repair: options.repair,
    },
    prepared,
    state.readPage,
  );
  if (result.status !== 'ok') {
    const messages = [...result.problems.map((p) => `${shown}: ${p}`), ...evidenceLines(shown, result.report)];
    return { file: shown, exit: result.status === 'needs-input' ? EXIT.needsInput : EXIT.unusable, messages, result };
  }
  const { article } = result;
  if (replacing) article.frontMatter.id = replacing.data.id; // the article keeps its id (and its address)
  const fm = article.frontMatter;
  const fingerprint = state.fingerprintOf(article.body);
  const same = state.existingBodies.find((e) => e.fingerprint.sameText === fingerprint.sameText);
  if (same) {
    return fail(
      EXIT.unusable,
      `${shown}: the archive already holds this article as ${same.file} (the same text, differing only in spacing or invisible characters); nothing written. To put this copy in its place, run npm run add -- --replace ${same.id} ${shellWord(shown)}`,
    );
  }
  const duplicates = nearDuplicates(article.body, state.existingBodies);
  const messages = duplicates.map((d) => `${shown}: warning: near-duplicate of ${d.file} (${Math.round(d.similarity * 100)}% of the shorter text's 5-word runs shared)`);
  const articlePath = join(state.articlesDir, `${fm.id}.md`);
  const sourcePath = join(state.sourcesDir, name);
  // A new outlet (--new-outlet) is known to this run's checks before the article is checked,
  // and written to outlets.yml only once the article passes them.
  const newOutlet = result.report.newOutlet;
  const outletsPath = dataFilePath(join(state.sourcesDir, '..'), 'outlets');
  let outletsBefore: string | undefined;
  let outletsAfter: string | undefined;
  let outletsWritten = false;
  if (newOutlet) {
    try {
      outletsBefore = readFileSync(outletsPath, 'utf8');
      outletsAfter = withOutletAppended(outletsBefore, newOutlet);
    } catch (error) {
      return fail(EXIT.unusable, `${shown}: content/data/outlets.yml: ${(error as Error).message}; nothing written`);
    }
    prepared.data.content.outlets.entries[newOutlet.key] = newOutlet.outlet;
  }
  const undoOutlet = () => {
    if (!newOutlet) return;
    if (outletsWritten && outletsBefore !== undefined) replaceText(outletsPath, outletsBefore);
    delete prepared.data.content.outlets.entries[newOutlet.key];
  };
  // The build's own checks, before anything is written: what add writes, the build accepts.
  const text = serialiseArticle(article);
  const refused = articleFileProblems(text, displayPath(articlePath), prepared.data.content, replacing?.data.id);
  if (refused.length > 0) {
    undoOutlet();
    return fail(EXIT.unusable, ...refused.map((p) => `${shown}: the build would refuse the article made from it (${p.message}), so nothing was written; ${p.hint}`));
  }
  if (newOutlet && outletsAfter !== undefined) {
    messages.push(
      `${shown}: ${options.dryRun ? 'would add' : 'added'} the outlet ${newOutlet.key} to content/data/outlets.yml; fill in the fields its comment names:`,
      ...newOutlet.yaml
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => `    ${l}`),
    );
    if (!options.dryRun) {
      replaceText(outletsPath, outletsAfter);
      outletsWritten = true;
    }
  }
  if (replacing) return replaceOne({ shown, options, replacing, text, bytes, sourcePath, writeSource: !orphan, fm, messages, result, articlePath });
  if (!options.dryRun) {
    try {
      if (!orphan) writeNewFile(sourcePath, bytes);
    } catch (error) {
      undoOutlet();
      throw error;
    }
    try {
      writeNewFile(articlePath, text);
    } catch (error) {
      undoOutlet();
      if (!orphan) unlinkSync(sourcePath); // ours, written a moment ago
      if (error instanceof FileExistsError) return fail(EXIT.unusable, `${shown}: ${displayPath(articlePath)} appeared meanwhile; nothing written`);
      throw error;
    }
    state.orphans.delete(hash);
  }
  state.known.set(hash, `sources/${name}`);
  state.takenIds.add(fm.id);
  state.existingBodies.push({ file: displayPath(articlePath), id: fm.id, body: article.body, fingerprint });
  const summary =
    `${fm.outlet}, ${fm.date} (${fm.date_basis}), ${fm.places.length} places` +
    (fm.events.length ? `, event ${fm.events.join(', ')}` : '') +
    (fm.related_material.length ? `, ${fm.related_material.length} appended item kept apart (${keptApartSummary(result.report.keptApart)})` : '') +
    (result.report.repaired ? `, ${result.report.repaired} damaged byte sequence${result.report.repaired === 1 ? '' : 's'} replaced by U+FFFD` : '') +
    `; ${result.report.dropped.length} clutter lines dropped`;
  const read = result.report.page;
  if (read) {
    messages.push(
      `${shown}: read as a saved ${read.kind === 'mhtml' ? 'MHTML' : 'HTML'} page${read.readability ? '' : ' (no article container found: the whole page was read)'}: ` +
        `headline from ${read.headlineEvidence ?? 'the text'}; date from ${result.report.dateEvidence}; outlet from ${result.report.outletEvidence.join(', ')}; ` +
        `author ${fm.author ? `from ${read.authorEvidence ?? 'the sign-off'}` : 'not stated'}`,
    );
  }
  messages.push(`${shown}: ${options.dryRun ? 'would write' : 'wrote'} ${displayPath(articlePath)} (${summary})`);
  for (const d of result.report.eventDecisions) {
    messages.push(d.assigned ? `${shown}: event ${d.event}: ${d.reason}` : `${shown}: no event ${d.event}: ${d.reason}; pass --event ${d.event} if the article belongs to it`);
  }
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

/** Every option the command accepts; each has its line in ADD_HELP (./add-help.ts). */
export const ADD_OPTIONS = {
  url: { type: 'string' },
  outlet: { type: 'string' },
  date: { type: 'string' },
  title: { type: 'string' },
  event: { type: 'string' },
  'new-outlet': { type: 'boolean', default: false },
  content: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  repair: { type: 'boolean', default: false },
  replace: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** A path as one word of a shell command, quoted when it needs to be. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/u.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * `--replace`: the new raw source is written first (under a name of its own, so the previous one
 * stays), then the article file is renamed over the old one in one step: an interruption leaves
 * the old article, with at most an unreferenced raw file that the next add reuses.
 */
function replaceOne(r: {
  shown: string;
  options: AddOptions;
  replacing: ContentFile<ArticleFrontMatter>;
  text: string;
  bytes: Uint8Array;
  sourcePath: string;
  writeSource: boolean;
  fm: ArticleFrontMatter;
  messages: string[];
  result: IngestResult;
  articlePath: string;
}): FileOutcome {
  const old = r.replacing.data;
  if (!r.options.dryRun) {
    if (r.writeSource && !existsSync(r.sourcePath)) writeNewFile(r.sourcePath, r.bytes);
    replaceFile(r.articlePath, r.text);
  }
  const verb = r.options.dryRun ? 'would replace' : 'replaced';
  const changes = frontMatterChanges(old, r.fm, r.replacing.body, r.result.status === 'ok' ? r.result.article.body : '');
  r.messages.push(`${r.shown}: ${verb} ${displayPath(r.articlePath)} (${changes.length ? `changed: ${changes.join('; ')}` : 'nothing changed'})`);
  if (old.source.file !== r.fm.source.file) {
    const content = dirname(dirname(r.articlePath));
    r.messages.push(
      `${r.shown}: ${r.options.dryRun ? 'would keep' : 'kept'} the previous raw source ${displayPath(join(content, old.source.file))} beside the new one, ${displayPath(join(content, r.fm.source.file))}`,
    );
  }
  return { file: r.shown, exit: EXIT.written, messages: r.messages, result: r.result, articlePath: r.articlePath, sourcePath: r.sourcePath };
}

/** What a replacement changes, field by field: `title: «old» → «new»`, `places: +X −Y`, `body: 5 → 7 paragraphs`. */
export function frontMatterChanges(before: ArticleFrontMatter, after: ArticleFrontMatter, bodyBefore: string, bodyAfter: string): string[] {
  const out: string[] = [];
  const show = (v: unknown) => (v === null || v === undefined ? 'none' : typeof v === 'string' ? `«${v}»` : JSON.stringify(v));
  for (const key of ['title', 'outlet', 'date', 'date_basis', 'author', 'dateline'] as const) {
    if (before[key] !== after[key]) out.push(`${key}: ${show(before[key])} → ${show(after[key])}`);
  }
  for (const key of ['url', 'retrieved'] as const) {
    if (before.source[key] !== after.source[key]) out.push(`source ${key}: ${show(before.source[key])} → ${show(after.source[key])}`);
  }
  for (const key of ['places', 'events', 'agencies', 'tags'] as const) {
    const was = new Set(before[key]);
    const now = new Set(after[key]);
    const added = [...now].filter((x) => !was.has(x));
    const removed = [...was].filter((x) => !now.has(x));
    if (added.length || removed.length) out.push(`${key}: ${[...added.map((x) => `+${x}`), ...removed.map((x) => `−${x}`)].join(' ')}`);
  }
  if (JSON.stringify(before.related_material) !== JSON.stringify(after.related_material)) {
    out.push(`related_material: ${before.related_material.length} → ${after.related_material.length} item(s)`);
  }
  if (bodyBefore.trim() !== bodyAfter.trim()) {
    const paragraphs = (b: string) => b.split(/\n\s*\n/).filter((p) => p.trim()).length;
    out.push(`body: ${paragraphs(bodyBefore)} → ${paragraphs(bodyAfter)} paragraphs, text changed`);
  }
  return out;
}

/** "9 lines from line 12 on, under «صور من المعركة»": what left the body, for the summary. */
function keptApartSummary(lines: Array<{ line: number; text: string }>): string {
  const first = lines[0];
  if (!first) return 'nothing';
  return `${lines.length} line${lines.length === 1 ? '' : 's'} from line ${first.line} on, under «${first.text}»; listed in --json`;
}

async function main(): Promise<number> {
  const parsed = readCommandArgs({ name: 'add', usage: ADD_USAGE, help: ADD_HELP, options: ADD_OPTIONS, positionals: true });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    console.error(ADD_USAGE);
    return EXIT.unusable;
  }
  const outcomes = await addFiles(positionals, {
    contentDir: values.content ?? DEFAULT_CONTENT_DIR,
    url: values.url,
    outlet: values.outlet,
    date: values.date,
    title: values.title,
    event: values.event,
    newOutlet: values['new-outlet'],
    dryRun: values['dry-run'],
    repair: values.repair,
    replace: values.replace,
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

if (process.argv[1]?.endsWith('cli/add.ts')) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(
        `add: failed unexpectedly: ${error instanceof Error ? error.message : String(error)}; nothing was overwritten. Run with ARSHIF_DEBUG=1 for the trace, and report it.`,
      );
      if (environment().debug) console.error(error);
      process.exitCode = EXIT.unusable;
    },
  );
}

/** The build cache's store (the environment's cache folder: ARSHIF_CACHE_DIR, else .cache/arshif/); or none. */
function openStore(): Store | undefined {
  const { cacheDir } = buildConfig();
  if (!cacheDir) return undefined;
  try {
    return new DiskStore(cacheDir, codeVersion());
  } catch {
    return undefined;
  }
}
