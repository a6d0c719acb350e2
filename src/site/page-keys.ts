/**
 * The render key of a page made one per item (page-lists.ts): a hash of everything the page
 * shows, so that two builds giving a page the same key write the same bytes for it. What goes
 * in: the version of the code and templates that render pages (src/cache/code-version.ts:
 * renderCodeVersion: all of src/, layouts/, .eleventy.ts, the packages they use, Node), the
 * template, the page's path, what every page reads of the archive beside its item (`site` and
 * `nav`: PAGE_READS, which tests/incremental-build.test.ts checks against the templates), and the
 * item's view whole.
 *
 * A view is digested as its JSON, with each article and event view it holds (an event's articles,
 * a place's list, an event's timeline files) written as that view's own digest, computed once per
 * build: the lists of 10,000 articles stay cheap to key, and an event is digested once for its
 * page and its two files. A long text (LONG_TEXT characters or more: an article's HTML, a map's
 * SVG) is written as its sha256, which a build takes from the previous build of the same process
 * where that build met the same text (npm start: the build cache's memory gives an unchanged
 * article's HTML as the same string, src/cache/disk-store.ts), and computes otherwise: the digests
 * are looked up by the text itself, so a text found is the text digested, never only a text of the
 * same article. What a rebuild after one article added digests afresh is then that article, the
 * texts that changed and each view's short fields, not the archive's every HTML. Only a process
 * that builds again keeps them (`keepTexts`): the store's memory holds those texts anyway, where a
 * single build lets its archive go before the search index, and the texts with it.
 *
 * A value JSON cannot write faithfully (a Map, a Set, a function, a class instance) is refused
 * rather than digested as `{}`: a key blind to a part of the page would carry a stale page over.
 */
import { memoKey } from '../cache/memo.ts';
import { sha256 } from '../core/hash.ts';
import { TextDigests } from '../cache/process-memory.ts';
import type { Archive } from '../model/views.ts';

/** What the templates of a page per item read of `archive`, beside the item itself. */
export const PAGE_READS = ['site', 'nav'] as const;

/** Bump when what a key is made of changes. */
const KEY_FORMAT = 3;

/** Texts this long or longer are written into a view's digest as their own sha256 (see the top). */
export const LONG_TEXT = 1024;

export interface PageKeyOptions {
  /** Keep this build's long texts' digests for the next PageKeys of the process (default: not; see the top). */
  keepTexts?: boolean;
}

export class PageKeys {
  /** The digests of the views other items hold (articles, events), by view. */
  private readonly viewDigests = new Map<object, string>();
  /** The long texts' digests: this build's, kept for the next build of the process (see the top). */
  private readonly texts: TextDigests;
  /** The digest of what every page reads beside its item (PAGE_READS), made once per build rather than written into each key. */
  private readonly shared: string;

  constructor(
    archive: Archive,
    private readonly renderVersion: string,
    options: PageKeyOptions = {},
  ) {
    this.texts = new TextDigests('page keys: long texts', sha256, options.keepTexts ?? false);
    for (const article of archive.articles) this.viewDigests.set(article, this.digest(article));
    for (const event of archive.events) this.viewDigests.set(event, this.digest(event));
    this.shared = sha256(JSON.stringify(PAGE_READS.map((name) => archive[name])));
  }

  /** The key of the page at `path` (site-relative) that `template` renders for `item`. */
  key(template: string, path: string, item: unknown): string {
    const digest = (typeof item === 'object' && item !== null && this.viewDigests.get(item)) || this.digest(item);
    return memoKey(this.renderVersion, ['page', KEY_FORMAT, template, path, this.shared, digest]);
  }

  /** The digest of a view (see the comment at the top). */
  digest(value: unknown): string {
    const known = this.viewDigests;
    const json = JSON.stringify(value, (key: string, v: unknown) => {
      if (typeof v === 'string') return v.length < LONG_TEXT ? v : { '#text': this.texts.of(v) };
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new Error(`page key: a view holds a ${typeof v} at "${key}"`);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
      if (v !== value) {
        const digest = known.get(v);
        if (digest !== undefined) return { '#view': digest };
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null)
        throw new Error(`page key: a view holds a ${proto?.constructor?.name ?? 'class instance'} at "${key}", which JSON cannot write`);
      return v;
    });
    return sha256(json ?? 'undefined');
  }
}
