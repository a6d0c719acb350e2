/**
 * The search index's files carried over from the previous site, as the pages and the raw sources
 * are (carry-over.ts: read its top, the rule is the same): a build with a cache puts each file of
 * /pagefind/ whose bytes the previous site's file at the same path is known to hold in place as a
 * hard link to that file, and writes only the others. After adding one article only the delta
 * shard's files, the shard list and the files masking touched change; every other shard's files
 * are the previous site's, byte for byte, and were written again before this.
 *
 * The search index decides what /pagefind/ holds (src/search/index-site.ts) and asks, for each of
 * its files, whether it is in place (BundleCarry: its path, its shard and its bytes, in memory);
 * search/ sits below site/ (.dependency-cruiser.cjs), so the build gives it this plan as that
 * interface (src/cli/build.ts, through postProcessSite), and the index writes what was not
 * carried (writeBundleFiles, src/search/pagefind-canonical.ts), never over a carried file.
 *
 * What proves a carried file right: the store keeps a table (`bundles/` in the store, src/cache/)
 * of the files of /pagefind/ the last build put in its site, by their path in the site: the shard
 * each belongs to, the sha256 and size of the bytes its manifest listed there, and the stamp of
 * that file (device, inode, modification time in ns) when it was settled (src/core/file-stamp.ts).
 * The bytes wanted at a path are the ones the index holds for it, hashed here. A file is carried
 * only if the previous site's file at its path has their size and, when the table's record for
 * the path has their sha256 and size, still the record's stamp (taken as holding them without
 * being read, as git's index does), or else bytes that, read, are the wanted ones (compared
 * with them: file-carry.ts). What the stamp cannot tell is what it cannot tell of a page: a file rewritten
 * with the same size whose modification time is then set back to the nanosecond; `npm run build
 * -- --verify` tells it. The manifest takes a carried file's size and sha256 from here without
 * reading it (`knownFiles`).
 *
 * The index writes its files last, just before the manifest, so the stamps of the files it wrote
 * are seldom settled when the table is kept: the next build reads and hashes those once, and
 * keeps the stamps of the ones it carries.
 *
 * Nothing writes a carried file: the index removes /pagefind/ from the staging folder before the
 * first file is carried, and writes only the paths not carried, each refused if taken
 * (writeBundleFiles). Without a cache there is no plan, and every file is written.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DiskStore } from '../cache/disk-store.ts';
import { memoKey, readMemo, writeMemo } from '../cache/memo.ts';
import { sha256 } from '../core/hash.ts';
import type { BundleCarry } from '../search/index-site.ts';
import type { KnownFile } from './carry-over.ts';
import { FileCarrier, stampSchema } from './file-carry.ts';
import type { ManifestEntry } from './manifest.ts';

const recordSchema = z.strictObject({
  /** The shard the file belongs to (null: the shard list, which is all of theirs). */
  shard: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  /** The file that held these bytes, when its stamp was settled; null: read it to know. */
  file: stampSchema.nullable(),
});
type BundleRecord = z.infer<typeof recordSchema>;

/** By the file's path in the site (`pagefind/ID/index/….pf_index`). */
const tableSchema = z.record(z.string(), recordSchema);
export type BundleTable = Readonly<Record<string, BundleRecord>>;

const TABLE_KIND = 'bundles';
/** Bump when the table's shape changes. */
const TABLE_FORMAT = 1;
const tableKey = (store: DiskStore) => memoKey(store.version, ['search bundle files', TABLE_FORMAT]);

/** The table the last build left in `store` (empty when there is none, or it is unreadable); read before the archive is loaded, which sweeps the store. */
export function readBundleTable(store: DiskStore): BundleTable {
  return readMemo(store, TABLE_KIND, tableKey(store), tableSchema) ?? {};
}

/** One build's files of /pagefind/: those carried over, and the table to keep afterwards. */
export class BundlePlan implements BundleCarry {
  private readonly carrier: FileCarrier;
  private readonly table: BundleTable;
  /** Every file of /pagefind/ this build puts in its site (site-relative path), carried or written, with its shard. */
  private readonly placed = new Map<string, string | null>();
  private readonly carried = new Map<string, BundleRecord>();

  constructor(options: { previousSite: string; stagingDir: string; table: BundleTable }) {
    this.carrier = new FileCarrier(options.previousSite, resolve(options.stagingDir));
    this.table = options.table;
  }

  /** Carries the file of /pagefind/ at `path` from the previous site if its file there is known to hold `bytes` (see the top); whether it did. */
  carry(path: string, shard: string | null, bytes: Buffer): boolean {
    this.placed.set(path, shard);
    // Hashed only when needed: to match the table's record, or to keep the record of a file carried
    // (a file read from the previous site is compared with `bytes`, not hashed: file-carry.ts).
    let hash: string | undefined;
    const wanted = () => (hash ??= sha256(bytes));
    const kept = this.table[path];
    const file = kept && kept.bytes === bytes.length && kept.sha256 === wanted() ? kept.file : null;
    const stamp = this.carrier.carry(path, {
      get sha256() {
        return wanted();
      },
      bytes: bytes.length,
      file,
      held: bytes,
    });
    if (stamp === undefined) return false;
    this.carried.set(path, { shard, sha256: wanted(), bytes: bytes.length, file: stamp });
    return true;
  }

  /** How many files were carried over. */
  get carriedCount(): number {
    return this.carried.size;
  }

  /** The carried files' sizes and hashes, for the manifest. */
  knownFiles(): ReadonlyMap<string, KnownFile> {
    return new Map([...this.carried].map(([path, r]) => [path, { bytes: r.bytes, sha256: r.sha256 }]));
  }

  /** Keeps this build's table in `store`: the written files' sizes and hashes from the manifest (`files`: read from disk), with their stamps when settled. */
  finish(store: DiskStore, files: readonly ManifestEntry[]): void {
    const written = new Map(files.map((f) => [f.path, f]));
    const table: Record<string, BundleRecord> = {};
    for (const [path, shard] of [...this.placed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const carried = this.carried.get(path);
      const file = written.get(path);
      if (carried) table[path] = carried;
      else if (file) table[path] = { shard, sha256: file.sha256, bytes: file.bytes, file: this.carrier.writtenStamp(path, file.bytes) };
    }
    writeMemo(store, TABLE_KIND, tableKey(store), table);
  }
}
