/**
 * The HTML document inside an MHTML file (Chrome's and Edge's "Webpage, single file"; RFC 2557):
 * MIME headers declaring multipart/related with a boundary, then parts, each with its own headers
 * (Content-Type, Content-Transfer-Encoding, Content-Location). The page is the first text/html
 * part (or the one the root `start` names); its body is quoted-printable, base64 or plain.
 * Other parts (images, styles, frames) are left alone.
 */

export interface MhtmlPage {
  /** The HTML part's bytes, decoded from its transfer encoding. */
  html: Uint8Array;
  /** The part's declared charset, if any. */
  charset?: string;
  /** The page's address: the part's Content-Location, or the file's Snapshot-Content-Location. */
  location?: string;
}

export type MhtmlResult = { ok: true; page: MhtmlPage } | { ok: false; message: string };

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Headers of a MIME block (folded continuation lines joined), lowercased names. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a header value: `boundary="----x"`, `charset=windows-1256`. */
export function headerParameter(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2]) : undefined;
}

function splitHead(text: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return { head: text, body: '' };
  return { head: text.slice(0, match.index), body: text.slice(match.index + match[0].length) };
}

/** Quoted-printable (RFC 2045) to bytes: `=XX` escapes and `=` soft line breaks. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const out: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      out.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(c & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  const kind = (encoding ?? '').toLowerCase();
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body);
  if (kind === 'base64') return Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  return Uint8Array.from(Buffer.from(body, 'latin1'));
}

export function htmlPartOfMhtml(bytes: Uint8Array): MhtmlResult {
  // MIME is 7-bit or 8-bit text; latin1 keeps every byte as one character, so parts slice cleanly.
  const text = Buffer.from(bytes).toString('latin1').replace(/^\s+/, '');
  const { head, body } = splitHead(text);
  const headers = parseHeaders(head);
  const boundary = headerParameter(headers.get('content-type'), 'boundary');
  if (!boundary) return { ok: false, message: 'is an MHTML file without a part boundary: it is damaged; save the page again, or save it as "Webpage, HTML only"' };
  const parts: Part[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break; // the closing delimiter
    const part = splitHead(chunk.replace(/^[ \t]*\r?\n/, ''));
    parts.push({ headers: parseHeaders(part.head), body: part.body.replace(/\r?\n$/, '') });
  }
  const start = headerParameter(headers.get('content-type'), 'start');
  const isHtml = (p: Part) => /^\s*text\/html\b/i.test(p.headers.get('content-type') ?? '');
  const page = (start && parts.find((p) => isHtml(p) && p.headers.get('content-id') === start)) || parts.find(isHtml);
  if (!page) return { ok: false, message: 'is an MHTML file with no HTML part: there is no page in it to read; save the page again' };
  const location = page.headers.get('content-location') ?? headers.get('snapshot-content-location');
  return {
    ok: true,
    page: {
      html: decodeBody(page.body, page.headers.get('content-transfer-encoding')),
      charset: headerParameter(page.headers.get('content-type'), 'charset'),
      location: location && /^https?:\/\//i.test(location) ? location : undefined,
    },
  };
}
