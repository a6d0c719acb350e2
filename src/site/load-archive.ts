/**
 * Loads, validates and builds the archive for a content folder, once per build: the build
 * command validates before Eleventy starts, and Eleventy's global data then reuses the result.
 */
import { loadValidContent } from '../content/load.ts';
import { buildArchive, type Archive } from './archive.ts';
import { loadEntities } from '../entities/load-entities.ts';

const cache = new Map<string, Archive>();

export function getArchive(contentDir: string): Archive {
  let archive = cache.get(contentDir);
  if (!archive) {
    const content = loadValidContent(contentDir);
    archive = buildArchive(content, content.site, loadEntities(content.dir));
    cache.set(contentDir, archive);
  }
  return archive;
}

/** Forget loaded archives (before a watch rebuild, when files may have changed). */
export function forgetArchives(): void {
  cache.clear();
}
