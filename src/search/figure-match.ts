/**
 * Figures in search: a number with its multiplier or counted noun, read in a query and found in a
 * page's indexed text by value and unit (src/analysis/figures.ts reads both). Pure and
 * browser-safe, and kept apart from the rest of the search script: the number and figure
 * readers weigh about 17 kB, which the search page loads (as /assets/search-figures.js) only for
 * a query that may hold a number.
 */
import { findNumbers } from '../arabic/numbers.ts';
import { foldArabic, words } from '../arabic/normalise.ts';
import { findFigures } from '../analysis/figures.ts';
import { stripKeys } from './index-keys.ts';
import type { FigureReader, QueryFigureWanted } from './query.ts';

/**
 * The figures of a query's text: a number in digits or words with a multiplier (١١ ألف,
 * خمسة ملايين) or followed by a counted noun (52 ألف كم، 500 مدني، 3 أطفال); the noun's unit as
 * src/analysis/figures.ts reads it. A bare number (2019, 52) is a word, not a figure.
 */
export function queryFigures(text: string): Array<{ start: number; end: number; typed: string; value: number; unit: string | null; words: string[] }> {
  const figures = findFigures([text]);
  const out: Array<{ start: number; end: number; typed: string; value: number; unit: string | null; words: string[] }> = [];
  for (const n of findNumbers(text)) {
    if (n.kind !== undefined) continue;
    const figure = figures.find((f) => f.start === n.start);
    const multiplied = /\p{L}/u.test(n.text);
    if (!figure && !multiplied) continue;
    const end = figure ? figure.end : n.end;
    const typed = text.slice(n.start, end);
    const folded = words(foldArabic(n.text)).map((w) => w.word);
    const digits = folded.filter((w) => /^\d/.test(w));
    out.push({ start: n.start, end, typed, value: n.value, unit: figure ? (figure.noun ?? figure.unit) : null, words: digits.length ? digits : folded });
  }
  return out;
}

/** A figure's unit meets the unit asked for: the same, or a kind of it (كم² for كم). */
function unitMeets(unit: string, wanted: string): boolean {
  return unit === wanted || unit.startsWith(wanted);
}

/** The word indexes of a figure's text in a text: every number of that value (with that counted noun, when one is wanted); [] for none. */
export function findFigure(content: string, wanted: QueryFigureWanted): number[] {
  const text = stripKeys(content);
  // the word index of a character offset: the last word starting at or before it
  const starts = [...text.matchAll(/\S+/g)].map((m) => m.index);
  const indexAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const spans: Array<{ start: number; end: number }> = [];
  if (wanted.unit === null) {
    for (const n of findNumbers(text)) if (n.kind === undefined && n.value === wanted.value) spans.push(n);
  } else {
    for (const f of findFigures([text]))
      if (f.value === wanted.value && (unitMeets(f.unit, wanted.unit) || (f.noun !== undefined && unitMeets(f.noun, wanted.unit)))) spans.push(f);
  }
  const out = new Set<number>();
  for (const span of spans) for (let i = indexAt(span.start); i <= indexAt(Math.max(span.start, span.end - 1)); i++) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** Both, as the query reader and the page checks take them. */
export const figureReader: FigureReader = { queryFigures, findFigure };
