/**
 * The build's configuration, made once from the command's flags and the environment, and the
 * one place the project reads its environment variables (ARSHIF_*). Everything else is given
 * what it needs from here: the build its BuildConfig, Eleventy the same through its programmatic
 * configuration (src/site/eleventy-config.ts), never through process.env.
 *
 * The variables that remain are user-facing or a protocol with a child process:
 *
 *   ARSHIF_CACHE=0            no derived-data store (also false/off/no); `--no-cache`
 *   ARSHIF_CACHE_DIR=DIR      the store's folder (default .cache/arshif/); `--cache-dir`
 *   ARSHIF_SITE_URL=URL       the site's public address over site.yml's `url`; `--site-url`
 *   ARSHIF_WORKERS=0          one thread only (also false/off/no)
 *   ARSHIF_SEARCH_SHARD_PAGES=N   the pages a search-index shard aims at
 *   ARSHIF_SEARCH_DELTA_PAGES=N   the pages a rebuild may put in the search index's delta shard; 0: none (every changed shard indexed afresh)
 *   ARSHIF_PAGE_BATCH=N       the item pages one Eleventy run renders at most (src/site/page-batches.ts; default DEFAULT_PAGE_BATCH)
 *   ARSHIF_PHASES=1           phase timings on stderr (also true/on/yes; the bench's protocol with its build)
 *   ARSHIF_DEBUG=1            a stack trace for an unexpected failure
 *   ARSHIF_TODAY=YYYY-MM-DD   today's date for `add` (tests)
 *   ARSHIF_HEAP_RAISED=1      set by the build for its child with a larger heap (heap-room.ts)
 *   ARSHIF_ORGANISATION=NAME  `package`'s Source-Organization
 *   ARSHIF_BUNDLE=0           run the commands through tsx rather than from the bundle of src/
 *   ARSHIF_BUNDLE_DIR=DIR     the bundles' folder (default .cache/bundle/)
 *
 * The last two are read by bin/arshif.mjs, the launcher, before any of src/ runs (it is plain
 * JavaScript and cannot import this file); their names are here so that the project spells them
 * once (tests/bundle.test.ts runs the launcher with them).
 *
 * A value that is not understood is treated as unset, as each was before (so the default holds).
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from './paths.ts';

/** The derived-data store's folder when none is named. */
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, '.cache', 'arshif');
export const DEFAULT_OUTPUT_DIR = join(PROJECT_ROOT, '_site');
/** The item pages one Eleventy run renders at most (src/site/page-batches.ts): what bounds the build's memory. */
export const DEFAULT_PAGE_BATCH = 2_000;

/** The variables' names. */
export const ENV = {
  cache: 'ARSHIF_CACHE',
  cacheDir: 'ARSHIF_CACHE_DIR',
  siteUrl: 'ARSHIF_SITE_URL',
  workers: 'ARSHIF_WORKERS',
  searchShardPages: 'ARSHIF_SEARCH_SHARD_PAGES',
  searchDeltaPages: 'ARSHIF_SEARCH_DELTA_PAGES',
  pageBatch: 'ARSHIF_PAGE_BATCH',
  phases: 'ARSHIF_PHASES',
  debug: 'ARSHIF_DEBUG',
  today: 'ARSHIF_TODAY',
  heapRaised: 'ARSHIF_HEAP_RAISED',
  organisation: 'ARSHIF_ORGANISATION',
  bundle: 'ARSHIF_BUNDLE',
  bundleDir: 'ARSHIF_BUNDLE_DIR',
} as const;

const OFF = /^(?:0|false|off|no)$/i;
const ON = /^(?:1|true|on|yes)$/i;

const text = z.string().optional();
/** Trimmed; empty is unset. */
const trimmed = text.transform((v) => v?.trim() || undefined);
/** A whole number of at least `min`; anything else is unset. */
const atLeast = (min: number) =>
  text.transform((v) => {
    const n = v?.trim() ? Number(v.trim()) : NaN;
    return Number.isInteger(n) && n >= min ? n : undefined;
  });

const environmentSchema = z
  .object({
    [ENV.cache]: text.transform((v) => !OFF.test(v?.trim() ?? '')),
    [ENV.cacheDir]: trimmed,
    [ENV.siteUrl]: trimmed,
    [ENV.workers]: text.transform((v) => !OFF.test(v?.trim() ?? '')),
    [ENV.searchShardPages]: atLeast(1),
    [ENV.searchDeltaPages]: atLeast(0),
    [ENV.pageBatch]: atLeast(1),
    [ENV.phases]: text.transform((v) => ON.test(v?.trim() ?? '')),
    [ENV.debug]: text.transform((v) => !!v),
    [ENV.today]: text.transform((v) => v || undefined),
    [ENV.heapRaised]: text.transform((v) => !!v),
    [ENV.organisation]: text,
  })
  .transform((e) => ({
    /** False when ARSHIF_CACHE turns the store off. */
    cache: e[ENV.cache],
    cacheDir: e[ENV.cacheDir],
    /** As given (checked where it is used: site-url.ts's effectiveSiteUrl). */
    siteUrl: e[ENV.siteUrl],
    workers: e[ENV.workers],
    searchShardPages: e[ENV.searchShardPages],
    searchDeltaPages: e[ENV.searchDeltaPages],
    pageBatch: e[ENV.pageBatch],
    phases: e[ENV.phases],
    debug: e[ENV.debug],
    /** As given (add.ts reads it as a date, and ignores it when it is not one). */
    today: e[ENV.today],
    heapRaised: e[ENV.heapRaised],
    organisation: e[ENV.organisation],
  }));

/** What the environment says. */
export type Environment = z.output<typeof environmentSchema>;

/** What `env` says (the variables above; anything else is ignored). */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return environmentSchema.parse(env);
}

/**
 * What this process's environment says now. Read at the moment of asking (it is a handful of
 * variables), so that a test setting a variable around a call sees it.
 */
export function environment(): Environment {
  return readEnvironment(process.env);
}

/** The store's folder the environment asks for: none if ARSHIF_CACHE is off, else ARSHIF_CACHE_DIR or DEFAULT_CACHE_DIR. */
export function cacheDirOf(env: Environment): string | null {
  if (!env.cache) return null;
  return env.cacheDir ?? DEFAULT_CACHE_DIR;
}

export const buildConfigSchema = z.strictObject({
  /** The content folder, absolute. */
  contentDir: z.string().min(1),
  /** The site's folder, absolute. */
  outputDir: z.string().min(1),
  /** The derived-data store's folder, absolute; null for none. */
  cacheDir: z.string().min(1).nullable(),
  /** The site's public address for this build (`--site-url`, already checked), over site.yml's `url` and ARSHIF_SITE_URL. */
  siteUrl: z.string().min(1).optional(),
  /** The pages a search-index shard aims at; none: the index's default. */
  searchShardPages: z.number().int().min(1).optional(),
  /** The pages a rebuild may put in the search index's delta shard (0: none); none: the index's default. */
  searchDeltaPages: z.number().int().min(0).optional(),
  /** The item pages one Eleventy run renders at most (src/site/page-batches.ts). */
  pageBatch: z.number().int().min(1),
  quiet: z.boolean(),
});

/** One build's configuration. */
export type BuildConfig = z.output<typeof buildConfigSchema>;

/** What a command says of a build; anything left out comes from the environment or the defaults. */
export interface BuildFlags {
  contentDir?: string | undefined;
  outputDir?: string | undefined;
  /** null: no store (`--no-cache`). */
  cacheDir?: string | null | undefined;
  siteUrl?: string | undefined;
  /** The item pages one Eleventy run renders at most; default ARSHIF_PAGE_BATCH, else DEFAULT_PAGE_BATCH. */
  pageBatch?: number | undefined;
  quiet?: boolean | undefined;
}

/** The configuration of a build from its flags and the environment (default: this process's). */
export function buildConfig(flags: BuildFlags = {}, env: Environment = environment()): BuildConfig {
  const cacheDir = flags.cacheDir === undefined ? cacheDirOf(env) : flags.cacheDir && resolve(flags.cacheDir);
  return buildConfigSchema.parse({
    contentDir: resolve(flags.contentDir ?? DEFAULT_CONTENT_DIR),
    outputDir: resolve(flags.outputDir ?? DEFAULT_OUTPUT_DIR),
    cacheDir,
    ...(flags.siteUrl !== undefined ? { siteUrl: flags.siteUrl } : {}),
    ...(env.searchShardPages !== undefined ? { searchShardPages: env.searchShardPages } : {}),
    ...(env.searchDeltaPages !== undefined ? { searchDeltaPages: env.searchDeltaPages } : {}),
    pageBatch: flags.pageBatch ?? env.pageBatch ?? DEFAULT_PAGE_BATCH,
    quiet: flags.quiet ?? false,
  });
}
