/**
 * Dated mentions in an article, for an event's timeline: every date expression the resolver
 * finds in the article's paragraphs, relative ones resolved against the publication date, each
 * with its precision, the sentence as evidence and the paragraph to link to. A weekday that
 * disagrees with its resolved date is kept but flagged, never trusted silently.
 */
import { parseIsoDate } from '../arabic/calendar.ts';
import { findDateMentions, type Precision } from '../arabic/dates.ts';
import type { Paragraph } from './paragraphs.ts';

export interface ArticleForTimeline {
  id: string;
  url: string;
  title: string;
  outlet: string;
  /** Publication date, YYYY-MM-DD: the anchor of relative expressions. */
  date: string;
  paragraphs: Paragraph[];
}

export interface DatedMention {
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'. */
  value: string;
  /** End of a range, where the text gives one. */
  endValue?: string;
  precision: Precision;
  kind: 'explicit' | 'relative';
  /** The expression as written ("أمس الثلاثاء"). */
  expression: string;
  /** The sentence it stands in. */
  sentence: string;
  articleId: string;
  /** The article's outlet, as shown. */
  outlet: string;
  /** Link to the paragraph: `/articles/ID/#p-N`. */
  href: string;
  /** Why the mention is not to be trusted, if it is not. */
  flag?: string;
}

/** The sentence of `text` around offset `at`. */
export function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.search(/[^.!?؟…]*$/u), 0);
  const after = text.slice(at).search(/[.!?؟…](\s|$)/u);
  const end = after < 0 ? text.length : at + after + 1;
  return text.slice(start, end).trim();
}

export function extractMentions(article: ArticleForTimeline): DatedMention[] {
  const anchor = parseIsoDate(article.date);
  const out: DatedMention[] = [];
  for (const paragraph of article.paragraphs) {
    for (const m of findDateMentions(paragraph.text, { anchor })) {
      if (!m.value) continue;
      out.push({
        value: m.value,
        ...(m.endValue ? { endValue: m.endValue } : {}),
        precision: m.precision,
        kind: m.kind,
        expression: m.text,
        sentence: sentenceAround(paragraph.text, m.start),
        articleId: article.id,
        outlet: article.outlet,
        href: `${article.url}#${paragraph.anchor}`,
        ...(m.weekdayAgrees === false ? { flag: 'اليوم المذكور لا يوافق هذا التاريخ' } : {}),
      });
    }
  }
  return out;
}
