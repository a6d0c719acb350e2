/**
 * Eleventy's configuration: thin on purpose. Everything lives in src/site/eleventy-plugin.ts.
 * The content folder is `content/` unless ARSHIF_CONTENT names another (tests, benchmarks).
 */
import { relative, resolve } from 'node:path';
import arshifPlugin from './src/site/eleventy-plugin.ts';
import type { EleventyConfig } from './src/site/eleventy-config.ts';
import { DEFAULT_CONTENT_DIR, LAYOUTS_DIR } from './src/core/paths.ts';

export default function (eleventyConfig: EleventyConfig) {
  const contentDir = resolve(process.env.ARSHIF_CONTENT ?? DEFAULT_CONTENT_DIR);
  arshifPlugin(eleventyConfig, { contentDir, postProcess: process.env.ARSHIF_POSTPROCESS !== '0' });
  return {
    dir: {
      input: relative(process.cwd(), contentDir) || '.',
      includes: relative(contentDir, LAYOUTS_DIR),
      data: '_eleventy-data-unused',
    },
    templateFormats: ['njk', 'md'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
