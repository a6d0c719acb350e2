import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBytes, utf8Fault, type DecodeResult } from '../src/arabic/decode.ts';

const SENTENCE = 'أعلنت «قسد» القضاء على داعش في الباغوز، السبت 23 آذار 2019.\nالرقة ودير الزور.';

/**
 * Windows-1256 bytes of the Arabic letters and signs used here, written from the code page
 * (not computed with the decoder under test).
 */
const CP1256: Record<string, number> = {
  ء: 0xc1,
  آ: 0xc2,
  أ: 0xc3,
  ؤ: 0xc4,
  إ: 0xc5,
  ئ: 0xc6,
  ا: 0xc7,
  ب: 0xc8,
  ة: 0xc9,
  ت: 0xca,
  ث: 0xcb,
  ج: 0xcc,
  ح: 0xcd,
  خ: 0xce,
  د: 0xcf,
  ذ: 0xd0,
  ر: 0xd1,
  ز: 0xd2,
  س: 0xd3,
  ش: 0xd4,
  ص: 0xd5,
  ض: 0xd6,
  ط: 0xd8,
  ظ: 0xd9,
  ع: 0xda,
  غ: 0xdb,
  ف: 0xdd,
  ق: 0xde,
  ك: 0xdf,
  ل: 0xe1,
  م: 0xe3,
  ن: 0xe4,
  ه: 0xe5,
  و: 0xe6,
  ى: 0xec,
  ي: 0xed,
  '،': 0xa1,
  '«': 0xab,
  '»': 0xbb,
  '؟': 0xbf,
};

function cp1256(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    const b = CP1256[ch];
    if (b === undefined) throw new Error(`no Windows-1256 byte for ${ch} in the test's table`);
    return b;
  });
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());
const concat = (...parts: Array<ArrayLike<number>>) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

function ok(result: DecodeResult): { text: string; encoding: string } {
  assert.ok(result.ok, result.ok ? '' : `${result.reason}: ${result.message}`);
  return { text: result.text, encoding: result.encoding };
}

function refused(result: DecodeResult, reason: 'empty' | 'binary' | 'not-text'): string {
  assert.equal(result.ok, false, 'decoded, but should have been refused');
  if (result.ok) return '';
  assert.equal(result.reason, reason, result.message);
  return result.message;
}

describe('decodeBytes: encodings', () => {
  it('writes الرقة in Windows-1256 as C7 E1 D1 DE C9', () => {
    assert.deepEqual(Array.from(cp1256('الرقة')), [0xc7, 0xe1, 0xd1, 0xde, 0xc9]);
    assert.deepEqual(ok(decodeBytes(Uint8Array.from([0xc7, 0xe1, 0xd1, 0xde, 0xc9]))), { text: 'الرقة', encoding: 'windows-1256' });
  });

  const cases: Array<[string, Uint8Array]> = [
    ['utf-8', utf8(SENTENCE)],
    ['utf-8-bom', concat([0xef, 0xbb, 0xbf], utf8(SENTENCE))],
    ['utf-16le', concat([0xff, 0xfe], utf16le(SENTENCE))],
    ['utf-16be', concat([0xfe, 0xff], utf16be(SENTENCE))],
    ['windows-1256', cp1256(SENTENCE)],
  ];
  for (const [encoding, bytes] of cases) {
    it(`reads the same sentence from ${encoding}`, () => {
      assert.deepEqual(ok(decodeBytes(bytes)), { text: SENTENCE, encoding });
    });
  }

  it('reads UTF-16 without a BOM when the NUL bytes say so', () => {
    assert.deepEqual(ok(decodeBytes(utf16le(SENTENCE))), { text: SENTENCE, encoding: 'utf-16le' });
    assert.deepEqual(ok(decodeBytes(utf16be(SENTENCE))), { text: SENTENCE, encoding: 'utf-16be' });
  });

  it('strips only the first BOM (later ones are left for cleanInvisible)', () => {
    assert.equal(ok(decodeBytes(concat([0xef, 0xbb, 0xbf], utf8('\uFEFFنص')))).text, '\uFEFFنص');
  });

  it('reads a Windows-1256 file ending in a DOS end-of-file byte', () => {
    assert.equal(ok(decodeBytes(concat(cp1256('دير الزور'), [0x1a]))).text, 'دير الزور\u001A');
  });
});

describe('decodeBytes: line ends and normalisation', () => {
  it('turns CRLF and lone CR into LF', () => {
    assert.equal(ok(decodeBytes(utf8('سطر أول\r\nسطر ثان\rسطر ثالث\n'))).text, 'سطر أول\nسطر ثان\nسطر ثالث\n');
    assert.equal(ok(decodeBytes(cp1256('الرقة\r\nدير الزور\r'))).text, 'الرقة\nدير الزور\n');
    assert.equal(ok(decodeBytes(concat([0xff, 0xfe], utf16le('أ\r\nب')))).text, 'أ\nب');
  });
  it('composes decomposed sequences (NFC)', () => {
    assert.equal(ok(decodeBytes(utf8('\u0627\u0653ذار'))).text, 'آذار');
    assert.equal(ok(decodeBytes(utf8('\u064A\u0654'))).text, 'ئ');
    assert.equal(ok(decodeBytes(utf8('cafe\u0301'))).text, 'café');
  });
});

describe('decodeBytes: refusals', () => {
  it('refuses empty and blank files', () => {
    assert.match(refused(decodeBytes(new Uint8Array()), 'empty'), /empty/);
    refused(decodeBytes(utf8('  \n\t \r\n \u00A0')), 'empty');
    refused(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf])), 'empty');
    refused(decodeBytes(concat([0xff, 0xfe], utf16le(' \n '))), 'empty');
  });

  it('names the kind of a binary file', () => {
    const tail = [0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    const files: Array<[string, number[]]> = [
      ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail]],
      ['JPEG image', [0xff, 0xd8, 0xff, 0xe0, ...tail]],
      ['GIF image', [...Buffer.from('GIF89a'), ...tail]],
      ['PDF document', [...Buffer.from('%PDF-1.7\n%âãÏÓ\n')]],
      ['ZIP archive', [0x50, 0x4b, 0x03, 0x04, ...tail]],
    ];
    for (const [kind, bytes] of files) {
      const message = refused(decodeBytes(Uint8Array.from(bytes)), 'binary');
      assert.ok(message.startsWith(`is a binary file (${kind}`), message);
      assert.match(message, /not a text/);
    }
  });

  it('refuses NUL bytes outside UTF-16 and text full of control bytes', () => {
    assert.match(refused(decodeBytes(concat(utf8('نص'), [0x00, 0x01, 0x00, 0x00, 0x02, 0x00, 0x00, 0xff])), 'binary'), /NUL/);
    refused(decodeBytes(Uint8Array.from([0x41, 0x00, 0x00, 0x42, 0x43])), 'binary');
    refused(decodeBytes(concat(utf8('نص'), [0x01, 0x02, 0x03, 0x04, 0x05, 0x06])), 'binary');
  });

  it('refuses text that is neither UTF-8 nor Arabic in Windows-1256', () => {
    const french = new Uint8Array(Buffer.from('Le café était très élégant, à côté de la forêt où règne l’été.\n'.replace('’', "'"), 'latin1'));
    const message = refused(decodeBytes(french), 'not-text');
    assert.match(message, /not UTF-8/);
    assert.match(message, /Windows-1256/);
    // German Latin-1, whose ä and ß are Arabic letters (ن, ك) in Windows-1256
    refused(decodeBytes(new Uint8Array(Buffer.from('Die Größe der Straße in München ist für Bären schön, sagt Jürgen Weiß.', 'latin1'))), 'not-text');
    // Arabic in Windows-1256 with a Latin passage is still Arabic
    assert.equal(ok(decodeBytes(cp1256('قالت قوات سوريا الديمقراطية (SDF) على تويتر: Baghuz'))).encoding, 'windows-1256');
  });

  it('refuses a file whose BOM promises an encoding its bytes break', () => {
    assert.match(refused(decodeBytes(concat([0xef, 0xbb, 0xbf], utf8('نص'), [0xc7, 0xe1])), 'not-text'), /UTF-8/);
    refused(decodeBytes(concat([0xff, 0xfe], utf16le('نص'), [0x00, 0xd8])), 'not-text'); // lone surrogate
  });
});

describe('decodeBytes: UTF-8 with damage (issue 18.3)', () => {
  const text = `${SENTENCE}\n${SENTENCE}`;
  const damaged = (at: number, by = 0x20) => {
    const bytes = utf8(text);
    bytes[at] = by;
    return bytes;
  };
  const firstArabic = utf8(text).findIndex((b) => b >= 0x80);

  it('reports one damaged byte with its offset, and is never read as Windows-1256', () => {
    const result = decodeBytes(damaged(firstArabic + 1));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.reason, 'damaged');
    assert.deepEqual(result.offsets, [firstArabic]);
    assert.match(result.message, new RegExp(`one damaged byte sequence \\(at byte offset ${firstArabic}\\): save it again from its source, or pass --repair`));
  });

  it('says a truncated last character is cut short', () => {
    const bytes = utf8(`${text}ب`).subarray(0, utf8(`${text}ب`).length - 1);
    const result = decodeBytes(bytes);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /cut short/);
  });

  it('treats the same file with a BOM the same way', () => {
    const result = decodeBytes(concat([0xef, 0xbb, 0xbf], damaged(firstArabic + 1)));
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.offsets, [firstArabic + 3]);
  });

  it('with repair, puts U+FFFD in place of each damaged sequence and counts them', () => {
    const bytes = damaged(firstArabic + 1);
    bytes[firstArabic + 41] = 0x41;
    const result = decodeBytes(bytes, { repair: true });
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.repaired, [...result.text].filter((c) => c === '\uFFFD').length);
    assert.ok((result.repaired ?? 0) >= 1);
  });

  it('still reads real Windows-1256 as Windows-1256, and a mostly broken file is not damaged UTF-8', () => {
    assert.equal(ok(decodeBytes(cp1256(SENTENCE))).encoding, 'windows-1256');
    const half = utf8(text).map((b, i) => (b >= 0x80 && i % 3 === 0 ? 0x20 : b));
    const result = decodeBytes(half);
    assert.ok(!result.ok || result.encoding !== 'utf-8', 'a file broken everywhere is not repaired as UTF-8');
  });

  it('refuses Latin-1 noise that Windows-1256 would read as letters mixed with Arabic ones', () => {
    // "café à l'été, déjà vu" in Latin-1, where é (E9) and à (E0) are Arabic letters in Windows-1256.
    const latin1 = Uint8Array.from([..."Le café à l'été: déjà payé, très réussi. Où êtes-vous?"], (c) => c.charCodeAt(0));
    const result = decodeBytes(latin1);
    assert.ok(!result.ok, result.ok ? `read as ${result.encoding}: ${result.text}` : '');
  });
});

describe('utf8Fault: why a file that must be UTF-8 is not', () => {
  const bytes = (...parts: Array<string | number[]>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

  it('finds nothing wrong with strict UTF-8, with or without a BOM', () => {
    assert.equal(utf8Fault(utf8(SENTENCE)), undefined);
    assert.equal(utf8Fault(bytes([0xef, 0xbb, 0xbf], SENTENCE)), undefined);
  });

  it('names a binary file by its signature, and the first NUL of one full of them', () => {
    assert.deepEqual(utf8Fault(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest')), { fault: 'binary', kind: 'PNG image', nulOffset: -1 });
    assert.deepEqual(utf8Fault(bytes('ab\n', [0, 1, 0, 0, 0, 7])), { fault: 'binary', kind: 'it contains NUL bytes', nulOffset: 3 });
  });

  it('tells Windows-1256 Arabic from UTF-8, at the first byte UTF-8 cannot read', () => {
    assert.deepEqual(utf8Fault(bytes('title: ', [...cp1256('الرقة والباغوز')])), { fault: 'windows-1256', offset: 7 });
  });

  it('tells UTF-16 with its mark', () => {
    assert.deepEqual(utf8Fault(Uint8Array.from([0xff, 0xfe, ...Buffer.from('الرقة', 'utf16le')])), { fault: 'utf-16' });
  });

  it('points at a NUL in text marked as UTF-8, and at the first invalid byte otherwise', () => {
    assert.deepEqual(utf8Fault(bytes([0xef, 0xbb, 0xbf], SENTENCE, [0], SENTENCE)), { fault: 'nul', offset: 3 + Buffer.byteLength(SENTENCE) });
    assert.deepEqual(utf8Fault(bytes('title: x\n', [0xc3, 0x28], '\n')), { fault: 'invalid', offset: 9 });
  });
});
