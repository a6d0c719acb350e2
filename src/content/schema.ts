/**
 * zod schemas for everything a user writes in content/: article and event front matter, and the
 * data files. Messages are written for the person editing the file; the loader adds the file,
 * the line and the field.
 *
 * Dates are plain `YYYY-MM-DD` strings (the loader parses YAML without timestamps, so a date is
 * never silently turned into a Date or rolled over from 2019-02-30 to 2 March).
 */
import { z } from 'zod';
import { parseIsoDate } from '../arabic/calendar.ts';

const isoDate = z
  .string({ error: 'must be a date written as YYYY-MM-DD' })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { error: 'must be written as YYYY-MM-DD' })
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || parseIsoDate(s) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not a real calendar date`,
  });

/** Bidi embeddings, overrides and isolates: invisible, they reorder what a reader sees and can disguise a name. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Control characters, which no text holds (tab and line feed are text). */
const CONTROL_CHARACTERS = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/gu;
/** Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF…): never text, and invalid in HTML. */
const NONCHARACTERS = /\p{Noncharacter_Code_Point}/gu;

const CHARACTER_NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with the characters of a text written by hand, as "what is wrong; what to do",
 * or undefined. `npm run add` removes such characters from raw texts; in a file written by
 * hand they are refused, since what they do cannot be seen.
 */
export function unsafeCharacters(s: string): string | undefined {
  const list = (found: string[]) => {
    const distinct = [...new Set(found)];
    const named = distinct.slice(0, 3).map((c) => (CHARACTER_NAMES[c] ? `${codePoint(c)} ${CHARACTER_NAMES[c]}` : codePoint(c)));
    return named.join(', ') + (distinct.length > 3 ? ', …' : '');
  };
  const bidi = s.match(BIDI_CONTROLS);
  if (bidi) return `contains invisible direction-control characters (${list(bidi)}), which reorder what a reader sees; remove them`;
  const controls = s.match(CONTROL_CHARACTERS);
  if (controls) return `contains control characters (${list(controls)}), which no text holds; remove them`;
  const nonchars = s.match(NONCHARACTERS);
  if (nonchars) return `contains noncharacters (${list(nonchars)}), which no text holds and no page may show; remove them`;
  return undefined;
}

/** Longest single-line value (a title, a name, a label), in characters. */
export const MAX_LINE_LENGTH = 1000;

const safe = (schema: z.ZodString) =>
  schema.refine((s) => unsafeCharacters(s) === undefined, {
    error: (issue) => unsafeCharacters(String(issue.input)) ?? 'contains unsafe characters; remove them',
  });

/** Free text: a note, a caption, a summary line. */
const text = safe(z.string({ error: 'must be text (put it in quotes)' }).trim().min(1, { error: 'must not be empty' }));
/** A title, a name, a label: text of at most MAX_LINE_LENGTH characters. */
const line = text.refine((s) => s.length <= MAX_LINE_LENGTH, {
  error: (issue) =>
    `is ${String(issue.input).length.toLocaleString('en')} characters long, more than a title, name or label holds (${MAX_LINE_LENGTH}); check that no body text ended up in it`,
});
const slug = z.string({ error: 'must be text' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase Latin letters, digits and single hyphens' });

/** An http(s) address with a host: never `javascript:`, `data:` or another scheme a link could run. */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(s)) return false;
  try {
    const parsed = new URL(s);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
const url = safe(z.string({ error: 'must be an address' })).refine(isHttpUrl, {
  error: 'must be an http(s) address, e.g. https://example.com/page; no other kind of link is allowed',
});
/** A domain (`enabbaladi.net`) or a domain with a path (`masress.com/soutelomma`), lowercase, no scheme. */
const domainEntry = line.refine((s) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?:\/[^\s/]+)*$/.test(s), {
  error: 'must be a lowercase domain such as example.com (or a domain and a path, example.com/section), without http:// or www.',
});
const textList = z.array(text, { error: 'must be a list, e.g. [a, b] (one item is written [a])' });
const lineList = z.array(line, { error: 'must be a list, e.g. [a, b] (one item is written [a])' });

export const DATE_BASES = ['stated', 'inferred', 'url', 'editor'] as const;

export const relatedMaterialSchema = z.strictObject({
  kind: z.enum(['gallery', 'sidebar', 'other'], { error: 'must be one of gallery, sidebar, other' }),
  title: line,
  credit: line.nullable().default(null),
  note: text,
  events: z.array(slug).default([]),
  places: textList.default([]),
  items: z.array(z.strictObject({ heading: text.nullable().default(null), text })).min(1, { error: 'must list at least one item' }),
});

export const articleSchema = z.strictObject({
  id: slug,
  title: line,
  outlet: slug,
  date: isoDate,
  date_basis: z.enum(DATE_BASES, { error: `must be one of ${DATE_BASES.join(', ')}` }),
  source: z.strictObject({
    file: safe(z.string({ error: 'must be a path' })).regex(/^sources\/(?!\.)[^/\\]+$/, {
      error: 'must name a file directly in sources/, e.g. sources/name.txt (no folders, no "..")',
    }),
    sha256: z.string({ error: 'must be text (put it in quotes)' }).regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex digits' }),
    url: url.nullable().default(null),
    retrieved: isoDate.nullable().default(null),
  }),
  places: lineList.default([]),
  events: z.array(slug, { error: 'must be a list of event keys' }).default([]),
  agencies: lineList.default([]),
  author: line.nullable().default(null),
  language: z.literal('ar', { error: 'must be ar (Arshif archives Arabic articles)' }),
  dateline: line.nullable().default(null),
  tags: lineList.default([]),
  related_material: z.array(relatedMaterialSchema).default([]),
});
export type ArticleFrontMatter = z.infer<typeof articleSchema>;

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': a date known to the year, the month or the day. */
const partialDate = z
  .string({ error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD (put it in quotes if it is only a year)' })
  .refine((s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s), { error: 'must be written YYYY, YYYY-MM or YYYY-MM-DD' })
  .refine((s) => s.length !== 10 || parseIsoDate(s) !== undefined, { error: (issue) => `"${String(issue.input)}" is not a real calendar date` })
  .refine((s) => s.length !== 7 || (Number(s.slice(5)) >= 1 && Number(s.slice(5)) <= 12), { error: 'has no such month' });

/** A curated point of an event's timeline. */
export const milestoneSchema = z.strictObject({
  date: partialDate,
  end: partialDate.nullable().default(null),
  text,
  /** Ids of the articles that report it. */
  articles: z.array(slug).default([]),
});
export type MilestoneFrontMatter = z.infer<typeof milestoneSchema>;

/** The `--event` value of `npm run add` that assigns no event: no event file may take it as its id. */
export const NO_EVENT_ID = 'none';

export const eventSchema = z
  .strictObject({
    id: slug.refine((s) => s !== NO_EVENT_ID, {
      error: `"${NO_EVENT_ID}" is reserved (npm run add -- --event ${NO_EVENT_ID} means "no event"); choose another id, and rename the file to match`,
    }),
    title: line,
    title_en: line,
    start: isoDate,
    end: isoDate,
    places: textList.default([]),
    milestones: z.array(milestoneSchema).default([]),
  })
  .refine((e) => e.end >= e.start, { error: 'ends before it starts', path: ['end'] });
export type EventFrontMatter = z.infer<typeof eventSchema>;

export const outletSchema = z.strictObject({
  name_ar: line,
  name_en: line,
  country: line,
  country_ar: line,
  homepage: url.nullable().default(null),
  /**
   * Domains that identify the outlet: its own, old ones and mirrors (each covers its
   * subdomains), and aggregator paths that carry only its copy (`masress.com/soutelomma`).
   */
  domains: z.array(domainEntry).default([]),
  kind: line,
  /** Other names the outlet signs with in mastheads and bylines (Latin or Arabic spellings). */
  aliases: lineList.default([]),
  /**
   * How a raw text is recognised: literal strings, or regular expressions written `/…/`
   * (matched against whole lines of the raw text).
   */
  signatures: z.array(text).default([]),
});
export type Outlet = z.infer<typeof outletSchema>;

/**
 * An entry of content/data/aggregators.yml: a site that carries other outlets' copy, so its
 * domain names no outlet; the credit in the text does.
 */
export const aggregatorSchema = z.strictObject({
  name: line,
  domains: z.array(domainEntry).min(1, { error: 'must list at least one domain' }),
  /**
   * The site files each outlet's copy under a path named for it (sauress.com/okaz/…): the first
   * part of the path names the outlet when it is one outlet's domain name (okaz.com.sa) or key.
   */
  outlet_in_path: z.boolean({ error: 'must be true or false' }).default(false),
  note: text.nullable().default(null),
});
export type Aggregator = z.infer<typeof aggregatorSchema>;

export const PLACE_KINDS = [
  'country',
  'governorate',
  'district',
  'subdistrict',
  'city',
  'town',
  'village',
  'river',
  'landmark',
  'oil-field',
  'camp',
  'region',
  'border-crossing',
] as const;

const LATITUDE = 'a latitude must be a number within ±90 (write [latitude, longitude], latitude first)';
const LONGITUDE = 'a longitude must be a number within ±180';
/** One point of a river's course. */
const coursePoint = z.tuple(
  [
    z.number({ error: LATITUDE }).min(-90, { error: LATITUDE }).max(90, { error: LATITUDE }),
    z.number({ error: LONGITUDE }).min(-180, { error: LONGITUDE }).max(180, { error: LONGITUDE }),
  ],
  { error: 'each point of a course must be [latitude, longitude] in decimal degrees' },
);

export const placeSchema = z.strictObject({
  name: line,
  name_en: line,
  kind: z.enum(PLACE_KINDS, { error: `must be one of ${PLACE_KINDS.join(', ')}` }),
  parent: slug.nullable().default(null),
  coordinates: z
    .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)], {
      error: 'must be [latitude, longitude] in decimal degrees',
    })
    .nullable()
    .default(null),
  /**
   * The course of a river: [latitude, longitude] points in decimal degrees, upstream to
   * downstream, at least two; maps draw it as a line.
   */
  course: z
    .array(coursePoint, { error: 'must be a list of [latitude, longitude] points' })
    .min(2, { error: 'must list at least two [latitude, longitude] points (a course is a line)' })
    .nullable()
    .default(null),
  variants: z.array(line).default([]),
  /**
   * The name is also an everyday word (الباب "the door", الطبقة "the class"): `add` finds it in a
   * text only right after a word announcing a place (مدينة، بلدة، منطقة، ريف…).
   */
  needs_context: z.boolean({ error: 'must be true or false' }).default(false),
  /** GeoNames id of the record the coordinates come from, where there is one. */
  geonames: z.number().int().positive().nullable().default(null),
});
export type Place = z.infer<typeof placeSchema>;

export const siteSchema = z.strictObject({
  title: line,
  description: text,
  url: url.refine((s) => s.endsWith('/'), { error: 'must end with "/"' }),
});
export type SiteFile = z.infer<typeof siteSchema>;

/** A regular expression written as text in a data file; it must compile. */
const pattern = z.string({ error: 'must be text (put it in quotes)' }).refine(
  (s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { error: 'is not a valid regular expression' },
);

/** content/data/clutter.yml: what `add` strips from raw texts. */
export const clutterSchema = z.strictObject({
  lines: z.array(text).default([]),
  patterns: z.array(pattern).default([]),
  end_markers: z.array(text).default([]),
});
export type ClutterFile = z.infer<typeof clutterSchema>;

/** An entry of content/data/agencies.yml. */
export const agencySchema = z.strictObject({
  name: text,
  name_en: text,
  aliases: z.array(text).default([]),
});
export type Agency = z.infer<typeof agencySchema>;

/** Text in entities.yml and spellings.yml (their own message: "must be text"). */
const plainText = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

/** What an actor is: a person, or the kind of body. */
export const ENTITY_KINDS = ['person', 'armed-group', 'party', 'government', 'agency', 'organisation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** An entry of content/data/entities.yml: an actor and the names the press gives it. */
export const entitySchema = z.strictObject({
  name: plainText,
  name_en: plainText,
  kind: z.enum(ENTITY_KINDS, { error: `must be one of ${ENTITY_KINDS.join(', ')}` }),
  /** What the actor is, in a few English words ("general commander of the SDF"). */
  role: plainText.optional(),
  aliases: z.array(plainText).default([]),
  /** Latin forms beyond name_en: other transliterations, birth names, acronyms. */
  latin: z.array(plainText).default([]),
});
export type Entity = z.infer<typeof entitySchema>;

/**
 * An entry of content/data/spellings.yml: two or more spellings of one word, the usual one first
 * (the checks beyond the schema: spelling-groups.ts).
 */
export const spellingGroupSchema = z.array(plainText, { error: 'must be a list of spellings' }).min(2, { error: 'must list at least two spellings of the word' });
