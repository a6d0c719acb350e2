/**
 * The pages of a build in bounded batches, one Eleventy run each, so that the build's memory does
 * not grow with the archive: Eleventy keeps every page it renders (its content, its data, its
 * pagination's arrays) until its write() returns, and a paginated template's per-page work grows
 * with the length of the list it paginates over. Each run's pages are summarised for
 * post-processing (post-process.ts: PageSummaries) and let go before the next run starts.
 *
 * - The pages that read the archive whole (home, indexes, feeds, sitemap, exports: every
 *   template that is not in PAGE_LISTS) are one batch of their own, rendered first, with the
 *   static files and the raw sources. Its sitemap lists the item pages of the other batches as
 *   pages this run does not render (RenderData.carriedUrls, as carry-over.ts does for the pages it
 *   carries): the sitemap sorts its addresses, so it is the same file either way.
 * - The items to render (RenderData.lists) follow, `size` at most a batch, in the order of
 *   PAGE_LISTS and of each list; a batch adds only the templates of its lists.
 *
 * An item page shows only its item, `site` and `nav` (page-keys.ts; tests/incremental-build.test.ts
 * reads the templates for it), so which batch renders it does not change its bytes. When every
 * item fits one batch, or when two items would write the same path (the content's mistake:
 * Eleventy names it only among the pages of one run), the build is one run of every template.
 */
import { outputPathOf, PAGE_LISTS, type RenderData } from './page-lists.ts';

/** Which templates of layouts/pages/ a run adds: all; those that read the archive whole; those of PAGE_LISTS. */
export type BatchTemplates = 'all' | 'whole' | 'items';

/** One Eleventy run of a build. */
export interface RenderBatch {
  readonly templates: BatchTemplates;
  readonly render: RenderData;
  /** The pages it renders of PAGE_LISTS' items (every other page is counted by Eleventy as it plans the run). */
  readonly items: number;
}

/** Whether a run adds the template `name` of layouts/pages/ (a run of `items` is given what it renders). */
export function batchAdds(templates: BatchTemplates, render: RenderData | undefined, name: string): boolean {
  if (templates === 'all') return true;
  const list = PAGE_LISTS.find((l) => l.template === name);
  if (templates === 'whole') return list === undefined;
  return list !== undefined && (render?.lists[list.name]?.length ?? 0) > 0;
}

/** The runs of a build that renders `render`, with at most `size` items a run (see the comment at the top). */
export function renderBatches(render: RenderData, size: number): RenderBatch[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a batch of pages holds at least one item, not ${size}`);
  const lists = PAGE_LISTS.map((list) => ({ list, items: render.lists[list.name] ?? [] }));
  const total = lists.reduce((n, { items }) => n + items.length, 0);
  if (total <= size || sharesAPath(lists)) return [{ templates: 'all', render, items: total }];
  const emptyLists = Object.fromEntries(PAGE_LISTS.map((l) => [l.name, []]));
  const renderedUrls = lists.flatMap(({ list, items }) => (list.listed ? items.map((item) => list.url(item)) : []));
  const batches: RenderBatch[] = [{ templates: 'whole', render: { lists: emptyLists, carriedUrls: [...render.carriedUrls, ...renderedUrls] }, items: 0 }];
  let current: Record<string, unknown[]> = {};
  let filled = 0;
  const close = () => {
    if (filled > 0) batches.push({ templates: 'items', render: { lists: { ...emptyLists, ...current }, carriedUrls: [] }, items: filled });
    current = {};
    filled = 0;
  };
  for (const { list, items } of lists) {
    for (let at = 0; at < items.length; ) {
      const take = Math.min(size - filled, items.length - at);
      current[list.name] = items.slice(at, at + take);
      filled += take;
      at += take;
      if (filled === size) close();
    }
  }
  close();
  return batches;
}

function sharesAPath(lists: readonly { list: (typeof PAGE_LISTS)[number]; items: readonly unknown[] }[]): boolean {
  const seen = new Set<string>();
  for (const { list, items } of lists) {
    for (const item of items) {
      const path = outputPathOf(list.url(item));
      if (seen.has(path)) return true;
      seen.add(path);
    }
  }
  return false;
}
