/**
 * What content/ may hold, and what is left alone: the four folders, the data files of
 * content/data/, only Markdown files directly in articles/ and events/. Anything else is refused
 * rather than ignored: a misspelt folder would silently lose its files, and a stray template or
 * data script would be run by Eleventy, which reads the content folder as its input. Hidden
 * files (.DS_Store, .gitkeep) are left alone.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../core/paths.ts';
import type { Problem } from '../core/problem.ts';
import { DATA_FILE_NAMES } from './data-files.ts';

/** The folders of content/. */
export const CONTENT_FOLDERS = ['articles', 'events', 'data', 'sources'] as const;

/** Hidden files and folders (.DS_Store, .gitkeep, an editor's) are never read nor refused. */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** What is in content/ and content/data/ that does not belong there. */
export function contentFolderProblems(dir: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (isHidden(name)) continue;
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
      if (isHidden(name) || DATA_FILE_NAMES.includes(name)) continue;
      problems.push({
        file: displayPath(join(data, name)),
        message: 'is not a data file Arshif reads',
        hint: `content/data/ holds ${DATA_FILE_NAMES.join(', ')}; correct its name or move it out of content/`,
      });
    }
  }
  return problems;
}

/**
 * Why an entry of a Markdown folder (articles/, events/) is not read, or undefined for a Markdown
 * file: only the files directly in the folder, and only `.md` files, are content.
 */
export function markdownEntryProblem(folder: string, name: string, isFile: boolean): Problem | undefined {
  const file = displayPath(join(folder, name));
  if (!isFile) return { file, message: `is a folder, and only the files directly in ${displayPath(folder)}/ are read`, hint: 'move its files up, or move it out of content/' };
  if (!name.endsWith('.md')) return { file, message: 'is not a Markdown file', hint: 'content files end in .md; move other files out of this folder' };
  return undefined;
}
