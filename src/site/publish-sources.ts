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
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publishedSourcePath } from '../model/site-paths.ts';
import { fileId, type SourcePlan } from './source-carry.ts';

/** Headers a server sends with a published source. */
export const SOURCE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/plain; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
};

/** A raw source to publish: its file (`sources/NAME`, relative to the content folder) and the sha256 its article records. */
export interface PublishedSource {
  readonly file: string;
  readonly sha256: string;
}

/**
 * Copies each source file to its published path under `outputDir`, or, given the build's `plan`,
 * carries it over from the previous site when that site's file is known to hold its bytes
 * (source-carry.ts). Two files meant for one path are a mistake of the content: refused, naming
 * both.
 */
export function publishSources(contentDir: string, outputDir: string, sources: Iterable<PublishedSource>, plan?: SourcePlan): number {
  if (plan && resolve(outputDir) !== plan.stagingDir) throw new Error(`the sources of a build are published into its staging folder (${plan.stagingDir}), not ${outputDir}`);
  const byFile = new Map([...sources].map((s) => [s.file, s]));
  const targets = new Map<string, PublishedSource>();
  for (const file of [...byFile.keys()].sort()) {
    const source = byFile.get(file) as PublishedSource;
    const path = publishedSourcePath(file);
    const other = targets.get(path);
    if (other !== undefined) throw new Error(`content/${source.file} and content/${other.file} would both be published as ${path}; rename one (and its article's source.file)`);
    targets.set(path, source);
  }
  if (targets.size) mkdirSync(join(outputDir, 'sources'), { recursive: true });
  // The raw sources' own files, which no link may ever share (source-carry.ts).
  const stats = plan && new Map([...targets.values()].map((s) => [s.file, statSync(join(contentDir, s.file), { bigint: true })]));
  const contentFiles = new Set([...(stats?.values() ?? [])].map(fileId));
  for (const [path, source] of targets) {
    const content = stats?.get(source.file);
    if (plan && content && plan.carry(path.slice(1), { sha256: source.sha256, content }, contentFiles)) continue;
    copyFileSync(join(contentDir, source.file), join(outputDir, path));
  }
  return targets.size;
}
