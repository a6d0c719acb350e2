/**
 * How the outlets covering an event compare, as the event and article pages show it: passages
 * of wire copy shared between outlets (with links to both paragraphs), and the figures each
 * outlet reported (a table of figure × outlet). Pure; computed from the archive's article views.
 */
import { compareFigures, type Figure } from '../compare/figures.ts';
import { findSharedPassages } from '../compare/passages.ts';
import { paragraphsFromHtml, type Paragraph } from '../timeline/paragraphs.ts';

/** What the comparison needs of an article (a subset of ArticleView). */
export interface ComparedArticle {
  id: string;
  url: string;
  title: string;
  html: string;
  outlet: { key: string; name_ar: string };
}

export interface PassageSide {
  articleId: string;
  title: string;
  outlet: string;
  /** Link to the paragraph: /articles/ID/#p-N. */
  href: string;
  anchor: string;
  text: string;
}

export interface PassageView {
  words: number;
  a: PassageSide;
  b: PassageSide;
}

export interface FigureCell {
  outletKey: string;
  reports: Array<{ href: string; title: string; text: string; approximate: boolean }>;
}

export interface FigureTable {
  outlets: Array<{ key: string; name: string }>;
  rows: Array<{ label: string; value: number; unit: string; cells: FigureCell[]; outletCount: number }>;
}

export interface EventComparison {
  passages: PassageView[];
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

export function compareEvent(articles: ComparedArticle[]): EventComparison {
  const paragraphs = new Map<string, Paragraph[]>(articles.map((a) => [a.id, paragraphsFromHtml(a.html)]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const side = (id: string, paragraph: number, text: string): PassageSide => {
    const article = byId.get(id) as ComparedArticle;
    const anchor = paragraphs.get(id)?.[paragraph]?.anchor ?? 'p-1';
    return { articleId: id, title: article.title, outlet: article.outlet.name_ar, href: `${article.url}#${anchor}`, anchor, text };
  };
  const sources = articles.map((a) => ({ id: a.id, outlet: a.outlet.key, paragraphs: (paragraphs.get(a.id) ?? []).map((p) => p.text) }));
  const passages = findSharedPassages(sources).map((p) => ({
    words: p.words,
    a: side(p.a.id, p.a.paragraph, p.a.text),
    b: side(p.b.id, p.b.paragraph, p.b.text),
  }));

  const outletKeys = [...new Set(articles.map((a) => a.outlet.key))];
  const outletName = new Map(articles.map((a) => [a.outlet.key, a.outlet.name_ar]));
  const rows = compareFigures(sources).map((row) => {
    const cells = outletKeys.map((key): FigureCell => ({
      outletKey: key,
      reports: Object.entries(row.byArticle)
        .filter(([id]) => byId.get(id)?.outlet.key === key)
        .flatMap(([id, figures]) => figures.map((f: Figure) => ({ ...side(id, f.paragraph, f.text), approximate: f.approximate })))
        .map(({ href, title, text, approximate }) => ({ href, title, text, approximate })),
    }));
    return { label: `${formatFigureValue(row.value)} ${row.unit}`, value: row.value, unit: row.unit, cells, outletCount: row.outlets.length };
  });
  return { passages, figures: { outlets: outletKeys.map((key) => ({ key, name: outletName.get(key) ?? key })), rows } };
}
