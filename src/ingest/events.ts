/**
 * Which archive events an article belongs to, by evidence. `--event KEY` names one;
 * `--event none` names none. Otherwise an event is assigned when the article's date falls within
 * the event's dates (start to end, plus EVENT_GRACE_DAYS of aftermath) and the article names one
 * of the event's places more than in passing: in the headline, in the lead paragraph, or at least
 * SEVERAL_MENTIONS times in all. Countries do not count as evidence: every article about Syria
 * names Syria. Each decision comes with its reason, for add to print.
 */
import { addDays, daysBetween, formatIsoDate, parseIsoDate, type CalendarDate } from '../arabic/calendar.ts';
import type { Content } from '../content/load.ts';
import { NO_EVENT_ID } from '../content/schema.ts';

/** Days after an event's end during which an article about it (its aftermath) still belongs to it. */
export const EVENT_GRACE_DAYS = 7;
/** Mentions of an event's places, in headline and text together, that make more than a passing mention. */
export const SEVERAL_MENTIONS = 3;
/** The lead is the first paragraph of at least this many words (shorter lines are bylines, datelines, subheads). */
export const LEAD_MIN_WORDS = 12;
/** How near (days) outside an event's dates an article must be for add to say why it was left out. */
const NEAR_DAYS = 30;
/** The `--event` value that assigns no event (content/schema.ts refuses it as an event's id). */
export const NO_EVENT = NO_EVENT_ID;

// Event dates are validated YYYY-MM-DD strings; the day arithmetic is the calendar's.
const day = (iso: string) => parseIsoDate(iso) as CalendarDate;
const isoDaysAfter = (iso: string, days: number) => formatIsoDate(addDays(day(iso), days));

/** Whether an article of `date` falls within the event's dates (start to end, plus the grace days). */
export function eventHolds(event: { start: string; end: string }, date: string): boolean {
  return date >= event.start && date <= isoDaysAfter(event.end, EVENT_GRACE_DAYS);
}

/** The article's text by part; `mentions` gives every place mention in a text (a name per match, repeats kept). */
export interface EventText {
  title: string;
  lead?: string;
  rest: string[];
  mentions: (text: string) => string[];
}

export interface EventDecision {
  event: string;
  assigned: boolean;
  /** e.g. "الباغوز in the headline, 4 mentions", or why not. */
  reason: string;
}

function countries(content: Content): Set<string> {
  return new Set(
    Object.values(content.places.entries)
      .filter((p) => p.kind === 'country')
      .map((p) => p.name),
  );
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * Every event whose places the text names at all, with the decision and its reason: assigned
 * when its dates (plus the grace days) hold `date` (any date when undefined) and the evidence is
 * more than a passing mention. An event outside the dates is listed only when the evidence alone
 * would have assigned it. Sorted by event id.
 */
export function eventDecisions(content: Content, date: string | undefined, text: EventText): EventDecision[] {
  const notEvidence = countries(content);
  const titleMentions = text.mentions(text.title);
  const leadMentions = text.lead === undefined ? [] : text.mentions(text.lead);
  const restMentions = text.rest.flatMap((t) => text.mentions(t));
  const decisions: EventDecision[] = [];
  for (const e of [...content.events].sort((a, b) => a.data.id.localeCompare(b.data.id))) {
    const places = new Set(e.data.places.filter((p) => !notEvidence.has(p)));
    const inTitle = [...new Set(titleMentions.filter((p) => places.has(p)))];
    const inLead = [...new Set(leadMentions.filter((p) => places.has(p)))];
    const total = [titleMentions, leadMentions, restMentions].reduce((n, list) => n + list.filter((p) => places.has(p)).length, 0);
    if (total === 0) continue;
    const named = [...new Set([...titleMentions, ...leadMentions, ...restMentions].filter((p) => places.has(p)))];
    const count = `${total} mention${total === 1 ? '' : 's'}`;
    const evidence =
      inTitle.length > 0
        ? `${inTitle.join(', ')} in the headline, ${count}`
        : inLead.length > 0
          ? `${inLead.join(', ')} in the lead, ${count}`
          : total >= SEVERAL_MENTIONS
            ? `${named.join(', ')}: ${count}`
            : undefined;
    const graceEnd = isoDaysAfter(e.data.end, EVENT_GRACE_DAYS);
    if (date !== undefined && !eventHolds(e.data, date)) {
      // Outside the event's dates: said only when the evidence would otherwise have assigned it
      // and the date is near (an article years later about the same town is simply not about it).
      const near = date >= isoDaysAfter(e.data.start, -NEAR_DAYS) && date <= isoDaysAfter(graceEnd, NEAR_DAYS);
      if (evidence && near) {
        const when = date < e.data.start ? `before its start ${e.data.start}` : `after its end ${e.data.end} and its ${EVENT_GRACE_DAYS} grace days`;
        decisions.push({ event: e.data.id, assigned: false, reason: `${evidence}, but ${date} is ${when}` });
      }
      continue;
    }
    if (evidence) {
      const after = date !== undefined && date > e.data.end ? `, ${days(daysBetween(day(e.data.end), day(date)))} after its end` : '';
      decisions.push({ event: e.data.id, assigned: true, reason: `${evidence}${after}` });
    } else {
      decisions.push({ event: e.data.id, assigned: false, reason: `${named.join(', ')} named only in passing (${times(total)}, not in the headline or the lead)` });
    }
  }
  return decisions;
}
