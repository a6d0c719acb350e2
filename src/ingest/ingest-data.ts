/**
 * The reference data `add` works with, read from content/: outlets, the gazetteer, events,
 * wire agencies and clutter rules, plus the existing articles (for ids and duplicates).
 */
import { join } from 'node:path';
import { loadContent, loadDataFile, loadObjectFile, type Content } from '../content/load.ts';
import type { Problem } from '../content/problem.ts';
import { agencySchema, clutterSchema, type Agency, type ClutterFile } from '../content/schema.ts';

export interface IngestData {
  content: Content;
  agencies: Record<string, Agency>;
  clutter: ClutterFile;
}

/** Loads content/ for `add`; problems in it are returned, not thrown. */
export function loadIngestData(contentDir: string): { data: IngestData; problems: Problem[] } {
  const { content, problems } = loadContent(contentDir);
  const agencies = loadDataFile(join(content.dir, 'data', 'agencies.yml'), agencySchema, problems);
  const clutter = loadObjectFile(join(content.dir, 'data', 'clutter.yml'), clutterSchema, { lines: [], patterns: [], end_markers: [] }, problems);
  return { data: { content, agencies: agencies.entries, clutter }, problems };
}
