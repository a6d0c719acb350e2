/**
 * The site's Arabic wording that the model puts into views: labels of kinds and date bases, the
 * header's navigation, the titles of lists and maps, and every counted noun with its plural
 * forms (NOUNS, read by the views and by the `count` filter of src/site/filters.ts). One home, so
 * a word is changed in one place. Data only.
 */
import type { CountedNoun } from '../arabic/plural.ts';
import type { EntityKind } from '../content/schema.ts';
import type { ArticleFrontMatter, Place } from '../content/schema.ts';
import type { NavItem } from './views.ts';

export const DATE_BASIS_LABELS: Readonly<Record<ArticleFrontMatter['date_basis'], string>> = {
  stated: 'التاريخ مذكور في نص المقال',
  inferred: 'اليوم والشهر مذكوران، والسنة مستنتجة من يوم الأسبوع',
  url: 'التاريخ مأخوذ من عنوان الصفحة الأصلي',
  editor: 'لا يذكر النص تاريخاً، وقد حدّده محرر الأرشيف',
};

/** Short names of the date bases, for headings and lists. */
export const DATE_BASIS_NAMES: Readonly<Record<ArticleFrontMatter['date_basis'], string>> = {
  stated: 'مذكور',
  inferred: 'مستنتَج',
  url: 'من عنوان الصفحة',
  editor: 'حدّده المحرر',
};

export const PLACE_KIND_LABELS: Readonly<Record<Place['kind'], string>> = {
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

export const PLACE_KIND_PLURALS: Readonly<Record<Place['kind'], string>> = {
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
export const OUTLET_KIND_LABELS: Readonly<Record<string, string>> = {
  'daily newspaper': 'صحيفة يومية',
  'weekly newspaper': 'صحيفة أسبوعية',
  'news agency': 'وكالة أنباء',
  'news network': 'شبكة إخبارية',
  'news website': 'موقع إخباري',
  'online news channel': 'قناة إخبارية على الإنترنت',
  'television channel': 'قناة تلفزيونية',
  'public international broadcaster': 'هيئة بث دولية عامة',
};

export const RELATED_MATERIAL_KIND_LABELS: Readonly<Record<string, string>> = {
  gallery: 'معرض صور',
  sidebar: 'مادة جانبية',
  other: 'مادة ملحقة',
};

/** Each kind of actor as the entity pages name it. */
export const ENTITY_KIND_NAMES: Readonly<Record<EntityKind, string>> = {
  person: 'شخص',
  'armed-group': 'جماعة مسلحة',
  party: 'حزب أو هيئة سياسية',
  government: 'حكومة ودولة',
  agency: 'جهاز أو وزارة',
  organisation: 'منظمة',
};

/** The header's navigation. */
export const NAV: readonly NavItem[] = [
  { url: '/events/', label: 'الأحداث' },
  { url: '/places/', label: 'الأماكن' },
  { url: '/outlets/', label: 'الوسائل' },
  { url: '/years/', label: 'السنوات' },
  { url: '/search/', label: 'البحث' },
];

/** Counted nouns, by Arabic plural category (src/arabic/plural.ts: countText); `#` stands for the number. */
export const NOUNS = {
  article: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '# مقالات', many: '# مقالاً', other: '# مقال' },
  event: { zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '# أحداث', many: '# حدثاً', other: '# حدث' },
  outlet: { zero: 'لا وسائل إعلام', one: 'وسيلة إعلام واحدة', two: 'وسيلتا إعلام', few: '# وسائل إعلام', many: '# وسيلة إعلام', other: '# وسيلة إعلام' },
  place: { zero: 'لا أماكن', one: 'مكان واحد', two: 'مكانان', few: '# أماكن', many: '# مكاناً', other: '# مكان' },
  year: { zero: 'لا سنوات', one: 'سنة واحدة', two: 'سنتان', few: '# سنوات', many: '# سنة', other: '# سنة' },
  agency: { zero: 'لا وكالات', one: 'وكالة واحدة', two: 'وكالتان', few: '# وكالات', many: '# وكالة', other: '# وكالة' },
  word: { zero: 'لا كلمات', one: 'كلمة واحدة', two: 'كلمتان', few: '# كلمات', many: '# كلمةً', other: '# كلمة' },
  /** After a preposition (genitive): "ورد أيضاً لدى وسيلتين أخريين", "لدى 3 وسائل أخرى". */
  otherOutlet: { zero: 'لا وسيلة أخرى', one: 'وسيلة أخرى', two: 'وسيلتين أخريين', few: '# وسائل أخرى', many: '# وسيلة أخرى', other: '# وسيلة أخرى' },
} as const satisfies Record<string, CountedNoun>;

/**
 * The article page's note on a paragraph other outlets printed too links the first few of them;
 * this link leads to the event page's entry for the run, which lists them all (in each event
 * that compares it, named when there are several).
 */
export const SHARED_PASSAGE_REST = {
  inOneEvent: 'والبقية في مقارنة الوسائل',
  inEvent: (event: string): string => `والبقية في مقارنة الوسائل: ${event}`,
} as const;

/** The hemispheres of a latitude and a longitude, after the degrees: "34.4667° شمالاً". */
export const HEMISPHERES = {
  north: 'شمالاً',
  south: 'جنوباً',
  east: 'شرقاً',
  west: 'غرباً',
} as const;

/** Where each newest-first page sits (its kicker), by the list it reverses. */
export const NEWEST_LIST_KICKERS = {
  articles: { url: '/articles/', label: 'كل المقالات' },
  events: { url: '/events/', label: 'الأحداث' },
  outlets: { url: '/outlets/', label: 'وسائل الإعلام' },
  places: { url: '/places/', label: 'الأماكن' },
  years: { url: '/years/', label: 'السنوات' },
  agencies: { url: '/agencies/', label: 'وكالات الأنباء' },
} as const satisfies Record<string, NavItem>;

/** The titles the model writes: of lists, maps, timelines and the feed. */
export const TITLES = {
  allArticles: 'كل المقالات',
  /** "مقالات الخليج": the articles of an event, an outlet or an agency. */
  articlesOf: (name: string): string => `مقالات ${name}`,
  articlesNaming: (place: string): string => `المقالات التي تذكر ${place}`,
  articlesOfYear: (year: number): string => `مقالات سنة ${year}`,
  map: (name: string): string => `خريطة ${name}`,
  timeline: (event: string): string => `الخط الزمني: ${event}`,
  feed: (site: string): string => `${site}: آخر المقالات`,
} as const;
