/**
 * A publication-date range (from / to, either open) as Pagefind filters. Pure and browser-safe.
 *
 * Pagefind filters are exact values, with no ranges, so each article page also carries its month
 * (`month:2019-03`) and its day (`day:2019-03-23`) as filters the page does not show, and a range
 * is the union of the whole years, then whole months, then single days that tile it:
 * 2017-10-15 … 2019-03-20 is the days 2017-10-15 to 2017-10-31, the months 2017-11 and 2017-12,
 * the year 2018, the months 2019-01 and 2019-02, and the days 2019-03-01 to 2019-03-20. At most
 * 62 days, 22 months and the years between: a handful of filter values, whatever the range. The
 * month and day filters are loaded by the browser only for a search with a range.
 */
import { EGYPTIAN_MONTHS, LEVANTINE_MONTHS, MAGHREBI_MONTHS, MONTH_SPELLING_VARIANTS, MOROCCAN_MONTHS } from '../arabic/calendar.ts';
import { toAsciiDigits } from '../arabic/digits.ts';
import { foldArabic } from '../arabic/normalise.ts';

export interface DateRange {
  /** First day included, YYYY-MM-DD; '' for open. */
  from: string;
  /** Last day included, YYYY-MM-DD; '' for open. */
  to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A bound as the address or a date field gives it: YYYY, YYYY-MM or YYYY-MM-DD (Arabic-Indic
 * digits and / or . as separators accepted), made a whole day: the first day of the year or month
 * for `from`, the last for `to`. '' for anything else.
 */
export function dateBound(value: string, end: 'from' | 'to'): string {
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(toAsciiDigits(value.trim()));
  if (!m) return '';
  const year = Number(m[1]);
  const month = m[2] === undefined ? (end === 'from' ? 1 : 12) : Number(m[2]);
  if (year < 1000 || month < 1 || month > 12) return '';
  const last = daysIn(year, month);
  const day = m[3] === undefined ? (end === 'from' ? 1 : last) : Number(m[3]);
  if (day < 1 || day > last) return '';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Folded month name → month number (1-12): Levantine, Egyptian, Maghrebi and Moroccan names, and their variants. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const out = new Map<string, number>();
  for (const names of [LEVANTINE_MONTHS, EGYPTIAN_MONTHS, MAGHREBI_MONTHS, MOROCCAN_MONTHS]) for (const [i, name] of names.entries()) out.set(foldArabic(name), i + 1);
  for (const [month, variants] of Object.entries(MONTH_SPELLING_VARIANTS)) for (const v of variants) out.set(foldArabic(v), Number(month));
  return out;
})();

/**
 * A date as a reader types it in a date field: what dateBound reads (2019, 2019-03, 2019-03-23),
 * the day first as the Arabic press writes it (23/3/2019, 3/2019, 23.03.2019), or with a month
 * name, one or two (آذار 2019, 23 آذار/مارس 2019, مارس ٢٠١٩); Arabic-Indic or Latin digits.
 * The whole day it bounds (see dateBound); '' for an empty field; null for what it cannot read,
 * so that the page can say so rather than drop the bound.
 */
export function readDateInput(value: string, end: 'from' | 'to'): string | null {
  const text = foldArabic(value).replace(/[،,]/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const iso = dateBound(text, end);
  if (iso) return iso;
  const dayFirst = /^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dayFirst) return dateBound([dayFirst[3], dayFirst[2], dayFirst[1]].filter((p) => p !== undefined).join('-'), end) || null;
  const named = /^(?:(\d{1,2}) )?(\D+?) (\d{4})$/.exec(text);
  if (named) {
    const months = named[2]!.split(/ ?\/ ?/).map((m) => MONTHS.get(m.trim()));
    const month = months[0];
    if (month === undefined || months.some((m) => m !== month)) return null;
    return dateBound([named[3], String(month), named[1]].filter((p) => p !== undefined).join('-'), end) || null;
  }
  return null;
}

/** The range with a reversed pair swapped. */
export function orderedRange(range: DateRange): DateRange {
  return range.from && range.to && range.from > range.to ? { from: range.to, to: range.from } : range;
}

export function inRange(isoDate: string, range: DateRange): boolean {
  const day = isoDate.slice(0, 10);
  const { from, to } = orderedRange(range);
  return (!from || day >= from) && (!to || day <= to);
}

export interface RangeValues {
  year: string[];
  month: string[];
  day: string[];
}

type Ymd = [number, number, number];
const parse = (iso: string): Ymd => iso.split('-').map(Number) as Ymd;
const monthIndex = (y: number, m: number) => y * 12 + (m - 1);

/** Where an open end of a range is closed: the first year and the last year searched. */
export interface YearBounds {
  first: number;
  last: number;
}

/**
 * Open ends closed at 1900 and next year (the browser passes its own clock): filter values for
 * years no article has cost nothing, and nothing has to be loaded first to know the archive's.
 */
export function openBounds(now: Date): YearBounds {
  return { first: 1900, last: now.getFullYear() + 1 };
}

/** The years, months and days that tile a range, an open end closed at `bounds`. */
export function rangeValues(range: DateRange, bounds: YearBounds): RangeValues {
  const { from, to } = orderedRange(range);
  const out: RangeValues = { year: [], month: [], day: [] };
  if (!from && !to) return out;
  const first = from || `${pad(bounds.first, 4)}-01-01`;
  const last = to || `${pad(bounds.last, 4)}-12-31`;
  if (first > last) return out;
  const [y1, m1, d1] = parse(first);
  const [y2, m2, d2] = parse(last);
  const days = (y: number, m: number, a: number, b: number) => {
    for (let d = a; d <= b; d++) out.day.push(`${pad(y, 4)}-${pad(m)}-${pad(d)}`);
  };
  if (y1 === y2 && m1 === m2) {
    if (d1 === 1 && d2 === daysIn(y2, m2)) out.month.push(`${pad(y1, 4)}-${pad(m1)}`);
    else days(y1, m1, d1, d2);
    return out;
  }
  let startMonth = monthIndex(y1, m1);
  if (d1 !== 1) {
    days(y1, m1, d1, daysIn(y1, m1));
    startMonth++;
  }
  let endMonth = monthIndex(y2, m2);
  if (d2 !== daysIn(y2, m2)) {
    days(y2, m2, 1, d2);
    endMonth--;
  }
  for (let i = startMonth; i <= endMonth; ) {
    const y = Math.floor(i / 12);
    const m = (i % 12) + 1;
    if (m === 1 && i + 11 <= endMonth) {
      out.year.push(pad(y, 4));
      i += 12;
    } else {
      out.month.push(`${pad(y, 4)}-${pad(m)}`);
      i++;
    }
  }
  out.day.sort();
  return out;
}

/** The range as one Pagefind compound filter (any of the pieces), or undefined for no range. */
export function rangeFilter(range: DateRange, bounds: YearBounds): { any: Array<Record<string, { any: string[] }>> } | undefined {
  if (!range.from && !range.to) return undefined;
  const values = rangeValues(range, bounds);
  const any: Array<Record<string, { any: string[] }>> = [];
  for (const key of ['year', 'month', 'day'] as const) if (values[key].length) any.push({ [key]: { any: values[key] } });
  // An empty range (only possible with bounds reversed): a filter no page has, so nothing is found.
  if (any.length === 0) any.push({ day: { any: ['0000-00-00'] } });
  return { any };
}
