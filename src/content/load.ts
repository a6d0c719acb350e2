/**
 * Loads content/ (articles, events, data files), validates every file against its schema and
 * against the others (known outlets, places and events, unique ids, intact sources), and
 * reports each problem as one line naming the file, the line and the field.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, isAbsolute } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { ArshifError, formatPath, type Problem } from './problem.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import {
  articleSchema,
  eventSchema,
  outletSchema,
  placeSchema,
  type ArticleFrontMatter,
  type EventFrontMatter,
  type Outlet,
  type Place,
  siteSchema,
  type SiteFile,
} from './schema.ts';
import { checkReferences } from './references.ts';

export interface ContentFile<T> {
  /** Path as the user sees it. */
  file: string;
  data: T;
  /** Markdown body. */
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
  lineOf: YamlSource['lineOf'];
}

export interface DataEntries<T> {
  file: string;
  /** False when the file is missing or its YAML is broken (references to it are then not checked). */
  loaded: boolean;
  entries: Record<string, T>;
  lineOf: YamlSource['lineOf'];
}

export interface Content {
  /** Absolute path of the content folder. */
  dir: string;
  articles: ContentFile<ArticleFrontMatter>[];
  events: ContentFile<EventFrontMatter>[];
  /** Ids of every event file, valid or not (so one broken event is not reported again by each article). */
  eventFileIds: string[];
  outlets: DataEntries<Outlet>;
  places: DataEntries<Place>;
  site: SiteFile;
}

/** Reads and validates content/; returns what loaded and every problem found. */
export function loadContent(contentDir: string): { content: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  const dir = isAbsolute(contentDir) ? contentDir : join(process.cwd(), contentDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw ArshifError.single({
      file: displayPath(dir),
      message: 'the content folder does not exist',
      hint: 'run the build from the project folder, or pass --content DIR',
    });
  }
  const outlets = loadDataFile(join(dir, 'data', 'outlets.yml'), outletSchema, problems);
  const places = loadDataFile(join(dir, 'data', 'places.yml'), placeSchema, problems);
  const articles = loadMarkdownFolder(join(dir, 'articles'), articleSchema, problems);
  const events = loadMarkdownFolder(join(dir, 'events'), eventSchema, problems);
  const site = loadObjectFile(join(dir, 'data', 'site.yml'), siteSchema, DEFAULT_SITE, problems);
  const eventsDir = join(dir, 'events');
  const eventFileIds = existsSync(eventsDir) ? readdirSync(eventsDir).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)) : [];
  const content: Content = { dir, articles, events, eventFileIds, outlets, places, site };
  problems.push(...checkReferences(content));
  problems.push(...checkSources(content));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { content, problems };
}

/** Like loadContent, but throws one ArshifError listing every problem. */
export function loadValidContent(contentDir: string): Content {
  const { content, problems } = loadContent(contentDir);
  if (problems.length > 0) throw new ArshifError(problems);
  return content;
}

export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

function readText(path: string, problems: Problem[]): string | undefined {
  const bytes = readFileSync(path);
  if (bytes.includes(0)) {
    problems.push({ file: displayPath(path), message: 'is a binary file, not text', hint: 'remove it, or replace it with a UTF-8 text file' });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problems.push({ file: displayPath(path), message: 'is not valid UTF-8', hint: 'save the file as UTF-8 (raw texts in other encodings go through `npm run add`)' });
    return undefined;
  }
  return text.replace(/\r\n?/g, '\n');
}

export function loadDataFile<S extends z.ZodType>(path: string, schema: S, problems: Problem[]): DataEntries<z.infer<S>> {
  const file = displayPath(path);
  const result: DataEntries<z.infer<S>> = { file, loaded: false, entries: {}, lineOf: () => undefined };
  if (!existsSync(path)) {
    problems.push({ file, message: 'is missing', hint: 'create it (see README.md, "Content")' });
    return result;
  }
  const text = readText(path, problems);
  if (text === undefined) return result;
  const yaml = parseYamlSource(text, file);
  result.lineOf = yaml.lineOf;
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return result;
  result.loaded = true;
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    problems.push({ file, line: 1, message: 'must be a map of entries keyed by their Latin key', hint: 'write `key:` followed by the entry\'s fields, indented' });
    return result;
  }
  for (const [key, raw] of Object.entries(yaml.value as Record<string, unknown>)) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)) {
      problems.push({ file, line: yaml.lineOf([key]), field: key, message: 'is not a valid key', hint: 'use lowercase Latin letters, digits and single hyphens' });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) result.entries[key] = parsed.data;
    else problems.push(...zodProblems(parsed.error, file, yaml, [key]));
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
  const text = readText(path, problems);
  if (text === undefined) return fallback;
  const yaml = parseYamlSource(text, file);
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return fallback;
  const parsed = schema.safeParse(yaml.value ?? {});
  if (parsed.success) return parsed.data;
  problems.push(...zodProblems(parsed.error, file, yaml, []));
  return fallback;
}

function loadMarkdownFolder<S extends z.ZodType>(folder: string, schema: S, problems: Problem[]): ContentFile<z.infer<S>>[] {
  if (!existsSync(folder)) return [];
  const files: ContentFile<z.infer<S>>[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (!statSync(path).isFile() || name.startsWith('.')) continue;
    const file = displayPath(path);
    if (!name.endsWith('.md')) {
      problems.push({ file, message: 'is not a Markdown file', hint: 'content files end in .md; move other files out of this folder' });
      continue;
    }
    const text = readText(path, problems);
    if (text === undefined) continue;
    const loaded = parseMarkdownFile(text, file, schema, problems);
    if (loaded) files.push(loaded);
  }
  return files;
}

function parseMarkdownFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  problems: Problem[],
): ContentFile<z.infer<S>> | undefined {
  const source = text.replace(/^\uFEFF/, '');
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
  const bodyLine = source.slice(0, source.length - split.content.length).split('\n').length;
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
    const missing = issue.code === 'invalid_type' && valueAt(yaml.value, path) === undefined;
    return [
      {
        file,
        line: yaml.lineOf(path),
        field: formatPath(path),
        message: missing ? 'is missing' : issue.message,
        hint: missing ? 'add it (see README.md, "Content")' : 'correct the value',
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
    const line = article.lineOf(['source', 'file']);
    if (!existsSync(path)) {
      problems.push({ file: article.file, line, field: 'source.file', message: `${sourceFile} does not exist`, hint: 'restore the raw text under content/sources/ or correct the path' });
      continue;
    }
    const actual = createHash('sha256').update(readFileSync(path)).digest('hex');
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
