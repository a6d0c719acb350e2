/**
 * Cuts a raw text into its parts: the page chrome above the headline, the headline, the lines
 * between headline and body (date lines, labels), the body, the sign-offs at its foot, material
 * the page appended (a gallery under a repeated heading), and what follows an end marker.
 * Every line dropped is kept in `dropped` with the reason, so nothing vanishes unreported.
 */
import { foldArabic } from '../arabic/normalise.ts';
import { parseDateLine } from '../arabic/dates.ts';
import { appendixStart } from './appendix.ts';
import type { ClutterRules } from './clutter-rules.ts';
import { endsLikeSentence, wordCount, type Line } from './lines.ts';
import { parseSignoff, type Signoff, type SignoffIndex } from './signoff.ts';

export interface DroppedLine {
  line: Line;
  reason: string;
}

export interface Segments {
  /** Lines above the headline (navigation, section labels, the scrape-time date). */
  chrome: Line[];
  title: Line | undefined;
  /** Between headline and body: date lines, labels, counters. */
  afterTitle: Line[];
  body: Line[];
  signoffs: Array<{ line: Line; signoff: Signoff }>;
  /** Material appended to the page that is not the article. */
  appendix: Line[];
  dropped: DroppedLine[];
}

export interface SegmentOptions {
  clutter: ClutterRules;
  signoffs: SignoffIndex;
  /** True for a line that is an outlet's name or header ("شبكة روج آفا الإعلامية"). */
  isOutletHeader(line: string): boolean;
}

/** A short line that names a section or a widget rather than saying something. */
export function isLabel(text: string): boolean {
  return wordCount(text) <= 3 && text.length <= 30 && !endsLikeSentence(text);
}

function isHeadline(text: string, options: SegmentOptions): boolean {
  const words = wordCount(text);
  return words >= 3 && words <= 40 && text.length <= 250 && !/[.]$/.test(text) && !parseDateLine(text) && !options.isOutletHeader(text);
}

export function segment(lines: Line[], options: SegmentOptions): Segments {
  const dropped: DroppedLine[] = [];
  const drop = (line: Line, reason: string) => dropped.push({ line, reason });

  // 1. The headline: the first line that reads like one, clutter aside.
  const chrome: Line[] = [];
  let i = 0;
  let title: Line | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!options.clutter.isClutter(line.text) && isHeadline(line.text, options)) {
      title = line;
      i++;
      break;
    }
    chrome.push(line);
    drop(line, 'page chrome above the headline');
  }
  if (!title) return { chrome, title, afterTitle: [], body: [], signoffs: [], appendix: [], dropped };

  // 2. Everything from an end marker on belongs to other articles.
  let end = lines.length;
  for (let j = i; j < lines.length; j++) {
    if (options.clutter.isEndMarker((lines[j] as Line).text)) {
      end = j;
      break;
    }
  }
  for (const line of lines.slice(end)) drop(line, 'after an end marker (related articles, read also)');

  // 3. Clutter anywhere, and repeats of the headline.
  const titleKey = foldArabic(title.text);
  const rest: Line[] = [];
  for (const line of lines.slice(i, end)) {
    if (options.clutter.isClutter(line.text)) drop(line, 'clutter (content/data/clutter.yml)');
    else if (foldArabic(line.text) === titleKey) drop(line, 'repeated headline');
    else rest.push(line);
  }

  // 4. Between headline and body: date lines, labels, outlet headers.
  const afterTitle: Line[] = [];
  let k = 0;
  for (; k < rest.length; k++) {
    const line = rest[k] as Line;
    if (parseDateLine(line.text) || isLabel(line.text) || options.isOutletHeader(line.text)) {
      afterTitle.push(line);
      if (!parseDateLine(line.text)) drop(line, 'label between headline and body');
    } else {
      break;
    }
  }
  let body = rest.slice(k);

  // 5. Appended material: from a heading that opens a gallery's blocks on (appendix.ts says
  // what counts as evidence; a separator or a repeated line is not).
  const start = appendixStart(body);
  const appendix = start >= 0 ? body.slice(start) : [];
  body = start >= 0 ? body.slice(0, start) : body;

  // 6. Sign-offs at the foot of the body (and trailing labels among them).
  const signoffs: Segments['signoffs'] = [];
  while (body.length > 0) {
    const last = body[body.length - 1] as Line;
    const signoff = parseSignoff(last.text, options.signoffs);
    if (signoff) signoffs.unshift({ line: last, signoff });
    else if (isLabel(last.text)) drop(last, 'label after the body');
    else break;
    body = body.slice(0, -1);
  }
  return { chrome, title, afterTitle, body, signoffs, appendix, dropped };
}
