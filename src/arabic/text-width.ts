/**
 * How wide a line of Arabic (or Latin) text is likely to be when drawn in a font the drawing does
 * not know (build-time SVG inherits the page's font): an estimate that errs wide, for placing
 * labels on maps and timelines.
 */

/** Combining marks (harakat, shadda, Quranic marks), tatweel aside: they take no width. */
const ZERO_WIDTH = /[\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Estimated advance of `text` at `fontSize`, erring wide: Naskh letters average about half an
 * em, spaces about a quarter; Latin capitals and digits a little more than half.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (ZERO_WIDTH.test(ch)) continue;
    if (ch === ' ') em += 0.28;
    else if (/[A-Z0-9]/.test(ch)) em += 0.62;
    else em += 0.55;
  }
  return em * fontSize;
}
