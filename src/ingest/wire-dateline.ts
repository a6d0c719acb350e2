/**
 * The wire dateline opening a story's text, as agencies file it and the outlets that carry
 * their copy keep it:
 *   "دمشق 15 ديسمبر 2016 ( شينخوا ) أعلن …"     place, date, the agency in brackets (Xinhua)
 *   "دمشق 22 مايو 2013 / أكد …"                 place, date, a slash (Xinhua and People's Daily)
 *   "بيروت، 15 ديسمبر 2016 (أ ف ب) - …"          with AFP's, Reuters' or any agencies.yml credit
 *   "دمشق 15 ديسمبر 2016 - سانا - …"             the agency after a dash
 *   "بيروت (أ ف ب) - …"                          place and agency, no date
 * The place is one to three words (no preposition last: "أعلن الجيش في 15 ديسمبر" is prose); the
 * date is a full written date right after it; then the credit, or the slash, then the text. A
 * date so placed is the day the story was filed, the wire copy's publication date, not the day
 * of an event it reports. Pure; `agency` is agencies.yml's lookup (signoff.ts).
 */
import { hijriIn, hijriNames } from '../arabic/date-line.ts';
import { findDateMentions, type DateMention } from '../arabic/dates.ts';

export interface WireDateline {
  /** The dateline as written, without the separator before the text ("دمشق 15 ديسمبر 2016 ( شينخوا )"). */
  text: string;
  place: string;
  /** The date, in the paragraph's offsets; undefined for "بيروت (أ ف ب) -". */
  mention?: DateMention;
  /** The agencies credited, as agencies.yml names them (none after a bare slash). */
  agencies: string[];
}

/** Words that make what stands before a date a sentence's words, not a place. */
const NOT_A_PLACE_END = /(?:^|\s)(?:[وف]?(?:في|منذ|حتى|حتي|بعد|قبل|يوم|خلال|بتاريخ|تاريخ|من|إلى|الى|أمس|اليوم))$/u;
const PLACE = /^[\p{L}][\p{L}\s-]{1,40}$/u;

function placeBefore(text: string): string | undefined {
  // "دمشق  - 13 ديسمبر 2024م": a dash between the place and the date
  const place = text
    .replace(/[\s،,]+$/u, '')
    .replace(/\s+[-–—]$/u, '')
    .trim();
  if (!PLACE.test(place) || place.split(/\s+/).length > 3 || NOT_A_PLACE_END.test(place)) return undefined;
  return place;
}

/** "(أ ف ب)", "( شينخوا )", "(أ.ف.ب/رويترز)": the agencies credited, when every token is one. */
/**
 * "الرياض 14 جمادى الآخرة 1444 هـ الموافق 07 يناير 2023 م": the place, then the Hijri date
 * naming the same day (Umm al-Qura, within two days) and "الموافق", before the Gregorian date.
 */
function placeBeforeHijri(text: string, iso: string): string | undefined {
  const h = hijriIn(text);
  if (!h || !/^\s*(?:الموافق(?:\s*ل)?)?\s*$/u.test(text.slice(h.end)) || !hijriNames(iso, h)) return undefined;
  return placeBefore(text.slice(0, h.start));
}

function bracketCredit(inner: string, agency: (token: string) => string | undefined): string[] | undefined {
  const tokens = inner
    .split(/\s*[/،,+]\s*|\s+و\s*/u)
    .map((t) => t.trim())
    .filter(Boolean);
  const names = tokens.map((t) => agency(t));
  return tokens.length > 0 && names.every((n) => n !== undefined) ? [...new Set(names as string[])] : undefined;
}

/** What follows the place (and date): a credit or a slash, then the text. */
function creditAndText(rest: string, agency: (token: string) => string | undefined, dated: boolean): { credit: string; agencies: string[] } | undefined {
  const textFollows = (after: string) => /^\p{L}|^[«"“]/u.test(after) && after.length >= 20;
  // "… 2024م - ( وال ) - …": the credit in brackets after a dash
  const bracket = (dated ? /^\s*(?:[-–—]\s*)?[(（]\s*([^()（）]{1,40}?)\s*[)）]\s*([-–—:]?)\s*/u : /^\s*[(（]\s*([^()（）]{1,40}?)\s*[)）]\s*([-–—:]?)\s*/u).exec(rest);
  if (bracket) {
    const agencies = bracketCredit(bracket[1] as string, agency);
    // undated, the dash is what makes "بيروت (أ ف ب) -" a dateline and not "وقالت الوكالة (أ ف ب) إن"
    if (!dated && !bracket[2]) return undefined;
    if (agencies && textFollows(rest.slice(bracket[0].length))) return { credit: bracket[0].replace(/\s*[-–—:]?\s*$/u, ''), agencies };
    return undefined;
  }
  if (!dated) return undefined;
  const slash = /^\s*\/\s*/u.exec(rest);
  if (slash && textFollows(rest.slice(slash[0].length))) return { credit: '', agencies: [] };
  // "… 07 يناير 2023 م واس أعلنت …" (SPA's dateline): the agency's name alone, then the text
  const bare = /^\s*(\p{L}{2,12})\s+/u.exec(rest);
  if (bare) {
    const name = agency(bare[1] as string);
    if (name && textFollows(rest.slice(bare[0].length))) return { credit: bare[0].trimEnd(), agencies: [name] };
  }
  const dashed = /^\s*[-–—]\s*((?:[\p{L}.]+\s?){1,3}?)\s*[-–—:]\s*/u.exec(rest);
  if (dashed) {
    const name = agency((dashed[1] as string).trim());
    if (name && textFollows(rest.slice(dashed[0].length))) return { credit: dashed[0].replace(/\s*[-–—:]\s*$/u, ''), agencies: [name] };
  }
  return undefined;
}

/** The wire dateline opening `paragraph`, if it opens with one. */
export function wireDateline(paragraph: string, agency: (token: string) => string | undefined): WireDateline | undefined {
  const head = paragraph.slice(0, 160);
  const mention = findDateMentions(head).find((m) => m.kind === 'explicit');
  if (mention && mention.start > 0 && mention.precision === 'day' && mention.value && !mention.yearMissing) {
    const place = placeBefore(head.slice(0, mention.start)) ?? placeBeforeHijri(head.slice(0, mention.start), mention.value);
    // "13 ديسمبر 2024م - ( وال )": the م (ميلادي) after the date goes with it
    const end = mention.end + (/^م(?=\s*[-–—(（])/u.exec(paragraph.slice(mention.end))?.[0].length ?? 0);
    const found = place ? creditAndText(paragraph.slice(end), agency, true) : undefined;
    if (place && found) return { text: (paragraph.slice(0, end) + found.credit).trim(), place, mention, agencies: found.agencies };
  }
  // "بيروت (أ ف ب) - …": the place and the agency, no date.
  const open = /^([^()（）]{2,40}?)\s*(?=[(（])/u.exec(head);
  const place = open ? placeBefore(open[1] as string) : undefined;
  if (open && place) {
    const found = creditAndText(paragraph.slice(open[0].length), agency, false);
    if (found) return { text: (paragraph.slice(0, open[0].length) + found.credit).trim(), place, agencies: found.agencies };
  }
  return undefined;
}
