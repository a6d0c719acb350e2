/**
 * The reference data `add` works with, read from content/: outlets, the gazetteer, events,
 * wire agencies and clutter rules, plus the existing articles (for ids and duplicates).
 */
import { loadContent, type Content, type LoadContentOptions } from './load.ts';
import type { Problem } from '../core/problem.ts';
import { readDataEntries, readDataObject } from './data-files.ts';
import type { Aggregator, Agency, ClutterFile } from './schema.ts';

export interface IngestData {
  content: Content;
  agencies: Record<string, Agency>;
  /** Sites that carry other outlets' copy (content/data/aggregators.yml, optional). */
  aggregators: Record<string, Aggregator>;
  clutter: ClutterFile;
}

/** Loads content/ for `add` (with the build's parse cache, when given); problems in it are returned, not thrown. */
export function loadIngestData(contentDir: string, options: LoadContentOptions = {}): { data: IngestData; problems: Problem[] } {
  const { content, problems } = loadContent(contentDir, options);
  const agencies = readDataEntries(content.dir, 'agencies', problems);
  const clutter = readDataObject(content.dir, 'clutter', problems);
  const aggregators = readDataEntries(content.dir, 'aggregators', problems).entries;
  return { data: { content, agencies: agencies.entries, aggregators, clutter }, problems };
}
