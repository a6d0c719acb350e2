/**
 * A result's excerpt, made from the page's indexed text and the positions of the words that
 * matched, as plain-text pieces, marked or not, which the page inserts as text nodes (never as
 * HTML). Pure: no DOM.
 *
 * Pagefind's own excerpt is not used: the indexed text carries search keys (الرقة__الرقه_…,
 * src/search/index-keys.ts), which are taken out here word by word, and a query run as several
 * searches (a phrase and other words) marks the words all of them matched.
 *
 * Pagefind's text is the page's words joined by single spaces, and a match's position is the
 * index of its word in that list; Pagefind's text is never HTML (it decodes references and
 * drops tags), so nothing here is parsed.
 */
import { stripKeys } from './index-keys.ts';

export interface ExcerptPiece {
  text: string;
  marked: boolean;
}

export interface Excerpt {
  pieces: ExcerptPiece[];
  /** The page's text goes on before the excerpt: show an ellipsis. */
  before: boolean;
  /** And after it. */
  after: boolean;
}

/** Words shown before the first match of the window, when the window can move back. */
const LEAD = 5;

/**
 * The `length` words around the densest run of matches (the window holding the most matched
 * positions; the earliest such), starting a few words before its first match; the start of the
 * text when nothing matched.
 */
export function excerptFromContent(content: string, locations: number[], length = 30): Excerpt {
  const allWords = content.split(/\s+/).filter((w) => w !== '');
  const marked = new Set(locations.filter((l) => Number.isInteger(l) && l >= 0 && l < allWords.length));
  const sorted = [...marked].sort((a, b) => a - b);
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + length) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = sorted[i]!;
    }
  }
  let start = Math.max(0, bestCount ? bestStart - LEAD : 0);
  start = Math.max(0, Math.min(start, allWords.length - length));
  const end = Math.min(allWords.length, start + length);
  const pieces: ExcerptPiece[] = [];
  for (let i = start; i < end; i++) {
    const word = stripKeys(allWords[i]!);
    const isMarked = marked.has(i);
    const last = pieces[pieces.length - 1];
    if (last && last.marked === isMarked) last.text += ` ${word}`;
    else if (!last) pieces.push({ text: word, marked: isMarked });
    // the space between a marked and an unmarked piece goes to the unmarked one
    else if (isMarked) {
      last.text += ' ';
      pieces.push({ text: word, marked: true });
    } else pieces.push({ text: ` ${word}`, marked: false });
  }
  return { pieces, before: start > 0, after: end < allWords.length };
}
