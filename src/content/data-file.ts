/**
 * Reading one YAML data file of content/data/: a map of entries keyed by their Latin key (each
 * checked against the file's schema), or one object of fields. Every problem names the file,
 * the line and the field; which files there are, and with what schema, is data-files.ts's.
 */
import { existsSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { displayPath } from '../core/paths.ts';
import type { Problem } from '../core/problem.ts';
import type { ParseCache } from '../cache/parse-cache.ts';
import { MAX_DATA_BYTES, readText } from './read-text.ts';
import { kindOf, parseYamlSource, type YamlSource } from './yaml-source.ts';
import { zodProblems } from './zod-problems.ts';

export interface DataEntries<T> {
  file: string;
  /** False when the file is missing or its YAML is broken (references to it are then not checked). */
  loaded: boolean;
  /** The valid entries by key, in an object without a prototype (a key `constructor` is just a key). */
  entries: Record<string, T>;
  /**
   * Entries present but invalid, as written (their problems are reported): references to them
   * are not reported again as unknown.
   */
  rejected: Record<string, unknown>;
  lineOf: YamlSource['lineOf'];
}

/**
 * A data file of entries keyed by their Latin key. A missing file is a problem, unless it is
 * `optional` (then it has no entries). With a `cache` (src/cache/parse-cache.ts), a file that
 * had no problem at all is kept by its text, under `kind`, and the same text is then given its
 * entries without being parsed (its YAML is parsed only if a line is asked for); a file with a
 * problem is read in full every time, so every message stays as it was.
 */
export function readEntriesFile<S extends z.ZodType>(
  path: string,
  schema: S,
  problems: Problem[],
  optional = false,
  cache?: { store: ParseCache; kind: string },
): DataEntries<z.infer<S>> {
  const file = displayPath(path);
  const result: DataEntries<z.infer<S>> = { file, loaded: false, entries: Object.create(null), rejected: Object.create(null), lineOf: () => undefined };
  if (!existsSync(path)) {
    if (!optional) problems.push({ file, message: 'is missing', hint: 'create it (see README.md, "Content")' });
    return result;
  }
  if (!statSync(path).isFile()) {
    problems.push({ file, message: 'is a folder, not a file', hint: 'put the data file itself here' });
    return result;
  }
  const text = readText(path, problems, MAX_DATA_BYTES);
  if (text === undefined) return result;
  const kept = keptReads?.get(schema)?.get(path);
  if (kept?.text === text && kept.file === file) {
    problems.push(...kept.problems.map((p) => ({ ...p })));
    // still this build's in the parse cache, or the cache it saves lacks the file (and the next add or build parses it again)
    if (cache && kept.problems.length === 0 && !cache.store.getEntries(cache.kind, text)) cache.store.setEntries(cache.kind, text, kept.result.entries);
    return {
      ...kept.result,
      entries: withoutPrototype(structuredClone(kept.result.entries as Record<string, z.infer<S>>)),
      rejected: withoutPrototype(structuredClone(kept.result.rejected)),
    };
  }
  const own: Problem[] = [];
  const cached = cache?.store.getEntries(cache.kind, text);
  if (cached) {
    let lineOf: YamlSource['lineOf'] | undefined;
    Object.assign(result, {
      loaded: true,
      entries: cached as Record<string, z.infer<S>>,
      lineOf: (at: Parameters<YamlSource['lineOf']>[0]) => (lineOf ??= parseYamlSource(text, file).lineOf)(at),
    });
  } else {
    entriesOf(text, schema, result, own);
    if (cache && own.length === 0) cache.store.setEntries(cache.kind, text, result.entries);
  }
  problems.push(...own);
  if (keptReads) {
    let bySchema = keptReads.get(schema);
    if (!bySchema) keptReads.set(schema, (bySchema = new Map()));
    const copy = { ...result, entries: withoutPrototype(structuredClone(result.entries)), rejected: withoutPrototype(structuredClone(result.rejected)) };
    bySchema.set(path, { text, file, result: copy, problems: own.map((p) => ({ ...p })) });
  }
  return result;
}

/** The entries of a data file's text into `result` (loaded, entries, rejected, lineOf), and its problems into `problems`. */
function entriesOf<S extends z.ZodType>(text: string, schema: S, result: DataEntries<z.infer<S>>, problems: Problem[]): void {
  const { file } = result;
  const yaml = parseYamlSource(text, file);
  result.lineOf = yaml.lineOf;
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return;
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    // Left unloaded: with no entries at all, every reference to it would be reported too.
    problems.push(
      yaml.value === null
        ? { file, line: 1, message: 'is empty', hint: 'it must list the entries, each under its Latin key (restore it from version control if it was emptied by mistake)' }
        : { file, line: 1, message: `must be a map of entries keyed by their Latin key, not ${kindOf(yaml.value)}`, hint: "write `key:` followed by the entry's fields, indented" },
    );
    return;
  }
  result.loaded = true;
  for (const [key, raw] of Object.entries(yaml.value as Record<string, unknown>)) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)) {
      problems.push({ file, line: yaml.lineOf([key]), field: key, message: 'is not a valid key', hint: 'use lowercase Latin letters, digits and single hyphens' });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) result.entries[key] = parsed.data;
    else {
      result.rejected[key] = raw;
      problems.push(...zodProblems(parsed.error, file, yaml, [key]));
    }
  }
}

/** What a process that builds again keeps of each entries file it read: by schema and path, the text and what it gave. */
let keptReads: Map<z.ZodType, Map<string, { text: string; file: string; result: DataEntries<unknown>; problems: Problem[] }>> | undefined;

/**
 * From now on, this process keeps what each entries file gave, and gives it again (copies) for
 * the same text, without parsing the YAML again (`npm start`, where the gazetteer is most of
 * what loading content costs). A file read again with other text is parsed.
 */
export function keepDataFileReads(): void {
  keptReads ??= new Map();
}

const withoutPrototype = <T>(o: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, o);

/**
 * A YAML file holding one object (site.yml, clutter.yml): its validated value, or `fallback`
 * when the file is absent or has problems (which are added to `problems`).
 */
export function readObjectFile<S extends z.ZodType>(path: string, schema: S, fallback: z.infer<S>, problems: Problem[]): z.infer<S> {
  if (!existsSync(path)) return fallback;
  const file = displayPath(path);
  if (!statSync(path).isFile()) {
    problems.push({ file, message: 'is a folder, not a file', hint: 'put the data file itself here' });
    return fallback;
  }
  const text = readText(path, problems, MAX_DATA_BYTES);
  if (text === undefined) return fallback;
  const yaml = parseYamlSource(text, file);
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return fallback;
  if (yaml.value !== null && (typeof yaml.value !== 'object' || Array.isArray(yaml.value))) {
    problems.push({ file, line: 1, message: `must be fields written \`key: value\`, not ${kindOf(yaml.value)}`, hint: 'see README.md, "Content", for the fields of this file' });
    return fallback;
  }
  const parsed = schema.safeParse(yaml.value ?? {});
  if (parsed.success) return parsed.data;
  problems.push(...zodProblems(parsed.error, file, yaml, []));
  return fallback;
}
