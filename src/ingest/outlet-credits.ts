/**
 * Lines that credit an outlet, as the press writes them:
 *   masthead   "عنب بلدي", " العرب اليوم -", "Emarat Alyoum", "عنب بلدي | سياسة"
 *   byline     "السورية نت - ياسر العيسى", "بغداد اليوم-بغداد", "ياسر العيسى – عنب بلدي"
 *   dateline   "دمشق – «القدس العربي»:", "السويداء – ميكروسيريا" at the head of the text
 *   source     "المصدر: عنب بلدي", "نقلاً عن: الخليج", and on a date line: "آخر تحديث 2017-09-20 - المصدر: X"
 *   copyright  "© 2019 عنب بلدي", "جميع الحقوق محفوظة لـ عنب بلدي"
 *   exclusive  "العدسة – خاص", "بيروت – العدسة خاص:"
 * Each credit is the name as written, whether or not outlets.yml knows it: the caller looks it
 * up. Pure.
 */
import { readDateLine } from '../arabic/date-line.ts';

export type CreditForm = 'masthead' | 'byline' | 'dateline' | 'source' | 'copyright' | 'exclusive';

export interface Credit {
  form: CreditForm;
  /** The name as the line writes it. */
  name: string;
  /**
   * The form itself says the name is an outlet's (a source, copyright or exclusive line), so an
   * unknown name may be proposed as a new outlet; a masthead or byline part may be a person, a
   * city or a section.
   */
  namesAnOutlet: boolean;
}

/** Separators between a name and a city, person or section: dashes, pipes, bullets, spaced slashes. */
const SEPARATOR = /\s*[|–—•·]\s*|\s+[-/\\_]\s*|\s*[-/\\_]\s+|(?<=\p{Script=Arabic})-(?=\p{Script=Arabic})/u;

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Leading and trailing decoration of a masthead line: dashes, pipes, colons, dots, spaces. */
const trimDecoration = (s: string) => s.replace(/^[\s\-–—|:.،,•·/\\«"“]+|[\s\-–—|:.،,•·/\\»"”]+$/gu, '');

/** Words that stand where a credit's name would, but name no outlet. */
const NOT_A_NAME = /^(?:وكالات|وكالات الأنباء|الوكالات|مواقع|وسائل إعلام|وسائل الإعلام|متابعات|صحف|الصحافة|خاص|ترجمة|رصد|تقارير|مراسلون|مواقع إخبارية|agencies|wires?)$/iu;

export function isNonName(name: string): boolean {
  return NOT_A_NAME.test(
    trimDecoration(name)
      .replace(/[«»"“”]/gu, '')
      .trim(),
  );
}

/**
 * The credits in a whole line (a masthead, byline or credit line standing alone). Long lines
 * (prose) have none.
 */
export function lineCredits(text: string): Credit[] {
  const line = text
    .trim()
    // A date line the byline is glued to (" date 2026-01-22 شفق نيوز- نينوى"), a handle
    // ("okaz_online@", "@enabbaladi") and a short note in brackets ("(جدة)", "(خاص)").
    .replace(/^(?:date\s+)?\d{4}-\d{2}-\d{2}(?:[T\s]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)/iu, '')
    .replace(/(?:^|\s)(?:@[\w.]{2,30}|[\w.]{2,30}@)(?=\s|$)/gu, ' ')
    .replace(/\s*\((?:[^()]{1,20})\)\s*/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length === 0 || line.length > 120 || words(line) > 12) return [];
  // A date line that names its source after a dash ("آخر تحديث 2017-09-20 00:00 - المصدر: X"):
  // the source part is a credit line of its own.
  const dated = /^(.+?)\s*[-–—|]\s*((?:المصدر|مصدر الخبر|نقلا عن|نقلاً عن|source)\s*[:：].+)$/iu.exec(line);
  if (dated && readDateLine((dated[1] as string).trim())) return lineCredits(dated[2] as string);
  const copyright =
    /^(?:©|\(c\)|copyright|جميع الحقوق محفوظة|حقوق (?:النشر|الطبع|الطبع والنشر) محفوظة)\s*(?:©\s*)?(?:ل(?:ـ|\s)\s*|ل(?=\p{L}))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:©\s*)?(.+?)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*\.?$/iu.exec(
      line,
    ) ?? /^(.+?)\s*©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*\.?$/u.exec(line);
  if (copyright) {
    const name = trimDecoration(
      (copyright[1] ?? '').replace(/^(?:جميع الحقوق محفوظة|all rights reserved)\s*/iu, '').replace(/\s*(?:جميع الحقوق محفوظة|all rights reserved)\.?$/iu, ''),
    );
    return name && !/^\d+$/.test(name) ? [{ form: 'copyright', name, namesAnOutlet: true }] : [];
  }
  const source = /^(?:المصدر|مصدر الخبر|نقلا عن|نقلاً عن|source)\s*[:：]\s*(.{2,80})$/iu.exec(line);
  if (source) {
    return (source[1] ?? '')
      .split(/\s*[+/،,؛;]\s*|\s+و(?=\s)|\s+[-–—]\s+/u)
      .map((part) => trimDecoration(part.trim()))
      .filter((part) => part && !isNonName(part) && words(part) <= 6)
      .map((name) => ({ form: 'source' as const, name, namesAnOutlet: true }));
  }
  // "Last Update :", "Published :", "By :", "الكاتب:": a label whose value the copy left out is
  // page furniture, never a name. A dateline "المكلا، نافذة اليمن:" (a place, a comma, a name)
  // or "الرقة - عنب بلدي:" is read as before.
  if (/[:：]$/u.test(line) && !/[،,]/u.test(line) && !SEPARATOR.test(line.replace(/[:：]+$/u, '').trim())) return [];
  const bare = trimDecoration(line.replace(/:$/, ''));
  const parts = bare
    .split(SEPARATOR)
    .map((p) => trimDecoration(p))
    .filter(Boolean);
  const exclusive = parts.length >= 2 && parts.length <= 3 ? parts.findIndex((p) => /^خاص$/u.test(p)) : -1;
  if (exclusive > 0) {
    // "العدسة – خاص", "بيروت – العدسة – خاص"
    const name = parts[exclusive - 1] as string;
    return isNonName(name) ? [] : [{ form: 'exclusive', name, namesAnOutlet: true }];
  }
  const glued = /^(.{2,40}?)\s+خاص$/u.exec(parts[parts.length - 1] ?? '');
  if (glued && parts.length <= 2) return [{ form: 'exclusive', name: glued[1] as string, namesAnOutlet: true }];
  if (parts.length === 1) return words(bare) <= 6 ? [{ form: 'masthead', name: bare, namesAnOutlet: false }] : [];
  if (parts.length > 4 || parts.some((p) => words(p) > 6)) return [];
  return parts.filter((p) => !isNonName(p)).map((name) => ({ form: 'byline' as const, name, namesAnOutlet: false }));
}

/**
 * The credit opening a paragraph: "دمشق – «القدس العربي»: …", "السويداء – ميكروسيريا شيعت …",
 * "ميكروسيريا – يمنى الدمشقي امتلأت …". Returns the candidate names (the caller keeps those it
 * knows), longest first; the words after the dash may run on into the sentence.
 */
export function leadCredits(paragraph: string): Credit[] {
  const text = paragraph.trim();
  const colon = /^([^:：.،]{2,80}?)\s*[:：]/u.exec(text);
  if (colon && words(colon[1] as string) <= 8) {
    const parts = (colon[1] as string)
      .split(SEPARATOR)
      .map((p) => trimDecoration(p))
      .filter(Boolean);
    if (parts.length >= 2 && parts.length <= 3) return parts.filter((p) => !isNonName(p)).map((name) => ({ form: 'dateline' as const, name, namesAnOutlet: false }));
  }
  const m = /^([\p{L}\s]{2,40}?)\s*[-–—]\s*(.+)$/su.exec(text);
  if (!m) return [];
  const before = (m[1] as string).trim();
  const after = (m[2] as string).replace(/^[«"“]/u, '').split(/\s+/);
  const candidates: Credit[] = [];
  for (let n = Math.min(4, after.length); n >= 1; n--) {
    candidates.push({
      form: 'dateline',
      name: after
        .slice(0, n)
        .join(' ')
        .replace(/[»"”:،,.]+$/u, ''),
      namesAnOutlet: false,
    });
  }
  if (words(before) <= 4) candidates.push({ form: 'dateline', name: before, namesAnOutlet: false });
  return candidates;
}

/** Endings and openings that make a name an outlet's: "نهر ميديا", "دما بوست", "شبكة … الإخبارية". */
const OUTLET_SUFFIX = /(?:^|\s)(?:نت|نيوز|برس|بوست|ميديا|أونلاين|اونلاين|تيفي|تي في|24|الإخبارية|الاخبارية|الإخباري|الاخباري|للأنباء|للانباء)$/u;
const OUTLET_PREFIX = /^(?:شبكة|شبكه|وكالة|وكاله|صحيفة|صحيفه|جريدة|جريده|مجلة|مجله|قناة|قناه|تلفزيون|موقع|إذاعة|اذاعة|راديو)\s+\S/u;
const DOMAIN_NAME = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|news|tv|info|co|me|ma|sy|iq|lb|jo|ps|sa|ae|qa|kw|eg|tn|dz|ly|sd|ye|om|bh)$/iu;
/**
 * "Emarat Alyoum", "Naher Media": capitalised Latin words, as a logo's text is copied. Two at
 * least: one capitalised word ("Captcha", "Menu", "Loading") is a page's furniture as often (a
 * one-word name the address's domain spells is taken by that, src/arabic/spelled-alike.ts).
 */
const LATIN_MASTHEAD = /^[A-Z][A-Za-z'’-]+(?:\s+[A-Z0-9][A-Za-z0-9'’-]*){1,3}$/u;

/**
 * Whether a masthead or byline part has the shape of an outlet's name, so that, unknown to
 * outlets.yml, it may be proposed as a new outlet (it is shown, never taken for a known one).
 */
export function looksLikeOutletName(name: string): boolean {
  const n = name.trim();
  if (n.length < 3 || n.length > 50 || words(n) > 5) return false;
  return OUTLET_SUFFIX.test(n) || OUTLET_PREFIX.test(n) || DOMAIN_NAME.test(n) || (LATIN_MASTHEAD.test(n) && /[a-z]/.test(n));
}
