/**
 * The files of one Markdown folder of content/ (articles/ or events/), read and checked. Each
 * file's text is looked up in the parse cache first (what earlier builds got from the same text,
 * src/cache/parse-cache.ts); those it lacks are then parsed together, on two threads when there
 * are many (parse-task.ts), and last each file's problems are reported in file order, so the
 * problems and files are the same, in the same order, as reading the files one after the other.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ParseCache } from '../cache/parse-cache.ts';
import type { FileTexts } from '../cache/process-memory.ts';
import { displayPath } from '../core/paths.ts';
import type { Problem } from '../core/problem.ts';
import { isHidden, markdownEntryProblem } from './folder-policy.ts';
import { lazyLineOf, type ContentFile } from './front-matter.ts';
import { type MARKDOWN_SCHEMAS, parseMarkdownTasks, type MarkdownKind, type ParseTask } from './parse-task.ts';
import { MAX_ARTICLE_BYTES, readText } from './read-text.ts';

/** Which kind of file a folder holds (its schema, and part of their key in the parse cache), and the cache. */
export interface Caching {
  kind: MarkdownKind;
  cache: ParseCache | undefined;
  /** The texts the process read before, by stamp (npm start: only the files that changed are read). */
  texts?: FileTexts;
}

/** One file of a folder as it is read: the problems met so far, and its text or what it gave. */
interface FolderFile<T> {
  problems: Problem[];
  file: string;
  source?: string;
  loaded?: ContentFile<T>;
}

/** The files of a Markdown folder, in name order; their problems are added to `problems`. */
export function loadMarkdownFolder<K extends MarkdownKind>(
  folder: string,
  problems: Problem[],
  caching: Caching & { kind: K },
): ContentFile<z.infer<(typeof MARKDOWN_SCHEMAS)[K]>>[] {
  type T = z.infer<(typeof MARKDOWN_SCHEMAS)[K]>;
  if (!existsSync(folder)) return [];
  const read: FolderFile<T>[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (isHidden(name)) continue;
    const file = displayPath(path);
    const own: Problem[] = [];
    const entry: FolderFile<T> = { problems: own, file };
    read.push(entry);
    const stat = statSync(path, { bigint: true });
    const refused = markdownEntryProblem(folder, name, stat.isFile());
    if (refused) {
      own.push(refused);
      continue;
    }
    let text = caching.texts?.get(path, stat);
    if (text === undefined) {
      text = readText(path, own, MAX_ARTICLE_BYTES);
      if (text === undefined) continue;
      caching.texts?.set(path, stat, text);
    }
    const source = text.replace(/^\uFEFF/, '');
    const cached = cachedFile<T>(source, file, caching);
    if (cached) entry.loaded = cached;
    else entry.source = source;
  }
  const todo = read.filter((f) => f.source !== undefined);
  const outcomes = parseMarkdownTasks(todo.map((f): ParseTask => ({ kind: caching.kind, file: f.file, source: f.source as string })));
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
