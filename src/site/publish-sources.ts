/**
 * The raw sources, published beside the pages under /sources/ so that a reader can read what the
 * archive received and check it against the SHA-256 the article page prints: the bytes exactly as
 * kept in content/sources/, always under a name ending in `.txt`, so that no host serves a saved
 * web page (`page.html`, untrusted) as HTML: it becomes `/sources/page.html.txt`, text.
 *
 * A host sends `.txt` as text/plain; the dev server (`npm start`) and the test server add
 * `charset=utf-8` and `X-Content-Type-Options: nosniff`. A plain host that sends no charset
 * leaves the browser to guess the encoding (often windows-1252 for a file without a BOM), so
 * Arabic would show garbled there: configure it to send `text/plain; charset=utf-8` for
 * /sources/ (README, "Event pages").
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSourcePath } from '../model/site-paths.ts';

/** Headers a server sends with a published source. */
export const SOURCE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/plain; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Copies each source file (`sources/NAME`, relative to `contentDir`) to its published path under
 * `outputDir`. Two files meant for one path are a mistake of the content: refused, naming both.
 */
export function publishSources(contentDir: string, outputDir: string, files: Iterable<string>): number {
  const targets = new Map<string, string>();
  for (const file of [...new Set(files)].sort()) {
    const path = publishedSourcePath(file);
    const other = targets.get(path);
    if (other !== undefined) throw new Error(`content/${file} and content/${other} would both be published as ${path}; rename one (and its article's source.file)`);
    targets.set(path, file);
  }
  if (targets.size) mkdirSync(join(outputDir, 'sources'), { recursive: true });
  for (const [path, file] of targets) copyFileSync(join(contentDir, file), join(outputDir, path));
  return targets.size;
}
