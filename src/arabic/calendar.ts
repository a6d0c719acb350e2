/**
 * Calendar dates as plain `YYYY-MM-DD` strings: parsing that refuses impossible dates, and the
 * Arabic renderings readers expect.
 *
 * Dates are handled as UTC calendar days throughout, so no time zone can shift a day.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; returns undefined for anything else, including 2019-02-30. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function toUtcDate(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Syriac month names as used in the Levant and Iraq, January first. */
export const LEVANTINE_MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'] as const;

/** Month names from the European calendar as written in Egypt and the Gulf, January first. */
export const EGYPTIAN_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'] as const;

export const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'] as const;

/** "23 آذار/مارس 2019": both month names, as the Levantine press writes a date. */
export function formatArabicDate(d: CalendarDate): string {
  const i = d.month - 1;
  return `${d.day} ${LEVANTINE_MONTHS[i]}/${EGYPTIAN_MONTHS[i]} ${d.year}`;
}

/** "آذار/مارس 2019". */
export function formatArabicMonth(year: number, month: number): string {
  const i = month - 1;
  return `${LEVANTINE_MONTHS[i]}/${EGYPTIAN_MONTHS[i]} ${year}`;
}

/** "السبت" for a date. */
export function arabicWeekday(d: CalendarDate): string {
  return WEEKDAYS[toUtcDate(d).getUTCDay()] ?? '';
}

const hijriFormatter = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The Hijri (Umm al-Qura) date, e.g. "16 رجب 1440 هـ". */
export function formatHijriDate(d: CalendarDate): string {
  const parts = hijriFormatter.formatToParts(toUtcDate(d));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} هـ`;
}

/** Algerian and Tunisian month names (from French), January first. */
export const MAGHREBI_MONTHS = ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'] as const;

/** Moroccan month names, January first. */
export const MOROCCAN_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'] as const;

/**
 * Further spellings met in the press, by month number (1-12), beyond the tables above.
 * Hamza on alef (أ/إ/آ/ا), ى/ي, ة/ه, tatweel and diacritics are folded before matching and need
 * no entry here.
 */
export const MONTH_SPELLING_VARIANTS: Readonly<Record<number, readonly string[]>> = {
  1: ['كانون ثاني'],
  6: ['يونيه'],
  7: ['يوليه'],
  8: ['أغسطوس'],
  10: ['تشرين أول'],
  11: ['تشرين ثاني'],
  12: ['كانون أول'],
};

/** True when year/month/day name a real day of the Gregorian calendar. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (the index into WEEKDAYS). */
export function weekdayOf(d: CalendarDate): number {
  return toUtcDate(d).getUTCDay();
}

/** The date `days` days after `d` (before it when negative). */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = toUtcDate(d);
  t.setUTCDate(t.getUTCDate() + days);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
}
