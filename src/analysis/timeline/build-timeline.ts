/**
 * One chronological timeline per event: curated milestones, dated mentions extracted from its
 * articles (grouped where several articles report the same day), and the articles themselves
 * at their publication dates. Entries sort by date; a coarser date sorts before the finer dates
 * it contains ("2019" before "2019-03" before "2019-03-10").
 */
import { formatArabicDate, formatArabicMonth, parseIsoDate } from '../../arabic/calendar.ts';
import type { Precision } from '../../arabic/dates.ts';
import { dedupeMentions, type DatedMention } from '../mentions.ts';

export interface Milestone {
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD'. */
  date: string;
  end?: string | null;
  text: string;
  /** Ids of the articles that report it. */
  articles: string[];
}

/** An article as a timeline lists it (the timeline's stage of an article): its page, its outlet's name, its date. */
export interface TimelineArticle {
  id: string;
  url: string;
  title: string;
  outlet: string;
  date: string;
}

export type TimelineItem =
  | { kind: 'milestone'; text: string; end?: string | null; articles: TimelineArticle[] }
  | { kind: 'mention'; mentions: DatedMention[]; articles: TimelineArticle[]; flagged: boolean }
  | { kind: 'article'; article: TimelineArticle };

export interface TimelineEntry {
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD': what `<time datetime>` holds. */
  value: string;
  precision: Precision;
  /** The date as a reader reads it: "23 آذار/مارس 2019", "أيلول/سبتمبر 2018", "2014". */
  label: string;
  items: TimelineItem[];
}

export function precisionOf(value: string): Precision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

export function dateLabel(value: string): string {
  const precision = precisionOf(value);
  if (precision === 'year') return value;
  if (precision === 'month') return formatArabicMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
  const d = parseIsoDate(value);
  return d ? formatArabicDate(d) : value;
}

/** True when a milestone already covers the mention's date (same date, or within its range). */
export function isCovered(mention: DatedMention, milestones: Milestone[]): boolean {
  return milestones.some((m) => m.date === mention.value || (m.end ? m.date <= mention.value && mention.value <= m.end : false));
}

export function buildTimeline(milestones: Milestone[], articles: TimelineArticle[], mentions: DatedMention[]): TimelineEntry[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const entries = new Map<string, TimelineEntry>();
  const entry = (value: string): TimelineEntry => {
    let e = entries.get(value);
    if (!e) {
      e = { value, precision: precisionOf(value), label: dateLabel(value), items: [] };
      entries.set(value, e);
    }
    return e;
  };
  for (const m of milestones) {
    entry(m.date).items.push({ kind: 'milestone', text: m.text, end: m.end ?? null, articles: m.articles.flatMap((id) => byId.get(id) ?? []) });
  }
  const mentionGroups = new Map<string, DatedMention[]>();
  for (const m of dedupeMentions(mentions)) {
    const group = mentionGroups.get(m.value);
    if (group) group.push(m);
    else mentionGroups.set(m.value, [m]);
  }
  for (const [value, group] of [...mentionGroups].sort(([a], [b]) => a.localeCompare(b))) {
    const ids = [...new Set(group.map((m) => m.articleId))];
    entry(value).items.push({
      kind: 'mention',
      mentions: group,
      articles: ids.flatMap((id) => byId.get(id) ?? []),
      flagged: group.every((m) => m.flag !== undefined),
    });
  }
  for (const a of [...articles].sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id))) {
    entry(a.date).items.push({ kind: 'article', article: a });
  }
  return [...entries.values()].sort((a, b) => a.value.localeCompare(b.value));
}
