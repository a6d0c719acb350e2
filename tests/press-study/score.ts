/**
 * Scores `add` against a folder of real articles and their ground truth:
 *
 *   npx tsx tests/press-study/score.ts /work/eval/press [--no-url] [--verbose] [--json]
 *                                      [--only 003,017] [--add-option NAME=VALUE]...
 *
 * The folder holds NNN.txt files and expected.yml (format: /work/eval/press/README.md). For each
 * file the real `addFiles` runs with `dryRun: true` (and the file's address as `--url`, unless
 * `--no-url`) on a fresh copy of the seed content, and its front matter is compared with the
 * truth. One line per file (ok / refused: first message / WRONG field: got vs expected), then the
 * totals. The key figure is the count of WRONG values written: an article `add` would write
 * whose date, outlet or headline differs from the truth. A refusal (exit 1 or 2) is never wrong.
 * `--add-option newOutlet=true` passes an option to addFiles that this script does not know of
 * (a flag added later); values `true`/`false` become booleans. `--verbose` prints every message
 * add gave for each file under its line; `--only` scores only the files named.
 *
 * `--isolate` measures each reading on its own: three runs per file, one per field, each with the
 * other two fields given as a user answering add's questions would (`--date`, `--title`,
 * `--outlet KEY` from the truth when it states them, else a stand-in: STAND_IN_DATE,
 * STAND_IN_TITLE, the first key of outlets.yml). Each field is then scored over every file whose
 * truth states it (right, asked, WRONG), and a value written where the truth states none is WRONG.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { foldArabic } from '../../src/arabic/normalise.ts';
import { addFiles, type AddOptions, type FileOutcome } from '../../src/cli/add.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/core/paths.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** One entry of expected.yml. Unknown fields are kept (the format may grow), none is required beyond these. */
export const expectedEntrySchema = z
  .object({
    file: z.string().regex(/^[\w.-]+\.txt$/, 'a file name in the folder'),
    url: z.string().url().nullable().optional(),
    outlet: z
      .object({
        name: z.string().nullable().optional(),
        name_en: z.string().nullable().optional(),
        domain: z.string().nullable().optional(),
        key: z.string().nullable().optional(),
        via: z.string().nullable().optional(),
      })
      .passthrough(),
    date: isoDate.nullable(),
    date_where: z.string().optional(),
    headline: z.string().nullable(),
  })
  .passthrough();
export type ExpectedEntry = z.infer<typeof expectedEntrySchema>;

export interface ScoreOptions {
  /** Run without `--url` (users often lack the address); dates only the address gives are then not stated. */
  noUrl?: boolean;
  /** Options passed through to addFiles, for flags this script does not know of. */
  addOptions?: Record<string, unknown>;
  /** The content to copy for each file (default: the seed content). */
  contentDir?: string;
  /** Score only these files (names as in expected.yml, with or without .txt). */
  only?: string[];
  /** Score this field alone, the other two given (from the truth, or a stand-in where it has none). */
  isolate?: Field;
}

export type Field = 'date' | 'headline' | 'outlet';
export const FIELDS: readonly Field[] = ['date', 'headline', 'outlet'];
/** Given as --date when the truth states no date and another field is measured. */
export const STAND_IN_DATE = '2000-01-01';
/** Given as --title when the excerpt holds no headline (it starts below it) and another field is measured. */
export const STAND_IN_TITLE = 'عنوان يعطيه المستخدم لأن النص المنسوخ يبدأ تحته';

/** `given`: the field was passed to add (isolate mode), so it is not scored. */
type Verdict = 'right' | 'wrong' | 'not-written' | 'given';

export interface FileScore {
  file: string;
  exit: number;
  firstMessage: string | null;
  /** Every message add gave (warnings and evidence too). */
  messages: string[];
  /** What the truth is for this run (after --no-url). */
  expected: { date: string | null; outlet: ExpectedEntry['outlet']; headline: string | null };
  got: { date: string | null; dateBasis: string | null; outlet: string | null; headline: string | null } | null;
  date: Verdict;
  outlet: Verdict;
  headline: Verdict;
  /** Headline equal only after folding (quotes, hamza, tatweel): counted right, shown. */
  headlineFolded: boolean;
}

export interface Totals {
  files: number;
  written: number;
  refusedNeedsInput: number;
  refusedUnusable: number;
  datesStated: number;
  datesExact: number;
  outletsRight: number;
  headlinesStated: number;
  headlinesRight: number;
  wrongDates: number;
  wrongOutlets: number;
  wrongHeadlines: number;
  /** Values written wrong, all fields together: the key figure. */
  wrongValues: number;
  /** Articles with at least one wrong value. */
  wrongArticles: number;
}

export class ScoreInputError extends Error {}

/** Reads and validates expected.yml; every problem is one line naming the file and the entry. */
export function readExpected(dir: string): ExpectedEntry[] {
  const path = join(dir, 'expected.yml');
  if (!existsSync(path)) throw new ScoreInputError(`${path}: no such file; the folder needs NNN.txt files and expected.yml`);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ScoreInputError(`${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(raw)) throw new ScoreInputError(`${path}: must be a YAML list of entries (- file: NNN.txt ...)`);
  return raw.map((entry, i) => {
    const parsed = expectedEntrySchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ScoreInputError(
        `${path}: entry ${i + 1}${(entry as { file?: string })?.file ? ` (${(entry as { file: string }).file})` : ''}: ${issue.path.join('.') || 'entry'}: ${issue.message}`,
      );
    }
    if (!existsSync(join(dir, parsed.data.file))) throw new ScoreInputError(`${path}: entry ${i + 1}: ${parsed.data.file} is not in ${dir}`);
    return parsed.data;
  });
}

const QUOTES = /["'“”„«»‘’‹›`]/g;
const spaces = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const folded = (s: string) => foldArabic(spaces(s).replace(QUOTES, '')).replace(/\s+/g, ' ').trim();

/** Reads outlets.yml of a content folder as plain YAML (robust to fields added later). */
function readOutlets(contentDir: string): Record<string, { name_ar?: string; name_en?: string; domains?: string[] }> {
  const path = join(contentDir, 'data', 'outlets.yml');
  if (!existsSync(path)) return {};
  const parsed = parseYaml(readFileSync(path, 'utf8')) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, { name_ar?: string; name_en?: string; domains?: string[] }>) : {};
}

const bareDomain = (d: string) => d.toLowerCase().replace(/^www\./, '');

/**
 * Whether a domain an entry lists is the true outlet's domain: the same, or one of them a
 * subdomain of the other (arabic.example.com and example.com are one publisher's).
 */
function sameDomain(listed: string, expected: string): boolean {
  const a = bareDomain(listed);
  const b = bareDomain(expected);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

type OutletFields = { name_ar?: string; name_en?: string; domains?: readonly unknown[] };

/** Whether an outlets.yml entry (kept, or one a dry run proposes) is the true outlet: by its domain or name. */
function entryIsOutlet(entry: OutletFields, expected: ExpectedEntry['outlet']): boolean {
  if (expected.domain && (entry.domains ?? []).some((d) => sameDomain(String(d), expected.domain!))) return true;
  const names = [entry.name_ar, entry.name_en].filter((n): n is string => typeof n === 'string').map(folded);
  return [expected.name, expected.name_en].some((n) => typeof n === 'string' && names.includes(folded(n)));
}

/** Whether the written outlet key is the true outlet: the same key, or an entry with the outlet's domain or name. */
function outletMatches(key: string, expected: ExpectedEntry['outlet'], outlets: ReturnType<typeof readOutlets>, outcome: FileOutcome): boolean {
  if (expected.key && key === expected.key) return true;
  const entry = Object.hasOwn(outlets, key) ? outlets[key] : undefined;
  if (entry) return entryIsOutlet(entry, expected);
  // A key outlets.yml does not hold: the outlet a dry run with --new-outlet would add. It is
  // judged by the entry add proposes (its domains and names), not by the words of its messages,
  // which may name the true outlet while proposing another.
  const proposed = outcome.result?.report.newOutlet;
  return proposed !== undefined && proposed.key === key && entryIsOutlet(proposed.outlet, expected);
}

export async function scoreFile(dir: string, entry: ExpectedEntry, options: ScoreOptions = {}): Promise<FileScore> {
  const work = mkdtempSync(join(tmpdir(), 'arshif-score-'));
  try {
    const contentDir = join(work, 'content');
    cpSync(options.contentDir ?? DEFAULT_CONTENT_DIR, contentDir, { recursive: true });
    const url = options.noUrl ? undefined : (entry.url ?? undefined);
    const expectedDate = options.noUrl && entry.date_where === 'url-only' ? null : entry.date;
    const given = options.isolate ? givenFields(options.isolate, { ...entry, date: expectedDate }, contentDir) : {};
    const addOptions = { ...options.addOptions, ...given, contentDir, url, dryRun: true } as AddOptions;
    // Awaited, so that the script keeps working if addFiles becomes asynchronous.
    const [outcome] = (await addFiles([join(dir, entry.file)], addOptions)) as FileOutcome[];
    if (!outcome) throw new Error(`addFiles returned nothing for ${entry.file}`);
    const expected = { date: expectedDate, outlet: entry.outlet, headline: entry.headline };
    const fm = outcome.exit === 0 && outcome.result?.status === 'ok' ? outcome.result.article.frontMatter : undefined;
    const score: FileScore = {
      file: entry.file,
      exit: outcome.exit,
      firstMessage: outcome.exit === 0 ? null : (outcome.messages[0] ?? null),
      messages: outcome.messages,
      expected,
      got: null,
      date: 'not-written',
      outlet: 'not-written',
      headline: 'not-written',
      headlineFolded: false,
    };
    if (!fm) return score;
    score.got = { date: fm.date, dateBasis: fm.date_basis, outlet: fm.outlet, headline: fm.title };
    score.date = expectedDate !== null && fm.date === expectedDate ? 'right' : 'wrong';
    score.outlet = outletMatches(fm.outlet, entry.outlet, readOutlets(contentDir), outcome) ? 'right' : 'wrong';
    if (entry.headline !== null && spaces(fm.title) === spaces(entry.headline)) score.headline = 'right';
    else if (entry.headline !== null && folded(fm.title) === folded(entry.headline)) {
      score.headline = 'right';
      score.headlineFolded = true;
    } else score.headline = 'wrong';
    if (options.isolate) for (const field of FIELDS) if (field !== options.isolate) score[field] = 'given';
    return score;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The options that give add every field but `field`: the truth's value, or a stand-in where the truth states none. */
export function givenFields(field: Field, entry: ExpectedEntry, contentDir: string): Partial<AddOptions> {
  const given: Partial<AddOptions> = {};
  if (field !== 'date') given.date = entry.date ?? STAND_IN_DATE;
  if (field !== 'headline') given.title = entry.headline ?? STAND_IN_TITLE;
  if (field !== 'outlet') given.outlet = entry.outlet.key ?? Object.keys(readOutlets(contentDir)).sort()[0];
  return given;
}

export function totalsOf(scores: FileScore[]): Totals {
  const count = (f: (s: FileScore) => boolean) => scores.filter(f).length;
  const wrong = (s: FileScore) => [s.date, s.outlet, s.headline].filter((v) => v === 'wrong').length;
  return {
    files: scores.length,
    written: count((s) => s.exit === 0),
    refusedNeedsInput: count((s) => s.exit === 1),
    refusedUnusable: count((s) => s.exit === 2),
    datesStated: count((s) => s.expected.date !== null),
    datesExact: count((s) => s.date === 'right'),
    outletsRight: count((s) => s.outlet === 'right'),
    headlinesStated: count((s) => s.expected.headline !== null),
    headlinesRight: count((s) => s.headline === 'right'),
    wrongDates: count((s) => s.date === 'wrong'),
    wrongOutlets: count((s) => s.outlet === 'wrong'),
    wrongHeadlines: count((s) => s.headline === 'wrong'),
    wrongValues: scores.reduce((n, s) => n + wrong(s), 0),
    wrongArticles: count((s) => wrong(s) > 0),
  };
}

export async function scoreCorpus(dir: string, options: ScoreOptions = {}): Promise<{ scores: FileScore[]; totals: Totals }> {
  const scores: FileScore[] = [];
  const wanted = options.only?.map((f) => (f.endsWith('.txt') ? f : `${f}.txt`));
  const entries = readExpected(dir).filter((e) => !wanted || wanted.includes(e.file));
  if (wanted && entries.length !== wanted.length) {
    const missing = wanted.filter((f) => !entries.some((e) => e.file === f));
    throw new ScoreInputError(`${join(dir, 'expected.yml')}: no entry for ${missing.join(', ')} (--only)`);
  }
  for (const entry of entries) scores.push(await scoreFile(dir, entry, options));
  return { scores, totals: totalsOf(scores) };
}

/** Dates exact by where the truth's date stood (start, under-headline, url-only, ...), for the dates work. */
export function datesByWhere(scores: FileScore[], entries: ExpectedEntry[]): string {
  const where = new Map(entries.map((e) => [e.file, e.date_where ?? 'unknown']));
  const groups = new Map<string, { exact: number; stated: number }>();
  for (const s of scores) {
    if (s.expected.date === null) continue;
    const key = where.get(s.file) ?? 'unknown';
    const g = groups.get(key) ?? { exact: 0, stated: 0 };
    g.stated++;
    if (s.date === 'right') g.exact++;
    groups.set(key, g);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, g]) => `${k} ${g.exact}/${g.stated}`)
    .join(', ');
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${Math.round((100 * n) / d)}%`);

export interface FieldTotals {
  field: Field;
  /** Files whose truth states the field (a headline line, a date; every file has an outlet). */
  stated: number;
  right: number;
  /** Refused, add asking (for this field or another): never wrong. */
  asked: number;
  /** Written wrong where the truth states the field. */
  wrong: number;
  /** Written where the truth states none (a headline on an excerpt without one). */
  wrongUnstated: number;
}

/** One field's figures from an isolated run (the other two given). */
export function fieldTotals(field: Field, scores: FileScore[]): FieldTotals {
  const isStated = (s: FileScore) => (field === 'date' ? s.expected.date !== null : field === 'headline' ? s.expected.headline !== null : true);
  const stated = scores.filter(isStated);
  return {
    field,
    stated: stated.length,
    right: stated.filter((s) => s[field] === 'right').length,
    asked: stated.filter((s) => s[field] === 'not-written').length,
    wrong: stated.filter((s) => s[field] === 'wrong').length,
    wrongUnstated: scores.filter((s) => !isStated(s) && s[field] === 'wrong').length,
  };
}

export function fieldLine(t: FieldTotals): string {
  return `${t.field} alone: right ${t.right}/${t.stated} (${pct(t.right, t.stated)}), asked ${t.asked}, WRONG ${t.wrong + t.wrongUnstated} (${t.wrong} where stated, ${t.wrongUnstated} where the truth states none)`;
}

const show = (v: string | null | undefined) => (v === null || v === undefined ? 'null' : JSON.stringify(v));

/** One line for a file: ok, refused with the first message, or each WRONG field with got vs expected. */
export function fileLine(s: FileScore): string {
  if (!s.got) return `${s.file}: refused (exit ${s.exit}): ${(s.firstMessage ?? '').replace(/^.*?\.txt: /, '')}`;
  const wrong: string[] = [];
  if (s.date === 'wrong') wrong.push(`WRONG date: got ${s.got.date} (${s.got.dateBasis}) vs expected ${show(s.expected.date)}`);
  if (s.outlet === 'wrong') wrong.push(`WRONG outlet: got ${s.got.outlet} vs expected ${show(s.expected.outlet.key ?? s.expected.outlet.domain ?? s.expected.outlet.name)}`);
  if (s.headline === 'wrong') wrong.push(`WRONG headline: got ${show(s.got.headline)} vs expected ${show(s.expected.headline)}`);
  if (wrong.length === 0) return `${s.file}: ok (${s.got.outlet}, ${s.got.date} ${s.got.dateBasis}${s.headlineFolded ? ', headline equal after folding' : ''})`;
  return `${s.file}: ${wrong.join('; ')}`;
}

export function totalsLines(t: Totals): string[] {
  return [
    `files ${t.files}: written ${t.written}, refused ${t.refusedNeedsInput + t.refusedUnusable} (${t.refusedNeedsInput} needs input, ${t.refusedUnusable} unusable)`,
    `dates exact among those stated: ${t.datesExact}/${t.datesStated} (${pct(t.datesExact, t.datesStated)})`,
    `outlets right: ${t.outletsRight}/${t.files} (${pct(t.outletsRight, t.files)})`,
    `headlines right among those present: ${t.headlinesRight}/${t.headlinesStated} (${pct(t.headlinesRight, t.headlinesStated)})`,
    `WRONG values written: ${t.wrongValues} (dates ${t.wrongDates}, outlets ${t.wrongOutlets}, headlines ${t.wrongHeadlines}) in ${t.wrongArticles} articles`,
  ];
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'no-url': { type: 'boolean', default: false },
        isolate: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        only: { type: 'string' },
        'add-option': { type: 'string', multiple: true, default: [] },
        content: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`score: ${(error as Error).message}`);
    return 2;
  }
  const dir = parsed.positionals[0];
  if (!dir || parsed.positionals.length > 1) {
    console.error('usage: npx tsx tests/press-study/score.ts DIR [--no-url] [--isolate] [--verbose] [--json] [--only NNN,...] [--add-option NAME=VALUE]... [--content DIR]');
    return 2;
  }
  const addOptions: Record<string, unknown> = {};
  for (const pair of parsed.values['add-option'] ?? []) {
    const m = /^([A-Za-z][\w]*)=(.*)$/.exec(pair);
    if (!m) {
      console.error(`score: --add-option ${pair}: write NAME=VALUE, e.g. --add-option newOutlet=true`);
      return 2;
    }
    addOptions[m[1]!] = m[2] === 'true' ? true : m[2] === 'false' ? false : m[2];
  }
  const base: ScoreOptions = {
    noUrl: parsed.values['no-url'],
    addOptions,
    contentDir: parsed.values.content ? resolve(parsed.values.content) : undefined,
    only: parsed.values.only
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean),
  };
  const runs: Array<{ field?: Field; result: Awaited<ReturnType<typeof scoreCorpus>> }> = [];
  try {
    if (parsed.values.isolate) for (const field of FIELDS) runs.push({ field, result: await scoreCorpus(resolve(dir), { ...base, isolate: field }) });
    else runs.push({ result: await scoreCorpus(resolve(dir), base) });
  } catch (error) {
    if (error instanceof ScoreInputError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (parsed.values.json) {
    const shown = parsed.values.isolate
      ? Object.fromEntries(runs.map(({ field, result }) => [field, { scores: result.scores, totals: fieldTotals(field as Field, result.scores) }]))
      : runs[0]?.result;
    console.log(JSON.stringify(shown, null, 2));
    return 0;
  }
  for (const { field, result } of runs) {
    if (field) console.log(`== ${field} alone (${FIELDS.filter((f) => f !== field).join(' and ')} given) ==`);
    for (const s of result.scores) {
      console.log(fileLine(s));
      if (parsed.values.verbose) for (const m of s.messages) console.log(`    ${m.replace(/^.*?\.txt: /, '')}`);
    }
    console.log('');
  }
  if (parsed.values.isolate) {
    for (const { field, result } of runs) console.log(fieldLine(fieldTotals(field as Field, result.scores)));
    const dateRun = runs.find((r) => r.field === 'date');
    if (dateRun) console.log(`dates alone by where they stood: ${datesByWhere(dateRun.result.scores, readExpected(resolve(dir))) || '-'}`);
    return 0;
  }
  const result = runs[0]!.result;
  for (const line of totalsLines(result.totals)) console.log(line);
  console.log(`dates exact by where they stood: ${datesByWhere(result.scores, readExpected(resolve(dir))) || '-'}`);
  return 0;
}

if (process.argv[1]?.endsWith('press-study/score.ts')) {
  // add prints nothing itself (addFiles returns messages), so stdout holds only the score.
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`score: failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
