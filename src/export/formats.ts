/**
 * The export files' bytes (as strings), from the rows of ./rows.ts and the archive model:
 * CSV by csv-stringify (RFC 4180: CRLF, quotes where needed, a UTF-8 BOM so that Excel reads
 * the Arabic as UTF-8), JSON, each event's timeline as JSON and as iCalendar (RFC 5545, by the
 * `ics` package's formatter: ./ics-calendar.ts). Deterministic: no build time, no random ids; the calendar's DTSTAMP is the
 * newest date the event's timeline holds.
 */
import { stringify } from 'csv-stringify/sync';
import { countText } from '../arabic/plural.ts';
import { NOUNS } from '../model/ui-strings.ts';
import type { Archive, EventView } from '../model/views.ts';
import { siteUrl } from '../model/seo.ts';
import type { TimelineEntry } from '../analysis/timeline/build-timeline.ts';
import { calendarText, type CalendarDay, type CalendarEvent } from './ics-calendar.ts';
import { ARTICLE_COLUMNS, FIGURE_COLUMNS, MENTION_COLUMNS, articleRows, figureRows, mentionRows, type ColumnDoc } from './rows.ts';

/** How a list is written in one CSV cell. */
export const LIST_SEPARATOR = ' | ';

type Cell = string | number | boolean | null | string[];

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return
 * first: "CSV injection"): web text is untrusted, so such a cell is written with a leading
 * apostrophe, which spreadsheets show as text and do not display. Numbers are left as they are.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (Array.isArray(value)) return neutraliseFormula(value.join(LIST_SEPARATOR));
  return typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

/** CSV of `rows` with the columns' names as header, UTF-8 with BOM, CRLF line ends. */
export function toCsv(columns: ColumnDoc[], rows: ReadonlyArray<object>): string {
  const names = columns.map((c) => c.name);
  const records = rows.map((row) => names.map((n) => csvCell((row as Record<string, Cell>)[n] ?? null)));
  return stringify(records, { header: true, columns: names, bom: true, record_delimiter: 'windows' });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function articlesCsv(archive: Pick<Archive, 'site' | 'articles'>): string {
  return toCsv(ARTICLE_COLUMNS, articleRows(archive));
}

export function articlesJson(archive: Pick<Archive, 'site' | 'articles'>): string {
  return json({ title: archive.site.title, url: archive.site.url, articles: articleRows(archive) });
}

export function figuresCsv(archive: Pick<Archive, 'site' | 'events'>): string {
  return toCsv(FIGURE_COLUMNS, figureRows(archive));
}

export function mentionsCsv(archive: Pick<Archive, 'site' | 'events' | 'articles'>): string {
  return toCsv(MENTION_COLUMNS, mentionRows(archive));
}

/** One timeline item as the JSON export gives it. */
export type TimelineItemJson =
  | { kind: 'milestone'; text: string; end: string | null; articles: string[] }
  | {
      kind: 'mention';
      flagged: boolean;
      mentions: Array<{ article: string; expression: string; sentence: string; kind: string; end: string | null; flag: string | null; archive_url: string }>;
    }
  | { kind: 'article'; article: string; title: string; outlet: string; archive_url: string };

export interface TimelineJson {
  event: string;
  title: string;
  title_en: string;
  start: string;
  end: string;
  url: string;
  entries: Array<{ date: string; precision: string; label: string; items: TimelineItemJson[] }>;
}

export function timelineJson(event: EventView, site: Archive['site']): string {
  const out: TimelineJson = {
    event: event.id,
    title: event.title,
    title_en: event.title_en,
    start: event.start.iso,
    end: event.end.iso,
    url: siteUrl(event.url, site),
    entries: event.timeline.map((e) => ({
      date: e.value,
      precision: e.precision,
      label: e.label,
      items: e.items.map((item): TimelineItemJson => {
        if (item.kind === 'milestone') return { kind: 'milestone', text: item.text, end: item.end ?? null, articles: item.articles.map((a) => a.id) };
        if (item.kind === 'mention') {
          return {
            kind: 'mention',
            flagged: item.flagged,
            mentions: item.mentions.map((m) => ({
              article: m.articleId,
              expression: m.expression,
              sentence: m.sentence,
              kind: m.kind,
              end: m.endValue ?? null,
              flag: m.flag ?? null,
              archive_url: siteUrl(m.href, site),
            })),
          };
        }
        return { kind: 'article', article: item.article.id, title: item.article.title, outlet: item.article.outlet, archive_url: siteUrl(item.article.url, site) };
      }),
    })),
  };
  return json(out);
}

/** The first day of a 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' value and the day after its last (iCalendar's DTEND is exclusive). */
export function dateSpan(value: string, endValue?: string | null): { start: CalendarDay; end: CalendarDay } {
  const first = (v: string): Date => new Date(Date.UTC(Number(v.slice(0, 4)), v.length >= 7 ? Number(v.slice(5, 7)) - 1 : 0, v.length === 10 ? Number(v.slice(8, 10)) : 1));
  const after = (v: string): Date => {
    const d = first(v);
    if (v.length === 4) d.setUTCFullYear(d.getUTCFullYear() + 1);
    else if (v.length === 7) d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 1);
    return d;
  };
  const parts = (d: Date): CalendarDay => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const end = endValue && endValue >= value ? after(endValue) : after(value);
  return { start: parts(first(value)), end: parts(end) };
}

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

function calendarEvents(event: EventView, site: Archive['site'], stamp: number): CalendarEvent[] {
  const host = new URL(site.url).host;
  const out: CalendarEvent[] = [];
  event.timeline.forEach((entry: TimelineEntry) => {
    entry.items.forEach((item, i) => {
      const uid = `${event.id}-${entry.value}-${i}@${host}`;
      const common = { uid, startInputType: 'utc' as const, startOutputType: 'utc' as const, categories: [event.title], productId: 'arshif', timestamp: stamp };
      if (item.kind === 'milestone') {
        const span = dateSpan(entry.value, item.end);
        out.push({ ...common, ...span, title: oneLine(item.text), description: `${entry.label}: ${oneLine(item.text)}`, url: siteUrl(event.url, site) });
      } else if (item.kind === 'mention') {
        const first = item.mentions[0];
        const span = dateSpan(entry.value, first?.endValue);
        const lines = item.mentions.map((m) => `${m.outlet}: «${oneLine(m.expression)}» — ${oneLine(m.sentence)} ${siteUrl(m.href, site)}`);
        out.push({
          ...common,
          ...span,
          title: `${entry.label}: ${item.mentions.length === 1 ? `ذكره ${first?.outlet ?? ''}` : `ذكرته ${countText(item.articles.length, NOUNS.article)}`}`,
          description: lines.join('\n'),
          ...(first ? { url: siteUrl(first.href, site) } : {}),
        });
      } else {
        const span = dateSpan(entry.value);
        out.push({
          ...common,
          ...span,
          title: `${item.article.outlet}: ${oneLine(item.article.title)}`,
          description: `${item.article.outlet}، ${entry.label}`,
          url: siteUrl(item.article.url, site),
        });
      }
    });
  });
  return out;
}

/** The event's timeline as an iCalendar file: one all-day VEVENT per milestone, dated mention group and article. */
export function timelineIcs(event: EventView, site: Archive['site']): string {
  const newest = [event.end.iso, ...event.timeline.map((e) => e.value)].sort().at(-1) as string;
  const stamp = Date.UTC(...(dateSpan(newest).start.map((n, i) => (i === 1 ? n - 1 : n)) as [number, number, number]));
  try {
    return calendarText(calendarEvents(event, site, stamp), { productId: 'arshif', calName: event.title });
  } catch (error) {
    throw new Error(`the calendar of event ${event.id} could not be written: ${(error as Error).message}`);
  }
}
