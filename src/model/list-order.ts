/**
 * One order for every list of articles on the site: oldest first, as an archive of events is read
 * (a chronology: what was reported before what), and as event and year pages always listed. A list
 * of LONG_LIST articles or more also gets a page newest first, linked from it. The home page's
 * "latest" list and the feed are newest first by what they are. And how long a list of links
 * beside an article may grow before the rest are left to the page that lists them all.
 */
import type { ArticleView } from './views.ts';

export const SORT_ORDER = 'oldest-first';
/** A list this long no longer fits a phone's screen: it gets the switch. */
export const LONG_LIST = 4;

/**
 * The most outlets an article page's note on a shared paragraph links (comparisons.ts); the
 * rest are linked at the event page's entry for the run, which lists them all. A wire paragraph
 * can be reprinted by dozens of outlets: without a bound the page grows with the event.
 */
export const SHARED_PASSAGE_LINKS = 3;

/** The address of a list's newest-first page (under the list's `url`), or null for a short list. */
export const newestUrlOf = (url: string, articles: readonly unknown[]): string | null => (articles.length >= LONG_LIST ? `${url}newest/` : null);

type Dated = Pick<ArticleView, 'id'> & { readonly date: { readonly iso: string } };
export const byDateDesc = (a: Dated, b: Dated): number => b.date.iso.localeCompare(a.date.iso) || a.id.localeCompare(b.id);
export const byDateAsc = (a: Dated, b: Dated): number => a.date.iso.localeCompare(b.date.iso) || a.id.localeCompare(b.id);
