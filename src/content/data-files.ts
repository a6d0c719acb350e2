/**
 * The data files of content/data/, in one place: each file's name, its schema, whether it is a
 * map of entries or one object, whether it may be absent (and what stands in for it then), and
 * how its problems are reported. Every reader of a data file asks here (load.ts: outlets,
 * places, site; ingest-data.ts: agencies, clutter, aggregators; the archive: entities,
 * spellings; the bench: agencies).
 */
import { join } from 'node:path';
import type { z } from 'zod';
import { ArshifError, type Problem } from '../core/problem.ts';
import type { ParseCache } from '../cache/parse-cache.ts';
import { readEntriesFile, readObjectFile, type DataEntries } from './data-file.ts';
import {
  agencySchema,
  aggregatorSchema,
  clutterSchema,
  entitySchema,
  outletSchema,
  placeSchema,
  siteSchema,
  spellingGroupSchema,
  type Agency,
  type ClutterFile,
  type Entity,
  type SiteFile,
} from './schema.ts';
import { spellingGroupProblems } from './spelling-groups.ts';

interface EntriesFile<S extends z.ZodType> {
  name: string;
  shape: 'entries';
  schema: S;
  /** Absent, it has no entries; else its absence is a problem. */
  optional: boolean;
}

interface ObjectFile<S extends z.ZodType> {
  name: string;
  shape: 'object';
  schema: S;
  /** What an absent file, or one with problems, stands for. */
  fallback: z.infer<S>;
}

const entries = <S extends z.ZodType>(name: string, schema: S, optional: boolean): EntriesFile<S> => ({ name, shape: 'entries', schema, optional });
const object = <S extends z.ZodType>(name: string, schema: S, fallback: z.infer<S>): ObjectFile<S> => ({ name, shape: 'object', schema, fallback });

const DEFAULT_SITE: SiteFile = { title: 'أرشيف', description: 'أرشيف للأخبار العربية', url: 'http://localhost:8080/' };
const NO_CLUTTER: ClutterFile = { lines: [], patterns: [], end_markers: [] };

/** Every data file, in the order problems name them (a stray file's hint lists them so). */
export const DATA_FILES = {
  outlets: entries('outlets.yml', outletSchema, false),
  places: entries('places.yml', placeSchema, false),
  agencies: entries('agencies.yml', agencySchema, false),
  clutter: object('clutter.yml', clutterSchema, NO_CLUTTER),
  entities: entries('entities.yml', entitySchema, true),
  spellings: entries('spellings.yml', spellingGroupSchema, true),
  site: object('site.yml', siteSchema, DEFAULT_SITE),
  aggregators: entries('aggregators.yml', aggregatorSchema, true),
};

type DataFiles = typeof DATA_FILES;
export type DataFileKey = keyof DataFiles;
type KeyOfShape<Shape> = { [K in DataFileKey]: DataFiles[K]['shape'] extends Shape ? K : never }[DataFileKey];
type SchemaOf<K extends DataFileKey> = DataFiles[K]['schema'];

/** The names of the files content/data/ may hold. */
export const DATA_FILE_NAMES: readonly string[] = Object.values(DATA_FILES).map((f) => f.name);

/** Where a data file of a content folder is. */
export function dataFilePath(contentDir: string, key: DataFileKey): string {
  return join(contentDir, 'data', DATA_FILES[key].name);
}

/** A data file of entries: the valid ones, and its problems added to `problems`; kept in `cache` when it has none (data-file.ts). */
export function readDataEntries<K extends KeyOfShape<'entries'>>(contentDir: string, key: K, problems: Problem[], cache?: ParseCache): DataEntries<z.infer<SchemaOf<K>>> {
  const spec = DATA_FILES[key];
  const kept = cache && { store: cache, kind: `data ${spec.name}` };
  return readEntriesFile(dataFilePath(contentDir, key), spec.schema as z.ZodType, problems, spec.optional, kept) as DataEntries<z.infer<SchemaOf<K>>>;
}

/** A data file of one object: its value, or the file's fallback when it is absent or has problems (added to `problems`). */
export function readDataObject<K extends KeyOfShape<'object'>>(contentDir: string, key: K, problems: Problem[]): z.infer<SchemaOf<K>> {
  const spec = DATA_FILES[key];
  return readObjectFile(dataFilePath(contentDir, key), spec.schema as z.ZodType, spec.fallback, problems) as z.infer<SchemaOf<K>>;
}

/** The entities keyed by Latin key; none when the file does not exist. Throws ArshifError on problems. */
export function loadEntities(contentDir: string, cache?: ParseCache): Record<string, Entity> {
  const problems: Problem[] = [];
  const file = readDataEntries(contentDir, 'entities', problems, cache);
  if (problems.length > 0) throw new ArshifError(problems);
  return file.entries;
}

/** The groups of spellings keyed by Latin key; none when the file does not exist. Throws ArshifError on problems. */
export function loadSpellings(contentDir: string, cache?: ParseCache): Record<string, string[]> {
  const problems: Problem[] = [];
  const file = readDataEntries(contentDir, 'spellings', problems, cache);
  problems.push(...spellingGroupProblems(file));
  if (problems.length > 0) throw new ArshifError(problems);
  return file.entries;
}

/** The wire agencies keyed by Latin key. Throws ArshifError on problems. */
export function loadAgencies(contentDir: string): Record<string, Agency> {
  const problems: Problem[] = [];
  const file = readDataEntries(contentDir, 'agencies', problems);
  if (problems.length > 0) throw new ArshifError(problems);
  return file.entries;
}
