/**
 * The words of Arabic dates, folded (see date-fold.ts) and turned into regular-expression
 * sources: month names in every calendar tradition, weekdays, ordinal day numbers, and the
 * adjectives of relative dates. Built from the tables in calendar.ts; nothing is listed twice.
 */
import { EGYPTIAN_MONTHS, LEVANTINE_MONTHS, MAGHREBI_MONTHS, MONTH_SPELLING_VARIANTS, MOROCCAN_MONTHS, WEEKDAYS } from './calendar.ts';
import { foldForDates } from './date-fold.ts';

/** Horizontal white space (dates do not run across lines). */
export const H = '[^\\S\\r\\n]';
/** Not preceded by a letter or digit. */
export const B = '(?<![\\p{L}\\p{N}])';
/** Not followed by a letter or digit. */
export const E = '(?![\\p{L}\\p{N}])';
/** Word start that tolerates the conjunction clitics و/ف glued before the word. */
export const BW = '(?<=(?:^|[^\\p{L}\\p{N}])[وف]?)';
/** Word start that also tolerates the prepositions ب/ل glued before the word (بنوفمبر، لآذار). */
export const BM = '(?<=(?:^|[^\\p{L}\\p{N}])[وف]?[بل]?)';

const fold = (s: string): string => foldForDates(s).text;
/** Key for looking a matched phrase up: folded, single spaces. */
export const phraseKey = (s: string): string => fold(s).replace(/\s+/g, ' ').trim();

/** `s` as a regular expression that matches it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of phrases, longest first, spaces matching any horizontal run of white space. */
function alternation(phrases: Iterable<string>): string {
  const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return `(?:${unique.map((p) => escapeRegExp(p).replace(/ /g, `${H}+`)).join('|')})`;
}

const MONTHS = new Map<string, number>();
for (const table of [LEVANTINE_MONTHS, EGYPTIAN_MONTHS, MAGHREBI_MONTHS, MOROCCAN_MONTHS]) {
  for (const [i, name] of table.entries()) MONTHS.set(phraseKey(name), i + 1);
}
for (const [month, names] of Object.entries(MONTH_SPELLING_VARIANTS)) {
  for (const name of names) MONTHS.set(phraseKey(name), Number(month));
}

/**
 * A lookahead on the first character, put at the head of a pattern so the engine skips the
 * many positions where no date can start before trying the costlier lookbehinds.
 */
export function startsWith(...words: Iterable<string>[]): string {
  const firsts = new Set<string>();
  for (const list of words) for (const w of list) firsts.add(w[0] as string);
  return `(?=[${[...firsts].join('').replace(/[\]\\^-]/g, '\\$&')}])`;
}
/** Every month name, folded (for startsWith). */
export const monthNames = (): Iterable<string> => MONTHS.keys();

/** Month number (1-12) of a matched month name, or undefined. */
export function monthNumber(matched: string): number | undefined {
  return MONTHS.get(phraseKey(matched));
}
/** Any month name, folded. */
export const MONTH = alternation(MONTHS.keys());
/**
 * Folded month names that a glued ب/ل turns into another word (باب "door", لماي): with those
 * a glued preposition is not taken as a sign of a date.
 */
export const NO_GLUED_PREPOSITION: ReadonlySet<string> = new Set(['اب', 'ماي']);

const WEEKDAY_NAMES = new Map<string, number>();
for (const [i, name] of WEEKDAYS.entries()) WEEKDAY_NAMES.set(phraseKey(name), i);
WEEKDAY_NAMES.set(phraseKey('الثلثاء'), 2);

/** Weekday (0 = Sunday) of a matched weekday name, or undefined. */
export function weekdayNumber(matched: string): number | undefined {
  return WEEKDAY_NAMES.get(phraseKey(matched));
}
/** Any weekday name, folded. */
export const WEEKDAY = alternation(WEEKDAY_NAMES.keys());

const UNITS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
const ORDINALS = new Map<string, number>();
for (const [i, u] of UNITS.entries()) ORDINALS.set(phraseKey(u), i + 1);
ORDINALS.set(phraseKey('العاشر'), 10);
ORDINALS.set(phraseKey('الحادي عشر'), 11);
for (const [i, u] of UNITS.slice(1).entries()) ORDINALS.set(phraseKey(`${u} عشر`), i + 12);
ORDINALS.set(phraseKey('العشرين'), 20);
ORDINALS.set(phraseKey('الحادي والعشرين'), 21);
for (const [i, u] of UNITS.slice(1).entries()) ORDINALS.set(phraseKey(`${u} والعشرين`), i + 22);
ORDINALS.set(phraseKey('الثلاثين'), 30);
ORDINALS.set(phraseKey('الحادي والثلاثين'), 31);

/** Day of the month (1-31) of a matched ordinal such as "الحادي والعشرين", or undefined. */
export function ordinalDay(matched: string): number | undefined {
  return ORDINALS.get(phraseKey(matched).replace(/ و /g, ' و'));
}
/** Any masculine ordinal day word from الأول to الحادي والثلاثين ("و" may stand apart). */
export const ORDINAL = alternation(ORDINALS.keys()).replace(/و(?=العشرين|الثلاثين)/g, `و${H}*`);

/** Adjectives placing a weekday, month or year before, at or after the publication date. */
export const PAST = '(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته)';
export const CURRENT = '(?:الحالي|الحاليه|الجاري|الجاريه)';
export const NEXT = '(?:المقبل|المقبله|القادم|القادمه)';

/** -1, 0 or +1 for a matched PAST, CURRENT or NEXT adjective. */
export function direction(matched: string): -1 | 0 | 1 {
  if (new RegExp(`^${PAST}$`, 'u').test(matched)) return -1;
  if (new RegExp(`^${NEXT}$`, 'u').test(matched)) return 1;
  return 0;
}

/** A Gregorian year as a date expression may write it: 1900-2100, four digits. */
export const YEAR = '(?<!\\p{N})(?:19\\d\\d|20\\d\\d|2100)(?!\\p{N})';
