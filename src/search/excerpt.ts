/**
 * Pagefind's excerpts made safe to show. An excerpt is the page's text with `<` and `>` turned
 * into `&lt;` and `&gt;` (and nothing else escaped: `&` and quotes stay as they are) and each
 * matching word wrapped in `<mark>…</mark>`. Only the marks are kept: the excerpt is cut into
 * plain-text pieces, marked or not, which the page inserts as text nodes, never as HTML.
 * Pure: no DOM.
 */

export interface ExcerptPiece {
  text: string;
  marked: boolean;
}

const MARK = /<mark>([\s\S]*?)<\/mark>/g;

/** Undoes Pagefind's escaping of `<` and `>`. */
function unescapePagefind(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The excerpt as pieces of plain text; adjacent pieces of the same kind are joined. */
export function excerptPieces(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last && last.marked === marked) last.text += text;
    else pieces.push({ text, marked });
  };
  let at = 0;
  for (const match of excerpt.matchAll(MARK)) {
    push(stripTags(excerpt.slice(at, match.index)), false);
    push(stripTags(match[1] ?? ''), true);
    at = match.index + match[0].length;
  }
  push(stripTags(excerpt.slice(at)), false);
  return pieces;
}

/** Any other tag (there should be none) is dropped, then Pagefind's escapes are undone. */
function stripTags(text: string): string {
  return unescapePagefind(text.replace(/<\/?[a-zA-Z][^>]*>/g, ''));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** The excerpt as HTML in which the only elements are `<mark>`s: everything else is escaped. */
export function excerptToHtml(excerpt: string): string {
  return excerptPieces(excerpt)
    .map((p) => (p.marked ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
    .join('');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Whether the excerpt starts after the beginning of the page's text, and whether it stops
 * before its end: where it does, the page shows an ellipsis.
 */
export function excerptCut(pieces: ExcerptPiece[], content: string): { before: boolean; after: boolean } {
  const excerpt = squash(pieces.map((p) => p.text).join(''));
  const text = squash(content);
  if (!excerpt) return { before: false, after: false };
  return { before: !text.startsWith(excerpt), after: !text.endsWith(excerpt) };
}
