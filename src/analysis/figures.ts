/**
 * Figures: numbers with what they count ("11 ألف شهيد", "52 ألف كم 2", "خمسة ملايين شخص"), and
 * a table of which article reports which figure, for the "how the outlets compare" section.
 *
 * Pure: no file system, no Eleventy. Numbers come from src/arabic/numbers.ts, words and folding
 * from src/arabic/normalise.ts.
 *
 * How a number becomes a figure:
 *
 * 1. The counted noun. The words right after the number (white space and quotes between are
 *    fine, other punctuation is not) are looked up in the unit table below, longest form first
 *    ("كيلو متر مربع" before "كيلو"), with proclitics (ب، ل، ال…) and possessive suffixes (نا،
 *    هم، ها، كم، ه) tried off: "11 ألف عنصر", "52 ألف كم 2". After a partitive من the next word
 *    is looked up too: "21 ألفاً من مقاتلينا" counts مقاتل → عنصر. Both ends of a range take
 *    the noun after the second: "٥٠٠ إلى ٦٠٠ عنصر".
 * 2. The event. Up to four words before the number and three after the counted noun (or the
 *    number), within the clause (stopping at . ، , ؛ : ! ? ( ) and at another number), are looked
 *    up in a table of event words: killed (قتل، قتلوا، مقتل، استشهد، ارتقى، مصرع…), wounded
 *    (أصيب، إصابة، جراح…), surrendered (استسلم…), displaced (نزح، نزوح…), captured (اعتقل،
 *    أسرت…). The nearest word before the number wins, then the nearest after.
 * 3. The unit. A measure (كم²، كم، طن، دولار) or an outcome noun (قتيل، جريح، مستسلم، نازح،
 *    أسير) is the unit as it stands. A person noun (شخص، عنصر، مدني، طفل، امرأة) or no noun at
 *    all takes the event's outcome when there is one, and keeps the noun in `noun` and the event
 *    word in `context`: "11 ألف عنصر قتلوا" → 11000 قتيل (noun عنصر, context قتلوا); "استسلم
 *    ثلاثة آلاف إرهابي" → 3000 مستسلم (noun عنصر); "مقتل 3250 شخصاً" → 3250 قتيل (noun شخص,
 *    context مقتل): the unit is what the figure measures, so that outlets writing "3250 قتيلاً"
 *    and "مقتل 3250 شخصاً" meet in one row. Without an event a person noun is the unit ("تدفق
 *    نحو 73 ألف شخص" → 73000 شخص: تدفق is no event word). A number with neither a noun nor an
 *    event is not a figure.
 * 4. Not figures: clock times and percentages (numbers.ts marks them); a number followed by a
 *    time noun (عام، سنوات، أشهر، يوم، ساعة…) or a month name, or preceded by عام/سنة or a month
 *    name ("23 آذار", "آذار 2019", "عام 2014"); a bare four-digit year 1900-2100 with no counted
 *    noun ("في 2014"); a number followed by a noun that is not in the table and is not a small
 *    word of the clause ("خمسة أحياء", even after an event word).
 * 5. `approximate`: the number's hedge (نحو، أكثر من… see numbers.ts), a range, or تقريباً / على
 *    الأقل right after the counted noun.
 */
import { MONTH_SPELLING_VARIANTS, EGYPTIAN_MONTHS, LEVANTINE_MONTHS, MAGHREBI_MONTHS, MOROCCAN_MONTHS } from '../arabic/calendar.ts';
import { findNumbers, type NumberMention } from '../arabic/numbers.ts';
import { foldArabic, foldWord, stripClitics, words } from '../arabic/normalise.ts';

export interface Figure {
  value: number;
  /** Canonical unit key (see UNIT_TABLE): 'قتيل', 'جريح', 'كم²', 'شخص', 'عنصر', … */
  unit: string;
  approximate: boolean;
  /** The figure as written: from the number (a range's first number) to the end of the counted noun. */
  text: string;
  /** Paragraph index, 0-based. */
  paragraph: number;
  /** UTF-16 offsets of `text` in the paragraph. */
  start: number;
  end: number;
  /** The counted noun's unit when the event changed the unit (عنصر in "11 ألف عنصر قتلوا"). */
  noun?: string;
  /** The event word, as written, that set the unit ("قتلوا", "استسلم", "مقتل"). */
  context?: string;
  /** The hedge before the number, as written ("نحو", "أكثر من"). */
  hedge?: string;
  /** Both ends, when the figure is one end of a range ("٥٠٠ إلى ٦٠٠ عنصر"). */
  range?: { from: number; to: number };
}

export interface FigureRow {
  /** `${value} ${unit}`, e.g. "11000 قتيل". */
  key: string;
  value: number;
  unit: string;
  /** Article id → the figures of that article in this row (an article may repeat a figure). */
  byArticle: Record<string, Figure[]>;
  /** The outlets reporting it, sorted. */
  outlets: string[];
}

/** measure: a quantity; outcome: people counted by what happened to them; person: people. */
export type UnitKind = 'outcome' | 'person' | 'measure';

export interface UnitDefinition {
  key: string;
  kind: UnitKind;
  /** The noun as written after a number: singular, plural, accusative, dual; phrases allowed. */
  forms: string[];
  /** Words of the event whose outcome this unit is (outcome units only). */
  events?: string[];
}

/**
 * The unit table, in display order (compareFigures sorts rows by it). Forms and event words are
 * written as in the press and folded when the table is built.
 */
export const UNIT_TABLE: readonly UnitDefinition[] = [
  {
    key: 'قتيل',
    kind: 'outcome',
    forms: ['قتيل', 'قتيلا', 'قتيلان', 'قتيلين', 'قتلى', 'شهيد', 'شهيدا', 'شهيدان', 'شهيدين', 'شهداء'],
    events: ['قتل', 'قتلوا', 'قتلت', 'يقتل', 'مقتل', 'قتلى', 'قتيل', 'شهيد', 'شهداء', 'استشهد', 'استشهدوا', 'استشهاد', 'ارتقى', 'ارتقوا', 'مصرع', 'حصيلة القتلى'],
  },
  {
    key: 'جريح',
    kind: 'outcome',
    forms: ['جريح', 'جريحا', 'جريحان', 'جريحين', 'جرحى', 'مصاب', 'مصابا', 'مصابين', 'مصابون'],
    events: ['جرح', 'جرحوا', 'جرحى', 'جريح', 'أصيب', 'أصيبوا', 'أصيبت', 'إصابة', 'إصابات', 'مصاب', 'مصابين', 'جراح', 'جروح'],
  },
  {
    key: 'مستسلم',
    kind: 'outcome',
    forms: ['مستسلم', 'مستسلما', 'مستسلمين', 'مستسلمون'],
    events: ['استسلم', 'استسلموا', 'استسلام', 'مستسلمين'],
  },
  {
    key: 'نازح',
    kind: 'outcome',
    forms: ['نازح', 'نازحا', 'نازحين', 'نازحون'],
    events: ['نزح', 'نزحوا', 'نزوح', 'نازحين'],
  },
  {
    key: 'أسير',
    kind: 'outcome',
    forms: ['أسير', 'أسيرا', 'أسرى', 'معتقل', 'معتقلا', 'معتقلين', 'معتقلون'],
    events: ['أسرت', 'أسروا', 'اعتقل', 'اعتقلت', 'اعتقلوا', 'اعتقال', 'أسرى'],
  },
  { key: 'شخص', kind: 'person', forms: ['شخص', 'شخصا', 'شخصان', 'شخصين', 'أشخاص', 'نسمة', 'فرد', 'أفراد'] },
  {
    key: 'عنصر',
    kind: 'person',
    forms: [
      'عنصر',
      'عنصرا',
      'عنصران',
      'عنصرين',
      'عناصر',
      'مقاتل',
      'مقاتلا',
      'مقاتلين',
      'مقاتلون',
      'مسلح',
      'مسلحا',
      'مسلحين',
      'مسلحون',
      'إرهابي',
      'إرهابيا',
      'إرهابيين',
      'إرهابيون',
      'جندي',
      'جنديا',
      'جنود',
      'مرتزق',
      'مرتزقة',
    ],
  },
  { key: 'مدني', kind: 'person', forms: ['مدني', 'مدنيا', 'مدنيين', 'مدنيون'] },
  { key: 'طفل', kind: 'person', forms: ['طفل', 'طفلا', 'طفلين', 'أطفال'] },
  { key: 'امرأة', kind: 'person', forms: ['امرأة', 'امرأتين', 'نساء', 'سيدة', 'سيدات'] },
  {
    key: 'كم²',
    kind: 'measure',
    forms: ['كم²', 'كم 2', 'كم2', 'كم مربع', 'كم مربعا', 'كيلو متر مربع', 'كيلومتر مربع', 'كيلومترا مربعا', 'كيلو مترا مربعا', 'كيلومترات مربعة', 'كيلو مترات مربعة'],
  },
  { key: 'كم', kind: 'measure', forms: ['كم', 'كيلومتر', 'كيلو متر', 'كيلومترا', 'كيلو مترا', 'كيلومترات', 'كيلو مترات'] },
  { key: 'طن', kind: 'measure', forms: ['طن', 'طنا', 'طنان', 'طنين', 'أطنان'] },
  { key: 'دولار', kind: 'measure', forms: ['دولار', 'دولارا', 'دولاران', 'دولارين', 'دولارات'] },
];

/** Nouns after which a number is a date or a duration, not a figure. */
const TIME_NOUNS = [
  'عام',
  'عاما',
  'عامين',
  'أعوام',
  'سنة',
  'سنتين',
  'سنوات',
  'سنين',
  'شهر',
  'شهرا',
  'شهرين',
  'أشهر',
  'شهور',
  'أسبوع',
  'أسبوعا',
  'أسبوعين',
  'أسابيع',
  'يوم',
  'يوما',
  'يومين',
  'أيام',
  'ساعة',
  'ساعتين',
  'ساعات',
  'دقيقة',
  'دقيقتين',
  'دقائق',
  'ثانية',
  'ثوان',
  'عقد',
  'عقود',
  'قرن',
  'قرون',
  'العام',
  'السنة',
];
/** Small words a number may be followed by and still count people by its context. */
const TRANSPARENT = [
  'من',
  'في',
  'على',
  'إلى',
  'عن',
  'خلال',
  'منذ',
  'بين',
  'بينهم',
  'منهم',
  'حتى',
  'بعد',
  'قبل',
  'أمس',
  'اليوم',
  'آخرين',
  'آخرون',
  'أخرى',
  'آخر',
  'آخرين',
  'جدد',
  'جديدا',
  'إضافيين',
  'على الأقل',
  'تقريبا',
  'قد',
  'كانوا',
  'هم',
];

const fold = (s: string): string => foldArabic(s);

const UNIT_FORMS = new Map<string, UnitDefinition>(); // folded phrase -> unit
const EVENT_WORDS = new Map<string, UnitDefinition>(); // folded word -> outcome unit
let LONGEST_FORM = 1;
for (const unit of UNIT_TABLE) {
  for (const form of unit.forms) {
    const key = fold(form);
    UNIT_FORMS.set(key, unit);
    LONGEST_FORM = Math.max(LONGEST_FORM, key.split(' ').length);
  }
  for (const event of unit.events ?? []) EVENT_WORDS.set(fold(event), unit);
}
const UNIT_ORDER = new Map(UNIT_TABLE.map((u, i) => [u.key, i]));
const TIME_SET = new Set(TIME_NOUNS.map(fold));
const TRANSPARENT_SET = new Set(TRANSPARENT.map(fold));
const MONTH_WORDS = new Set<string>();
for (const table of [LEVANTINE_MONTHS, EGYPTIAN_MONTHS, MAGHREBI_MONTHS, MOROCCAN_MONTHS, ...Object.values(MONTH_SPELLING_VARIANTS)]) {
  for (const name of table) MONTH_WORDS.add(fold(name).split(' ')[0]!);
}
const YEAR_BEFORE = new Set(['عام', 'العام', 'سنه', 'السنه', 'عامي']);

const SUFFIXES = ['هم', 'نا', 'ها', 'كم', 'ه'];
/** Punctuation that closes a clause: context is not looked for across it. */
const CLAUSE_BREAK = /[.،,؛;:!?؟()[\]\n…]/;
/** What may separate a number from its noun: white space, quotes, tatweel. */
const NOUN_GAP = /^[\s\u0640«»‹›“”„‟″‶'‘’‚‛"＂]*$/;

interface Token {
  fold: string;
  start: number;
  end: number;
}

/** Every way of reading a folded word as a table entry: as is, less proclitics, less a suffix. */
function candidates(folded: string): string[] {
  const out: string[] = [];
  for (const stem of stripClitics(folded)) {
    out.push(stem);
    for (const s of SUFFIXES) {
      if (stem.endsWith(s) && [...stem].length - s.length >= 3) {
        const bare = stem.slice(0, -s.length);
        out.push(bare);
        // a sound plural loses its ن before a suffix: مقاتلينا = مقاتلي + نا -> مقاتلين
        if (bare.endsWith('ي') || bare.endsWith('و')) out.push(`${bare}ن`);
      }
    }
  }
  return out;
}

function lookUp<T>(map: Map<string, T>, folded: string): T | undefined {
  for (const c of candidates(folded)) {
    const hit = map.get(c);
    if (hit) return hit;
  }
  return undefined;
}

/** The unit phrase starting at token i, longest first. */
function unitAt(tokens: Token[], i: number, text: string): { unit: UnitDefinition; end: number; last: number } | undefined {
  for (let n = Math.min(LONGEST_FORM, tokens.length - i); n >= 1; n--) {
    let ok = true;
    for (let j = i + 1; j < i + n; j++) if (!/^\s*$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) ok = false;
    if (!ok) continue;
    const phrase = tokens.slice(i, i + n).map((t) => t.fold);
    const exact = UNIT_FORMS.get(phrase.join(' '));
    if (exact) return { unit: exact, end: tokens[i + n - 1]!.end, last: i + n - 1 };
    if (n === 1) {
      const unit = lookUp(UNIT_FORMS, phrase[0]!);
      if (unit) return { unit, end: tokens[i]!.end, last: i };
    }
  }
  return undefined;
}

/** Index of the first token for which `past` holds (tokens are in text order, `past` false then true). */
function firstPast(tokens: Token[], past: (t: Token) => boolean): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(tokens[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first token starting at or after `offset`. */
const tokenAfter = (tokens: Token[], offset: number): number => firstPast(tokens, (t) => t.start >= offset);

/** Index of the last token ending at or before `offset` (-1 when none). */
const tokenBefore = (tokens: Token[], offset: number): number => firstPast(tokens, (t) => t.end > offset) - 1;

/** The figures of one paragraph (paragraph index `p`). */
function figuresOf(text: string, p: number): Figure[] {
  const mentions = findNumbers(text);
  const out: Figure[] = [];
  // Most paragraphs have no number that can be a figure: their words are then not folded at all.
  if (mentions.every((m) => m.kind)) return out;
  const tokens: Token[] = words(text).map((w) => ({ fold: foldWord(w.word), start: w.start, end: w.end }));
  const isNumberToken = (t: Token) => /^[0-9]/.test(t.fold) || mentions.some((m) => t.start < m.end && t.end > m.start);

  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.kind) continue;
    // a range: both ends share the noun after the second, and the figure's text covers both
    const first = m.range && m.value === m.range.to && mentions[i - 1]?.range ? mentions[i - 1]! : m;
    const last = m.range && m.value === m.range.from && mentions[i + 1]?.range ? mentions[i + 1]! : m;
    const figure = figureAt(text, tokens, first, last, m, isNumberToken);
    if (figure) out.push({ ...figure, paragraph: p });
  }
  return out;
}

function figureAt(
  text: string,
  tokens: Token[],
  first: NumberMention,
  last: NumberMention,
  m: NumberMention,
  isNumberToken: (t: Token) => boolean,
): Omit<Figure, 'paragraph'> | undefined {
  // what follows the number
  const k = tokenAfter(tokens, last.end);
  const adjacent = (j: number, from: number) => j < tokens.length && NOUN_GAP.test(text.slice(from, tokens[j]!.start));
  let noun = adjacent(k, last.end) ? unitAt(tokens, k, text) : undefined;
  if (!noun && adjacent(k, last.end) && tokens[k]!.fold === 'من' && adjacent(k + 1, tokens[k]!.end)) {
    noun = unitAt(tokens, k + 1, text);
  }
  const next = adjacent(k, last.end) ? tokens[k] : undefined;
  if (!noun && next) {
    const c = candidates(next.fold);
    if (c.some((x) => TIME_SET.has(x) || MONTH_WORDS.has(x))) return undefined;
  }
  // what precedes it
  const b = tokenBefore(tokens, first.start);
  const before = b >= 0 && /^[\s/\\-]*$/.test(text.slice(tokens[b]!.end, first.start)) ? tokens[b] : undefined;
  if (before && (YEAR_BEFORE.has(before.fold) || MONTH_WORDS.has(before.fold))) return undefined;
  if (!noun && /^\p{Nd}{4}$/u.test(m.text) && m.value >= 1900 && m.value <= 2100) return undefined;
  if (!noun && next && !isSmallWord(next)) return undefined;

  // the event
  const event = eventBefore(text, tokens, b, first.start, isNumberToken) ?? eventAfter(text, tokens, noun ? noun.last + 1 : k, noun ? noun.end : last.end, isNumberToken);

  let unit: string;
  let nounKey: string | undefined;
  let context: string | undefined;
  if (noun && noun.unit.kind !== 'person') {
    unit = noun.unit.key;
  } else if (event) {
    unit = event.unit.key;
    nounKey = noun?.unit.key;
    context = text.slice(event.token.start, event.token.end);
  } else if (noun) {
    unit = noun.unit.key;
  } else {
    return undefined;
  }

  // hedges after the noun
  const endOfFigure = Math.max(noun?.end ?? last.end, last.end);
  const after = tokenAfter(tokens, endOfFigure);
  const t1 = tokens[after];
  const t2 = tokens[after + 1];
  const postHedge =
    !!t1 && NOUN_GAP.test(text.slice(endOfFigure, t1.start)) && (t1.fold === 'تقريبا' || (t1.fold === 'علي' && t2?.fold === 'الاقل' && /^\s+$/.test(text.slice(t1.end, t2.start))));

  const start = first.start;
  const figure: Omit<Figure, 'paragraph'> = {
    value: m.value,
    unit,
    approximate: !!m.approximate || postHedge,
    text: text.slice(start, endOfFigure),
    start,
    end: endOfFigure,
  };
  if (nounKey && nounKey !== unit) figure.noun = nounKey;
  if (context) figure.context = context;
  if (m.hedge) figure.hedge = m.hedge;
  if (m.range) figure.range = { ...m.range };
  return figure;
}

function isSmallWord(t: Token): boolean {
  if (TRANSPARENT_SET.has(t.fold) || lookUp(EVENT_WORDS, t.fold)) return true;
  // a new clause: وأصيب، فقتل، وكانوا
  return /^[وف]/.test(t.fold) && [...t.fold].length > 3;
}

interface EventHit {
  unit: UnitDefinition;
  token: Token;
}

/** The nearest event word in the clause before the number: up to four words back from token b. */
function eventBefore(text: string, tokens: Token[], b: number, from: number, isNumberToken: (t: Token) => boolean): EventHit | undefined {
  let edge = from;
  for (let j = b; j >= 0 && j > b - 4; j--) {
    const t = tokens[j]!;
    if (CLAUSE_BREAK.test(text.slice(t.end, edge))) return undefined;
    if (isNumberToken(t)) return undefined;
    const unit = lookUp(EVENT_WORDS, t.fold);
    if (unit) return { unit, token: t };
    edge = t.start;
  }
  return undefined;
}

/** The nearest event word in the clause after the figure: up to three words from token k. */
function eventAfter(text: string, tokens: Token[], k: number, from: number, isNumberToken: (t: Token) => boolean): EventHit | undefined {
  let edge = from;
  for (let j = k; j < tokens.length && j < k + 3; j++) {
    const t = tokens[j]!;
    if (CLAUSE_BREAK.test(text.slice(edge, t.start))) return undefined;
    if (isNumberToken(t)) return undefined;
    const unit = lookUp(EVENT_WORDS, t.fold);
    if (unit) return { unit, token: t };
    edge = t.end;
  }
  return undefined;
}

/** Every figure of an article's paragraphs, in order. */
export function findFigures(paragraphs: string[]): Figure[] {
  return paragraphs.flatMap((text, p) => figuresOf(text, p));
}

/**
 * The figures of several articles, grouped by equal (value, unit): one row per figure, listing
 * every article that reports it (approximate or not). Sorted by unit, in UNIT_TABLE's order
 * (killed, wounded, surrendered, displaced, captured, people, fighters, civilians, …, km², km,
 * tonnes, dollars), then by value.
 */
export function compareFigures(articles: Array<{ id: string; outlet: string; paragraphs: string[] }>): FigureRow[] {
  return compareFoundFigures(articles.map((a) => ({ id: a.id, outlet: a.outlet, figures: findFigures(a.paragraphs) })));
}

/** compareFigures for articles whose figures were found already (`findFigures` of their paragraphs). */
export function compareFoundFigures(articles: Array<{ id: string; outlet: string; figures: Figure[] }>): FigureRow[] {
  const rows = new Map<string, FigureRow & { outletSet: Set<string> }>();
  for (const article of articles) {
    for (const figure of article.figures) {
      const key = `${figure.value} ${figure.unit}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, value: figure.value, unit: figure.unit, byArticle: {}, outlets: [], outletSet: new Set() }));
      (row.byArticle[article.id] ??= []).push(figure);
      row.outletSet.add(article.outlet);
    }
  }
  return [...rows.values()]
    .map(({ outletSet, ...row }) => ({ ...row, outlets: [...outletSet].sort() }))
    .sort((x, y) => (UNIT_ORDER.get(x.unit) ?? Infinity) - (UNIT_ORDER.get(y.unit) ?? Infinity) || x.value - y.value);
}
