/**
 * Arabic date expressions: one resolver for the ingest command (an article's publication date,
 * never guessed) and for event timelines (every dated mention in a body, relative ones counted
 * from the publication date).
 *
 * Matching runs on a folded copy of the text (hamza and alef variants, ى/ي, ة/ه, tatweel,
 * diacritics, Arabic-Indic and Persian digits; see date-fold.ts); offsets are reported in the
 * original. Arabic press dates are day-first; a year is a four-digit number from 1900 to 2100
 * written in a date or after a year word (عام، في، منذ…), never a bare number.
 */
import { isValidDate, weekdayOf } from './calendar.ts';
import { dateFromUrl } from './date-url.ts';
import { numericDates, namedDates, yearMentions } from './date-explicit.ts';
import { foldForDates, originalSpan } from './date-fold.ts';
import { relativeDates } from './date-relative.ts';
import type { Candidate, DateMention, ResolveOptions } from './date-types.ts';
import { toAsciiDigits } from './digits.ts';

export type { DateMention, Precision, ResolveOptions } from './date-types.ts';
export { dateFromUrl };

/** All date expressions in `text`, in order, non-overlapping (longest match wins; on a tie, explicit beats relative). */
export function findDateMentions(text: string, options: ResolveOptions = {}): DateMention[] {
  const f = foldForDates(text);
  const candidates: Candidate[] = [...numericDates(f), ...namedDates(f, options.anchor), ...yearMentions(f), ...relativeDates(f, options.anchor)];
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || Number(a.mention.kind === 'relative') - Number(b.mention.kind === 'relative') || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (chosen.every((o) => c.end <= o.start || c.start >= o.end)) chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map((c) => {
    const [start, end] = originalSpan(f, c.start, c.end);
    return { start, end, text: text.slice(start, end), ...c.mention };
  });
}

/**
 * A time zone as date lines write it: "GMT", "GMT+3", "UTC +03:00", "+03:00", the offset
 * written first, "+2GMT" / "+3 GMT" (Al-Quds and Levantine sites), or the region's abbreviation
 * ("13:33 KSA", Al-Madina; "EET", "AST", "MSK", "TRT").
 */
const ZONE_WORDS =
  '(?:(?:GMT|UTC)(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?|[+-]\\s*\\d{1,2}(?::?\\d{2})?\\s*(?:GMT|UTC)|[+-]\\d{2}:?\\d{2}|(?<![A-Za-z])(?:KSA|EET|EEST|AST|CET|CEST|BST|MSK|TRT|IRST)(?![A-Za-z]))';

/**
 * A time of day as date lines write it ("10:45", "الساعة 08 صباحاً"), with what may follow it: ص/م, صباحاً/مساءً, AM/PM, a zone
 * (GMT, GMT+3, UTC, Z, +03:00) or "بتوقيت دمشق" / "بتوقيت غرينتش" (one or two words after it).
 */
export const TIME_OF_DAY =
  // "الساعة 08 صباحاً" (Marib Press): an hour alone after الساعة, its part of the day named
  '(?:(?:الساعة|الساعه)\\s*\\d{1,2}\\s*(?=صباح|مساء|ظهر|فجر)|(?:(?:الساعة|الساعه|ساعة|ساعه|Time)\\s*[:：]?\\s*)?T?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)' +
  '(?:\\s*(?:صباحاً|صباحًا|صباحا|صباح|مساءً|مساءا|مساء|ظهراً|ظهرا|فجراً|فجرا|ص|م|AM|PM|am|pm|a\\.m\\.|p\\.m\\.))?' +
  `(?:\\s*(?:${ZONE_WORDS}|Z|(?:ب)?توقيت\\s+\\p{L}+(?:\\s+\\p{L}+)?|غرينتش|جرينتش))?` +
  // the city whose clock it is, in brackets ("08:52 (مكة المكرمة)") or at the end of the line ("7:26 م القاهرة")
  '(?:\\s*\\(\\s*(?:بتوقيت\\s+)?\\p{Script=Arabic}{3,12}(?:\\s+\\p{Script=Arabic}{3,12})?\\s*\\)|\\s+(?:ب)?\\p{Script=Arabic}{3,12}\\s*$)?';
/** A time zone standing without a time: "1st, September 2023 GMT". */
export const ZONE = ZONE_WORDS;
/** A page's counter beside its date: "قرأ 576", "المشاهدات: 1200", "340 مشاهدة". */
export const COUNTER =
  '(?:(?:قرأ|قراءة|قراءات|القراءات|مشاهدة|مشاهدات|المشاهدات|عدد المشاهدات|عدد القراءات|زيارة|زيارات|تعليق|تعليقات|views?)\\s*[:：]?\\s*\\d[\\d,.]*' +
  '|\\d[\\d,.]*\\s*(?:مشاهدة|مشاهدات|قراءة|قراءات|زيارة|تعليق|تعليقات|views?))';
/**
 * A bare count after a time of day, ending the line ("01 ديسمبر 2016 -- 19:29:39 539"): the
 * number of a counter whose icon the copy lost. Only after a time: a number beside a date alone
 * may be anything.
 */
const COUNT_AFTER_TIME = '(?<=\\d:\\d{2}(?::\\d{2})?\\s{1,3})\\d{1,7}(?=\\s*$)';
/** A print edition's number beside its date: "العدد 4523", "السنة 47 - العدد: 13522". */
const ISSUE_NUMBER = '(?:(?:السنة|السنه)\\s*[:：]?\\s*\\d{1,3}\\s*[-–|،,]?\\s*)?(?:العدد|عدد)\\s*[:：]?\\s*\\d{1,6}';
/** What may surround a date on a date line: separators, brackets, a time of day, a counter, an issue's number. */
const LINE_FILLER = new RegExp(`^(?:[\\s|،,\\-–—()[\\]«»"'.:/•·]|${TIME_OF_DAY}|${ZONE}|${COUNTER}|${COUNT_AFTER_TIME}|${ISSUE_NUMBER})*$`, 'u');

/**
 * Parses a line that is nothing but a date (as in a page's date line: "23.03.2019", "السبت 23 مارس 2019";
 * not "Time"), or undefined. Leading/trailing spaces, weekday, "|" separators and a trailing time ("10:45")
 * allowed. Only written dates count (not "أمس"); a date without a year comes back with `yearMissing`.
 */
export function parseDateLine(line: string): DateMention | undefined {
  const mentions = findDateMentions(line);
  if (mentions.length === 0 || mentions.some((m) => m.kind !== 'explicit')) return undefined;
  // One date, or the same day written twice ("2026-01-09 الجمعة 09 يناير 2026").
  const mention = mentions[0] as DateMention;
  if (mentions.length > 1 && (mention.precision !== 'day' || !mention.value || mentions.some((m) => m.value !== mention.value))) return undefined;
  let rest = '';
  let at = 0;
  for (const m of mentions) {
    rest += `${line.slice(at, m.start)} `;
    at = m.end;
  }
  rest = toAsciiDigits(rest + line.slice(at));
  return LINE_FILLER.test(rest) ? mention : undefined;
}

/**
 * The years in [earliest, latest] in which month/day fell on `weekday`. Used to infer a missing year
 * (GOLD 001: "السبت 23 آذار" → 2019 when the window is 2014–2019).
 */
export function yearsMatchingWeekday(month: number, day: number, weekday: number, earliest: number, latest: number): number[] {
  const years: number[] = [];
  for (let year = earliest; year <= latest; year++) {
    if (isValidDate(year, month, day) && weekdayOf({ year, month, day }) === weekday) years.push(year);
  }
  return years;
}

/**
 * Years (4-digit, 1900–2100) written in the text, e.g. "عام 2014", "في 2014", "2014" inside dates;
 * ascending, each once. Bare numbers outside dates and year contexts are not years.
 */
export function yearsMentioned(text: string): number[] {
  const years = new Set<number>();
  for (const m of findDateMentions(text)) {
    if (m.kind !== 'explicit') continue;
    if (m.year !== undefined) years.add(m.year);
    if (m.precision === 'year' && m.endValue) years.add(Number(m.endValue));
  }
  return [...years].sort((a, b) => a - b);
}
