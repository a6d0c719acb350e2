/**
 * A saved page's metadata weighed against its text, for the three decisions `add` must never
 * get wrong: the headline (an `<h1>` agreeing with the JSON-LD headline or og:title), the date
 * (JSON-LD datePublished and kin, as the calendar date the page states, checked against the
 * dates in the text) and the outlet (og:site_name and the JSON-LD publisher matched against
 * outlets.yml; the canonical address's domain goes through the usual domain rule). Where
 * metadata and text disagree, the user is asked; nothing is taken on the metadata's word alone
 * when the text says otherwise.
 */
import { formatIsoDate, parseIsoDate, addDays, type CalendarDate } from '../../arabic/calendar.ts';
import { findDateMentions, parseDateLine, yearsMentioned } from '../../arabic/dates.ts';
import type { Outlet } from '../../content/schema.ts';
import { isHttpUrl } from '../../content/schema.ts';
import type { OutletDecision } from '../outlet.ts';
import type { DateDecision } from '../publication-date.ts';
import { hostOf } from '../outlet.ts';
import { wordCount } from '../lines.ts';
import type { PageMetadata, Stated } from './metadata.ts';
import { foldForCompare, headlinesAgree } from './headline-agreement.ts';

export { foldForCompare, headlinesAgree };

const ASK_TITLE = 'pass --title "…" with the article\'s headline';
const ASK_DATE = 'pass --date YYYY-MM-DD with the date the article was published';

/** A title and its parts around the separators sites join their name with ("… | الموقع", "الموقع - …"). */
export function titleParts(title: string): string[] {
  const parts = title
    .split(/\s+[|\-–—:»«·•]\s+|\s*\|\s*/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 1 ? [title, ...parts] : [title];
}

export interface HeadlineDecision {
  text?: string;
  evidence?: string;
  problem?: string;
}

export function decidePageHeadline(md: PageMetadata): HeadlineDecision {
  const h1s = [...new Set(md.h1)];
  const stated: Stated[] = [...md.headlines, ...(md.title ? [{ text: md.title, from: '<title>' }] : [])];
  const siteNames = new Set(md.siteNames.map((n) => foldForCompare(n.text)));
  // A site's name is not a headline, though it stands in <title> and, as a logo, in an <h1>.
  const headlineLike = (part: string) => wordCount(part) >= 2 && !siteNames.has(foldForCompare(part));
  for (const s of stated) {
    const parts = titleParts(s.text).filter(headlineLike);
    const agreeing = h1s.filter((h) => headlineLike(h) && parts.some((part) => headlinesAgree(part, h)));
    const h1 = agreeing.sort((a, b) => b.length - a.length)[0];
    if (!h1) continue;
    // The strongest statement (JSON-LD) must not name another headline.
    const jsonLd = md.headlines.find((m) => m.from.startsWith('JSON-LD'));
    if (jsonLd && !headlinesAgree(jsonLd.text, h1) && !h1s.some((h) => headlinesAgree(jsonLd.text, h))) {
      return { problem: `the page's <h1> "${h1}" and its ${jsonLd.from} "${jsonLd.text}" differ; ${ASK_TITLE}` };
    }
    return { text: h1, evidence: `the page's <h1>, agreeing with its ${s.from}` };
  }
  const first = md.headlines[0];
  const longH1s = h1s.filter((h) => wordCount(h) >= 2);
  if (first && longH1s.length > 0) {
    return { problem: `the page's <h1> "${longH1s[0]}" and its ${first.from} "${first.text}" differ; ${ASK_TITLE}` };
  }
  if (longH1s.length === 1) return { text: longH1s[0], evidence: "the page's <h1> (the page states no headline in its metadata)" };
  if (longH1s.length > 1) {
    return {
      problem: `the page has ${longH1s.length} <h1> headlines (${longH1s
        .slice(0, 3)
        .map((h) => `"${h}"`)
        .join(', ')}) and no metadata to choose between them; ${ASK_TITLE}`,
    };
  }
  if (first && h1s.length === 0) {
    const names = md.siteNames.map((s) => foldForCompare(s.text));
    const parts = titleParts(first.text);
    const own = parts.length > 1 ? parts.slice(1).filter((p) => !names.includes(foldForCompare(p))) : [first.text];
    const text = parts.length > 1 && own.length === 1 ? (own[0] as string) : first.text;
    return { text, evidence: `the page's ${first.from} (the page has no <h1>)` };
  }
  // Several <h1>s and no metadata to choose between them, or nothing at all: the text decides.
  return {};
}

/** The calendar date a metadata value states, without moving it through UTC: "2019-03-23T01:30:00+03:00" → 2019-03-23. */
export function statedCalendarDate(value: string): string | undefined {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (iso) return parseIsoDate(`${iso[1]}-${iso[2]}-${iso[3]}`) ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
  const line = parseDateLine(value);
  return line?.precision === 'day' && !line.yearMissing && line.weekdayAgrees !== false ? line.value : undefined;
}

/**
 * The publication date, with the page's metadata as one more witness. `fromText` is the text
 * path's decision (date line, first paragraph, address); --date has already won there.
 */
export function reconcilePageDate(md: PageMetadata, fromText: DateDecision, ctx: { explicit?: string; text: string; today: CalendarDate }): DateDecision {
  if (ctx.explicit) return fromText;
  const stated = md.published.map((s) => ({ ...s, date: statedCalendarDate(s.text) })).filter((s): s is Stated & { date: string } => s.date !== undefined);
  if (stated.length === 0) {
    const modified = md.modified[0];
    if (!fromText.date && modified && fromText.problem) {
      return {
        ...fromText,
        problem: `${fromText.problem} (the page states only when it was last modified, ${modified.from} "${modified.text}", which is not when it was published)`,
      };
    }
    return fromText;
  }
  const distinct = [...new Set(stated.map((s) => s.date))];
  const agreeing = fromText.date ? stated.find((s) => s.date === fromText.date) : undefined;
  if (fromText.date) {
    if (agreeing)
      return { ...fromText, basis: fromText.basis === 'url' ? 'stated' : fromText.basis, evidence: `${agreeing.from} "${agreeing.text}", agreeing with ${fromText.evidence}` };
    const first = stated[0] as Stated & { date: string };
    return { seen: fromText.seen, problem: `the page's ${first.from} says ${first.date}, but ${fromText.evidence} says ${fromText.date}; ${ASK_DATE}` };
  }
  if (distinct.length > 1) {
    return { seen: fromText.seen, problem: `the page states different publication dates (${stated.map((s) => `${s.from} ${s.date}`).join('; ')}); ${ASK_DATE}` };
  }
  const chosen = stated[0] as Stated & { date: string };
  const todayIso = formatIsoDate(ctx.today);
  if (chosen.date > todayIso) return { seen: fromText.seen, problem: `the page's ${chosen.from} (${chosen.date}) is in the future; ${ASK_DATE}` };
  // The text's own dates must not contradict it: none after it, and none only from years before.
  const latestAllowed = formatIsoDate(addDays(parseIsoDate(chosen.date) as CalendarDate, 2));
  const later = findDateMentions(ctx.text).find(
    (m) => m.kind === 'explicit' && m.precision === 'day' && !m.yearMissing && m.value && m.value > latestAllowed && m.value <= todayIso,
  );
  if (later) {
    return { seen: fromText.seen, problem: `the page's ${chosen.from} says ${chosen.date}, but the text mentions a later date, "${later.text}" (${later.value}); ${ASK_DATE}` };
  }
  const years = yearsMentioned(ctx.text).filter((y) => y <= ctx.today.year);
  const latestYear = years.length > 0 ? Math.max(...years) : undefined;
  const year = Number(chosen.date.slice(0, 4));
  if (latestYear !== undefined && year - latestYear >= 2) {
    return {
      seen: fromText.seen,
      problem: `the page's ${chosen.from} says ${chosen.date}, years after the latest year the text mentions (${latestYear}): the page may have been republished or updated; ${ASK_DATE}`,
    };
  }
  const retrieved = fromText.retrieved && fromText.retrieved >= chosen.date ? fromText.retrieved : undefined;
  return { seen: fromText.seen, date: chosen.date, basis: 'stated', evidence: `${chosen.from} "${chosen.text}"`, ...(retrieved ? { retrieved } : {}) };
}

/** The page's address: canonical, og:url, JSON-LD, or the address the save recorded. */
export function pageAddress(md: PageMetadata): Stated | undefined {
  return md.urls.find((u) => isHttpUrl(u.text) && !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(u.text));
}

/**
 * The outlets the page's own names (og:site_name, JSON-LD publisher) point to, and, when --url
 * names another address, the page's own address (a mirror's copy of another outlet's page).
 */
export function pageOutletEvidence(
  md: PageMetadata,
  outlets: Record<string, Outlet>,
  givenUrl?: string,
): { evidence: Array<{ key: string; why: string }>; unknownNames: Stated[] } {
  const evidence: Array<{ key: string; why: string }> = [];
  const unknownNames: Stated[] = [];
  for (const name of md.siteNames) {
    const folded = foldForCompare(name.text);
    const keys = Object.keys(outlets).filter((key) => {
      const o = outlets[key] as Outlet;
      return [o.name_ar, o.name_en].some((n) => foldForCompare(n) === folded);
    });
    for (const key of keys) evidence.push({ key, why: `the page's ${name.from} "${name.text}"` });
    if (keys.length === 0) unknownNames.push(name);
  }
  // The page's own address, which may differ from --url (a mirror, an aggregator's copy).
  const address = pageAddress(md);
  const host = address && givenUrl ? hostOf(address.text) : undefined;
  if (host && host === hostOf(givenUrl as string)) return { evidence, unknownNames };
  for (const key of Object.keys(outlets)) {
    if (host && (outlets[key] as Outlet).domains.some((d) => host === d || host.endsWith(`.${d}`))) {
      evidence.push({ key, why: `the page's ${address?.from} on ${host}` });
    }
  }
  return { evidence, unknownNames };
}

/**
 * The outlet decision with the page's evidence weighed in: a key the page's own names or address
 * contradict is withdrawn (ask), agreeing evidence is listed, and a name outlets.yml lacks is
 * shown in the question.
 */
export function reconcilePageOutlet(decided: OutletDecision, page: ReturnType<typeof pageOutletEvidence>, ctx: { explicit?: string; url?: string }): OutletDecision {
  const outlet = { ...decided, evidence: [...decided.evidence] };
  const conflict = outlet.key && !ctx.explicit ? outletConflict(outlet.key, page.evidence) : undefined;
  if (conflict) return { problem: `${conflict}; pass --outlet KEY (one of the keys in content/data/outlets.yml)`, evidence: [] };
  if (outlet.key) outlet.evidence.push(...page.evidence.filter((e) => e.key === outlet.key && !outlet.evidence.includes(e.why)).map((e) => e.why));
  if (outlet.problem && !outlet.key && page.unknownNames.length > 0) {
    outlet.problem += ` (the page names itself ${page.unknownNames.map((n) => `"${n.text}" in its ${n.from}`).join(', ')}${ctx.url ? `, at ${ctx.url}` : ''})`;
  }
  return outlet;
}

/** A problem when the text path did not take the headline the page states (too short, or ending like a sentence). */
export function pageHeadlineTaken(page: { headline: HeadlineDecision }, taken: string): string | undefined {
  const stated = page.headline.text;
  if (!stated || foldForCompare(stated) === foldForCompare(taken)) return undefined;
  return `the page's headline "${stated}" (${page.headline.evidence}) is not what the text reads as its headline ("${taken}"); ${ASK_TITLE}`;
}

/** Whether the outlet the domain rule took is contradicted by the page's own names. */
export function outletConflict(key: string, evidence: Array<{ key: string; why: string }>): string | undefined {
  const other = evidence.find((e) => e.key !== key);
  return other ? `${other.why} names ${other.key}, but the address points to ${key}` : undefined;
}

const AUTHOR_PREFIX = /^(?:بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تقرير|حوار|by|von|par)\s*[:：\-–]?\s*/iu;

/**
 * The article's author as the page states it, or undefined: a person's name, not the outlet's
 * (sites often put their own name in `author`), not an address, a date or a sentence.
 */
export function pageAuthor(md: PageMetadata, byline: string | undefined, outlets: Record<string, Outlet>, signedBy?: string): Stated | undefined {
  const notNames = new Set([...md.siteNames.map((s) => foldForCompare(s.text)), ...Object.values(outlets).flatMap((o) => [foldForCompare(o.name_ar), foldForCompare(o.name_en)])]);
  const candidates: Stated[] = [...md.authors, ...(byline ? [{ text: byline, from: 'the byline' }] : [])];
  const usable = (s: Stated) => {
    const text = s.text.replace(AUTHOR_PREFIX, '').trim();
    const ok =
      text.length >= 3 &&
      text.length <= 80 &&
      wordCount(text) <= 6 &&
      !/https?:|www\.|@|\d{3,}|[<>{}=\\/|#]/i.test(text) &&
      !parseDateLine(text) &&
      !notNames.has(foldForCompare(text)) &&
      /\p{L}/u.test(text);
    return ok ? { text, from: s.from } : undefined;
  };
  // JSON-LD lists several authors as several values: keep them together, from the same source.
  const first = candidates.map(usable).find((s) => s !== undefined);
  if (!first) return undefined;
  const same = candidates
    .filter((c) => c.from === first.from)
    .map(usable)
    .filter((s) => s !== undefined)
    .map((s) => s.text);
  const text = [...new Set(same)].join('، ');
  // Not when it only spells in Latin letters the Arabic name the text signs with.
  if (signedBy && /\p{Script=Arabic}/u.test(signedBy) && !/\p{Script=Arabic}/u.test(text)) return undefined;
  return { text, from: first.from };
}

/** A page in another language (its <html lang>) whose article is mostly not Arabic: what to say, or undefined. */
export function pageInAnotherLanguage(md: PageMetadata, text: string): string | undefined {
  const lang = md.lang?.trim().toLowerCase();
  if (!lang || lang.startsWith('ar')) return undefined;
  const letters = text.match(/\p{L}/gu) ?? [];
  const arabic = letters.filter((c) => /\p{Script=Arabic}/u.test(c)).length;
  if (arabic >= 0.5 * letters.length) return undefined;
  return `is a page in another language (<html lang="${md.lang}">, ${Math.round((100 * arabic) / Math.max(letters.length, 1))}% of its letters Arabic); Arshif archives Arabic articles`;
}

/**
 * For a page with no <h1> and no headline in its metadata: the heading among the article's first
 * lines that agrees with the page's <title> (less the site's name), or undefined.
 */
export function headlineFromTitle(md: PageMetadata, lines: string[]): HeadlineDecision | undefined {
  if (!md.title) return undefined;
  const parts = titleParts(md.title).filter((p) => wordCount(p) >= 2);
  const line = lines.slice(0, 10).find((l) => l.length <= 250 && parts.some((p) => headlinesAgree(p, l)));
  return line ? { text: line, evidence: 'a heading of the page agreeing with its <title> (the page has no <h1> and no headline metadata)' } : undefined;
}

/** The other part of a <title> that joins the headline with the site's name ("الموقع | العنوان"): the site's name. */
export function siteNameFromTitle(md: PageMetadata, headline: string | undefined): string | undefined {
  if (!md.title || !headline) return undefined;
  const parts = titleParts(md.title).slice(1);
  if (parts.length !== 2 || !parts.some((p) => headlinesAgree(p, headline))) return undefined;
  const other = parts.find((p) => !headlinesAgree(p, headline));
  return other && wordCount(other) <= 5 ? other : undefined;
}
