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

/** UTF-8 but for a few bad bytes (rather than another encoding, where nearly every byte above 0x7F fails). */
function damagedUtf8(bytes: Uint8Array): boolean {
  const high = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  const bad = (new TextDecoder('utf-8').decode(bytes).match(/\ufffd/g) ?? []).length;
  return high > 0 && bad < 0.05 * high;
}

/**
 * The page read as Windows-1256 when its text (markup aside, which is Latin in any page) reads
 * as Arabic: most letters Arabic, and the bytes above 0x7F Arabic letters rather than accented
 * Latin ones. Otherwise undefined.
 */
function windows1256Page(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('windows-1256').decode(bytes);
  const visible = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ');
  const letters = visible.match(/\p{L}/gu) ?? [];
  const arabic = letters.filter((c) => ARABIC.test(c)).length;
  const accented = letters.filter((c) => /[\u00c0-\u024f]/u.test(c)).length;
  if (arabic < 2 || arabic < 0.4 * letters.length || accented > 0.2 * (arabic + accented)) return undefined;
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

export function decodePage(bytes: Uint8Array, declared?: { label: string; where: string }): PageDecodeResult {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declaration = hasBom ? undefined : (declared ?? declaredCharset(bytes));
  const fallback = (why: string): PageDecodeResult => {
    const decoded = decodeBytes(bytes);
    if (decoded.ok) return { ok: true, text: decoded.text, encoding: why ? `${decoded.encoding} (${why})` : decoded.encoding };
    const arabic = decoded.reason === 'not-text' ? windows1256Page(bytes) : undefined;
    if (arabic) return { ok: true, text: arabic, encoding: why ? `windows-1256 (${why})` : 'windows-1256' };
    return { ok: false, message: decoded.message };
  };
  if (!declaration) return fallback('');
  const decoder = decoderFor(declaration.label);
  if (!decoder) return fallback(`${declaration.where} names "${declaration.label}", an encoding not known here; read by its bytes`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    if (decoder.encoding === 'utf-8' && damagedUtf8(bytes)) {
      return { ok: false, message: `is a page in UTF-8 (${declaration.where}) with a few damaged bytes: it was cut or corrupted; save the page again` };
    }
    return fallback(`${declaration.where} says ${declaration.label}, but the bytes are not; read by its bytes`);
  }
  if (!ARABIC.test(text) && decoder.encoding !== 'utf-8') {
    // A Latin label on an Arabic page: the bytes may be Windows-1256 all the same.
    const other = windows1256Page(bytes);
    if (other) return { ok: true, text: other, encoding: `windows-1256 (${declaration.where} says ${declaration.label}, but the bytes read as Arabic only in windows-1256)` };
  }
  const normalised = text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  if (/^\s*$/u.test(normalised)) return { ok: false, message: 'contains only blank space: there is no text in it' };
  return { ok: true, text: normalised, encoding: `${decoder.encoding} (${declaration.where})` };
}
