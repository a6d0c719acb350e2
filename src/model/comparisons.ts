/**
 * Each event's comparison of its outlets (src/analysis/event-comparison.ts), and from it each
 * article's notes on the paragraphs other outlets printed too, as its page shows them: computed
 * together, before the article and event views are made.
 *
 * One note per paragraph, whatever the number of outlets and events that print it: the other
 * outlets counted, the first SHARED_PASSAGE_LINKS of them linked (those of the run it quotes
 * first, each at the first of its articles, oldest first), and the rest left to the run's entry on the event page, which lists
 * every paragraph that prints it. So an article page grows with its own paragraphs, where one
 * note per pair of articles grew with the square of its event.
 */
import { compareEvent, type ComparedArticle, type EventComparison, type KnownTexts, type PassageMember } from '../analysis/event-comparison.ts';
import { SHARED_PASSAGE_LINKS } from './list-order.ts';
import { eventPath } from './site-paths.ts';
import { SHARED_PASSAGE_REST } from './ui-strings.ts';
import type { ElsewhereLink, SharedPassageNote } from './views.ts';

export interface Comparisons {
  /** Each event's, in the order of the events given. */
  byEvent: EventComparison[];
  /** By article id: one note per paragraph other outlets print too, in the order of its paragraphs. */
  sharedPassages: Map<string, SharedPassageNote[]>;
}

/** An event's run that prints a paragraph: where the event page lists it, and its outlets, each at its first paragraph. */
interface RunRef {
  event: { id: string; title: string };
  anchor: string;
  outlets: ReadonlyMap<string, ElsewhereLink>;
}

/** A paragraph's note in the making: the longest run it shares, and every run that prints it, with its length in this paragraph. */
interface Draft {
  paragraph: number;
  anchor: string;
  outletKey: string;
  text: string;
  words: number;
  runs: Array<{ run: RunRef; words: number }>;
}

/** `events`: in the archive's order of events, each with its articles oldest first. */
export function compareEvents(events: ReadonlyArray<{ id: string; title: string; articles: readonly ComparedArticle[] }>, known: KnownTexts): Comparisons {
  const byEvent: EventComparison[] = [];
  // by article id, then paragraph index
  const drafts = new Map<string, Map<number, Draft>>();
  for (const event of events) {
    const comparison = compareEvent(event.articles, known);
    byEvent.push(comparison);
    for (const group of comparison.passages) {
      const run: RunRef = { event, anchor: group.anchor, outlets: firstOfEachOutlet(group.members) };
      for (const m of group.members) {
        let ofArticle = drafts.get(m.articleId);
        if (!ofArticle) drafts.set(m.articleId, (ofArticle = new Map()));
        const draft = ofArticle.get(m.paragraph);
        if (!draft) ofArticle.set(m.paragraph, { paragraph: m.paragraph, anchor: m.anchor, outletKey: m.outletKey, text: m.text, words: m.words, runs: [{ run, words: m.words }] });
        else {
          if (m.words > draft.words) Object.assign(draft, { text: m.text, words: m.words });
          draft.runs.push({ run, words: m.words });
        }
      }
    }
  }
  const sharedPassages = new Map<string, SharedPassageNote[]>();
  for (const [id, ofArticle] of drafts) {
    sharedPassages.set(id, [...ofArticle.values()].sort((x, y) => x.paragraph - y.paragraph).map(note));
  }
  return { byEvent, sharedPassages };
}

function firstOfEachOutlet(members: readonly PassageMember[]): Map<string, ElsewhereLink> {
  const outlets = new Map<string, ElsewhereLink>();
  for (const m of members) if (!outlets.has(m.outletKey)) outlets.set(m.outletKey, { href: m.href, title: m.title, outlet: m.outlet });
  return outlets;
}

function note(draft: Draft): SharedPassageNote {
  // the other outlets: those of the run the note quotes (the longest) first, then in the order
  // of the events, their runs and their articles
  const others = new Map<string, ElsewhereLink>();
  const longestFirst = [...draft.runs].sort((x, y) => y.words - x.words);
  for (const { run } of longestFirst) for (const [key, link] of run.outlets) if (key !== draft.outletKey && !others.has(key)) others.set(key, link);
  const shown = [...others.keys()].slice(0, SHARED_PASSAGE_LINKS);
  // each event once, in their order: its first run that prints an outlet not shown
  const restRuns: RunRef[] = [];
  for (const { run } of draft.runs) {
    if (restRuns.some((r) => r.event.id === run.event.id)) continue;
    if ([...run.outlets.keys()].some((key) => key !== draft.outletKey && !shown.includes(key))) restRuns.push(run);
  }
  return {
    anchor: draft.anchor,
    text: draft.text,
    words: draft.words,
    outletCount: others.size,
    elsewhere: shown.map((key) => others.get(key) as ElsewhereLink),
    rest: restRuns.map((run) => ({
      href: `${eventPath(run.event.id)}#${run.anchor}`,
      label: restRuns.length === 1 ? SHARED_PASSAGE_REST.inOneEvent : SHARED_PASSAGE_REST.inEvent(run.event.title),
    })),
  };
}
