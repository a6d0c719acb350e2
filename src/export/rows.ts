/**
 * The archive as tables, for `/export/` and `npm run list`: one row per article, per figure an
 * article reports and per dated mention it makes, and the data dictionary that describes every
 * column (in English, as the files name them, and in Arabic, for the about page). Pure: the
 * rows are read off the archive model; the files are written by ./formats.ts.
 *
 * Figures and dated mentions are those the event pages show: the archive finds them in the
 * articles that belong to an event. An article in two events gives its figures once.
 */
import type { Archive, ArticleView, EventView } from '../model/views.ts';
import { siteUrl } from '../model/seo.ts';

export interface ArticleRow {
  id: string;
  date: string;
  date_basis: ArticleView['dateBasis'];
  outlet: string;
  outlet_name: string;
  headline: string;
  places: string[];
  events: string[];
  agencies: string[];
  author: string | null;
  original_url: string | null;
  retrieved: string | null;
  archive_url: string;
  sha256: string;
}

export interface FigureRow {
  event: string;
  article: string;
  outlet: string;
  paragraph: string;
  value: number;
  unit: string;
  approximate: boolean;
  text: string;
  archive_url: string;
}

export interface MentionRow {
  event: string;
  article: string;
  outlet: string;
  paragraph: string;
  date: string;
  end_date: string | null;
  precision: string;
  kind: string;
  expression: string;
  sentence: string;
  flag: string | null;
  archive_url: string;
}

/** One column of an export: its name in the file, its type, and what it holds (English, Arabic). */
export interface ColumnDoc {
  name: string;
  type: 'string' | 'date' | 'number' | 'boolean' | 'list';
  en: string;
  ar: string;
}

export interface ExportFileDoc {
  path: string;
  en: string;
  ar: string;
  /** The format's name when it is an English phrase ("JSON Feed 1.1"), shown apart with lang="en". */
  format?: string;
  columns: ColumnDoc[];
}

const LIST_NOTE_EN = 'in CSV, values separated by " | "';
const LIST_NOTE_AR = 'في CSV تُفصل القيم بـ " | "';

export const ARTICLE_COLUMNS: ColumnDoc[] = [
  { name: 'id', type: 'string', en: "the article's id; its page is /articles/ID/", ar: 'معرّف المقال، وصفحته /articles/ID/' },
  { name: 'date', type: 'date', en: 'publication date, YYYY-MM-DD', ar: 'تاريخ النشر بصيغة YYYY-MM-DD' },
  { name: 'date_basis', type: 'string', en: 'how the date is known: stated, inferred, url or editor', ar: 'كيف عُرف التاريخ: stated أو inferred أو url أو editor' },
  { name: 'outlet', type: 'string', en: "the outlet's key (content/data/outlets.yml)", ar: 'مفتاح الوسيلة في content/data/outlets.yml' },
  { name: 'outlet_name', type: 'string', en: "the outlet's Arabic name", ar: 'اسم الوسيلة بالعربية' },
  { name: 'headline', type: 'string', en: 'the headline as published', ar: 'العنوان كما نُشر' },
  { name: 'places', type: 'list', en: `places named, canonical Arabic names (${LIST_NOTE_EN})`, ar: `الأماكن المذكورة بأسمائها المعتمدة (${LIST_NOTE_AR})` },
  { name: 'events', type: 'list', en: `events the article belongs to, by key (${LIST_NOTE_EN})`, ar: `الأحداث التي ينتمي إليها المقال بمفاتيحها (${LIST_NOTE_AR})` },
  { name: 'agencies', type: 'list', en: `wire agencies credited (${LIST_NOTE_EN})`, ar: `وكالات الأنباء المذكورة (${LIST_NOTE_AR})` },
  { name: 'author', type: 'string', en: 'the writer, where known; empty otherwise', ar: 'الكاتب إن عُرف، وإلا فارغ' },
  { name: 'original_url', type: 'string', en: 'the original address, where known; empty otherwise', ar: 'العنوان الأصلي إن عُرف، وإلا فارغ' },
  { name: 'retrieved', type: 'date', en: 'when the raw copy was taken, where known', ar: 'تاريخ أخذ النسخة الخام إن عُرف' },
  { name: 'archive_url', type: 'string', en: "the article's permanent address in this archive", ar: 'العنوان الدائم للمقال في هذا الأرشيف' },
  { name: 'sha256', type: 'string', en: 'sha256 of the raw source file, byte for byte', ar: 'بصمة SHA-256 لملف المصدر الخام كما هو' },
];

const SHARED_COLUMNS: ColumnDoc[] = [
  { name: 'event', type: 'string', en: "the event's key", ar: 'مفتاح الحدث' },
  { name: 'article', type: 'string', en: "the article's id", ar: 'معرّف المقال' },
  { name: 'outlet', type: 'string', en: "the outlet's key", ar: 'مفتاح الوسيلة' },
  { name: 'paragraph', type: 'string', en: "the paragraph's anchor on the article page (p-N)", ar: 'مرساة الفقرة في صفحة المقال (p-N)' },
];

const ADDRESS_COLUMN: ColumnDoc = { name: 'archive_url', type: 'string', en: 'address of the paragraph in this archive', ar: 'عنوان الفقرة في هذا الأرشيف' };

export const FIGURE_COLUMNS: ColumnDoc[] = [
  ...SHARED_COLUMNS,
  { name: 'value', type: 'number', en: 'the number', ar: 'العدد' },
  { name: 'unit', type: 'string', en: 'what it counts (قتيل, جريح, كم², شخص…)', ar: 'ما يعدّه (قتيل، جريح، كم²، شخص…)' },
  { name: 'approximate', type: 'boolean', en: 'true when hedged (نحو, أكثر من) or a range', ar: 'true إن كان تقريبياً (نحو، أكثر من) أو مدى' },
  { name: 'text', type: 'string', en: 'the figure as written', ar: 'الرقم كما كُتب' },
  ADDRESS_COLUMN,
];

export const MENTION_COLUMNS: ColumnDoc[] = [
  ...SHARED_COLUMNS,
  { name: 'date', type: 'string', en: 'the date mentioned: YYYY, YYYY-MM or YYYY-MM-DD', ar: 'التاريخ المذكور: YYYY أو YYYY-MM أو YYYY-MM-DD' },
  { name: 'end_date', type: 'string', en: 'end of a range, where the text gives one', ar: 'نهاية المدى إن ذكره النص' },
  { name: 'precision', type: 'string', en: 'year, month or day', ar: 'دقته: year أو month أو day' },
  { name: 'kind', type: 'string', en: 'explicit, or relative (resolved from the publication date)', ar: 'صريح (explicit) أو نسبي (relative) محسوب من تاريخ النشر' },
  { name: 'expression', type: 'string', en: 'the expression as written', ar: 'العبارة كما كُتبت' },
  { name: 'sentence', type: 'string', en: 'the sentence it stands in (the evidence)', ar: 'الجملة التي وردت فيها (الدليل)' },
  { name: 'flag', type: 'string', en: 'why the mention is doubtful, if it is', ar: 'سبب الشك في الإشارة إن وُجد' },
  ADDRESS_COLUMN,
];

/** Where the exports are, relative to the site's root. */
export const EXPORT_DIR = 'export';

export const EXPORT_FILES: ExportFileDoc[] = [
  { path: `${EXPORT_DIR}/articles.csv`, en: 'one row per article (UTF-8 with BOM, opens in Excel)', ar: 'صف لكل مقال (UTF-8 مع BOM، يفتح في Excel)', columns: ARTICLE_COLUMNS },
  {
    path: `${EXPORT_DIR}/articles.json`,
    en: 'the same, typed (lists as arrays, empty values as null)',
    ar: 'البيانات نفسها بأنواعها (القوائم مصفوفات، والقيم الفارغة null)',
    columns: ARTICLE_COLUMNS,
  },
  { path: `${EXPORT_DIR}/figures.csv`, en: 'every figure the event pages compare', ar: 'كل رقم تقارنه صفحات الأحداث', columns: FIGURE_COLUMNS },
  {
    path: `${EXPORT_DIR}/mentions.csv`,
    en: "every dated mention in the events' articles, with its sentence",
    ar: 'كل إشارة مؤرخة في مقالات الأحداث مع جملتها',
    columns: MENTION_COLUMNS,
  },
  { path: `${EXPORT_DIR}/articles.bib`, en: 'every article as BibTeX (also on each article page)', ar: 'كل المقالات بصيغة BibTeX (وفي صفحة كل مقال)', columns: [] },
  { path: `${EXPORT_DIR}/articles.ris`, en: 'every article as RIS', ar: 'كل المقالات بصيغة RIS', columns: [] },
  { path: `${EXPORT_DIR}/articles.csl.json`, en: 'every article as CSL-JSON', ar: 'كل المقالات بصيغة CSL-JSON', columns: [] },
  {
    path: 'feed.json',
    en: 'JSON Feed 1.1 of the newest articles, beside the Atom feed (feed.xml)',
    ar: 'موجز لأحدث المقالات، إلى جانب موجز Atom ‏(feed.xml)',
    format: 'JSON Feed 1.1',
    columns: [],
  },
];

/** An event's timeline files, relative to the site's root. */
export function eventExportPaths(eventId: string): { json: string; ics: string } {
  return { json: `${EXPORT_DIR}/events/${eventId}.timeline.json`, ics: `${EXPORT_DIR}/events/${eventId}.ics` };
}

export function articleRow(a: ArticleView, archive: Pick<Archive, 'site'>): ArticleRow {
  return {
    id: a.id,
    date: a.date.iso,
    date_basis: a.dateBasis,
    outlet: a.outlet.key,
    outlet_name: a.outlet.name_ar,
    headline: a.title,
    places: a.places.map((p) => p.name),
    events: a.events.map((e) => e.id),
    agencies: a.agencies.map((g) => g.name),
    author: a.author,
    original_url: a.source.url,
    retrieved: a.source.retrieved?.iso ?? null,
    archive_url: siteUrl(a.url, archive.site),
    sha256: a.source.sha256,
  };
}

/** The articles oldest first (date, then id): the order a table is read in. */
export function articleRows(archive: Pick<Archive, 'site' | 'articles'>): ArticleRow[] {
  return [...archive.articles].sort((x, y) => x.date.iso.localeCompare(y.date.iso) || x.id.localeCompare(y.id)).map((a) => articleRow(a, archive));
}

/** `/articles/ID/#p-3` → ['ID', 'p-3']. */
function splitHref(href: string): [string, string] {
  const m = /^\/articles\/([^/]+)\/#(.+)$/.exec(href);
  return m ? [decodeURIComponent(m[1] as string), m[2] as string] : ['', ''];
}

const byPlace = <T extends { article: string; paragraph: string }>(x: T, y: T) => x.article.localeCompare(y.article) || Number(x.paragraph.slice(2)) - Number(y.paragraph.slice(2));

export function figureRows(archive: Pick<Archive, 'site' | 'events'>): FigureRow[] {
  const seen = new Set<string>();
  const rows: FigureRow[] = [];
  for (const event of archive.events) {
    for (const row of event.comparison.figures.rows) {
      for (const cell of row.cells) {
        for (const report of cell.reports) {
          const [article, paragraph] = splitHref(report.href);
          const key = `${article} ${paragraph} ${row.value} ${row.unit} ${report.text}`;
          if (!article || seen.has(key)) continue;
          seen.add(key);
          rows.push({
            event: event.id,
            article,
            outlet: cell.outletKey,
            paragraph,
            value: row.value,
            unit: row.unit,
            approximate: report.approximate,
            text: report.text,
            archive_url: siteUrl(report.href, archive.site),
          });
        }
      }
    }
  }
  return rows.sort((x, y) => byPlace(x, y) || x.value - y.value || x.unit.localeCompare(y.unit) || x.text.localeCompare(y.text));
}

function eventMentions(event: EventView, outletKeys: ReadonlyMap<string, string>, archive: Pick<Archive, 'site'>): MentionRow[] {
  const rows: MentionRow[] = [];
  for (const entry of event.timeline) {
    for (const item of entry.items) {
      if (item.kind !== 'mention') continue;
      for (const m of item.mentions) {
        const [, paragraph] = splitHref(m.href);
        rows.push({
          event: event.id,
          article: m.articleId,
          outlet: outletKeys.get(m.articleId) ?? '',
          paragraph,
          date: m.value,
          end_date: m.endValue ?? null,
          precision: m.precision,
          kind: m.kind,
          expression: m.expression,
          sentence: m.sentence,
          flag: m.flag ?? null,
          archive_url: siteUrl(m.href, archive.site),
        });
      }
    }
  }
  return rows;
}

export function mentionRows(archive: Pick<Archive, 'site' | 'events' | 'articles'>): MentionRow[] {
  const outletKeys = new Map(archive.articles.map((a) => [a.id, a.outlet.key]));
  const seen = new Set<string>();
  const rows: MentionRow[] = [];
  for (const event of archive.events) {
    for (const row of eventMentions(event, outletKeys, archive)) {
      const key = `${row.article} ${row.paragraph} ${row.date} ${row.expression} ${row.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  return rows.sort((x, y) => byPlace(x, y) || x.date.localeCompare(y.date) || x.expression.localeCompare(y.expression));
}
