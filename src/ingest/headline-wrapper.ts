/**
 * An aggregator's wrapper around a headline: "نعرض لكم زوارنا أهم وأحدث تفاصيل خبر … في المقال
 * التالي", "إليكم تفاصيل … في السطور التالية". Sites that copy other outlets' articles print the
 * headline inside such boilerplate. The wrapper is certain when both its opening (an address to
 * the reader and "تفاصيل/أخبار") and its closing (a pointer to what follows: "في المقال التالي")
 * stand around at least MIN_INNER words; then the words inside are the headline. One part alone
 * ("إليكم تفاصيل خطة الإعمار" is also how a headline reads) is not certain: the caller asks.
 */

/** "نعرض لكم زوارنا أهم وأحدث تفاصيل خبر", "نقدم لكم تفاصيل", "إليكم تفاصيل خبر", "تعرف على تفاصيل". */
const OPENING = new RegExp(
  [
    '^(?:',
    'و?ن(?:عرض|قدم|ستعرض|وضح|رصد|نقل)\\s+(?:لكم|لحضراتكم|إليكم|اليكم)',
    '(?:\\s+(?:زوارنا|متابعينا|قراءنا|قرائنا|متابعي\\s+\\S+|زوار\\s+\\S+))?(?:\\s+(?:الكرام|الأعزاء|الاعزاء))?',
    '|إليكم|اليكم|تعرف\\s+على|تعرفوا\\s+على',
    ')',
    '(?:\\s+(?:أهم|اهم|أبرز|ابرز|آخر|اخر))?(?:\\s+(?:و?أحدث|و?احدث|و?آخر|و?اخر))?',
    '\\s+(?:تفاصيل|أخبار|اخبار)(?:\\s+(?:خبر|الخبر|حول|عن))?\\s*[:：]?\\s+',
  ].join(''),
  'u',
);
/** "في المقال التالي", "خلال السطور القادمة", "عبر السطور الآتية". */
const CLOSING =
  /\s+(?:في|فى|خلال|عبر|من\s+خلال)\s+(?:المقال|المقالة|السطور|الخبر|الفقرات|التقرير|الموضوع)\s+(?:التالي|التالية|القادم|القادمة|الآتي|الآتية|الاتي|الاتية)\s*[.:：]?$/u;
/** The headline inside a certain wrapper is at least this many words. */
const MIN_INNER = 4;

export interface Wrapped {
  /** The headline inside the wrapper (when certain), else the line unchanged. */
  inner: string;
  /** Both parts of the wrapper stand around the headline. */
  certain: boolean;
  /** The wrapper's words found, for messages ("«نعرض لكم … تفاصيل خبر» … «في المقال التالي»"). */
  wrapper: string;
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The wrapper around a line, or undefined when it has none. */
export function unwrapHeadline(text: string): Wrapped | undefined {
  const open = OPENING.exec(text);
  const close = CLOSING.exec(text);
  if (!open && !close) return undefined;
  const from = open ? open[0].length : 0;
  const to = close ? close.index : text.length;
  const inner = text.slice(from, Math.max(from, to)).trim();
  const wrapper = [open ? `«${open[0].trim()}»` : '', close ? `«${close[0].trim()}»` : ''].filter(Boolean).join(' … ');
  const certain = !!open && !!close && words(inner) >= MIN_INNER;
  return { inner: certain ? inner : text, certain, wrapper };
}
