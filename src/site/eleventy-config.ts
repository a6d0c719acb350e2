/**
 * Eleventy's options for a build: the Arshif plugin, given the build's configuration
 * (src/core/config.ts) as an object, and the folders, all through Eleventy's programmatic
 * configuration (the `config` callback of `new Eleventy(input, output, options)`), so nothing
 * passes through the environment. `.eleventy.ts` holds only what that callback cannot set: the
 * template engines.
 */
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runnableModule } from '../core/bundled.ts';
import type { BuildConfig } from '../core/config.ts';
import { LAYOUTS_DIR, PROJECT_ROOT } from '../core/paths.ts';
import type { EleventyConfig } from './eleventy-api.ts';
import arshifPlugin from './eleventy-plugin.ts';
import type { RenderData } from './page-lists.ts';
import type { Options } from './eleventy-plugin.ts';

/** The part of Eleventy's configuration API the folders are set with. */
interface EleventyFolders {
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
}

/** The file of the settings the callback cannot make (from the bundle, its bundled twin: Node imports no TypeScript). */
export const ELEVENTY_SETTINGS = fileURLToPath(runnableModule(pathToFileURL(join(PROJECT_ROOT, '.eleventy.ts'))));

/** What the plugin is given of the build's configuration. */
export type EleventyBuild = Pick<BuildConfig, 'contentDir' | 'cacheDir' | 'siteUrl'> & {
  /** The items whose pages to render (src/site/carry-over.ts); none: all. */
  render?: RenderData | undefined;
  /** The files carried over (absolute paths), which Eleventy must not write (eleventy-plugin.ts). */
  carriedFiles?: ReadonlySet<string> | undefined;
} & Pick<Options, 'templates' | 'otherPages' | 'sources'>;

/** The options for `new Eleventy(contentDir, outputDir, …)`. */
export function eleventyOptions(config: EleventyBuild): { configPath: string; config: (eleventyConfig: EleventyConfig & EleventyFolders) => void } {
  return {
    configPath: ELEVENTY_SETTINGS,
    config: (eleventyConfig) => {
      arshifPlugin(eleventyConfig, config);
      eleventyConfig.setIncludesDirectory(relative(config.contentDir, LAYOUTS_DIR));
      eleventyConfig.setDataDirectory('_eleventy-data-unused');
      eleventyConfig.setTemplateFormats(['njk', 'md']);
    },
  };
}
