/** What runs on the written site after Eleventy: the search index and script, and the subset font. */
import { bundleSearchScript } from '../search/bundle-script.ts';
import { digestPage, indexSite, isArticlePage, type IndexOptions, type PageDigest } from '../search/index-site.ts';
import type { SearchLexicon } from '../analysis/lexicon.ts';
import { CharacterScan, writeSubsetFonts, type FontSubset } from './fonts.ts';
import { phase } from '../core/phase-log.ts';

/** What post-processing needs from the written pages, taken while they are in memory. */
export interface WrittenSummary {
  characters: Record<FontSubset, string>;
  digests: PageDigest[];
}

/**
 * Summarises the pages Eleventy just wrote (site-relative path and HTML), so that
 * post-processing need not read the site's 400 MB of HTML back from disk at 10,000 articles.
 */
export function summariseWritten(pages: Iterable<{ path: string; html: string }>): WrittenSummary {
  const scan = new CharacterScan();
  const digests: PageDigest[] = [];
  for (const { path, html } of pages) {
    if (!path.endsWith('.html')) continue;
    scan.add(html);
    if (isArticlePage(path)) {
      const digest = digestPage(path, html);
      if (digest) digests.push(digest);
    }
  }
  return { characters: scan.characters(), digests };
}

export async function postProcessSite(siteDir: string, lexicon: SearchLexicon, options: IndexOptions & { written?: WrittenSummary } = {}): Promise<void> {
  const { written, ...index } = options;
  await phase('fonts', () => writeSubsetFonts(siteDir, written?.characters));
  await phase('search script', () => bundleSearchScript(siteDir));
  await phase('search index', () => indexSite(siteDir, lexicon, { ...index, digests: written?.digests ?? index.digests }));
}
