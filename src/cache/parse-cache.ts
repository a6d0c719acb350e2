/**
 * What reading a Markdown content file gave, kept between builds by the file's exact text: its
 * validated front matter and where its body starts. A file read before, unchanged, then skips the
 * YAML parser, the schema and the checks of its body, which are most of the time a warm build
 * spends loading content (the parsed YAML itself is only needed again to name a field's line in a
 * problem found across files, and is then parsed on demand).
 *
 * Only files that had no problem at all are kept: a file with a problem is read in full every
 * time, so every message stays as it was. What a file gives depends on its text and on the code
 * that reads it (src/content/, part of the store's code version), so the key is the text's hash.
 *
 * The entries of one build are kept as one entry of the store (memo.ts), checked whole against
 * its schema when read back, written again only when they changed, and holding only the files
 * that build read.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { sha256 } from '../core/hash.ts';
import { memoKey, readMemo, writeMemo } from './memo.ts';
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

/** The store's entry: every file's result, by the hash of its kind and text. */
const filesSchema = z.strictObject({ files: z.record(z.string(), cachedParseSchema) });

const isCachedParse = (v: unknown): v is CachedParse => cachedParseSchema.safeParse(v).success;

/** The parse cache kept in `store` (one entry for all files, under the key of the code version). */
export function storedParseCache(store: Store): StoredParseCache {
  const entryKey = memoKey(store.version, ['content files']);
  const before = new Map<string, CachedParse>(Object.entries(readMemo(store, 'content', entryKey, filesSchema)?.files ?? {}));
  const now = new Map<string, CachedParse>();
  let changed = false;
  return {
    get(kind, source) {
      const key = keyOf(kind, source);
      const hit = before.get(key);
      if (hit) now.set(key, hit);
      return hit;
    },
    set(kind, source, value) {
      const json: unknown = JSON.parse(JSON.stringify(value));
      if (!isDeepStrictEqual(json, value) || !isCachedParse(json)) return;
      now.set(keyOf(kind, source), json);
      changed = true;
    },
    save() {
      if (!changed && now.size === before.size) return;
      const files = Object.fromEntries([...now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      writeMemo(store, 'content', entryKey, { files });
    },
  };
}
