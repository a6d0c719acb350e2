/**
 * The reference data `add` works with, read from content/: outlets, the gazetteer, events,
 * wire agencies and clutter rules, plus the existing articles (for ids and duplicates).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, loadDataFile, loadObjectFile, type Content } from './load.ts';
import type { Problem } from '../core/problem.ts';
import { aggregatorSchema, agencySchema, clutterSchema, type Aggregator, type Agency, type ClutterFile } from './schema.ts';

export interface IngestData {
  content: Content;
  agencies: Record<string, Agency>;
  /** Sites that carry other outlets' copy (content/data/aggregators.yml, optional). */
  aggregators: Record<string, Aggregator>;
  clutter: ClutterFile;
}

/** Loads content/ for `add`; problems in it are returned, not thrown. */
export function loadIngestData(contentDir: string): { data: IngestData; problems: Problem[] } {
  const { content, problems } = loadContent(contentDir);
  const agencies = loadDataFile(join(content.dir, 'data', 'agencies.yml'), agencySchema, problems);
  const clutter = loadObjectFile(join(content.dir, 'data', 'clutter.yml'), clutterSchema, { lines: [], patterns: [], end_markers: [] }, problems);
  const aggregatorsFile = join(content.dir, 'data', 'aggregators.yml');
  const aggregators = existsSync(aggregatorsFile) ? loadDataFile(aggregatorsFile, aggregatorSchema, problems).entries : {};
  return { data: { content, agencies: agencies.entries, aggregators, clutter }, problems };
}
