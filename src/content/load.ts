/**
 * Loads content/ (articles, events, data files), validates every file against its schema and
 * against the others (known outlets, places and events, unique ids, intact sources), and
 * reports each problem as one line naming the file, the line and the field.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, isAbsolute } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { ArshifError, formatPath, type Problem } from '../core/problem.ts';
import type { ParseCache } from '../cache/parse-cache.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import type { Content, ContentFile, DataEntries } from './content.ts';
import {
  articleSchema,
  eventSchema,
  outletSchema,
  placeSchema,
  siteSchema,
  type SiteFile,
} from './schema.ts';
import { checkReferences } from './references.ts';
import { unsafeCharacters } from './schema.ts';
import { sha256 as sha256Of } from '../core/hash.ts';
import { markdownLimitProblem } from '../markdown/limits.ts';
import { decodeBytes } from '../arabic/decode.ts';
import { runSharedWork } from '../core/workers.ts';

export type { Content, ContentFile, DataEntries } from './content.ts';

export interface LoadContentOptions {
  /** What earlier builds got from files with the same text (parse-cache.ts). */
  parseCache?: ParseCache;
}

/** Reads and validates content/; returns what loaded and every problem found. */
export function loadContent(contentDir: string, options: LoadContentOptions = {}): { content: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  const dir = isAbsolute(contentDir) ? contentDir : join(process.cwd(), contentDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw ArshifError.single({
      file: displayPath(dir),
      message: 'the content folder does not exist',
      hint: 'run the build from the project folder, or pass --content DIR',
    });
  }
  problems.push(...checkFolders(dir));
  const outlets = loadDataFile(join(dir, 'data', 'outlets.yml'), outletSchema, problems);
  const places = loadDataFile(join(dir, 'data', 'places.yml'), placeSchema, problems);
  const articles = loadMarkdownFolder(join(dir, 'articles'), problems, { kind: 'article', cache: options.parseCache });
  const events = loadMarkdownFolder(join(dir, 'events'), problems, { kind: 'event', cache: options.parseCache });
  const site = loadObjectFile(join(dir, 'data', 'site.yml'), siteSchema, DEFAULT_SITE, problems);
  const eventsDir = join(dir, 'events');
  const eventFileIds = existsSync(eventsDir) ? readdirSync(eventsDir).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)) : [];
  const content: Content = { dir, articles, events, eventFileIds, outlets, places, site };
  problems.push(...checkReferences(content));
  problems.push(...checkSources(content));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { content, problems: capPerFile(problems) };
}

/** Most problems listed for one file; a file with more is likely not what it should be at all. */
export const MAX_PROBLEMS_PER_FILE = 20;

/** The first MAX_PROBLEMS_PER_FILE problems of each file, then one line saying how many more. */
function capPerFile(sorted: Problem[]): Problem[] {
  const out: Problem[] = [];
  const count = new Map<string, number>();
  for (const p of sorted) count.set(p.file, (count.get(p.file) ?? 0) + 1);
  const shown = new Map<string, number>();
  for (const p of sorted) {
    const n = (shown.get(p.file) ?? 0) + 1;
    shown.set(p.file, n);
    if (n <= MAX_PROBLEMS_PER_FILE) out.push(p);
    else if (n === MAX_PROBLEMS_PER_FILE + 1) {
      const more = (count.get(p.file) ?? 0) - MAX_PROBLEMS_PER_FILE;
      out.push({ file: p.file, message: `${more} more problem${more === 1 ? '' : 's'} in this file`, hint: 'fix those above first (the file may not be what it should be), then build again' });
    }
  }
  return out;
}

/** Like loadContent, but throws one ArshifError listing every problem. */
export function loadValidContent(contentDir: string, options: LoadContentOptions = {}): Content {
  const { content, problems } = loadContent(contentDir, options);
  if (problems.length > 0) throw new ArshifError(problems);
  return content;
}

export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/**
 * Largest content files read. An article's Markdown above 2 MB is not an article (the limit of
 * `npm run add` for raw texts, too): a pasted dump or several articles in one, which would also
 * make a page no reader can load. Data files get more room (a large gazetteer) but not without
 * bound: a mislaid video must not be read into memory.
 */
export const MAX_MARKDOWN_BYTES = 2 * 1024 * 1024;
export const MAX_DATA_BYTES = 16 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The file's text (UTF-8, BOM allowed, line ends made LF), or undefined with a problem. */
function readText(path: string, problems: Problem[], maxBytes: number): string | undefined {
  const file = displayPath(path);
  const size = statSync(path).size;
  if (size > maxBytes) {
    problems.push(
      maxBytes === MAX_MARKDOWN_BYTES
        ? { file, message: `is ${megabytes(size)}; a news article's text is far smaller (limit ${megabytes(maxBytes)}, as for \`npm run add\`)`, hint: 'keep only the article\'s text, one article per file' }
        : { file, message: `is ${megabytes(size)}, more than a data file may hold (limit ${megabytes(maxBytes)})`, hint: 'check that it is the right file; split the data or move other files out of content/' },
    );
    return undefined;
  }
  const bytes = readFileSync(path);
  // isUtf8 is Node's native check of the same strict UTF-8 (no overlong forms, surrogates or code
  // points past U+10FFFF); the byte-by-byte scan runs only to find where a bad file goes wrong.
  const invalidAt = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (invalidAt === -1 && !bytes.includes(0)) return new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
  const lineAt = (offset: number) => bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
  const decoded = decodeBytes(bytes);
  if (!decoded.ok && decoded.reason === 'binary') {
    const kind = /^is a binary file \(([^)]*)\)/.exec(decoded.message)?.[1];
    const nul = bytes.indexOf(0);
    const what = kind === 'it contains NUL bytes' ? `it contains NUL bytes, the first on line ${lineAt(nul)}` : kind;
    problems.push({ file, message: `is a binary file${what ? ` (${what})` : ''}, not text`, hint: 'remove it, or replace it with a UTF-8 text file' });
  } else if ((decoded.ok && decoded.encoding === 'windows-1256') || (!bytes.includes(0) && looksLikeWindows1256(bytes))) {
    problems.push({
      file,
      line: lineAt(invalidAt),
      message: 'is not UTF-8 but Windows-1256 (the older Arabic Windows encoding)',
      hint: 'save it as UTF-8 (e.g. `iconv -f WINDOWS-1256 -t UTF-8`); raw texts in any encoding go through `npm run add`',
    });
  } else if (decoded.ok && decoded.encoding.startsWith('utf-16')) {
    problems.push({ file, message: 'is UTF-16, not UTF-8', hint: 'save it as UTF-8' });
  } else if (bytes.includes(0)) {
    problems.push({ file, line: lineAt(bytes.indexOf(0)), message: 'contains a NUL byte, which no text holds', hint: 'remove it (the file may be damaged), and save it as UTF-8' });
  } else {
    problems.push({ file, line: lineAt(invalidAt), message: 'is not valid UTF-8', hint: 'save the file as UTF-8 (raw texts in other encodings go through `npm run add`)' });
  }
  return undefined;
}

/**
 * Whether text that is not UTF-8 reads as Arabic in Windows-1256: most of its non-ASCII bytes
 * are Arabic letters there. (A content file is mostly ASCII field names, so the share of Arabic
 * among all letters, which `add` weighs for raw texts, says little here.)
 */
function looksLikeWindows1256(bytes: Uint8Array): boolean {
  const high = [...new TextDecoder('windows-1256').decode(bytes.filter((b) => b >= 0x80))];
  const arabic = high.filter((c) => /[\u0600-\u06FF]/u.test(c)).length;
  return high.length >= 4 && arabic >= 0.8 * high.length;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const b1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 >= 0xa0) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90)) return i;
    i += need + 1;
  }
  return -1;
}

export function loadDataFile<S extends z.ZodType>(path: string, schema: S, problems: Problem[]): DataEntries<z.infer<S>> {
  const file = displayPath(path);
  const result: DataEntries<z.infer<S>> = { file, loaded: false, entries: Object.create(null), rejected: Object.create(null), lineOf: () => undefined };
  if (!existsSync(path)) {
    problems.push({ file, message: 'is missing', hint: 'create it (see README.md, "Content")' });
    return result;
  }
  if (!statSync(path).isFile()) {
    problems.push({ file, message: 'is a folder, not a file', hint: 'put the data file itself here' });
    return result;
  }
  const text = readText(path, problems, MAX_DATA_BYTES);
  if (text === undefined) return result;
  const yaml = parseYamlSource(text, file);
  result.lineOf = yaml.lineOf;
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return result;
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    // Left unloaded: with no entries at all, every reference to it would be reported too.
    problems.push(
      yaml.value === null
        ? { file, line: 1, message: 'is empty', hint: 'it must list the entries, each under its Latin key (restore it from version control if it was emptied by mistake)' }
        : { file, line: 1, message: `must be a map of entries keyed by their Latin key, not ${kindOf(yaml.value)}`, hint: 'write `key:` followed by the entry\'s fields, indented' },
    );
    return result;
  }
  result.loaded = true;
  for (const [key, raw] of Object.entries(yaml.value as Record<string, unknown>)) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)) {
      problems.push({ file, line: yaml.lineOf([key]), field: key, message: 'is not a valid key', hint: 'use lowercase Latin letters, digits and single hyphens' });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) result.entries[key] = parsed.data;
    else {
      result.rejected[key] = raw;
      problems.push(...zodProblems(parsed.error, file, yaml, [key]));
    }
  }
  return result;
}

const DEFAULT_SITE: SiteFile = { title: 'أرشيف', description: 'أرشيف للأخبار العربية', url: 'http://localhost:8080/' };

/**
 * A YAML file holding one object (site.yml, clutter.yml): its validated value, or `fallback`
 * when the file is absent or has problems (which are added to `problems`).
 */
export function loadObjectFile<S extends z.ZodType>(path: string, schema: S, fallback: z.infer<S>, problems: Problem[]): z.infer<S> {
  if (!existsSync(path)) return fallback;
  const file = displayPath(path);
  if (!statSync(path).isFile()) {
    problems.push({ file, message: 'is a folder, not a file', hint: 'put the data file itself here' });
    return fallback;
  }
  const text = readText(path, problems, MAX_DATA_BYTES);
  if (text === undefined) return fallback;
  const yaml = parseYamlSource(text, file);
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return fallback;
  if (yaml.value !== null && (typeof yaml.value !== 'object' || Array.isArray(yaml.value))) {
    problems.push({ file, line: 1, message: `must be fields written \`key: value\`, not ${kindOf(yaml.value)}`, hint: 'see README.md, "Content", for the fields of this file' });
    return fallback;
  }
  const parsed = schema.safeParse(yaml.value ?? {});
  if (parsed.success) return parsed.data;
  problems.push(...zodProblems(parsed.error, file, yaml, []));
  return fallback;
}

/** The schemas Markdown content files are read with, by the kind of file (a parse task names its schema by kind). */
export const MARKDOWN_SCHEMAS = { article: articleSchema, event: eventSchema } as const;

export type MarkdownKind = keyof typeof MARKDOWN_SCHEMAS;

/** Reading one Markdown file's text, as plain data, so that it can be done on another thread (parse-task.ts). */
export interface ParseTask {
  kind: MarkdownKind;
  /** The file's path as the user sees it (problems name it). */
  file: string;
  /** The file's text, without a BOM. */
  source: string;
}

export interface ParseOutcome {
  /** What is wrong with the file, in the order found; empty for most files. */
  problems: Problem[];
  /** What the file gave, unless a problem stopped it (no `lineOf`: a function cannot cross threads). */
  loaded?: { data: unknown; body: string; bodyLine: number };
}

/** Reads one file's text with its kind's schema: the same on either thread. */
export function parseMarkdownTask(task: ParseTask): ParseOutcome {
  const problems: Problem[] = [];
  const loaded = parseMarkdownSource(task.source, task.file, MARKDOWN_SCHEMAS[task.kind], problems);
  return loaded ? { problems, loaded: { data: loaded.data, body: loaded.body, bodyLine: loaded.bodyLine } } : { problems };
}

/**
 * Fewer files to parse than this are parsed on this thread only: a worker takes about a second to
 * start and warm up, and parsing costs under a millisecond a file. Measured on two busy cores,
 * loading 2,000 articles took 0.6 s longer with the worker and 10,000 took 2.3 s less (6.9 s).
 */
const MIN_FILES_FOR_WORKER = 3000;

/** Which kind of file a folder holds (its schema, and part of their key in the parse cache), and the cache. */
interface Caching {
  kind: MarkdownKind;
  cache: ParseCache | undefined;
}

/** One file of a folder as it is read: the problems met so far, and its text or what it gave. */
interface FolderFile<T> {
  problems: Problem[];
  file: string;
  source?: string;
  loaded?: ContentFile<T>;
}

/**
 * The files of a Markdown folder, in name order. They are read from disk and looked up in the
 * parse cache first; those it lacks are then parsed together, on two threads when there are many
 * (shared-work.ts), and last each file's problems are reported in file order, so the problems and
 * files are the same, in the same order, as reading the files one after the other.
 */
function loadMarkdownFolder<K extends MarkdownKind>(
  folder: string,
  problems: Problem[],
  caching: Caching & { kind: K },
): ContentFile<z.infer<(typeof MARKDOWN_SCHEMAS)[K]>>[] {
  type T = z.infer<(typeof MARKDOWN_SCHEMAS)[K]>;
  if (!existsSync(folder)) return [];
  const read: FolderFile<T>[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (name.startsWith('.')) continue;
    const file = displayPath(path);
    const own: Problem[] = [];
    const entry: FolderFile<T> = { problems: own, file };
    read.push(entry);
    if (!statSync(path).isFile()) {
      own.push({ file, message: `is a folder, and only the files directly in ${displayPath(folder)}/ are read`, hint: 'move its files up, or move it out of content/' });
      continue;
    }
    if (!name.endsWith('.md')) {
      own.push({ file, message: 'is not a Markdown file', hint: 'content files end in .md; move other files out of this folder' });
      continue;
    }
    const text = readText(path, own, MAX_MARKDOWN_BYTES);
    if (text === undefined) continue;
    const source = text.replace(/^\uFEFF/, '');
    const cached = cachedFile<T>(source, file, caching);
    if (cached) entry.loaded = cached;
    else entry.source = source;
  }
  const todo = read.filter((f) => f.source !== undefined);
  const outcomes = runSharedWork({
    tasks: todo.map((f): ParseTask => ({ kind: caching.kind, file: f.file, source: f.source as string })),
    compute: parseMarkdownTask,
    module: new URL('./parse-task.ts', import.meta.url),
    exportName: 'parseWorker',
    setup: undefined,
    minTasks: MIN_FILES_FOR_WORKER,
  });
  outcomes.forEach((outcome, t) => {
    const f = todo[t] as FolderFile<T>;
    const source = f.source as string;
    f.problems.push(...outcome.problems);
    if (!outcome.loaded) return;
    const { data, body, bodyLine } = outcome.loaded;
    f.loaded = { file: f.file, data: data as T, body, bodyLine, lineOf: lazyLineOf(source, f.file) };
    if (caching.cache && outcome.problems.length === 0 && source.endsWith(body)) {
      caching.cache.set(caching.kind, source, { data, bodyStart: source.length - body.length, bodyLine });
    }
  });
  const files: ContentFile<T>[] = [];
  for (const f of read) {
    problems.push(...f.problems);
    if (f.loaded) files.push(f.loaded);
  }
  return files;
}

/**
 * What the parse cache holds for a file's text: read before without a problem, the same text
 * gives the same data.
 */
function cachedFile<T>(source: string, file: string, caching: Caching): ContentFile<T> | undefined {
  const cached = caching.cache?.get(caching.kind, source);
  if (!cached) return undefined;
  return { file, data: cached.data as T, body: source.slice(cached.bodyStart), bodyLine: cached.bodyLine, lineOf: lazyLineOf(source, file) };
}

/**
 * A file's `lineOf`, parsing its YAML again only when first asked: only a problem found across
 * files (references.ts) needs the line of a field, and parseMarkdownSource gives the same lines.
 */
function lazyLineOf(source: string, file: string): YamlSource['lineOf'] {
  let yaml: YamlSource | undefined;
  return (path) => (yaml ??= frontMatterYaml(source, file)).lineOf(path);
}

/** The YAML of a file whose front matter is there and closed, split off as parseMarkdownSource does. */
function frontMatterYaml(source: string, file: string): YamlSource {
  const split = matter(source, { engines: { yaml: () => ({}) } });
  return parseYamlSource(split.matter.replace(/^\n/, ''), file, 2);
}

export function parseMarkdownSource<S extends z.ZodType>(source: string, file: string, schema: S, problems: Problem[]): ContentFile<z.infer<S>> | undefined {
  const language = /^---([^\s-][^\n]*)\n/.exec(source)?.[1];
  if (language !== undefined) {
    problems.push({ file, line: 1, message: `front matter starts with "---${language}": front matter in a language other than YAML is never read`, hint: 'start the file with a line "---" alone, then the fields in YAML' });
    return undefined;
  }
  if (!/^---[ \t]*\n/.test(source)) {
    problems.push({ file, line: 1, message: 'has no front matter', hint: 'start the file with a line "---", the fields, and another "---"' });
    return undefined;
  }
  if (!/\n---[ \t]*(\n|$)/.test(source.slice(3))) {
    problems.push({ file, line: 1, message: 'front matter is not closed', hint: 'add a line "---" after the last field' });
    return undefined;
  }
  // gray-matter splits; YAML is parsed by parseYamlSource, which knows lines and keeps dates as text.
  const split = matter(source, { engines: { yaml: () => ({}) } });
  const yaml = parseYamlSource(split.matter.replace(/^\n/, ''), file, 2);
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return undefined;
  if (yaml.value !== null && (typeof yaml.value !== 'object' || Array.isArray(yaml.value))) {
    problems.push({ file, line: 2, message: `the front matter must be fields written \`key: value\`, not ${kindOf(yaml.value)}`, hint: 'write one field a line, e.g. `title: …` (see README.md, "Content")' });
    return undefined;
  }
  const bodyLine = source.slice(0, source.length - split.content.length).split('\n').length;
  problems.push(...bodyCharacterProblems(split.content, file, bodyLine));
  const limit = markdownLimitProblem(split.content);
  if (limit) {
    const [message = limit, hint = ''] = limit.split(/; (.*)/s);
    problems.push({ file, line: bodyLine, message, hint });
  }
  const parsed = schema.safeParse(yaml.value ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, file, yaml, []));
    return undefined;
  }
  return { file, data: parsed.data, body: split.content, bodyLine, lineOf: yaml.lineOf };
}

/** One problem per zod issue, with the field's line. */
export function zodProblems(error: z.ZodError, file: string, yaml: YamlSource, prefix: Array<string | number>): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        line: yaml.lineOf([...path, key]),
        field: formatPath([...path, key]),
        message: 'is not a known field',
        hint: 'remove it or correct its spelling (see README.md, "Content")',
      }));
    }
    const value = valueAt(yaml.value, path);
    const missing = issue.code === 'invalid_type' && value === undefined;
    // A message may carry its own advice after "; " (e.g. "contains …; remove them").
    const [message = issue.message, hint = 'correct the value'] = issue.message.split(/; (.*)/s);
    const found = issue.code === 'invalid_type' && value !== null ? `, not ${kindOf(value)}` : '';
    return [
      {
        file,
        line: yaml.lineOf(path),
        field: formatPath(path),
        message: missing ? 'is missing' : message + found,
        hint: missing ? 'add it (see README.md, "Content")' : hint,
      },
    ];
  });
}


function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

function checkSources(content: Content): Problem[] {
  const problems: Problem[] = [];
  for (const article of content.articles) {
    const { file: sourceFile, sha256 } = article.data.source;
    const path = join(content.dir, sourceFile);
    const line = () => article.lineOf(['source', 'file']); // only when reported (parse-cache.ts)
    if (!existsSync(path)) {
      problems.push({ file: article.file, line: line(), field: 'source.file', message: `${sourceFile} does not exist`, hint: 'restore the raw text under content/sources/ or correct the path' });
      continue;
    }
    if (!statSync(path).isFile()) {
      problems.push({ file: article.file, line: line(), field: 'source.file', message: `${sourceFile} is not a file`, hint: 'name the raw text\'s file under content/sources/' });
      continue;
    }
    const actual = sha256Of(readFileSync(path));
    if (actual !== sha256) {
      problems.push({
        file: article.file,
        line: article.lineOf(['source', 'sha256']),
        field: 'source.sha256',
        message: `does not match ${sourceFile} (its bytes hash to ${actual})`,
        hint: 'raw sources must never be edited: restore the original file, or correct the hash if the front matter is wrong',
      });
    }
  }
  return problems;
}

export function idFromFile(file: string): string {
  return basename(file).replace(/\.md$/, '');
}

/** "a list", "a map", "a number", "true or false", "text": what a YAML value is, for messages. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  switch (typeof value) {
    case 'object':
      return 'a group of fields';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'text';
    default:
      return typeof value;
  }
}

/**
 * Direction controls and control characters in a Markdown body, written as such or as character
 * references (`&#x202E;`, which Markdown turns into the character): one problem, at the first line.
 */
function bodyCharacterProblems(body: string, file: string, bodyLine: number): Problem[] {
  // Most bodies: no character reference and no unsafe character anywhere (neither kind of
  // character is a line break, so checking the whole body answers for every line at once).
  if (!body.includes('&#') && unsafeCharacters(body) === undefined) return [];
  const lines = body.split('\n').map((line) =>
    line.replace(/&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi, (ref, hex?: string, dec?: string) => {
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    }),
  );
  const bad = lines.flatMap((text, i) => (unsafeCharacters(text) ? [i] : []));
  const first = bad[0];
  if (first === undefined) return [];
  const [message = '', hint = ''] = (unsafeCharacters(lines[first] ?? '') ?? '').split(/; (.*)/s);
  const others = bad.length > 1 ? ` (and on ${bad.length - 1} more line${bad.length === 2 ? '' : 's'})` : '';
  return [{ file, line: bodyLine + first, message: `the text ${message}${others}`, hint }];
}

/** What content/ and content/data/ may hold. */
export const CONTENT_FOLDERS = ['articles', 'events', 'data', 'sources'] as const;
export const DATA_FILES = ['outlets.yml', 'places.yml', 'agencies.yml', 'clutter.yml', 'entities.yml', 'spellings.yml', 'site.yml', 'aggregators.yml'] as const;

/**
 * Anything else in content/ is refused rather than ignored: a misspelt folder would silently
 * lose its files, and a stray template or data script would be run by Eleventy, which reads
 * the content folder as its input. Hidden files (.DS_Store, .gitkeep) are left alone.
 */
function checkFolders(dir: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const known = (CONTENT_FOLDERS as readonly string[]).includes(name);
    if (!known || !statSync(path).isDirectory()) {
      problems.push({
        file: displayPath(path),
        message: known ? 'must be a folder' : 'is not part of the content',
        hint: `content/ holds only the folders ${CONTENT_FOLDERS.map((f) => `${f}/`).join(', ')}; move it out of content/`,
      });
    }
  }
  const data = join(dir, 'data');
  if (existsSync(data) && statSync(data).isDirectory()) {
    for (const name of readdirSync(data).sort()) {
      if (name.startsWith('.') || (DATA_FILES as readonly string[]).includes(name)) continue;
      problems.push({
        file: displayPath(join(data, name)),
        message: 'is not a data file Arshif reads',
        hint: `content/data/ holds ${DATA_FILES.join(', ')}; correct its name or move it out of content/`,
      });
    }
  }
  return problems;
}
