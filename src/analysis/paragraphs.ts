/**
 * An article's paragraphs as the page numbers them: the top-level `<p id="p-N">` elements the
 * Markdown pipeline writes (rehype-paragraph-ids), as plain text. Reading them from the rendered
 * HTML keeps every anchor a timeline or a comparison links to in step with the page.
 */

export interface Paragraph {
  /** The element's id on the article page, e.g. `p-3`. */
  anchor: string;
  text: string;
}

const PARAGRAPH = /<p id="(p-\d+)">([\s\S]*?)<\/p>/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(html: string): string {
  return html.replace(ENTITY, (_whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return NAMED[ref.toLowerCase()] ?? '';
  });
}

export function paragraphsFromHtml(html: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of html.matchAll(PARAGRAPH)) {
    out.push({ anchor: m[1] as string, text: decode((m[2] as string).replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() });
  }
  return out;
}
