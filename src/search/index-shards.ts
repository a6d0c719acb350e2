/**
 * How the search index is split into shards: bundles of Pagefind's own, each indexing the
 * articles of one span of months, that the search page merges (src/search/browser/pagefind.ts).
 *
 * Why shards: Pagefind indexes a site whole, in one process, on one core, holding everything in
 * memory (about 0.5 MB per article page here), and has no incremental mode. Shards let a build
 * index two at a time on two cores, bound the memory of each Pagefind process, and let a rebuild
 * re-index only the shards whose pages changed (index-site.ts keeps each shard by the hash of
 * what went into it). Each shard also costs a first query a few requests and one index chunk
 * (Pagefind chunks its word index at about 20,000 postings, whatever the index's size), so there
 * should be few of them: SHARD_PAGES is the size aimed at.
 *
 * The split must be stable, so that adding an article changes one shard, not all those after it:
 * the spans are fixed stretches of the calendar, PERIOD months long, aligned on multiples of
 * PERIOD months since year 0. PERIOD is the longest power of two (1 … 512 months) that keeps the
 * average shard within SHARD_PAGES; it changes only when the archive doubles in density, and then
 * every shard is indexed afresh. Months with no article make no shard; a period holding more
 * pages than SHARD_PAGES (a busy month) stays one shard.
 *
 * Shards are in date order, oldest first; their ids (`2016-01_2018-08`, first and last month of
 * the period) name their folders under /pagefind/.
 */

/** The number of article pages a shard is meant to hold at most, on average. */
export const SHARD_PAGES = 2500;

const LONGEST_PERIOD = 512;

/**
 * The most article pages Pagefind processes may be given at once, together. Pagefind holds a
 * shard whole in memory, about 0.55 MB per page with the search keys (BENCHMARKS.md, "Why memory
 * is what it is"), so two processes of 2,500 pages each needed about 2 GB at once. Two shards run
 * side by side only while their pages together stay within this; a larger shard runs alone.
 */
export const PAGES_AT_ONCE = 2000;

/**
 * Whether a shard of `pages` pages may start beside the shards running (`running`: their
 * pages): always when none runs; else when fewer than `processes` run and all their pages
 * together stay within `budget`.
 */
export function fitsBeside(running: readonly number[], pages: number, budget: number = PAGES_AT_ONCE, processes = 2): boolean {
  if (running.length === 0) return true;
  if (running.length >= processes) return false;
  return running.reduce((sum, n) => sum + n, pages) <= budget;
}

export interface DatedPage {
  /** Site-relative path of the page. */
  path: string;
  /** Its date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`: the missing parts count as January / the 1st). */
  date: string;
}

export interface Shard<P extends DatedPage = DatedPage> {
  id: string;
  /** Its pages, in the order given. */
  pages: P[];
}

export interface ShardPlan<P extends DatedPage = DatedPage> {
  /** Months per shard. */
  period: number;
  shards: Array<Shard<P>>;
}

const DATE = /^(\d{4})(?:-(\d{2}))?/;

/** Months since January of year 0. */
export function monthIndex(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${JSON.stringify(date)}`);
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0);
}

function monthName(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The period (months, a power of two) for `pages` pages spread over `spanMonths` months. */
export function shardPeriod(pages: number, spanMonths: number, maxPages: number = SHARD_PAGES): number {
  let period = LONGEST_PERIOD;
  while (period > 1 && (pages * period) / Math.max(spanMonths, 1) > maxPages) period /= 2;
  return period;
}

/** Splits the pages into shards (see the comment at the top). */
export function planShards<P extends DatedPage>(pages: readonly P[], maxPages: number = SHARD_PAGES): ShardPlan<P> {
  if (!(maxPages >= 1)) throw new Error(`a shard must hold at least one page (got ${maxPages})`);
  if (pages.length === 0) return { period: LONGEST_PERIOD, shards: [] };
  const months = pages.map((page) => monthIndex(page.date));
  let first = Infinity;
  let last = -Infinity;
  for (const m of months) {
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const period = shardPeriod(pages.length, last - first + 1, maxPages);
  const byPeriod = new Map<number, P[]>();
  pages.forEach((page, i) => {
    const start = Math.floor(months[i]! / period) * period;
    const list = byPeriod.get(start);
    if (list) list.push(page);
    else byPeriod.set(start, [page]);
  });
  const shards = [...byPeriod.keys()].sort((a, b) => a - b).map((start) => ({ id: `${monthName(start)}_${monthName(start + period - 1)}`, pages: byPeriod.get(start)! }));
  return { period, shards };
}
