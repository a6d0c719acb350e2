/** The date written in a URL's path, as news sites put it there. */
import { formatIsoDate, isValidDate } from './calendar.ts';
import { toAsciiDigits } from './digits.ts';

const YEAR = '(?:19\\d\\d|20\\d\\d|2100)';
/** /2017/10/17/, 2017-10-17, 2017_10_17, 2017.10.17 (year first, as in every URL scheme seen). */
const SEPARATED = new RegExp(`(?<!\\d)(${YEAR})([/_.-])(\\d{1,2})\\2(\\d{1,2})(?!\\d)`, 'g');
/** /14/08/2025/: day first, taken only when the day cannot be a month (over 12). */
const DAY_FIRST = new RegExp(`(?<![\\d])(\\d{1,2})/(\\d{1,2})/(${YEAR})(?=/|$)`, 'g');
/** 20171017 standing alone between non-alphanumerics. */
const COMPACT = new RegExp(`(?<![\\p{L}\\p{N}])(${YEAR})(\\d\\d)(\\d\\d)(?![\\p{L}\\p{N}])`, 'gu');

function pathOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/s, '');
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it encoded
  }
  return toAsciiDigits(path);
}

/**
 * A date in a URL path: /2017/10/17/, /2017-10-17/, /20171017/ … → 'YYYY-MM-DD' (only if it is a real
 * date). The host, query and fragment are not read; a path naming two different dates gives undefined.
 */
export function dateFromUrl(url: string): string | undefined {
  const path = pathOf(url);
  const found = new Set<string>();
  for (const re of [SEPARATED, COMPACT]) {
    for (const m of path.matchAll(re)) {
      const year = Number(m[1]);
      const month = Number(m[re === SEPARATED ? 3 : 2]);
      const day = Number(m[re === SEPARATED ? 4 : 3]);
      if (isValidDate(year, month, day)) found.add(formatIsoDate({ year, month, day }));
    }
  }
  for (const m of path.matchAll(DAY_FIRST)) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (day > 12 && isValidDate(year, month, day)) found.add(formatIsoDate({ year, month, day }));
  }
  return found.size === 1 ? [...found][0] : undefined;
}
