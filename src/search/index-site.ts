/**
 * Builds the Pagefind index for a written site through Pagefind's Node API. Only article pages
 * are indexed (they carry `data-pagefind-body`); every response's errors are checked, and any
 * error stops the build with a message naming the site folder.
 */
import * as pagefind from 'pagefind';
import { join } from 'node:path';
import { ArshifError } from '../content/problem.ts';

export interface IndexReport {
  pages: number;
}

export async function indexSite(siteDir: string): Promise<IndexReport> {
  const fail = (step: string, errors: string[]) =>
    ArshifError.single({
      file: siteDir,
      message: `the search index could not be built (${step}: ${errors.join('; ')})`,
      hint: 'check that the pages were written completely, then build again',
    });
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
    if (!index || errors.length) throw fail('createIndex', errors);
    const added = await index.addDirectory({ path: siteDir, glob: 'articles/**/*.html' });
    if (added.errors.length) throw fail('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw fail('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
