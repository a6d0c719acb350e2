/**
 * Carrying a file over from the previous site into the build's staging folder, when its bytes
 * are known to be the ones wanted: the rule of the pages (carry-over.ts, read its top) for any
 * file the build can name the sha256 and size of beforehand, the pages, the raw sources
 * (source-carry.ts) and the search index's files (bundle-carry.ts) alike.
 *
 * A file is carried only if the previous site holds, at its path, a file of the wanted size
 * whose stamp (device, inode, modification time in ns) is the one recorded when it was last
 * known to hold the wanted bytes, or whose bytes, read and hashed (or compared with the wanted
 * bytes themselves, when the caller holds them), are the wanted ones. A carried file is a hard
 * link to the previous site's file (no byte copied), or a copy of the bytes just checked where a
 * link is refused: by the filesystem, or by the caller (`linkable`: a raw source shared with
 * content/ is never linked, source-carry.ts).
 */
import { linkSync, mkdirSync, readFileSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { mtimeSettled } from '../core/file-stamp.ts';
import { sha256 } from '../core/hash.ts';

const DIGITS = /^[0-9]+$/;

/** A file's device, inode and modification time (ns), as decimal text (they exceed a double's integers). */
export const stampSchema = z.strictObject({ dev: z.string().regex(DIGITS), ino: z.string().regex(DIGITS), mtimeNs: z.string().regex(DIGITS) });
export type FileStamp = z.infer<typeof stampSchema>;

export const stampOf = (stat: BigIntStats): FileStamp => ({ dev: String(stat.dev), ino: String(stat.ino), mtimeNs: String(stat.mtimeNs) });
const sameStamp = (a: FileStamp, b: FileStamp) => a.dev === b.dev && a.ino === b.ino && a.mtimeNs === b.mtimeNs;

/** The bytes a file must hold to be carried: their sha256 and size, and the stamp of a file last known to hold them (null: read it to know). */
export interface WantedBytes {
  readonly sha256: string;
  readonly bytes: number;
  readonly file: FileStamp | null;
  /** The wanted bytes themselves, when the caller holds them (the search index's files, bundle-carry.ts): a file read is compared with them, not hashed. */
  readonly held?: Buffer;
}

/** Links (else copies) files of the previous site into one staging folder. */
export class FileCarrier {
  /** Folders made in the staging folder. */
  private readonly folders = new Set<string>();
  /** Whether carried files are hard links (until the filesystem refuses one). */
  private linking = true;

  constructor(
    private readonly previousSite: string,
    readonly stagingDir: string,
  ) {}

  /**
   * Links (else copies) the previous site's file at `path` (site-relative) to the same path in
   * the staging folder if it holds the `wanted` bytes (its stamp, else its hash, says so), and
   * only links it when `linkable` says so of its stat. Returns the stamp to keep (null when it
   * is not settled, or the file is a copy), or undefined when the file was not carried.
   */
  carry(path: string, wanted: WantedBytes, linkable: (stat: BigIntStats) => boolean = () => true): FileStamp | null | undefined {
    const source = join(this.previousSite, path);
    let stat: BigIntStats;
    try {
      stat = statSync(source, { bigint: true });
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size !== BigInt(wanted.bytes)) return undefined;
    const stamp = stampOf(stat);
    const wantedIn = (read: Buffer) => (wanted.held ? read.equals(wanted.held) : read.length === wanted.bytes && sha256(read) === wanted.sha256);
    let bytes: Buffer | undefined;
    if (!(wanted.file && sameStamp(wanted.file, stamp))) {
      try {
        bytes = readFileSync(source);
      } catch {
        return undefined;
      }
      if (!wantedIn(bytes)) return undefined;
    }
    const target = join(this.stagingDir, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    if (this.linking && linkable(stat)) {
      try {
        linkSync(source, target);
        return mtimeSettled(stat) ? stamp : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
        this.linking = false; // a filesystem without hard links (or across devices): copies from here on
      }
    }
    if (!bytes) {
      bytes = wanted.held ?? readFileSync(source);
      if (!wantedIn(bytes)) return undefined;
    }
    writeFileSync(target, bytes, { flag: 'wx' });
    return null; // the copy's own stamp is taken by the next build, from its hash
  }

  /** The stamp of a file this build wrote at `path`, if settled and still of the size the manifest hashed (nothing but the build writes the staging folder). */
  writtenStamp(path: string, bytes: number): FileStamp | null {
    try {
      const stat = statSync(join(this.stagingDir, path), { bigint: true });
      return stat.size === BigInt(bytes) && mtimeSettled(stat) ? stampOf(stat) : null;
    } catch {
      return null;
    }
  }
}
