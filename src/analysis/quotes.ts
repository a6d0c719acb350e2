/**
 * The sentences where a person is quoted: a sentence of an article that names the person (under
 * any name, spelt loosely too) with a verb of saying (قال، أكد، أعلن، صرّح، أوضح، أضاف…, with
 * و/ف before it, in either gender) at most WINDOW words from the name, or a quotation (an opening
 * quotation mark and three words or more) starting after the name within WINDOW words. A name
 * merely in quotation marks («مظلوم كوباني») is no quotation. Pure.
 *
 * A sentence ends at . ! ? ؟ or … followed by a space, outside quotation marks (a quotation's
 * own full stops do not cut it), and at the paragraph's end.
 */
import { foldArabic, words } from '../arabic/normalise.ts';
import { isSayingWord } from '../arabic/saying.ts';
import { createPlaceMatcher, type PlaceMatch } from '../arabic/place-matcher.ts';
import type { Paragraph } from '../markdown/paragraphs.ts';

const OPENERS = new Set(['«', '“', '„']);
const CLOSERS = new Set(['»', '”']);

/** A paragraph cut into sentences, with their offsets. */
export function sentences(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let depth = 0;
  let straight = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
    else if (c === '"') straight = !straight;
    else if ((c === '.' || c === '!' || c === '?' || c === '؟' || c === '…') && depth === 0 && !straight && /\s/.test(text[i + 1] ?? ' ')) {
      let end = i + 1;
      while (end < text.length && /[.!?؟…]/.test(text[end]!)) end++;
      out.push({ start, end, text: text.slice(start, end).trim() });
      start = end;
      i = end - 1;
    }
  }
  if (text.slice(start).trim() !== '') out.push({ start, end: text.length, text: text.slice(start).trim() });
  return out.filter((s) => s.text !== '');
}

/** How far (in words) a verb of saying or a quotation may be from the name. */
const WINDOW = 8;

/** The words of a sentence that report speech: verbs of saying (proclitics read off). */
function sayingAt(sentence: string): number[] {
  const out: number[] = [];
  words(foldArabic(sentence)).forEach((w, i) => {
    if (isSayingWord(w.word)) out.push(i);
  });
  return out;
}

/** Whether the name at [start, end) of the sentence is reported speaking there. */
export function reportsSpeech(sentence: string, start: number, end: number): boolean {
  const ws = words(sentence);
  const first = ws.findIndex((w) => w.end > start);
  const last = ws.findIndex((w) => w.end >= end);
  if (first < 0) return false;
  if (sayingAt(sentence).some((i) => i >= first - WINDOW && i <= Math.max(first, last) + WINDOW)) return true;
  // a quotation opening after the name, of three words or more, within WINDOW words
  const after = sentence.slice(end);
  const open = after.search(/[«“„"]/);
  if (open < 0) return false;
  const before = words(after.slice(0, open)).length;
  const quoted = after.slice(open + 1).split(/[»”"]/)[0] ?? '';
  return before <= WINDOW && words(quoted).length >= 3;
}

export interface Quote {
  entity: string;
  /** The paragraph's anchor on the article page (p-3). */
  anchor: string;
  text: string;
}

/**
 * For people's names (key → their names), a function giving an article's quotes of each: the
 * sentences naming one of them that report speech, in order, each once per person.
 */
export function createQuoteFinder(people: Record<string, { name: string; aliases: string[] }>): (paragraphs: Paragraph[]) => Quote[] {
  const match = createPlaceMatcher(Object.entries(people).map(([key, p]) => ({ slug: key, name: p.name, variants: p.aliases, loose: true })));
  return (paragraphs) => {
    const quotes: Quote[] = [];
    for (const p of paragraphs) {
      const found: PlaceMatch[] = match(p.text);
      if (found.length === 0) continue;
      for (const s of sentences(p.text)) {
        const lead = p.text.slice(s.start, s.end).search(/\S/);
        const named = new Set<string>();
        for (const m of found) {
          if (m.start < s.start || m.end > s.end || named.has(m.slug)) continue;
          if (reportsSpeech(s.text, m.start - s.start - lead, m.end - s.start - lead)) named.add(m.slug);
        }
        for (const entity of named) quotes.push({ entity, anchor: p.anchor, text: s.text });
      }
    }
    return quotes;
  };
}
