/**
 * The raw sources carried over from the previous site, as the pages are (carry-over.ts: read
 * its top, the rule is the same): a build with a cache publishes under /sources/ (see
 * publish-sources.ts) each raw source whose bytes the previous site's file at the same path is
 * known to hold as a hard link to that file, and copies from content/ only the new or changed
 * ones.
 *
 * What proves a carried source right: the store keeps a table (`sources/` in the store,
 * src/cache/) of the sources the last build published, by their path in the site: the sha256 and
 * size of the bytes its manifest listed there, and the stamp of that file (device, inode,
 * modification time in ns) when it was settled (src/core/file-stamp.ts). The bytes wanted at a
 * path are those of the sha256 the article records (`source.sha256`), which loading the content
 * has just checked the file in content/sources/ against (src/content/load.ts), and the size of
 * that file. A source is carried only if the table's record for its path has that sha256 and
 * size and the previous site's file there still has the record's stamp (taken as holding them
 * without being read, as git's index does), or if its bytes, read and hashed, are the wanted ones
 * (file-carry.ts). What the stamp cannot tell is what it cannot tell of a page: a file rewritten
 * with the same size whose modification time is then set back to the nanosecond; `npm run build
 * -- --verify` tells it. The manifest takes a carried source's size and sha256 from here without
 * reading it (`knownFiles`).
 *
 * No link ever joins content/ and the site: the first publication of a source is a copy
 * (copyFileSync, publish-sources.ts), and a link is made only between the previous site's file
 * and the new site's, and only when that file has no other name (a link count of one) and is not
 * the file of any raw source in content/ (a hand-made link between the two, either way, is
 * copied instead): a change to the site could otherwise change what the user wrote, or the
 * reverse.
 *
 * Carried in Eleventy's last step (`eleventy.after` of the run that copies the static files,
 * eleventy-plugin.ts): nothing of Eleventy writes after it but the item pages of later runs
 * (page-batches.ts), which refuse the carried paths (build.ts gives them `carriedFiles`), and a
 * path something else already wrote in the staging folder (a file of public/ at /sources/) is
 * copied over, as without a cache.
 */
import { lstatSync, type BigIntStats } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DiskStore } from '../cache/disk-store.ts';
import { memoKey, readMemo, writeMemo } from '../cache/memo.ts';
import { FileCarrier, stampSchema } from './file-carry.ts';
import type { KnownFile } from './carry-over.ts';
import type { ManifestEntry } from './manifest.ts';

const recordSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  /** The file that held these bytes, when its stamp was settled; null: read it to know. */
  file: stampSchema.nullable(),
});
type SourceRecord = z.infer<typeof recordSchema>;

/** By the source's path in the site (`sources/NAME.txt`). */
const tableSchema = z.record(z.string(), recordSchema);
export type SourceTable = Readonly<Record<string, SourceRecord>>;

const TABLE_KIND = 'sources';
/** Bump when the table's shape changes. */
const TABLE_FORMAT = 1;
const tableKey = (store: DiskStore) => memoKey(store.version, ['published sources', TABLE_FORMAT]);

/** The table the last build left in `store` (empty when there is none, or it is unreadable); read before the archive is loaded, which sweeps the store. */
export function readSourceTable(store: DiskStore): SourceTable {
  return readMemo(store, TABLE_KIND, tableKey(store), tableSchema) ?? {};
}

/** What publishes a source knows of it beside its path in the site. */
export interface WantedSource {
  /** The sha256 its article records (checked against content/ by loading). */
  readonly sha256: string;
  /** Its file in content/sources/, as stat gave it. */
  readonly content: BigIntStats;
}

/** One build's raw sources: those carried over, and the table to keep afterwards. */
export class SourcePlan {
  private readonly carrier: FileCarrier;
  private readonly table: SourceTable;
  /** Every source this build publishes (site-relative path), carried or copied. */
  private readonly published = new Set<string>();
  private readonly carried = new Map<string, SourceRecord>();

  constructor(options: { previousSite: string; stagingDir: string; table: SourceTable }) {
    this.carrier = new FileCarrier(options.previousSite, resolve(options.stagingDir));
    this.table = options.table;
  }

  /** The staging folder the sources are carried into (absolute). */
  get stagingDir(): string {
    return this.carrier.stagingDir;
  }

  /**
   * Carries the source published at `path` (site-relative) from the previous site if its file
   * there is known to hold the wanted bytes (see the top); `contentFiles` are the device and
   * inode (`dev:ino`) of every raw source in content/, never linked. Returns whether it was
   * carried; if not, the caller copies it from content/.
   */
  carry(path: string, wanted: WantedSource, contentFiles: ReadonlySet<string>): boolean {
    this.published.add(path);
    if (lstatSync(join(this.carrier.stagingDir, path), { throwIfNoEntry: false })) return false; // written by something else: copied over, as without a cache
    const bytes = Number(wanted.content.size);
    const kept = this.table[path];
    const file = kept && kept.sha256 === wanted.sha256 && kept.bytes === bytes ? kept.file : null;
    const linkable = (stat: BigIntStats) => stat.nlink === 1n && !contentFiles.has(fileId(stat));
    const stamp = this.carrier.carry(path, { sha256: wanted.sha256, bytes, file }, linkable);
    if (stamp === undefined) return false;
    this.carried.set(path, { sha256: wanted.sha256, bytes, file: stamp });
    return true;
  }

  /** How many sources were carried over. */
  get carriedCount(): number {
    return this.carried.size;
  }

  /** The carried sources' sizes and hashes, for the manifest. */
  knownFiles(): ReadonlyMap<string, KnownFile> {
    return new Map([...this.carried].map(([path, r]) => [path, { bytes: r.bytes, sha256: r.sha256 }]));
  }

  /** The absolute paths of the carried sources, which Eleventy must not write (eleventy-plugin.ts). */
  carriedFiles(): ReadonlySet<string> {
    return new Set([...this.carried.keys()].map((path) => join(this.carrier.stagingDir, path)));
  }

  /** Keeps this build's table in `store`: the copied sources' sizes and hashes from the manifest (`files`: read from disk), with their stamps when settled. */
  finish(store: DiskStore, files: readonly ManifestEntry[]): void {
    const written = new Map(files.map((f) => [f.path, f]));
    const table: Record<string, SourceRecord> = {};
    for (const path of [...this.published].sort()) {
      const carried = this.carried.get(path);
      const file = written.get(path);
      if (carried) table[path] = carried;
      else if (file) table[path] = { sha256: file.sha256, bytes: file.bytes, file: this.carrier.writtenStamp(path, file.bytes) };
    }
    writeMemo(store, TABLE_KIND, tableKey(store), table);
  }
}

/** A file's device and inode, as one text. */
export const fileId = (stat: BigIntStats): string => `${stat.dev}:${stat.ino}`;
