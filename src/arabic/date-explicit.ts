/**
 * Matchers for dates the text writes out: numeric dates (23.03.2019, 2019-03-23), dates with
 * month names in any tradition (السبت 23 آذار/مارس 2019, الخامس من يونيو/حزيران, نوفمبر/تشرين
 * الثاني 2016, آذار الماضي) and years in year contexts (عام 2014, في 2014, 2014-2017).
 * They work on folded text (date-fold.ts) and return candidates in folded offsets.
 */
import { daysInMonth, isValidDate, type CalendarDate } from './calendar.ts';
import { originalSpan, type Folded } from './date-fold.ts';
import { everyMatchWith, groupSpan, wordAfter, wordBefore } from './date-match.ts';
import { fallsOn, formatParts, yearByDirection, yearNearAnchor } from './date-resolve.ts';
import type { Candidate } from './date-types.ts';
import {
  B,
  BM,
  BW,
  CURRENT,
  direction,
  E,
  H,
  MONTH,
  monthNumber,
  NEXT,
  NO_GLUED_PREPOSITION,
  ORDINAL,
  ordinalDay,
  PAST,
  monthNames,
  phraseKey,
  startsWith,
  WEEKDAY,
  weekdayNumber,
  YEAR,
} from './date-words.ts';

/** A weekday before a date, and what may stand between them ("السبت 23", "الأحد، 5", "الأحد. 5", "السبت | 23", "السبت23"). */
const WEEKDAY_PART = `(?:${BW}(?<wd>${WEEKDAY})(?!\\p{L})${H}*(?:[،,.|\\-–]${H}*)?)?`;

const NUMERIC = new RegExp(
  `(?=[\\dا])${WEEKDAY_PART}(?<!\\p{N}[.,/:\\-]?)(?:` +
    `(?<d>\\d{1,2})(?<s> ?[./-] ?)(?<m>\\d{1,2})\\k<s>(?<y>${YEAR})` +
    `|(?<iy>${YEAR})(?<is> ?[./-] ?)(?<im>\\d{1,2})\\k<is>(?<id>\\d{1,2}))` +
    `(?!\\p{N}|[.,/\\-]\\p{N})`,
  'gdu',
);

/** Nouns a count may follow: "قبل 2000 عام" is not a year. */
const COUNTED_WORDS =
  'عام|عاما|اعوام|سنه|سنوات|سنين|يوم|يوما|ايام|شهر|شهرا|اشهر|ساعه|ساعات|دقيقه|متر|كم|كيلومتر|كيلو|طن|دولار|شخص|قتيل|عنصر|مقاتل|جندي|غاره|منزل|عائله|مدني|نازح|لاجئ';
const COUNTED = new RegExp(`^(?:${COUNTED_WORDS})$`);

const NUMERIC_DAY =
  `(?:${B}(?<bain>بين)${H}+)?(?<!\\p{N}[.,/:]?)(?<d1>\\d{1,2})(?!\\p{N})` +
  `(?:${H}*[-–]${H}*(?<d2a>\\d{1,2})|${H}+(?:الي|حتي)${H}+(?<d2b>\\d{1,2})|${H}+و${H}*(?<d2c>\\d{1,2}))?(?!\\p{N})` +
  `${H}*(?:من${H}+)?`;
const ORDINAL_DAY = `${BW}(?<ord>${ORDINAL})${H}+من${H}+`;
/** After a month name: no letter (a digit may follow, as in "23مارس2019"). */
const ME = '(?!\\p{L})';
/** Two names of one month, joined by a slash or a dash ("آذار/مارس", "سبتمبر-أيلول", Marib Press), or the second in brackets. */
const MONTH_PART = `(?:شهر${H}+)?(?<m1>${MONTH})${ME}` + `(?:${H}*[/\\-–]${H}*(?<m2>${MONTH})${ME}|${H}*\\(${H}*(?<m3>${MONTH})${H}*\\))?`;
/**
 * "20 مايو، 2025", "22 أيلول, 2023" (WordPress's Arabic date format): a comma between month and
 * year, unless the number is a count ("في 5 أيار، 2000 مقاتل").
 */
const YEAR_COMMA = `${H}*[،,]${H}*(?=${YEAR}(?!${H}+(?:${COUNTED_WORDS})${E}))`;
const YEAR_PART = `(?:${YEAR_COMMA}|${H}*(?:(?:من${H}+)?(?:ال)?عام${H}+|سنه${H}+)?)(?<y>${YEAR})(?:${H}?م${E})?`;
const RELATIVE_YEAR = `${H}+من${H}+(?:(?:(?:ال)?عام|(?:ال)?سنه)${H}+(?<ry>${PAST}|${CURRENT}|${NEXT})|(?<rythis>هذا${H}+العام|هذه${H}+السنه))${E}`;
const RELATIVE_MONTH = `${H}+(?<rm>${PAST}|${CURRENT}|${NEXT})${E}`;

const NAMED = new RegExp(
  `${startsWith(monthNames(), '0123456789ابش')}${WEEKDAY_PART}(?:${NUMERIC_DAY}|${ORDINAL_DAY}|${BM})${MONTH_PART}(?:${YEAR_PART}|${RELATIVE_YEAR}|${RELATIVE_MONTH})?`,
  'gdu',
);

/**
 * "30.أيلول.2017", "5-آذار-2019": a day, a month name and a year joined by one separator, the same
 * on both sides (a numeric date's dot, dash or slash with the month written as a word).
 */
const NAMED_SEPARATED = new RegExp(`(?=[\\dا-ي])${WEEKDAY_PART}(?<!\\p{N}[.,/:\\-]?)(?<d1>\\d{1,2})(?<sep>[./-])(?<m1>${MONTH})\\k<sep>(?<y>${YEAR})(?![.,/\\-]?\\p{N})`, 'gdu');

/** Words after which a month name alone ("في نوفمبر") is a date. */
const MONTH_CONTEXT = new RegExp(`(?:^|[^\\p{L}\\p{N}])[وف]?(?:في|منذ|خلال|حتي|قبل|بعد|[بل]?شهر|مطلع|اوائل|مستهل|بدايه|منتصف|اواسط|اواخر|نهايه|ختام)${H}+(?:شهر${H}+)?$`, 'u');

/** Text before a month name that belongs to a date rejected as a whole. */
const LEFTOVER = new RegExp(`(?:\\p{N}|${ORDINAL}${H}+من|${MONTH}${H}*[/\\-–])${H}*(?:من${H}+)?(?:شهر${H}+)?$|${MONTH}${H}*\\(${H}*$`, 'u');

/** Words after which a bare four-digit number is a year ("في 2014", "منذ 2014"). */
const YEAR_CONTEXT = '(?:في|منذ|خلال|حتي|قبل|بعد|مطلع|اوائل|مستهل|بدايه|منتصف|اواسط|اواخر|نهايه|ختام|ربيع|صيف|خريف|شتاء)';

const YEAR_WITH_CONTEXT = new RegExp(`(?=[12])(?<=(?:^|[^\\p{L}\\p{N}])[وف]?${YEAR_CONTEXT}${H}*)(?<y>${YEAR})`, 'gdu');
const YEAR_WITH_NOUN = new RegExp(`(?=[اعسل])${BM}(?:(?:ال)?(?:عام|سنه)|لل(?:عام|سنه))${H}*(?<y>${YEAR})`, 'gdu');
const YEAR_PAIR = new RegExp(`(?=[اعس])${BM}(?:(?:ال)?عامي|(?:ال)?سنتي|العامين|السنتين)${H}+(?<ya>${YEAR})${H}+و${H}*(?<yb>${YEAR})`, 'gdu');
const YEAR_RANGE = new RegExp(
  `(?=[بم12])(?:${B}بين${H}+(?:(?:ال)?عامي|(?:ال)?سنتي|العامين|السنتين)${H}+(?<ra>${YEAR})${H}+و${H}*(?<rb>${YEAR})` +
    `|${BW}من${H}+(?:(?:ال)?عام${H}+)?(?<rc>${YEAR})${H}*(?:الي|حتي|-|–)${H}*(?:(?:ال)?عام${H}+)?(?<rd>${YEAR})` +
    `|(?<re>${YEAR})${H}*[-–]${H}*(?<rf>${YEAR}))(?![.,/\\-]\\p{N})`,
  'gdu',
);

/**
 * What every match contains, for everyMatchWith. A four-digit year: NUMERIC and every year pattern
 * hold YEAR. A month name as a word: NAMED holds one (m1), followed by no letter, and preceded by
 * no letter or by the clitics BM allows (after a day it follows a space or the day's digits).
 */
const HAS_YEAR = /(?:19\d\d|20\d\d|2100)/;
const HAS_MONTH = new RegExp(`(?:^|[^\\p{L}])[وف]?[بل]?(?:${MONTH})(?!\\p{L})`, 'u');

type Fields = Candidate['mention'];

function withWeekday(fields: Fields, weekday: number | undefined): Fields {
  if (weekday === undefined) return fields;
  const out: Fields = { ...fields, weekday };
  if (fields.precision === 'day' && fields.value && !fields.endValue) out.weekdayAgrees = fallsOn(fields.value, weekday);
  return out;
}

/**
 * Numeric dates: day-first d.m.yyyy, d/m/yyyy, d-m-yyyy, and ISO yyyy-mm-dd (also with / or .);
 * the separator may stand between two spaces ("23 . 03 . 2019"), the same both times.
 */
export function numericDates(f: Folded): Candidate[] {
  const out: Candidate[] = [];
  for (const m of everyMatchWith(NUMERIC, f.text, HAS_YEAR)) {
    const g = m.groups ?? {};
    const year = Number(g.y ?? g.iy);
    const month = Number(g.m ?? g.im);
    const day = Number(g.d ?? g.id);
    if (!isValidDate(year, month, day)) continue;
    const fields: Fields = { kind: 'explicit', precision: 'day', value: formatParts(year, month, day), year, month, day };
    out.push({ start: m.index, end: m.index + m[0].length, mention: withWeekday(fields, g.wd ? weekdayNumber(g.wd) : undefined) });
  }
  return out;
}

/** Is the month name at folded [s, e) the Levantine آب written as the word أب ("father")? */
function isFatherNotAugust(f: Folded, span: [number, number] | undefined): boolean {
  if (!span || f.text.slice(span[0], span[1]) !== 'اب') return false;
  const [s] = originalSpan(f, span[0], span[1]);
  return /[أإ]/.test(f.original[s] ?? '');
}

/** Dates with a month name: weekday, day (digits or ordinal word), month (doubled), year; also "30.أيلول.2017". */
export function namedDates(f: Folded, anchor?: CalendarDate): Candidate[] {
  const out: Candidate[] = [];
  for (const re of [NAMED, NAMED_SEPARATED]) {
    for (const m of everyMatchWith(re, f.text, HAS_MONTH)) {
      const c = namedCandidate(f, m, anchor);
      if (c) out.push(c);
    }
  }
  return out;
}

function namedCandidate(f: Folded, m: RegExpExecArray, anchor?: CalendarDate): Candidate | undefined {
  const g = m.groups ?? {};
  const m1Span = groupSpan(m, 'm1');
  const month = g.m1 ? monthNumber(g.m1) : undefined;
  if (!month || !m1Span || isFatherNotAugust(f, m1Span)) return undefined;
  const start = m.index;
  const end = m.index + m[0].length;

  // A second name must name the same month ("آذار/مارس"), or, after a slash and with no day, a
  // later one ("آذار/نيسان 2019", a range of months); anything else is not a date.
  const second = g.m2 ?? g.m3;
  const secondSpan = groupSpan(m, g.m2 ? 'm2' : 'm3');
  let doubled = false;
  let lastMonth: number | undefined; // "آذار/نيسان 2019": March to April
  if (second) {
    const other = monthNumber(second);
    if (!other || isFatherNotAugust(f, secondSpan)) return undefined;
    if (other === month) doubled = true;
    else if (g.m2 && other > month && !g.d1 && !g.ord) lastMonth = other;
    else return undefined;
  }

  const weekday = g.wd ? weekdayNumber(g.wd) : undefined;
  let day: number | undefined;
  let dayEnd: number | undefined;
  if (g.d1) {
    day = Number(g.d1);
    const d2 = g.d2a ?? g.d2b ?? g.d2c;
    if (g.d2c && !g.bain) return undefined; // "5 و7 آذار" names two days, not a range
    if (g.bain && !d2) return undefined;
    if (d2) dayEnd = Number(d2);
  } else if (g.ord) {
    day = ordinalDay(g.ord);
    const ordStart = groupSpan(m, 'ord')?.[0] ?? start;
    if (weekday === undefined) {
      // "الأسبوع الثاني من آذار" is a week, not the 2nd: an ordinal after a noun is not a day
      const before = wordBefore(f.text, ordStart);
      if (/^(?:ال|لل|بال)/.test(before) && before !== 'اليوم' && weekdayNumber(before) === undefined) return undefined;
    }
  }
  if (weekday !== undefined && (day === undefined || dayEnd !== undefined)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (dayEnd !== undefined && day !== undefined && dayEnd <= day) return undefined;

  const year = g.y ? Number(g.y) : undefined;
  const relYear = g.ry || g.rythis ? (g.ry ? direction(g.ry) : 0) : undefined;
  const relMonth = g.rm ? direction(g.rm) : undefined;

  // What is left of a rejected date is no date: "شباط 2019" of "29 شباط 2019", "نيسان" of "آذار/نيسان".
  const before = f.text.slice(Math.max(0, start - 40), start);
  if (day === undefined && weekday === undefined && LEFTOVER.test(before)) return undefined;
  // A month alone needs something saying it is a date: a context word before it, or its two names.
  if (day === undefined && year === undefined && relYear === undefined && relMonth === undefined && !doubled && !lastMonth) {
    const glued = m1Span[0] > 0 && /[بل]/.test(f.text[m1Span[0] - 1] as string);
    const gluedOk = glued && !NO_GLUED_PREPOSITION.has(phraseKey(g.m1 as string));
    if (!gluedOk && !MONTH_CONTEXT.test(f.text.slice(0, m1Span[0]).slice(-40))) return undefined;
  }

  // Impossible days are not dates: 31 شباط, 30 شباط 2019 or 29 شباط 2019.
  const maxDay = (y: number | undefined) => daysInMonth(y ?? 2000, month); // 2000: a leap year
  for (const d of [day, dayEnd]) if (d !== undefined && d > maxDay(year)) return undefined;

  const precision = day === undefined ? 'month' : 'day';
  const fields: Fields = { kind: 'explicit', precision, month };
  if (day !== undefined) fields.day = day;
  let resolvedYear: number | undefined;
  if (year !== undefined) {
    fields.year = year;
    resolvedYear = year;
  } else if (relYear !== undefined || relMonth !== undefined) {
    fields.kind = 'relative';
    if (anchor) resolvedYear = relYear !== undefined ? anchor.year + relYear : yearByDirection(anchor, relMonth as -1 | 0 | 1, month, day);
  } else {
    fields.yearMissing = true;
    if (anchor) resolvedYear = yearNearAnchor(anchor, month, day);
  }
  if (resolvedYear !== undefined) {
    const value = formatParts(resolvedYear, month, day);
    if (value) fields.value = value;
    if (value && dayEnd !== undefined) fields.endValue = formatParts(resolvedYear, month, dayEnd);
    if (value && lastMonth !== undefined) fields.endValue = formatParts(resolvedYear, lastMonth);
    if (!value && year !== undefined) return undefined;
  }
  return { start, end, mention: withWeekday(fields, weekday) };
}

/** Years: after a year word or preposition, pairs (عامي 2014 و2015) and ranges (2014-2017). */
export function yearMentions(f: Folded): Candidate[] {
  const out: Candidate[] = [];
  const year = (start: number, end: number, y: number, endY?: number): Candidate => ({
    start,
    end,
    mention: { kind: 'explicit', precision: 'year', value: String(y), year: y, ...(endY ? { endValue: String(endY) } : {}) },
  });
  for (const m of everyMatchWith(YEAR_WITH_CONTEXT, f.text, HAS_YEAR)) {
    const end = m.index + m[0].length;
    if (COUNTED.test(wordAfter(f.text, end))) continue;
    out.push(year(m.index, end, Number(m.groups?.y)));
  }
  for (const m of everyMatchWith(YEAR_WITH_NOUN, f.text, HAS_YEAR)) {
    const end = m.index + m[0].length;
    if (COUNTED.test(wordAfter(f.text, end))) continue;
    out.push(year(m.index, end, Number(m.groups?.y)));
  }
  for (const m of everyMatchWith(YEAR_PAIR, f.text, HAS_YEAR)) {
    const a = groupSpan(m, 'ya');
    const b = groupSpan(m, 'yb');
    if (!a || !b) continue;
    out.push(year(m.index, a[1], Number(m.groups?.ya)));
    out.push(year(b[0], b[1], Number(m.groups?.yb)));
  }
  for (const m of everyMatchWith(YEAR_RANGE, f.text, HAS_YEAR)) {
    const g = m.groups ?? {};
    const from = Number(g.ra ?? g.rc ?? g.re);
    const to = Number(g.rb ?? g.rd ?? g.rf);
    if (!(to > from)) continue;
    out.push(year(m.index, m.index + m[0].length, from, to));
  }
  return out;
}
