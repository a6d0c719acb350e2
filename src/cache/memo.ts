/**
 * The one way a computed value is kept between builds: under a key made of what it is computed
 * from (its key parts) and the code version of the store (code-version.ts), in an entry that
 * names its key, and checked against the value's zod schema when read back. An entry that is
 * missing, is another key's, or fails the schema (an old shape, a hand edit) is computed again
 * and written anew, never trusted.
 *
 *   memo(store, { kind: 'passages', keyParts: ['passages', sources], schema, compute })
 *
 * `readMemo` and `writeMemo` are its two halves, for callers that compute many values at once
 * (on worker threads, in a batch) between the reading and the writing.
 *
 * Schemas here only check: what is returned is the value as stored (so its fields keep the order
 * they were written in), not zod's copy, so a schema must not transform (no defaults, no
 * coercion). Values are JSON: never undefined.
 */
import type { z } from 'zod';
import { sha256 } from '../core/hash.ts';
import type { Store } from './store.ts';

export type { Store };

/** An entry as the store holds it. */
interface Entry {
  key: string;
  value: unknown;
}

export interface MemoSpec<T> {
  /** The store's folder for this kind of value. */
  kind: string;
  /** What the value is computed from (JSON): the same parts give the same key, under one code version. */
  keyParts: readonly unknown[];
  /** What a value read back must be. */
  schema: z.ZodType<T>;
  compute: () => T;
}

/** The key of a value computed from `keyParts` by the code of `version`. */
export function memoKey(version: string, keyParts: readonly unknown[]): string {
  return sha256(JSON.stringify([version, ...keyParts]));
}

const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 2 && typeof (v as Entry).key === 'string' && 'value' in v;

/** Frozen values (a store's memory, disk-store.ts) already found to pass a schema: they cannot have changed since. */
const passed = new WeakMap<z.ZodType<unknown>, WeakSet<object>>();

/** Whether `value` passes `schema`; a deep-frozen value (what a store keeps in memory) is checked once per schema. */
function passes(schema: z.ZodType<unknown>, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return schema.safeParse(value).success;
  let seen = passed.get(schema);
  if (seen?.has(value)) return true;
  if (!schema.safeParse(value).success) return false;
  if (!seen) passed.set(schema, (seen = new WeakSet()));
  seen.add(value);
  return true;
}

/** The value stored under `key` when it is exactly that key's and passes `schema`; else undefined. Deep-frozen when the store keeps it in memory. */
export function readMemo<T>(store: Store, kind: string, key: string, schema: z.ZodType<T>): T | undefined {
  const entry = store.read(kind, key);
  if (!isEntry(entry) || entry.key !== key || entry.value === undefined) return undefined;
  return passes(schema, entry.value) ? (entry.value as T) : undefined;
}

/** Stores `value` under `key` (in the entry readMemo reads). Returns whether it was written, where the store says. */
export function writeMemo(store: Store, kind: string, key: string, value: unknown): boolean {
  const entry: Entry = { key, value };
  return store.write(kind, key, entry) !== false;
}

/** The value of `spec` from `store` where it holds it, else computed and stored; without a store, computed. */
export function memo<T>(store: Store | undefined, spec: MemoSpec<T>): T {
  if (!store) return spec.compute();
  const key = memoKey(store.version, spec.keyParts);
  const kept = readMemo(store, spec.kind, key, spec.schema);
  if (kept !== undefined) return kept;
  const value = spec.compute();
  writeMemo(store, spec.kind, key, value);
  return value;
}
