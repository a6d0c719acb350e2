/**
 * Is a raw file a page saved from a browser rather than a copied text? Decided by content, not by
 * the file's extension: an HTML document starts (after a byte-order mark, blank space, an XML
 * declaration and comments such as Chrome's `<!-- saved from url=… -->`) with a doctype, `<html>`
 * or `<head>`; an MHTML file ("Webpage, single file") starts with MIME headers declaring
 * multipart/related.
 */

export type SavedPageKind = 'html' | 'mhtml';

/** How many leading bytes are enough to tell. */
const HEAD_BYTES = 8192;

/** The first bytes as ASCII-compatible text (UTF-16 with a BOM decoded as such). */
export function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HEAD_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return new TextDecoder('latin1').decode(head.subarray(start));
}

const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html\b|<html[\s>]|<head[\s>])/i;

export function savedPageKind(bytes: Uint8Array): SavedPageKind | undefined {
  const head = headText(bytes);
  if (HTML_START.test(head)) return 'html';
  const headers = /^([\s\S]*?)\r?\n\r?\n/.exec(head.replace(/^\s+/, ''))?.[1];
  if (headers && /^mime-version\s*:/im.test(headers) && /^content-type\s*:\s*multipart\/related/im.test(headers)) return 'mhtml';
  return undefined;
}
