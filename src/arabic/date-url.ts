/**
 * The date written in a URL's address, as news sites put it there.
 *
 * Only forms that write a calendar date are read, each as a whole token (a run of digits is never
 * cut out of a longer one, nor read after a letter), and only when it is a real date:
 *   /2017/10/17/, 2017-10-17, 2017_10_17, 2017.10.17   year first, one separator (the path)
 *   /14/08/2025/                                       day first, only when the day cannot be a month
 *   /20171017/, -20171017-                             eight digits alone (the path)
 *   news-20241109180841                                fourteen digits: date and a time of day to the second
 *   5446-2018-03-10-17-27-51                           a date and a time (Joomla's alias), path or query
 *   /2019-03/23/ (Xinhua), /2019/0323/ (People's Daily) year-month then day as folders
 *   march-23-2019, /2019/mar/23/, /23-march-2019      an English month name (day first only opening a folder)
 * What tells a date from an id that looks like one: an id is a longer or shorter run of digits
 * (c_137918521, a Unix time 1695298359, 201710171234), or its "month", "day" or time fields are
 * out of range; a 14-digit or dashed timestamp must hold a valid hour, minute and second too,
 * which an id of that length does once in about three hundred. The query is read only for such
 * timestamps (a bare ?date= or ?id=2019-03-23 may be a listing's filter). The decision that uses
 * the date (publication-date.ts) still refuses one in the future and asks when the text states
 * another day.
 */
import { formatIsoDate, isValidDate } from './calendar.ts';
import { toAsciiDigits } from './digits.ts';

const YEAR = '(?:19\\d\\d|20\\d\\d|2100)';
/** /2017/10/17/, 2017-10-17, 2017_10_17, 2017.10.17 (year first, as in every URL scheme seen). */
const SEPARATED = new RegExp(`(?<!\\d)(${YEAR})([/_.-])(\\d{1,2})\\2(\\d{1,2})(?!\\d)`, 'g');
/** /14/08/2025/: day first, taken only when the day cannot be a month (over 12). */
const DAY_FIRST = new RegExp(`(?<![\\d])(\\d{1,2})/(\\d{1,2})/(${YEAR})(?=/|$)`, 'g');
/** 20171017 standing alone between non-alphanumerics. */
const COMPACT = new RegExp(`(?<![\\p{L}\\p{N}])(${YEAR})(\\d\\d)(\\d\\d)(?![\\p{L}\\p{N}])`, 'gu');
/** 20241109180841: a date and a time to the second, fourteen digits alone. */
const COMPACT_TIMESTAMP = new RegExp(`(?<![\\p{L}\\p{N}])(${YEAR})(\\d\\d)(\\d\\d)(\\d\\d)(\\d\\d)(\\d\\d)(?![\\p{L}\\p{N}])`, 'gu');
/** 2018-03-10-17-27-51: a date and a time to the second, dashed. */
const DASHED_TIMESTAMP = new RegExp(`(?<!\\d)(${YEAR})-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)`, 'g');
/** /2019-03/23/ and /2019/0323/: a year-month folder, then the day's (Chinese state media). */
const MONTH_FOLDER = new RegExp(`/(${YEAR})-(\\d\\d)/(\\d\\d)/|/(${YEAR})/(\\d\\d)(\\d\\d)/`, 'g');
/** An English month name, whole or cut to three letters (four for "sept"). */
const LATIN_MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const LATIN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * march-23-2019, /2019/mar/23/, 2019-mar-23: a month name as a whole word with the day after it
 * (as English writes "March 23, 2019") and the year. A number before the name (23-march-2019) is
 * read only when it opens a folder of the path: after a word it may be a count ("top-10-may-2019").
 */
const LATIN_MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${LATIN_MONTH}[-_](\\d{1,2})[-_,]+(${YEAR})(?![\\p{L}\\p{N}])`, 'giu');
const LATIN_YEAR_MONTH_DAY = new RegExp(`(?<![\\p{L}\\p{N}])(${YEAR})([/_-])${LATIN_MONTH}\\2(\\d{1,2})(?![\\p{L}\\p{N}])`, 'giu');
const LATIN_DAY_MONTH_YEAR = new RegExp(`(?<=/)(\\d{1,2})[-_]${LATIN_MONTH}[-_](${YEAR})(?![\\p{L}\\p{N}])`, 'giu');
const latinMonth = (name: string): number => LATIN_MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function decoded(part: string): string {
  try {
    return toAsciiDigits(decodeURIComponent(part));
  } catch {
    return toAsciiDigits(part); // keep it encoded
  }
}

function partsOf(url: string): { path: string; query: string } {
  try {
    const u = new URL(url);
    return { path: decoded(u.pathname), query: decoded(u.search) };
  } catch {
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    return { path: decoded(path.replace(/[?#].*$/s, '')), query: decoded(/\?[^#]*/.exec(path)?.[0] ?? '') };
  }
}

const isTime = (h: string, m: string, s: string) => Number(h) < 24 && Number(m) < 60 && Number(s) < 60;

/**
 * A date in a URL: /2017/10/17/, /2017-10-17/, /20171017/, a creation timestamp … → 'YYYY-MM-DD'
 * (only if it is a real date). The host and fragment are not read, the query only for a
 * timestamp; an address naming two different dates gives undefined.
 */
export function dateFromUrl(url: string): string | undefined {
  const { path, query } = partsOf(url);
  const found = new Set<string>();
  const add = (year: string | number, month: string | number, day: string | number) => {
    const [y, m, d] = [Number(year), Number(month), Number(day)];
    if (isValidDate(y, m, d)) found.add(formatIsoDate({ year: y, month: m, day: d }));
  };
  for (const m of path.matchAll(SEPARATED)) add(m[1] as string, m[3] as string, m[4] as string);
  for (const m of path.matchAll(COMPACT)) add(m[1] as string, m[2] as string, m[3] as string);
  for (const m of path.matchAll(MONTH_FOLDER)) {
    if (m[1]) add(m[1], m[2] as string, m[3] as string);
    else add(m[4] as string, m[5] as string, m[6] as string);
  }
  for (const m of path.matchAll(LATIN_MONTH_DAY_YEAR)) add(m[3] as string, latinMonth(m[1] as string), m[2] as string);
  for (const m of path.matchAll(LATIN_YEAR_MONTH_DAY)) add(m[1] as string, latinMonth(m[3] as string), m[4] as string);
  for (const m of path.matchAll(LATIN_DAY_MONTH_YEAR)) add(m[3] as string, latinMonth(m[2] as string), m[1] as string);
  for (const m of path.matchAll(DAY_FIRST)) {
    if (Number(m[1]) > 12) add(m[3] as string, m[2] as string, m[1] as string);
  }
  for (const part of [path, query]) {
    for (const re of [COMPACT_TIMESTAMP, DASHED_TIMESTAMP]) {
      for (const m of part.matchAll(re)) {
        if (isTime(m[4] as string, m[5] as string, m[6] as string)) add(m[1] as string, m[2] as string, m[3] as string);
        else if (part === path) return undefined; // a dashed run that is no timestamp: its date part is no date either
      }
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
