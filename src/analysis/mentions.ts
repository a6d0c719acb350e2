/**
 * Dated mentions in an article, for an event's timeline: every date expression the resolver
 * finds in the article's paragraphs, relative ones resolved against the publication date, each
 * with its precision, the sentence as evidence and the paragraph to link to. A weekday that
 * disagrees with its resolved date is kept but flagged, never trusted silently.
 *
 * In two steps: `findMentions` reads what the paragraphs and the publication date alone give
 * (which the build keeps between builds, src/analysis/derive/), `creditMentions` adds the article's id,
 * outlet and links, which may change without the text changing.
 */
import { parseIsoDate } from '../arabic/calendar.ts';
import { findDateMentions, type Precision } from '../arabic/dates.ts';
import type { Paragraph } from '../markdown/paragraphs.ts';

/** An article to read dated mentions from (the mention finder's stage: a TimelineArticle with its paragraphs). */
export interface ArticleForTimeline {
  id: string;
  url: string;
  title: string;
  outlet: string;
  /** Publication date, YYYY-MM-DD: the anchor of relative expressions. */
  date: string;
  paragraphs: Paragraph[];
}

/**
 * A dated mention as the text gives it, before it is credited to an article: what depends on the
 * article's paragraphs and publication date only (so it can be kept between builds; the article's
 * id, address and outlet are added by `creditMentions`).
 */
export interface FoundMention {
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
  /** The paragraph's anchor, `p-N`. */
  anchor: string;
  /** Why the mention is not to be trusted, if it is not. */
  flag?: string;
}

/** A dated mention credited to its article. */
export interface DatedMention extends Omit<FoundMention, 'anchor'> {
  articleId: string;
  /** The article's outlet, as shown. */
  outlet: string;
  /** Link to the paragraph: `/articles/ID/#p-N`. */
  href: string;
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);

/** The sentence of `text` around offset `at`. */
export function sentenceAround(text: string, at: number): string {
  // just after the last sentence end before `at` (a backward scan: a regular expression anchored
  // at the end would try every start position, quadratic in a long paragraph)
  let start = Math.min(at, text.length);
  while (start > 0 && !SENTENCE_END.has(text[start - 1] as string)) start--;
  const after = text.slice(at).search(/[.!?؟…](\s|$)/u);
  const end = after < 0 ? text.length : at + after + 1;
  return text.slice(start, end).trim();
}

/** Every resolved date expression of the paragraphs, relative ones counted from `date` (YYYY-MM-DD). */
export function findMentions(paragraphs: Paragraph[], date: string): FoundMention[] {
  const anchor = parseIsoDate(date);
  const out: FoundMention[] = [];
  for (const paragraph of paragraphs) {
    for (const m of findDateMentions(paragraph.text, { anchor })) {
      if (!m.value) continue;
      out.push({
        value: m.value,
        ...(m.endValue ? { endValue: m.endValue } : {}),
        precision: m.precision,
        kind: m.kind,
        expression: m.text,
        sentence: sentenceAround(paragraph.text, m.start),
        anchor: paragraph.anchor,
        ...(m.weekdayAgrees === false ? { flag: 'اليوم المذكور لا يوافق هذا التاريخ' } : {}),
      });
    }
  }
  return out;
}

/** The mentions found in an article, credited to it: its id, its outlet and links to its paragraphs. */
export function creditMentions(found: FoundMention[], article: Pick<ArticleForTimeline, 'id' | 'url' | 'outlet'>): DatedMention[] {
  return found.map((m) => ({
    value: m.value,
    ...(m.endValue !== undefined ? { endValue: m.endValue } : {}),
    precision: m.precision,
    kind: m.kind,
    expression: m.expression,
    sentence: m.sentence,
    articleId: article.id,
    outlet: article.outlet,
    href: `${article.url}#${m.anchor}`,
    ...(m.flag !== undefined ? { flag: m.flag } : {}),
  }));
}

export function extractMentions(article: ArticleForTimeline): DatedMention[] {
  return creditMentions(findMentions(article.paragraphs, article.date), article);
}

/**
 * One mention per article, date and sentence: a sentence that gives its date twice ("اليوم السبت
 * (23 آذار/مارس 2019)") is one piece of evidence, not two. The explicit form is kept over the
 * relative one, and one whose weekday agrees over one flagged; otherwise the first.
 */
export function dedupeMentions<T extends Pick<DatedMention, 'articleId' | 'value' | 'sentence' | 'kind' | 'flag'>>(mentions: T[]): T[] {
  const rank = (m: T) => (m.flag === undefined ? 0 : 2) + (m.kind === 'explicit' ? 0 : 1);
  const kept = new Map<string, T>();
  for (const m of mentions) {
    const key = `${m.articleId}\u0000${m.value}\u0000${m.sentence}`;
    const seen = kept.get(key);
    if (!seen || rank(m) < rank(seen)) kept.set(key, m);
  }
  const chosen = new Set(kept.values());
  return mentions.filter((m) => chosen.has(m));
}
