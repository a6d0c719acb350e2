/**
 * The names outlets sign with (outlets.yml: `name_ar`, `name_en`, `aliases`), as one index:
 * which outlet a masthead, byline or credit names, and whether that name is specific enough to
 * stand alone. A name that is one ordinary word ("الأخبار", "الوطن", "النهار", "اليوم", "تشرين")
 * is *generic*: it may be a menu label or a word of a sentence, so by itself, above the
 * headline, it never names an outlet.
 */
import { foldArabic } from '../arabic/normalise.ts';
import type { Outlet } from '../content/schema.ts';

/** Words put before an outlet's name in credits: "موقع عنب بلدي", "صحيفة الخليج", "لـ"القدس العربي"". */
const NAME_PREFIX = /^(?:ل(?:ـ|\s)?\s*)?(?:(?:موقع|صحيفه|جريده|قناه|وكاله|شبكه|مجله|اذاعه|راديو|تلفزيون|منصه|بوابه)\s+)(?=\S)/u;

/** Month names and ordinary words that are also the one-word names of outlets. */
const ORDINARY_WORDS = new Set(
  [
    'تشرين',
    'سبق',
    'عاجل',
    'اليوم',
    'الان',
    'الحدث',
    'الخبر',
    'الغد',
    'خبر',
    'اخبار',
    'حدث',
    'نبض',
    'صدى',
    'الصباح',
    'المساء',
    'الوسط',
    'لكم',
    'سرايا',
    'رؤيا',
    'فيتو',
    'اثير',
    'مبتدا',
    'جنوبية',
    'برلماني',
    'اقتصاد',
    'رصد',
    'حبر',
    'درج',
    'مباشر',
    'ارقام',
    'اضاءات',
    'زاويه',
    'كود',
    'نواه',
    'مكان',
    'عبر',
    'سبر',
    'مناره',
    'ميادين',
    'زيتون',
    'نون',
    'فبراير',
    'يناير',
    'مارس',
    'ابريل',
    'مايو',
    'يونيو',
    'يوليو',
    'اغسطس',
    'سبتمبر',
    'اكتوبر',
    'نوفمبر',
    'ديسمبر',
    'شباط',
    'اذار',
    'نيسان',
    'ايار',
    'حزيران',
    'تموز',
    'اب',
    'ايلول',
  ].map((w) => foldArabic(w)),
);

/** A name folded for comparison: folded Arabic, Latin lowercased, punctuation at the ends and quotes gone. */
export function nameKey(text: string): string {
  return foldArabic(text)
    .replace(/[«»"“”'‘’()[\]{}]/gu, '')
    .replace(/^[\s\-–—|:.،,/\\©]+|[\s\-–—|:.،,/\\]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The medium a credit's first word names ("مجلة الحوار": a magazine), as the words of outlets.yml's
 * `kind` say it. A credit so named is not an outlet whose kind names another medium and not this
 * one: Algeria's daily الحوار is not «مجلة الحوار». Kinds that name no medium ("news website",
 * "unknown") never conflict.
 */
const MEDIA: Array<[prefix: RegExp, kind: RegExp]> = [
  [/^مجله\s/u, /magazine|periodical|journal|review/i],
  [/^(?:صحيفه|جريده)\s/u, /newspaper|daily|weekly|paper/i],
  [/^(?:قناه|تلفزيون)\s/u, /television|channel|\btv\b|broadcaster|satellite/i],
  [/^(?:اذاعه|راديو)\s/u, /radio|broadcaster/i],
  [/^وكاله\s/u, /agency/i],
];
const ANY_MEDIUM = new RegExp(MEDIA.map(([, kind]) => kind.source).join('|'), 'i');

/** Does the credit's first word name a medium that the outlet's kind rules out? */
function otherMedium(creditKey: string, kind: string | undefined): boolean {
  const named = MEDIA.find(([prefix]) => prefix.test(creditKey));
  if (!named || !kind || !ANY_MEDIUM.test(kind)) return false;
  return !named[1].test(kind);
}

/** The text without a leading "موقع", "صحيفة", "لـ"… (for looking a credit up), or undefined when there is none. */
function withoutPrefix(key: string): string | undefined {
  const stripped = key.replace(/^ل(?:ـ|\s)?(?=ال)/u, '').replace(NAME_PREFIX, '');
  return stripped !== key && stripped.length >= 2 ? stripped : undefined;
}

/**
 * A print edition's qualifier after the outlet's name, as press readers and e-paper sites show
 * the masthead: "Asharq Al-Awsat Saudi Edition", "… International Edition", "الحياة - الطبعة
 * الدولية", "طبعة السعودية". Matched on a folded name (Latin lowercased, ة as ه).
 */
const EDITION = /(?:\s+(?:[a-z]+\s+)?edition|(?:\s*[-–—|]\s*|\s+)(?:ال)?طبعه(?:\s+\S+){0,2})$/u;

/** The name without an edition's qualifier, or undefined when it has none. */
function withoutEdition(key: string): string | undefined {
  const stripped = key.replace(EDITION, '').trim();
  return stripped !== key && stripped.length >= 2 ? stripped : undefined;
}

/** Outlets' names that are also ordinary phrases: a region, a section title. */
const ORDINARY_PHRASES = new Set(['الشرق الأوسط', 'العالم الجديد', 'العالم العربي', 'الصحراء المغربية'].map((w) => nameKey(w)));

/**
 * True for a name that is one ordinary word or an ordinary phrase ("الشرق الأوسط", a region
 * and a section title as well as a newspaper), which alone cannot name an outlet.
 */
export function isGenericName(text: string): boolean {
  const full = nameKey(text);
  const key = withoutEdition(full) ?? full;
  if (ORDINARY_PHRASES.has(key)) return true;
  if (/\s/.test(key)) return false;
  if (ORDINARY_WORDS.has(key)) return true;
  // One Arabic word with the article: الأخبار, الوطن, الشرق, الخليج, الرياض, السياسة…
  return /^ال\p{Script=Arabic}{2,}$/u.test(key);
}

export interface OutletNames {
  /** Outlet keys the text is a name of (several when outlets share the name). */
  lookup(text: string): string[];
  /** Every indexed name key with the outlets it names (for tests and reports). */
  entries(): Array<[string, string[]]>;
}

export function createOutletNames(outlets: Record<string, Outlet>): OutletNames {
  const index = new Map<string, string[]>();
  const add = (key: string, outlet: string) => {
    if (key.length < 2) return;
    const list = index.get(key) ?? [];
    if (!list.includes(outlet)) index.set(key, [...list, outlet]);
  };
  for (const [key, outlet] of Object.entries(outlets)) {
    for (const name of [outlet.name_ar, outlet.name_en, ...outlet.aliases]) {
      // Only the names as written: "تلفزيون سوريا" without its first word would be a country.
      add(nameKey(name), key);
    }
  }
  return {
    lookup(text) {
      const k = nameKey(text);
      const found = index.get(k);
      if (found) return found;
      const bare = withoutPrefix(k);
      const prefixed = bare ? index.get(bare)?.filter((key) => !otherMedium(k.replace(/^ل(?:ـ|\s)?\s*/u, ''), outlets[key]?.kind)) : undefined;
      if (prefixed?.length) return prefixed;
      // "Asharq Al-Awsat Saudi Edition": an edition of the outlet is the outlet.
      const edition = withoutEdition(bare ?? k);
      return edition ? (index.get(edition) ?? []) : [];
    },
    entries: () => [...index.entries()],
  };
}
