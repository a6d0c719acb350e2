/**
 * What the search index takes of an article page, taken from the page's HTML as Eleventy
 * rendered it, in memory (nothing is read back from disk): its `data-pagefind-body` element
 * alone (Pagefind reads nothing else of the page: its text, meta, filters and sort all sit
 * inside), in a minimal document that says the language, and the date it sorts by.
 *
 * The element is found by an HTML parser (htmlparser2, the tokenizer linkedom and Eleventy's
 * posthtml also use), which gives where it starts and ends in the page; the part is that slice of
 * the page's own bytes, so what Pagefind reads is exactly what the page holds.
 *
 * The date sort value Pagefind is given is the date followed by the page's path (see
 * index-site.ts: it orders the pages of one day the same way everywhere); the page keeps the
 * date alone.
 */
import { sha256 } from '../core/hash.ts';
import { Parser } from 'htmlparser2';

/** An article page as the index takes it. */
export interface IndexedPage {
  /** Site-relative, with `/`. */
  path: string;
  /** Its date sort value (`data-pagefind-sort="date:…"`). */
  date: string;
  /** sha256 of its indexed part (a kept shard's key is made of these). */
  hash: string;
  /** What Pagefind is given, before search keys are added: the indexed part, sorted by date and path. */
  html: string;
}

/** Whether a site-relative path is one of an article page. */
export const isArticlePage = (path: string) => path.startsWith('articles/') && path.endsWith('.html');

/** Where the `data-pagefind-body` element is in a page (offsets in its text), and the open tag that carries its date sort value. */
export interface BodyPlace {
  start: number;
  /** Just after the element's end tag; the page's end when the element is never closed. */
  end: number;
  sort?: { start: number; end: number; date: string };
}

const SORT_ATTRIBUTE = 'data-pagefind-sort';

/** The place of the page's first `data-pagefind-body` element, or undefined when it has none. */
export function findBody(html: string): BodyPlace | undefined {
  let place: BodyPlace | undefined;
  let depth = 0;
  let closed = false;
  const parser = new Parser(
    {
      onopentag(_name, attributes) {
        if (!place) {
          if (!Object.hasOwn(attributes, 'data-pagefind-body')) return;
          place = { start: parser.startIndex, end: html.length };
        }
        depth += 1;
        const sort = attributes[SORT_ATTRIBUTE];
        if (!place.sort && sort?.startsWith('date:')) place.sort = { start: parser.startIndex, end: parser.endIndex + 1, date: sort.slice('date:'.length) };
      },
      onclosetag() {
        if (!place || closed) return;
        depth -= 1;
        if (depth > 0) return;
        place.end = parser.endIndex + 1;
        closed = true;
        parser.pause(); // the rest of the page is not indexed
      },
    },
    // Attribute values as written: the date sort value is rewritten in the page's own text (withStableSort).
    { decodeEntities: false },
  );
  parser.write(html);
  if (!closed) parser.end();
  return place;
}

const inDocument = (body: string) => `<!doctype html><html lang="ar"><body>${body}</body></html>`;

const DATE_SORT = /\sdata-pagefind-sort="date:([^"]*)"/;
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An open tag with its date sort value followed by the page's path (the tag is the one findBody found). */
export function withStableSort(tag: string, path: string): string {
  return tag.replace(DATE_SORT, (_all, date: string) => ` data-pagefind-sort="date:${date} ${escapeAttribute(path)}"`);
}

/**
 * The page as the index takes it, or undefined for one Pagefind would skip (no
 * `data-pagefind-body` element: a list of articles, not one). Throws for a page with no date.
 */
export function indexedPage(path: string, html: string): IndexedPage | undefined {
  const place = findBody(html);
  return place && indexedPageAt(path, html, place);
}

/** The page as the index takes it, its element being at `place` (findBody). Throws for a page with no date. */
export function indexedPageAt(path: string, html: string, place: BodyPlace): IndexedPage {
  const { start, end, sort } = place;
  if (!sort) throw new Error(`${path} has no data-pagefind-sort="date:…"`);
  const part = inDocument(html.slice(start, end));
  return { path, date: sort.date, hash: sha256(part), html: indexedHtml(path, html.slice(start, sort.start), html.slice(sort.start, sort.end), html.slice(sort.end, end)) };
}

/**
 * What Pagefind is given of a page from the three parts of its indexed element: before the open
 * tag with the date sort value, that tag, and after it (to the element's end).
 */
export function indexedHtml(path: string, head: string, sortTag: string, tail: string): string {
  return inDocument(head + withStableSort(sortTag, path) + tail);
}
