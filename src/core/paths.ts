/** Where the project's own folders are, whatever the current directory. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LAYOUTS_DIR = join(PROJECT_ROOT, 'layouts');
export const PAGES_DIR = join(LAYOUTS_DIR, 'pages');
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');
export const DEFAULT_CONTENT_DIR = join(PROJECT_ROOT, 'content');
