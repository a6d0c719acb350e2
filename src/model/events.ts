/**
 * The event views: each event with its articles oldest first, its timeline (milestones, the
 * articles' dated mentions, the articles) and its overview, and what the assembly computed for
 * it beforehand: the comparison of its outlets, its map and its naming table.
 */
import { countText } from '../arabic/plural.ts';
import type { EventComparison } from '../analysis/event-comparison.ts';
import { creditMentions, dedupeMentions, type FoundMention } from '../analysis/mentions.ts';
import { buildTimeline, isCovered, type Milestone, type TimelineArticle } from '../analysis/timeline/build-timeline.ts';
import { renderTimelineOverview } from '../analysis/timeline/overview-svg.ts';
import type { ContentFile } from '../content/load.ts';
import type { EventFrontMatter } from '../content/schema.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { derivedOf } from './derived.ts';
import { displayDate, formatDateRange } from './format.ts';
import { newestUrlOf } from './list-order.ts';
import type { Refs } from './refs.ts';
import { NOUNS, TITLES } from './ui-strings.ts';
import type { ArticleView, EventView, MapListItem, NamingTable } from './views.ts';

/** What the assembly computed for one event before its view is made. */
export interface EventParts {
  /** The event's articles, oldest first. */
  articles: readonly ArticleView[];
  comparison: EventComparison;
  /** The drawn map and what is listed under it, or null for none. */
  map: { svg: string; listed: readonly MapListItem[] } | null;
  naming: NamingTable;
  /** Each article's dated mentions, by id (articles in an event: src/analysis/derive/). */
  mentions: ReadonlyMap<string, FoundMention[]>;
}

/** An event's timeline from its milestones and articles (oldest first), with the articles' dated mentions. */
function eventTimeline(
  event: EventFrontMatter,
  articles: readonly ArticleView[],
  mentionsOf: ReadonlyMap<string, FoundMention[]>,
): Pick<EventView, 'timeline' | 'timelineSvg' | 'uncoveredMentions'> {
  const forTimeline = articles.map((a): TimelineArticle => ({ id: a.id, url: a.url, title: a.title, outlet: a.outlet.name_ar, date: a.date.iso }));
  const mentions = dedupeMentions(forTimeline.flatMap((t) => creditMentions(derivedOf(mentionsOf, t.id, 'dated mentions'), t)));
  const milestones: Milestone[] = event.milestones;
  const timeline = buildTimeline(milestones, forTimeline, mentions);
  return {
    timeline,
    timelineSvg: renderTimelineOverview(timeline, { title: TITLES.timeline(event.title), id: event.id, span: { start: event.start, end: event.end } }),
    uncoveredMentions: mentions.filter((m) => !isCovered(m, milestones)),
  };
}

export function eventView({ data, body }: ContentFile<EventFrontMatter>, refs: Refs, parts: EventParts): EventView {
  const start = displayDate(data.start);
  const end = displayDate(data.end);
  const ref = refs.event(data.id);
  return {
    ...ref,
    comparison: parts.comparison,
    mapSvg: parts.map?.svg ?? '',
    mapPlaces: parts.map?.listed ?? [],
    naming: parts.naming,
    title_en: data.title_en,
    start,
    end,
    dateRange: formatDateRange(start, end),
    articleCount: countText(parts.articles.length, NOUNS.article),
    places: data.places.map(refs.place),
    summaryHtml: renderMarkdown(body).html,
    ...eventTimeline(data, parts.articles, parts.mentions),
    articles: parts.articles,
    newestUrl: newestUrlOf(ref.url, parts.articles),
  };
}
