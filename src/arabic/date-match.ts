/** Small helpers the date matchers share: scanning every start position, and neighbouring words. */

/**
 * Every match of `re` (flags must include g), one per start position: after a match the search
 * goes on from the next code unit, so a longer match starting inside a shorter one is not missed.
 */
export function* everyMatch(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    re.lastIndex = m.index + 1;
  }
}

/** The word ending just before `pos` (white space between skipped; a glued و/ف clitic skipped). */
export function wordBefore(text: string, pos: number): string {
  let i = pos;
  // clitics glued to the word at pos ("والخامس", "بنوفمبر"): step over them
  while (i > pos - 2 && i > 0 && /[وفبل]/.test(text[i - 1] as string)) i--;
  const before = text.slice(Math.max(0, i - 40), i);
  return /(\p{L}+)[^\S\r\n]*$/u.exec(before)?.[1] ?? '';
}

/** The word starting just after `pos` (white space between skipped). */
export function wordAfter(text: string, pos: number): string {
  return /^[^\S\r\n]*(\p{L}+)/u.exec(text.slice(pos, pos + 40))?.[1] ?? '';
}

/** Start and end of a named group of a match made with the `d` flag. */
export function groupSpan(m: RegExpExecArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}
