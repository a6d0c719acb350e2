/**
 * Builds the Pagefind index for a written site through Pagefind's Node API. Only article pages
 * are indexed (they carry `data-pagefind-body`); every response's errors are checked, and any
 * error stops the build with a message naming the site folder.
 *
 * What Pagefind is given for a page is its `data-pagefind-body` element alone (Pagefind reads
 * nothing else of the page: its text, meta, filters and sort all sit inside), in a minimal
 * document, with search keys added to its words (src/search/index-keys.ts, index-html.ts). The
 * page on disk is not changed.
 *
 * Speed: Pagefind's service handles one request at a time, in the order received, so the pages
 * are sent without waiting for each answer (up to IN_FLIGHT at once): the service parses one page
 * while this process prepares the next, and the order, hence the index, stays the same.
 *
 * The output is reproducible: the pages are added in sorted order (addDirectory would follow the
 * disk), and the filter files and meta index, which Pagefind writes in a per-process hash-map
 * order, are rewritten in a fixed order afterwards (src/search/pagefind-canonical.ts). The
 * bundle comes back in memory (getFiles) and is written by us, once made canonical, so no file of
 * an earlier index survives (`npm start` rebuilds in place). It is not read back from a folder
 * Pagefind wrote: Pagefind 1.5.2's writeFiles answers before its last writes reach the disk (it
 * does not flush its asynchronous files), and a build read a half-written pagefind-entry.json.
 * Only the files the search page uses are kept: not Pagefind's own UI scripts.
 */
import * as pagefind from 'pagefind';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { ArshifError } from '../content/problem.ts';
import { annotateHtml } from './index-html.ts';
import { createKeyAnnotator } from './index-keys.ts';
import { LEXICON_PATH, type SearchLexicon } from './lexicon.ts';
import { canonicalisePagefind, writeBundle, type PagefindFiles } from './pagefind-canonical.ts';

export interface IndexReport {
  pages: number;
}

/** Requests sent to Pagefind's service before waiting for the first answer. */
const IN_FLIGHT = 16;

/** The files of Pagefind's bundle the search page uses (src/search/browser/pagefind.ts). */
const USED = /^(?:pagefind\.js|pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|index\/[^/]+|fragment\/[^/]+|filter\/[^/]+)$/;

/** The site-relative paths (with `/`) of the article pages, sorted. */
export async function articlePages(siteDir: string): Promise<string[]> {
  const dir = join(siteDir, 'articles');
  const names = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return names
    .filter((name) => name.endsWith('.html'))
    .map((name) => `articles/${name.split(sep).join('/')}`)
    .sort();
}

const BODY_START = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body(?:[\s=>])/i;

/**
 * The page's `data-pagefind-body` element, in a document of its own that says the language;
 * the whole page when there is no such element (Pagefind then finds nothing to index in it,
 * as it would in the page).
 */
export function indexedPart(html: string): string {
  const start = BODY_START.exec(html);
  if (!start) return html;
  const tag = start[1]!.toLowerCase();
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start.index;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return `<!doctype html><html lang="ar"><body>${html.slice(start.index, m.index + m[0].length)}</body></html>`;
  }
  return html;
}

/**
 * Indexes the article pages, each with search keys added to its words, and writes the lexicon
 * the search page reads queries with.
 */
export async function indexSite(siteDir: string, lexicon: SearchLexicon): Promise<IndexReport> {
  const fail = (step: string, errors: string[], cause?: unknown) =>
    ArshifError.single(
      {
        file: siteDir,
        message: `the search index could not be built (${step}: ${errors.join('; ')})`,
        hint: 'check that the pages were written completely, then build again',
      },
      cause,
    );
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
    if (!index || errors.length) throw fail('createIndex', errors);
    const pages = await articlePages(siteDir);
    const annotator = createKeyAnnotator(lexicon);
    const waiting: Array<Promise<void>> = [];
    for (const sourcePath of pages) {
      const content = annotateHtml(indexedPart(await readFile(join(siteDir, sourcePath), 'utf8')), annotator);
      waiting.push(
        index.addHTMLFile({ sourcePath, content }).then((added) => {
          if (added.errors.length) throw fail(`addHTMLFile ${sourcePath}`, added.errors);
        }),
      );
      if (waiting.length >= IN_FLIGHT) await waiting.shift();
    }
    await Promise.all(waiting);

    const bundle = await index.getFiles();
    if (bundle.errors.length) throw fail('getFiles', bundle.errors);
    let files: PagefindFiles;
    try {
      const used: PagefindFiles = new Map(
        bundle.files.map((f) => [f.path.split(/[\\/]/).join('/'), Buffer.from(f.content)] as const).filter(([path]) => USED.test(path)),
      );
      files = canonicalisePagefind(used);
    } catch (error) {
      throw fail('making the index reproducible', [
        `${(error as Error).message} (pagefind is pinned to 1.5.2; if it was upgraded, check src/search/pagefind-canonical.ts against its output format)`,
      ], error);
    }
    writeBundle(join(siteDir, 'pagefind'), files);
    await mkdir(join(siteDir, dirname(LEXICON_PATH)), { recursive: true });
    await writeFile(join(siteDir, LEXICON_PATH), JSON.stringify(lexicon));
    return { pages: pages.length };
  } finally {
    await pagefind.close();
  }
}
