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
 * And it numbers the pages in the order its walk of the folder met them, which the filesystem
 * decides, and lists the forms of a word (its spellings as written) in the order it met them:
 * so builds on two filesystems (ext4, tmpfs) differed. This pass numbers the pages in the order
 * of their date sort (pageNumbering), and rewrites the word index chunks (`index/*.pf_index`,
 * page numbers written as differences, pagefind 1.5.2's layout) with those numbers, the forms
 * in UTF-8 order, and renames them by content; the meta index, filters and sorts take the new
 * numbers. The chunks of name tokens are cut into smaller ones on the way (cutTokenChunk).
 *
 * The order of filters and their values carries no meaning: the browser side reads a filter's values into a BTreeMap
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
/** The size (CBOR bytes, about a third of it gzipped) of the pieces the chunks of name tokens are cut into (cutTokenChunk). */
const TOKEN_CHUNK_BYTES = 8 * 1024;
/** The gzip level of the word index chunks this pass rewrites (encodePagefindFile). */
const CHUNK_LEVEL = 6;

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

/** CBOR written into one buffer, grown as needed: a word index chunk is hundreds of thousands of small items. */
class CborWriter {
  private out: Buffer;
  /** The bytes written so far. */
  at = 0;
  constructor(size = 1 << 16) {
    this.out = Buffer.allocUnsafe(size);
  }

  private room(n: number): void {
    if (this.at + n <= this.out.length) return;
    let size = this.out.length * 2;
    while (size < this.at + n) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.out.copy(grown, 0, 0, this.at);
    this.out = grown;
  }

  /** A head of major type `major` with the argument `n`, in its shortest form. */
  head(major: number, n: number): void {
    this.room(9);
    const out = this.out;
    if (n < 24) out[this.at++] = (major << 5) | n;
    else if (n <= 0xff) {
      out[this.at++] = (major << 5) | 24;
      out[this.at++] = n;
    } else if (n <= 0xffff) {
      out[this.at++] = (major << 5) | 25;
      out.writeUInt16BE(n, this.at);
      this.at += 2;
    } else if (n <= 0xffffffff) {
      out[this.at++] = (major << 5) | 26;
      out.writeUInt32BE(n, this.at);
      this.at += 4;
    } else {
      out[this.at++] = (major << 5) | 27;
      out.writeBigUInt64BE(BigInt(n), this.at);
      this.at += 8;
    }
  }

  text(v: string): void {
    const length = Buffer.byteLength(v, 'utf8');
    this.head(3, length);
    this.room(length);
    this.at += this.out.write(v, this.at, 'utf8');
  }

  /** Bytes copied as they are. */
  bytes(from: Uint8Array): void {
    this.room(from.length);
    this.out.set(from, this.at);
    this.at += from.length;
  }

  /** The bytes written since `from` (a view: valid until the next write), and forgets them. */
  takeBack(from: number): Buffer {
    const taken = Buffer.from(this.out.subarray(from, this.at));
    this.at = from;
    return taken;
  }

  /** What was written (a view of the buffer). */
  written(): Buffer {
    return this.out.subarray(0, this.at);
  }
}

export function encodeCbor(value: Cbor): Buffer {
  const w = new CborWriter();
  const item = (v: Cbor) => {
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error(`cannot encode ${v} as a CBOR integer`);
      if (v >= 0) w.head(0, v);
      else w.head(1, -1 - v);
    } else if (typeof v === 'string') w.text(v);
    else {
      w.head(4, v.length);
      for (const x of v) item(x);
    }
  };
  item(value);
  return w.written();
}

/**
 * CBOR read item by item, without decoding what is skipped: the subset Pagefind's word index
 * uses (integers, texts, arrays), each head checked to be in its shortest form (encodeCbor's),
 * so that bytes copied as they are are what encodeCbor would write.
 */
class CborReader {
  pos = 0;
  constructor(
    readonly raw: Buffer,
    private readonly path: string,
  ) {}

  fail(detail: string): never {
    throw new PagefindFormatError(this.path, `${detail} (at byte ${this.pos})`);
  }

  /** A head of major type `major`: its argument. */
  head(major: number, what: string): number {
    const raw = this.raw;
    if (this.pos >= raw.length) this.fail(`ends early: ${what} expected`);
    const first = raw[this.pos]!;
    if (first >> 5 !== major) this.fail(`${what} expected`);
    const info = first & 0x1f;
    this.pos += 1;
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size || this.pos + size > raw.length) this.fail(`unsupported length of ${what}`);
    const value = raw.readUIntBE(this.pos, size);
    this.pos += size;
    if (value < (size === 1 ? 24 : size === 2 ? 0x100 : 0x10000)) this.fail(`${what} not in its shortest form`);
    return value;
  }

  /** A text item: where its bytes start and end; pos past it. */
  text(what: string): { start: number; end: number } {
    const length = this.head(3, what); // read first: `pos += head()` would add to pos as it was before the head
    const start = this.pos;
    this.pos += length;
    if (this.pos > this.raw.length) this.fail(`${what} runs past the end`);
    return { start, end: this.pos };
  }

  /** Skips one item. */
  skip(): void {
    if (this.pos >= this.raw.length) this.fail('ends early');
    const major = this.raw[this.pos]! >> 5;
    if (major === 0 || major === 1) this.head(major, 'an integer');
    else if (major === 3) this.text('a text');
    else if (major === 4) {
      for (let n = this.head(4, 'an array'); n > 0; n--) this.skip();
    } else this.fail(`unexpected CBOR major type ${major}`);
  }

  end(): void {
    if (this.pos !== this.raw.length) this.fail(`${this.raw.length - this.pos} bytes after the word index`);
  }
}

// ---------------------------------------------------------------------------------------------
// A word index chunk renumbered without decoding it whole

/**
 * A word index chunk's CBOR (`[[word, pages, forms]…]`, each page `[page, …]` with page
 * numbers as differences, pagefind 1.5.2's layout) with its pages renumbered (`number[old]`),
 * each list of pages in the new numbers' order and each word's forms in the UTF-8 order of
 * their text, as canonicalisePagefind wants it. Only the heads, the page numbers and the texts'
 * lengths are read: what each page carries after its number (its word positions) is copied as
 * bytes, which is most of a chunk. Gives the bytes encodeCbor would give for the same chunk
 * decoded, renumbered and sorted (tests/build-determinism.test.ts compares the two); throws
 * PagefindFormatError for anything else, and for a head not in the shortest form (encodeCbor's,
 * so the copied bytes are what encodeCbor would write).
 */
export function renumberChunk(raw: Buffer, number: readonly number[], path: string): Buffer {
  return renumberChunkWords(raw, number, path).bytes;
}

/** A word of a chunk's CBOR: its text, and where its item starts and ends in the CBOR. */
export interface ChunkWord {
  text: string;
  start: number;
  end: number;
}

/** renumberChunk, and where each word's item is in what it gives. */
export function renumberChunkWords(raw: Buffer, number: readonly number[], path: string): { bytes: Buffer; words: ChunkWord[] } {
  const r = new CborReader(raw, path);
  const w = new CborWriter(raw.length + 1024);
  /** Reads a list of pages, and writes it renumbered and sorted. */
  const pages = () => {
    const n = r.head(4, 'a list of pages');
    const postings: Array<{ page: number; items: number; start: number; end: number }> = new Array(n);
    let page = 0;
    for (let i = 0; i < n; i++) {
      const items = r.head(4, 'a page of a word');
      if (items < 2) r.fail('a page of a word is not [page, locations, …]');
      page += r.head(0, 'a page number');
      const renumbered = number[page];
      if (renumbered === undefined) r.fail(`a word is on page ${page}, which the meta index does not list`);
      const start = r.pos;
      for (let k = 1; k < items; k++) r.skip();
      postings[i] = { page: renumbered!, items, start, end: r.pos };
    }
    postings.sort((a, b) => a.page - b.page);
    w.head(4, n);
    let previous = 0;
    for (const posting of postings) {
      w.head(4, posting.items);
      w.head(0, posting.page - previous);
      previous = posting.page;
      w.bytes(raw.subarray(posting.start, posting.end));
    }
  };
  if (r.head(4, 'the word index [words]') !== 1) r.fail('is not a word index [words]');
  const words = r.head(4, 'the list of words');
  w.head(4, 1);
  w.head(4, words);
  const placed: ChunkWord[] = new Array(words);
  for (let i = 0; i < words; i++) {
    if (r.head(4, 'a word') !== 3) r.fail('a word is not [word, pages, forms]');
    const start = w.at;
    const word = r.text('a word');
    w.head(4, 3);
    w.head(3, word.end - word.start);
    w.bytes(raw.subarray(word.start, word.end));
    pages();
    const forms = r.head(4, 'the forms of a word');
    // each form written renumbered, then taken back, to be written again in order
    const written: Array<{ key: Buffer; bytes: Buffer }> = [];
    for (let f = 0; f < forms; f++) {
      if (r.head(4, 'a form of a word') !== 2) r.fail('a form of a word is not [form, pages]');
      const form = r.text('a form of a word');
      const mark = w.at;
      w.head(4, 2);
      w.head(3, form.end - form.start);
      w.bytes(raw.subarray(form.start, form.end));
      pages();
      written.push({ key: raw.subarray(form.start, form.end), bytes: w.takeBack(mark) });
    }
    written.sort((a, b) => Buffer.compare(a.key, b.key));
    w.head(4, forms);
    for (const form of written) w.bytes(form.bytes);
    placed[i] = { text: raw.toString('utf8', word.start, word.end), start, end: w.at };
  }
  r.end();
  return { bytes: Buffer.from(w.written()), words: placed };
}

/** A name group's token as Pagefind indexes it (src/analysis/lexicon.ts; isToken in src/search/query.ts). */
const TOKEN_WORD = /^qx[ep][a-z]*xz$/;

/**
 * The CBOR of a word index chunk renumbered (renumberChunkWords), cut into chunks of about
 * `size` bytes where its words are name tokens: `[from, to, CBOR]` each, `from` of the first
 * and `to` of the last those of the chunk, the others its first and last words. Pagefind makes
 * a chunk of about 20,000 postings, and a first query of a name loads the chunk holding its
 * token from every shard it searches: the tokens, on most pages each, fill several whole
 * chunks, about 25 kB each at 10,000 articles.
 *
 * Cut only between two tokens, so that a search finds what it found before: a token is found
 * by itself alone (it has no other form, and none is the start of another), so the chunk that
 * holds it is all a search for it needs, and the bounds of each piece hold it; a word that is
 * not a token, and the words that start with it or that it starts with, sort before or after
 * the tokens around it, in the piece where they all were.
 */
export function cutTokenChunk(bytes: Buffer, words: readonly ChunkWord[], from: string, to: string, size: number): Array<{ from: string; to: string; raw: Buffer }> {
  const pieces: Array<{ first: number; last: number }> = [];
  let first = 0;
  for (let i = 1; i < words.length; i++) {
    const runSize = words[i]!.start - words[first]!.start;
    if (runSize >= size && TOKEN_WORD.test(words[i - 1]!.text) && TOKEN_WORD.test(words[i]!.text)) {
      pieces.push({ first, last: i - 1 });
      first = i;
    }
  }
  pieces.push({ first, last: words.length - 1 });
  if (pieces.length === 1) return [{ from, to, raw: bytes }];
  return pieces.map((piece, i) => {
    const w = new CborWriter(words[piece.last]!.end - words[piece.first]!.start + 16);
    w.head(4, 1);
    w.head(4, piece.last - piece.first + 1);
    w.bytes(bytes.subarray(words[piece.first]!.start, words[piece.last]!.end));
    return { from: i === 0 ? from : words[piece.first]!.text, to: i === pieces.length - 1 ? to : words[piece.last]!.text, raw: Buffer.from(w.written()) };
  });
}

/**
 * The words of a word index chunk's CBOR (pagefind 1.5.2's layout, as renumberChunk reads it),
 * in its order, read without decoding their pages: what src/search/token-directory.ts needs.
 */
export function chunkWords(raw: Buffer, path: string): string[] {
  const r = new CborReader(raw, path);
  if (r.head(4, 'the word index [words]') !== 1) r.fail('is not a word index [words]');
  const words: string[] = [];
  for (let n = r.head(4, 'the list of words'); n > 0; n--) {
    if (r.head(4, 'a word') !== 3) r.fail('a word is not [word, pages, forms]');
    const word = r.text('a word');
    words.push(raw.toString('utf8', word.start, word.end));
    r.skip();
    r.skip();
  }
  r.end();
  return words;
}

// ---------------------------------------------------------------------------------------------
// Pagefind's files

/** Pagefind's `full_hash`: SHA-1 with each byte as unpadded hex (`{:x?}`), so 0x0a gives "a". */
export function pagefindFullHash(bytes: Uint8Array): string {
  return [...createHash('sha1').update(bytes).digest()].map((b) => b.toString(16)).join('');
}

/** A Pagefind index file of a bundle, decoded (and checked to re-encode to the same bytes). */
export function readPagefindFile(files: PagefindFiles, path: string): { cbor: Cbor; raw: Buffer } {
  const raw = readPagefindRaw(files, path);
  let cbor: Cbor;
  try {
    cbor = decodeCbor(raw);
  } catch (error) {
    throw new PagefindFormatError(path, (error as Error).message);
  }
  if (!encodeCbor(cbor).equals(raw)) throw new PagefindFormatError(path, 'does not re-encode to the same bytes');
  return { cbor, raw };
}

/** The CBOR of a Pagefind index file of a bundle, not decoded. */
export function readPagefindRaw(files: PagefindFiles, path: string): Buffer {
  const bytes = files.get(path);
  if (!bytes) throw new PagefindFormatError(path, 'is missing from the index');
  let data: Buffer;
  try {
    data = gunzipSync(bytes);
  } catch (error) {
    throw new PagefindFormatError(path, `not a gzip file (${(error as Error).message})`);
  }
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new PagefindFormatError(path, 'does not start with "pagefind_dcd"');
  return data.subarray(SIGNATURE.length);
}

/**
 * The bytes of a Pagefind index file holding the CBOR `raw`: gzip level 9 as Pagefind uses, or
 * `level` (the word index chunks take 6: a third of the time, 0.7% more bytes).
 */
export function encodePagefindFile(raw: Buffer, level = 9): Buffer {
  // mtime 0 in the gzip header (Node's default).
  return gzipSync(Buffer.concat([SIGNATURE, raw]), { level });
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
 * The number each page of a meta index gets (by its number now). Pagefind numbers pages in the order its walk of the folder met them, which the filesystem
 * decides (ext4 by a hash of the names with a seed of its own, tmpfs by creation); here they are
 * numbered in the order of the `date` sort (the date followed by the page's path, index-site.ts:
 * one page at each value), then any page without it by its hash, so the numbers are the same
 * on every filesystem.
 */
function pageNumbering(meta: Cbor[], metaPath: string): number[] {
  const pages = meta[1];
  if (!isArray(pages) || !isArray(meta[2])) throw new PagefindFormatError(metaPath, 'has no pages or index chunks');
  const hashes = pages.map((page) => {
    if (!isArray(page) || typeof page[0] !== 'string') throw new PagefindFormatError(metaPath, 'a page entry is not [hash, word count]');
    return page[0];
  });
  const dated = (meta[4] as Cbor[]).find((sort) => isArray(sort) && sort[0] === 'date');
  const order: number[] = [];
  const placed = new Set<number>();
  for (const n of isArray(dated) && isArray(dated[1]) ? dated[1] : []) {
    if (typeof n !== 'number' || n < 0 || n >= pages.length || placed.has(n)) throw new PagefindFormatError(metaPath, 'the date sort is not a list of its pages');
    order.push(n);
    placed.add(n);
  }
  const rest = hashes.map((_, n) => n).filter((n) => !placed.has(n));
  rest.sort((a, b) => compareUtf8(hashes[a]!, hashes[b]!));
  order.push(...rest);
  const number = new Array<number>(pages.length);
  order.forEach((old, i) => {
    number[old] = i;
  });
  return number;
}

export interface CanonicalOptions {
  /**
   * 'kept': the word index is canonical already (the bundle is this pass's output with only its
   * filters, meta index or fragments changed since: src/search/pagefind-mask.ts), so while the
   * pages keep their numbers its chunks are kept as they are, which is what rewriting them
   * gives (the pass is idempotent), without decompressing and compressing them again. Default
   * 'rewrite'.
   */
  wordIndex?: 'rewrite' | 'kept';
}

/** Whether a numbering leaves every page where it is. */
const isIdentity = (number: readonly number[]) => number.every((n, i) => n === i);

/**
 * Rewrites the filter files and meta index of a bundle (as Pagefind's getFiles gives it) in a
 * fixed order and renames them by their content. Everything is read and checked first, so a
 * format it does not recognise changes nothing. Returns the new bundle.
 */
export function canonicalisePagefind(files: PagefindFiles, options: CanonicalOptions = {}): PagefindFiles {
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
    const prefix = `${language}_`;
    // The pages numbered the same on every filesystem, and every word index chunk rewritten with
    // those numbers and the forms of each word in a fixed order.
    const number = pageNumbering(meta, metaPath);
    {
      const pages = meta[1] as Cbor[];
      const reordered: Cbor[] = new Array(pages.length);
      pages.forEach((page, old) => {
        reordered[number[old]!] = page;
      });
      meta[1] = reordered;
      meta[4] = meta[4].map((sort) => (isArray(sort) && isArray(sort[1]) ? [sort[0]!, sort[1].map((old) => number[old as number]!)] : sort));
      const takenChunks = new Set<string>();
      const keep = options.wordIndex === 'kept' && isIdentity(number);
      if (!keep)
        meta[2] = (meta[2] as Cbor[]).flatMap((chunk) => {
          if (!isArray(chunk) || chunk.length !== 3 || typeof chunk[0] !== 'string' || typeof chunk[1] !== 'string' || typeof chunk[2] !== 'string')
            throw new PagefindFormatError(metaPath, 'an index chunk entry is not [from, to, hash]');
          const path = `index/${chunk[2]}.pf_index`;
          const { bytes, words } = renumberChunkWords(readPagefindRaw(files, path), number, path);
          oldPaths.push(path);
          return cutTokenChunk(bytes, words, chunk[0] as string, chunk[1] as string, TOKEN_CHUNK_BYTES).map(({ from, to, raw }) => {
            const name = shortName(prefix, pagefindFullHash(raw), 7, takenChunks);
            newFiles.push({ path: `index/${name}.pf_index`, raw });
            return [from, to, name];
          });
        });
    }
    const filters = meta[3].map((f) => {
      if (!isArray(f) || f.length !== 2 || typeof f[0] !== 'string' || typeof f[1] !== 'string') {
        throw new PagefindFormatError(metaPath, 'a filter entry is not [name, hash]');
      }
      return { name: f[0], hash: f[1] };
    });
    filters.sort((a, b) => compareUtf8(a.name, b.name));
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
        const pages = v[1].map((old) => number[old as number]!).sort((a, b) => a - b);
        return [v[0], pages] as [string, Cbor[]];
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
  for (const { path, raw } of newFiles) out.set(path, encodePagefindFile(raw, path.startsWith('index/') ? CHUNK_LEVEL : 9));
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
  writeBundleFiles(bundleDir, files);
}

/**
 * Writes a bundle's files into `bundleDir`, which is not emptied first, but those `carried` put
 * in place itself (given the file's path in the bundle and its bytes, it says whether it did:
 * a link to the previous site's file of those bytes, src/site/bundle-carry.ts). No file is
 * written over: a path already taken in the folder is an error, so a write can never reach a
 * carried file's other name.
 */
export function writeBundleFiles(bundleDir: string, files: PagefindFiles, carried?: (path: string, bytes: Buffer) => boolean): void {
  const folders = new Set<string>();
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (carried?.(path, bytes)) continue;
    const target = join(bundleDir, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, bytes, { flag: 'wx' });
  }
}
