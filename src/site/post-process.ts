/** What runs on the written site after Eleventy: the search index and script, and the subset font. */
import { relative, resolve, sep } from 'node:path';
import { bundleSearchScript } from '../search/bundle-script.ts';
import { indexSite, type IndexOptions } from '../search/index-site.ts';
import { findBody, indexedPageAt, isArticlePage, type BodyPlace, type IndexedPage } from '../search/indexed-page.ts';
import type { SearchLexicon } from '../analysis/lexicon.ts';
import { CharacterScan, pageCharacters, writeSubsetFonts, type FontSubset, type PageCharacters } from './fonts.ts';
import { startFontWorker } from './font-worker.ts';
import { subsetFontsKey, type KeptFonts } from './font-cache.ts';
import { phase } from '../core/phase-log.ts';

/** A page in what Eleventy returns from write() and hands `eleventy.after`: where it wrote it, and what. */
export interface EleventyResult {
  outputPath?: unknown;
  content?: unknown;
}

/** The pages of Eleventy's results (site-relative path with `/`, HTML), for summariseWritten. */
export function* writtenPages(outputDir: string, results: readonly EleventyResult[]): Generator<{ path: string; html: string }> {
  for (const page of results) {
    if (typeof page.outputPath === 'string' && typeof page.content === 'string') {
      yield { path: relative(outputDir, resolve(page.outputPath)).split(sep).join('/'), html: page.content };
    }
  }
}

/** What post-processing needs from the written pages, taken while they are in memory. */
export interface WrittenSummary {
  characters: Record<FontSubset, string>;
  /** The article pages as the search index takes them (indexed-page.ts). */
  pages: IndexedPage[];
}

/** What one page gives post-processing: its characters and, for an article page, what the index takes of it. */
export interface PageSummary {
  readonly characters: PageCharacters;
  readonly indexed: IndexedPage | undefined;
}

/** What one written page gives, with where its indexed element is in its text (for carry-over.ts); undefined for a page that is not HTML. */
export function summarisePage(path: string, html: string): (PageSummary & { readonly place: BodyPlace | undefined }) | undefined {
  if (!path.endsWith('.html')) return undefined;
  const place = isArticlePage(path) ? findBody(html) : undefined;
  return { characters: pageCharacters(html), indexed: place && indexedPageAt(path, html, place), place };
}

type OnPage = (path: string, html: string, summary: ReturnType<typeof summarisePage>) => void;

/**
 * What post-processing needs of the pages Eleventy wrote, gathered as each of its runs returns
 * them (src/site/page-batches.ts), so that post-processing need not read the site's 400 MB of
 * HTML back from disk at 10,000 articles and no run's pages are held after it: a page's
 * characters and, for an article page, what the search index takes of it. `onPage` sees each
 * written page's summary.
 */
export class PageSummaries {
  private readonly scan = new CharacterScan();
  private readonly indexed: IndexedPage[] = [];

  constructor(private readonly onPage?: OnPage) {}

  /** Summarises pages Eleventy just wrote (site-relative path and HTML). */
  addWritten(pages: Iterable<{ path: string; html: string }>): void {
    for (const { path, html } of pages) {
      const summary = summarisePage(path, html);
      this.onPage?.(path, html, summary);
      if (summary) this.add(summary);
    }
  }

  /** Adds a page's summary (a page carried over from the previous build counts exactly as if rendered: src/site/carry-over.ts). */
  add(summary: PageSummary): void {
    this.scan.addPage(summary.characters);
    if (summary.indexed) this.indexed.push(summary.indexed);
  }

  /** The summary of every page added, rendered pages first, in the order they were added. */
  written(): WrittenSummary {
    return { characters: this.scan.characters(), pages: this.indexed };
  }
}

/**
 * Summarises the pages Eleventy wrote (site-relative path and HTML) with the summaries of the
 * pages carried over from the previous build (src/site/carry-over.ts): see PageSummaries.
 */
export function summariseWritten(pages: Iterable<{ path: string; html: string }>, options: { carried?: Iterable<PageSummary>; onPage?: OnPage } = {}): WrittenSummary {
  const summaries = new PageSummaries(options.onPage);
  summaries.addWritten(pages);
  for (const summary of options.carried ?? []) summaries.add(summary);
  return summaries.written();
}

/**
 * The fonts, the search script and the search index, side by side: each writes its own files,
 * from what Eleventy wrote, and none reads another's. The fonts are the last build's when made for
 * the same characters (`keptFonts`, font-cache.ts), else made on a thread of their own
 * (font-worker.ts, stopped once they are written); the script by esbuild's process and the index
 * by Pagefind's, so they overlap. A failure of one is thrown once all three have ended (the
 * first, in that order).
 */
export async function postProcessSite(
  siteDir: string,
  lexicon: SearchLexicon,
  written: WrittenSummary,
  options: IndexOptions & { keptFonts?: KeptFonts | undefined } = {},
): Promise<void> {
  const { keptFonts, ...indexOptions } = options;
  const fontsKey = keptFonts && subsetFontsKey(written.characters);
  const kept = fontsKey ? keptFonts.get(fontsKey) : undefined;
  const fonts = kept ? undefined : startFontWorker();
  const outcomes = await Promise.allSettled([
    phase('fonts', () =>
      writeSubsetFonts(siteDir, written.characters, kept ? { subset: async () => kept } : fonts, (made) => {
        if (keptFonts && fontsKey) keptFonts.keep(fontsKey, made);
      }),
    ),
    phase('search script', () => bundleSearchScript(siteDir)),
    phase('search index', () => indexSite(siteDir, written.pages, lexicon, indexOptions)),
  ]);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
}
