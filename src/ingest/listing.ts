/**
 * A page that lists many articles rather than being one: an archive's month, a tag's or a
 * category's page, an author's, a search's, page N of a section. Its first item's title is no
 * article's headline and its teasers no article's text, so add says so instead of writing it.
 * Told by the address (a listing's path or paging) or by the text (several short items, each a
 * headline-like line with a date line of its own). Pure.
 */
import { readDateLine } from '../arabic/date-line.ts';
import { wordCount, type Line } from './lines.ts';

/** Path segments that name a listing, with at most a name (and a page) after them. */
const LISTING_SEGMENTS = new Set(['tag', 'tags', 'category', 'categories', 'author', 'authors', 'search', 'monthly', 'daily', 'yearly', 'وسم', 'تصنيف']);
/** Segments a listing segment may have after it: its name, its month ("monthly/201703"). */
const AFTER_SEGMENT = 1;

/** Why the address is a listing's, or undefined. */
export function listingAddress(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    path = parsed.pathname;
  }
  const segments = path.toLowerCase().split('/').filter(Boolean);
  // "…/page/246": WordPress's page N of a listing (an article's own pages are "…/slug/2/")
  const paged = segments.length >= 2 && segments[segments.length - 2] === 'page' && /^\d+$/.test(segments[segments.length - 1] as string);
  const named = paged ? segments.slice(0, -2) : segments;
  const at = named.findIndex((s) => LISTING_SEGMENTS.has(s));
  if (at >= 0 && named.length - at - 1 <= AFTER_SEGMENT) return `its address is a listing's ("${named[at]}" in ${parsed.pathname})`;
  if (paged) return `its address is page ${segments[segments.length - 1]} of a listing`;
  // Joomla's listing offset: "section.html?start=152"
  const start = parsed.searchParams.get('start');
  if (start && /^\d+$/.test(start)) return `its address is a listing's, from its item ${start} on ("?start=${start}")`;
  return undefined;
}

/** Items that make a text a listing: this many, with as many different dates. */
const LISTING_ITEMS = 3;

/** A line that reads as an item's title: 4 to 20 words, not a sentence, not a date line. */
function titleLike(line: Line | undefined): boolean {
  if (!line) return false;
  const words = wordCount(line.text);
  return words >= 4 && words <= 20 && !/[.:：]$/u.test(line.text) && readDateLine(line.text) === undefined;
}

/** Why the text is a listing's (several items, each a title with its own date line), or undefined. */
export function listingText(lines: Line[]): string | undefined {
  const dates: string[] = [];
  lines.forEach((line, i) => {
    if (wordCount(line.text) > 12) return;
    const value = readDateLine(line.text)?.find((e) => e.mention?.precision === 'day' && e.mention.value)?.mention?.value;
    if (value && (titleLike(lines[i - 1]) || titleLike(lines[i + 1]))) dates.push(value);
  });
  const distinct = [...new Set(dates)];
  if (dates.length < LISTING_ITEMS || distinct.length < LISTING_ITEMS) return undefined;
  return `its text is ${dates.length} items, each a title with a date line of its own (${distinct.slice(0, 3).join(', ')}${distinct.length > 3 ? ', …' : ''})`;
}
