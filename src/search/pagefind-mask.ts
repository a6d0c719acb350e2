/**
 * Masks pages in a Pagefind bundle without indexing it again: the pages get the filter
 * MASK_FILTER (value MASKED), which every search the page makes excludes
 * (src/search/shard-filter.ts), so they are neither found nor counted, and their fragments (their
 * text, title and address) are left out of the bundle. Only the bundle's meta index, its entry
 * and one new filter file change, and the masked pages' fragments go; its word index and the
 * other fragments stay as they are. The result is put in canonical form (pagefind-canonical.ts), so it is reproducible;
 * the word index, which masking leaves as it was, is kept as it is rather than rewritten (the
 * bundle masked is always canonical already: a shard as index-site.ts keeps it).
 *
 * A bundle can be masked again: the pages its mask filter holds stay masked, and the pages given
 * are added to them, so masking A and then B gives the bytes masking A and B at once gives
 * (index-site.ts carries a shard's masking from one build to the next that way, masking only
 * the pages newly masked).
 *
 * Pagefind numbers a bundle's pages in its meta index (`[hash, word count]` each); a page's
 * fragment (named by that hash) holds its address, which is how a page is found by its path.
 */
import { constants, gunzipSync } from 'node:zlib';
import { canonicalisePagefind, encodeCbor, encodePagefindFile, PagefindFormatError, readPagefindFile, type Cbor, type PagefindFiles } from './pagefind-canonical.ts';
import { MASK_FILTER, MASKED } from './shard-filter.ts';

const SIGNATURE_LENGTH = 'pagefind_dcd'.length;
/** How much of a fragment's gzip is decompressed to read its address (fragmentUrl): its text is 20 kB, its address 100 bytes. */
const HEAD_BYTES = 512;
/** The start of a fragment's text with its address (Pagefind writes `url` first), a JSON string. */
const URL_FIRST = /^\{"url":("(?:[^"\\]|\\.)*")[,}]/;

/**
 * The `url` of a page's fragment (gzip of `pagefind_dcd` and its JSON): read from the start of
 * its text alone when that holds it whole, else from the whole text. Decompressing only the
 * start makes finding a shard's pages by their address a fraction of decompressing them all.
 */
export function fragmentUrl(bytes: Buffer): unknown {
  if (bytes.length > HEAD_BYTES) {
    let head: string | undefined;
    try {
      head = gunzipSync(bytes.subarray(0, HEAD_BYTES), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(SIGNATURE_LENGTH).toString('utf8');
    } catch {
      // read whole below
    }
    const found = head === undefined ? null : URL_FIRST.exec(head);
    if (found) return JSON.parse(found[1]!) as unknown;
  }
  return (JSON.parse(gunzipSync(bytes).subarray(SIGNATURE_LENGTH).toString('utf8')) as { url?: unknown }).url;
}

/** The address Pagefind gives a page at a site path (`articles/x/index.html` → `/articles/x/`). */
export function pageUrl(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

interface Entry {
  languages: Record<string, { hash: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** The page numbers a bundle's mask filter (`filter/NAME.pf_filter`) holds. */
function maskedNumbers(files: PagefindFiles, name: string): Set<number> {
  const path = `filter/${name}.pf_filter`;
  const cbor = readPagefindFile(files, path).cbor;
  const values = Array.isArray(cbor) && cbor[0] === MASK_FILTER && Array.isArray(cbor[1]) ? cbor[1] : undefined;
  const only = values?.length === 1 && Array.isArray(values[0]) && values[0][0] === MASKED && Array.isArray(values[0][1]) ? values[0][1] : undefined;
  if (!only?.every((n) => typeof n === 'number')) throw new PagefindFormatError(path, `is not a "${MASK_FILTER}" filter of the one value "${MASKED}"`);
  return new Set(only as number[]);
}

/**
 * The bundle (canonical: canonicalisePagefind's) with the pages at `paths` (site paths) masked,
 * beside those it has masked already. Throws PagefindFormatError when one of them is not in it,
 * or is masked already.
 */
export function maskPages(files: PagefindFiles, paths: readonly string[]): PagefindFiles {
  if (paths.length === 0) return files;
  const wanted = new Set(paths.map(pageUrl));
  const entryPath = 'pagefind-entry.json';
  const entry = JSON.parse(files.get(entryPath)?.toString('utf8') ?? 'null') as Entry | null;
  if (!entry?.languages) throw new PagefindFormatError(entryPath, 'is missing or has no "languages"');
  const out: PagefindFiles = new Map(files);
  const languages: Entry['languages'] = {};
  const found = new Set<string>();
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = `pagefind.${info.hash}.pf_meta`;
    const meta = readPagefindFile(files, metaPath).cbor;
    if (!Array.isArray(meta) || !Array.isArray(meta[1]) || !Array.isArray(meta[3])) throw new PagefindFormatError(metaPath, 'is not the meta index layout of Pagefind 1.5');
    const filters = meta[3];
    const maskAt = filters.findIndex((filter) => Array.isArray(filter) && filter[0] === MASK_FILTER);
    const maskEntry = filters[maskAt];
    if (maskAt >= 0 && (!Array.isArray(maskEntry) || typeof maskEntry[1] !== 'string')) throw new PagefindFormatError(metaPath, `its "${MASK_FILTER}" filter is not [name, hash]`);
    const already = maskAt >= 0 ? maskedNumbers(files, (maskEntry as Cbor[])[1] as string) : new Set<number>();
    const numbers: number[] = [];
    // in page order, until every page wanted is found (a page is at one address)
    for (let number = 0; number < meta[1].length && found.size < wanted.size; number++) {
      if (already.has(number)) continue; // masked, its fragment gone
      const page = meta[1][number];
      const hash = Array.isArray(page) ? page[0] : undefined;
      const bytes = typeof hash === 'string' ? files.get(`fragment/${hash}.pf_fragment`) : undefined;
      if (!bytes) throw new PagefindFormatError(metaPath, `page ${number} has no fragment`);
      const url = fragmentUrl(bytes);
      if (typeof url === 'string' && wanted.has(url)) {
        numbers.push(number);
        found.add(url);
        // A masked page is never shown, so its text is not published: a removed article's words
        // stay only as postings in the word index (to a page no search returns) until the shard
        // is indexed afresh.
        out.delete(`fragment/${hash}.pf_fragment`);
      }
    }
    if (numbers.length === 0) {
      languages[language] = info;
      continue;
    }
    // Named provisionally; canonicalisePagefind names both files by their content.
    const filterName = `${language}_mask`;
    if (maskAt >= 0) out.delete(`filter/${(maskEntry as Cbor[])[1] as string}.pf_filter`);
    const all = [...already, ...numbers].sort((a, b) => a - b);
    out.set(`filter/${filterName}.pf_filter`, encodePagefindFile(encodeCbor([MASK_FILTER, [[MASKED, all]]])));
    const masked: Cbor[] = [...meta];
    masked[3] = [...filters.filter((_, i) => i !== maskAt), [MASK_FILTER, filterName]];
    const metaName = `${language}_masked`;
    out.delete(metaPath);
    out.set(`pagefind.${metaName}.pf_meta`, encodePagefindFile(encodeCbor(masked)));
    languages[language] = { ...info, hash: metaName };
  }
  const missing = [...wanted].filter((url) => !found.has(url));
  if (missing.length) throw new PagefindFormatError(entryPath, `the pages to mask are not in the bundle, or are masked already: ${missing.join(', ')}`);
  out.set(entryPath, Buffer.from(JSON.stringify({ ...entry, languages }), 'utf8'));
  return canonicalisePagefind(out, { wordIndex: 'kept' });
}
