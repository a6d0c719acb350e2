/**
 * The folding the date matchers work on: the text folded character by character with
 * normalise.ts's foldCharacter (presentation forms to their letters, letter variants merged,
 * digits to ASCII, tatweel, diacritics and invisible marks dropped), and a map back to the
 * original's offsets (a ligature's letters all map back to it).
 */
import { foldCharacter } from './normalise.ts';

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each code unit of `text`, its offset in the original. */
  origin: number[];
  /** The original text. */
  original: string;
}

/** Marks that belong to the letter before them: a span ending on a letter takes them along. */
const TRAILING_MARK = /[\u0640\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED]/;

/** Folds `original` for matching, remembering where each folded code unit came from. */
export function foldForDates(original: string): Folded {
  const chars: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const folded = foldCharacter(original[i] as string);
    // a presentation-form ligature folds to two letters or more: each maps back to it
    for (const unit of folded) {
      chars.push(unit);
      origin.push(i);
    }
  }
  return { text: chars.join(''), origin, original };
}

/** The original [start, end) of the folded span [start, end); trailing diacritics are included. */
export function originalSpan(f: Folded, start: number, end: number): [number, number] {
  const s = f.origin[start] ?? f.original.length;
  let e = end > start ? (f.origin[end - 1] ?? f.original.length - 1) + 1 : s;
  while (e < f.original.length && TRAILING_MARK.test(f.original[e] as string)) e++;
  return [s, e];
}
