/**
 * Builds the search index of a written site: article pages only (they carry
 * `data-pagefind-body`), in shards (index-shards.ts), each indexed by the Pagefind CLI
 * (pagefind-cli.ts), and writes the lexicon the search page reads queries with.
 *
 * What Pagefind is given for a page is what indexed-page.ts took of it while Eleventy's output
 * was in memory (its `data-pagefind-body` element alone, in a minimal document), with search
 * keys added to its words (src/search/index-keys.ts, index-html.ts), written to a scratch folder
 * laid out as the site is (so the URLs are the site's), which is how the CLI takes pages. The
 * site's pages are neither read nor changed.
 *
 * Layout: the first (oldest) shard is the bundle at /pagefind/, with Pagefind's script and
 * WebAssembly; every other shard is a bundle without them at /pagefind/ID/; /pagefind/shards.json
 * lists them all in date order (SHARDS_PATH, read by src/search/browser/pagefind.ts). A site
 * with one shard has exactly the layout of a single Pagefind bundle.
 *
 * Speed and memory: two shards are indexed at a time (one Pagefind process per core) while their
 * pages together stay within PAGES_AT_ONCE (a large shard is indexed alone, so that two
 * Pagefind processes of a gigabyte each never run at once), and the pages of the next shards are
 * annotated while Pagefind runs. Each shard is kept in the build
 * cache (`search-shards/` in the derived-data store's folder) under the hash of everything that
 * went into it (each page's indexed part, the lexicon, the code version and Pagefind's
 * version: shardKey), so a rebuild indexes no shard whose pages did not change. A shard whose
 * pages changed is not indexed again either, while the pages changed across the archive are
 * few: its last kept bundle (its base, found by baseKey) is taken with the pages removed or
 * changed since masked in it (pagefind-mask.ts), and the pages added or changed go into the
 * delta, one small shard at /pagefind/delta/ (index-delta.ts decides, and bounds it). A build
 * with an empty cache has no delta. What masking changed in a base is kept beside it
 * (`DIR/KEY.mask.json`, carried-masks.ts), so that the next build masks only the pages newly
 * masked, or none when they are the same. A shard is a
 * folder of Pagefind's files rather than a JSON entry of the store, so it is kept beside it, but
 * under a key made the same way (src/cache/memo.ts).
 *
 * The output is reproducible: Pagefind numbers pages by their date sort value, then in the order
 * it walks the folder, which the disk decides; so the scratch copy's sort value is the date
 * followed by the page's path, which orders pages of one day the same way everywhere (the
 * site's pages keep the date alone). The filter files and meta index, which Pagefind writes in a
 * per-process hash-map order, are rewritten in a fixed order (src/search/pagefind-canonical.ts).
 * Pagefind's bundle is read back only after its process has exited: the Node API's writeFiles
 * answers before its last writes reach the disk, and a build read a half-written
 * pagefind-entry.json. Only the files the search page uses are kept: not Pagefind's own UI.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ArshifError } from '../core/problem.ts';
import { environment } from '../core/config.ts';
import { childrenCpuMs, phasePart, progress } from '../core/phase-log.ts';
import { codeVersion } from '../cache/code-version.ts';
import { memoKey } from '../cache/memo.ts';
import { annotateHtml } from './index-html.ts';
import { createKeyAnnotator, type KeyAnnotator } from './index-keys.ts';
import type { IndexedPage } from './indexed-page.ts';
import { fitsBeside, PAGES_AT_ONCE, planShards, SHARD_PAGES, type Shard } from './index-shards.ts';
import { LEXICON_PATH, type SearchLexicon } from '../analysis/lexicon.ts';
import { canonicalisePagefind, readBundle, writeBundle, writeBundleFiles, type PagefindFiles } from './pagefind-canonical.ts';
import { pagefindVersion, runPagefindCli } from './pagefind-cli.ts';
import { DELTA_ID, SHARDS_PATH, type ShardList } from './shard-list.ts';
import { DELTA_PAGES, planDelta, type BaseShard, type PageRef } from './index-delta.ts';
import { maskCarried, maskRecordSchema, type MaskRecord } from './carried-masks.ts';
import { tokenDirectory } from './token-directory.ts';

export { SHARDS_PATH, type ShardList };

export interface IndexOptions {
  /** The build cache's folder (shards are kept in its `search-shards/`); none: every shard is indexed. */
  cacheDir?: string | null;
  /** The code version (src/cache/code-version.ts), part of every kept shard's key; default: this project's. */
  codeVersion?: string;
  /** Pages a shard aims at (index-shards.ts); default ARSHIF_SEARCH_SHARD_PAGES, else SHARD_PAGES. */
  shardPages?: number;
  /** Pages that may drift from their kept shards into the delta (index-delta.ts); default DELTA_PAGES, 0: no delta. */
  deltaPages?: number;
  /** Pages the Pagefind processes running at once may hold together (index-shards.ts); default PAGES_AT_ONCE. */
  pagesAtOnce?: number;
  /** What puts the files of /pagefind/ that the previous site already holds in place instead of writing them (the build's: src/site/bundle-carry.ts); none: every file is written. */
  carry?: BundleCarry;
}

/**
 * Puts a file of the site's /pagefind/ in place in the site being built, when it can, instead of
 * the index writing it: the build gives one that links the previous site's file when that file is
 * known to hold these bytes (src/site/bundle-carry.ts). `path` is site-relative
 * (`pagefind/ID/index/….pf_index`), `shard` the id of the shard the file belongs to (null for
 * shards.json, which is all of theirs), `bytes` what the file must hold. Returns whether the file
 * is in place; if not, the index writes it. A file it puts in place is never written after.
 */
export interface BundleCarry {
  carry(path: string, shard: string | null, bytes: Buffer): boolean;
}

export interface IndexReport {
  pages: number;
  /** Shard ids, in date order. */
  shards: string[];
  /** Shards indexed by this build (the others came from the cache), DELTA_ID among them when the delta was. */
  indexed: string[];
  /** Pages in the delta shard (0: none). */
  delta: number;
  /** Pages masked in their shards (their new version, if any, in the delta). */
  masked: number;
  /** Of those, the pages this build masked (the others' masking was carried from the last build: carried-masks.ts). */
  maskedNow: number;
}

/** Shards indexed at once, at most: one Pagefind process per core of the machines this runs on (2). */
const AT_ONCE = 2;

/** The files of Pagefind's bundle the search page uses (src/search/browser/pagefind.ts). */
const USED = /^(?:pagefind\.js|pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|index\/[^/]+|fragment\/[^/]+|filter\/[^/]+)$/;
/** Of those, what only the first shard needs: the script and the WebAssembly. */
const PRIMARY_ONLY = /^(?:pagefind\.js|wasm\.[^/]+\.pagefind)$/;

/** A bundle without the files only the first shard has. */
const withoutPrimaryFiles = (files: PagefindFiles): PagefindFiles => new Map([...files].filter(([path]) => !PRIMARY_ONLY.test(path)));

/** Bump when what a kept shard holds, or how it is named, changes. */
const SHARD_FORMAT = 1;

/** The key a shard is kept under (src/cache/memo.ts): everything that goes into it, and the code version. */
export function shardKey(shard: Shard<IndexedPage>, lexiconJson: string, code: string, pagefind: string): string {
  return memoKey(code, ['search shard', SHARD_FORMAT, pagefind, shard.id, lexiconJson, shard.pages.map((page) => `${page.path} ${page.hash}`)]);
}

/** The key a shard's last bundle is found under as a base for the delta (index-delta.ts): its span, lexicon, code and Pagefind, not its pages. */
export function baseKey(id: string, lexiconJson: string, code: string, pagefind: string): string {
  return memoKey(code, ['search shard base', SHARD_FORMAT, pagefind, id, lexiconJson]);
}

/** The key the delta's bundle is kept under: its pages, the lexicon, the code and Pagefind. */
export function deltaKey(pages: readonly IndexedPage[], lexiconJson: string, code: string, pagefind: string): string {
  return memoKey(code, ['search delta', SHARD_FORMAT, pagefind, lexiconJson, pages.map((page) => `${page.path} ${page.hash}`)]);
}

/** The name of a base's last masking, beside it: `DIR/KEY.mask.json`. */
const MASK_SUFFIX = '.mask.json';

/** What a kept shard was indexed from, beside its bundle (`DIR/KEY.json`): what makes it a base. */
interface BaseInfo {
  base: string;
  pages: PageRef[];
}

const isBaseInfo = (v: unknown): v is BaseInfo =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as BaseInfo).base === 'string' &&
  Array.isArray((v as BaseInfo).pages) &&
  (v as BaseInfo).pages.every((p) => typeof p?.path === 'string' && typeof p?.hash === 'string');

/**
 * Kept shards: `DIR/KEY/` holds a bundle, written whole under another name, then renamed; a
 * shard's bundle (not the delta's) has `DIR/KEY.json` beside it, saying what it was indexed from,
 * and, once it was a base with pages masked, `DIR/KEY.mask.json`: the last masking's record.
 */
class ShardCache {
  private readonly used = new Set<string>();
  constructor(private readonly dir: string) {}

  has(key: string): boolean {
    try {
      return statSync(join(this.dir, key, 'pagefind-entry.json')).isFile();
    } catch {
      return false;
    }
  }

  /** The bundle kept under `key`; `use`: kept by this build's sweep (else only if used later: use()). */
  read(key: string, use = true): PagefindFiles | undefined {
    if (use) this.used.add(key);
    const folder = join(this.dir, key);
    try {
      if (!statSync(join(folder, 'pagefind-entry.json')).isFile()) return undefined;
      return readBundle(folder);
    } catch {
      return undefined;
    }
  }

  use(key: string): void {
    this.used.add(key);
  }

  /** The record of the last masking of the base kept under `key` (carried-masks.ts), if there is one that reads. */
  readMask(key: string): MaskRecord | undefined {
    try {
      const parsed = maskRecordSchema.safeParse(JSON.parse(readFileSync(join(this.dir, `${key}${MASK_SUFFIX}`), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `record` as the base `key`'s last masking (`fresh`: written; else the one kept stays). */
  keepMask(key: string, record: MaskRecord, fresh: boolean): void {
    this.used.add(`${key}${MASK_SUFFIX}`);
    if (!fresh) return;
    try {
      const partial = join(this.dir, `.${key}${MASK_SUFFIX}-${process.pid}`);
      writeFileSync(partial, JSON.stringify(record));
      renameSync(partial, join(this.dir, `${key}${MASK_SUFFIX}`));
    } catch {
      // not kept: masked from the base next time
    }
  }

  write(key: string, files: PagefindFiles, info?: BaseInfo): void {
    this.used.add(key);
    try {
      mkdirSync(this.dir, { recursive: true });
      const partial = mkdtempSync(join(this.dir, `.${key}-`));
      writeBundle(partial, files);
      rmSync(join(this.dir, key), { recursive: true, force: true });
      renameSync(partial, join(this.dir, key));
      if (info) writeFileSync(join(this.dir, `${key}.json`), JSON.stringify(info));
    } catch {
      // not kept: indexed again next time
    }
  }

  /** The kept shards' bundles by their base key (baseKey); of two with one base key, the first key. */
  bases(): Map<string, BaseShard> {
    const found = new Map<string, BaseShard>();
    if (!existsSync(this.dir)) return found;
    for (const name of readdirSync(this.dir).sort()) {
      if (!name.endsWith('.json') || name.endsWith(MASK_SUFFIX) || name.startsWith('.')) continue;
      const key = name.slice(0, -'.json'.length);
      try {
        const info: unknown = JSON.parse(readFileSync(join(this.dir, name), 'utf8'));
        if (isBaseInfo(info) && !found.has(info.base) && this.has(key)) found.set(info.base, { key, pages: info.pages });
      } catch {
        // not a base
      }
    }
    return found;
  }

  /** Removes the shards this build did not use (and any half-written one). */
  sweep(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name) && !this.used.has(name.replace(/\.json$/, ''))) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }
}

function shardPagesFromEnv(): number {
  return environment().searchShardPages ?? SHARD_PAGES;
}

/**
 * Indexes the article pages (`pages`: indexedPage of each), each with search keys added to its
 * words, into the site at `siteDir`, and writes the lexicon the search page reads queries with.
 */
export async function indexSite(siteDir: string, pages: readonly IndexedPage[], lexicon: SearchLexicon, options: IndexOptions = {}): Promise<IndexReport> {
  const fail = (step: string, errors: string[], cause?: unknown) =>
    ArshifError.single(
      {
        file: siteDir,
        message: `the search index could not be built (${step}: ${errors.join('; ')})`,
        hint: 'check that the pages were written completely, then build again',
      },
      cause,
    );
  const plan = planShards(
    [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    options.shardPages ?? shardPagesFromEnv(),
  );
  const lexiconJson = JSON.stringify(lexicon); // also written for the search page, below
  const cache = options.cacheDir ? new ShardCache(join(options.cacheDir, 'search-shards')) : undefined;
  const bundles = new Map<string, PagefindFiles>();
  const indexed: string[] = [];
  const code = cache ? (options.codeVersion ?? codeVersion()) : '';
  const pagefind = cache ? pagefindVersion() : '';
  // Where the phase's time goes (ARSHIF_PHASES=1: BENCHMARKS.md, "Where the index's time goes"), summed over the shards;
  // `kept`: the kept shards and the bases read from the cache.
  const spent = { annotate: 0, write: 0, pagefind: 0, canonical: 0, mask: 0, kept: 0 };
  const childCpuAtStart = childrenCpuMs();
  const timed = <T>(part: keyof typeof spent, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      spent[part] += performance.now() - started;
    }
  };
  // Which shards are kept, which are indexed, and which are their base with pages masked, the
  // pages added or changed since going into the delta (index-delta.ts).
  const bases = cache?.bases() ?? new Map<string, BaseShard>();
  const baseFiles = new Map<string, PagefindFiles>();
  const planned = plan.shards.map((shard) => {
    const key = cache ? shardKey(shard, lexiconJson, code, pagefind) : '';
    const kept = cache?.has(key) ?? false;
    let base = kept ? undefined : bases.get(baseKey(shard.id, lexiconJson, code, pagefind));
    const files = base && timed('kept', () => cache?.read(base!.key, false));
    if (base && files) baseFiles.set(base.key, files);
    else base = undefined;
    return { id: shard.id, pages: shard.pages, kept, base, key, shard };
  });
  const decided = planDelta(planned, options.deltaPages ?? DELTA_PAGES);
  const pagesAtOnce = options.pagesAtOnce ?? PAGES_AT_ONCE;
  // Inside the site being built, so that what a killed build leaves goes with its folder (src/cli/build.ts).
  const scratch = mkdtempSync(join(siteDir, '.arshif-index-'));
  let annotator: KeyAnnotator | undefined;
  let masked = 0;
  let maskedNow = 0;
  /** The shards with pages masked. */
  const maskedIn = new Set<string>();
  try {
    /** A shard to index, the key it is kept under (none without a cache), and what makes it a base (none for the delta). */
    type Job = { shard: Shard<IndexedPage>; key: string; base?: BaseInfo };
    const todo: Job[] = [];
    decided.shards.forEach((made, i) => {
      const { shard, key } = planned[i]!;
      const job: Job = { shard, key, base: { base: baseKey(shard.id, lexiconJson, code, pagefind), pages: shard.pages.map(({ path, hash }) => ({ path, hash })) } };
      if (made.how === 'base') {
        try {
          timed('mask', () => {
            const done = maskCarried(baseFiles.get(made.base)!, made.masked, cache?.readMask(made.base));
            if (done.record) cache?.keepMask(made.base, done.record, done.fresh);
            bundles.set(shard.id, done.files);
            maskedNow += done.maskedNow;
          });
        } catch (error) {
          throw fail(`masking pages in shard ${shard.id}`, [(error as Error).message], error);
        }
        cache?.use(made.base);
        masked += made.masked.length;
        if (made.masked.length > 0) maskedIn.add(shard.id);
        return;
      }
      const kept = made.how === 'kept' ? timed('kept', () => cache?.read(key)) : undefined;
      if (kept) bundles.set(shard.id, kept);
      else todo.push(job);
    });
    if (decided.delta.length) {
      const shard: Shard<IndexedPage> = { id: DELTA_ID, pages: decided.delta };
      const key = cache ? deltaKey(decided.delta, lexiconJson, code, pagefind) : '';
      const kept = cache?.read(key);
      if (kept) bundles.set(DELTA_ID, kept);
      else todo.push({ shard, key });
    }
    const input = (shard: Shard<IndexedPage>) => join(scratch, shard.id, 'site');
    /** Writes a shard's pages, with their search keys, into its scratch folder (on this thread). */
    const prepare = async ({ shard }: Job) => {
      annotator ??= createKeyAnnotator(lexicon);
      for (const page of shard.pages) {
        const target = join(input(shard), page.path);
        const html = timed('annotate', () => annotateHtml(page.html, annotator!));
        const started = performance.now();
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, html);
        spent.write += performance.now() - started;
      }
    };
    /** Runs Pagefind on a prepared shard, and keeps the canonical bundle. */
    const run = async (job: Job) => {
      const { shard, key } = job;
      let bundle: PagefindFiles;
      const started = performance.now();
      try {
        bundle = await runPagefindCli(input(shard), join(scratch, shard.id, 'bundle'));
        spent.pagefind += performance.now() - started;
      } catch (error) {
        throw fail(`Pagefind on shard ${shard.id}`, [(error as Error).message], error);
      }
      let files: PagefindFiles;
      try {
        files = timed('canonical', () => canonicalisePagefind(new Map([...bundle].filter(([path]) => USED.test(path)))));
      } catch (error) {
        throw fail(
          'making the index reproducible',
          [`${(error as Error).message} (pagefind is pinned to 1.5.2; if it was upgraded, check src/search/pagefind-canonical.ts against its output format)`],
          error,
        );
      }
      rmSync(join(scratch, shard.id), { recursive: true, force: true });
      cache?.write(key, files, job.base);
      bundles.set(shard.id, files);
      indexed.push(shard.id);
      progress('search index', indexed.length, todo.length, 'shards');
    };
    // A pipeline: this thread prepares one shard after another while up to AT_ONCE Pagefind
    // processes index the shards already prepared, so both cores stay busy (two lanes each
    // preparing then indexing left a core idle while both prepared at once).
    // Two shards at once only while their pages together stay within the budget (fitsBeside).
    const running = new Map<Promise<void>, number>();
    let failure: { error: unknown } | undefined;
    const check = () => {
      if (failure) throw failure.error;
    };
    try {
      progress('search index', 0, todo.length, 'shards');
      for (const job of todo) {
        await prepare(job);
        while (!fitsBeside([...running.values()], job.shard.pages.length, pagesAtOnce, AT_ONCE)) await Promise.race(running.keys());
        check();
        const started: Promise<void> = run(job)
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => running.delete(started));
        running.set(started, job.shard.pages.length);
      }
      await Promise.all(running.keys());
      check();
    } finally {
      await Promise.allSettled(running.keys()); // no Pagefind process is left writing into the scratch folder
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const childCpu = childCpuAtStart === undefined ? undefined : (childrenCpuMs() ?? childCpuAtStart) - childCpuAtStart;
  const writingStarted = performance.now();
  const bundleDir = join(siteDir, 'pagefind');
  rmSync(bundleDir, { recursive: true, force: true });
  const carry = options.carry;
  /** Writes a shard's bundle at `/pagefind/` + `folder`, but the files `carry` puts in place. */
  const place = (folder: string, shard: string, files: PagefindFiles) =>
    writeBundleFiles(join(bundleDir, folder), files, carry && ((path, bytes) => carry.carry(`pagefind/${folder}${path}`, shard, bytes)));
  const list: ShardList = { shards: [] };
  plan.shards.forEach((shard, i) => {
    const files = bundles.get(shard.id)!;
    const primary = i === 0;
    if (primary) place('', shard.id, files);
    else place(`${shard.id}/`, shard.id, withoutPrimaryFiles(files));
    list.shards.push({ id: shard.id, path: primary ? '/pagefind/' : `/pagefind/${shard.id}/` });
  });
  const delta = bundles.get(DELTA_ID);
  if (delta) {
    place(`${DELTA_ID}/`, DELTA_ID, withoutPrimaryFiles(delta));
    list.delta = { id: DELTA_ID, path: `/pagefind/${DELTA_ID}/` };
  }
  if (masked > 0) list.masked = true;
  const directoryStarted = performance.now();
  if (list.shards.length > 1 || list.delta) {
    const listed = [...plan.shards.map((shard) => shard.id), ...(delta ? [DELTA_ID] : [])];
    try {
      list.tokens = tokenDirectory(
        lexicon.names.flatMap((group) => (group.token === null ? [] : [group.token])),
        listed.map((id) => ({ files: bundles.get(id)!, masked: maskedIn.has(id) })),
      );
    } catch (error) {
      throw fail('reading which shards hold which names', [(error as Error).message], error);
    }
  }
  const directoryMs = performance.now() - directoryStarted;
  mkdirSync(bundleDir, { recursive: true });
  const listBytes = Buffer.from(JSON.stringify(list));
  if (!carry?.carry(SHARDS_PATH, null, listBytes)) writeFileSync(join(siteDir, SHARDS_PATH), listBytes, { flag: 'wx' });
  cache?.sweep();
  await mkdir(join(siteDir, dirname(LEXICON_PATH)), { recursive: true });
  await writeFile(join(siteDir, LEXICON_PATH), lexiconJson);
  const parts: Array<[string, number | undefined]> = [
    ['pages annotated (search keys)', spent.annotate],
    ['annotated pages written for Pagefind', spent.write],
    ['Pagefind processes, wall, summed', spent.pagefind],
    ['Pagefind processes, CPU (user+sys)', childCpu],
    ['canonical pass (renumbering)', spent.canonical],
    ['pages masked in kept shards', spent.mask],
    ['kept shards read from the cache', spent.kept],
    ['token directory', directoryMs],
    ['bundles written into the site', performance.now() - writingStarted - directoryMs],
  ];
  for (const [name, ms] of parts) if (ms !== undefined) phasePart(`search index: ${name}`, ms);
  return { pages: pages.length, shards: plan.shards.map((s) => s.id), indexed: indexed.sort(), delta: decided.delta.length, masked, maskedNow };
}
