/**
 * A page's date line read as the press writes it: a date, perhaps after a label ("نشر في",
 * "تاريخ النشر", "آخر تحديث", "التاريخ::", "date", "Published"), perhaps two of them on one line
 * (publication and update), with a time of day, a Hijri date beside the Gregorian, or a Latin
 * month ("Mar 23, 2019", "23 March 2019"), or framed by a place or an outlet ("تركيا 20-12-2024 | 12:37",
 * "الخرطوم-2017/09/17م-إذاعة بلادي"); or a relative age ("منذ 3 ساعات"), which dates nothing.
 * Also the date glued to the first words of the text ("٢٣ مارس ٢٠١٩أعلنت").
 *
 * Pure; no decision is taken here (which date is the publication date is publication-date.ts's).
 */
import { formatIsoDate, isValidDate, weekdayOf, type CalendarDate } from './calendar.ts';
import { findDateMentions, parseDateLine, TIME_OF_DAY, ZONE, type DateMention } from './dates.ts';
import { foldForDates, originalSpan } from './date-fold.ts';
import { escapeRegExp, H, MONTH, monthNumber, WEEKDAY, weekdayNumber } from './date-words.ts';
import { toAsciiDigits } from './digits.ts';

export type DateLabel = 'published' | 'updated' | 'date' | 'relative' | 'source';

export interface DateLineEntry {
  /** What the label says this date is; undefined for a date with no label. */
  label?: DateLabel;
  /** The label as written ("آخر تحديث"). */
  labelText?: string;
  /** The date; undefined for a label with nothing after it or a relative age ("منذ 3 ساعات"). */
  mention?: DateMention;
  /** The date read month first (a numeric date whose first number can be a month too: 03/04/2019). */
  monthFirst?: string;
  /** A Hijri date beside it, and whether the two name the same day (Umm al-Qura, ±2 days). */
  hijri?: { text: string; agrees: boolean };
  /**
   * The year was written with two digits ("نُشر: 01/09/17", read after a publication label only):
   * the value reads it day first in this century; publication-date.ts wants it confirmed.
   */
  twoDigitYear?: boolean;
  /** The text of this part of the line. */
  text: string;
}

/** Labels, folded as the date matchers fold (أ/إ/آ→ا, ة→ه, ى→ي, no diacritics), longest first. */
const LABELS: Array<[DateLabel, string[]]> = [
  [
    'updated',
    [
      'اخر تحديث في',
      'اخر تعديل في',
      'تم التحديث في',
      'اخر تحديث',
      'تاريخ التحديث',
      'تم التحديث',
      'تم تحديثه',
      'اخر تعديل',
      'تاريخ التعديل',
      'محدث',
      'تحديث',
      'حدث في',
      'Last updated',
      'Last update',
      'Updated on',
      'Updated',
      'Modified',
    ],
  ],
  [
    'published',
    [
      'تاريخ النشر',
      'نشر بتاريخ',
      'نشر في',
      'نشرت في',
      'نشر يوم',
      'تم النشر',
      'اضيف في',
      'اضيف بتاريخ',
      'تاريخ الاضافه',
      'تاريخ الخبر',
      'نشر',
      'Published on',
      'Published',
      'Posted on',
      'Posted',
      'First published',
    ],
  ],
  ['date', ['التاريخ', 'بتاريخ', 'تاريخ', 'Date']],
  ['relative', ['منذ', 'قبل']],
  // "آخر تحديث 2017-09-20 - المصدر: خندان": what follows names the source, not a date
  ['source', ['المصدر', 'مصدر الخبر', 'Source']],
];

const LABEL_RE = new RegExp(
  `(?<!\\p{L})(?:${LABELS.flatMap(([, ls]) => ls)
    .sort((a, b) => b.length - a.length)
    .map((l) => escapeRegExp(l).replace(/ /g, '\\s+'))
    .join('|')})(?!\\p{L})[\\s:：\\-–—|]*`,
  'giu',
);

function labelOf(matched: string): DateLabel {
  const key = matched
    .replace(/[\s:：\-–—|]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  for (const [label, words] of LABELS) if (words.some((w) => w.toLowerCase() === key)) return label;
  return 'date';
}

const LATIN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const LATIN_MONTH = '(?<lm>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const LATIN_WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
/** "Mar 23, 2019", "March 23 2019", "23 Mar 2019", "23-Mar-2019", "2016 23 December" (the year first), with an optional weekday before. */
const LATIN_DATE = new RegExp(
  `^${LATIN_WEEKDAY}(?:${LATIN_MONTH}\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>(?:19|20)\\d\\d)|(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?[\\s-]+${LATIN_MONTH.replace('lm', 'lm2')}[\\s,-]+(?<y2>(?:19|20)\\d\\d)|(?<y3>(?:19|20)\\d\\d),?[\\s-]+(?<d3>\\d{1,2})(?:st|nd|rd|th)?[\\s-]+${LATIN_MONTH.replace('lm', 'lm3')}(?![a-z]))`,
  'iu',
);
/** Punctuation and separators that may stand around a date on its line. */
const FILLER = `[\\s|،,\\-–—()[\\]«»"'.:/•·]`;
const LEAD_FILLER = new RegExp(`^${FILLER}*`, 'u');
const TIME_FILLER = new RegExp(`^(?:${FILLER}|${TIME_OF_DAY}|${ZONE})*$`, 'u');

function latinDate(text: string): DateMention | undefined {
  const lead = LEAD_FILLER.exec(text)?.[0].length ?? 0;
  const m = LATIN_DATE.exec(text.slice(lead));
  if (!m?.groups) return undefined;
  const g = m.groups;
  const month = LATIN_MONTHS.indexOf((g.lm ?? g.lm2 ?? g.lm3 ?? '').slice(0, 3).toLowerCase()) + 1;
  const day = Number(g.d1 ?? g.d2 ?? g.d3);
  const year = Number(g.y1 ?? g.y2 ?? g.y3);
  if (!month || !isValidDate(year, month, day)) return undefined;
  if (!TIME_FILLER.test(text.slice(lead + m[0].length))) return undefined;
  return dayMention(lead, lead + m[0].length, m[0], { year, month, day });
}

/** The mention of a whole day written as `text` at [start, end) of its line. */
function dayMention(start: number, end: number, text: string, date: CalendarDate): DateMention {
  return { start, end, text, kind: 'explicit', precision: 'day', value: formatIsoDate(date), ...date };
}

/**
 * "سبتمبر 19, 2025", "الجمعة, سبتمبر 19, 2025", "السبت. سبتمبر 13th, 2025": an Arabic month name
 * written first, the day (an English ordinal's ending left on it), a comma and the year (WordPress's
 * "F j, Y" and "F jS, Y" with Arabic month names). Read on a date line only.
 */
const ARABIC_MONTH_FIRST = new RegExp(`^(?:(?<wd>${WEEKDAY})${H}*[،,.]?${H}*)?(?<m>${MONTH})${H}+(?<d>\\d{1,2})(?:st|nd|rd|th)?${H}*[،,]${H}*(?<y>(?:19|20)\\d\\d)(?!\\d)`, 'u');

function arabicMonthFirst(text: string): DateMention | undefined {
  const folded = foldForDates(text);
  const lead = LEAD_FILLER.exec(folded.text)?.[0].length ?? 0;
  const m = ARABIC_MONTH_FIRST.exec(folded.text.slice(lead));
  if (!m?.groups) return undefined;
  const month = monthNumber(m.groups.m as string);
  const day = Number(m.groups.d);
  const year = Number(m.groups.y);
  if (!month || !isValidDate(year, month, day)) return undefined;
  if (!TIME_FILLER.test(folded.text.slice(lead + m[0].length))) return undefined;
  const [start, end] = originalSpan(folded, lead, lead + m[0].length);
  const mention = dayMention(start, end, text.slice(start, end), { year, month, day });
  const weekday = m.groups.wd ? weekdayNumber(m.groups.wd) : undefined;
  if (weekday !== undefined) {
    mention.weekday = weekday;
    mention.weekdayAgrees = weekdayOf({ year, month, day }) === weekday;
  }
  return mention;
}

/**
 * "تركيا 20-12-2024 | 12:37", "عاجل9-3-2019", "الخرطوم-2017/09/17م-إذاعة بلادي": a full date
 * framed by one or two words before it (a place, a label such as عاجل) and perhaps an outlet of
 * one to four words after a dash, a bar or a slash ("السبت 21 سبتمبر-أيلول 2019 الساعة 08 صباحاً /
 * مأرب برس"). Read only on a line with no label, and only when something says the line is a date
 * line: a time of day after the date, the words glued to the date or joined to it by a dash, or
 * an outlet after a dash. A sentence has more words around its date
 * ("جرت الانتخابات في 20-12-2024"), and two words set before a bare date by a space alone
 * ("الانتخابات الرئاسية 20-12-2024") may be a heading naming an event's day: neither is read.
 * A "م" (ميلادي) right after the date is part of it.
 */
const FRAME_BEFORE = /^(\p{L}+(?:\s+\p{L}+)?)(\s*[-–—ـ|:،,]\s*|\s+|)$/u;
/** An outlet (or two joined by a dash, "مأرب برس-اخبار اليوم") after a dash, a bar or a slash, ending the line. */
const FRAME_OUTLET = /\s*[-–—ـ|/]\s*\p{L}+(?:(?:\s+|\s*[-–]\s*)\p{L}+){0,3}\s*$/u;
const FRAME_TIME = /\d{1,2}:\d{2}|الساع[ةه]\s*\d/u;

function framedDate(text: string): DateMention | undefined {
  const credit = FRAME_OUTLET.exec(text);
  const dated = credit ? text.slice(0, credit.index) : text;
  const mentions = findDateMentions(dated);
  const first = mentions[0];
  if (!first || mentions.length > 1 || first.kind !== 'explicit' || first.precision !== 'day' || !first.value) return undefined;
  const lead = dated.slice(0, first.start);
  // no words before the date: only with an outlet after it
  const before = lead.trim() === '' && credit ? undefined : (FRAME_BEFORE.exec(lead) ?? null);
  if (before === null || (before && (before[1] as string).length > 25)) return undefined;
  const after = toAsciiDigits(dated.slice(first.end)).replace(/^\s?م(?!\p{L})/u, '');
  if (!TIME_FILLER.test(after)) return undefined;
  const joined = before !== undefined && (before[2] === '' || /[-–—ـ]/u.test(before[2] as string));
  if (!joined && !credit && !FRAME_TIME.test(after)) return undefined;
  return first;
}

/** "01/09/17", "1.9.17 - 10:20": day, month and a two-digit year, the same separator twice. */
const TWO_DIGIT_YEAR = new RegExp(`^${FILLER}*(?<d>\\d{1,2})(?<s>[./-])(?<m>\\d{1,2})\\k<s>(?<y>\\d{2})(?![\\d])`, 'u');

/**
 * A numeric date with a two-digit year, read day first in this century (2000 + yy). Its order is
 * the press's (dd/mm/yy) but the page does not prove it (yy/mm/dd and mm/dd/yy exist too): the
 * entry says so, for the decision to check against the text's years or the address.
 */
function twoDigitYearDate(text: string): { mention: DateMention; monthFirst?: string } | undefined {
  const ascii = toAsciiDigits(text);
  const m = TWO_DIGIT_YEAR.exec(ascii);
  if (!m?.groups) return undefined;
  if (!TIME_FILLER.test(ascii.slice(m[0].length))) return undefined;
  const [day, month, year] = [Number(m.groups.d), Number(m.groups.m), 2000 + Number(m.groups.y)];
  if (!isValidDate(year, month, day)) return undefined;
  const start = m[0].length - `${m.groups.d}${m.groups.s}${m.groups.m}${m.groups.s}${m.groups.y}`.length;
  const mention = dayMention(start, m[0].length, text.slice(start, m[0].length), { year, month, day });
  const monthFirst = day !== month && day <= 12 && isValidDate(year, day, month) ? formatIsoDate({ year, month: day, day: month }) : undefined;
  return { mention, ...(monthFirst ? { monthFirst } : {}) };
}

const HIJRI_MONTHS = ['محرم', 'صفر', 'ربيع الاول', 'ربيع الثاني', 'جمادي الاولي', 'جمادي الاخره', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعده', 'ذو الحجه'];
const HIJRI_ALIASES: Record<string, number> = { 'ربيع الاخر': 4, 'جمادي الاول': 5, 'جمادي الثانيه': 6, 'جمادي الثاني': 6, 'ذي القعده': 11, 'ذي الحجه': 12 };
const HIJRI_NAMES = [...HIJRI_MONTHS, ...Object.keys(HIJRI_ALIASES)].sort((a, b) => b.length - a.length);
/** "17 رجب 1440 هـ" (folded): day, month name, year 1300-1599, an optional هـ. */
const HIJRI = new RegExp(`(?<![\\p{N}])(\\d{1,2})\\s*(${HIJRI_NAMES.map((n) => n.replace(/ /g, '\\s+')).join('|')})\\s*(1[345]\\d\\d)(?:\\s*ه(?![\\p{L}]))?`, 'u');

const hijriNumeric = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** Does the Gregorian `iso` fall within two days of the Hijri day/month/year (Umm al-Qura)? */
function hijriAgrees(iso: string, day: number, month: number, year: number): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  for (let shift = -2; shift <= 2; shift++) {
    const t = new Date(Date.UTC(y, m - 1, d + shift));
    const parts = hijriNumeric.formatToParts(t);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    if (get('day') === day && get('month') === month && get('year') === year) return true;
  }
  return false;
}

/** A Hijri date ("14 جمادى الآخرة 1444 هـ") in `text`: its day, month, year and original span. */
export interface HijriDate {
  start: number;
  end: number;
  day: number;
  month: number;
  year: number;
  text: string;
}

/**
 * "1439/1/13 هـ", "13/1/1439هـ": a Hijri date in numbers, the year first or last. A year from 1300
 * to 1599 is never a Gregorian one (dates.ts reads 1900-2100), so the numbers alone tell it.
 */
const HIJRI_NUMERIC =
  /(?<![\p{N}/.-])(?:(?<y1>1[345]\d\d)\s*(?<s1>[/.-])\s*(?<m1>\d{1,2})\s*\k<s1>\s*(?<d1>\d{1,2})|(?<d2>\d{1,2})\s*(?<s2>[/.-])\s*(?<m2>\d{1,2})\s*\k<s2>\s*(?<y2>1[345]\d\d))(?![\p{N}/.-])(?:\s*ه(?![\p{L}]))?/u;

/** The first Hijri date written in `text`, or undefined. */
export function hijriIn(text: string): HijriDate | undefined {
  const folded = foldForDates(text);
  const h = HIJRI.exec(folded.text);
  const n = h ? undefined : HIJRI_NUMERIC.exec(folded.text);
  if (!h && !n?.groups) return undefined;
  if (n?.groups) {
    const g = n.groups;
    const month = Number(g.m1 ?? g.m2);
    if (month < 1 || month > 12) return undefined;
    const [start, end] = originalSpan(folded, n.index, n.index + n[0].length);
    return { start, end, day: Number(g.d1 ?? g.d2), month, year: Number(g.y1 ?? g.y2), text: text.slice(start, end) };
  }
  const m = h as RegExpExecArray;
  const name = (m[2] as string).replace(/\s+/g, ' ');
  const month = HIJRI_MONTHS.indexOf(name) + 1 || (HIJRI_ALIASES[name] ?? 0);
  const [start, end] = originalSpan(folded, m.index, m.index + m[0].length);
  return { start, end, day: Number(m[1]), month, year: Number(m[3]), text: text.slice(start, end) };
}

/** Does the Hijri date name the Gregorian day `iso` (Umm al-Qura, within two days)? */
export const hijriNames = (iso: string, h: HijriDate): boolean => hijriAgrees(iso, h.day, h.month, h.year);

/**
 * "الثلاثاء 08:36 9-12-2025", "الخميس 7:05 م 14/03/2019": a time of day written between the
 * weekday and the date. Returns `text` with the time blanked (its length kept), or `text` as it was.
 */
const TIME_AFTER_WEEKDAY = new RegExp(`^(${FILLER}*${WEEKDAY}${H}*[،,]?${H}*)(${TIME_OF_DAY})(?=${H}*[|،,\\-–—]?${H}*\\d)`, 'u');

function blankTimeAfterWeekday(text: string): string {
  const folded = foldForDates(toAsciiDigits(text));
  const m = TIME_AFTER_WEEKDAY.exec(folded.text);
  if (!m) return text;
  const from = (m[1] as string).length;
  const [s, e] = originalSpan(folded, from, from + (m[2] as string).length);
  return text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
}

/**
 * The names of Material-icons ligatures that a copied page carries beside its date line
 * ("calendar_month24/12/2019 05:53 pm", "today 11 أبريل 2020 visibility 1520"): the font draws
 * them as icons, the copy keeps their names. The icons of a day, a clock, a reader or a count;
 * a count after a counter's icon goes with it. "update" and "history" mark an update date.
 */
const ICON_NAMES = [
  'calendar_month',
  'calendar_today',
  'edit_calendar',
  'date_range',
  'event_available',
  'event_note',
  'event',
  'today',
  'schedule',
  'access_time_filled',
  'access_time',
  'access_alarm',
  'watch_later',
  'query_builder',
  'more_time',
  'av_timer',
  'timer',
  'alarm',
  'person_outline',
  'person',
  'account_circle',
  'folder_open',
  'folder',
  'local_offer',
  'label',
];
const COUNT_ICONS = ['remove_red_eye', 'visibility', 'chat_bubble_outline', 'chat_bubble', 'mode_comment', 'comment', 'forum'];
const UPDATE_ICONS = ['update', 'history'];
/** An icon's name standing alone or glued to a digit: never inside a word, never before a letter. */
const iconRe = (names: string[], tail = '') => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join('|')})${tail}(?=[\\s\\p{N}|•·]|$)`, 'gu');
const ICON_RE = iconRe(ICON_NAMES);
const COUNT_ICON_RE = iconRe(COUNT_ICONS, '(?:\\s*\\d[\\d,.]*(?![\\d:/.-]))?');
const UPDATE_ICON_RE = iconRe(UPDATE_ICONS);

/** The line without the icons' names (an update icon read as the label it stands for). */
function withoutIconNames(text: string): string {
  if (!/[a-z]/.test(text)) return text;
  return text
    .replace(COUNT_ICON_RE, ' ')
    .replace(ICON_RE, ' ')
    .replace(UPDATE_ICON_RE, ' Updated ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * A piece of a time of day on a line of its own, as a copy splits a page's clock over lines
 * ("٠٣:" / "٠٨" / "م +02:00 EET"): an hour (two digits at most) or hour and minutes, a ص/م or AM/PM, a
 * zone. Something beside the ص/م must be there: "م" alone is a letter, not a time.
 */
const TIME_FRAGMENT =
  /^(?:(?<h>\d{1,2}(?::\d{2})?:?)\s*)?(?<ap>ص|م|AM|PM|am|pm|a\.m\.|p\.m\.)?\s*(?<zone>(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?\s*(?<abbr>[A-Z]{2,5})?$/u;

export function isTimeFragment(line: string): boolean {
  const g = TIME_FRAGMENT.exec(toAsciiDigits(line.trim()))?.groups;
  if (!g) return false;
  return g.h !== undefined || g.zone !== undefined || (g.ap !== undefined && g.abbr !== undefined);
}

/** A part of the line after its label: a date and nothing else but time and separators. */
function readPart(text: string, reading: { framed: boolean; twoDigitYear: boolean }): Omit<DateLineEntry, 'label' | 'labelText' | 'text'> | undefined {
  let rest = text;
  const hijri = hijriIn(text);
  if (hijri) {
    const [s, e] = [hijri.start, hijri.end];
    rest = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
    // "الموافق" / "م" tie the two dates together
    rest = rest.replace(/(?<![\p{L}])(?:الموافق|الموافق ل|م)(?![\p{L}])/gu, (w) => ' '.repeat(w.length));
  }
  rest = blankTimeAfterWeekday(rest);
  const mention = parseDateLine(rest) ?? latinDate(toAsciiDigits(rest)) ?? arabicMonthFirst(rest) ?? (reading.framed ? framedDate(rest) : undefined);
  if (!mention) {
    const short = reading.twoDigitYear && !hijri ? twoDigitYearDate(rest) : undefined;
    return short ? { ...short, twoDigitYear: true } : undefined;
  }
  const out: Omit<DateLineEntry, 'label' | 'labelText' | 'text'> = { mention: { ...mention, text: text.slice(mention.start, mention.end) } };
  if (hijri && mention.value && mention.precision === 'day') {
    out.hijri = { text: hijri.text, agrees: hijriAgrees(mention.value, hijri.day, hijri.month, hijri.year) };
  }
  // 03/04/2019: both numbers could be the month. Kept for the decision (Arab press: day first).
  const numeric = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)(?!\d)/.exec(toAsciiDigits(mention.text));
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
    if (a !== b && a <= 12 && b <= 12 && isValidDate(y, a, b)) out.monthFirst = formatIsoDate({ year: y, month: a, day: b });
  }
  return out;
}

/**
 * The dates a line states, when the line is a date line (labels, dates, times and separators,
 * nothing else); undefined otherwise. A label with nothing after it yields an entry without a
 * mention, so that "نشر في" standing alone is still a date line's remnant, not prose.
 */
export function readDateLine(line: string): DateLineEntry[] | undefined {
  // "posted onJanuary 23, 2022": a label run into the date
  const text = withoutIconNames(line.trim()).replace(/\b((?:posted|published|updated) on)(?=[A-Z])/giu, '$1 ');
  if (text.length === 0 || text.length > 160) return undefined;
  // "في Friday 7 February, 2020", "في 23 مارس 2019": "on" and one date, the whole line (a theme's "on DATE")
  const on = /^في\s+/u.exec(text);
  if (on) {
    const rest = readDateLine(text.slice(on[0].length));
    const only = rest?.length === 1 ? rest[0] : undefined;
    return only?.mention && !only.label ? [{ ...only, label: 'date', labelText: 'في' }] : undefined;
  }
  const folded = foldForDates(text);
  const labels: Array<{ start: number; end: number; matched: string }> = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(folded.text); m; m = LABEL_RE.exec(folded.text)) {
    const [s, e] = originalSpan(folded, m.index, m.index + m[0].length);
    labels.push({ start: s, end: e, matched: m[0] });
  }
  const parts: Array<{ label?: DateLabel; labelText?: string; text: string }> = [];
  let cursor = 0;
  // "مدار الساعة ـ نشر في 2024/12/06": an outlet's name and a dash before the first label.
  const first = labels[0];
  if (first && first.start > 0) {
    const prefix = text.slice(0, first.start);
    if (/^[\p{L}\s.]{2,40}\s[ـ\-–—|:]\s*$/u.test(prefix) && prefix.trim().split(/\s+/).length <= 5 && !findDateMentions(prefix).length) cursor = first.start;
  }
  let pending: { label: DateLabel; labelText: string } | undefined;
  const flush = (end: number) => {
    const piece = text.slice(cursor, end);
    if (pending || piece.trim() !== '') parts.push({ ...pending, text: piece.trim() });
  };
  for (const l of labels) {
    flush(l.start);
    pending = { label: labelOf(l.matched), labelText: text.slice(l.start, l.end).replace(/[\s:：\-–—|]+$/u, '') };
    cursor = l.end;
  }
  flush(text.length);
  const entries: DateLineEntry[] = [];
  for (const part of parts) {
    if (part.label === 'source') {
      if (!entries.some((e) => e.mention)) return undefined;
      continue;
    }
    if (part.label === 'relative') {
      // "منذ 3 ساعات", "قبل يومين": the page's age when it was copied, no date.
      if (!/^[\d\s]*(?:\p{L}+)?$/u.test(toAsciiDigits(part.text)) || part.text.length > 20) return undefined;
      entries.push({ label: 'relative', labelText: part.labelText, text: part.text });
      continue;
    }
    if (part.text.replace(/[\s|،,\-–—()[\]«»"'.:/•·]/gu, '') === '') {
      if (!part.label) continue;
      entries.push({ label: part.label, labelText: part.labelText, text: '' });
      continue;
    }
    const read = readPart(part.text, { framed: labels.length === 0, twoDigitYear: part.label === 'published' });
    if (!read) return undefined;
    entries.push({ ...(part.label ? { label: part.label, labelText: part.labelText } : {}), ...read, text: part.text });
  }
  if (!entries.some((e) => e.mention)) {
    // a bare label ("نشر في") or an age ("منذ 3 ساعات") alone: a date line with no date
    return entries.length > 0 && labels.length > 0 && text.length <= 40 ? entries : undefined;
  }
  return entries;
}

/**
 * A labelled date opening a line that goes on with other text ("date 2026-01-22 شفق نيوز- نينوى",
 * "التاريخ: 23/03/2019 دمشق - …"): where the date line ends, or undefined.
 */
export function labelledDateLead(line: string): number | undefined {
  const m = /^\s*(?:date|التاريخ|تاريخ النشر|نشر في|نشر بتاريخ|Published)\s*[:：]*\s*/iu.exec(line);
  if (!m || readDateLine(line)) return undefined;
  const first = findDateMentions(line.slice(m[0].length, m[0].length + 60))[0];
  if (first?.start !== 0 || first.kind !== 'explicit' || first.precision !== 'day') return undefined;
  let end = m[0].length + first.end;
  // the same day written again in words after it
  const again = findDateMentions(line.slice(end, end + 60))[0];
  if (again && again.value === first.value && line.slice(end, end + again.start).trim() === '') end += again.end;
  if (line.slice(end).trim() === '' || !readDateLine(line.slice(0, end))) return undefined;
  return end;
}

/** Separators, and a time of day with its zone, between a date line and the text run into it. */
const LEAD_SEPARATOR = new RegExp(`^[\\s|،,\\-–—:.]*(?:(?:${TIME_OF_DAY}|${ZONE})[\\s|،,\\-–—:.]*)*`, 'u');

/**
 * A full date at the very start of a line, glued to (or run into) the text after it:
 * "٢٣ مارس ٢٠١٩أعلنت …", "23.03.2019 - أعلنت …", "22 أبريل, 2017 - 03:50:00 - أعلنت …" (a
 * time of day between them). Returns the date and where the text begins.
 */
export function leadingDate(line: string): { mention: DateMention; rest: number } | undefined {
  const first = findDateMentions(line.slice(0, 60))[0];
  if (first?.kind !== 'explicit' || first.precision !== 'day' || !first.value) return undefined;
  if (line.slice(0, first.start).trim() !== '') return undefined;
  // digits folded one for one, so the positions stay the line's
  const after = LEAD_SEPARATOR.exec(toAsciiDigits(line.slice(first.end)))?.[0].length ?? 0;
  const rest = first.end + after;
  if (!/^\p{L}/u.test(line.slice(rest)) || line.length - rest < 20) return undefined;
  return { mention: first, rest };
}

/** The weekday a mention names, if it names one and a day. */
export function weekdayAgreesMonthFirst(iso: string, weekday: number | undefined): boolean | undefined {
  if (weekday === undefined) return undefined;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return weekdayOf({ year: y, month: m, day: d }) === weekday;
}
