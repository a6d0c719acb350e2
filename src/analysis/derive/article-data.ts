/**
 * What the build derives from one article's text, computed once per article and per build (and
 * kept between builds, see derive.ts): the body rendered to HTML, its numbered paragraphs, and,
 * where the build needs them, its dated mentions and figures (articles in an event) and the names
 * of actors it uses (src/analysis/entity-usage.ts). Timelines, comparisons and entity pages all read these, so
 * no article is rendered, split into paragraphs or scanned for dates twice.
 *
 * What each part depends on, and so what its key is made of:
 * - HTML, paragraphs, figures: the Markdown body only (the entry's key: `articleKey`);
 * - dated mentions: the body and the publication date (relative dates count from it), kept with
 *   the date they were counted from;
 * - names: the body, the title and the entity list, kept with `namesBasis` of the last two.
 * Every key and basis also holds the code version (code-version.ts), so a change to the code that
 * computes them makes them all new.
 *
 * Pure: no file system.
 */
import { findFigures } from '../figures.ts';
import { articleText, type NameUse } from '../entity-usage.ts';
import type { Entity } from '../../content/schema.ts';
import { renderMarkdown } from '../../markdown/render.ts';
import { findMentions } from '../mentions.ts';
import { articleKeyParts, type ArticleRecord } from './records.ts';
import { memoKey } from '../../cache/memo.ts';
import { sha256 } from '../../core/hash.ts';

/** What of an article its derived data is computed from. */
export interface ArticleInput {
  title: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** The Markdown body. */
  body: string;
}

/** What the build needs of an article beyond its HTML and paragraphs. */
export interface ArticleNeeds {
  /** Dated mentions and figures: the article belongs to an event. */
  inEvent: boolean;
  /** `namesBasis(…)`: what the name uses must have been counted with. */
  namesBasis: string;
  /** The entity counter, made on first use (making it costs more than most articles' counting). */
  counter: () => (text: string) => NameUse[];
}

/** The key of an article's entry: its body and the code version. */
export function articleKey(version: string, body: string): string {
  return memoKey(version, articleKeyParts(body));
}

/** The hash of an entity list (content/data/entities.yml as loaded), with the code version. */
export function entitiesDigest(version: string, entities: Record<string, Entity>): string {
  return sha256(JSON.stringify(['entities', version, entities]));
}

/** What an article's name uses are counted with besides its body: the entity list (`entitiesDigest`) and its title. */
export function namesBasis(entities: string, title: string): string {
  return sha256(JSON.stringify(['names', entities, title]));
}

/** A new entry for a body: its HTML and paragraphs. */
export function newArticleRecord(body: string): ArticleRecord {
  const { html, paragraphs } = renderMarkdown(body);
  return { html, paragraphs };
}

/**
 * Adds to `record` what `needs` asks for and it lacks, or holds for another date, title or entity
 * list. Returns true when anything changed (the entry is then to be written again).
 */
export function completeArticleRecord(record: ArticleRecord, input: ArticleInput, needs: ArticleNeeds): boolean {
  let changed = false;
  if (lacksMentions(record, input, needs)) {
    record.mentions = { date: input.date, found: findMentions(record.paragraphs, input.date) };
    changed = true;
  }
  if (lacksFigures(record, needs)) {
    record.figures = findFigures(record.paragraphs.map((p) => p.text));
    changed = true;
  }
  if (lacksNames(record, needs)) {
    record.names = { basis: needs.namesBasis, uses: needs.counter()(articleText(input.title, record.paragraphs)) };
    changed = true;
  }
  return changed;
}

const lacksMentions = (record: ArticleRecord, input: ArticleInput, needs: Pick<ArticleNeeds, 'inEvent'>): boolean => needs.inEvent && record.mentions?.date !== input.date;
const lacksFigures = (record: ArticleRecord, needs: Pick<ArticleNeeds, 'inEvent'>): boolean => needs.inEvent && !record.figures;
const lacksNames = (record: ArticleRecord, needs: Pick<ArticleNeeds, 'namesBasis'>): boolean => record.names?.basis !== needs.namesBasis;

/** Whether `record` already holds all that `needs` asks for (completeArticleRecord would change nothing). */
export function isCompleteRecord(record: ArticleRecord, input: ArticleInput, needs: Pick<ArticleNeeds, 'inEvent' | 'namesBasis'>): boolean {
  return !lacksMentions(record, input, needs) && !lacksFigures(record, needs) && !lacksNames(record, needs);
}
