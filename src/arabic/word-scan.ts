/**
 * The words of a text exactly as words() in ./normalise.ts cuts them, found by a table lookup per
 * UTF-16 code unit instead of a Unicode-property regex and a regex test on each word's edges.
 * The search index cuts millions of words per build (src/search/index-keys.ts), where that
 * difference is most of the cost of cutting; everywhere else words() is plenty.
 *
 * The table is built on first use from the very character classes words() uses, so the two
 * cannot drift apart: each BMP code unit is tested once against them. Characters outside the
 * BMP (a surrogate pair) are tested as they are met and remembered; a lone surrogate is never
 * part of a word, as in words() (a /u regex reads it as a code point of its own, which is no
 * letter, number or mark).
 */
import type { Word } from './normalise.ts';

/** The same classes as WORD_RUN and INVISIBLE_IN_WORD in ./normalise.ts, for one code point. */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}\u00AD\u061C\u200C-\u200F\u2060\uFEFF]$/u;
const INVISIBLE_IN_WORD = /^[\u00AD\u061C\u200C-\u200F\u2060\uFEFF]$/u;

const OTHER = 0;
const IN_WORD = 1;
/** In a word, but never at its edges: trimmed off a run's ends. */
const INVISIBLE = 2;

let bmp: Uint8Array | undefined;
const astral = new Map<number, boolean>();

function bmpClasses(): Uint8Array {
  if (bmp) return bmp;
  const table = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) {
    if (u >= 0xd800 && u <= 0xdfff) continue; // surrogates: handled as pairs, alone never in a word
    const c = String.fromCharCode(u);
    if (INVISIBLE_IN_WORD.test(c)) table[u] = INVISIBLE;
    else if (WORD_CHARACTER.test(c)) table[u] = IN_WORD;
  }
  return (bmp = table);
}

function isAstralWordCharacter(codePoint: number): boolean {
  let yes = astral.get(codePoint);
  if (yes === undefined) astral.set(codePoint, (yes = WORD_CHARACTER.test(String.fromCodePoint(codePoint))));
  return yes;
}

/** The words of a text with their offsets, identical to words(text). */
export function scanWords(text: string): Word[] {
  const table = bmpClasses();
  const out: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // skip to the start of a run
    let runStart = -1;
    while (i < n) {
      const u = text.charCodeAt(i);
      if (table[u] !== OTHER) {
        runStart = i;
        break;
      }
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff && isAstralWordCharacter(((u - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) {
          runStart = i;
          break;
        }
      }
      i++;
    }
    if (runStart < 0) break;
    // the run: word characters, a pair counting as one
    let start = -1; // first visible character
    let end = -1; // just after the last visible character
    while (i < n) {
      const u = text.charCodeAt(i);
      const cls = table[u]!;
      if (cls === IN_WORD) {
        if (start < 0) start = i;
        end = ++i;
      } else if (cls === INVISIBLE) {
        i++;
      } else if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff && isAstralWordCharacter(((u - 0xd800) << 10) + (low - 0xdc00) + 0x10000))) break;
        if (start < 0) start = i;
        end = i += 2;
      } else {
        break;
      }
    }
    if (start >= 0) out.push({ word: text.slice(start, end), start, end });
  }
  return out;
}
