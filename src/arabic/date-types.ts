/** Types shared by the date modules; re-exported from dates.ts, the public entry point. */
import type { CalendarDate } from './calendar.ts';

/** How much of a date is known. */
export type Precision = 'day' | 'month' | 'year';

/** One date expression found in a text. */
export interface DateMention {
  /** offsets into the input text (UTF-16 code units), [start, end) */
  start: number;
  end: number;
  /** the matched text as written */
  text: string;
  /** 'explicit' when the text writes the date; 'relative' when it is counted from the publication date */
  kind: 'explicit' | 'relative';
  precision: Precision;
  /** resolved: 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'; undefined when it cannot be resolved (e.g. a day and month without year and without anchor) */
  value?: string;
  /** for ranges such as "بين 5 و7 آذار 2019" or "2014-2017", the end of the range */
  endValue?: string;
  /** a month (and maybe a day) written without a year; when `value` is set all the same, its year came from the anchor */
  yearMissing?: boolean;
  /** weekday named with the expression (0=Sunday … 6=Saturday), if any */
  weekday?: number;
  /** false when a named weekday disagrees with the resolved date: such a mention must be flagged, not trusted */
  weekdayAgrees?: boolean;
  /** month and day parts when written (useful when value is undefined) */
  month?: number;
  day?: number;
  year?: number;
}

/** What relative expressions are counted from. */
export interface ResolveOptions {
  /** publication date used to resolve relative expressions (أمس = anchor - 1 day) */
  anchor?: CalendarDate;
}

/** A mention as a matcher found it, in folded offsets, before the longest-match selection. */
export interface Candidate {
  start: number;
  end: number;
  mention: Omit<DateMention, 'start' | 'end' | 'text'>;
}
