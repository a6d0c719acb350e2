/**
 * The store (store.ts) on disk, by default `.cache/arshif/` in the
 * project (git-ignored):
 *
 *   DIR/<code version, 16 hex digits>/<kind>/<first 2 hex digits of the key>/<key>.json
 *
 * Each file is, in UTF-16LE, the SHA-256 (64 hex digits) of its JSON text's bytes, a line break,
 * then the JSON text (encodeEntry). UTF-16LE rather than UTF-8 because the entries are mostly
 * Arabic: Node decodes UTF-16LE by copying, but UTF-8 Arabic about 40 times slower, which was
 * three quarters of the time a warm build spent reading its entries (about 17 kB each). A file is written
 * under a temporary name and renamed into place, so a reader sees a whole entry or none; a file
 * that cannot be read, whose checksum does not match or that is not JSON is ignored (and computed
 * again), never an error. Nothing here can stop a build: a store that cannot be written (read-only
 * disk, no space) just stores nothing.
 *
 * Bounded: at the end of a build, `sweep` removes this code version's entries the build did not
 * use (entries written since the store was opened are kept: they belong to a build running beside
 * this one), temporary files left by killed processes, and every other code version's folder. So
 * the store holds about one build's entries.
 *
 * Kept in memory (a process that builds again, `npm start`): given a `memory` (EntryMemory, one
 * per process and store), each entry read or written is kept there, deep-frozen, as the value it
 * read back, with its file's stamp (size, inode, modification time); the next store opened with
 * the same memory reads it from there while its file has that stamp, with a stat instead of a
 * file read, a checksum and a JSON parse. A file another process wrote or removed since is read
 * again (or missed). It still counts as used (`sweep` keeps its file). Entries a worker thread
 * wrote (noteWrite) are read from their file the first time.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freezeDeep } from '../core/freeze.ts';
import { sha256 } from '../core/hash.ts';
import type { Store } from './store.ts';

/** The entries of one store kept in a process between builds, by their file's path, with the file's stamp (see the top). */
export type EntryMemory = Map<string, { value: unknown; stamp: string }>;

const memories = new Map<string, EntryMemory>();

/** This process's memory of the store in `dir` for `version` (one per store, made on first use). */
export function entryMemory(dir: string, version: string): EntryMemory {
  const at = `${version}\u0000${dir}`;
  let memory = memories.get(at);
  if (!memory) memories.set(at, (memory = new Map()));
  return memory;
}

const stampOf = (path: string): string | undefined => {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat && `${stat.size}:${stat.ino}:${stat.mtimeNs}`;
};

export interface DiskStoreLocation {
  dir: string;
  version: string;
}

export interface DiskStoreStats {
  /** Entries read whole (their checksum matching); the caller still checks what they hold. */
  hits: number;
  /** Entries not found. */
  misses: number;
  /** Entries found but unreadable or corrupt (then computed again). */
  rejected: number;
  writes: number;
  /** Writes that failed (the entry is computed again next time). */
  writeErrors: number;
}

/** A kind is a folder's name. */
const KIND = /^[a-z][a-z0-9-]*$/;
const KEY = /^[0-9a-f]{64}$/;
const VERSION_FOLDER = /^[0-9a-f]{16}$/;
const ENTRY_FILE = /^[0-9a-f]{64}\.json$/;
const TEMP_FILE = /^[0-9a-f]{64}\.json\.\d+\.[0-9a-f]{8}\.tmp$/;
/** A temporary file this old is left over from a killed process. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** Bytes of the header (64 hex digits and a line break, in UTF-16LE) before the JSON text. */
const HEADER_BYTES = 65 * 2;

/** A file's bytes for a JSON text: its checksum line, then the text, all in UTF-16LE. */
export function encodeEntry(json: string): Buffer {
  const body = Buffer.from(json, 'utf16le');
  const file = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  file.write(`${sha256(body)}\n`, 0, 'utf16le');
  body.copy(file, HEADER_BYTES);
  return file;
}

/** The JSON text of a file's bytes, or undefined when they are not a whole entry (its checksum not matching). */
export function decodeEntry(bytes: Buffer): string | undefined {
  if (bytes.length < HEADER_BYTES || bytes.readUInt16LE(HEADER_BYTES - 2) !== 10) return undefined;
  const body = bytes.subarray(HEADER_BYTES);
  if (bytes.toString('utf16le', 0, HEADER_BYTES - 2) !== sha256(body)) return undefined;
  return body.toString('utf16le');
}

export class DiskStore implements Store {
  readonly version: string;
  readonly dir: string;
  readonly stats: DiskStoreStats = { hits: 0, misses: 0, rejected: 0, writes: 0, writeErrors: 0 };
  /** This version's folder. */
  private readonly root: string;
  /** Entry files read or written since the store was opened. */
  private readonly used = new Set<string>();
  private readonly madeFolders = new Set<string>();
  private readonly openedAt = Date.now();

  /** `version`: the code version (code-version.ts), a hex digest; `memory`: where entries are kept between builds of this process (see the top). */
  constructor(
    dir: string,
    version: string,
    private readonly memory?: EntryMemory,
  ) {
    if (!/^[0-9a-f]{16,}$/.test(version)) throw new Error(`DiskStore: the code version must be a hex digest, got ${JSON.stringify(version)}`);
    this.dir = dir;
    this.version = version;
    this.root = join(dir, version.slice(0, 16));
  }

  private pathOf(kind: string, key: string): string {
    return join(this.root, kind, key.slice(0, 2), `${key}.json`);
  }

  read(kind: string, key: string): unknown {
    if (!KEY.test(key) || !KIND.test(kind)) return undefined;
    const path = this.pathOf(kind, key);
    const kept = this.memory?.get(path);
    if (kept !== undefined) {
      if (stampOf(path) === kept.stamp) {
        this.used.add(path);
        this.stats.hits++;
        return kept.value;
      }
      this.memory?.delete(path);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      this.stats.misses++;
      return undefined;
    }
    try {
      const json = decodeEntry(bytes);
      if (json === undefined) throw new Error('checksum');
      const value: unknown = JSON.parse(json);
      this.used.add(path);
      this.stats.hits++;
      if (this.memory) this.remember(path, value);
      return value;
    } catch {
      this.stats.rejected++;
      return undefined;
    }
  }

  /** Keeps an entry's value in memory, frozen, with its file's stamp now. */
  private remember(path: string, value: unknown): void {
    const stamp = stampOf(path);
    if (stamp !== undefined) this.memory?.set(path, { value: freezeDeep(value), stamp });
  }

  /** Where this store is, for another thread to open the same store (its writes are noted with `noteWrite`). */
  get location(): DiskStoreLocation {
    return { dir: this.dir, version: this.version };
  }

  /** Counts a write another thread made to this store's folder (its own DiskStore at `location`), and keeps the entry. */
  noteWrite(kind: string, key: string, ok: boolean): void {
    if (!KEY.test(key) || !KIND.test(kind)) return;
    const path = this.pathOf(kind, key);
    this.used.add(path);
    this.memory?.delete(path); // written anew elsewhere: read from the file next time
    if (ok) this.stats.writes++;
    else this.stats.writeErrors++;
  }

  /** Marks an entry as used without reading it: `sweep` keeps its file (one another command writes and reads: src/cache/text-values.ts). */
  keep(kind: string, key: string): void {
    if (KEY.test(key) && KIND.test(kind)) this.used.add(this.pathOf(kind, key));
  }

  /** Returns whether the entry was written. */
  write(kind: string, key: string, value: unknown): boolean {
    if (!KEY.test(key) || !KIND.test(kind)) return false;
    const path = this.pathOf(kind, key);
    this.used.add(path);
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const json = JSON.stringify(value);
      const folder = join(this.root, kind, key.slice(0, 2));
      if (!this.madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.madeFolders.add(folder);
      }
      writeFileSync(temp, encodeEntry(json));
      renameSync(temp, path);
      this.stats.writes++;
      if (this.memory) this.remember(path, JSON.parse(json));
      return true;
    } catch {
      this.stats.writeErrors++;
      this.madeFolders.clear(); // the folder may have been removed under us
      try {
        unlinkSync(temp);
      } catch {
        // not written, or already gone
      }
      return false;
    }
  }

  /**
   * Removes what the store need not keep after a build: this version's entries not used since the
   * store was opened (and not written since, by another build), stale temporary files, and other
   * code versions' folders. Returns how many files and folders it removed. Never throws.
   */
  sweep(): number {
    let removed = 0;
    const remove = (path: string, folder = false) => {
      try {
        if (folder) rmSync(path, { recursive: true, force: true });
        else unlinkSync(path);
        removed++;
      } catch {
        // gone already, or not ours to remove
      }
    };
    for (const name of list(this.dir)) {
      if (VERSION_FOLDER.test(name) && join(this.dir, name) !== this.root) remove(join(this.dir, name), true);
    }
    const now = Date.now();
    for (const kind of list(this.root).filter((name) => KIND.test(name))) {
      const kindDir = join(this.root, kind);
      for (const shard of list(kindDir)) {
        const shardDir = join(kindDir, shard);
        for (const name of list(shardDir)) {
          const path = join(shardDir, name);
          const entry = ENTRY_FILE.test(name);
          if (!entry && !TEMP_FILE.test(name)) continue;
          if (entry && this.used.has(path)) continue;
          const modified = mtimeOf(path);
          if (modified === undefined) continue;
          if (entry ? modified < this.openedAt : now - modified > STALE_TEMP_MS) {
            remove(path);
            this.memory?.delete(path);
          }
        }
      }
    }
    return removed;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
