/**
 * Loads, validates and builds the archive for a content folder, once per build: the build
 * command validates before Eleventy starts, and Eleventy's global data then reuses the result.
 * The search lexicon (names and spellings, src/analysis/lexicon.ts) is built and checked in the
 * same pass, so a broken spellings.yml stops the build before any page is written.
 *
 * What the archive derives from each article's text is kept between builds in a store on disk
 * (src/cache/disk-store.ts), `.cache/arshif/` in the project unless the build names another
 * folder (`--cache-dir`, ARSHIF_CACHE_DIR) or turns it off (`--no-cache`, ARSHIF_CACHE=0). The
 * archive is the same with or without it; the store only saves the work. After each build the
 * store drops the entries that build did not use.
 */
import { loadValidContent } from '../content/load.ts';
import { storedParseCache } from '../cache/parse-cache.ts';
import { keepTextValues } from '../cache/text-values.ts';
import { BODY_FINGERPRINTS } from '../ingest/duplicates.ts';
import { codeVersion } from '../cache/code-version.ts';
import { DiskStore, entryMemory } from '../cache/disk-store.ts';
import { buildArchive } from './build-archive.ts';
import type { Archive } from './views.ts';
import { cacheDirOf, DEFAULT_CACHE_DIR, readEnvironment } from '../core/config.ts';
import { effectiveSiteUrl } from '../core/site-url.ts';
import { loadEntities, loadSpellings } from '../content/data-files.ts';
import { buildSearchLexicon, type SearchLexicon } from '../analysis/lexicon.ts';

interface Loaded {
  archive: Archive;
  lexicon: SearchLexicon;
}

export interface LoadOptions {
  /** The folder of the derived-data store; null for none. Default: `defaultCacheDir()`. */
  cacheDir?: string | null;
  /** The code version the store's keys hold (src/cache/code-version.ts); default: this project's. */
  codeVersion?: string;
  /** The site's public address, over site.yml's `url` and ARSHIF_SITE_URL (already checked: parseSiteUrl). */
  siteUrl?: string;
  /** Keep the store's entries in this process's memory for the next load (`npm start`: src/cache/disk-store.ts, EntryMemory). */
  keep?: boolean;
}

export { DEFAULT_CACHE_DIR };

/** The store's folder the environment asks for: none if ARSHIF_CACHE is 0/false/off/no, else ARSHIF_CACHE_DIR or `.cache/arshif/` (src/core/config.ts). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  return cacheDirOf(readEnvironment(env));
}

/** A store in `dir` for this code, or undefined when it cannot be set up (the build then computes everything). */
function openStore(dir: string | null, version?: string, keep = false): DiskStore | undefined {
  if (!dir) return undefined;
  try {
    const v = version ?? codeVersion();
    return new DiskStore(dir, v, keep ? entryMemory(dir, v) : undefined);
  } catch {
    return undefined;
  }
}

const loadedArchives = new Map<string, Loaded>();

function load(contentDir: string, options: LoadOptions = {}): Loaded {
  let loaded = loadedArchives.get(contentDir);
  if (!loaded) {
    const store = openStore(options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir, options.codeVersion, options.keep);
    const parseCache = store && storedParseCache(store, { keep: options.keep });
    const content = loadValidContent(contentDir, { parseCache, keepTexts: options.keep });
    const entities = loadEntities(content.dir, parseCache);
    const spellings = loadSpellings(content.dir, parseCache);
    parseCache?.save();
    loaded = {
      archive: buildArchive(content, { ...content.site, url: options.siteUrl ?? effectiveSiteUrl(content.site.url) }, entities, { store, keep: options.keep }),
      lexicon: buildSearchLexicon({ places: content.places.entries, entities, spellings }),
    };
    // add's fingerprints of the bodies (src/ingest/duplicates.ts): not the build's, but kept for the next add
    if (store) keepTextValues(store, BODY_FINGERPRINTS.kind, BODY_FINGERPRINTS.name);
    store?.sweep();
    loadedArchives.set(contentDir, loaded);
  }
  return loaded;
}

/** The archive of a content folder, built on first use in this process (until `forgetArchives`). */
export function getArchive(contentDir: string, options: LoadOptions = {}): Archive {
  return load(contentDir, options).archive;
}

/** What search knows about the content's names and spellings (for the index and the search page). */
export function getSearchLexicon(contentDir: string): SearchLexicon {
  return load(contentDir).lexicon;
}

/** Forget loaded archives (before a watch rebuild, when files may have changed). */
export function forgetArchives(): void {
  loadedArchives.clear();
}
