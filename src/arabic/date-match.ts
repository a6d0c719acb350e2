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

/**
 * What every match of a pattern must contain, so that a text without it is not scanned at all:
 * the date patterns are tried at most positions of a text (their first letters, ا among them, are
 * everywhere), while the words they need (أمس, شهر, a month name, a four-digit year…) are missing
 * from most paragraphs. A string is looked for as is; a pattern (no g flag) is tested once.
 */
export type Needle = string | readonly string[] | RegExp;

function holds(text: string, needle: Needle): boolean {
  if (typeof needle === 'string') return text.includes(needle);
  if (needle instanceof RegExp) return needle.test(text);
  return needle.some((n) => text.includes(n));
}

/** everyMatch(re, text), or nothing when `text` lacks what every match of `re` contains (`needle`). */
export function everyMatchWith(re: RegExp, text: string, needle: Needle): Iterable<RegExpExecArray> {
  return holds(text, needle) ? everyMatch(re, text) : [];
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
