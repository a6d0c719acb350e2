/**
 * Each event's comparison of its outlets (src/analysis/event-comparison.ts), and from it each
 * article's passages shared with other outlets, as its page notes them: computed together, before
 * the article and event views are made.
 */
import { compareEvent, type ComparedArticle, type EventComparison, type KnownTexts } from '../analysis/event-comparison.ts';
import type { SharedPassageNote } from './views.ts';

export interface Comparisons {
  /** Each event's, in the order of the events given. */
  byEvent: EventComparison[];
  /** By article id: each shared passage once, in the order of the events and their passages. */
  sharedPassages: Map<string, SharedPassageNote[]>;
}

/** `events`: in the archive's order of events, each with its articles oldest first. */
export function compareEvents(events: ReadonlyArray<{ id: string; articles: readonly ComparedArticle[] }>, known: KnownTexts): Comparisons {
  const byEvent: EventComparison[] = [];
  const sharedPassages = new Map<string, SharedPassageNote[]>();
  // (anchor, other paragraph) pairs each article already notes: an article in several events is noted once
  const noted = new Map<string, Set<string>>();
  for (const event of events) {
    const comparison = compareEvent(event.articles, known);
    byEvent.push(comparison);
    const inEvent = new Set(event.articles.map((a) => a.id));
    for (const p of comparison.passages) {
      for (const [mine, other] of [
        [p.a, p.b],
        [p.b, p.a],
      ] as const) {
        if (!inEvent.has(mine.articleId)) continue;
        let seen = noted.get(mine.articleId);
        if (!seen) noted.set(mine.articleId, (seen = new Set()));
        const key = `${mine.anchor} ${other.href}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let notes = sharedPassages.get(mine.articleId);
        if (!notes) sharedPassages.set(mine.articleId, (notes = []));
        notes.push({ anchor: mine.anchor, text: mine.text, words: p.words, elsewhere: { href: other.href, title: other.title, outlet: other.outlet } });
      }
    }
  }
  return { byEvent, sharedPassages };
}
