/**
 * Pages rendered only when what they show changed. Each page made one per item (page-lists.ts)
 * has a render key (page-keys.ts). A build with a cache renders with Eleventy only the pages
 * whose key is new, and carries every other one over from the previous site, byte for byte; a
 * page whose item is gone is not carried (only this build's items are looked at). The other
 * pages (home, indexes, feeds, sitemap, exports) read the whole archive and are always rendered.
 *
 * What proves a carried page right: the build cache keeps a table (`pages/` in the store,
 * src/cache/) of the pages the last build wrote, by render key: the sha256 and size of the bytes
 * written for that key, what post-processing took of the page (its characters for the font,
 * and where its indexed part is, for the search index), and the file it wrote them to (its
 * device, inode and modification time, in nanoseconds: its stamp). A page is carried only if the
 * previous site holds, at its path, bytes of exactly that sha256: the bytes a render under the
 * same key wrote, and since rendering is a function of the key, the bytes a render now would
 * write. The file with the record's stamp and size is taken as holding them without being read
 * (as git's index does): a file written since has another modification time, a file put in its
 * place another inode; any other file at the path is read and hashed, and rendered again unless
 * its bytes are the record's. A previous site that is missing, damaged, edited by hand or written
 * in place by `npm start` fails that test file by file, and those pages are rendered. What the
 * stamp cannot tell is a file rewritten with the same size whose modification time is then set
 * back to the nanosecond (`touch -d`, `cp -p` of a file of that size and time over it): only a
 * tool that restores times does that, and `npm run build -- --verify` tells it.
 *
 * A stamp is kept only when the file's modification time is at least STAMP_SETTLED_MS (src/core/file-stamp.ts) older than
 * the moment it was taken: a write after it then shows in the time, even on a filesystem whose
 * clock is coarse (a write within the same tick as the recorded one would not). A file written
 * just before the table is kept is read and hashed by the next build, once.
 *
 * A carried page is a hard link in the build's own staging folder to the previous site's file
 * (a copy where the filesystem refuses links; file-carry.ts does it, for the raw sources too):
 * no byte is copied, and the swap then removes the previous site's name for it. Nothing of the
 * build writes to a carried file: Eleventy renders none of these paths (its `arshif-carried`
 * transform refuses to, before writing: see eleventy-plugin.ts, and summaryOptions checks it
 * again), a page that public/ would copy over is never carried, and what runs after Eleventy writes only its own folders. A write to the
 * previous site during the build changes the carried file too; the manifest then disagrees with
 * it (`--verify` tells), and since the stamp recorded is the one taken before the file was
 * trusted, the next build reads it again and renders it. The manifest takes the carried files'
 * sha256 from the table without reading them (`knownFiles`).
 *
 * A carried page counts in post-processing exactly as if rendered: its characters from the
 * table, and its indexed part read back from its file, from the byte offsets the table keeps, only
 * when the search index re-indexes its shard (IndexedPage.html is then read, never before).
 *
 * The table is read before the archive is loaded (readPageTable): loading sweeps the store of
 * the entries it did not use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { DiskStore, entryMemory } from '../cache/disk-store.ts';
import { PUBLIC_DIR } from '../core/paths.ts';
import { memoKey, readMemo, writeMemo } from '../cache/memo.ts';
import type { Archive } from '../model/views.ts';
import { indexedHtml, type IndexedPage } from '../search/indexed-page.ts';
import type { ManifestEntry } from './manifest.ts';
import { PageKeys } from './page-keys.ts';
import { outputPathOf, PAGE_LISTS, type RenderData } from './page-lists.ts';
import type { PageSummary, summarisePage } from './post-process.ts';
import { FileCarrier, stampSchema } from './file-carry.ts';
import { phasePart } from '../core/phase-log.ts';

const HEX = /^[0-9a-f]{64}$/;
const count = z.number().int().min(0);

/** What the table keeps of a page written under a key. */
const pageRecordSchema = z.strictObject({
  sha256: z.string().regex(HEX),
  bytes: count,
  /** Its characters (fonts.ts: PageCharacters). */
  units: z.string(),
  astral: z.array(count),
  /** An article page's indexed part: its date and hash (indexed-page.ts), and byte offsets in the file: the element, the open tag with the date sort value. */
  indexed: z.strictObject({ date: z.string(), hash: z.string().regex(HEX), start: count, sortStart: count, sortEnd: count, end: count }).nullable(),
  /** The file written with these bytes, when its stamp is settled (see the top); null: read it to know. */
  file: stampSchema.nullable(),
});
export type PageRecord = z.infer<typeof pageRecordSchema>;

const tableSchema = z.record(z.string().regex(HEX), pageRecordSchema);
type PageTable = Record<string, PageRecord>;

const TABLE_KIND = 'pages';
/** Bump when the table's shape changes. */
const TABLE_FORMAT = 2;
const tableKey = (store: DiskStore) => memoKey(store.version, ['rendered pages', TABLE_FORMAT]);

/** The store and the previous build's table (empty when there is none, or it is unreadable). */
export interface PageTableRead {
  readonly store: DiskStore;
  readonly table: Readonly<PageTable>;
}

/** Opens the store in `cacheDir` (kept in this process's memory when `keep`: disk-store.ts) and reads the table the last build left; undefined when the store cannot be opened. */
export function readPageTable(cacheDir: string, version: string, keep = false): PageTableRead | undefined {
  let store: DiskStore;
  try {
    store = new DiskStore(cacheDir, version, keep ? entryMemory(cacheDir, version) : undefined);
  } catch {
    return undefined;
  }
  return { store, table: readMemo(store, TABLE_KIND, tableKey(store), tableSchema) ?? {} };
}

/** A written file's size and sha256, as the manifest lists it. */
export type KnownFile = Pick<ManifestEntry, 'bytes' | 'sha256'>;

/** A page written by Eleventy in this build, before the manifest gives its file's size and hash. */
interface RenderedPage {
  readonly units: string;
  readonly astral: readonly number[];
  readonly indexed: PageRecord['indexed'];
  /** Its text's size in UTF-8, to check against the file. */
  readonly bytes: number;
}

export interface CarryReport {
  /** Pages made one per item. */
  keyed: number;
  /** Of those, carried over. */
  carried: number;
}

/** One build's pages: which to render, which were carried over, and the table to keep afterwards. */
export class PagePlan {
  /** Keyed pages of this build: path → key. */
  private readonly keys = new Map<string, string>();
  private readonly carried = new Map<string, PageRecord>();
  private readonly rendered = new Map<string, RenderedPage>();
  /** Links (else copies) the previous site's files into the staging folder. */
  private readonly carrier: FileCarrier;
  /** What the templates paginate over, until taken (takeRender). */
  private render: RenderData | undefined;

  /**
   * Plans the pages of `archive`, carrying into `stagingDir` each page of `previousSite` that the
   * table proves current (see the comment at the top).
   */
  constructor(
    archive: Archive,
    options: {
      previousSite: string;
      stagingDir: string;
      table: Readonly<PageTable>;
      renderVersion: string;
      publicDir?: string;
      /** Keep the long texts' digests for the next build of this process (npm start: page-keys.ts). */
      keepTexts?: boolean;
    },
    private readonly stagingDir = options.stagingDir,
  ) {
    this.carrier = new FileCarrier(options.previousSite, options.stagingDir);
    const keying = performance.now();
    const keys = new PageKeys(archive, options.renderVersion, { keepTexts: options.keepTexts ?? false });
    const paths = new Map<string, number>();
    const planned = PAGE_LISTS.map((list) => {
      const items = list.items(archive).map((item) => {
        const url = list.url(item);
        const path = outputPathOf(url);
        paths.set(path, (paths.get(path) ?? 0) + 1);
        return { item, url, path, key: keys.key(list.template, path, item) };
      });
      return { list, items };
    });
    phasePart('carry over: render keys', performance.now() - keying);
    const lists: Record<string, unknown[]> = {};
    const carriedUrls: string[] = [];
    // Eleventy copies public/ over whatever is at its paths: a page there is never carried (a copy would write through the link).
    const copiedOver = new Set(filesUnder(options.publicDir ?? PUBLIC_DIR));
    for (const { list, items } of planned) {
      const render: unknown[] = [];
      for (const { item, url, path, key } of items) {
        // Two items for one path are the content's mistake: rendered, for Eleventy to name.
        const kept = paths.get(path) === 1 && !copiedOver.has(path) ? options.table[key] : undefined;
        const record = kept && this.carry(path, kept);
        if (record) {
          this.carried.set(path, record);
          if (list.listed) carriedUrls.push(url);
        } else render.push(item);
        this.keys.set(path, key);
      }
      lists[list.name] = render;
    }
    this.render = { lists, carriedUrls };
  }

  /**
   * Links (else copies) the previous site's file at `path` into the staging folder if it holds
   * the record's bytes (its stamp, else its hash, says so: file-carry.ts); returns the record
   * with the stamp to keep, or undefined when the page is to be rendered.
   */
  private carry(path: string, record: PageRecord): PageRecord | undefined {
    const file = this.carrier.carry(path, record);
    return file === undefined ? undefined : { ...record, file };
  }

  /** What the templates paginate over, for Eleventy; the plan keeps no hold on the archive's views after. */
  takeRender(): RenderData {
    const render = this.render;
    if (!render) throw new Error('the render data of a page plan is taken once');
    this.render = undefined;
    return render;
  }

  get report(): CarryReport {
    return { keyed: this.keys.size, carried: this.carried.size };
  }

  /** For summariseWritten: the carried pages' summaries, and a hook that notes each rendered page's. */
  summaryOptions(): { carried: Iterable<PageSummary>; onPage: (path: string, html: string, summary: ReturnType<typeof summarisePage>) => void } {
    return {
      carried: [...this.carried].map(([path, record]) => this.carriedSummary(path, record)),
      onPage: (path, html, summary) => {
        if (this.carried.has(path)) throw new Error(`Eleventy wrote ${path}, which this build carried over from the previous site (src/site/carry-over.ts)`);
        if (!this.keys.has(path)) return;
        const place = summary?.place;
        const offset = (index: number) => Buffer.byteLength(html.slice(0, index));
        const indexed =
          summary?.indexed && place?.sort
            ? {
                date: summary.indexed.date,
                hash: summary.indexed.hash,
                start: offset(place.start),
                sortStart: offset(place.sort.start),
                sortEnd: offset(place.sort.end),
                end: offset(place.end),
              }
            : null;
        this.rendered.set(path, { units: summary?.characters.units ?? '', astral: summary?.characters.astral ?? [], indexed, bytes: Buffer.byteLength(html) });
      },
    };
  }

  /** A carried page's summary, as its render gave it; its indexed HTML read from its file when asked for. */
  private carriedSummary(path: string, record: PageRecord): PageSummary {
    const characters = { units: record.units, astral: record.astral };
    const at = record.indexed;
    if (!at) return { characters, indexed: undefined };
    const file = join(this.stagingDir, path);
    const indexed = { path, date: at.date, hash: at.hash } as IndexedPage;
    Object.defineProperty(indexed, 'html', {
      enumerable: true,
      get: () => {
        const bytes = readFileSync(file);
        return indexedHtml(path, bytes.toString('utf8', at.start, at.sortStart), bytes.toString('utf8', at.sortStart, at.sortEnd), bytes.toString('utf8', at.sortEnd, at.end));
      },
    });
    return { characters, indexed };
  }

  /** The carried files' sizes and hashes, for the manifest (see the comment at the top). */
  knownFiles(): ReadonlyMap<string, KnownFile> {
    return new Map([...this.carried].map(([path, r]) => [path, { bytes: r.bytes, sha256: r.sha256 }]));
  }

  /** The absolute paths of the carried files, which Eleventy must not write (eleventy-plugin.ts). */
  carriedFiles(): ReadonlySet<string> {
    return new Set([...this.carried.keys()].map((path) => join(this.stagingDir, path)));
  }

  /**
   * Checks that Eleventy wrote every page planned for rendering, and keeps this build's table in
   * `store`, the rendered pages' sizes and hashes from the manifest (`files`: read from disk).
   */
  finish(store: DiskStore, files: readonly ManifestEntry[]): void {
    const written = new Map(files.map((f) => [f.path, f]));
    const table: PageTable = {};
    for (const [path, key] of this.keys) {
      const carried = this.carried.get(path);
      if (carried) {
        table[key] = carried;
        continue;
      }
      const page = this.rendered.get(path);
      const file = written.get(path);
      if (!page || !file) throw new Error(`${path} was to be rendered, but Eleventy did not write it: its template's permalink and src/site/page-lists.ts disagree`);
      // A file other than the text Eleventy returned (a transform after it) is not kept: rendered again next time.
      if (file.bytes !== page.bytes) continue;
      table[key] = {
        sha256: file.sha256,
        bytes: file.bytes,
        units: page.units,
        astral: [...page.astral],
        indexed: page.indexed,
        file: this.carrier.writtenStamp(path, file.bytes),
      };
    }
    writeMemo(store, TABLE_KIND, tableKey(store), table);
  }
}

/** The site-relative paths (with `/`) of the files under `dir`. */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => !e.isDirectory()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
