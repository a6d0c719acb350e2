/**
 * An article's paragraphs as its page numbers them: the top-level paragraphs of the rendered
 * body, each with the anchor rehype-paragraph-ids gives it (`p-1`, `p-2`, …) and its plain text.
 * The render (render.ts) takes them from the syntax tree it renders, so every anchor a timeline,
 * a comparison or a quote links to is the page's own.
 */

export interface Paragraph {
  /** The element's id on the article page, e.g. `p-3`. */
  anchor: string;
  /** Its text, every run of white space one space, trimmed. */
  text: string;
}

/** A paragraph's text as consumers read it: the characters it shows, white space collapsed and trimmed. */
export function paragraphText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
