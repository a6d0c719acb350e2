/** A raw text as the lines that carry something: trimmed, with blank and space-only lines gone. */

export interface Line {
  /** 0-based index of the line in the raw text (for reports). */
  index: number;
  text: string;
}

/** Spaces of every kind, including no-break and zero-width ones left by web pages. */
const EDGE_SPACE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+|[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+$/g;

export function toLines(text: string): Line[] {
  return text
    .split('\n')
    .map((raw, index) => ({ index, text: raw.replace(EDGE_SPACE, '').replace(/[ \t\u00a0]{2,}/g, ' ') }))
    .filter((line) => line.text !== '');
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Ends like a sentence (so it is prose, not a label or a heading). */
export function endsLikeSentence(text: string): boolean {
  return /[.!?؟:،,؛;…»"”)\]]$/u.test(text);
}
