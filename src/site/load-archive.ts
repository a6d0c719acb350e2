/**
 * Loads, validates and builds the archive for a content folder, once per build: the build
 * command validates before Eleventy starts, and Eleventy's global data then reuses the result.
 * The search lexicon (names and spellings, src/search/lexicon.ts) is built and checked in the
 * same pass, so a broken spellings.yml stops the build before any page is written.
 */
import { loadValidContent } from '../content/load.ts';
import { buildArchive, type Archive } from './archive.ts';
import { loadEntities } from '../entities/load-entities.ts';
import { buildSearchLexicon, type SearchLexicon } from '../search/lexicon.ts';
import { loadSpellings } from '../search/load-spellings.ts';

interface Loaded {
  archive: Archive;
  lexicon: SearchLexicon;
}

const cache = new Map<string, Loaded>();

function load(contentDir: string): Loaded {
  let loaded = cache.get(contentDir);
  if (!loaded) {
    const content = loadValidContent(contentDir);
    const entities = loadEntities(content.dir);
    const spellings = loadSpellings(content.dir);
    loaded = {
      archive: buildArchive(content, content.site, entities),
      lexicon: buildSearchLexicon({ places: content.places.entries, entities, spellings }),
    };
    cache.set(contentDir, loaded);
  }
  return loaded;
}

export function getArchive(contentDir: string): Archive {
  return load(contentDir).archive;
}

/** What search knows about the content's names and spellings (for the index and the search page). */
export function getSearchLexicon(contentDir: string): SearchLexicon {
  return load(contentDir).lexicon;
}

/** Forget loaded archives (before a watch rebuild, when files may have changed). */
export function forgetArchives(): void {
  cache.clear();
}
