/**
 * The benchmark's synthetic archive: N articles (the 5 seed articles, then generated ones) with
 * the front matter the loader accepts, a raw source each, and a few synthetic events, so that
 * the build can be timed on an archive of any size (issue #6).
 *
 * Pure and deterministic: no file system, no clock. The caller hands in what the seed content
 * holds (SeedInput) and writes the files this returns. Article i depends only on the seed number
 * and i, never on N, so the archive of N + 1 articles is the archive of N plus article N (the
 * "one more article" of the rebuild measurement).
 *
 * How an article is made:
 * - a date from 2011 to 2025: about a third drawn inside an event (the article then names the
 *   event and its places), the rest spread evenly; an article also names every event whose dates
 *   hold its date and whose own places (bar countries) it names;
 * - an outlet (Zipf-weighted over outlets.yml, as a few outlets publish most), places from the
 *   gazetteer, sometimes agencies, an author, a dateline, tags;
 * - a body of 5–10 kB (UTF-8) of paragraphs: either seed sentences recombined (a fifth of their
 *   words swapped for drawn ones, so reprints share passages now and then, as wire copy does;
 *   in an article about neither seed event, its own place stands where the seeds name Baghuz
 *   or Raqqa, so a query for الباغوز finds a few per cent of the archive, not all of it) or
 *   sentences of drawn words;
 * - drawn words: the seed texts' own words, Zipf-distributed by their frequency in the seeds;
 *   rarer words from an open lexicon of Arabic-letter pseudo-words (roots in word patterns:
 *   فاعل، مفعول، تفعيل، استفعال…), Zipf-distributed over a large range so new forms keep
 *   appearing; names (given name + family name, often a nisba with ال); and the clitics و، ب،
 *   ال، لل prefixed to some words. Tuned so that 10,000 articles hold on the order of 100,000
 *   distinct word forms (DistinctWords, heapsFit).
 */
import { sha256 as sha256Of } from '../core/hash.ts';

// ---------------------------------------------------------------------------------------------
// Random numbers

/** A random source: numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit seed (so article i's numbers do not depend on article i − 1's). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** A whole number in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * A rank in [1, max] drawn from a power law with exponent `s` (Zipf: rank r has weight about
 * r^-s), by inverting the continuous distribution's CDF: one random number, no table.
 */
export function zipfRank(random: Random, max: number, s: number): number {
  const u = random();
  const x = Math.abs(s - 1) < 1e-9 ? (max + 1) ** u : (1 - u * (1 - (max + 1) ** (1 - s))) ** (1 / (1 - s));
  return Math.min(max, Math.max(1, Math.floor(x)));
}

// ---------------------------------------------------------------------------------------------
// Word statistics

/** Word forms as the project's tokeniser sees them (src/arabic/normalise.ts): letters, digits, marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Counts distinct word forms (as written: و+word and word are two forms) and all words. */
export class DistinctWords {
  private readonly seen = new Set<string>();
  tokens = 0;
  add(text: string): void {
    for (const w of wordsOf(text)) {
      this.seen.add(w);
      this.tokens++;
    }
  }
  get size(): number {
    return this.seen.size;
  }
}

/**
 * Heaps' law V = K·n^β fitted by least squares on log-log points (n = articles or tokens,
 * V = distinct forms), to extrapolate a small sample to a large archive.
 */
export function heapsFit(points: ReadonlyArray<{ n: number; distinct: number }>): { k: number; beta: number; at(n: number): number } {
  if (points.length < 2) throw new RangeError('heapsFit needs at least two points');
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.distinct));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] as number) - my);
    sxx += (x - mx) ** 2;
  });
  const beta = sxy / sxx;
  const k = Math.exp(my - beta * mx);
  return { k, beta, at: (n: number) => k * n ** beta };
}

/** What the vocabulary is tuned for: distinct forms in an archive of this many articles. */
export const VOCABULARY_TARGET = { articles: 10_000, distinct: 100_000 } as const;

// ---------------------------------------------------------------------------------------------
// The lexicon

/** Consonants the pseudo-words are built from. */
const LETTERS = [...'بتثجحخدذرزسشصضطعغفقكلمنهوي'];
/** Word patterns: 1, 2, 3 are the root's letters. */
const WORD_PATTERNS = [
  '123',
  '1ا23',
  'م12و3',
  'ت12ي3',
  '12ا3',
  '12ي3',
  'ا123',
  'است12ا3',
  'م123',
  '123ة',
  'م1ا23',
  '123ات',
  '123ية',
  'م123ين',
  '123ون',
  'ي123',
  'ت123',
  '123وا',
  'م1ت23',
  'ا1ت2ا3',
  'م12ا3',
  '1ا2ي3',
  'ت1ا23',
  'م123ة',
] as const;
/** Given names and family names. */
const GIVEN_PATTERNS = ['12ي3', '1ا23', 'م123', '12ا3', 'عبد ال123', 'أبو 123', '123ان', 'م12و3'] as const;
const FAMILY_PATTERNS = ['ال123ي', 'ال1ا23', 'ال12ي3ي', '123ي', 'ال12ا3', 'آل 123', 'ال123اوي'] as const;

const ROOTS = LETTERS.length ** 3;

/**
 * The word of a pattern set at a rank: ranks map one-to-one onto (pattern, root) pairs, with
 * ranks scrambled first so that neighbouring ranks do not share a root.
 */
function patternWord(patterns: readonly string[], rank: number, salt: number): string {
  const space = patterns.length * ROOTS;
  // An affine map modulo `space` with a multiplier coprime to it: a bijection of [0, space).
  const r = ((rank % space) * 7_368_787 + salt) % space;
  const pattern = patterns[r % patterns.length] as string;
  let root = Math.floor(r / patterns.length);
  const letters: string[] = [];
  for (let i = 0; i < 3; i++) {
    letters.push(LETTERS[root % LETTERS.length] as string);
    root = Math.floor(root / LETTERS.length);
  }
  // Ranks past the space (never reached at these sizes) get a repeated pattern with a suffix.
  const suffix = rank >= space ? String.fromCharCode(0x0628 + (Math.floor(rank / space) % 20)) : '';
  return pattern.replace(/[123]/g, (d) => letters[Number(d) - 1] as string) + suffix;
}

/** The open lexicon's word at a rank (rank 1 is the most frequent). */
export function lexiconWord(rank: number): string {
  return patternWord(WORD_PATTERNS, rank, 12_345);
}

export function givenName(rank: number): string {
  return patternWord(GIVEN_PATTERNS, rank, 777);
}

export function familyName(rank: number): string {
  return patternWord(FAMILY_PATTERNS, rank, 4_242);
}

/** و، ب، ال، لل before a word, as Arabic writes them (بال…, لل… for ال…). */
export function withClitic(word: string, clitic: 'و' | 'ب' | 'ال' | 'لل'): string {
  const hasArticle = word.startsWith('ال');
  switch (clitic) {
    case 'و':
    case 'ب':
      return clitic + word;
    case 'ال':
      return hasArticle ? word : `ال${word}`;
    case 'لل':
      return hasArticle ? `لل${word.slice(2)}` : `لل${word}`;
  }
}

/** How words are drawn; the defaults are tuned for VOCABULARY_TARGET. */
export interface VocabularyParameters {
  /** Share of drawn words taken from the open lexicon (the rest are seed words). */
  lexiconShare: number;
  /** Size of the open lexicon, and the Zipf exponent over it. */
  lexiconSize: number;
  lexiconExponent: number;
  /** Chance that a drawn word is a name (two or three words). */
  nameShare: number;
  givenNames: number;
  familyNames: number;
  nameExponent: number;
  /** Chance that a drawn word gets a clitic. */
  cliticShare: number;
  /** Share of a recombined seed sentence's words swapped for drawn ones. */
  substitution: number;
}

export const DEFAULT_VOCABULARY: VocabularyParameters = {
  lexiconShare: 0.22,
  lexiconSize: 1_500_000,
  lexiconExponent: 1.25,
  nameShare: 0.03,
  givenNames: 3_000,
  familyNames: 100_000,
  nameExponent: 1.05,
  cliticShare: 0.18,
  substitution: 0.2,
};

// ---------------------------------------------------------------------------------------------
// The seed content, as the generator takes it

export interface SeedArticle {
  id: string;
  title: string;
  body: string;
  events: string[];
}

export interface SeedEvent {
  id: string;
  title: string;
  title_en: string;
  start: string;
  end: string;
  places: string[];
}

export interface SeedPlace {
  slug: string;
  name: string;
  name_en: string;
  kind: string;
  parent: string | null;
}

/** What the generator needs from content/: the seed articles, events, outlet keys, gazetteer, agencies. */
export interface SeedInput {
  articles: SeedArticle[];
  events: SeedEvent[];
  outlets: string[];
  places: SeedPlace[];
  agencies: string[];
}

/** The seed input digested once: sentence pools, seed words by frequency, place lookups. */
export interface Seeds {
  input: SeedInput;
  /** Seed words, most frequent first. */
  words: string[];
  /** Sentences of all seed articles, and of the seed articles of each event. */
  sentences: string[];
  sentencesByEvent: Map<string, string[]>;
  titles: string[];
  placesByName: Map<string, SeedPlace>;
  placesBySlug: Map<string, SeedPlace>;
  /** Places an article may be about (cities, towns, villages, camps, landmarks…), in gazetteer order. */
  localPlaces: SeedPlace[];
  countries: SeedPlace[];
  /**
   * The seed events' own places (bar countries) as written in the seed texts, with their
   * clitics (الباغوز، بالباغوز، للرقة، دير الزور…): an article about another place gets its own
   * place there instead, so a query for الباغوز finds the articles about Baghuz, not every one.
   */
  seedPlaceForms: RegExp | undefined;
  seedPlaceClitic: Map<string, string>;
  seedEventIds: Set<string>;
}

const SENTENCE_END = /(?<=[.!؟?])\s+/u;

function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

export function digestSeeds(input: SeedInput): Seeds {
  const counts = new Map<string, number>();
  const sentences: string[] = [];
  const sentencesByEvent = new Map<string, string[]>();
  for (const article of input.articles) {
    for (const paragraph of paragraphsOf(article.body)) {
      for (const w of wordsOf(paragraph)) if (!/\p{N}/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      for (const sentence of paragraph.split(SENTENCE_END)) {
        if (wordsOf(sentence).length < 4) continue;
        sentences.push(sentence);
        for (const event of article.events) {
          const list = sentencesByEvent.get(event) ?? [];
          list.push(sentence);
          sentencesByEvent.set(event, list);
        }
      }
    }
  }
  if (sentences.length === 0) throw new Error('the seed articles hold no sentences to recombine');
  const LOCAL = new Set(['city', 'town', 'village', 'camp', 'landmark', 'oil-field', 'border-crossing']);
  const kinds = new Map(input.places.map((p) => [p.name, p.kind]));
  const seedPlaceClitic = new Map<string, string>();
  for (const event of input.events) {
    for (const name of event.places) {
      if (kinds.get(name) === 'country') continue;
      for (const clitic of ['', 'و', 'ب', 'وب', 'ل', 'لل', 'ولل']) {
        const form = clitic === '' ? name : cliticForm(name, clitic);
        if (!seedPlaceClitic.has(form)) seedPlaceClitic.set(form, clitic);
      }
    }
  }
  // Drawn words never name the seed events' places: only recombined sentences about them do.
  const placeWords = new Set([...seedPlaceClitic.keys()].flatMap(wordsOf));
  const words = [...counts]
    .filter(([w]) => !placeWords.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
  const alternatives = [...seedPlaceClitic.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
  return {
    input,
    words,
    sentences,
    sentencesByEvent,
    titles: input.articles.map((a) => a.title),
    placesByName: new Map(input.places.map((p) => [p.name, p])),
    placesBySlug: new Map(input.places.map((p) => [p.slug, p])),
    localPlaces: input.places.filter((p) => LOCAL.has(p.kind)),
    countries: input.places.filter((p) => p.kind === 'country'),
    seedPlaceForms: alternatives.length ? new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}])`, 'gu') : undefined,
    seedPlaceClitic,
    seedEventIds: new Set(input.events.map((e) => e.id)),
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A place name with proclitics as Arabic writes them: و، ب، وب، ل/لل (لل before ال). */
function cliticForm(name: string, clitic: string): string {
  if (clitic === 'ل' || clitic === 'لل' || clitic === 'ولل') {
    const and = clitic.startsWith('و') ? 'و' : '';
    return name.startsWith('ال') ? `${and}لل${name.slice(2)}` : `${and}ل${name}`;
  }
  return clitic + name;
}

/** `text` with the seed events' places replaced by `place` (keeping their clitics). */
export function replaceSeedPlaces(seeds: Seeds, text: string, place: string): string {
  if (!seeds.seedPlaceForms) return text;
  return text.replace(seeds.seedPlaceForms, (form) => cliticForm(place, seeds.seedPlaceClitic.get(form) ?? ''));
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
export const FIRST_DATE = '2011-01-01';
export const LAST_DATE = '2025-12-31';

export function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Events

export interface GeneratedEvent extends SeedEvent {
  /** content/events/ID.md; undefined for a seed event (the caller copies the seed file). */
  text?: string;
}

const EVENT_KINDS = [
  ['معركة', 'Battle of'],
  ['حصار', 'Siege of'],
  ['هجوم', 'Offensive on'],
  ['تهجير أهالي', 'Displacement from'],
  ['اتفاق', 'Agreement on'],
  ['قصف', 'Shelling of'],
] as const;

/** Synthetic events generated next to the seed events. */
export const SYNTHETIC_EVENTS = 14;

/** A place with its parents, nearest first, up to `max` names. */
function withParents(seeds: Seeds, place: SeedPlace, max: number): string[] {
  const names = [place.name];
  for (let p = place.parent; p && names.length < max; ) {
    const parent = seeds.placesBySlug.get(p);
    if (!parent || names.includes(parent.name)) break;
    names.push(parent.name);
    p = parent.parent;
  }
  return names;
}

/** The seed events plus SYNTHETIC_EVENTS generated ones, spread over 2011–2025. Depends only on `seed`. */
export function generateEvents(seeds: Seeds, seed: number): GeneratedEvent[] {
  const random = mulberry32(mixSeed(seed, 0xe7e7));
  const events: GeneratedEvent[] = seeds.input.events.map((e) => ({ id: e.id, title: e.title, title_en: e.title_en, start: e.start, end: e.end, places: e.places }));
  const first = dayNumber(FIRST_DATE);
  const span = dayNumber(LAST_DATE) - first;
  const ids = new Set(events.map((e) => e.id));
  for (let k = 0; k < SYNTHETIC_EVENTS; k++) {
    if (seeds.localPlaces.length === 0) break;
    const place = pick(random, seeds.localPlaces);
    const [kind, kindEn] = pick(random, EVENT_KINDS);
    // One event in each of SYNTHETIC_EVENTS equal slots of 2011–2025, at a random point in it.
    const duration = randomInt(random, 14, 240);
    const slot = Math.floor((span * k) / SYNTHETIC_EVENTS);
    const start = Math.min(first + slot + randomInt(random, 0, Math.floor(span / SYNTHETIC_EVENTS)), first + span - duration);
    const end = start + duration;
    let id = `bench-${place.slug}-${isoDate(start).slice(0, 4)}`;
    while (ids.has(id)) id += '-b';
    ids.add(id);
    const places = withParents(seeds, place, 3);
    const title = `${kind} ${place.name}`;
    const title_en = `${kindEn} ${place.name_en}`;
    const words = new WordDrawer(seeds, random, DEFAULT_VOCABULARY);
    const summary = `${title}: ${words.sentence(18, 30)} ${words.sentence(12, 24)}`;
    const text = [
      '---',
      `id: ${id}`,
      `title: ${yamlString(title)}`,
      `title_en: ${yamlString(title_en)}`,
      `start: ${isoDate(start)}`,
      `end: ${isoDate(end)}`,
      `places: ${yamlList(places)}`,
      '---',
      summary,
      '',
    ].join('\n');
    events.push({ id, title, title_en, start: isoDate(start), end: isoDate(end), places, text });
  }
  return events;
}

// ---------------------------------------------------------------------------------------------
// Words and sentences

class WordDrawer {
  constructor(
    private readonly seeds: Seeds,
    private readonly random: Random,
    private readonly p: VocabularyParameters,
  ) {}

  /** One drawn word or name (a name is two or three words). */
  word(): string {
    const r = this.random;
    if (r() < this.p.nameShare) return this.name();
    const word =
      r() < this.p.lexiconShare || this.seeds.words.length === 0
        ? lexiconWord(zipfRank(r, this.p.lexiconSize, this.p.lexiconExponent))
        : (this.seeds.words[zipfRank(r, this.seeds.words.length, 1) - 1] as string);
    if (r() >= this.p.cliticShare) return word;
    const c = r();
    return withClitic(word, c < 0.45 ? 'و' : c < 0.65 ? 'ب' : c < 0.85 ? 'ال' : 'لل');
  }

  name(): string {
    const r = this.random;
    const given = givenName(zipfRank(r, this.p.givenNames, this.p.nameExponent));
    const family = familyName(zipfRank(r, this.p.familyNames, this.p.nameExponent));
    return r() < 0.2 ? `${given} ${givenName(zipfRank(r, this.p.givenNames, this.p.nameExponent))} ${family}` : `${given} ${family}`;
  }

  /** A sentence of drawn words, with a comma now and then and a number sometimes. */
  sentence(min: number, max: number): string {
    const r = this.random;
    const n = randomInt(r, min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = r() < 0.02 ? String(randomInt(r, 2, 2025)) : this.word();
      if (i < n - 1 && r() < 0.07) w += '،';
      out.push(w);
    }
    return out.join(' ') + (r() < 0.05 ? '؟' : '.');
  }

  /** A seed sentence with a share of its words swapped for drawn ones. */
  recombined(pool: readonly string[]): string {
    const r = this.random;
    return pick(r, pool).replace(WORD, (w) => (r() < this.p.substitution ? this.word() : w));
  }
}

// ---------------------------------------------------------------------------------------------
// Articles

export interface GeneratedArticle {
  index: number;
  id: string;
  date: string;
  /** articles/ID.md and sources/NAME.txt, relative to the content folder. */
  path: string;
  text: string;
  sourcePath: string;
  sourceText: string;
  title: string;
  body: string;
  /** UTF-8 bytes of the body. */
  bodyBytes: number;
}

/** Body size bounds, in UTF-8 bytes (1 kB = 1,000 bytes). */
export const BODY_MIN_BYTES = 5_000;
export const BODY_MAX_BYTES = 10_000;

/** The number of seed articles that open every archive (indices 0 to SEED_ARTICLES − 1). */
export const SEED_ARTICLES = 5;

export interface CorpusOptions {
  seed: number;
  vocabulary?: VocabularyParameters;
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export function yamlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function yamlList(items: readonly string[]): string {
  return `[${items.map(yamlString).join(', ')}]`;
}

const OUTLET_EXPONENT = 1.1;
const TAGS = ['داعش', 'سوريا', 'قسد', 'النظام السوري', 'المعارضة', 'اللاجئون', 'حقوق الإنسان', 'الاقتصاد', 'التحالف الدولي', 'روسيا', 'تركيا', 'إيران'];

/**
 * Generated article `index` (≥ SEED_ARTICLES): depends only on the seed number and the index.
 */
export function generateArticle(seeds: Seeds, events: readonly GeneratedEvent[], index: number, options: CorpusOptions): GeneratedArticle {
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const random = mulberry32(mixSeed(options.seed, index));
  const words = new WordDrawer(seeds, random, vocabulary);
  const first = dayNumber(FIRST_DATE);
  const last = dayNumber(LAST_DATE);

  // When, and about what.
  const focus = random() < 0.35 && events.length > 0 ? pick(random, events) : undefined;
  const day = focus ? randomInt(random, dayNumber(focus.start), dayNumber(focus.end)) : randomInt(random, first, last);
  const date = isoDate(day);
  const places: string[] = [];
  const addPlace = (name: string) => {
    if (!places.includes(name) && seeds.placesByName.has(name)) places.push(name);
  };
  for (const name of focus?.places ?? []) addPlace(name);
  const localCount = randomInt(random, focus ? 0 : 1, 3);
  for (let i = 0; i < localCount && seeds.localPlaces.length; i++) {
    const place = seeds.localPlaces[zipfRank(random, seeds.localPlaces.length, 0.9) - 1] as SeedPlace;
    for (const name of withParents(seeds, place, 2)) addPlace(name);
  }
  if (random() < 0.7) addPlace('سوريا');
  if (random() < 0.2 && seeds.countries.length) addPlace(pick(random, seeds.countries).name);
  const country = new Set(seeds.countries.map((c) => c.name));
  const eventIds = events.filter((e) => e === focus || (date >= e.start && date <= e.end && e.places.some((p) => !country.has(p) && places.includes(p)))).map((e) => e.id);

  const outlets = seeds.input.outlets;
  const outlet = outlets[zipfRank(random, outlets.length, OUTLET_EXPONENT) - 1] as string;
  const id = `${date}-${outlet}-bench-${String(index).padStart(6, '0')}`;

  // The text: seed sentences of the article's event if it has seed articles, else of all seeds.
  const pool = eventIds.map((e) => seeds.sentencesByEvent.get(e)).find((s) => s && s.length > 0) ?? seeds.sentences;
  const localNames = places.filter((p) => !country.has(p));
  // An article about none of the seed events speaks of its own place where the seeds name theirs.
  const ownPlace = eventIds.some((e) => seeds.seedEventIds.has(e)) ? undefined : (localNames[0] ?? pick(random, seeds.localPlaces).name);
  const localise = (text: string) => (ownPlace ? replaceSeedPlaces(seeds, text, ownPlace) : text);
  const target = randomInt(random, BODY_MIN_BYTES + 200, BODY_MAX_BYTES - 200);
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < target) {
    const sentences: string[] = [];
    const count = randomInt(random, 1, 4);
    for (let i = 0; i < count; i++) {
      let sentence = random() < 0.5 ? localise(words.recombined(pool)) : words.sentence(8, 28);
      if (localNames.length && random() < 0.25) sentence = `وفي ${pick(random, localNames)}، ${sentence}`;
      sentences.push(sentence);
    }
    let paragraph = sentences.join(' ');
    const room = BODY_MAX_BYTES - bytes - (paragraphs.length ? 2 : 0);
    if (utf8Bytes(paragraph) > room) paragraph = cutToBytes(paragraph, room);
    if (paragraph === '') break;
    paragraphs.push(paragraph);
    bytes += utf8Bytes(paragraph) + (paragraphs.length > 1 ? 2 : 0);
  }
  const body = paragraphs.join('\n\n');

  const title = (random() < 0.5 ? localise(pick(random, seeds.titles)).replace(WORD, (w) => (random() < 0.3 ? words.word() : w)) : words.sentence(5, 11).replace(/[.؟]$/, ''))
    .replace(/\s+/g, ' ')
    .trim();
  const agencies = random() < 0.3 ? [...new Set([pick(random, seeds.input.agencies), ...(random() < 0.3 ? [pick(random, seeds.input.agencies)] : [])])] : [];
  const author = random() < 0.3 ? words.name() : null;
  const dateline = random() < 0.2 && localNames.length ? `${pick(random, localNames)} - وكالات` : null;
  const tags = random() < 0.3 ? [...new Set([pick(random, TAGS), pick(random, TAGS)])] : [];

  const sourceName = `bench-${String(index).padStart(6, '0')}.txt`;
  const sourceText = `${title}\n\n${body}\n`;
  const sha256 = sha256Of(sourceText);
  const lines = [
    '---',
    `id: ${id}`,
    `title: ${yamlString(title)}`,
    `outlet: ${outlet}`,
    `date: ${date}`,
    `date_basis: ${random() < 0.85 ? 'stated' : 'editor'}`,
    'source:',
    `  file: sources/${sourceName}`,
    `  sha256: ${sha256}`,
    '  url: null',
    '  retrieved: null',
    `places: ${yamlList(places)}`,
    `events: [${eventIds.join(', ')}]`,
    `agencies: ${yamlList(agencies)}`,
    `author: ${author === null ? 'null' : yamlString(author)}`,
    'language: ar',
    ...(dateline ? [`dateline: ${yamlString(dateline)}`] : []),
    ...(tags.length ? [`tags: ${yamlList(tags)}`] : []),
    '---',
    '',
    body,
    '',
  ];
  return {
    index,
    id,
    date,
    path: `articles/${id}.md`,
    text: lines.join('\n'),
    sourcePath: `sources/${sourceName}`,
    sourceText,
    title,
    body,
    bodyBytes: utf8Bytes(body),
  };
}

/** The longest prefix of `text` ending at a word, within `max` UTF-8 bytes, closed with a full stop. */
function cutToBytes(text: string, max: number): string {
  const words = text.split(' ');
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (utf8Bytes(next) + 1 > max) break;
    out = next;
  }
  return out === '' ? '' : `${out.replace(/[،,.؟]+$/u, '')}.`;
}

/** Articles SEED_ARTICLES … n − 1 (the seed articles themselves are copied by the caller). */
export function* generateArticles(seeds: Seeds, events: readonly GeneratedEvent[], n: number, options: CorpusOptions): Generator<GeneratedArticle> {
  for (let i = SEED_ARTICLES; i < n; i++) yield generateArticle(seeds, events, i, options);
}
