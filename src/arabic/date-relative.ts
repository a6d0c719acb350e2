/**
 * Matchers for dates counted from the publication date: اليوم, أمس, أول من أمس, غداً, بعد غد
 * (each optionally followed by its weekday: "أمس الثلاثاء"), "الأحد الماضي", "الثلاثاء المقبل",
 * a bare weekday (the one in the week up to the publication date), "مطلع الشهر الحالي",
 * "الشهر الماضي", "العام الماضي", and spans counted back from it: "قبل ثلاثة أشهر",
 * "منذ عامين", "بعد ستة أشهر من إطلاقها هجوماً" (what followed "من" happened six months before).
 * Without an anchor they are found all the same, unresolved.
 */
import type { CalendarDate } from './calendar.ts';
import { originalSpan, type Folded } from './date-fold.ts';
import { everyMatchWith, wordAfter, wordBefore, type Needle } from './date-match.ts';
import { fallsOn, shiftDays, shiftMonths, weekdayNear } from './date-resolve.ts';
import type { Candidate } from './date-types.ts';
import { BW, CURRENT, direction, E, H, NEXT, PAST, WEEKDAY, weekdayNumber } from './date-words.ts';

const WEEKDAY_AFTER = `(?:${H}*[،,]?${H}*(?<wd>${WEEKDAY})${E})?`;
/** Parts of a month or year: "مطلع الشهر", "أواخر العام". */
const EDGE = '(?:مطلع|بدايه|اوائل|مستهل|منتصف|اواسط|اواخر|نهايه|ختام)';

/** First letters of the month and year expressions (an EDGE word, ال/لل/بال, هذا/هذه). */
const EDGE_START = '(?=[مباونخاله])';

/** Day words, their offset in days from the anchor, and the word every match contains (everyMatchWith). */
const DAY_WORDS: ReadonlyArray<[RegExp, number, Needle]> = [
  [new RegExp(`(?=ا)${BW}(?:اول${H}+من${H}+امس|اول${H}+امس|امس${H}+الاول)${E}${WEEKDAY_AFTER}`, 'gu'), -2, 'امس'],
  [new RegExp(`(?=[اب])${BW}(?:بال)?امس${E}${WEEKDAY_AFTER}`, 'gu'), -1, 'امس'],
  [new RegExp(`(?=[ال])${BW}(?:ال|لل)يوم${E}${WEEKDAY_AFTER}`, 'gu'), 0, 'يوم'],
  [new RegExp(`(?=غ)${BW}غدا${E}${WEEKDAY_AFTER}`, 'gu'), 1, 'غدا'],
  [new RegExp(`(?=ب)${BW}بعد${H}+غد${E}${WEEKDAY_AFTER}`, 'gu'), 2, 'غد'],
];
/** What the patterns below need, for everyMatchWith: a weekday name; شهر; عام or سنه; قبل, منذ or بعد. */
const HAS_WEEKDAY = new RegExp(WEEKDAY, 'u');
const HAS_MONTH_WORD = 'شهر';
const HAS_YEAR_WORD = ['عام', 'سنه'];
const HAS_SPAN_WORD = ['قبل', 'منذ', 'بعد'];
const WEEKDAY_WITH_DIRECTION = new RegExp(`(?=ا)${BW}(?<wd>${WEEKDAY})${H}+(?<dir>${PAST}|${NEXT})${E}`, 'gu');
const WEEKDAY_ALONE = new RegExp(`(?=ا)${BW}(?<wd>${WEEKDAY})${E}`, 'gu');
const MONTH_RELATIVE = new RegExp(`${EDGE_START}${BW}(?:${EDGE}${H}+)?(?:(?:ال|لل|بال)شهر${H}+(?<dir>${PAST}|${CURRENT}|${NEXT})|هذا${H}+الشهر)${E}`, 'gu');
const MONTH_EDGE = new RegExp(`${EDGE_START}${BW}${EDGE}${H}+الشهر${E}`, 'gu');
const YEAR_RELATIVE = new RegExp(
  `${EDGE_START}${BW}(?<edge>${EDGE}${H}+)?(?:(?:ال|لل|بال)(?:عام|سنه)${H}+(?<dir>${PAST}|${CURRENT}|${NEXT})|هذا${H}+العام|هذه${H}+السنه)${E}`,
  'gu',
);

/** Spans counted back from the anchor: "قبل 3 أيام", "منذ عامين", "بعد ستة أشهر من …". */
const COUNT_WORDS: Readonly<Record<string, number>> = {
  واحد: 1,
  اثنين: 2,
  ثلاث: 3,
  ثلاثه: 3,
  اربع: 4,
  اربعه: 4,
  خمس: 5,
  خمسه: 5,
  ست: 6,
  سته: 6,
  سبع: 7,
  سبعه: 7,
  ثماني: 8,
  ثمانيه: 8,
  تسع: 9,
  تسعه: 9,
  عشر: 10,
  عشره: 10,
};
const UNITS: ReadonlyArray<[RegExp, 'day' | 'week' | 'month' | 'year', boolean]> = [
  [/^(?:يوم|ايام)$/, 'day', false],
  [/^يومين$/, 'day', true],
  [/^(?:اسبوع|اسابيع)$/, 'week', false],
  [/^اسبوعين$/, 'week', true],
  [/^(?:شهر|اشهر|شهور)$/, 'month', false],
  [/^شهرين$/, 'month', true],
  [/^(?:عام|اعوام|سنه|سنوات|سنين)$/, 'year', false],
  [/^(?:عامين|سنتين)$/, 'year', true],
];
const SPAN = new RegExp(`(?=[قمب])${BW}(?<rel>قبل|منذ|بعد)${H}+(?:(?<n>\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')})${H}+)?(?<unit>[\\p{L}]+)${E}(?<from>${H}+من${E})?`, 'gu');

/** Where the sentence of the folded text holding offset `at` starts. */
function sentenceStart(text: string, at: number): number {
  return Math.max(text.lastIndexOf('.', at), text.lastIndexOf('؟', at), text.lastIndexOf('\n', at)) + 1;
}

/** The sentence of the folded text around offset `at`. */
function sentenceOf(text: string, at: number): string {
  const start = sentenceStart(text, at);
  const ends = ['.', '؟', '\n'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

function spanUnit(word: string): { unit: 'day' | 'week' | 'month' | 'year'; dual: boolean } | undefined {
  for (const [re, unit, dual] of UNITS) if (re.test(word)) return { unit, dual };
  return undefined;
}

/** Words before اليوم that make it some other day: "ذلك اليوم", "في نفس اليوم". */
const NOT_TODAY_BEFORE = /^(?:ذلك|ذاك|نفس|ذات|هذا|تلك)$/;
const AL_WORD = /^(?:ال|لل|بال|وال|فال)\p{L}/u;
/**
 * Words that make a bare اليوم "nowadays" rather than the day of publication: a state reached or
 * kept (بات، أصبح، صار، لم يعد، لا يزال…) earlier in its sentence ("بات وجوده يقتصر اليوم على
 * بقعة صغيرة"), or a contrast with the past ("أما اليوم"). In the folded text (أ→ا, ى→ي).
 */
const NOWADAYS_STATE =
  /(?:^|[^\p{L}])[وف]?(?:بات|باتت|باتوا|اصبح|اصبحت|اصبحوا|اضحي|اضحت|صار|صارت|صاروا|لم[^\S\r\n]+(?:يعد|تعد|يعودوا)|(?:ما|لا)[^\S\r\n]+(?:زال|زالت|يزال|تزال|يزالون))(?![\p{L}])/u;
const NOWADAYS_BEFORE = /^(?:اما|عالم|حتي|الي|لغايه)$/;

type Fields = Candidate['mention'];

function relative(precision: Fields['precision'], value: string | undefined, weekday?: number): Fields {
  const fields: Fields = { kind: 'relative', precision };
  if (value) fields.value = value;
  if (weekday !== undefined) {
    fields.weekday = weekday;
    if (value && precision === 'day') fields.weekdayAgrees = fallsOn(value, weekday);
  }
  return fields;
}

/** All relative expressions in the folded text, resolved when there is an anchor. */
export function relativeDates(f: Folded, anchor?: CalendarDate): Candidate[] {
  const text = f.text;
  const out: Candidate[] = [];
  const push = (m: RegExpExecArray, mention: Fields) => out.push({ start: m.index, end: m.index + m[0].length, mention });

  for (const [re, offset, needle] of DAY_WORDS) {
    for (const m of everyMatchWith(re, text, needle)) {
      const weekday = m.groups?.wd ? weekdayNumber(m.groups.wd) : undefined;
      if (offset === 0 && weekday === undefined) {
        // "اليوم التالي", "اليوم الأول" count from some other day; "ذلك اليوم" is that day
        if (AL_WORD.test(wordAfter(text, m.index + m[0].length))) continue;
        if (NOT_TODAY_BEFORE.test(wordBefore(text, m.index))) continue;
        // "بات … يقتصر اليوم على", "أما اليوم", "حتى اليوم": the present, not a day of the story
        if (NOWADAYS_BEFORE.test(wordBefore(text, m.index))) continue;
        if (NOWADAYS_STATE.test(text.slice(sentenceStart(text, m.index), m.index))) continue;
      }
      if (offset === 1 && weekday === undefined) {
        // bare غدا is also the verb "became": only غداً/غدًا with its tanween is "tomorrow"
        const [s, e] = originalSpan(f, m.index, m.index + m[0].length);
        if (!/[\u064B\u064C\u064D]/.test(f.original.slice(s, e + 1))) continue;
      }
      push(m, relative('day', anchor && shiftDays(anchor, offset), weekday));
    }
  }

  for (const m of everyMatchWith(WEEKDAY_WITH_DIRECTION, text, HAS_WEEKDAY)) {
    const weekday = weekdayNumber(m.groups?.wd ?? '') as number;
    const which = direction(m.groups?.dir ?? '') < 0 ? 'past' : 'next';
    push(m, relative('day', anchor && weekdayNear(anchor, weekday, which), weekday));
  }

  for (const m of everyMatchWith(WEEKDAY_ALONE, text, HAS_WEEKDAY)) {
    const weekday = weekdayNumber(m.groups?.wd ?? '') as number;
    const after = wordAfter(text, m.index + m[0].length);
    if (weekday === 0 && after === 'عشر') continue; // الأحد عشر: "the eleven"
    if (weekday === 1) {
      // الاثنين is also "the two": "الطرفين الاثنين", "كلا الاثنين", "الاثنين معا"
      const before = wordBefore(text, m.index);
      if (before === 'كلا' || after === 'معا' || (AL_WORD.test(before) && /(?:ين|ان)$/.test(before))) continue;
    }
    push(m, relative('day', anchor && weekdayNear(anchor, weekday, 'week'), weekday));
  }

  for (const m of everyMatchWith(MONTH_RELATIVE, text, HAS_MONTH_WORD)) {
    const dir = m.groups?.dir ? direction(m.groups.dir) : 0;
    push(m, relative('month', anchor && shiftMonths(anchor, dir)));
  }
  for (const m of everyMatchWith(MONTH_EDGE, text, HAS_MONTH_WORD)) {
    if (AL_WORD.test(wordAfter(text, m.index + m[0].length))) continue;
    push(m, relative('month', anchor && shiftMonths(anchor, 0)));
  }

  for (const m of everyMatchWith(SPAN, text, HAS_SPAN_WORD)) {
    const { rel = '', n, unit: unitWord = '', from } = m.groups ?? {};
    const unit = spanUnit(unitWord);
    if (!unit || (unit.dual && n)) continue;
    // "بعد ستة أشهر" alone looks forward; only "بعد … من X" dates X, counted back, and only in a
    // sentence about today ("أعلنت اليوم … بعد ستة أشهر من إطلاقها هجوماً"): elsewhere the span
    // counts from some other date of the story ("بدأ في نوفمبر 2016، لتتمكن بعد سبعة أشهر من …").
    if (rel === 'بعد' && (!from || !/(?:^|[^\p{L}])اليوم(?![\p{L}])/u.test(sentenceOf(text, m.index)))) continue;
    // "بعد أعوام من القتال": a plural with no number is no count.
    if (!n && !unit.dual && !/^(?:يوم|اسبوع|شهر|عام|سنه)$/.test(unitWord)) continue;
    const count = unit.dual ? 2 : n ? (/^\d/.test(n) ? Number(n) : (COUNT_WORDS[n] ?? 0)) : 1;
    if (count < 1) continue;
    const end = m.index + m[0].length - (from?.length ?? 0);
    const value = !anchor
      ? undefined
      : unit.unit === 'year'
        ? String(anchor.year - count)
        : unit.unit === 'month'
          ? shiftMonths(anchor, -count)
          : shiftDays(anchor, -count * (unit.unit === 'week' ? 7 : 1));
    out.push({ start: m.index, end, mention: relative(unit.unit === 'week' ? 'day' : unit.unit, value) });
  }

  for (const m of everyMatchWith(YEAR_RELATIVE, text, HAS_YEAR_WORD)) {
    // "الأمين العام الحالي" is the current secretary-general, not this year
    if (!m.groups?.edge && /^(?:ال|لل|بال)(?:عام|سنه)/.test(m[0]) && AL_WORD.test(wordBefore(text, m.index))) continue;
    const dir = m.groups?.dir ? direction(m.groups.dir) : 0;
    push(m, relative('year', anchor && String(anchor.year + dir)));
  }
  return out;
}
