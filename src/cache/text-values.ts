/**
 * Values computed from a text, kept between runs in one entry of the store (memo.ts) for all the
 * texts of one kind: for something a command needs of every article of an archive at once, where
 * 10,000 entries of their own would cost 10,000 file reads. Each value is kept under the SHA-256
 * of its text, so an edited text is a miss and computed again; what the entry holds when it is
 * written again is only the values of the texts asked for in this run, so it stays one archive's
 * worth. The entry is checked whole against the schema when read back, and written again only
 * when it changed.
 *
 * `add` keeps its bodies' duplicate fingerprints so (src/ingest/duplicates.ts); a build does not
 * read them, but keeps the entry from its sweep (`keepTextValues`).
 */
import { z } from 'zod';
import { sha256 } from '../core/hash.ts';
import { memoKey, readMemo, writeMemo } from './memo.ts';
import type { Store } from './store.ts';

export interface TextValues<T> {
  /** The value kept for `text`, or computed by `compute` (and kept). */
  get(text: string, compute: (text: string) => T): T;
  /** Writes the values this run asked for back to the store, if they changed. */
  save(): void;
}

const entryKey = (store: Store, name: string) => memoKey(store.version, ['text values', name]);

/** The values of `name` kept in `store` under `kind`, each checked by `schema` (which must not transform). */
export function storedTextValues<T>(store: Store, kind: string, name: string, schema: z.ZodType<T>): TextValues<T> {
  const key = entryKey(store, name);
  const before = new Map<string, T>(Object.entries(readMemo(store, kind, key, z.record(z.string(), schema)) ?? {}));
  const now = new Map<string, T>();
  let computed = false;
  return {
    get(text, compute) {
      const hash = sha256(text);
      const known = now.get(hash) ?? before.get(hash);
      if (known !== undefined) {
        now.set(hash, known);
        return known;
      }
      const value = compute(text);
      now.set(hash, value);
      computed = true;
      return value;
    },
    save() {
      if (!computed && now.size === before.size) return;
      writeMemo(store, kind, key, Object.fromEntries([...now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    },
  };
}

/** Marks the entry of `name` as used without reading it, so that the store's sweep keeps it (a store that cannot: nothing). */
export function keepTextValues(store: Store, kind: string, name: string): void {
  store.keep?.(kind, entryKey(store, name));
}
