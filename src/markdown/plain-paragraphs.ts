/**
 * A shortcut for the commonest article body: paragraphs of plain prose, perhaps with simple
 * headings (`## عنوان`), which the full pipeline (render.ts) would turn into `<p id="p-N">…</p>`
 * and `<hN>…</hN>` elements and nothing else. Parsing such a body with micromark, building two
 * syntax trees and sanitising them was a third of what deriving an article cost; this gives the
 * same bytes for a small fraction of that.
 *
 * The shortcut applies only where no other Markdown syntax can be in play, and says so by
 * returning undefined otherwise (the caller then runs the full pipeline):
 * - every character is a letter, a mark, a digit, a space, a line break, `#`, or punctuation that
 *   is never Markdown syntax without the characters left out here (no `\ * _ [ ] < > & ` ~ = |`,
 *   no tab or other white space, no invisible or control character);
 * - no line starts or ends with a space (indentation, hard line breaks, trimmed white space), and
 *   none starts with `-` (a list, a thematic break or a setext underline) or with digits and
 *   `.` or `)` (an ordered list);
 * - a line that starts with `#` is a simple heading: one to six `#`, one space, then text with no
 *   `#` (so no closing sequence to strip). Elsewhere `#` is only text;
 * - there is at least one paragraph or heading.
 * Under these rules CommonMark reads each heading line as a heading and each run of other
 * non-empty lines as one paragraph whose text is its lines joined by line breaks (a heading line
 * ends a paragraph); the pipeline escapes only `&` and `<` in text (none here), gives the
 * paragraphs the ids p-1, p-2… in order, and joins the blocks with a line break; each paragraph's
 * plain text is its lines with white space collapsed (paragraphs.ts). The test
 * tests/markdown-plain.unit.test.ts holds the shortcut to the full pipeline's output.
 */

import { paragraphText, type Paragraph } from './paragraphs.ts';

/** Characters that are never Markdown syntax on their own (see above): anything else means the full pipeline. */
const PLAIN_TEXT = /^[\p{L}\p{M}\p{N} \n.,;:?!'"()«»“”‘’…،؛؟%/#\u2013\u2014-]*$/u;

/** A line the shortcut cannot take: an edge space, a leading `-`, or an ordered-list marker. */
const UNPLAIN_LINE = /^(?:[ -]|[0-9]+[.)])| $/m;

/** A heading line the shortcut can take: its level and text. */
const SIMPLE_HEADING = /^(#{1,6}) ([^# ][^#]*)$/;

/**
 * The HTML and paragraphs of a body of plain paragraphs and simple headings (what render.ts's
 * pipeline gives), or undefined when the body is anything else.
 */
export function renderPlainParagraphs(markdown: string): { html: string; paragraphs: Paragraph[] } | undefined {
  if (!PLAIN_TEXT.test(markdown) || UNPLAIN_LINE.test(markdown)) return undefined;
  const blocks: string[] = [];
  const paragraphs: Paragraph[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length === 0) return;
    const text = paragraph.join('\n');
    const anchor = `p-${paragraphs.length + 1}`;
    blocks.push(`<p id="${anchor}">${text}</p>`);
    paragraphs.push({ anchor, text: paragraphText(text) });
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    if (line === '') {
      endParagraph();
    } else if (line.startsWith('#')) {
      const heading = SIMPLE_HEADING.exec(line);
      if (!heading) return undefined;
      endParagraph();
      const level = (heading[1] as string).length;
      blocks.push(`<h${level}>${heading[2] as string}</h${level}>`);
    } else {
      paragraph.push(line);
    }
  }
  endParagraph();
  return blocks.length > 0 ? { html: blocks.join('\n'), paragraphs } : undefined;
}
