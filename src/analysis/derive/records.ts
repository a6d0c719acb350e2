/**
 * The values the build keeps between builds (through src/cache/memo.ts), and the zod schemas a
 * value read back must pass before it is used: a value that is not exactly what this code writes
 * (an old shape, a hand edit) is treated as missing and computed again, never trusted. Objects
 * are strict (no other fields); optional fields may be absent, never null.
 *
 * - An article record: what one article's Markdown body gives (its HTML, its paragraphs), and,
 *   where the build needed them, its dated mentions, its figures and its names of actors. Parts
 *   that depend on more than the body say what else they were computed from (`date`, `basis`),
 *   so a changed publication date, title or entity list recomputes that part only.
 * - Passages: the shared passages of one event's articles.
 * - A map: the SVG of one map (src/analysis/maps/map.ts) of an event or a place.
 *
 * The kinds (the store's folders) and key parts of each are here too, so that every reader and
 * writer of one kind of value uses the same.
 */
import { z } from 'zod';
import type { Figure } from '../figures.ts';
import type { SharedPassage } from '../passages.ts';
import type { NameUse } from '../entity-usage.ts';
import type { FoundMention } from '../mentions.ts';
import type { Paragraph } from '../../markdown/paragraphs.ts';
import type { Quote } from '../quotes.ts';
import type { renderPlaceMap } from '../maps/map.ts';

const paragraphSchema = z.strictObject({ anchor: z.string(), text: z.string() }) satisfies z.ZodType<Paragraph>;

const mentionSchema = z.strictObject({
  value: z.string(),
  endValue: z.string().optional(),
  precision: z.enum(['day', 'month', 'year']),
  kind: z.enum(['explicit', 'relative']),
  expression: z.string(),
  sentence: z.string(),
  anchor: z.string(),
  flag: z.string().optional(),
}) satisfies z.ZodType<FoundMention>;

const figureSchema = z.strictObject({
  value: z.number(),
  unit: z.string(),
  approximate: z.boolean(),
  text: z.string(),
  paragraph: z.number(),
  start: z.number(),
  end: z.number(),
  noun: z.string().optional(),
  context: z.string().optional(),
  hedge: z.string().optional(),
  range: z.strictObject({ from: z.number(), to: z.number() }).optional(),
}) satisfies z.ZodType<Figure>;

const nameUseSchema = z.strictObject({ entity: z.string(), name: z.string(), count: z.number() }) satisfies z.ZodType<NameUse>;

const sideSchema = z.strictObject({ id: z.string(), paragraph: z.number(), start: z.number(), end: z.number(), text: z.string() });
const passageSchema = z.strictObject({ words: z.number(), a: sideSchema, b: sideSchema }) satisfies z.ZodType<SharedPassage>;

export interface ArticleRecord {
  html: string;
  paragraphs: Paragraph[];
  /** Dated mentions (articles in an event), counted from the publication date `date`. */
  mentions?: { date: string; found: FoundMention[] };
  /** Figures (articles in an event): `findFigures` of the paragraphs. */
  figures?: Figure[];
  /** Names of actors used; `basis` is the hash of the entity list and the title they were counted in. */
  names?: { basis: string; uses: NameUse[] };
}

export const articleRecordSchema = z.strictObject({
  html: z.string(),
  paragraphs: z.array(paragraphSchema),
  mentions: z.strictObject({ date: z.string(), found: z.array(mentionSchema) }).optional(),
  figures: z.array(figureSchema).optional(),
  names: z.strictObject({ basis: z.string(), uses: z.array(nameUseSchema) }).optional(),
}) satisfies z.ZodType<ArticleRecord>;

export const passagesSchema = z.array(passageSchema) satisfies z.ZodType<SharedPassage[]>;

export const mapSchema = z.string();

/** The store's folders for each. */
export const ARTICLES = 'articles';
export const PASSAGES = 'passages';
export const MAPS = 'maps';
export const QUOTES = 'quotes';

const quoteSchema = z.strictObject({ entity: z.string(), anchor: z.string(), text: z.string() }) satisfies z.ZodType<Quote>;

/**
 * People's quotes, every article's in one entry (as the parse cache keeps its files): `basis`, the
 * hash of the people they were found for, and each article's quotes by its record's key (its body).
 */
export const quotesSchema = z.strictObject({ basis: z.string(), byArticle: z.record(z.string(), z.array(quoteSchema)) });

/** The key parts of an article's record: its body (article-data.ts's articleKey). */
export const articleKeyParts = (body: string): unknown[] => ['article', body];

type MapArgs = Parameters<typeof renderPlaceMap>;

/** The key parts of a map: exactly what renderPlaceMap reads. */
export const mapKeyParts = (places: MapArgs[0], options: MapArgs[1]): unknown[] => ['map', places, options];

/** The key parts of an event's passages: exactly what findSharedPassages reads. */
export const passagesKeyParts = (sources: unknown): unknown[] => ['passages', sources];
