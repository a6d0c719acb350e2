/**
 * The part of Eleventy's configuration API Arshif uses, typed: the plugin (eleventy-plugin.ts)
 * and the filters it registers (filters.ts, export-filters.ts) are given it.
 */
import type { installCompileCache } from './nunjucks-compile-cache.ts';
import type { EleventyResult } from './post-process.ts';

/** The part of Eleventy's configuration API we use (Eleventy ships no TypeScript types). */
export interface EleventyConfig {
  setLibrary(name: string, lib: unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addPassthroughCopy(spec: Record<string, string> | string): void;
  addWatchTarget(path: string): void;
  on(event: 'eleventy.engine.njk', fn: (arg: { nunjucks: Parameters<typeof installCompileCache>[0] }) => unknown): void;
  on(event: 'eleventy.contentMap', fn: (arg: { urlToInputPath: Record<string, unknown> }) => unknown): void;
  on(event: string, fn: (arg: { directories: { output: string }; runMode: string; results?: EleventyResult[] }) => unknown): void;
  ignores: { add(glob: string): void };
  setQuietMode(quiet: boolean): void;
  addTransform(name: string, fn: (content: unknown, outputPath?: unknown) => unknown): void;
}
