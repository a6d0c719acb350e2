/**
 * A saved page's bytes to text, in the encoding the page declares: a byte-order mark, else
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
 * bytes (or, inside an MHTML file, the part's Content-Type), else the byte decoding raw texts get
 * (src/arabic/decode.ts: UTF-8, else Windows-1256 when it reads as Arabic). A declaration the
 * bytes contradict (a page declared UTF-8 that is not, a Latin-1 label on Arabic bytes, as older
 * Arabic sites often sent) falls back to that same decoding, and the report says so.
 */
import { decodeBytes } from '../../arabic/decode.ts';
import { headText } from './detect.ts';

export type PageDecodeResult = { ok: true; text: string; encoding: string } | { ok: false; message: string };

/** The charset a page declares in its first bytes, as written. */
export function declaredCharset(bytes: Uint8Array): { label: string; where: string } | undefined {
  const head = headText(bytes);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!charset) continue;
    if (/\bhttp-equiv\s*=/i.test(tag)) return { label: charset[1] as string, where: '<meta http-equiv="Content-Type">' };
    if (/<meta\b[^>]*\scharset\s*=/i.test(tag)) return { label: charset[1] as string, where: '<meta charset>' };
  }
  return undefined;
}

/** A WHATWG encoding label to a TextDecoder, or undefined when Node does not know it. */
function decoderFor(label: string): TextDecoder | undefined {
  // As browsers do (HTML, "prescan"): a meta tag cannot declare UTF-16, the page would not parse.
  const name = /^utf-?16/i.test(label) ? 'utf-8' : label;
  try {
    return new TextDecoder(name, { fatal: true, ignoreBOM: false });
  } catch {
    return undefined;
  }
}

const ARABIC = /[\u0621-\u064A]/u;

export function decodePage(bytes: Uint8Array, declared?: { label: string; where: string }): PageDecodeResult {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declaration = hasBom ? undefined : (declared ?? declaredCharset(bytes));
  const fallback = (why: string): PageDecodeResult => {
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return { ok: false, message: decoded.message };
    return { ok: true, text: decoded.text, encoding: why ? `${decoded.encoding} (${why})` : decoded.encoding };
  };
  if (!declaration) return fallback('');
  const decoder = decoderFor(declaration.label);
  if (!decoder) return fallback(`${declaration.where} names "${declaration.label}", an encoding not known here; read by its bytes`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return fallback(`${declaration.where} says ${declaration.label}, but the bytes are not; read by its bytes`);
  }
  if (!ARABIC.test(text)) {
    // A Latin label on an Arabic page: the bytes may be Windows-1256 all the same.
    const other = decodeBytes(bytes);
    if (other.ok && other.encoding === 'windows-1256') {
      return { ok: true, text: other.text, encoding: `windows-1256 (${declaration.where} says ${declaration.label}, but the bytes read as Arabic only in windows-1256)` };
    }
  }
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  if (/^\s*$/u.test(normalised)) return { ok: false, message: 'contains only blank space: there is no text in it' };
  return { ok: true, text: normalised, encoding: `${decoder.encoding} (${declaration.where})` };
}
