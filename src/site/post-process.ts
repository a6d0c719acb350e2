/** What runs on the written site after Eleventy: the search index and script, and the subset font. */
import { bundleSearchScript } from '../search/bundle-script.ts';
import { indexSite } from '../search/index-site.ts';
import type { SearchLexicon } from '../search/lexicon.ts';
import { writeSubsetFonts } from './fonts.ts';

export async function postProcessSite(siteDir: string, lexicon: SearchLexicon): Promise<void> {
  await writeSubsetFonts(siteDir);
  await bundleSearchScript(siteDir);
  await indexSite(siteDir, lexicon);
}
