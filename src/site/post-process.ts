/** What runs on the written site after Eleventy: the search index and script, and the subset font. */
import { bundleSearchScript } from '../search/bundle-script.ts';
import { indexSite, type IndexOptions } from '../search/index-site.ts';
import type { SearchLexicon } from '../search/lexicon.ts';
import { writeSubsetFonts } from './fonts.ts';
import { phase } from './phase-log.ts';

export async function postProcessSite(siteDir: string, lexicon: SearchLexicon, options: IndexOptions = {}): Promise<void> {
  await phase('fonts', () => writeSubsetFonts(siteDir));
  await phase('search script', () => bundleSearchScript(siteDir));
  await phase('search index', () => indexSite(siteDir, lexicon, options));
}
