/**
 * Arshif's Eleventy configuration as one plugin: our Markdown library, the archive as global
 * data, the page templates from layouts/pages/, filters, static files, the progress line's count
 * of pages, and the search index and font written after each build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { markdownLibrary } from '../markdown/render.ts';
import { forgetArchives, getArchive } from '../model/load-archive.ts';
import { PAGES_DIR, PUBLIC_DIR } from '../core/paths.ts';
import { registerFilters } from './filters.ts';
import { installCompileCache } from './nunjucks-compile-cache.ts';
import { publishSources } from './publish-sources.ts';
import type { SourcePlan } from './source-carry.ts';
import { phasePart, progress } from '../core/phase-log.ts';
import type { EleventyConfig } from './eleventy-api.ts';
import { renderEverything, type RenderData } from './page-lists.ts';
import { batchAdds, type BatchTemplates } from './page-batches.ts';

export interface Options {
  /** The content folder. */
  contentDir: string;
  /** The derived-data store's folder, null for none (src/core/config.ts); default: the environment's. */
  cacheDir?: string | null;
  /** The site's public address for this build, over site.yml's `url`. */
  siteUrl?: string | undefined;
  /** The items whose pages to render (src/site/carry-over.ts); default: every item (renderEverything). */
  render?: RenderData | undefined;
  /**
   * Which templates this run adds (src/site/page-batches.ts); default: all. A run of `items`
   * copies no static files and publishes no sources: the run of `whole` does.
   */
  templates?: BatchTemplates | undefined;
  /** The progress line's pages in the build's other runs: rendered before this one, to render after it. */
  otherPages?: { before: number; after: number } | undefined;
  /** The files carried over from the previous site (absolute paths: links to its files, carry-over.ts), which Eleventy must never write. */
  carriedFiles?: ReadonlySet<string> | undefined;
  /** The build's raw sources, to carry over from the previous site where they are known (src/site/source-carry.ts); none: every source copied from content/. */
  sources?: SourcePlan | undefined;
}

export default function arshifPlugin(eleventyConfig: EleventyConfig, options: Options): void {
  const { contentDir } = options;
  const archiveOptions = {
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
    ...(options.siteUrl !== undefined ? { siteUrl: options.siteUrl } : {}),
  };
  eleventyConfig.setLibrary('md', markdownLibrary);
  eleventyConfig.on('eleventy.engine.njk', ({ nunjucks }) => installCompileCache(nunjucks));
  eleventyConfig.addGlobalData('archive', () => getArchive(contentDir, archiveOptions));
  // What the templates of one page per item paginate over (src/site/page-lists.ts).
  eleventyConfig.addGlobalData('render', () => options.render ?? renderEverything(getArchive(contentDir, archiveOptions)));
  const templates = options.templates ?? 'all';
  // Articles and events are data (loaded and validated by src/content/), not templates.
  const inputDir = relative(process.cwd(), contentDir) || '.';
  for (const folder of ['articles', 'events', 'sources', 'data']) eleventyConfig.ignores.add(`${inputDir}/${folder}/**`);
  for (const name of readdirSync(PAGES_DIR).sort()) {
    if (name.endsWith('.njk') && batchAdds(templates, options.render, name)) eleventyConfig.addTemplate(`_arshif/${name}`, readFileSync(join(PAGES_DIR, name), 'utf8'));
  }
  registerFilters(eleventyConfig);
  // The progress line (src/core/phase-log.ts): the pages Eleventy is about to write, then each as it is written.
  const other = options.otherPages ?? { before: 0, after: 0 };
  let pages = 0;
  let rendered = 0;
  eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }) => {
    pages = other.before + Object.keys(urlToInputPath).length + other.after;
    rendered = other.before;
  });
  eleventyConfig.addTransform('arshif-progress', (content) => {
    progress('eleventy', ++rendered, pages, 'pages');
    return content;
  });
  // A carried page is a link to the previous site's file: writing it would write that file too, so the page is refused before Eleventy writes it.
  const carried = options.carriedFiles;
  if (carried?.size) {
    eleventyConfig.addTransform('arshif-carried', (content, outputPath) => {
      if (typeof outputPath === 'string' && carried.has(resolve(outputPath)))
        throw new Error(`Eleventy was to write ${outputPath}, which this build carried over from the previous site (src/site/carry-over.ts)`);
      return content;
    });
  }
  if (templates === 'items') return;
  eleventyConfig.addPassthroughCopy({ [PUBLIC_DIR]: '/' });
  eleventyConfig.addWatchTarget(PAGES_DIR);
  for (const folder of ['articles', 'events', 'data']) eleventyConfig.addWatchTarget(join(contentDir, folder));
  eleventyConfig.on('eleventy.beforeWatch', () => forgetArchives());
  // The raw sources, as text (src/site/publish-sources.ts), in a build and under `npm start` alike;
  // last, so that nothing of this run writes through a source carried over as a link.
  eleventyConfig.on('eleventy.after', ({ directories }) => {
    const started = performance.now();
    publishSources(
      contentDir,
      directories.output,
      getArchive(contentDir, archiveOptions).articles.map((a) => a.source),
      options.sources,
    );
    phasePart('eleventy: raw sources', performance.now() - started);
  });
}
