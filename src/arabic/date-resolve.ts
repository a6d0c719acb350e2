/**
 * Date arithmetic for resolving expressions against an anchor (the publication date): relative
 * days, weekdays, months and years, and the year of a day or month written without one.
 */
import { addDays, daysBetween, formatIsoDate, isValidDate, weekdayOf, type CalendarDate } from './calendar.ts';

/** 'YYYY-MM'. */
export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' for the parts given; undefined for an impossible day. */
export function formatParts(year: number, month?: number, day?: number): string | undefined {
  if (month === undefined) return String(year).padStart(4, '0');
  if (day === undefined) return month >= 1 && month <= 12 ? formatMonth(year, month) : undefined;
  return isValidDate(year, month, day) ? formatIsoDate({ year, month, day }) : undefined;
}

/** The anchor moved by `days` days, as 'YYYY-MM-DD'. */
export function shiftDays(anchor: CalendarDate, days: number): string {
  return formatIsoDate(addDays(anchor, days));
}

/** The anchor's month moved by `months` months, as 'YYYY-MM'. */
export function shiftMonths(anchor: CalendarDate, months: number): string {
  const index = anchor.year * 12 + (anchor.month - 1) + months;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/**
 * The date of `weekday` relative to the anchor: 'past' the latest strictly before it, 'next' the
 * earliest strictly after it, 'week' the one in the six days up to and including it.
 */
export function weekdayNear(anchor: CalendarDate, weekday: number, which: 'past' | 'next' | 'week'): string {
  const today = weekdayOf(anchor);
  if (which === 'next') return shiftDays(anchor, (weekday - today + 7) % 7 || 7);
  const back = (today - weekday + 7) % 7;
  return shiftDays(anchor, -(which === 'past' ? back || 7 : back));
}

/** Does the date 'YYYY-MM-DD' fall on `weekday`? */
export function fallsOn(value: string, weekday: number): boolean {
  const [y, m, d] = value.split('-').map(Number);
  return weekdayOf({ year: y as number, month: m as number, day: d as number }) === weekday;
}

/**
 * The year of a month (and day) written without one, read as the press does: the one occurrence
 * in the year-long window from about eleven months before the anchor to one month after it
 * (days: 333 before to 31 after; months: 10 before to 1 after). A reporter writes "23 آذار"
 * for a recent day or one just ahead, never for one a year off.
 */
export function yearNearAnchor(anchor: CalendarDate, month: number, day?: number): number | undefined {
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    if (day === undefined) {
      const months = (year - anchor.year) * 12 + (month - anchor.month);
      if (months >= -10 && months <= 1) return year;
    } else if (isValidDate(year, month, day)) {
      const days = daysBetween(anchor, { year, month, day });
      if (days >= -333 && days <= 31) return year;
    }
  }
  return undefined;
}

/**
 * The year of a named month (and day) qualified as past (-1), current (0) or next (+1): for a day,
 * the latest occurrence strictly before the anchor / the anchor's year / the earliest strictly
 * after; for a month alone, the same counted in months.
 */
export function yearByDirection(anchor: CalendarDate, dir: -1 | 0 | 1, month: number, day?: number): number | undefined {
  if (dir === 0) return anchor.year;
  const order = dir < 0 ? [anchor.year, anchor.year - 1, anchor.year - 2] : [anchor.year, anchor.year + 1, anchor.year + 2];
  for (const year of order) {
    if (day === undefined) {
      const months = (year - anchor.year) * 12 + (month - anchor.month);
      if (dir < 0 ? months < 0 : months > 0) return year;
    } else if (isValidDate(year, month, day)) {
      const days = daysBetween(anchor, { year, month, day });
      if (dir < 0 ? days < 0 : days > 0) return year;
    }
  }
  return undefined;
}
