/**
 * The archive as the site shows it: articles with their outlet, places and events resolved, and
 * the browse collections (events, outlets, places, years, agencies), all sorted, computed once
 * from validated content. Pure: no file system, no Eleventy.
 */
import {
  arabicWeekday,
  formatArabicDate,
  formatArabicMonth,
  formatHijriDate,
  parseIsoDate,
  type CalendarDate,
} from '../arabic/calendar.ts';
import type { Content } from '../content/load.ts';
import type { ArticleFrontMatter, Outlet, Place } from '../content/schema.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { slugify } from './slug.ts';

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

export interface OutletRef { key: string; url: string; name_ar: string; name_en: string }
export interface PlaceRef { slug: string; url: string; name: string; name_en: string }
export interface EventRef { id: string; url: string; title: string }
export interface AgencyRef { slug: string; url: string; name: string }

export interface RelatedMaterialView {
  kind: string;
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
  source: { file: string; sha256: string; url: string | null; retrieved: DisplayDate | null };
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
  places: PlaceRef[];
  summaryHtml: string;
  /** Oldest first: an event is read in order. */
  articles: ArticleView[];
}

export interface OutletView extends OutletRef {
  country: string;
  country_ar: string;
  homepage: string | null;
  kind: string;
  articles: ArticleView[];
}

export interface PlaceView extends PlaceRef {
  kind: Place['kind'];
  kindLabel: string;
  coordinates: [number, number] | null;
  variants: string[];
  parents: PlaceRef[];
  children: PlaceRef[];
  articles: ArticleView[];
}

export interface YearView {
  year: number;
  url: string;
  articles: ArticleView[];
  months: Array<{ month: number; label: string; articles: ArticleView[] }>;
}

export interface AgencyView extends AgencyRef {
  articles: ArticleView[];
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
  counts: { articles: number; events: number; outlets: number; places: number; years: number };
}

export const DATE_BASIS_LABELS: Record<ArticleFrontMatter['date_basis'], string> = {
  stated: 'التاريخ مذكور في نص المقال',
  inferred: 'اليوم والشهر مذكوران، والسنة مستنتجة من يوم الأسبوع',
  url: 'التاريخ مأخوذ من عنوان الصفحة الأصلي',
  editor: 'لا يذكر النص تاريخاً، وقد حدّده محرر الأرشيف',
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

export function displayDate(iso: string): DisplayDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not a valid date: ${iso}`); // content is validated before this runs
  return fromCalendar(iso, d);
}

function fromCalendar(iso: string, d: CalendarDate): DisplayDate {
  return { iso, arabic: formatArabicDate(d), hijri: formatHijriDate(d), weekday: arabicWeekday(d), year: d.year, month: d.month };
}

const byDateDesc = (a: ArticleView, b: ArticleView) => b.date.iso.localeCompare(a.date.iso) || a.id.localeCompare(b.id);
const byDateAsc = (a: ArticleView, b: ArticleView) => a.date.iso.localeCompare(b.date.iso) || a.id.localeCompare(b.id);

/** Builds the archive from validated content. */
export function buildArchive(content: Content, site: SiteInfo): Archive {
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

  const articles = content.articles
    .map(({ data, body, file }): ArticleView => {
      const html = renderMarkdown(body);
      return {
        id: data.id,
        url: `/articles/${data.id}/`,
        title: data.title,
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
          sha256: data.source.sha256,
          url: data.source.url,
          retrieved: data.source.retrieved ? displayDate(data.source.retrieved) : null,
        },
        html,
        summary: firstParagraphText(body),
        relatedMaterial: data.related_material.map((m) => ({
          kind: m.kind,
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
    .map(({ data, body }): EventView => ({
      ...eventRef(data.id),
      title_en: data.title_en,
      start: displayDate(data.start),
      end: displayDate(data.end),
      places: data.places.map(placeRef),
      summaryHtml: renderMarkdown(body),
      articles: articles.filter((a) => a.events.some((e) => e.id === data.id)).sort(byDateAsc),
    }))
    .sort((a, b) => b.start.iso.localeCompare(a.start.iso));

  const outlets = Object.entries(content.outlets.entries)
    .map(([key, o]): OutletView => ({
      ...outletRef(key),
      country: o.country,
      country_ar: o.country_ar,
      homepage: o.homepage,
      kind: o.kind,
      articles: articles.filter((a) => a.outlet.key === key),
    }))
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
      articles: inYear,
      months: monthNumbers.map((month) => ({
        month,
        label: formatArabicMonth(year, month),
        articles: inYear.filter((a) => a.date.month === month),
      })),
    };
  });

  const agencyNames = [...new Set(articles.flatMap((a) => a.agencies.map((g) => g.name)))].sort((a, b) => a.localeCompare(b, 'ar'));
  const agencies = agencyNames.map((name): AgencyView => ({
    ...agencyRef(name),
    articles: articles.filter((a) => a.agencies.some((g) => g.name === name)),
  }));

  return {
    site,
    articles,
    events,
    outlets,
    places,
    years,
    agencies,
    counts: { articles: articles.length, events: events.length, outlets: outlets.length, places: places.length, years: years.length },
  };
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
  const parentsOf = (slug: string): PlaceRef[] => {
    const chain: PlaceRef[] = [];
    for (let p = entries[slug]?.parent ?? null; p && entries[p]; p = entries[p]?.parent ?? null) chain.unshift(placeRefBySlug(p));
    return chain;
  };
  return [...withParents]
    .map((slug): PlaceView => {
      const p = entries[slug] as Place;
      return {
        ...placeRefBySlug(slug),
        kind: p.kind,
        kindLabel: PLACE_KIND_LABELS[p.kind],
        coordinates: p.coordinates,
        variants: p.variants,
        parents: parentsOf(slug),
        children: [...withParents].filter((s) => entries[s]?.parent === slug).map(placeRefBySlug),
        articles: articles.filter((a) => a.places.some((r) => r.slug === slug)),
      };
    })
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));
}

/** The first paragraph of a Markdown body as plain text. */
export function firstParagraphText(markdown: string): string {
  const para = markdown.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#')) ?? '';
  return para.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1').replace(/\s+/g, ' ').trim();
}
