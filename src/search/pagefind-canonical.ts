/**
 * Makes Pagefind's output byte-for-byte reproducible.
 *
 * Pagefind 1.5.2 writes two things in the iteration order of a hash map that is seeded afresh in
 * every process (hashbrown's default hasher), so two builds of the same site differ:
 *
 * - each filter file `filter/LANG_HASH.pf_filter` lists its values (value → pages) in hash-map
 *   order (`pagefind/src/index/mod.rs`, `filter_map` → `PackedValue`s, marked there
 *   "TODO: Change filter indexes to BTree to give them a stable hash"), and its name is the
 *   SHA-1 of those bytes;
 * - the meta index `pagefind.LANG_HASH.pf_meta` lists the filters (name → file hash) in the same
 *   kind of order, and its name, which `pagefind-entry.json` carries, is the SHA-1 of its bytes.
 *
 * The order carries no meaning: the browser side reads a filter's values into a BTreeMap
 * (`pagefind_web/src/filter_index.rs`) and the filters by name. So this pass rewrites them in a
 * fixed order (filters by name, values by their UTF-8 bytes, as Rust orders strings), names
 * them the way Pagefind does (language, `_`, the first hex digits of the SHA-1 of the encoded
 * bytes, with Pagefind's unpadded hex), and updates `pagefind-entry.json` to the new meta name.
 *
 * The files are gzip (`pagefind_dcd` + CBOR). Only the small part of CBOR they use is read
 * (unsigned and negative integers, text, arrays), and every file is checked to re-encode to
 * exactly the bytes Pagefind wrote before anything is changed, so a Pagefind upgrade that
 * changes the format stops the build with a message instead of producing a broken index.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = Buffer.from('pagefind_dcd', 'utf8');

export type Cbor = number | string | Cbor[];

export class PagefindFormatError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'PagefindFormatError';
  }
}

// ---------------------------------------------------------------------------------------------
// The CBOR subset Pagefind's index files use

export function decodeCbor(bytes: Uint8Array): Cbor {
  let pos = 0;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (n: number) => {
    if (pos + n > view.length) throw new Error(`CBOR ends early at byte ${pos}`);
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error(`unsupported CBOR length encoding ${info} at byte ${pos - 1}`);
    need(size);
    let value: number;
    if (size === 8) {
      const big = view.readBigUInt64BE(pos);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`CBOR integer too large at byte ${pos}`);
      value = Number(big);
    } else value = view.readUIntBE(pos, size);
    pos += size;
    return value;
  };
  const item = (): Cbor => {
    need(1);
    const head = view[pos++] as number;
    const major = head >> 5;
    const value = argument(head & 0x1f);
    switch (major) {
      case 0:
        return value;
      case 1:
        return -1 - value;
      case 3: {
        need(value);
        const text = view.toString('utf8', pos, pos + value);
        pos += value;
        return text;
      }
      case 4: {
        const out: Cbor[] = [];
        for (let i = 0; i < value; i++) out.push(item());
        return out;
      }
      default:
        throw new Error(`unexpected CBOR major type ${major} at byte ${pos - 1}`);
    }
  };
  const result = item();
  if (pos !== view.length) throw new Error(`${view.length - pos} bytes after the CBOR item`);
  return result;
}

export function encodeCbor(value: Cbor): Buffer {
  const chunks: Buffer[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) chunks.push(Buffer.from([(major << 5) | n]));
    else if (n <= 0xff) chunks.push(Buffer.from([(major << 5) | 24, n]));
    else if (n <= 0xffff) {
      const b = Buffer.alloc(3);
      b[0] = (major << 5) | 25;
      b.writeUInt16BE(n, 1);
      chunks.push(b);
    } else if (n <= 0xffffffff) {
      const b = Buffer.alloc(5);
      b[0] = (major << 5) | 26;
      b.writeUInt32BE(n, 1);
      chunks.push(b);
    } else {
      const b = Buffer.alloc(9);
      b[0] = (major << 5) | 27;
      b.writeBigUInt64BE(BigInt(n), 1);
      chunks.push(b);
    }
  };
  const item = (v: Cbor) => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`cannot encode ${v} as a CBOR integer`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const bytes = Buffer.from(v, 'utf8');
      head(3, bytes.length);
      chunks.push(bytes);
    } else {
      head(4, v.length);
      for (const x of v) item(x);
    }
  };
  item(value);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// Pagefind's files

/** Pagefind's `full_hash`: SHA-1 with each byte as unpadded hex (`{:x?}`), so 0x0a gives "a". */
export function pagefindFullHash(bytes: Uint8Array): string {
  return [...createHash('sha1').update(bytes).digest()].map((b) => b.toString(16)).join('');
}

/** A Pagefind index file of a bundle, decoded (and checked to re-encode to the same bytes). */
export function readPagefindFile(files: PagefindFiles, path: string): { cbor: Cbor; raw: Buffer } {
  const bytes = files.get(path);
  if (!bytes) throw new PagefindFormatError(path, 'is missing from the index');
  let data: Buffer;
  try {
    data = gunzipSync(bytes);
  } catch (error) {
    throw new PagefindFormatError(path, `not a gzip file (${(error as Error).message})`);
  }
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new PagefindFormatError(path, 'does not start with "pagefind_dcd"');
  const raw = data.subarray(SIGNATURE.length);
  let cbor: Cbor;
  try {
    cbor = decodeCbor(raw);
  } catch (error) {
    throw new PagefindFormatError(path, (error as Error).message);
  }
  if (!encodeCbor(cbor).equals(raw)) throw new PagefindFormatError(path, 'does not re-encode to the same bytes');
  return { cbor, raw };
}

/** The bytes of a Pagefind index file holding the CBOR `raw`. */
export function encodePagefindFile(raw: Buffer): Buffer {
  // mtime 0 in the gzip header (Node's default); level 9 as Pagefind uses.
  return gzipSync(Buffer.concat([SIGNATURE, raw]), { level: 9 });
}

/** A Pagefind bundle in memory: paths relative to the bundle folder ('filter/ar_x.pf_filter'). */
export type PagefindFiles = Map<string, Buffer>;

const compareUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** A name like Pagefind's: `LANG_` and the first `length` hex digits, longer while it collides. */
function shortName(prefix: string, hash: string, length: number, taken: Set<string>): string {
  let name = `${prefix}${hash.slice(0, length)}`;
  for (let n = length + 1; taken.has(name) && n <= hash.length; n++) name = `${prefix}${hash.slice(0, n)}`;
  if (taken.has(name)) throw new Error(`two Pagefind files hash to ${name}`);
  taken.add(name);
  return name;
}

interface EntryJson {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [key: string]: unknown;
}

const isArray = (v: Cbor | undefined): v is Cbor[] => Array.isArray(v);

/**
 * Rewrites the filter files and meta index of a bundle (as Pagefind's getFiles gives it) in a
 * fixed order and renames them by their content. Everything is read and checked first, so a
 * format it does not recognise changes nothing. Returns the new bundle.
 */
export function canonicalisePagefind(files: PagefindFiles): PagefindFiles {
  const entryPath = 'pagefind-entry.json';
  const entryBytes = files.get(entryPath);
  if (!entryBytes) throw new PagefindFormatError(entryPath, 'is missing from the index');
  const entry = JSON.parse(entryBytes.toString('utf8')) as EntryJson;
  if (!entry.languages || typeof entry.languages !== 'object') throw new PagefindFormatError(entryPath, 'has no "languages"');
  const filterDir = 'filter';
  let filterFiles = [...files.keys()].filter((p) => p.startsWith(`${filterDir}/`) && p.endsWith('.pf_filter')).map((p) => p.slice(filterDir.length + 1));

  const oldPaths: string[] = [];
  const newFiles: Array<{ path: string; raw: Buffer }> = [];
  const takenFilters = new Set<string>();
  const languages: EntryJson['languages'] = {};
  for (const language of Object.keys(entry.languages).sort(compareUtf8)) {
    const info = entry.languages[language];
    if (!info || typeof info.hash !== 'string') throw new PagefindFormatError(entryPath, `language ${language} has no hash`);
    const metaPath = `pagefind.${info.hash}.pf_meta`;
    const meta = readPagefindFile(files, metaPath).cbor;
    // [version, pages, index_chunks, filters: [[name, hash]…], sorts: [[key, pages]…], meta_fields]
    if (!isArray(meta) || meta.length < 5 || !isArray(meta[3]) || !isArray(meta[4])) {
      throw new PagefindFormatError(metaPath, 'is not the meta index layout of Pagefind 1.5 ([version, pages, chunks, filters, sorts, …])');
    }
    oldPaths.push(metaPath);
    const filters = meta[3].map((f) => {
      if (!isArray(f) || f.length !== 2 || typeof f[0] !== 'string' || typeof f[1] !== 'string') {
        throw new PagefindFormatError(metaPath, 'a filter entry is not [name, hash]');
      }
      return { name: f[0], hash: f[1] };
    });
    filters.sort((a, b) => compareUtf8(a.name, b.name));
    const prefix = `${language}_`;
    const newFilters: Cbor[] = [];
    for (const filter of filters) {
      const file = `${filter.hash}.pf_filter`;
      const path = `${filterDir}/${file}`;
      const { cbor } = readPagefindFile(files, path);
      // [name, values: [[value, pages: [n…]]…]]
      if (!isArray(cbor) || cbor.length !== 2 || cbor[0] !== filter.name || !isArray(cbor[1])) {
        throw new PagefindFormatError(path, `is not a filter index [name, values] for "${filter.name}"`);
      }
      const values = cbor[1].map((v) => {
        if (!isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || !isArray(v[1])) {
          throw new PagefindFormatError(path, 'a filter value is not [value, pages]');
        }
        return v as [string, Cbor[]];
      });
      values.sort((a, b) => compareUtf8(a[0], b[0]));
      const raw = encodeCbor([filter.name, values]);
      const name = shortName(prefix, pagefindFullHash(raw), 7, takenFilters);
      oldPaths.push(path);
      filterFiles = filterFiles.filter((f) => f !== file);
      newFiles.push({ path: `${filterDir}/${name}.pf_filter`, raw });
      newFilters.push([filter.name, name]);
    }
    meta[3] = newFilters;
    const sortKey = (s: Cbor) => (isArray(s) && typeof s[0] === 'string' ? s[0] : '');
    meta[4] = [...meta[4]].sort((a, b) => compareUtf8(sortKey(a), sortKey(b)));
    const raw = encodeCbor(meta);
    const metaHash = `${prefix}${pagefindFullHash(raw).slice(0, language.length + 8)}`;
    newFiles.push({ path: `pagefind.${metaHash}.pf_meta`, raw });
    languages[language] = { ...info, hash: metaHash };
  }
  // A filter file no meta index names is not Pagefind 1.5's output as this pass knows it.
  if (filterFiles.length) throw new PagefindFormatError(filterDir, `filter files no meta index names: ${filterFiles.join(', ')}`);

  const out: PagefindFiles = new Map(files);
  for (const path of oldPaths) out.delete(path);
  for (const { path, raw } of newFiles) out.set(path, encodePagefindFile(raw));
  out.set(entryPath, Buffer.from(JSON.stringify({ ...entry, languages }), 'utf8'));
  return out;
}

/** Reads a bundle folder into memory. */
export function readBundle(bundleDir: string): PagefindFiles {
  const files: PagefindFiles = new Map();
  for (const name of readdirSync(bundleDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(bundleDir, name);
    try {
      files.set(name.split(/[\\/]/).join('/'), readFileSync(path));
    } catch {
      // a folder
    }
  }
  return files;
}

/** Writes a bundle into an empty (or absent) folder. */
export function writeBundle(bundleDir: string, files: PagefindFiles): void {
  rmSync(bundleDir, { recursive: true, force: true });
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const target = join(bundleDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}
