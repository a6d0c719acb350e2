/**
 * What reading a Markdown content file gave, kept between builds by the file's exact text: its
 * validated front matter and where its body starts; and, the same way, the validated entries of
 * a data file of content/data/ (outlets, places, entities…: their YAML, some 200 kB, is about
 * half a second to parse and check in a fresh process). A file read before, unchanged, then skips the
 * YAML parser, the schema and the checks of its body, which are most of the time a warm build
 * spends loading content (the parsed YAML itself is only needed again to name a field's line in a
 * problem found across files, and is then parsed on demand).
 *
 * Only files that had no problem at all are kept: a file with a problem is read in full every
 * time, so every message stays as it was. What a file gives depends on its text and on the code
 * that reads it (src/content/, part of the store's code version), so the key is the text's hash.
 *
 * And the raw sources whose bytes a build checked against their recorded sha256: by the file's
 * path, its stamp (src/core/file-stamp.ts: device, inode, size, both times) and the hash its
 * bytes had, so that a source unchanged since is not read and hashed again (at 10,000 articles,
 * some 80 MB a build). Only a settled stamp is kept, and only for bytes that matched.
 *
 * The entries of one build are kept as one entry of the store (memo.ts), checked whole against
 * its schema when read back, written again only when they changed, and holding only the files
 * that build read.
 */
import type { BigIntStats } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { contentStamp, contentStampSettled } from '../core/file-stamp.ts';
import { sha256 } from '../core/hash.ts';
import { memoKey, readMemo, writeMemo } from './memo.ts';
import { TextDigests } from './process-memory.ts';
import type { Store } from './store.ts';

export interface CachedParse {
  /** The front matter as the schema gave it. */
  data: unknown;
  /** Where the body starts in the text (after a BOM is removed). */
  bodyStart: number;
  bodyLine: number;
}

export interface ParseCache {
  get(kind: string, source: string): CachedParse | undefined;
  /** Keeps a file's result, when it survives JSON unchanged (what the store holds is JSON). */
  set(kind: string, source: string, value: CachedParse): void;
  /** A data file's valid entries by key, as its schema gave them (src/content/data-file.ts), in an object without a prototype. */
  getEntries(kind: string, source: string): Record<string, unknown> | undefined;
  /** Keeps a data file's entries, when they survive JSON unchanged. */
  setEntries(kind: string, source: string, entries: Record<string, unknown>): void;
  /** The sha256 the bytes of the file at `path` (absolute) had when checked with this stat's stamp; undefined: read it to know. */
  checkedHash(path: string, stat: BigIntStats): string | undefined;
  /** Notes that the file at `path`, with this stat, holds bytes of hash `sha256` (kept only if its stamp is settled). */
  noteCheckedHash(path: string, stat: BigIntStats, sha256: string): void;
}

export interface StoredParseCache extends ParseCache {
  /** Writes the entries this build read back to the store, if they changed. */
  save(): void;
}

const keyOf = (kind: string, source: string) => sha256(`${kind}\u0000${source}`);

const cachedParseSchema = z.strictObject({
  data: z.record(z.string(), z.unknown()),
  bodyStart: z.number().int(),
  bodyLine: z.number().int(),
});

const entriesSchema = z.record(z.string(), z.unknown());

const checkedSchema = z.strictObject({ stamp: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** The store's entry: every file's result, by the hash of its kind and text; the checked sources by path. */
const filesSchema = z.strictObject({
  files: z.record(z.string(), cachedParseSchema),
  data: z.record(z.string(), entriesSchema).optional(),
  sources: z.record(z.string(), checkedSchema).optional(),
});

/** `value` as JSON gives it back, or undefined when JSON would change it. */
function throughJson<T>(value: T): T | undefined {
  const json: unknown = JSON.parse(JSON.stringify(value));
  return isDeepStrictEqual(json, value) ? (json as T) : undefined;
}

const isCachedParse = (v: unknown): v is CachedParse => cachedParseSchema.safeParse(v).success;

/**
 * The parse cache kept in `store` (one entry for all files, under the key of the code version).
 * `keep`: a process that loads again (npm start) keeps the texts' keys for the next load
 * (src/cache/process-memory.ts), which then hashes only the texts it has not met.
 */
export function storedParseCache(store: Store, options: { keep?: boolean } = {}): StoredParseCache {
  const entryKey = memoKey(store.version, ['content files']);
  const keys = new Map<string, TextDigests>();
  const keyOfText = (kind: string, source: string): string => {
    let digests = keys.get(kind);
    if (!digests) keys.set(kind, (digests = new TextDigests(`parse cache keys ${kind}`, (text) => keyOf(kind, text), options.keep ?? false)));
    return digests.of(source);
  };
  const stored = readMemo(store, 'content', entryKey, filesSchema);
  const before = new Map<string, CachedParse>(Object.entries(stored?.files ?? {}));
  const now = new Map<string, CachedParse>();
  const dataBefore = new Map<string, Record<string, unknown>>(Object.entries(stored?.data ?? {}));
  const dataNow = new Map<string, Record<string, unknown>>();
  const sourcesBefore = new Map<string, z.infer<typeof checkedSchema>>(Object.entries(stored?.sources ?? {}));
  const sourcesNow = new Map<string, z.infer<typeof checkedSchema>>();
  let changed = false;
  return {
    get(kind, source) {
      const key = keyOfText(kind, source);
      const hit = before.get(key);
      if (hit) now.set(key, hit);
      return hit;
    },
    set(kind, source, value) {
      const json = throughJson(value);
      if (!json || !isCachedParse(json)) return;
      now.set(keyOfText(kind, source), json);
      changed = true;
    },
    getEntries(kind, source) {
      const key = keyOf(kind, source);
      const hit = dataBefore.get(key);
      if (!hit) return undefined;
      dataNow.set(key, hit);
      return Object.assign(Object.create(null), hit);
    },
    setEntries(kind, source, entries) {
      const json = throughJson({ ...entries });
      if (!json) return;
      dataNow.set(keyOf(kind, source), json);
      changed = true;
    },
    checkedHash(path, stat) {
      const hit = sourcesBefore.get(path);
      if (!hit || hit.stamp !== contentStamp(stat)) return undefined;
      sourcesNow.set(path, hit);
      return hit.sha256;
    },
    noteCheckedHash(path, stat, sha256) {
      if (!contentStampSettled(stat)) return;
      const stamp = contentStamp(stat);
      const hit = sourcesBefore.get(path);
      if (hit?.stamp !== stamp || hit.sha256 !== sha256) changed = true;
      sourcesNow.set(path, { stamp, sha256 });
    },
    save() {
      if (!changed && now.size === before.size && dataNow.size === dataBefore.size && sourcesNow.size === sourcesBefore.size) return;
      const sorted = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      writeMemo(store, 'content', entryKey, { files: sorted(now), data: sorted(dataNow), sources: sorted(sourcesNow) });
    },
  };
}
