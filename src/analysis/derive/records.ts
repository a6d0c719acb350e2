/**
 * The entries the build keeps between builds (src/cache/disk-store.ts), and the checks an entry
 * read back must pass before it is used: an entry that is not exactly what this code writes (an
 * old format, a hand edit, another key's entry) is treated as missing and computed again, never
 * trusted.
 *
 * - An article entry: what one article's Markdown body gives (its HTML, its paragraphs), and,
 *   where the build needed them, its dated mentions, its figures and its names of actors. Parts
 *   that depend on more than the body say what else they were computed from (`date`, `basis`),
 *   so a changed publication date, title or entity list recomputes that part only.
 * - A passages entry: the shared passages of one event's articles.
 * - A map entry: the SVG of one map (src/analysis/maps/map.ts) of an event or a place.
 */
import type { Figure } from '../figures.ts';
import type { SharedPassage } from '../passages.ts';
import type { NameUse } from '../entity-usage.ts';
import type { FoundMention } from '../mentions.ts';
import type { Paragraph } from '../../markdown/paragraphs.ts';

/** Bumped when the shape of an entry changes (the code version changes then too; this is a second guard). */
export const RECORD_FORMAT = 1;

export interface ArticleRecord {
  format: typeof RECORD_FORMAT;
  /** The key the entry is stored under: an entry found under another key is not used. */
  key: string;
  html: string;
  paragraphs: Paragraph[];
  /** Dated mentions (articles in an event), counted from the publication date `date`. */
  mentions?: { date: string; found: FoundMention[] };
  /** Figures (articles in an event): `findFigures` of the paragraphs. */
  figures?: Figure[];
  /** Names of actors used; `basis` is the hash of the entity list and the title they were counted in. */
  names?: { basis: string; uses: NameUse[] };
}

export interface PassagesRecord {
  format: typeof RECORD_FORMAT;
  key: string;
  passages: SharedPassage[];
}

export interface MapRecord {
  format: typeof RECORD_FORMAT;
  key: string;
  svg: string;
}

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === 'boolean';
const arrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);

/** An object with exactly these fields (optional ones may be absent, never undefined or null). */
function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v) => {
    if (!isObject(v)) return false;
    for (const [field, check] of Object.entries(required)) if (!check(v[field])) return false;
    for (const field of Object.keys(v)) {
      if (Object.hasOwn(required, field)) continue;
      if (!Object.hasOwn(optional, field) || !(optional[field] as Check)(v[field])) return false;
    }
    return true;
  };
}

const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);

const isParagraph = shape({ anchor: isString, text: isString });
const isMention = shape(
  {
    value: isString,
    precision: oneOf('day', 'month', 'year'),
    kind: oneOf('explicit', 'relative'),
    expression: isString,
    sentence: isString,
    anchor: isString,
  },
  { endValue: isString, flag: isString },
);
const isFigure = shape(
  { value: isNumber, unit: isString, approximate: isBoolean, text: isString, paragraph: isNumber, start: isNumber, end: isNumber },
  { noun: isString, context: isString, hedge: isString, range: shape({ from: isNumber, to: isNumber }) },
);
const isNameUse = shape({ entity: isString, name: isString, count: isNumber });
const isSide = shape({ id: isString, paragraph: isNumber, start: isNumber, end: isNumber, text: isString });
const isPassage = shape({ words: isNumber, a: isSide, b: isSide });

const isArticle = shape(
  { format: (v) => v === RECORD_FORMAT, key: isString, html: isString, paragraphs: arrayOf(isParagraph) },
  {
    mentions: shape({ date: isString, found: arrayOf(isMention) }),
    figures: arrayOf(isFigure),
    names: shape({ basis: isString, uses: arrayOf(isNameUse) }),
  },
);
const isPassages = shape({ format: (v) => v === RECORD_FORMAT, key: isString, passages: arrayOf(isPassage) });
const isMap = shape({ format: (v) => v === RECORD_FORMAT, key: isString, svg: isString });

/** True when `value` is an article entry as this code writes it, stored under `key`. */
export function isArticleRecord(value: unknown, key: string): value is ArticleRecord {
  return isArticle(value) && (value as ArticleRecord).key === key;
}

/** True when `value` is a passages entry as this code writes it, stored under `key`. */
export function isPassagesRecord(value: unknown, key: string): value is PassagesRecord {
  return isPassages(value) && (value as PassagesRecord).key === key;
}

/** True when `value` is a map entry as this code writes it, stored under `key`. */
export function isMapRecord(value: unknown, key: string): value is MapRecord {
  return isMap(value) && (value as MapRecord).key === key;
}
