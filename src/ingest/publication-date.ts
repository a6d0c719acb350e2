/**
 * An article's publication date and how it is known (`date_basis`). In order:
 *   --date                                   → editor
 *   a date line just under the headline      → stated (or inferred when it has no year)
 *   a dated weekday in the first paragraph   → stated (or inferred)
 *   a date in the URL's path (--url)         → url
 * A date in the page chrome above the headline is the scrape date, never the publication date
 * (it becomes `source.retrieved`). A missing year is inferred only from a stated weekday, within
 * the years the article itself mentions, and never lands in the future. A weekday that
 * disagrees with its date, or anything ambiguous, stops and asks for --date.
 */
import { formatIsoDate, parseIsoDate, WEEKDAYS, type CalendarDate } from '../arabic/calendar.ts';
import { dateFromUrl, findDateMentions, parseDateLine, yearsMatchingWeekday, yearsMentioned, type DateMention } from '../arabic/dates.ts';
import type { DateBasis } from './types.ts';
import type { Line } from './lines.ts';

export interface DateDecision {
  date?: string;
  basis?: DateBasis;
  /** The scrape-time date found above the headline, if any. */
  retrieved?: string;
  /** What to tell the user when there is no date. */
  problem?: string;
  evidence?: string;
}

export interface DateInputs {
  explicit?: string;
  url?: string;
  chrome: Line[];
  afterTitle: Line[];
  firstParagraph?: string;
  /** The whole text, for the years it mentions. */
  text: string;
  today: CalendarDate;
}

const ASK = 'pass --date YYYY-MM-DD with the date the article was published';

export function decidePublicationDate(inputs: DateInputs): DateDecision {
  const todayIso = formatIsoDate(inputs.today);
  const retrieved = inputs.chrome.map((l) => parseDateLine(l.text)).find((m) => m?.precision === 'day' && m.value)?.value;
  const decision = decide(inputs);
  if (decision.date && decision.date > todayIso) {
    return { problem: `the date found (${decision.date}, ${decision.evidence}) is in the future; ${ASK}` };
  }
  if (retrieved && retrieved <= todayIso && (!decision.date || retrieved >= decision.date)) decision.retrieved = retrieved;
  return decision;
}

function decide(inputs: DateInputs): DateDecision {
  if (inputs.explicit) {
    if (!parseIsoDate(inputs.explicit)) return { problem: `--date ${inputs.explicit} is not a real date written YYYY-MM-DD` };
    return { date: inputs.explicit, basis: 'editor', evidence: '--date' };
  }
  for (const line of inputs.afterTitle) {
    const mention = parseDateLine(line.text);
    if (mention) return fromMention(mention, `the date line "${line.text}" under the headline`, inputs);
  }
  if (inputs.firstParagraph) {
    const mention = findDateMentions(inputs.firstParagraph).find(
      (m) => m.kind === 'explicit' && m.weekday !== undefined && (m.precision === 'day' || m.yearMissing),
    );
    if (mention) return fromMention(mention, `"${mention.text}" in the first paragraph`, inputs);
  }
  if (inputs.url) {
    const fromUrl = dateFromUrl(inputs.url);
    if (fromUrl) return { date: fromUrl, basis: 'url', evidence: 'the address' };
  }
  return { problem: `no publication date found in the text; ${ASK}` };
}

function fromMention(mention: DateMention, where: string, inputs: DateInputs): DateDecision {
  if (mention.value && mention.precision === 'day') {
    if (mention.weekdayAgrees === false) {
      return { problem: `${where} names ${WEEKDAYS[mention.weekday ?? 0]}, but ${mention.value} was not a ${WEEKDAYS[mention.weekday ?? 0]}; ${ASK}` };
    }
    return { date: mention.value, basis: 'stated', evidence: where };
  }
  if (mention.yearMissing && mention.month && mention.day) {
    if (mention.weekday === undefined) return { problem: `${where} has no year and no weekday to infer it from; ${ASK}` };
    const mentioned = yearsMentioned(inputs.text).filter((y) => y <= inputs.today.year);
    if (mentioned.length === 0) return { problem: `${where} has no year, and the article names no year to infer it from; ${ASK}` };
    const earliest = Math.max(...mentioned);
    const latest = Math.min(earliest + 5, inputs.today.year);
    const todayIso = formatIsoDate(inputs.today);
    const years = yearsMatchingWeekday(mention.month, mention.day, mention.weekday, earliest, latest).filter(
      (y) => formatIsoDate({ year: y, month: mention.month as number, day: mention.day as number }) <= todayIso,
    );
    if (years.length === 1) {
      const date = formatIsoDate({ year: years[0] as number, month: mention.month, day: mention.day });
      return { date, basis: 'inferred', evidence: `${where}: ${WEEKDAYS[mention.weekday]} fell on that day in ${years[0]} (the article's years run from ${earliest})` };
    }
    const which = years.length === 0 ? 'in no year' : `in ${years.join(' and ')}`;
    return { problem: `${where} has no year; ${WEEKDAYS[mention.weekday]} fell on that day ${which} between ${earliest} and ${latest}; ${ASK}` };
  }
  return { problem: `${where} is not a full date; ${ASK}` };
}
