/**
 * Matchers for dates counted from the publication date: اليوم, أمس, أول من أمس, غداً, بعد غد
 * (each optionally followed by its weekday: "أمس الثلاثاء"), "الأحد الماضي", "الثلاثاء المقبل",
 * a bare weekday (the one in the week up to the publication date), "مطلع الشهر الحالي",
 * "الشهر الماضي", "العام الماضي". Without an anchor they are found all the same, unresolved.
 */
import type { CalendarDate } from './calendar.ts';
import { originalSpan, type Folded } from './date-fold.ts';
import { everyMatch, wordAfter, wordBefore } from './date-match.ts';
import { fallsOn, shiftDays, shiftMonths, weekdayNear } from './date-resolve.ts';
import type { Candidate } from './date-types.ts';
import { BW, CURRENT, direction, E, H, NEXT, PAST, WEEKDAY, weekdayNumber } from './date-words.ts';

const WEEKDAY_AFTER = `(?:${H}*[،,]?${H}*(?<wd>${WEEKDAY})${E})?`;
/** Parts of a month or year: "مطلع الشهر", "أواخر العام". */
const EDGE = '(?:مطلع|بدايه|اوائل|مستهل|منتصف|اواسط|اواخر|نهايه|ختام)';

/** First letters of the month and year expressions (an EDGE word, ال/لل/بال, هذا/هذه). */
const EDGE_START = '(?=[مباونخاله])';

/** Day words and their offset in days from the anchor. */
const DAY_WORDS: ReadonlyArray<[RegExp, number]> = [
  [new RegExp(`(?=ا)${BW}(?:اول${H}+من${H}+امس|اول${H}+امس|امس${H}+الاول)${E}${WEEKDAY_AFTER}`, 'gu'), -2],
  [new RegExp(`(?=[اب])${BW}(?:بال)?امس${E}${WEEKDAY_AFTER}`, 'gu'), -1],
  [new RegExp(`(?=[ال])${BW}(?:ال|لل)يوم${E}${WEEKDAY_AFTER}`, 'gu'), 0],
  [new RegExp(`(?=غ)${BW}غدا${E}${WEEKDAY_AFTER}`, 'gu'), 1],
  [new RegExp(`(?=ب)${BW}بعد${H}+غد${E}${WEEKDAY_AFTER}`, 'gu'), 2],
];
const WEEKDAY_WITH_DIRECTION = new RegExp(`(?=ا)${BW}(?<wd>${WEEKDAY})${H}+(?<dir>${PAST}|${NEXT})${E}`, 'gu');
const WEEKDAY_ALONE = new RegExp(`(?=ا)${BW}(?<wd>${WEEKDAY})${E}`, 'gu');
const MONTH_RELATIVE = new RegExp(
  `${EDGE_START}${BW}(?:${EDGE}${H}+)?(?:(?:ال|لل|بال)شهر${H}+(?<dir>${PAST}|${CURRENT}|${NEXT})|هذا${H}+الشهر)${E}`,
  'gu',
);
const MONTH_EDGE = new RegExp(`${EDGE_START}${BW}${EDGE}${H}+الشهر${E}`, 'gu');
const YEAR_RELATIVE = new RegExp(
  `${EDGE_START}${BW}(?<edge>${EDGE}${H}+)?(?:(?:ال|لل|بال)(?:عام|سنه)${H}+(?<dir>${PAST}|${CURRENT}|${NEXT})|هذا${H}+العام|هذه${H}+السنه)${E}`,
  'gu',
);

/** Words before اليوم that make it some other day: "ذلك اليوم", "في نفس اليوم". */
const NOT_TODAY_BEFORE = /^(?:ذلك|ذاك|نفس|ذات|هذا|تلك)$/;
const AL_WORD = /^(?:ال|لل|بال|وال|فال)\p{L}/u;

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

  for (const [re, offset] of DAY_WORDS) {
    for (const m of everyMatch(re, text)) {
      const weekday = m.groups?.wd ? weekdayNumber(m.groups.wd) : undefined;
      if (offset === 0 && weekday === undefined) {
        // "اليوم التالي", "اليوم الأول" count from some other day; "ذلك اليوم" is that day
        if (AL_WORD.test(wordAfter(text, m.index + m[0].length))) continue;
        if (NOT_TODAY_BEFORE.test(wordBefore(text, m.index))) continue;
      }
      if (offset === 1 && weekday === undefined) {
        // bare غدا is also the verb "became": only غداً/غدًا with its tanween is "tomorrow"
        const [s, e] = originalSpan(f, m.index, m.index + m[0].length);
        if (!/[\u064B\u064C\u064D]/.test(f.original.slice(s, e + 1))) continue;
      }
      push(m, relative('day', anchor && shiftDays(anchor, offset), weekday));
    }
  }

  for (const m of everyMatch(WEEKDAY_WITH_DIRECTION, text)) {
    const weekday = weekdayNumber(m.groups?.wd ?? '') as number;
    const which = direction(m.groups?.dir ?? '') < 0 ? 'past' : 'next';
    push(m, relative('day', anchor && weekdayNear(anchor, weekday, which), weekday));
  }

  for (const m of everyMatch(WEEKDAY_ALONE, text)) {
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

  for (const m of everyMatch(MONTH_RELATIVE, text)) {
    const dir = m.groups?.dir ? direction(m.groups.dir) : 0;
    push(m, relative('month', anchor && shiftMonths(anchor, dir)));
  }
  for (const m of everyMatch(MONTH_EDGE, text)) {
    if (AL_WORD.test(wordAfter(text, m.index + m[0].length))) continue;
    push(m, relative('month', anchor && shiftMonths(anchor, 0)));
  }

  for (const m of everyMatch(YEAR_RELATIVE, text)) {
    // "الأمين العام الحالي" is the current secretary-general, not this year
    if (!m.groups?.edge && /^(?:ال|لل|بال)(?:عام|سنه)/.test(m[0]) && AL_WORD.test(wordBefore(text, m.index))) continue;
    const dir = m.groups?.dir ? direction(m.groups.dir) : 0;
    push(m, relative('year', anchor && String(anchor.year + dir)));
  }
  return out;
}
