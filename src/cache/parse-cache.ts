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
 * The entries of one build are kept as one entry of the derived-data store (src/analysis/derive/), written
 * again only when they changed, and holding only the files that build read.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { DerivedStore } from '../analysis/derive/derive.ts';

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

const FORMAT = 1;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const keyOf = (kind: string, source: string) => sha256(`${kind}\u0000${source}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isCachedParse(v: unknown): v is CachedParse {
  return (
    isObject(v) &&
    Object.keys(v).length === 3 &&
    isObject(v.data) &&
    Number.isInteger(v.bodyStart) &&
    Number.isInteger(v.bodyLine)
  );
}

/** The parse cache kept in `store` (one entry for all files, under the key of the code version). */
export function storedParseCache(store: DerivedStore): StoredParseCache {
  const entryKey = sha256(`content files ${store.version}`);
  const before = new Map<string, CachedParse>();
  const stored = store.read('content', entryKey);
  if (isObject(stored) && stored.format === FORMAT && stored.key === entryKey && isObject(stored.files)) {
    for (const [key, value] of Object.entries(stored.files)) if (isCachedParse(value)) before.set(key, value);
  }
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
      store.write('content', entryKey, { format: FORMAT, key: entryKey, files });
    },
  };
}
