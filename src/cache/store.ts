/**
 * Where computed values are kept between builds: JSON values, each under a kind (a folder name:
 * `articles`, `passages`, `maps`, `content`, …) and a key (64 hex digits). The store knows
 * nothing of what the values mean; what is read back is checked by whoever reads it (memo.ts,
 * against the schema its owner gives). disk-store.ts keeps them on disk.
 */
export interface Store {
  /** The version of the code that computes the values (code-version.ts); part of every key. */
  readonly version: string;
  /** The value stored under `key`, or undefined when there is none or it cannot be read. */
  read(kind: string, key: string): unknown;
  /** Stores a value; failing to is not an error (the value is computed again next time). May say whether it was written. */
  write(kind: string, key: string, value: unknown): boolean | undefined;
  /** Marks an entry as used by this run without reading it (a sweeping store then keeps it), where the store sweeps. */
  keep?(kind: string, key: string): void;
}
