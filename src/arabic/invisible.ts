/**
 * Invisible characters that spoof or break text: bidi controls that reorder what a reader sees
 * (and can disguise a name or an address), zero-width characters that split a word for the
 * machine but not for the eye, stray BOMs and soft hyphens from copy-and-paste, and control
 * characters. Pure and browser-safe.
 */

/**
 * Removed wherever they are:
 * - C0 controls except TAB and LF (CR included: CRLF becomes LF, and a lone CR is turned into
 *   LF rather than removed, so the lines it separated stay apart), DEL, and C1 controls;
 * - terminal colour codes (ESC [ 31 m, or `[31m` once the ESC is gone) and noncharacters
 *   (U+FFFE, U+FFFF, U+FDD0–U+FDEF…);
 * - every format character (general category Cf): bidi embeddings, overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069), LRM, RLM, ALM (U+200E, U+200F, U+061C), zero-width space
 *   (U+200B), word joiner and invisible operators (U+2060–U+2064), BOM (U+FEFF), soft hyphen
 *   (U+00AD), Mongolian vowel separator, interlinear annotation marks, and the Unicode "tag"
 *   characters (U+E0000–U+E007F, which can smuggle invisible ASCII text);
 * except:
 * - ZWNJ (U+200C) and ZWJ (U+200D) between two letters (marks on the first letter allowed):
 *   Persian and Kurdish need ZWNJ inside words (می‌خواهم). Where several stand together between
 *   two letters, the first is kept and the others removed; at the edge of a word, they go.
 *   ZWJ is also kept between two pictographs, where it builds one emoji (👨‍👩‍👧).
 * - the visible "prepended concatenation marks" that Unicode also files as Cf: the Arabic
 *   number signs U+0600–U+0605, end of ayah U+06DD, U+08E2, the Syriac abbreviation mark U+070F,
 *   and the Kaithi number signs U+110BD, U+110CD. They are seen, so they cannot spoof.
 */
const REMOVE = /(?![\u0600-\u0605\u06DD\u070F\u08E2\u{110BD}\u{110CD}\u200C\u200D])[\p{Cf}\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/gu;
const CR = /\r\n?/g;
/**
 * Noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF…):
 * never text, and invalid in HTML.
 */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/gu;
/**
 * Terminal colour and cursor codes copied out of a terminal: ESC [ … m (and the other CSI
 * sequences), and what is left of them once the ESC byte is gone, `[31m`, `[0m`, `[1;33m`
 * (a bracket, numbers and `m`, not followed by a Latin letter).
 */
const TERMINAL_CODE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|\[(?:\d{1,3}(?:;\d{1,3}){0,4})?m(?![A-Za-z])/g;
const JOINER_RUN = /[\u200C\u200D]+/gu;
const AFTER_LETTER = /\p{L}\p{M}*$/u;
const BEFORE_LETTER = /^\p{L}/u;
const AFTER_PICTOGRAPH = /\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?$/u;
const BEFORE_PICTOGRAPH = /^\p{Extended_Pictographic}/u;

export function cleanInvisible(text: string): { text: string; removed: number } {
  let removed = 0;
  let out = text.replace(CR, () => {
    removed++;
    return '\n';
  });
  out = out.replace(TERMINAL_CODE, () => {
    removed++;
    return '';
  });
  out = out.replace(NONCHARACTER, () => {
    removed++;
    return '';
  });
  out = out.replace(REMOVE, () => {
    removed++;
    return '';
  });
  out = out.replace(JOINER_RUN, (run: string, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 8), offset);
    const after = whole.slice(offset + run.length, offset + run.length + 2);
    const betweenLetters = AFTER_LETTER.test(before) && BEFORE_LETTER.test(after);
    const inEmoji = run[0] === '\u200D' && AFTER_PICTOGRAPH.test(before) && BEFORE_PICTOGRAPH.test(after);
    if (betweenLetters || inEmoji) {
      removed += run.length - 1;
      return run[0] ?? '';
    }
    removed += run.length;
    return '';
  });
  return { text: out, removed };
}
