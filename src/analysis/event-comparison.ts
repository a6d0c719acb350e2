/**
 * How the outlets covering an event compare, as the event and article pages show it: passages
 * of wire copy shared between outlets, one entry per run with every paragraph that prints it
 * (passage-groups.ts), and the figures each outlet reported (a table of figure × outlet). Pure; computed from what the build already knows
 * of each article (its paragraphs and figures, see src/analysis/derive/), so nothing is read twice.
 */
import { compareFoundFigures, type Figure } from './figures.ts';
import { groupSharedPassages } from './passage-groups.ts';
import { findSharedPassages, type PassageSource, type SharedPassage } from './passages.ts';
import type { Paragraph } from '../markdown/paragraphs.ts';

/** What the comparison needs of an article: its page and outlet (a subset of the model's ArticleView). */
export interface ComparedArticle {
  id: string;
  url: string;
  title: string;
  outlet: { key: string; name_ar: string };
}

/** A paragraph that prints a shared run, as the pages link to it. */
export interface PassageMember {
  articleId: string;
  title: string;
  /** The outlet's Arabic name, and its key. */
  outlet: string;
  outletKey: string;
  /** Link to the paragraph: /articles/ID/#p-N. */
  href: string;
  anchor: string;
  /** Paragraph index, 0-based. */
  paragraph: number;
  /** The longest shared run in this paragraph, as this article wrote it, and its length in words. */
  text: string;
  words: number;
}

/** One shared run and every paragraph of the event's articles that prints it (passage-groups.ts). */
export interface PassageGroupView {
  /** Its id on the event page (passageAnchor): the article pages link there for the outlets they do not list. */
  anchor: string;
  /** The longest side of the run, as the first paragraph holding it wrote it. */
  words: number;
  text: string;
  /** Oldest article first, then by paragraph. */
  members: PassageMember[];
}

/** The id of the event page's i-th shared run (0-based): `passage-1`, `passage-2`, … */
export const passageAnchor = (i: number): string => `passage-${i + 1}`;

export interface FigureCell {
  outletKey: string;
  reports: Array<{ href: string; title: string; text: string; approximate: boolean }>;
}

export interface FigureTable {
  outlets: Array<{ key: string; name: string }>;
  rows: Array<{ label: string; value: number; unit: string; cells: FigureCell[]; outletCount: number }>;
}

export interface EventComparison {
  /** The shared runs, in the order of their first paragraph (oldest article first). */
  passages: PassageGroupView[];
  figures: FigureTable;
}

/** "11 ألف", "5 ملايين", "250": a figure as the Arabic press writes it. */
export function formatFigureValue(value: number): string {
  if (value >= 1_000_000 && value % 1_000_000 === 0) {
    const m = value / 1_000_000;
    return m === 1 ? 'مليون' : `${m} ${m >= 3 && m <= 10 ? 'ملايين' : 'مليون'}`;
  }
  if (value >= 1000 && value % 1000 === 0) {
    const k = value / 1000;
    return k === 1 ? 'ألف' : `${k} ${k >= 3 && k <= 10 ? 'آلاف' : 'ألف'}`;
  }
  return String(value);
}

/** What the build knows of the articles' texts, by article id (src/analysis/derive/): every compared article is in both maps. */
export interface KnownTexts {
  paragraphs: ReadonlyMap<string, Paragraph[]>;
  /** `findFigures` of the article's paragraph texts. */
  figures: ReadonlyMap<string, Figure[]>;
  /** Finds the shared passages (through a cache, say); `findSharedPassages` by default. */
  findPassages?: (sources: PassageSource[]) => SharedPassage[];
}

function knownFor<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`compareEvent: the build derived no ${what} for article ${id}`); // deriveArticles gives every article in an event both
  return value;
}

export function compareEvent(articles: readonly ComparedArticle[], known: KnownTexts): EventComparison {
  const paragraphs = new Map<string, Paragraph[]>(articles.map((a) => [a.id, knownFor(known.paragraphs, a.id, 'paragraphs')]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const link = (id: string, paragraph: number) => {
    const article = byId.get(id) as ComparedArticle;
    const anchor = paragraphs.get(id)?.[paragraph]?.anchor ?? 'p-1';
    return { article, anchor, href: `${article.url}#${anchor}` };
  };
  const sources = articles.map((a) => ({ id: a.id, outlet: a.outlet.key, paragraphs: (paragraphs.get(a.id) ?? []).map((p) => p.text) }));
  const found = (known.findPassages ?? findSharedPassages)(sources);
  const passages = groupSharedPassages(
    found,
    articles.map((a) => a.id),
  ).map(
    (group, i): PassageGroupView => ({
      anchor: passageAnchor(i),
      words: group.words,
      text: group.text,
      members: group.members.map((m): PassageMember => {
        const { article, anchor, href } = link(m.id, m.paragraph);
        return {
          articleId: m.id,
          title: article.title,
          outlet: article.outlet.name_ar,
          outletKey: article.outlet.key,
          href,
          anchor,
          paragraph: m.paragraph,
          text: m.text,
          words: m.words,
        };
      }),
    }),
  );

  const outletKeys = [...new Set(articles.map((a) => a.outlet.key))];
  const outletName = new Map(articles.map((a) => [a.outlet.key, a.outlet.name_ar]));
  const figures = sources.map((s) => ({ id: s.id, outlet: s.outlet, figures: knownFor(known.figures, s.id, 'figures') }));
  const rows = compareFoundFigures(figures).map((row) => {
    // each outlet's reports, in the row's order of articles
    const reports = new Map<string, FigureCell['reports']>(outletKeys.map((key) => [key, []]));
    for (const [id, figures] of Object.entries(row.byArticle)) {
      const cell = reports.get(byId.get(id)?.outlet.key ?? '');
      if (!cell) continue;
      for (const f of figures as Figure[]) {
        const { article, href } = link(id, f.paragraph);
        cell.push({ href, title: article.title, text: f.text, approximate: f.approximate });
      }
    }
    const cells = outletKeys.map((key): FigureCell => ({ outletKey: key, reports: reports.get(key) ?? [] }));
    return { label: `${formatFigureValue(row.value)} ${row.unit}`, value: row.value, unit: row.unit, cells, outletCount: row.outlets.length };
  });
  return { passages, figures: { outlets: outletKeys.map((key) => ({ key, name: outletName.get(key) ?? key })), rows } };
}
