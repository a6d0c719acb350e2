/**
 * The headline of a raw text, chosen by evidence rather than by position. Every line above the
 * first paragraph of prose is a candidate unless it is clutter, a date line, an outlet's name, a
 * breadcrumb (`الرئيسية / أخبار / سوريا`), a share bar (`شارك فيسبوك تويتر واتساب`) or a menu of
 * section names. Each candidate is scored for what speaks for it (its length, being the first
 * candidate, heading the block that a date line, a byline or the prose follows, being repeated
 * lower down, agreeing with the address's slug) and against it (a sentence's full stop, a
 * label's shortness, a separator, standing in a run of headline-like lines: a ticker). The best
 * is taken; when the runner-up is close, the caller asks for --title rather than guess.
 */
import { foldArabic } from '../arabic/normalise.ts';
import { readDateLine } from '../arabic/date-line.ts';
import { foldForDates, originalSpan } from '../arabic/date-fold.ts';
import { WEEKDAY } from '../arabic/date-words.ts';
import { isSayingWord } from '../arabic/saying.ts';
import { COUNTER } from '../arabic/dates.ts';
import { unwrapHeadline } from './headline-wrapper.ts';
import { wordCount, type Line } from './lines.ts';

export interface HeadlineContext {
  isClutter(line: string): boolean;
  isOutletHeader(line: string): boolean;
  /** True for a byline or source line ("بقلم: فلان", "السورية نت - ياسر العيسى"). */
  isByline(line: string): boolean;
  /** True for a paragraph that opens with a wire dateline ("دمشق - (سانا) - …"): the text's lead. */
  opensWithWireDateline?(line: string): boolean;
  url?: string;
}

export interface HeadlineCandidate {
  /** Index into the lines given. */
  at: number;
  line: Line;
  score: number;
  /** What counted, for and against, as the messages show it. */
  reasons: string[];
}

export interface HeadlineChoice {
  best?: HeadlineCandidate;
  /** Candidates, best first. */
  candidates: HeadlineCandidate[];
  /** The best other headline (not the same line repeated). */
  runnerUp?: HeadlineCandidate;
  /** The runner-up scores within CLOSE of the best: ask. */
  close: boolean;
  /** The address's slug matches no line: ask. */
  slugDisagrees?: boolean;
  /**
   * The best is a line of under 5 words that nothing confirms (not repeated, not the page's
   * title, not the slug): a tag or a caption's label stands there as often as a headline. Ask.
   */
  unconfirmedShort?: boolean;
  /**
   * The best is one of the text's section heads: the prose follows it at once, as it follows two
   * or more lines lower down about as long (SUBHEAD_MARGIN), and nothing confirms it (an
   * excerpt that starts under the headline, at a page's first subhead). Ask.
   */
  unconfirmedSubhead?: boolean;
  /**
   * The best is a line the text does not speak of (under UNRELATED of its words in the first
   * paragraphs), with no date line right under it and nothing that confirms it: an item of a listing, a site's slogan or a promo stands
   * there when the excerpt holds no headline. Ask.
   */
  unrelated?: boolean;
  /**
   * The best reads as the lead's first sentence (leadSentenceSigns: the day counted from the
   * page's, a source cited, a sentence's length and commas) and nothing confirms it: the copy may
   * start under its headline. Ask. The signs found.
   */
  leadSentence?: string[];
  /**
   * The best stands under a line that reads as the lead's first sentence (two signs or more,
   * leadSentenceSigns), and nothing confirms it: the copy starts with the lead, its headline left
   * out, and the best is a section head inside the text. Ask. That line and its signs.
   */
  underLead?: { line: Line; signs: string[] };
  /**
   * The best is a line with one part of an aggregator's wrapper ("إليكم تفاصيل …" without "في
   * المقال التالي", or the other way round): the headline inside it is not certain. Ask. The words found.
   */
  wrapperUncertain?: string;
  /** Where the article begins when the headline was found lower down (its repeat inside the text). */
  start?: number;
}

/** Scores closer than this are too close to call. */
export const CLOSE = 1.5;
/** Below this no candidate reads like a headline. */
const MINIMUM = 1;

const SHARE_WORDS = new Set([
  'شارك',
  'شاركها',
  'شارك الخبر',
  'مشاركه',
  'عبر',
  'علي',
  'فيسبوك',
  'فيس',
  'بوك',
  'تويتر',
  'واتساب',
  'واتس',
  'اب',
  'تلغرام',
  'تليجرام',
  'تيليجرام',
  'لينكدان',
  'لينكد',
  'ان',
  'انستغرام',
  'يوتيوب',
  'ماسنجر',
  'بريد',
  'البريد',
  'الالكتروني',
  'طباعه',
  'نسخ',
  'الرابط',
  'ارسال',
  'facebook',
  'twitter',
  'whatsapp',
  'telegram',
  'linkedin',
  'email',
  'print',
  'share',
  'x',
  'messenger',
  'pinterest',
  'reddit',
  'copy',
  'link',
]);
const MENU_WORDS = new Set([
  'الرئيسيه',
  'اخبار',
  'الاخبار',
  'سياسه',
  'اقتصاد',
  'رياضه',
  'ثقافه',
  'منوعات',
  'تقارير',
  'مقالات',
  'راي',
  'الراي',
  'فيديو',
  'صور',
  'ملفات',
  'تحقيقات',
  'محليات',
  'عربي',
  'دولي',
  'دوليه',
  'عربيه',
  'عالميه',
  'صحه',
  'تكنولوجيا',
  'فن',
  'فنون',
  'اتصل',
  'بنا',
  'من',
  'نحن',
  'سوريا',
  'العالم',
  'مجتمع',
  'حوارات',
  'english',
  'home',
  'news',
  'المزيد',
  'الاقتصاد',
  'السياسه',
  'الرياضه',
  'الثقافه',
  'كتاب',
  'الكتاب',
  'ملف',
  'انفوغراف',
  'بودكاست',
  'اراء',
  'الاراء',
  'خاص',
  'مقابلات',
  'محلي',
  'عاجل',
  'المحافظات',
  'اقليمي',
  'اقليميه',
]);
/** A breadcrumb's separators: spaced / \\ › » > | (» and / unspaced are quotes and "آذار/مارس"), or › \\ unspaced. */
const BREADCRUMB_SEPARATOR = /\s[/\\›»>|]\s|[›\\]/u;

/**
 * "دولي > غارات على مستشفى في حلب", "الرئيسية › أخبار › …", "الرئيسية - خليج الدول - …": a
 * breadcrumb whose last crumb is the article's title, the sections before it (three words at most
 * each) marked off by an arrow, or by dashes after the home page's crumb.
 * Returns that title (four words at least), which stands as a line of its own.
 */
const HOME = /^(?:الرئيسية|الرئيسيه|الصفحة الرئيسية|الصفحه الرئيسيه|Home)$/u;

function lastCrumb(text: string): string | undefined {
  // spaced arrows only: "«داعش» يتبنى …" closes a quotation, it marks off no section; spaced
  // dashes only after the home page's crumb ("الرئيسية - خليج الدول - …"), as a headline has dashes too
  const arrows = text.split(/\s+[›»>]\s+/u);
  const dashes = text.split(/\s+[-–—]\s+/u);
  const pieces = (arrows.length > 1 ? arrows : HOME.test(dashes[0]?.trim() ?? '') ? dashes : arrows).map((p) => p.trim());
  if (pieces.length < 2 || pieces.some((p) => p === '' || /«[^»]*$/u.test(p))) return undefined;
  const last = pieces[pieces.length - 1] as string;
  return wordCount(last) >= 4 && pieces.slice(0, -1).every((p) => wordCount(p) <= 3 && !/\p{N}/u.test(p)) ? last : undefined;
}

/** A bureau and a credit: "دمشق - (د ب أ)", "بيروت – (رويترز)". */
export const DATELINE = /^[\p{L}\s]{2,30}\s*[-–—ـ]\s*\([^()]{1,30}\)$/u;
/** "المحرر: …", "الكاتب: …", "إعداد: …": who wrote or edited it. */
const SIGNED = /^(?:المحرر|محرر|الكاتب|كاتب|بقلم|إعداد|اعداد|تحرير|كتب|كتبت|مراسل|المراسل|تقرير|ترجمة|Editor|By)\s*[:：]/u;
/** "شفق نيوز- نينوى", "بغداد اليوم-بغداد", "السورية نت - ياسر العيسى": an outlet or bureau and a place or name. */
const NAME_DASH_NAME = /^[\p{L}.]+(?:\s[\p{L}.]+){0,2}\s*[-–—ـ]\s*[\p{L}.]+(?:\s[\p{L}.]+){0,2}(?:\s*\([\p{L}\s.]{1,20}\))?$/u;
/** A readers' poll: a question put to the reader ("هل تؤيد …؟"); headlines do not address the reader. */
const POLL = /^(?:هل\s+(?:تؤيد|توافق|تعتقد|ترى|تتوقع|تثق|تفضل|تشجع)|ما\s+رأيك|برأيك|شارك\s+برأيك|استطلاع)/u;
/** A photo's caption: its credit or "صورة أرشيفية" at the end. */
const CAPTION =
  /(?:\((?:[^()]*(?:صورة|صور|أرشيف|ارشيف|تصوير|عدسة|Getty|AFP|Reuters|رويترز|أ ف ب|أ\.ف\.ب|الأناضول|سانا|EPA|AP)[^()]*)\)|\((?:إنترنت|انترنت|الإنترنت|الانترنت|متداولة|تعبيرية|مواقع التواصل(?: الاجتماعي)?)\)|[-–—|]\s*(?:صورة|الصورة|أرشيفية|ارشيفية|تعبيرية)(?:\s+\p{L}+)?|[-–—|/]\s*(?:تصوير|عدسة)\s*[:：]?\s*\p{L}+(?:\s+\p{L}+){0,3})$/u;
/**
 * A headline's tag for the media it comes with: "(صور)", "(فيديو)", "(صور + فيديو)", "(بالصور)".
 * Nothing but the media's names in the brackets: a caption's bracket names a source or what the
 * picture is ("(صورة أرشيفية)", "(صور: رويترز)").
 */
const MEDIA_TAG = /\((?:\s*(?:و|\+|،|,|-)?\s*(?:ب?ال)?(?:صور|فيديو|فيديوهات|إنفوغراف|انفوغراف|إنفوجراف|انفوجراف)\s*)+\)$/u;
/** A photo's caption opening with what it is: "صورة أرشيفية لـ…", "صورة تعبيرية", "أرشيفية:", "الصورة:". */
const CAPTION_OPENING = /^(?:(?:ال)?صورة\s+(?:أرشيفية|ارشيفية|تعبيرية|متداولة|توضيحية|من\s+الأرشيف|من\s+الارشيف)|(?:أرشيفية|ارشيفية|الصورة|صورة)\s*[:：\-–—])/u;
/**
 * A call to follow the site elsewhere ("اشترك في قناتنا على يوتيوب", "تابعونا على تلغرام"): an
 * imperative or "to follow" opening a line that names a platform or "our" channel or page.
 */
const PROMO = /^(?:[وف]?(?:اشترك|اشتركوا|اشتركي|تابع|تابعوا|تابعونا|تابعنا|انضم|انضموا|انضمي|حمل|حمّل|حملوا|اضغط|اضغطوا|شاهد|شاهدوا|لمتابعة|للاشتراك|للانضمام|لمشاهدة))\s/u;
const PROMO_TARGET =
  /يوتيوب|يوتيوپ|تلغرام|تليغرام|تلجرام|تليجرام|تيليجرام|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|انستغرام|انستجرام|إنستغرام|تيك توك|YouTube|Telegram|Facebook|Twitter|WhatsApp|Instagram|TikTok|قناتنا|صفحتنا|حسابنا|تطبيقنا|موقعنا|نشرتنا/iu;
/** A date and a byline on one line ("بقلم فلان | 12 مارس 2019", "فلان - 12 مارس 2024 - 10:30"). */
const BYLINE_WORD = /^(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير|تقرير|By)\s+/u;
/**
 * A photo's caption glossed with the Latin acronym of whom it shows ("عناصر من قوات سوريا
 * الديمقراطية SDF"): Arabic headlines name them in Arabic. "… لـ CNN" (told CNN) is a headline's.
 */
const LATIN_GLOSS = /\p{Script=Arabic}{2,}.*\s\(?[A-Z]{2,6}\)?$/u;
const TOLD = /(?:^|\s)لـ?\s*\(?[A-Z]{2,6}\)?$/u;
/** A page title: the headline and the site's name after a separator ("… - بوابة الشروق"). */
const SITE_SUFFIX = /\s+[-–—|]\s+[^-–—|]{2,40}$/u;
/** A label before a headline on one line ("تكبير الصورة - …", "العرب اليوم - …"): at most three words and a separator. */
const LABEL_PREFIX = /^(?:[^\s|–—-]+\s){0,2}[^\s|–—-]+\s+[-–—|]\s+(?=\S)/u;
/** A line ending on a preposition or a relative: cut mid-phrase (a lead wrapped at a fixed width), never a headline. */
const CUT_SHORT = /(?:^|\s)(?:في|من|على|علي|إلى|الى|عن|مع|و|أن|بين|حول|لدى|منذ|التي|الذي|الذين|ضد|نحو|خلال)$/u;

/**
 * A photo's file name left by the copy (`BbikAkqCIAAXNP8`, `IMG_2041.jpg`): one Latin token with
 * an image's extension, or 8 to 40 letters and digits that mix cases with a digit or two case
 * changes, as media ids do. Furniture, never a headline; it stands between a headline and its text.
 */
export const IMAGE_FILE = /^(?:[\w.-]+\.(?:jpe?g|png|gif|webp|avif|bmp|JPE?G|PNG|GIF|WEBP)|(?=\S*[a-z])(?=\S*[A-Z])(?=\S*\d|(?:\S*[a-z][A-Z]){2})[A-Za-z0-9_-]{8,40})$/u;

/** The words of a line, folded, letters and digits only. */
function foldedWords(text: string): string[] {
  return foldArabic(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Why a line can never be the headline, or undefined when it can. */
export function notAHeadline(text: string, ctx: HeadlineContext): string | undefined {
  const words = wordCount(text);
  if (ctx.isClutter(text)) return 'clutter';
  if (IMAGE_FILE.test(text)) return "an image's file name";
  if (readDateLine(text)) return 'a date line';
  if (ctx.isOutletHeader(text)) return "the outlet's name";
  if (words > 40 || text.length > 250) return 'too long';
  const folded = foldedWords(text);
  if (folded.filter((w) => SHARE_WORDS.has(w)).length >= Math.max(2, folded.length * 0.6)) return 'a share bar';
  if (folded.filter((w) => MENU_WORDS.has(w)).length >= Math.max(3, folded.length * 0.7)) return 'a menu of sections';
  const pieces = text.split(/\s+[/\\›»>|-]\s+|\s*[›\\]\s*/u).filter((p) => p.trim() !== '');
  if (BREADCRUMB_SEPARATOR.test(text) && pieces.length >= 2 && pieces.slice(0, -1).every((p) => wordCount(p) <= 3)) {
    return 'a breadcrumb';
  }
  if (ctx.isByline(text) || DATELINE.test(text) || SIGNED.test(text) || (words <= 6 && NAME_DASH_NAME.test(text))) return 'a byline';
  if ((CAPTION.test(text) && !MEDIA_TAG.test(text)) || CAPTION_OPENING.test(text)) return "a photo's caption";
  if (ctx.opensWithWireDateline?.(text)) return "the text's first sentence (it opens with a wire dateline)";
  if (PROMO.test(text) && PROMO_TARGET.test(text)) return 'a call to follow the site (a promo)';
  if (dateAndByline(text, ctx)) return 'a date and a byline';
  if (LATIN_GLOSS.test(text) && !TOLD.test(text)) return "a photo's caption (an Arabic line glossed with a Latin acronym)";
  if (words < 4) return 'too short';
  if (CUT_SHORT.test(text)) return 'ends on a preposition (a line cut mid-phrase)';
  // An Arabic article's headline is Arabic: a line without Arabic is an English caption or title.
  if (!/\p{Script=Arabic}/u.test(text)) return 'not in Arabic (a caption or a title in another language)';
  if (POLL.test(text)) return "a readers' poll";
  if (new RegExp(COUNTER, 'u').test(text)) return 'a counter';
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.filter((t) => /^(?:\p{L}|[^\p{L}\p{N}]+)$/u.test(t)).length >= tokens.length * 0.3) return 'a widget'; // "ت + ت - الحجم الطبيعي"
  if (words >= 12 && /[.…]["»”)]?$/u.test(text)) return 'a sentence of the text';
  if (/(?<!\.)\.["»”)]?$/u.test(text)) return 'ends with a full stop (a caption or a sentence)';
  return undefined;
}

/** A line of a date and who wrote it, split by separators: one piece a date line, the others a byline or a name of at most four words. */
function dateAndByline(text: string, ctx: HeadlineContext): boolean {
  const pieces = text
    .split(/\s+[|–—-]\s+|\s*[|]\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length < 2) return false;
  const dated = pieces.filter((p) => readDateLine(p) !== undefined);
  if (dated.length === 0) return false;
  const others = pieces.filter((p) => readDateLine(p) === undefined);
  return others.length > 0 && others.every((p) => ctx.isByline(p) || SIGNED.test(p) || BYLINE_WORD.test(p) || (wordCount(p) <= 4 && !/[.:،؟?!]/u.test(p)));
}

/** A line of prose: the article's text has begun. */
export function isProse(text: string): boolean {
  const words = wordCount(text);
  return words > 40 || (words >= 12 && /[.!?؟…]["»”)]?$/u.test(text));
}

/** The words of the address's last path segment, when it is written in Arabic (percent-encoded or not). */
function slugWords(url: string | undefined): string[] {
  if (!url) return [];
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const arabic = segments.filter((s) => /\p{Script=Arabic}/u.test(s)).sort((a, b) => b.length - a.length)[0];
  if (!arabic) return [];
  return foldedWords(arabic.replace(/[-_+.]/g, ' ')).filter((w) => /\p{Script=Arabic}/u.test(w));
}

/** Short words that say nothing of a line's subject. */
const STOP = new Set([
  'في',
  'من',
  'علي',
  'الي',
  'عن',
  'مع',
  'بعد',
  'قبل',
  'ان',
  'التي',
  'الذي',
  'الذين',
  'هذا',
  'هذه',
  'ذلك',
  'تلك',
  'بين',
  'حتي',
  'منذ',
  'خلال',
  'عند',
  'لدي',
  'اي',
  'كل',
  'او',
  'ثم',
  'قد',
  'لم',
  'لن',
  'ما',
  'لا',
  'هو',
  'هي',
  'كان',
  'كانت',
  'وفق',
  'نحو',
  'ضد',
  'عبر',
  'اليوم',
  'امس',
]);

/** A line's words that carry its subject: folded, three letters or more, no particles. */
function contentWords(text: string): Set<string> {
  return new Set(
    foldedWords(text)
      .map((w) => w.replace(/^(?:وال|بال|لل|فال|ال|و)(?=\p{L}{3})/u, ''))
      .filter((w) => w.length >= 3 && !STOP.has(w)),
  );
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/**
 * Share of the slug's words the line holds (0 when the slug has fewer than three words, or holds
 * under a third of the line's: a slug is the headline, often cut short, not a few of its words).
 */
function slugAgreement(slug: string[], text: string): number {
  if (slug.length < 3) return 0;
  const words = foldedWords(text).map(stem);
  const slugStems = slug.map(stem);
  // the slug's last word may be cut short ("الضغ" of "الضغوط")
  const last = slugStems[slugStems.length - 1] as string;
  const holds = (w: string) => slugStems.includes(w) || (last.length >= 2 && w.startsWith(last));
  if (words.filter(holds).length / words.length < 0.3) return 0;
  const own = new Set(words);
  return slugStems.filter((w, i) => own.has(w) || (i === slugStems.length - 1 && words.some((x) => x.startsWith(w)))).length / slugStems.length;
}

/** A rough stem for comparing a slug with a line: no article or clitic, no plural or feminine ending ("اللاجئون" and "اللاجئين" agree). */
function stem(word: string): string {
  return word.replace(/^(?:وال|بال|فال|كال|لل|ال|و|ب|ل)(?=\p{L}{3})/u, '').replace(/(?:ون|ين|ات|ان|يه|ه)$/u, (m, at: number) => (at >= 3 ? '' : m));
}

/** Words that carry a sentence on from the line above ("… من الداخل" / "حيث شهد …"): a line they follow has not ended. */
const RUNS_ON = /^(?:حيث|إذ|اذ|الذي|التي|الذين|اللذين|اللتين|والذي|والتي|والذين|مما|ممّا)\s/u;

/**
 * Whether line `i` is the start of a sentence that runs on into the next line of the raw text (no
 * blank line between, the next opening with RUNS_ON, the line ending on no punctuation): a lead
 * wrapped across lines, never a headline.
 */
function runsOn(lines: Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  return !!line && !!next && next.index === line.index + 1 && RUNS_ON.test(next.text) && !/[.!?؟:：؛;…"»”)]$/u.test(line.text);
}

/** Prose lines that put a space before their full stop ("… حماة ."): at this many, a headline's " ." is the writer's habit, not a sentence's end. */
const SPACED_STOPS = 2;
const SPACED_STOP = /\S\s+\.$/u;

export function chooseHeadline(raw: Line[], ctx: HeadlineContext): HeadlineChoice {
  // A line in an aggregator's wrapper ("نعرض لكم … تفاصيل خبر … في المقال التالي") stands for
  // the headline inside it when the wrapper is certain.
  const wrappers = new Map<number, { certain: boolean; wrapper: string }>();
  const lines = raw.map((l, i) => {
    // "• الجيش اللبناني يجلي …": a list's bullet, the last item of a breadcrumb printed as a list
    const text = i < 40 ? l.text.replace(/^[•·▪●◦]\s+/u, '') : l.text;
    const crumb = i < 40 ? lastCrumb(text) : undefined;
    if (crumb) return { index: l.index, text: crumb };
    if (text !== l.text) return { index: l.index, text };
    const w = i < 40 ? unwrapHeadline(l.text) : undefined;
    if (!w) return l;
    wrappers.set(i, w);
    return w.certain ? { index: l.index, text: w.inner } : l;
  });
  // "… بسقوط حكم الأسد ." under a text whose paragraphs end the same way: the stop is the writer's spacing.
  const spacedStops = lines.filter((l) => isProse(l.text) && SPACED_STOP.test(l.text)).length >= SPACED_STOPS;
  const judged = (text: string) => (spacedStops && SPACED_STOP.test(text) ? text.replace(/\s+\.$/u, '') : text);
  // The candidates stand above the first paragraph of prose (a sentence ending in a full stop:
  // a widget's question is none), and within the first 40 lines.
  // A paragraph opening with a wire dateline ("دمشق - (سانا) - …") is the lead, however short.
  let end = lines.findIndex((l) => wordCount(l.text) > 40 || (wordCount(l.text) >= 12 && /[.…]["»”)]?$/u.test(l.text)) || ctx.opensWithWireDateline?.(l.text) === true);
  if (end < 0) end = lines.length;
  end = Math.min(end, 40);
  const slug = slugWords(ctx.url);
  // How often each line stands up to the text's last paragraph of prose: a line printed again
  // after the text (a site's slogan at the head and the foot of every page) is not repeated by it.
  let textEnd = lines.length - 1;
  while (textEnd > 0 && !isProse((lines[textEnd] as Line).text)) textEnd--;
  // A line printed twice on consecutive lines of the raw text (no blank line between) is a
  // photo's alt text and its caption as often as a headline and its repeat: only a repeat apart
  // from it counts.
  const later = new Map<string, number>();
  let previous: Line | undefined;
  for (const l of lines.slice(0, Math.max(textEnd, end) + 1)) {
    const k = foldArabic(l.text);
    const twin = previous !== undefined && previous.index + 1 === l.index && foldArabic(previous.text) === k;
    if (!twin) later.set(k, (later.get(k) ?? 0) + 1);
    previous = l;
  }
  // The words of the first paragraphs of prose.
  const lead = new Set(
    lines
      .filter((l) => isProse(l.text))
      .slice(0, 3)
      .flatMap((l) => [...contentWords(l.text)]),
  );
  const inLead = (text: string): number | undefined => {
    const own = contentWords(text);
    return own.size >= 2 && lead.size > 0 ? shared(own, lead) / own.size : undefined;
  };
  // Headlines that a page title ("headline - site") repeats.
  const titled = new Set(
    lines
      .slice(0, 40)
      .flatMap((l) => [l.text.replace(SITE_SUFFIX, ''), l.text.replace(LABEL_PREFIX, '')].filter((t) => t !== l.text && wordCount(t) >= 4))
      .map((t) => foldArabic(t)),
  );
  const eligible: boolean[] = lines.slice(0, end).map((l, i) => notAHeadline(judged(l.text), ctx) === undefined && !runsOn(lines, i));
  // Lines that could stand in a ticker: headline-like and headline-long (a label breaks no run).
  const inRun = eligible.map((e, i) => e && wordCount((lines[i] as Line).text) >= 4);
  const candidates: HeadlineCandidate[] = [];
  let order = 0;
  for (let i = 0; i < end; i++) {
    if (!eligible[i]) continue;
    const line = lines[i] as Line;
    const reasons: string[] = [];
    let score = 0;
    const add = (points: number, why: string) => {
      score += points;
      reasons.push(`${points > 0 ? '+' : ''}${points} ${why}`);
    };
    const words = wordCount(line.text);
    if (order === 0) add(2, 'the first candidate');
    else if (order === 1) add(1, 'the second candidate');
    order++;
    if (words >= 5 && words <= 20) add(2, `${words} words`);
    else if (words > 20 && words <= 30) add(0.5, `${words} words`);
    else if (words > 30) add(-1, `${words} words`);
    if (/[.]$/.test(judged(line.text))) add(-2, 'ends with a full stop');
    else if (judged(line.text) !== line.text) reasons.push("its spaced full stop the text's own (its paragraphs end so)");
    const wrapped = wrappers.get(i);
    if (wrapped?.certain) reasons.push(`the headline inside an aggregator's wrapper ${wrapped.wrapper}`);
    if (/[:：]$/.test(line.text)) add(-3, 'ends with a colon');
    if (words <= 3 && line.text.length <= 30) add(-2, 'as short as a label');
    if (/\s[|]\s|\s[-–—]\s\S+(?:\s\S+)?$/u.test(line.text)) add(-0.5, 'holds a separator');
    // The run of consecutive headline-like lines it stands in.
    let runStart = i;
    let runEnd = i;
    if (inRun[i]) {
      while (runStart > 0 && inRun[runStart - 1]) runStart--;
      while (runEnd + 1 < end && inRun[runEnd + 1]) runEnd++;
    }
    const run = runEnd - runStart + 1;
    const runTexts = lines.slice(runStart, runEnd + 1).map((l) => foldArabic(l.text));
    const distinct = new Set(runTexts).size === runTexts.length; // a headline repeated in the run: no ticker
    if (run >= 3 && distinct && i < runEnd && (inLead(line.text) ?? 0) < 0.3) add(-3, `one of ${run} headline-like lines in a row (a ticker), its words not in the text`);
    // What follows the run: the date line, a byline, or the article's prose.
    const next = lines[runEnd + 1];
    const after = lines[runEnd + 2];
    const marks = (l: Line | undefined) => !!l && (readDateLine(l.text)?.some((e) => e.mention) === true || ctx.isByline(l.text) || isProse(l.text));
    // The block's end belongs to its last two lines (a headline and its subheadline), unless the
    // last line repeats one above it: then the block ends with that headline, printed again
    // under a subheadline or a caption, and the lines between are not the headline.
    const lastKey = foldArabic((lines[runEnd] as Line).text);
    const endRepeats = run >= 3 && lines.slice(runStart, runEnd).some((l) => foldArabic(l.text) === lastKey);
    if (endRepeats ? foldArabic(line.text) === lastKey : i >= runEnd - 1) {
      if (marks(next)) add(2, 'the date line, a byline or the text follows');
      else if (next && notAHeadline(next.text, ctx) !== undefined && marks(after)) add(1, 'the date line, a byline or the text follows a label');
    }
    // A subheadline: under a shorter headline-like line on the same subject.
    // A line of a kicker's length (KICKER words or fewer) above a headline-long one (KICKED words or
    // fewer, no full stop) is a strapline as often: neither is marked down, so the two stay close
    // and add asks.
    const above = i > 0 && eligible[i - 1] ? (lines[i - 1] as Line) : undefined;
    const kicker = !!above && wordCount(above.text) <= KICKER && words <= KICKED && !/[.]$/u.test(line.text);
    if (above && !kicker && wordCount(above.text) + 3 <= words && (inLead(above.text) ?? 0) >= 0.3) {
      add(-1.5, 'under a much shorter line the text also speaks of (a subheadline)');
    }
    // The headline's words come back in the article's first paragraphs; a ticker's do not.
    const found = inLead(line.text);
    if (found !== undefined && found >= 0.5) add(1.5, `${Math.round(found * 100)}% of its words in the text's first paragraphs`);
    else if (found !== undefined && found < 0.2) add(-1.5, `${Math.round(found * 100)}% of its words in the text's first paragraphs`);
    if ((later.get(foldArabic(line.text)) ?? 0) >= 2) add(1.5, 'repeated lower down');
    else if (titled.has(foldArabic(line.text))) add(1.5, "repeated in the page's title above");
    const core = line.text.replace(SITE_SUFFIX, '');
    if (core !== line.text && later.has(foldArabic(core))) add(-3, "the page's title: the headline with the site's name");
    const labelled = line.text.replace(LABEL_PREFIX, '');
    if (labelled !== line.text && later.has(foldArabic(labelled))) add(-3, 'another line with a label before it');
    const agreement = slugAgreement(slug, line.text);
    if (agreement >= 0.6) add(4, `the address's slug holds ${Math.round(agreement * 100)}% of its words`);
    else if (agreement >= 0.45) add(2, `the address's slug holds ${Math.round(agreement * 100)}% of its words`);
    candidates.push({ at: i, line, score, reasons });
  }
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.at - b.at);
  const best = ranked[0] && ranked[0].score >= MINIMUM ? ranked[0] : undefined;
  // An Arabic slug is the headline as the site filed it. When the line chosen does not match it,
  // a line lower down that does is the headline (pages repeat it inside the text); when none
  // does, the choice is in doubt.
  if (slug.length >= 4 && best && slugAgreement(slug, best.line.text) < 0.6) {
    const at = lines.findIndex((l, i) => i < 80 && slugAgreement(slug, l.text) >= 0.6 && notAHeadline(l.text, ctx) === undefined);
    if (at >= 0) {
      const line = lines[at] as Line;
      const found: HeadlineCandidate = {
        at,
        line,
        score: best.score + CLOSE,
        reasons: [`the address's slug holds ${Math.round(slugAgreement(slug, line.text) * 100)}% of its words, and not the first candidate's`],
      };
      return { best: found, start: best.at, runnerUp: best, candidates: [found, ...ranked], close: false };
    }
    return { best, runnerUp: { ...best, reasons: [...best.reasons, "the address's slug names another headline"] }, candidates: ranked, close: true, slugDisagrees: true };
  }
  const wrapped = best ? wrappers.get(best.at) : undefined;
  if (best && wrapped && !wrapped.certain) return { best, candidates: ranked, close: false, wrapperUncertain: wrapped.wrapper };
  // The same headline twice (a page title above, the headline below) is one candidate.
  const second = ranked.slice(1).find((c) => !best || foldArabic(c.line.text) !== foldArabic(best.line.text));
  const close = !!best && !!second && best.score - second.score < CLOSE;
  // Without a slug that agrees, a headline-shaped line lower down that the lead restates better
  // than the best candidate (the real headline printed mid-text under a caption) puts it in doubt.
  const lower = best && !close && slugAgreement(slug, best.line.text) < 0.6 ? restatedLower(lines, end, best, ctx, inLead) : undefined;
  if (best && lower) return { best, runnerUp: lower, candidates: [...ranked, lower], close: true };
  const key = best ? foldArabic(best.line.text) : '';
  const confirmed = !!best && ((later.get(key) ?? 0) >= 2 || titled.has(key) || slugAgreement(slug, best.line.text) >= 0.45 || HEADLINE_PUNCTUATION.test(best.line.text));
  if (best && !close && wordCount(best.line.text) < SHORT_HEADLINE && !confirmed && !restatedAtOnce(lines, best.at, inLead))
    return { best, candidates: ranked, close: false, unconfirmedShort: true };
  const spoken = best ? inLead(best.line.text) : undefined;
  // A headline with a date line right under it is the article's by its place; one without, whose
  // words the prose does not take up, may be a listing's item, a slogan or a promo.
  const dated = !!best && lines.slice(best.at + 1, best.at + 3).some((l) => readDateLine(l.text)?.some((e) => e.mention) === true);
  const repeated = !!best && ((later.get(key) ?? 0) >= 2 || titled.has(key) || slugAgreement(slug, best.line.text) >= 0.45);
  const leadSigns = best && !close && !repeated ? leadSentenceSigns(best.line.text) : [];
  if (best && leadSigns.length >= 2) return { best, candidates: ranked, close: false, leadSentence: leadSigns };
  // a headline stands above the lead, never under it
  const leadAbove =
    best && !close && !repeated
      ? lines
          .slice(0, best.at)
          .map((line) => ({ line, signs: leadSentenceSigns(line.text) }))
          .find((l) => l.signs.length >= 2)
      : undefined;
  if (best && leadAbove) return { best, candidates: ranked, close: false, underLead: leadAbove };
  if (best && !dated && !close && !repeated && spoken !== undefined && spoken < UNRELATED) return { best, candidates: ranked, close: false, unrelated: true };
  // A headline is longer than the section heads under it; one about as long may be one of them.
  const heads = best && !close && !confirmed && headsSection(lines, best.at) ? sectionHeadsBelow(lines, best.at) : [];
  if (best && heads.length >= SECTION_HEADS && wordCount(best.line.text) <= Math.max(...heads) + SUBHEAD_MARGIN)
    return { best, candidates: ranked, close: false, unconfirmedSubhead: true };
  return { best: best && !close ? withoutSiteName(best, ctx) : best, runnerUp: second, candidates: ranked, close };
}

/** "العنوان - الخليج", "العنوان | الخليج": a page title whose tail is an outlet's name is the headline without it. */
function withoutSiteName(best: HeadlineCandidate, ctx: HeadlineContext): HeadlineCandidate {
  const tail = SITE_SUFFIX.exec(best.line.text);
  if (!tail) return best;
  const name = tail[0].replace(/^\s+[-–—|]\s+/u, '').trim();
  const core = best.line.text.slice(0, tail.index).trim();
  if (!ctx.isOutletHeader(name) || wordCount(core) < 4) return best;
  return { ...best, line: { index: best.line.index, text: core }, reasons: [...best.reasons, `the site's name «${name}» after it left out (a page title)`] };
}

/** The day counted from the page's, as a lead names it: "اليوم الأحد", "، اليوم،", "أمس السبت". Folded. */
const RELATIVE_DAY = new RegExp(`(?:^|[\\s،,(])((?:و?اليوم|و?امس|اول امس)(?:\\s*[،,]\\s*|\\s+)(?:${WEEKDAY})|[،,]\\s*و?اليوم\\s*[،,])`, 'u');
/** "وفق ما أفاد", "بحسب ما ذكرت": a source cited as a lead cites it. Folded. */
const AS_REPORTED = /(?:^|\s)(?:و?وفق|و?بحسب|و?حسب)\s+ما\s/u;
/** How many words after a verb of saying its "إن/أن" may stand ("قالت وزارة الدفاع في بيان إن"). */
const SAID_THAT = 8;
/** A headline runs to this many words; a lead's first sentence often longer. */
const LEAD_LONG = 20;
/** Commas a lead's first sentence strings its clauses on; a headline rarely has this many. */
const LEAD_COMMAS = 3;

/**
 * What makes a line read as a lead's first sentence rather than a headline: the day counted
 * from the page's ("، اليوم الأحد،"), a source cited ("قالت/أفادت/ذكرت … إن", "وفق ما أفاد"),
 * and a sentence's shape (over LEAD_LONG words, LEAD_COMMAS commas or more, a full stop). Empty
 * unless the day or the source is there: a long headline with commas is still a headline.
 */
export function leadSentenceSigns(text: string): string[] {
  const folded = foldArabic(text);
  const signs: string[] = [];
  const forDates = foldForDates(text);
  const day = RELATIVE_DAY.exec(forDates.text);
  if (day) {
    const at = day.index + day[0].length - (day[1] as string).length;
    const [from, to] = originalSpan(forDates, at, day.index + day[0].length);
    signs.push(`the day counted from the page's ("${text.slice(from, to).replace(/^[،,\s]+|[،,\s]+$/gu, '')}")`);
  }
  const ws = foldedWords(text);
  const said = ws.findIndex((w, i) => isSayingWord(w) && ws.slice(i + 1, i + 1 + SAID_THAT).some((x) => x === 'ان' || x === 'بان' || x === 'وان'));
  if (said >= 0) signs.push(`a source cited ("${ws[said]} … ان")`);
  else if (AS_REPORTED.test(folded)) signs.push('a source cited ("وفق ما …")');
  if (signs.length === 0) return [];
  const count = wordCount(text);
  if (count > LEAD_LONG) signs.push(`${count} words`);
  const commas = (text.match(/[،,]/gu) ?? []).length;
  if (commas >= LEAD_COMMAS) signs.push(`${commas} commas`);
  if (/[.]["»”)]?$/u.test(text)) signs.push('a full stop');
  return signs;
}

/** A strapline above a headline is this many words or fewer. */
const KICKER = 5;
/** ... and the headline under it this many or fewer (a standfirst under a short headline runs longer). */
const KICKED = 14;
/** Under this share of its words in the text's first paragraphs, a line nothing confirms may not be the article's. */
const UNRELATED = 0.2;

/** A headline is longer than the section heads under it by more than this many words. */
const SUBHEAD_MARGIN = 2;
/** How many section heads lower down make an unconfirmed first line one of them. */
const SECTION_HEADS = 2;

/** A section's head: a line of 2 to 12 words, not ending like a clause (a question may), with prose right under it. */
function headsSection(lines: Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line || !next) return false;
  const words = wordCount(line.text);
  return words >= 2 && words <= 12 && !isProse(line.text) && !/[.،,:：؛;]$/u.test(line.text) && isProse(next.text);
}

/** The word counts of the section heads below line `at`. */
function sectionHeadsBelow(lines: Line[], at: number): number[] {
  const counts: number[] = [];
  for (let j = at + 2; j < lines.length; j++) if (headsSection(lines, j)) counts.push(wordCount((lines[j] as Line).text));
  return counts;
}

/** A short headline the text restates whole has at least this many words of subject. */
const RESTATED_WORDS = 4;

/**
 * Whether the text starts right under line `at` (past a photo's file name) and its first
 * paragraphs hold every word of the line's subject (RESTATED_WORDS or more): a short headline's
 * confirmation. A tag or a photo's label is only partly restated.
 */
function restatedAtOnce(lines: Line[], at: number, inLead: (text: string) => number | undefined): boolean {
  const line = lines[at];
  if (!line || contentWords(line.text).size < RESTATED_WORDS || inLead(line.text) !== 1) return false;
  let k = at + 1;
  while (k < lines.length && IMAGE_FILE.test((lines[k] as Line).text)) k++;
  return isProse(lines[k]?.text ?? '');
}

/** A headline this short needs more than its place to be told from a tag or a caption's label. */
const SHORT_HEADLINE = 5;
/** A headline's own punctuation, which tags and labels lack: "الرقة.. مدينة …", "سوريا: …", a question. */
const HEADLINE_PUNCTUATION = /\.\.|…|\S\s*[:：]\s*\S|[؟?!]/u;

/** How much better the lead must restate a line lower down than the best candidate to doubt it. */
const RESTATED_BY = 0.15;

/**
 * A line below the first prose that reads as a headline (6 to 20 words, no full stop or colon
 * at its end, not numbered, not prose, never-a-headline rules passed) and whose words the lead restates, at
 * least 70% of them and more than the best candidate's: undefined when there is none. A line
 * between two paragraphs of prose (or under the last, where the copy ends), when the text or its date line follows the best at once, is
 * one of the text's subheads (they restate the lead too), not the headline printed again.
 */
function restatedLower(lines: Line[], end: number, best: HeadlineCandidate, ctx: HeadlineContext, inLead: (text: string) => number | undefined): HeadlineCandidate | undefined {
  const bar = (inLead(best.line.text) ?? 0) + RESTATED_BY;
  const bestKey = foldArabic(best.line.text);
  const under = lines[best.at + 1];
  const topFollowed = !!under && (isProse(under.text) || readDateLine(under.text)?.some((e) => e.mention) === true);
  for (let j = Math.max(end, best.at + 1); j < Math.min(lines.length, 60); j++) {
    const line = lines[j] as Line;
    const words = wordCount(line.text);
    // a numbered subhead ("2. الموقف اللبناني …") heads a part of the text
    if (words < 6 || words > 20 || isProse(line.text) || /[.:：]$/u.test(line.text) || /^\s*\d{1,2}\s*[.)\-–]/u.test(line.text)) continue;
    if (foldArabic(line.text) === bestKey || notAHeadline(line.text, ctx) !== undefined) continue;
    // between two paragraphs of the text (or under the last), below a headline the text follows: the text's own subhead
    if (topFollowed && isProse(lines[j - 1]?.text ?? '') && (j + 1 === lines.length || isProse(lines[j + 1]?.text ?? ''))) continue;
    const found = inLead(line.text);
    if (found === undefined || found < 0.7 || found < bar) continue;
    return {
      at: j,
      line,
      score: best.score,
      reasons: [`a headline-like line in the text, ${Math.round(found * 100)}% of its words in the text's first paragraphs (more than the first candidate's)`],
    };
  }
  return undefined;
}

/** One line naming a candidate and its evidence, for messages. */
export function describeCandidate(c: HeadlineCandidate): string {
  return `line ${c.line.index + 1} "${c.line.text}" (score ${c.score}: ${c.reasons.join(', ')})`;
}

/** Whether `text` is the given headline (folded, edge punctuation ignored). */
const headlineKey = (s: string) => foldArabic(s).replace(/^[\s"'«»“”]+|[\s"'«»“”.]+$/gu, '');

export function sameHeadline(a: string, b: string): boolean {
  return headlineKey(a) === headlineKey(b);
}

/**
 * Does `line` hold the headline `title` with a few words of the page's beside it ("… مميز", a
 * featured badge; "عاجل | …", a label; "… - المدن", the outlet)? At most three words, at its start
 * or its end, and the headline itself at least four words long, so that a line merely sharing
 * its opening words with a short title is not taken for it.
 */
export function lineHoldsHeadline(line: string, title: string): boolean {
  const [l, t] = [headlineKey(line), headlineKey(title)];
  if (l === t || wordCount(t) < 4) return false;
  // the words beside it, and the character that must part them from it (a space or a separator)
  const [extra, parting] = l.startsWith(t)
    ? [l.slice(t.length), l.charAt(t.length)]
    : l.endsWith(t)
      ? [l.slice(0, l.length - t.length), l.charAt(l.length - t.length - 1)]
      : [undefined, ''];
  if (extra === undefined || !/[\s|:،,\-–—]/u.test(parting)) return false;
  return wordCount(extra.replace(/[|:،,\-–—]/gu, ' ')) <= 3;
}
