/**
 * What the site's pages show: the archive model's view types. Every view is made whole, once, by
 * the assembly (build-archive.ts and the modules it calls), and nothing changes it afterwards:
 * the fields are readonly. Types only; the Arabic wording is in ui-strings.ts, the formatting of
 * dates and coordinates in format.ts.
 */
import type { ArticleFrontMatter, Place } from '../content/schema.ts';
import type { EntityKind } from '../content/schema.ts';
import type { EventComparison } from '../analysis/event-comparison.ts';
import type { TimelineEntry } from '../analysis/timeline/build-timeline.ts';
import type { DatedMention } from '../analysis/mentions.ts';

export interface SiteInfo {
  readonly title: string;
  readonly description: string;
  /** Absolute base address, ending in '/'. */
  readonly url: string;
}

export interface DisplayDate {
  readonly iso: string;
  readonly arabic: string;
  readonly hijri: string;
  readonly weekday: string;
  readonly year: number;
  readonly month: number;
}

/** A place drawn on a map, as listed under it; `url` null where the site has no page for it. */
export interface MapListItem {
  readonly name: string;
  readonly url: string | null;
}
export interface OutletRef {
  readonly key: string;
  readonly url: string;
  readonly name_ar: string;
  readonly name_en: string;
}
export interface PlaceRef {
  readonly slug: string;
  readonly url: string;
  readonly name: string;
  readonly name_en: string;
}
export interface EventRef {
  readonly id: string;
  readonly url: string;
  readonly title: string;
}
export interface AgencyRef {
  readonly slug: string;
  readonly url: string;
  readonly name: string;
}

export interface RelatedMaterialView {
  readonly kind: string;
  /** "معرض صور" for a gallery, and so on. */
  readonly kindLabel: string;
  readonly title: string;
  readonly credit: string | null;
  readonly note: string;
  readonly places: readonly PlaceRef[];
  readonly events: readonly EventRef[];
  readonly items: ReadonlyArray<{ readonly heading: string | null; readonly text: string }>;
}

/** A link to another outlet's paragraph, on an article page. */
export interface ElsewhereLink {
  readonly href: string;
  readonly title: string;
  readonly outlet: string;
}

/**
 * A paragraph of an article that other outlets printed too, as its page notes it: one note per
 * paragraph however many print it, so the page grows with its own paragraphs, not its events.
 */
export interface SharedPassageNote {
  /** This article's paragraph. */
  readonly anchor: string;
  /** The longest run it shares, as this article wrote it, and its length in words. */
  readonly text: string;
  readonly words: number;
  /** How many other outlets print it (this article's own outlet aside). */
  readonly outletCount: number;
  /** The first of them, at most SHARED_PASSAGE_LINKS (list-order.ts), each at the first of its articles that prints it. */
  readonly elsewhere: readonly ElsewhereLink[];
  /** Where the rest are listed: the run's entry on each event page that has outlets `elsewhere` leaves out; none when it leaves out none. */
  readonly rest: ReadonlyArray<{ readonly href: string; readonly label: string }>;
}

/** An article as its page and every list show it (the model's stage of an article). */
export interface ArticleView {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  /** Its paragraphs that other outlets published too (wire copy), in the order of the text. */
  readonly sharedPassages: readonly SharedPassageNote[];
  readonly date: DisplayDate;
  readonly dateBasis: ArticleFrontMatter['date_basis'];
  readonly dateBasisLabel: string;
  readonly outlet: OutletRef;
  readonly places: readonly PlaceRef[];
  readonly events: readonly EventRef[];
  readonly agencies: readonly AgencyRef[];
  readonly author: string | null;
  readonly dateline: string | null;
  readonly tags: readonly string[];
  /** `href`: where the site publishes the raw source, as text (site-paths.ts: publishedSourcePath). */
  readonly source: { readonly file: string; readonly href: string; readonly sha256: string; readonly url: string | null; readonly retrieved: DisplayDate | null };
  readonly html: string;
  /** The first paragraph as plain text, for feeds and link previews. */
  readonly summary: string;
  readonly relatedMaterial: readonly RelatedMaterialView[];
  /** Source file, for error messages. */
  readonly file: string;
}

/** Which names of each actor each outlet uses, on an event page. */
export interface NamingTable {
  readonly outlets: ReadonlyArray<{ readonly key: string; readonly name: string }>;
  readonly rows: ReadonlyArray<{
    readonly entity: { readonly url: string; readonly name: string };
    readonly cells: ReadonlyArray<{ readonly outletKey: string; readonly names: ReadonlyArray<{ readonly name: string; readonly count: number }> }>;
  }>;
}

export interface EventView extends EventRef {
  readonly title_en: string;
  readonly start: DisplayDate;
  readonly end: DisplayDate;
  /** "9 شباط/فبراير – 23 آذار/مارس 2019". */
  readonly dateRange: string;
  /** "3 مقالات". */
  readonly articleCount: string;
  readonly places: readonly PlaceRef[];
  readonly summaryHtml: string;
  /** Shared passages and figures across the event's outlets (src/analysis/event-comparison.ts). */
  readonly comparison: EventComparison;
  /** An SVG map of the event's places, or '' when none has coordinates. */
  readonly mapSvg: string;
  /** The places drawn on the map (countries aside), listed under it: a label may not fit. */
  readonly mapPlaces: readonly MapListItem[];
  /** Which names of each actor each outlet uses (src/analysis/entity-usage.ts). */
  readonly naming: NamingTable;
  /** Milestones, dated mentions from the articles and the articles, in date order. */
  readonly timeline: readonly TimelineEntry[];
  /** The timeline's overview as SVG, drawn right to left. */
  readonly timelineSvg: string;
  /** Dated mentions no milestone covers yet (what `npm run timeline` lists for editors). */
  readonly uncoveredMentions: readonly DatedMention[];
  /** Oldest first: an event is read in order. */
  readonly articles: readonly ArticleView[];
  /** The same list newest first, on a page of its own, where the list is long (else null). */
  readonly newestUrl: string | null;
}

export interface OutletView extends OutletRef {
  readonly country: string;
  readonly country_ar: string;
  readonly homepage: string | null;
  readonly kind: string;
  /** The kind in Arabic where known, else null (show `kind`, which is English). */
  readonly kindLabel: string | null;
  readonly articleCount: string;
  /** Oldest first, as every list of the site (SORT_ORDER). */
  readonly articles: readonly ArticleView[];
  readonly newestUrl: string | null;
}

/** A latitude or longitude for display: `{ degrees: '34.4667°', hemisphere: 'شمالاً' }`. */
export interface CoordinateText {
  readonly degrees: string;
  readonly hemisphere: string;
}

export interface PlaceView extends PlaceRef {
  /** An SVG map of the place and the places under it (or around it), or '' without coordinates. */
  readonly mapSvg: string;
  /** The places drawn on the map (countries aside), listed under it: a label may not fit. */
  readonly mapPlaces: readonly MapListItem[];
  readonly kind: Place['kind'];
  readonly kindLabel: string;
  readonly coordinates: readonly [number, number] | null;
  /**
   * Latitude and longitude for display, or null. Kept apart so the template can isolate each
   * number (`<bdi dir="ltr">`): after Arabic letters the bidi algorithm would otherwise put the
   * degree sign before the number.
   */
  readonly coordinatesText: readonly CoordinateText[] | null;
  /** An OpenStreetMap address for the coordinates, or null. */
  readonly mapUrl: string | null;
  readonly articleCount: string;
  readonly variants: readonly string[];
  readonly parents: readonly PlaceRef[];
  readonly children: readonly PlaceRef[];
  /** Oldest first. */
  readonly articles: readonly ArticleView[];
  readonly newestUrl: string | null;
}

export interface MonthView {
  readonly month: number;
  readonly label: string;
  readonly id: string;
  readonly articleCount: string;
  readonly articles: readonly ArticleView[];
}

export interface YearView {
  readonly year: number;
  readonly url: string;
  readonly articleCount: string;
  readonly articles: readonly ArticleView[];
  readonly months: readonly MonthView[];
  readonly newestUrl: string | null;
}

export interface AgencyView extends AgencyRef {
  readonly articleCount: string;
  /** Oldest first. */
  readonly articles: readonly ArticleView[];
  readonly newestUrl: string | null;
}

/** An actor's page (content/data/entities.yml): the articles that name it under any of its names. */
export interface EntityView {
  readonly key: string;
  readonly url: string;
  readonly name: string;
  readonly name_en: string;
  readonly kind: EntityKind;
  readonly role: string | null;
  readonly aliases: readonly string[];
  /** For people: the sentences of the articles where they are quoted (src/analysis/quotes.ts), newest article first. */
  readonly quotes: ReadonlyArray<{ readonly article: ArticleView; readonly url: string; readonly text: string }>;
  /** Newest first. */
  readonly articles: readonly ArticleView[];
  /** "مقالان", "5 مقالات": the articles counted, in the agreement Arabic wants. */
  readonly articleCount: string;
  /** What kind of actor, in Arabic. */
  readonly kind_ar: string;
  /** Each name's uses across the archive, most used first. */
  readonly names: ReadonlyArray<{ readonly name: string; readonly count: number }>;
}

export interface NavItem {
  readonly url: string;
  readonly label: string;
}

/**
 * A long list of articles newest first, on a page of its own: the switch from a page that lists
 * them oldest first (no JavaScript: two pages, each linking the other).
 */
export interface NewestFirstList {
  readonly url: string;
  /** The page it reverses. */
  readonly oldestUrl: string;
  /** "الوسائل" and so on: where the page sits. */
  readonly kicker: NavItem;
  /** "مقالات الخليج": the list's name. */
  readonly title: string;
  readonly articleCount: string;
  /** Newest first. */
  readonly articles: readonly ArticleView[];
}

export interface PlaceGroup {
  readonly kind: Place['kind'];
  /** Plural: "مدن". */
  readonly label: string;
  readonly places: readonly PlaceView[];
}

export interface Archive {
  readonly site: SiteInfo;
  /** Newest first. */
  readonly articles: readonly ArticleView[];
  readonly events: readonly EventView[];
  readonly outlets: readonly OutletView[];
  readonly places: readonly PlaceView[];
  readonly years: readonly YearView[];
  readonly agencies: readonly AgencyView[];
  /** Actors named in the articles (content/data/entities.yml), most written about first. */
  readonly entities: readonly EntityView[];
  readonly counts: { readonly articles: number; readonly events: number; readonly outlets: number; readonly places: number; readonly years: number };
  /** The counts as Arabic phrases with the noun agreeing: "5 مقالات", "حدثان". */
  readonly countLabels: {
    readonly articles: string;
    readonly events: string;
    readonly outlets: string;
    readonly places: string;
    readonly years: string;
    readonly agencies: string;
  };
  /** Up to ten newest articles, for the home page. */
  readonly latest: readonly ArticleView[];
  /** Every article oldest first, for the index of all articles. */
  readonly articlesOldestFirst: readonly ArticleView[];
  /** The index of all articles' switch to newest first, or null. */
  readonly articlesNewestUrl: string | null;
  /** The newest-first pages of the long lists (NewestFirstList). */
  readonly newestLists: readonly NewestFirstList[];
  /** Places grouped by kind in the gazetteer's order of kinds (countries first), names sorted within a group. */
  readonly placeGroups: readonly PlaceGroup[];
  /** The header's navigation. */
  readonly nav: readonly NavItem[];
  /** The four ways a publication date is established, for the about page. */
  readonly dateBases: ReadonlyArray<{ readonly key: ArticleFrontMatter['date_basis']; readonly name: string; readonly label: string }>;
}
