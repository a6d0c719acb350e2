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
 * page and its two files.
 *
 * A value JSON cannot write faithfully (a Map, a Set, a function, a class instance) is refused
 * rather than digested as `{}`: a key blind to a part of the page would carry a stale page over.
 */
import { memoKey } from '../cache/memo.ts';
import { sha256 } from '../core/hash.ts';
import type { Archive } from '../model/views.ts';

/** What the templates of a page per item read of `archive`, beside the item itself. */
export const PAGE_READS = ['site', 'nav'] as const;

/** Bump when what a key is made of changes. */
const KEY_FORMAT = 2;

export class PageKeys {
  /** The digests of the views other items hold (articles, events), by view. */
  private readonly viewDigests = new Map<object, string>();
  private readonly shared: string;

  constructor(
    archive: Archive,
    private readonly renderVersion: string,
  ) {
    for (const article of archive.articles) this.viewDigests.set(article, this.digest(article));
    for (const event of archive.events) this.viewDigests.set(event, this.digest(event));
    this.shared = JSON.stringify(PAGE_READS.map((name) => archive[name]));
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
