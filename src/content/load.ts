/**
 * Loads content/ (articles, events, data files) into one Content: every file is read and checked
 * against its schema (markdown-folder.ts, data-files.ts) and against the others (known outlets,
 * places and events, unique ids: references.ts; intact sources: below), and each problem is one
 * line naming the file, the line and the field.
 */
import { sha256 as sha256Of } from '../core/hash.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ArshifError, type Problem } from '../core/problem.ts';
import { displayPath } from '../core/paths.ts';
import type { ParseCache } from '../cache/parse-cache.ts';
import { FileTexts } from '../cache/process-memory.ts';
import type { Content } from './content.ts';
import { readDataEntries, readDataObject } from './data-files.ts';
import { contentFolderProblems } from './folder-policy.ts';
import { loadMarkdownFolder } from './markdown-folder.ts';
import { checkReferences } from './references.ts';

export type { Content } from './content.ts';
export type { ContentFile } from './front-matter.ts';
export type { DataEntries } from './data-file.ts';

export interface LoadContentOptions {
  /** What earlier builds got from files with the same text (parse-cache.ts). */
  parseCache?: ParseCache;
  /** A process that loads again (npm start): keep the Markdown files' texts for the next load, which then reads only the files that changed (src/cache/process-memory.ts). */
  keepTexts?: boolean;
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
  problems.push(...contentFolderProblems(dir));
  const outlets = readDataEntries(dir, 'outlets', problems, options.parseCache);
  const places = readDataEntries(dir, 'places', problems, options.parseCache);
  const texts = new FileTexts(`markdown files ${dir}`, options.keepTexts ?? false);
  const articles = loadMarkdownFolder(join(dir, 'articles'), problems, { kind: 'article', cache: options.parseCache, texts });
  const events = loadMarkdownFolder(join(dir, 'events'), problems, { kind: 'event', cache: options.parseCache, texts });
  const site = readDataObject(dir, 'site', problems);
  const eventsDir = join(dir, 'events');
  const eventFileIds = existsSync(eventsDir)
    ? readdirSync(eventsDir)
        .filter((n) => n.endsWith('.md'))
        .map((n) => n.slice(0, -3))
    : [];
  const content: Content = { dir, articles, events, eventFileIds, outlets, places, site };
  problems.push(...checkReferences(content));
  problems.push(...checkSources(content, options.parseCache));
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
      out.push({
        file: p.file,
        message: `${more} more problem${more === 1 ? '' : 's'} in this file`,
        hint: 'fix those above first (the file may not be what it should be), then build again',
      });
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

/**
 * Each article's raw source is there, a file, with the bytes its recorded sha256 says: read and
 * hashed, unless `cache` says a file of this very stamp had them when checked before.
 */
function checkSources(content: Content, cache?: ParseCache): Problem[] {
  const problems: Problem[] = [];
  for (const article of content.articles) {
    const { file: sourceFile, sha256 } = article.data.source;
    const path = join(content.dir, sourceFile);
    const line = () => article.lineOf(['source', 'file']); // only when reported (parse-cache.ts)
    const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (!stat) {
      problems.push({
        file: article.file,
        line: line(),
        field: 'source.file',
        message: `${sourceFile} does not exist`,
        hint: 'restore the raw text under content/sources/ or correct the path',
      });
      continue;
    }
    if (!stat.isFile()) {
      problems.push({ file: article.file, line: line(), field: 'source.file', message: `${sourceFile} is not a file`, hint: "name the raw text's file under content/sources/" });
      continue;
    }
    if (cache?.checkedHash(path, stat) === sha256) continue;
    const actual = sha256Of(readFileSync(path));
    if (actual === sha256) cache?.noteCheckedHash(path, stat, actual);
    else {
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
