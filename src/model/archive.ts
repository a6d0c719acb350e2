/**
 * The archive as the site shows it: articles with their outlet, places and events resolved, and
 * the browse collections (events, outlets, places, years, agencies), all sorted, computed once
 * from validated content. Pure: no file system, no Eleventy. What is derived from each article's
 * text (HTML, paragraphs, dated mentions, figures, names) is computed once per article
 * (src/analysis/derive/), or taken from the store the caller gives, which keeps it between builds.
 */
import { countText, type CountedNoun } from '../arabic/plural.ts';
import {
  arabicWeekday,
  formatArabicDate,
  formatArabicMonth,
  formatHijriDate,
  parseIsoDate,
  type CalendarDate,
} from '../arabic/calendar.ts';
import type { Content } from '../content/load.ts';
import { DATE_BASES, PLACE_KINDS, type ArticleFrontMatter, type Outlet, type Place } from '../content/schema.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { deriveArticles, type DerivedArticles, type DerivedStore } from '../analysis/derive/derive.ts';
import { createMapBatch } from '../analysis/derive/map-batch.ts';
import { slugify } from '../core/slug.ts';
import { publishedSourcePath } from '../site/publish-sources.ts';
import { addComparisonsAndMaps, type SharedPassageNote } from './event-extras.ts';
import type { EventComparison } from '../analysis/event-comparison.ts';
import { addEntityViews, type EntityView, type NamingTable } from './entity-views.ts';
import type { Entity } from '../content/schema.ts';
import { buildTimeline, isCovered, type Milestone, type TimelineEntry } from '../analysis/timeline/build-timeline.ts';
import { creditMentions, dedupeMentions, type DatedMention } from '../analysis/mentions.ts';
import { renderTimelineOverview } from '../analysis/timeline/overview-svg.ts';

export interface SiteInfo {
  title: string;
  description: string;
  /** Absolute base address, ending in '/'. */
  url: string;
}

export interface DisplayDate {
  iso: string;
  arabic: string;
  hijri: string;
  weekday: string;
  year: number;
  month: number;
}

/** A place drawn on a map, as listed under it; `url` null where the site has no page for it. */
export interface MapListItem { name: string; url: string | null }
export interface OutletRef { key: string; url: string; name_ar: string; name_en: string }
export interface PlaceRef { slug: string; url: string; name: string; name_en: string }
export interface EventRef { id: string; url: string; title: string }
export interface AgencyRef { slug: string; url: string; name: string }

export interface RelatedMaterialView {
  kind: string;
  /** "معرض صور" for a gallery, and so on. */
  kindLabel: string;
  title: string;
  credit: string | null;
  note: string;
  places: PlaceRef[];
  events: EventRef[];
  items: Array<{ heading: string | null; text: string }>;
}

export interface ArticleView {
  id: string;
  url: string;
  title: string;
  /** Passages of this article that other outlets published too (wire copy). */
  sharedPassages: SharedPassageNote[];
  date: DisplayDate;
  dateBasis: ArticleFrontMatter['date_basis'];
  dateBasisLabel: string;
  outlet: OutletRef;
  places: PlaceRef[];
  events: EventRef[];
  agencies: AgencyRef[];
  author: string | null;
  dateline: string | null;
  tags: string[];
  /** `href`: where the site publishes the raw source, as text (src/site/publish-sources.ts). */
  source: { file: string; href: string; sha256: string; url: string | null; retrieved: DisplayDate | null };
  html: string;
  /** The first paragraph as plain text, for feeds and link previews. */
  summary: string;
  relatedMaterial: RelatedMaterialView[];
  /** Source file, for error messages. */
  file: string;
}

export interface EventView extends EventRef {
  title_en: string;
  start: DisplayDate;
  end: DisplayDate;
  /** "9 شباط/فبراير – 23 آذار/مارس 2019". */
  dateRange: string;
  /** "3 مقالات". */
  articleCount: string;
  places: PlaceRef[];
  summaryHtml: string;
  /** Shared passages and figures across the event's outlets (src/analysis/event-comparison.ts). */
  comparison: EventComparison;
  /** An SVG map of the event's places, or '' when none has coordinates. */
  mapSvg: string;
  /** The places drawn on the map (countries aside), listed under it: a label may not fit. */
  mapPlaces: MapListItem[];
  /** Which names of each actor each outlet uses (src/analysis/entity-usage.ts). */
  naming: NamingTable;
  /** Milestones, dated mentions from the articles and the articles, in date order. */
  timeline: TimelineEntry[];
  /** The timeline's overview as SVG, drawn right to left. */
  timelineSvg: string;
  /** Dated mentions no milestone covers yet (what `npm run timeline` lists for editors). */
  uncoveredMentions: DatedMention[];
  /** Oldest first: an event is read in order. */
  articles: ArticleView[];
  /** The same list newest first, on a page of its own, where the list is long (else null). */
  newestUrl: string | null;
}

export interface OutletView extends OutletRef {
  country: string;
  country_ar: string;
  homepage: string | null;
  kind: string;
  /** The kind in Arabic where known, else null (show `kind`, which is English). */
  kindLabel: string | null;
  articleCount: string;
  /** Oldest first, as every list of the site (SORT_ORDER). */
  articles: ArticleView[];
  newestUrl: string | null;
}

export interface PlaceView extends PlaceRef {
  /** An SVG map of the place and the places under it (or around it), or '' without coordinates. */
  mapSvg: string;
  /** The places drawn on the map (countries aside), listed under it: a label may not fit. */
  mapPlaces: MapListItem[];
  kind: Place['kind'];
  kindLabel: string;
  coordinates: [number, number] | null;
  /**
   * Latitude and longitude for display, e.g. `[{ degrees: '34.4667°', hemisphere: 'شمالاً' }, …]`, or
   * null. Kept apart so the template can isolate each number (`<bdi dir="ltr">`): after Arabic
   * letters the bidi algorithm would otherwise put the degree sign before the number.
   */
  coordinatesText: Array<{ degrees: string; hemisphere: string }> | null;
  /** An OpenStreetMap address for the coordinates, or null. */
  mapUrl: string | null;
  articleCount: string;
  variants: string[];
  parents: PlaceRef[];
  children: PlaceRef[];
  /** Oldest first. */
  articles: ArticleView[];
  newestUrl: string | null;
}

export interface YearView {
  year: number;
  url: string;
  articleCount: string;
  articles: ArticleView[];
  months: Array<{ month: number; label: string; id: string; articleCount: string; articles: ArticleView[] }>;
  newestUrl: string | null;
}

export interface AgencyView extends AgencyRef {
  articleCount: string;
  /** Oldest first. */
  articles: ArticleView[];
  newestUrl: string | null;
}

/**
 * A long list of articles newest first, on a page of its own: the switch from a page that lists
 * them oldest first (no JavaScript: two pages, each linking the other).
 */
export interface NewestFirstList {
  url: string;
  /** The page it reverses. */
  oldestUrl: string;
  /** "الوسائل" and so on: where the page sits. */
  kicker: NavItem;
  /** "مقالات الخليج": the list's name. */
  title: string;
  articleCount: string;
  /** Newest first. */
  articles: ArticleView[];
}

export interface NavItem {
  url: string;
  label: string;
}

export interface PlaceGroup {
  kind: Place['kind'];
  /** Plural: "مدن". */
  label: string;
  places: PlaceView[];
}

export interface Archive {
  site: SiteInfo;
  /** Newest first. */
  articles: ArticleView[];
  events: EventView[];
  outlets: OutletView[];
  places: PlaceView[];
  years: YearView[];
  agencies: AgencyView[];
  /** Actors named in the articles (content/data/entities.yml), most written about first. */
  entities: EntityView[];
  counts: { articles: number; events: number; outlets: number; places: number; years: number };
  /** The counts as Arabic phrases with the noun agreeing: "5 مقالات", "حدثان". */
  countLabels: { articles: string; events: string; outlets: string; places: string; years: string; agencies: string };
  /** Up to ten newest articles, for the home page. */
  latest: ArticleView[];
  /** Every article oldest first, for the index of all articles. */
  articlesOldestFirst: ArticleView[];
  /** The index of all articles' switch to newest first, or null. */
  articlesNewestUrl: string | null;
  /** The newest-first pages of the long lists (NewestFirstList). */
  newestLists: NewestFirstList[];
  /** Places grouped by kind in the gazetteer's order of kinds (countries first), names sorted within a group. */
  placeGroups: PlaceGroup[];
  /** The header's navigation. */
  nav: NavItem[];
  /** The four ways a publication date is established, for the about page. */
  dateBases: Array<{ key: ArticleFrontMatter['date_basis']; name: string; label: string }>;
}

export const DATE_BASIS_LABELS: Record<ArticleFrontMatter['date_basis'], string> = {
  stated: 'التاريخ مذكور في نص المقال',
  inferred: 'اليوم والشهر مذكوران، والسنة مستنتجة من يوم الأسبوع',
  url: 'التاريخ مأخوذ من عنوان الصفحة الأصلي',
  editor: 'لا يذكر النص تاريخاً، وقد حدّده محرر الأرشيف',
};

/** Short names of the date bases, for headings and lists. */
export const DATE_BASIS_NAMES: Record<ArticleFrontMatter['date_basis'], string> = {
  stated: 'مذكور',
  inferred: 'مستنتَج',
  url: 'من عنوان الصفحة',
  editor: 'حدّده المحرر',
};

export const PLACE_KIND_LABELS: Record<Place['kind'], string> = {
  country: 'دولة',
  governorate: 'محافظة',
  district: 'منطقة إدارية',
  subdistrict: 'ناحية',
  city: 'مدينة',
  town: 'بلدة',
  village: 'قرية',
  river: 'نهر',
  landmark: 'معلم',
  'oil-field': 'حقل نفط',
  camp: 'مخيم',
  region: 'منطقة',
  'border-crossing': 'معبر حدودي',
};

export const PLACE_KIND_PLURALS: Record<Place['kind'], string> = {
  country: 'دول',
  governorate: 'محافظات',
  district: 'مناطق إدارية',
  subdistrict: 'نواحٍ',
  city: 'مدن',
  town: 'بلدات',
  village: 'قرى',
  river: 'أنهار',
  landmark: 'معالم',
  'oil-field': 'حقول نفط',
  camp: 'مخيمات',
  region: 'مناطق',
  'border-crossing': 'معابر حدودية',
};

/** Outlet kinds (free English text in outlets.yml) that have an Arabic label. */
export const OUTLET_KIND_LABELS: Record<string, string> = {
  'daily newspaper': 'صحيفة يومية',
  'weekly newspaper': 'صحيفة أسبوعية',
  'news agency': 'وكالة أنباء',
  'news network': 'شبكة إخبارية',
  'news website': 'موقع إخباري',
  'online news channel': 'قناة إخبارية على الإنترنت',
  'television channel': 'قناة تلفزيونية',
  'public international broadcaster': 'هيئة بث دولية عامة',
};

export const RELATED_MATERIAL_KIND_LABELS: Record<string, string> = {
  gallery: 'معرض صور',
  sidebar: 'مادة جانبية',
  other: 'مادة ملحقة',
};

export const NAV: NavItem[] = [
  { url: '/events/', label: 'الأحداث' },
  { url: '/places/', label: 'الأماكن' },
  { url: '/outlets/', label: 'الوسائل' },
  { url: '/years/', label: 'السنوات' },
  { url: '/search/', label: 'البحث' },
];

export const NOUNS = {
  article: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '# مقالات', many: '# مقالاً', other: '# مقال' },
  event: { zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '# أحداث', many: '# حدثاً', other: '# حدث' },
  outlet: { zero: 'لا وسائل إعلام', one: 'وسيلة إعلام واحدة', two: 'وسيلتا إعلام', few: '# وسائل إعلام', many: '# وسيلة إعلام', other: '# وسيلة إعلام' },
  place: { zero: 'لا أماكن', one: 'مكان واحد', two: 'مكانان', few: '# أماكن', many: '# مكاناً', other: '# مكان' },
  year: { zero: 'لا سنوات', one: 'سنة واحدة', two: 'سنتان', few: '# سنوات', many: '# سنة', other: '# سنة' },
  agency: { zero: 'لا وكالات', one: 'وكالة واحدة', two: 'وكالتان', few: '# وكالات', many: '# وكالة', other: '# وكالة' },
  word: { zero: 'لا كلمات', one: 'كلمة واحدة', two: 'كلمتان', few: '# كلمات', many: '# كلمةً', other: '# كلمة' },
} satisfies Record<string, CountedNoun>;

/** "9 شباط/فبراير – 23 آذار/مارس 2019": the year (and month) written once where shared. */
export function formatDateRange(start: DisplayDate, end: DisplayDate): string {
  if (start.iso === end.iso) return start.arabic;
  if (start.year !== end.year) return `${start.arabic} – ${end.arabic}`;
  const startWithoutYear = start.arabic.replace(/\s+\d+$/, '');
  return `${startWithoutYear} – ${end.arabic}`;
}

/** [34.4667, 40.95] → 34.4667° شمالاً، 40.95° شرقاً (as two parts; at most four decimals). */
export function formatCoordinates([lat, lon]: [number, number]): Array<{ degrees: string; hemisphere: string }> {
  const part = (value: number, positive: string, negative: string) => ({
    degrees: `${Math.abs(value).toFixed(4).replace(/\.?0+$/, '')}°`,
    hemisphere: value >= 0 ? positive : negative,
  });
  return [part(lat, 'شمالاً', 'جنوباً'), part(lon, 'شرقاً', 'غرباً')];
}

export function displayDate(iso: string): DisplayDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not a valid date: ${iso}`); // content is validated before this runs
  return fromCalendar(iso, d);
}

function fromCalendar(iso: string, d: CalendarDate): DisplayDate {
  return { iso, arabic: formatArabicDate(d), hijri: formatHijriDate(d), weekday: arabicWeekday(d), year: d.year, month: d.month };
}

/**
 * One order for every list of articles on the site: oldest first, as an archive of events is read
 * (a chronology: what was reported before what), and as event and year pages always listed. A list
 * of LONG_LIST articles or more also gets a page newest first, linked from it. The home page's
 * "latest" list and the feed are newest first by what they are.
 */
export const SORT_ORDER = 'oldest-first';
/** A list this long no longer fits a phone's screen: it gets the switch. */
export const LONG_LIST = 4;
const newestUrlOf = (url: string, articles: readonly ArticleView[]) => (articles.length >= LONG_LIST ? `${url}newest/` : null);

const byDateDesc = (a: ArticleView, b: ArticleView) => b.date.iso.localeCompare(a.date.iso) || a.id.localeCompare(b.id);
const byDateAsc = (a: ArticleView, b: ArticleView) => a.date.iso.localeCompare(b.date.iso) || a.id.localeCompare(b.id);

/** An event's timeline from its milestones and articles (oldest first), with the articles' dated mentions. */
function eventTimeline(
  id: string,
  title: string,
  span: { start: string; end: string },
  milestones: Milestone[],
  articles: ArticleView[],
  derived: DerivedArticles,
): Pick<EventView, 'timeline' | 'timelineSvg' | 'uncoveredMentions'> {
  const forTimeline = articles.map((a) => ({ id: a.id, url: a.url, title: a.title, outlet: a.outlet.name_ar, date: a.date.iso }));
  const mentions = dedupeMentions(forTimeline.flatMap((t) => creditMentions(derived.mentions.get(t.id) ?? [], t)));
  const timeline = buildTimeline(milestones, forTimeline, mentions);
  return {
    timeline,
    timelineSvg: renderTimelineOverview(timeline, { title: `الخط الزمني: ${title}`, id, span }),
    uncoveredMentions: mentions.filter((m) => !isCovered(m, milestones)),
  };
}

export interface ArchiveOptions {
  /** Where each article's derived data is kept between builds (none: everything is computed). */
  store?: DerivedStore;
}

/** Builds the archive from validated content. */
export function buildArchive(content: Content, site: SiteInfo, entities: Record<string, Entity> = {}, options: ArchiveOptions = {}): Archive {
  const outletRef = (key: string): OutletRef => {
    const o = content.outlets.entries[key] as Outlet;
    return { key, url: `/outlets/${key}/`, name_ar: o.name_ar, name_en: o.name_en };
  };
  const slugByName = new Map<string, string>();
  for (const [slug, place] of Object.entries(content.places.entries)) slugByName.set(place.name, slug);
  const placeRefBySlug = (slug: string): PlaceRef => {
    const p = content.places.entries[slug] as Place;
    return { slug, url: `/places/${slug}/`, name: p.name, name_en: p.name_en };
  };
  const placeRef = (name: string): PlaceRef => placeRefBySlug(slugByName.get(name) as string);
  const eventTitles = new Map(content.events.map((e) => [e.data.id, e.data.title]));
  const eventRef = (id: string): EventRef => ({ id, url: `/events/${id}/`, title: eventTitles.get(id) ?? id });
  const agencyRef = (name: string): AgencyRef => ({ slug: slugify(name), url: `/agencies/${slugify(name)}/`, name });

  const derived = deriveArticles(
    content.articles.map(({ data, body }) => ({
      id: data.id,
      title: data.title,
      date: data.date,
      body,
      inEvent: data.events.some((id) => eventTitles.has(id)),
    })),
    entities,
    options.store,
  );

  const articles = content.articles
    .map(({ data, body, file }): ArticleView => {
      const html = derived.html.get(data.id) ?? renderMarkdown(body);
      return {
        id: data.id,
        url: `/articles/${data.id}/`,
        title: data.title,
        sharedPassages: [],
        date: displayDate(data.date),
        dateBasis: data.date_basis,
        dateBasisLabel: DATE_BASIS_LABELS[data.date_basis],
        outlet: outletRef(data.outlet),
        places: data.places.map(placeRef),
        events: data.events.map(eventRef),
        agencies: data.agencies.map(agencyRef),
        author: data.author,
        dateline: data.dateline,
        tags: data.tags,
        source: {
          file: data.source.file,
          href: publishedSourcePath(data.source.file),
          sha256: data.source.sha256,
          url: data.source.url,
          retrieved: data.source.retrieved ? displayDate(data.source.retrieved) : null,
        },
        html,
        summary: firstParagraphText(body),
        relatedMaterial: data.related_material.map((m) => ({
          kind: m.kind,
          kindLabel: RELATED_MATERIAL_KIND_LABELS[m.kind] ?? m.kind,
          title: m.title,
          credit: m.credit,
          note: m.note,
          places: m.places.map(placeRef),
          events: m.events.map(eventRef),
          items: m.items,
        })),
        file,
      };
    })
    .sort(byDateDesc);

  const events = content.events
    .map(({ data, body }): EventView => {
      const start = displayDate(data.start);
      const end = displayDate(data.end);
      const inEvent = articles.filter((a) => a.events.some((e) => e.id === data.id)).sort(byDateAsc);
      return {
        ...eventRef(data.id),
        comparison: { passages: [], figures: { outlets: [], rows: [] } },
        mapSvg: '',
        mapPlaces: [],
        naming: { outlets: [], rows: [] },
        title_en: data.title_en,
        start,
        end,
        dateRange: formatDateRange(start, end),
        articleCount: countText(inEvent.length, NOUNS.article),
        places: data.places.map(placeRef),
        summaryHtml: renderMarkdown(body),
        ...eventTimeline(data.id, data.title, { start: data.start, end: data.end }, data.milestones, inEvent, derived),
        articles: inEvent,
        newestUrl: newestUrlOf(eventRef(data.id).url, inEvent),
      };
    })
    .sort((a, b) => b.start.iso.localeCompare(a.start.iso));

  const outlets = Object.entries(content.outlets.entries)
    .map(([key, o]): OutletView => {
      const own = articles.filter((a) => a.outlet.key === key).sort(byDateAsc);
      return {
        ...outletRef(key),
        country: o.country,
        country_ar: o.country_ar,
        homepage: o.homepage,
        kind: o.kind,
        kindLabel: OUTLET_KIND_LABELS[o.kind.trim().toLowerCase()] ?? null,
        articleCount: countText(own.length, NOUNS.article),
        articles: own,
        newestUrl: newestUrlOf(outletRef(key).url, own),
      };
    })
    .filter((o) => o.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || a.name_ar.localeCompare(b.name_ar, 'ar'));

  const places = buildPlaces(content, articles, events, placeRefBySlug);

  const yearNumbers = [...new Set(articles.map((a) => a.date.year))].sort((a, b) => b - a);
  const years = yearNumbers.map((year): YearView => {
    const inYear = articles.filter((a) => a.date.year === year).sort(byDateAsc);
    const monthNumbers = [...new Set(inYear.map((a) => a.date.month))].sort((a, b) => a - b);
    return {
      year,
      url: `/years/${year}/`,
      articleCount: countText(inYear.length, NOUNS.article),
      articles: inYear,
      newestUrl: newestUrlOf(`/years/${year}/`, inYear),
      months: monthNumbers.map((month) => {
        const inMonth = inYear.filter((a) => a.date.month === month);
        return {
          month,
          label: formatArabicMonth(year, month),
          id: `m-${String(month).padStart(2, '0')}`,
          articleCount: countText(inMonth.length, NOUNS.article),
          articles: inMonth,
        };
      }),
    };
  });

  const agencyNames = [...new Set(articles.flatMap((a) => a.agencies.map((g) => g.name)))].sort((a, b) => a.localeCompare(b, 'ar'));
  const agencies = agencyNames.map((name): AgencyView => {
    const crediting = articles.filter((a) => a.agencies.some((g) => g.name === name)).sort(byDateAsc);
    return { ...agencyRef(name), articleCount: countText(crediting.length, NOUNS.article), articles: crediting, newestUrl: newestUrlOf(agencyRef(name).url, crediting) };
  });

  const archive: Archive = {
    site,
    articles,
    events,
    outlets,
    places,
    years,
    agencies,
    entities: [],
    counts: { articles: articles.length, events: events.length, outlets: outlets.length, places: places.length, years: years.length },
    countLabels: {
      articles: countText(articles.length, NOUNS.article),
      events: countText(events.length, NOUNS.event),
      outlets: countText(outlets.length, NOUNS.outlet),
      places: countText(places.length, NOUNS.place),
      years: countText(years.length, NOUNS.year),
      agencies: countText(agencies.length, NOUNS.agency),
    },
    latest: articles.slice(0, 10),
    articlesOldestFirst: [...articles].sort(byDateAsc),
    // beside /articles/, not under it: every folder there is an article's
    articlesNewestUrl: articles.length >= LONG_LIST ? '/articles-newest/' : null,
    newestLists: [],
    placeGroups: groupPlaces(places),
    nav: NAV,
    dateBases: DATE_BASES.map((key) => ({ key, name: DATE_BASIS_NAMES[key], label: DATE_BASIS_LABELS[key] })),
  };
  // The maps are noted as they are asked for and drawn together (on two threads where many are
  // new), then put in place: nothing reads them before.
  const maps = createMapBatch(options.store);
  addComparisonsAndMaps(archive, content, { ...derived, drawMap: maps.draw });
  maps.finish();
  for (const event of archive.events) event.mapSvg = maps.resolve(event.mapSvg);
  for (const place of archive.places) place.mapSvg = maps.resolve(place.mapSvg);
  addEntityViews(archive, entities, derived.uses, (n) => countText(n, NOUNS.article));
  archive.newestLists = newestFirstLists(archive);
  return archive;
}

/** The newest-first pages of every long list (see SORT_ORDER). */
export function newestFirstLists(archive: Pick<Archive, 'articles' | 'articlesNewestUrl' | 'events' | 'outlets' | 'places' | 'years' | 'agencies'>): NewestFirstList[] {
  const lists: NewestFirstList[] = [];
  const add = (newestUrl: string | null, oldestUrl: string, kicker: NavItem, title: string, articleCount: string, articles: ArticleView[]) => {
    if (newestUrl) lists.push({ url: newestUrl, oldestUrl, kicker, title, articleCount, articles: [...articles].sort(byDateDesc) });
  };
  add(archive.articlesNewestUrl, '/articles/', { url: '/articles/', label: 'كل المقالات' }, 'كل المقالات', countText(archive.articles.length, NOUNS.article), archive.articles);
  for (const e of archive.events) add(e.newestUrl, e.url, { url: '/events/', label: 'الأحداث' }, `مقالات ${e.title}`, e.articleCount, e.articles);
  for (const o of archive.outlets) add(o.newestUrl, o.url, { url: '/outlets/', label: 'وسائل الإعلام' }, `مقالات ${o.name_ar}`, o.articleCount, o.articles);
  for (const p of archive.places) add(p.newestUrl, p.url, { url: '/places/', label: 'الأماكن' }, `المقالات التي تذكر ${p.name}`, p.articleCount, p.articles);
  for (const y of archive.years) add(y.newestUrl, y.url, { url: '/years/', label: 'السنوات' }, `مقالات سنة ${y.year}`, y.articleCount, y.articles);
  for (const a of archive.agencies) add(a.newestUrl, a.url, { url: '/agencies/', label: 'وكالات الأنباء' }, `مقالات ${a.name}`, a.articleCount, a.articles);
  return lists;
}

/** Places grouped by kind in the gazetteer's order of kinds (countries first), names sorted. */
export function groupPlaces(places: PlaceView[]): PlaceGroup[] {
  return PLACE_KINDS.map((kind) => ({
    kind,
    label: PLACE_KIND_PLURALS[kind],
    places: places.filter((p) => p.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'ar')),
  })).filter((g) => g.places.length > 0);
}

/** Pages for every place an article or event names, and for their parents (so breadcrumbs resolve). */
function buildPlaces(
  content: Content,
  articles: ArticleView[],
  events: EventView[],
  placeRefBySlug: (slug: string) => PlaceRef,
): PlaceView[] {
  const entries = content.places.entries;
  const named = new Set<string>([
    ...articles.flatMap((a) => [...a.places, ...a.relatedMaterial.flatMap((m) => m.places)].map((p) => p.slug)),
    ...events.flatMap((e) => e.places.map((p) => p.slug)),
  ]);
  const withParents = new Set<string>();
  for (const slug of named) {
    for (let s: string | null = slug; s && entries[s] && !withParents.has(s); s = entries[s]?.parent ?? null) withParents.add(s);
  }
  // each place's articles (in the articles' order) and its children, in one pass each
  const articlesAt = new Map<string, ArticleView[]>();
  for (const a of articles) {
    for (const slug of new Set(a.places.map((r) => r.slug))) {
      const list = articlesAt.get(slug);
      if (list) list.push(a);
      else articlesAt.set(slug, [a]);
    }
  }
  const childrenOf = new Map<string, string[]>();
  for (const s of withParents) {
    const parent = entries[s]?.parent;
    if (!parent) continue;
    const list = childrenOf.get(parent);
    if (list) list.push(s);
    else childrenOf.set(parent, [s]);
  }
  const parentsOf = (slug: string): PlaceRef[] => {
    const chain: PlaceRef[] = [];
    for (let p = entries[slug]?.parent ?? null; p && entries[p]; p = entries[p]?.parent ?? null) chain.unshift(placeRefBySlug(p));
    return chain;
  };
  return [...withParents]
    .map((slug): PlaceView => {
      const p = entries[slug] as Place;
      const here = [...(articlesAt.get(slug) ?? [])].sort(byDateAsc);
      return {
        ...placeRefBySlug(slug),
        mapSvg: '',
        mapPlaces: [],
        kind: p.kind,
        kindLabel: PLACE_KIND_LABELS[p.kind],
        coordinates: p.coordinates,
        coordinatesText: p.coordinates ? formatCoordinates(p.coordinates) : null,
        mapUrl: p.coordinates
          ? `https://www.openstreetmap.org/?mlat=${p.coordinates[0]}&mlon=${p.coordinates[1]}#map=10/${p.coordinates[0]}/${p.coordinates[1]}`
          : null,
        articleCount: countText(here.length, NOUNS.article),
        variants: p.variants,
        parents: parentsOf(slug),
        children: (childrenOf.get(slug) ?? [])
          .map(placeRefBySlug)
          .sort((a, b) => a.name.localeCompare(b.name, 'ar')),
        articles: here,
        newestUrl: newestUrlOf(`/places/${slug}/`, here),
      };
    })
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));
}

/** The first paragraph of a Markdown body as plain text. */
export function firstParagraphText(markdown: string): string {
  const para = markdown.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#')) ?? '';
  return para.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1').replace(/\s+/g, ' ').trim();
}
