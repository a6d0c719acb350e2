/** Where the project's own folders are, whatever the current directory; and paths as the user sees them. */
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LAYOUTS_DIR = join(PROJECT_ROOT, 'layouts');
export const PAGES_DIR = join(LAYOUTS_DIR, 'pages');
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');
export const DEFAULT_CONTENT_DIR = join(PROJECT_ROOT, 'content');
/** The launcher of the project's commands (`node bin/arshif.mjs COMMAND ARGS`), which runs them from a bundle of src/. */
export const LAUNCHER = join(PROJECT_ROOT, 'bin', 'arshif.mjs');

/** A path as the user sees it in messages: relative to the current folder when inside it, else absolute. */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}
