/**
 * What a date written inside a sentence (not on a date line of its own) dates: the day a source
 * said what the text reports, which the press writes as its own day ("قالت قوات سوريا
 * الديمقراطية، السبت 23 آذار، إنها …", "أعلنت الوزارة اليوم السبت …"); the day of an event the
 * text reports ("… ظهر السبت 10 أيلول/سبتمبر 2016", "قتل … يوم السبت …", "… السبت 10 أيلول 2016
 * عند الساعة الثانية"); or neither can be told. Read from the words around it only.
 *
 * Pure; which date is the publication date is src/ingest/publication-date.ts's decision.
 */
import { foldArabic, words } from './normalise.ts';
import { isSayingWord } from './saying.ts';
import { weekdayNumber } from './date-words.ts';

/** `today`: the date is the one the text calls "اليوم", the page's own day. */
export type DateRole = { role: 'told' | 'event' | 'unclear'; because: string; today?: true };

/**
 * Words that, right before a date, make it the day of an event: a time of the day (ظهر السبت),
 * "يوم", a preposition of time, and "أمس" (the day before the page's). Folded, و/ف read off.
 */
const EVENT_BEFORE = new Set(
  [
    'ظهر',
    'ظهيرة',
    'صباح',
    'مساء',
    'فجر',
    'ليل',
    'ليلة',
    'عصر',
    'ضحى',
    'منتصف',
    'نهار',
    'يوم',
    'في',
    'منذ',
    'حتى',
    'خلال',
    'مطلع',
    'أوائل',
    'أواخر',
    'قبل',
    'بعد',
    'أمس',
    'البارحة',
  ].map(foldArabic),
);

/** An hour of the event written after the date: "عند الساعة الثانية", "الساعة 12:30", "12:30". */
const TIME_AFTER = /^[\s،,]*(?:(?:عند|في|قرابة|حوالي|نحو)\s+)?(?:الساعة|الساعه|\d{1,2}:\d{2})/u;

/** Words a verb of saying and who spoke may take before the date they are dated by. */
const SPEAKER_WORDS = 6;

/** The word with a leading و/ف read off when what remains is one of `set`. */
function inSet(folded: string, set: Set<string>): boolean {
  return set.has(folded) || (/^[وف]/u.test(folded) && set.has(folded.slice(1)));
}

/** The role of the date at [start, end) of `text` (a paragraph). */
export function dateRoleInProse(text: string, start: number, end: number): DateRole {
  const before = text.slice(0, start);
  const after = text.slice(end);
  // the clause the date stands in: from the sentence's start (. ! ? ؟ or the paragraph's start)
  const sentenceStart = Math.max(...['.', '!', '?', '؟'].map((c) => before.lastIndexOf(c))) + 1;
  const clause = words(foldArabic(before.slice(sentenceStart)));
  let last = clause.length - 1;
  // a weekday the date's own mention left out ("أمس الجمعة 9 أيلول"): the word before it counts
  if (last >= 0 && weekdayNumber(clause[last]?.word ?? '') !== undefined) last--;
  const word = clause[last]?.word;
  const glued = !/[،,(]\s*$/u.test(before);
  if (word && glued && (word === foldArabic('اليوم') || word === foldArabic('واليوم'))) return { role: 'told', because: 'after "اليوم", the page\u2019s own day', today: true };
  if (word && glued && inSet(word, EVENT_BEFORE)) return { role: 'event', because: `after "${word}", the day of an event the text reports` };
  if (TIME_AFTER.test(after)) return { role: 'event', because: 'the hour of an event the text reports written after it' };
  if (!glued && /^\s*[،,)]/u.test(after)) {
    const saying = clause.find((w) => isSayingWord(w.word));
    if (saying) return { role: 'told', because: `set off by commas after "${saying.word}", the day the source spoke` };
  }
  // "أعلنت قوات سوريا الديمقراطية السبت 23 آذار 2019 …": right after who spoke, no comma between
  const run = words(foldArabic(before.slice(Math.max(sentenceStart, before.search(/[،,(][^،,(]*$/u) + 1))));
  const speaker = glued && run.length <= SPEAKER_WORDS ? run.find((w) => isSayingWord(w.word)) : undefined;
  if (speaker) return { role: 'told', because: `right after "${speaker.word}" and who spoke, the day the source spoke` };
  return { role: 'unclear', because: 'inside a sentence, with nothing saying it is the page\u2019s day' };
}
