/**
 * Sign-off lines at the foot of an article, which are metadata, not body text:
 *   agency credits   "ح.ع.ح/ع.ج.م(أ.ف.ب/د.ب.أ/رويترز)", "(أ ف ب)"
 *   source lines     "المصدر: الخليج", "المصدر: رويترز"
 *   bylines          "عطية العطية – تلفزيون الخبر", "بقلم: فلان", "By NAME", "- بيروت: فلان الفلاني",
 *                    "عواصم – وكالات – الخليج – فلان الفلاني"
 */
import { foldArabic } from '../arabic/normalise.ts';
import type { Agency } from '../content/schema.ts';
import type { OutletNames } from './outlet-names.ts';

export interface Signoff {
  kind: 'agencies' | 'source' | 'byline';
  /** Canonical agency names credited. */
  agencies: string[];
  /** Outlet keys the line names. */
  outlets: string[];
  author: string | null;
}

export interface SignoffIndex {
  /** Canonical agency name for a credit token, if known. */
  agency(token: string): string | undefined;
  /** Outlet keys whose Arabic or English name this text is. */
  outletsNamed(text: string): string[];
}

/** Folded, with dots and spaces dropped: "أ. ف. ب" and "ا.ف.ب" are one key. */
function agencyKey(token: string): string {
  return foldArabic(token).replace(/[.\s·]/g, '');
}

/** `names`: the outlets' name index (createOutletNames), made once per run by the caller. */
export function createSignoffIndex(agencies: Record<string, Agency>, names: OutletNames): SignoffIndex {
  const byAlias = new Map<string, string>();
  for (const agency of Object.values(agencies)) {
    for (const alias of [agency.name, ...agency.aliases]) byAlias.set(agencyKey(alias), agency.name);
  }
  return {
    agency: (token) => byAlias.get(agencyKey(token)),
    outletsNamed: (text) => names.lookup(text),
  };
}

/** Splits "أ.ف.ب/د.ب.أ، رويترز و سانا" into credit tokens. */
function creditTokens(inner: string): string[] {
  return inner
    .split(/\s*(?:[/،,؛;+&]|\s-\s|\sو\s?)\s*/u)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function parseSignoff(line: string, index: SignoffIndex): Signoff | undefined {
  const text = line.trim();
  // "ح.ع.ح/ع.ج.م(أ.ف.ب/د.ب.أ/رويترز)" or "(أ ف ب)": editors' initials, then agencies in brackets.
  const credit = /^([\p{L}.\s/]{0,30})\(([^()]+)\)\s*\.?$/u.exec(text);
  if (credit) {
    const tokens = creditTokens(credit[2] ?? '');
    const names = tokens.map((t) => index.agency(t));
    if (tokens.length > 0 && names.every((n) => n !== undefined)) {
      return { kind: 'agencies', agencies: unique(names as string[]), outlets: [], author: null };
    }
  }
  // "المصدر: الخليج", "المصدر : وكالات"
  const source = /^(?:المصدر|مصدر الخبر|نقلاً عن|نقلا عن)\s*[:：]\s*(.{2,60})$/u.exec(text);
  if (source) {
    const named = (source[1] ?? '').trim().replace(/[.،]$/, '');
    const tokens = creditTokens(named);
    const agencies = tokens.map((t) => index.agency(t)).filter((n): n is string => n !== undefined);
    return { kind: 'source', agencies: unique(agencies), outlets: index.outletsNamed(named), author: null };
  }
  // "بقلم: فلان", "كتب: فلان", "الكاتب: فلان"; "By NAME", "Posted by NAME" (the writer on a date's line)
  const penned =
    /^(?:بقلم|كتب|كتبت|إعداد|اعداد|تقرير|الكاتب)\s*[:：]\s*([\p{L}\s.]{3,40})$/u.exec(text) ??
    /^(?:by|posted by|written by)\s*[:：]?\s+([\p{Script=Latin}\p{Script=Arabic}][\p{L}\s.'-]{2,39})$/iu.exec(text);
  if (penned) return { kind: 'byline', agencies: [], outlets: [], author: (penned[1] ?? '').trim() };
  // "فريق التحرير", "هيئة التحرير", "Editorial Team": the newsroom signs, no writer named
  if (/^(?:(?:فريق|هيئة|أسرة|اسرة|قسم)\s+التحرير|editorial\s+(?:team|staff|desk))$/iu.test(text)) return { kind: 'byline', agencies: [], outlets: [], author: null };
  // "- بيروت: بولا أسطيح": a print edition's byline, a dash, the bureau's city and the writer.
  const printed = /^[-–—]\s*([\p{L}\s]{2,25}?)\s*[:：]\s*([\p{L}\s.]{3,40})$/u.exec(text);
  if (printed) {
    const place = (printed[1] ?? '').trim().split(/\s+/);
    const author = (printed[2] ?? '').trim();
    const words = author.split(/\s+/).length;
    if (place.length <= 3 && words >= 2 && words <= 4 && !/^(?:المصدر|مصدر|ملاحظة|تنويه|تحديث|اقرأ|شاهد|المحرر|الكاتب)/u.test(place[0] ?? ''))
      return { kind: 'byline', agencies: [], outlets: [], author };
  }
  // "عواصم – وكالات – الخليج – سامر الحسن": places or a credit, the outlet, the writer, last.
  const parts = text.split(/\s+[–—-]\s+/u).map((p) => p.trim());
  if (parts.length >= 3 && parts.length <= 4 && parts.every((p) => /^[\p{L}\s.]{2,40}$/u.test(p))) {
    const outlets = index.outletsNamed(parts[parts.length - 2] as string);
    const author = parts[parts.length - 1] as string;
    const words = author.split(/\s+/).length;
    if (outlets.length > 0 && words >= 2 && words <= 4 && index.outletsNamed(author).length === 0) {
      const agencies = parts.slice(0, -2).flatMap((p) => index.agency(p) ?? []);
      return { kind: 'byline', agencies: unique(agencies), outlets, author };
    }
  }
  // "عطية العطية – تلفزيون الخبر": a name, a dash, the outlet.
  const byline = /^([\p{L}\s.]{3,40}?)\s+[–—-]\s+([\p{L}\s.]{2,40})$/u.exec(text);
  if (byline) {
    const outlets = index.outletsNamed((byline[2] ?? '').trim());
    const author = (byline[1] ?? '').trim();
    if (outlets.length > 0 && author.split(/\s+/).length <= 4) return { kind: 'byline', agencies: [], outlets, author };
  }
  return undefined;
}

/**
 * A byline's value that names no person: a site's account ("admin"), a role ("المحرر", "Editor"),
 * a label ("خاص", "متابعات", "وكالات"). Never written as the author.
 */
const PLACEHOLDER_AUTHOR =
  /^(?:admin|administrator|editor|editors|staff|team|user|guest|webmaster|newsroom|desk|خاص|المحرر|محرر|المحررة|التحرير|تحرير|الكاتب|كاتب|المراسل|مراسل|وكالات|الوكالات|متابعات|متابعة|رصد|خدمة|الموقع|إدارة الموقع|ادارة الموقع)$/iu;

/** The author to write, or null for a byline's placeholder (PLACEHOLDER_AUTHOR). */
export function personAuthor(name: string | null | undefined): string | null {
  const text = (name ?? '').trim().replace(/[.،,:：]+$/u, '');
  return text === '' || PLACEHOLDER_AUTHOR.test(text) ? null : text;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
