/**
 * How the views write dates, date ranges and coordinates. Pure.
 */
import { arabicWeekday, formatArabicDate, formatHijriDate, parseIsoDate } from '../arabic/calendar.ts';
import { HEMISPHERES } from './ui-strings.ts';
import type { CoordinateText, DisplayDate } from './views.ts';

/** A validated ISO date (YYYY-MM-DD) as the pages show it: Arabic, Hijri, weekday. */
export function displayDate(iso: string): DisplayDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not a valid date: ${iso}`); // content is validated before this runs
  return { iso, arabic: formatArabicDate(d), hijri: formatHijriDate(d), weekday: arabicWeekday(d), year: d.year, month: d.month };
}

/** "9 شباط/فبراير – 23 آذار/مارس 2019": the year (and month) written once where shared. */
export function formatDateRange(start: DisplayDate, end: DisplayDate): string {
  if (start.iso === end.iso) return start.arabic;
  if (start.year !== end.year) return `${start.arabic} – ${end.arabic}`;
  const startWithoutYear = start.arabic.replace(/\s+\d+$/, '');
  return `${startWithoutYear} – ${end.arabic}`;
}

/** [34.4667, 40.95] → 34.4667° شمالاً، 40.95° شرقاً (as two parts; at most four decimals). */
export function formatCoordinates([lat, lon]: readonly [number, number]): CoordinateText[] {
  const part = (value: number, positive: string, negative: string) => ({
    degrees: `${Math.abs(value)
      .toFixed(4)
      .replace(/\.?0+$/, '')}°`,
    hemisphere: value >= 0 ? positive : negative,
  });
  return [part(lat, HEMISPHERES.north, HEMISPHERES.south), part(lon, HEMISPHERES.east, HEMISPHERES.west)];
}
