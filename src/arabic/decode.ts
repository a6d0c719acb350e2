/**
 * Bytes → text for raw articles as archivists receive them: UTF-8 (with or without a BOM),
 * UTF-16 (Windows "Unicode" text files) and Windows-1256 (older Arabic Windows and Arabic sites
 * of the 2000s). Anything else is refused with a message a user can act on.
 *
 * Order of the checks:
 * 1. no bytes → empty;
 * 2. known file signatures (PNG, JPEG, GIF, PDF, ZIP/Office, gzip, WebP…) → binary;
 * 3. a BOM decides the encoding (UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF), the BOM is
 *    dropped; bytes that the BOM's encoding cannot decode → not-text;
 * 4. NUL bytes → UTF-16 without a BOM when they all sit on one side of the byte pairs and the
 *    text decodes cleanly, otherwise binary; many other C0 control bytes → binary;
 * 5. strict UTF-8;
 * 6. UTF-8 with damage: valid UTF-8 but for a few byte sequences (a byte changed in transit, a
 *    last character cut short), at most one for every ten valid multi-byte characters. Reported
 *    with the byte offsets (reason `damaged`), and decoded with U+FFFD in their place only when
 *    the caller asks to repair (`add --repair`). Windows-1256 Arabic never looks like this: its
 *    letters are bytes that UTF-8 reads as broken sequences almost everywhere;
 * 7. Windows-1256, kept only if it reads as Arabic words, otherwise not-text;
 * then CRLF and lone CR → LF, NFC, and whitespace-only → empty.
 *
 * Invisible characters are left for cleanInvisible (./invisible.ts), which the caller runs next.
 * Node's TextDecoder (full ICU) and browsers' both know every encoding used here.
 */
import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: TextEncodingName;
      /** Damaged byte sequences replaced by U+FFFD (only with `repair`). */
      repaired?: number;
    }
  | {
      ok: false;
      reason: 'empty' | 'binary' | 'not-text' | 'damaged';
      /** Plain English, written to follow the file's name: `${file} ${message}`. */
      message: string;
      /** For `damaged`: the byte offset of each damaged sequence. */
      offsets?: number[];
    };

export interface DecodeOptions {
  /** Decode UTF-8 with a few damaged bytes, putting U+FFFD in their place. */
  repair?: boolean;
}

interface Signature {
  bytes: ReadonlyArray<number | null>; // null: any byte
  offset?: number;
  kind: string;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG image' },
  { bytes: ascii('GIF87a'), kind: 'GIF image' },
  { bytes: ascii('GIF89a'), kind: 'GIF image' },
  { bytes: ascii('%PDF-'), kind: 'PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'ZIP archive, or a Word/OpenDocument file' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'ZIP archive' },
  { bytes: [0x1f, 0x8b], kind: 'gzip archive' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], kind: 'WebP image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'old Word/Excel document' },
  { bytes: ascii('{\\rtf'), kind: 'RTF document' },
];

const SAVE_AS_TEXT = 'open it, copy the article\u2019s text and save that as a plain-text (.txt) file, UTF-8';

function signatureOf(bytes: Uint8Array): string | undefined {
  for (const sig of SIGNATURES) {
    const at = sig.offset ?? 0;
    if (bytes.length < at + sig.bytes.length) continue;
    if (sig.bytes.every((b, i) => b === null || bytes[at + i] === b)) return sig.kind;
  }
  return undefined;
}

function fail(reason: 'empty' | 'binary' | 'not-text', message: string): DecodeResult {
  return { ok: false, reason, message };
}

/**
 * Walks the bytes as UTF-8: how many valid multi-byte characters, and the offset of each broken
 * sequence (a maximal ill-formed part, as a decoder replaces each with one U+FFFD).
 */
export function scanUtf8(bytes: Uint8Array): { multibyte: number; damaged: number[] } {
  let multibyte = 0;
  const damaged: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      damaged.push(i);
      i++;
      continue;
    }
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let k = 1;
    for (; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) break;
    }
    if (k > need) {
      multibyte++;
      i += need + 1;
    } else {
      damaged.push(i);
      i += k;
    }
  }
  return { multibyte, damaged };
}

/** At most one damaged sequence for every ten valid multi-byte characters: UTF-8 with damage. */
function isDamagedUtf8(scan: { multibyte: number; damaged: number[] }): boolean {
  return scan.damaged.length > 0 && scan.multibyte >= 3 && scan.damaged.length * 10 <= scan.multibyte;
}

function damagedUtf8(bytes: Uint8Array, offset: number, encoding: 'utf-8' | 'utf-8-bom', damaged: number[], options: DecodeOptions): DecodeResult {
  const offsets = damaged.map((d) => d + offset);
  if (options.repair) {
    return { ...(finish(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding) as DecodeResult & { ok: true }), repaired: offsets.length };
  }
  const n = offsets.length;
  const listed = offsets.slice(0, 5).join(', ') + (n > 5 ? ` and ${n - 5} more` : '');
  const cut = n === 1 && (offsets[0] as number) >= offset + bytes.length - 3 ? ', the last character, cut short' : '';
  return {
    ok: false,
    reason: 'damaged',
    offsets,
    message: `is UTF-8 text with ${n === 1 ? 'one damaged byte sequence' : `${n} damaged byte sequences`} (at byte offset${n === 1 ? '' : 's'} ${listed}${cut}): save it again from its source, or pass --repair to put U+FFFD (\uFFFD) in place of ${n === 1 ? 'it' : 'them'} and add it anyway`,
  };
}

function finish(text: string, encoding: TextEncodingName): DecodeResult {
  const normalised = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (/^\s*$/u.test(normalised))
    return fail(
      'empty',
      'contains only blank space: there is no text in it; copy the article\u2019s text into it, save it and add it again (or check that this is the file you meant)',
    );
  return { ok: true, text: normalised, encoding };
}

function decodeStrict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes 0x00-0x1F other than TAB, LF, FF, CR; and 0x1A (DOS end-of-file) only at the very end. */
function controlByteCount(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d) continue;
    if (b === 0x1a && i === bytes.length - 1) continue;
    n++;
  }
  return n;
}

/** UTF-16 without a BOM: every NUL on the same side of the byte pairs. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even > 0 && odd > 0) return undefined;
  const label = odd > 0 ? 'utf-16le' : 'utf-16be';
  const text = decodeStrict(label, bytes);
  // a text: no control characters other than line breaks and tabs, and some letters
  if (text === undefined || /[\x00-\x08\x0B\x0E-\x1F]/.test(text) || !/\p{L}/u.test(text)) return undefined;
  return label;
}

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]/u;

/**
 * Windows-1256 decodes any bytes, so the result must look Arabic:
 * - at least 40% of all letters are Arabic (a German or Turkish text read as Windows-1256 has
 *   ä → ن, ß → ك here and there among a majority of ASCII letters), and
 * - at least 80% of the letters that came from bytes above 0x7F are Arabic: Latin-1 French keeps
 *   é, à, ç (Windows-1256 has them too), where Arabic text has only Arabic letters up there.
 */
function plausibleArabic(bytes: Uint8Array, text: string): boolean {
  // Windows-1256 is a single-byte encoding: character i of the text is byte i
  let arabic = 0;
  let letters = 0;
  let highOther = 0;
  let i = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (ARABIC_LETTER.test(ch)) arabic++;
      else if ((bytes[i] ?? 0) >= 0x80) highOther++;
    }
    i++;
  }
  if (!(arabic >= 2 && arabic >= 0.4 * letters && arabic >= 0.8 * (arabic + highOther))) return false;
  // Arabic words, not Latin-1 noise: in Windows-1256 Arabic, words with an Arabic letter are
  // Arabic throughout; Latin-1 or mis-decoded bytes give words mixing Arabic and Latin letters.
  const words = text.match(/\p{L}+/gu) ?? [];
  let arabicWords = 0;
  let mixed = 0;
  for (const word of words) {
    if (!ARABIC_LETTER.test(word)) continue;
    if (/[A-Za-z\u00C0-\u024F]/u.test(word)) mixed++;
    else if ([...word].length >= 2) arabicWords++;
  }
  return arabicWords >= 1 && mixed <= 0.1 * (arabicWords + mixed);
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (bytes.length === 0) return fail('empty', 'is empty (0 bytes); copy the article\u2019s text into it, save it and add it again (or check that this is the file you meant)');

  const kind = signatureOf(bytes);
  if (kind) return fail('binary', `is a binary file (${kind}), not a text: ${SAVE_AS_TEXT}`);

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict('utf-8', bytes.subarray(3));
    if (text === undefined) {
      const scan = scanUtf8(bytes.subarray(3));
      if (isDamagedUtf8(scan)) return damagedUtf8(bytes.subarray(3), 3, 'utf-8-bom', scan.damaged, options);
      return fail('not-text', 'starts with the UTF-8 mark but contains bytes that are not UTF-8: the file is damaged or was saved in a mix of encodings; save it again as UTF-8');
    }
    return finish(text, 'utf-8-bom');
  }
  for (const [b0, b1, label] of [
    [0xff, 0xfe, 'utf-16le'],
    [0xfe, 0xff, 'utf-16be'],
  ] as const) {
    if (bytes[0] === b0 && bytes[1] === b1) {
      const text = decodeStrict(label, bytes.subarray(2));
      if (text === undefined) {
        return fail(
          'not-text',
          `starts with the ${label === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'} mark but is not valid UTF-16: the file is damaged or cut short; save it again as UTF-8`,
        );
      }
      return finish(text, label);
    }
  }

  if (bytes.includes(0)) {
    const label = utf16WithoutBom(bytes);
    if (label) return finish(decodeStrict(label, bytes) ?? '', label);
    return fail('binary', `is a binary file (it contains NUL bytes), not a text: ${SAVE_AS_TEXT}`);
  }
  const controls = controlByteCount(bytes);
  if (controls > 0 && controls >= Math.max(2, bytes.length * 0.02)) {
    return fail('binary', `is a binary file (${controls} control bytes that no text contains), not a text: ${SAVE_AS_TEXT}`);
  }

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== undefined) return finish(utf8, 'utf-8');
  const scan = scanUtf8(bytes);
  if (isDamagedUtf8(scan)) return damagedUtf8(bytes, 0, 'utf-8', scan.damaged, options);

  const cp1256 = new TextDecoder('windows-1256').decode(bytes);
  if (plausibleArabic(bytes, cp1256)) return finish(cp1256, 'windows-1256');
  return fail(
    'not-text',
    'is not UTF-8 text, and read as Windows-1256 (the older Arabic Windows encoding) it is not Arabic either: it is probably in another encoding (Latin-1, Mac Arabic, ISO-8859-6?); open it in an editor that shows it correctly and save it as UTF-8',
  );
}

/**
 * What keeps bytes from being read as a UTF-8 text file, for files that must be UTF-8 already
 * (the build's content files; only `add` converts other encodings): undefined for strict UTF-8
 * without NUL bytes. The offsets say where: the first byte that is not UTF-8, or the first NUL.
 * Checked in this order: binary (by signature, NUL bytes or control bytes, as decodeBytes
 * finds), Windows-1256 Arabic, UTF-16, a NUL byte in otherwise valid text, invalid UTF-8.
 */
export type Utf8Fault =
  | { fault: 'binary'; kind: string | undefined; nulOffset: number }
  | { fault: 'windows-1256'; offset: number }
  | { fault: 'utf-16' }
  | { fault: 'nul'; offset: number }
  | { fault: 'invalid'; offset: number };

export function utf8Fault(bytes: Uint8Array): Utf8Fault | undefined {
  // isUtf8 is Node's native check of the same strict UTF-8 (no overlong forms, surrogates or code
  // points past U+10FFFF); the byte-by-byte scan runs only to find where a bad file goes wrong.
  const invalidAt = isUtf8(bytes) ? -1 : (scanUtf8(bytes).damaged[0] ?? -1);
  const nulAt = bytes.indexOf(0);
  if (invalidAt === -1 && nulAt === -1) return undefined;
  const decoded = decodeBytes(bytes);
  if (!decoded.ok && decoded.reason === 'binary') return { fault: 'binary', kind: /^is a binary file \(([^)]*)\)/.exec(decoded.message)?.[1], nulOffset: nulAt };
  if ((decoded.ok && decoded.encoding === 'windows-1256') || (nulAt === -1 && looksLikeWindows1256(bytes))) return { fault: 'windows-1256', offset: invalidAt };
  if (decoded.ok && decoded.encoding.startsWith('utf-16')) return { fault: 'utf-16' };
  if (nulAt !== -1) return { fault: 'nul', offset: nulAt };
  return { fault: 'invalid', offset: invalidAt };
}

/**
 * Whether text that is not UTF-8 reads as Arabic in Windows-1256: most of its non-ASCII bytes
 * are Arabic letters there. (A content file is mostly ASCII field names, so the share of Arabic
 * among all letters, which plausibleArabic weighs for raw texts, says little here.)
 */
function looksLikeWindows1256(bytes: Uint8Array): boolean {
  const high = [...new TextDecoder('windows-1256').decode(bytes.filter((b) => b >= 0x80))];
  const arabic = high.filter((c) => /[\u0600-\u06FF]/u.test(c)).length;
  return high.length >= 4 && arabic >= 0.8 * high.length;
}
