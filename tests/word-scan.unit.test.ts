/**
 * scanWords (src/arabic/word-scan.ts) must cut every text exactly as words() does: the search
 * index relies on it for offsets and words alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { words } from '../src/arabic/normalise.ts';
import { scanWords } from '../src/arabic/word-scan.ts';

describe('scanWords', () => {
  it('cuts as words() does, offsets included', () => {
    const texts = [
      '',
      '   ',
      'دخلت قوات سوريا الديمقراطية، «الرقة» و”الخلافة“.',
      'الرقّة الـرقة ﺍﻟﺮﻗﺔ ٥٠٠ 500 abc_def',
      'می\u200Cخواهم \u200Cword\u200C \u200C\u200C \u00ADx\u00AD',
      'a\u200Bb', // the zero-width space separates
      '\uD835\uDC00\uD835\uDC01 x\uD83D\uDE00y', // astral letters are word characters, an emoji is not
      '\uD800 lone \uDC00 surrogates\uD800',
      '\u0301\u064Bا', // marks at the start of a run
      'x\u2060\u2060y\u2060',
    ];
    for (const text of texts) assert.deepEqual(scanWords(text), words(text), JSON.stringify(text));
  });

  it('agrees with words() on every BMP character between two letters', () => {
    for (let u = 0; u < 0x10000; u += 1) {
      const text = `ب${String.fromCharCode(u)}ت ${String.fromCharCode(u)}`;
      assert.deepEqual(scanWords(text), words(text), `U+${u.toString(16)}`);
    }
  });
});
