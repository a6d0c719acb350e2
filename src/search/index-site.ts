/**
 * Builds the Pagefind index for a written site through Pagefind's Node API. Only article pages
 * are indexed (they carry `data-pagefind-body`); every response's errors are checked, and any
 * error stops the build with a message naming the site folder.
 *
 * The output is reproducible: the pages are added one at a time in sorted order (addDirectory
 * walks the folder in file-system order and parses in parallel, so page numbers would follow the
 * disk), and the filter files and meta index, which Pagefind writes in a per-process hash-map
 * order, are rewritten in a fixed order afterwards (src/search/pagefind-canonical.ts).
 */
import * as pagefind from 'pagefind';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { ArshifError } from '../content/problem.ts';
import { annotateHtml } from './index-html.ts';
import { createKeyAnnotator } from './index-keys.ts';
import type { SearchLexicon } from './lexicon.ts';
import { canonicalisePagefind, writeBundle, type PagefindFiles } from './pagefind-canonical.ts';

export interface IndexReport {
  pages: number;
}

/** The site-relative paths (with `/`) of the article pages, sorted. */
export async function articlePages(siteDir: string): Promise<string[]> {
  const dir = join(siteDir, 'articles');
  const names = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return names
    .filter((name) => name.endsWith('.html'))
    .map((name) => `articles/${name.split(sep).join('/')}`)
    .sort();
}

/** Where the lexicon is written for the search page, relative to the site folder. */
export const LEXICON_PATH = 'assets/search-lexicon.json';

/**
 * Indexes the article pages, each with search keys added to its words (src/search/index-keys.ts),
 * and writes the lexicon the search page reads queries with.
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
    for (const sourcePath of pages) {
      const content = annotateHtml(await readFile(join(siteDir, sourcePath), 'utf8'), annotator);
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length) throw fail(`addHTMLFile ${sourcePath}`, added.errors);
    }
    // The bundle comes back in memory and is written by us, once reordered: nothing is read back
    // from disk while Pagefind might still be writing it, and no file of an earlier index
    // (`npm start` rebuilds in place) survives.
    const bundle = await index.getFiles();
    if (bundle.errors.length) throw fail('getFiles', bundle.errors);
    let files: PagefindFiles;
    try {
      files = canonicalisePagefind(new Map(bundle.files.map((f) => [f.path.split(/[\\/]/).join('/'), Buffer.from(f.content)])));
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
