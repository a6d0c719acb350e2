/**
 * The article's text out of a saved page's HTML, as lines the text path reads like a copied
 * text: Mozilla's Readability (the engine of Firefox's reader view) run over a linkedom
 * document picks the article's container and drops navigation, sidebars and comments; the
 * container is then written out one block (paragraph, heading, list item, table row, <br>)
 * a line. Scripts, styles, forms, embeds and images never become text; figure captions are
 * left out and counted. What is left of share bars and "read also" lists is for the text path's
 * clutter rules, as in a copied text.
 *
 * Readability drops the page's header, and with it, often, the date line under the headline;
 * `dateLineNearHeadline` looks for it in the page itself, only between the headline and the
 * article's first paragraph (never in the page's header, where the day's date stands).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseDateLine } from '../../arabic/dates.ts';
import { collapse } from './metadata.ts';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'svg',
  'math',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'source',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'form',
  'head',
  'title',
  'link',
  'meta',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'body',
  'html',
]);

export interface ExtractedText {
  lines: string[];
  /** Whether Readability found an article container (otherwise the whole body was read). */
  readability: boolean;
  byline?: string;
  captionsLeftOut: number;
}

/** The text of an element, one block a line. */
export function blockLines(root: Node): { lines: string[]; captions: number } {
  const lines: string[] = [];
  let current = '';
  let captions = 0;
  const flush = () => {
    const line = collapse(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'figcaption') {
      captions++;
      return;
    }
    if (tag === 'br') return flush();
    const block = BLOCK.has(tag) || tag === 'td' || tag === 'th';
    if (block && tag !== 'td' && tag !== 'th') flush();
    else if (tag === 'td' || tag === 'th') current += ' ';
    for (const child of node.childNodes) walk(child);
    if (block && tag !== 'td' && tag !== 'th') flush();
  };
  walk(root);
  flush();
  return { lines, captions };
}

/** Readability changes the document it reads: pass one nothing else will read afterwards. */
export function extractArticle(document: Document): ExtractedText {
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(document, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    parsed = null;
  }
  if (parsed?.content) {
    const { document: article } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    const { lines, captions } = blockLines(article.body);
    if (lines.length > 0) {
      const byline = parsed.byline ? collapse(parsed.byline) : undefined;
      return { lines, readability: true, byline: byline || undefined, captionsLeftOut: captions };
    }
  }
  // No container found: the whole body, for the text path's rules to cut as a copied page.
  const { lines, captions } = blockLines(document.body ?? document.documentElement);
  return { lines, readability: false, captionsLeftOut: captions };
}

/**
 * A date line standing between the headline `<h1>` and the article's first paragraph (a
 * `<time>` element, or a short block that is nothing but a date), as the page shows it.
 */
export function dateLineNearHeadline(document: Document, headline: string): string | undefined {
  const h1 = [...document.querySelectorAll('h1')].find((h) => collapse(h.textContent ?? '') === headline);
  if (!h1) return undefined;
  // Document order from the h1 on: blocks until the first real paragraph.
  const all = [...document.querySelectorAll('*')];
  const from = all.indexOf(h1);
  for (const el of all.slice(from + 1, from + 400)) {
    if (h1.contains(el)) continue;
    const tag = el.tagName.toLowerCase();
    const text = collapse(el.textContent ?? '');
    if (tag === 'p' && text.length > 120) return undefined;
    if (text === '' || text.length > 80 || SKIP.has(tag)) continue;
    if (tag === 'time' || el.children.length === 0 || /date|time|publish/i.test(el.getAttribute('class') ?? '')) {
      const line = publicationDateLine(text);
      if (line) return line;
    }
  }
  return undefined;
}

/** Labels that say a date is the publication date (an update date, "آخر تحديث", is not one). */
const PUBLISHED_LABEL = /^(?:نشر(?:\s+(?:في|بتاريخ))?|تاريخ النشر|بتاريخ|published(?:\s+on)?)\s*[:：]*\s*/iu;

/** A line that is the page's publication date: a date line, or one under a publication label (the label removed). */
export function publicationDateLine(text: string): string | undefined {
  if (/تحديث|updated|modified/iu.test(text)) return undefined;
  if (parseDateLine(text)) return text;
  const rest = text.replace(PUBLISHED_LABEL, '');
  return rest !== text && parseDateLine(rest) ? rest : undefined;
}
