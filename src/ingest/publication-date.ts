/**
 * An article's publication date and how it is known (`date_basis`), from every date the page
 * shows, each weighed by where it stands and what its label says. In order:
 *   --date                                                  → editor
 *   a date labelled as the publication date (نشر في، تاريخ النشر، Published), wherever it stands
 *   a date line under the headline (after a subheadline or byline too), or labelled "التاريخ"/"date"
 *   a date line at the foot of the text (after the sign-offs too)
 *   a date opening the first paragraph, a wire dateline's ("دمشق 15 ديسمبر 2016 (شينخوا)"), or a dated weekday in it
 *     that dates the telling, not an event (date-in-prose.ts: "قالت …، السبت 23 آذار، إن", "اليوم
 *     السبت …"; "ظهر السبت 10 أيلول 2016", "يوم السبت …" or one with the event's hour after it is
 *     listed among the dates seen, never taken)
 *   a date in the URL's path (--url)                        → url
 *   an update date (آخر تحديث), when nothing else states one
 * The first of these that holds a usable date decides (→ stated, or inferred when its year is
 * inferred from a stated weekday: the one year within five after the text's latest that the
 * weekday fits, and only when the body names that year or the archive's event the article belongs
 * to spans that day); two different dates at the same rank, or a stated date days
 * away from the address's, ask for --date. An unlabelled date above the headline is the scrape
 * date (kept as `source.retrieved`), never the publication date, unless it stands right above the
 * headline with a time of day (or the address's own date) and the text confirms it (its weekday in
 * the first paragraphs, its year the text's latest), ranking then just above the address; when
 * nothing confirms it, add asks. A date in the future, one whose
 * weekday or Hijri date disagrees, or a numeric date whose day/month order is in doubt, is not
 * taken (a day/month order the lead's "أمس الخميس" contradicts is read the other way, when that
 * way fits); a two-digit year (read after a publication label only) must be confirmed by the address
 * or by the latest year the text writes. When nothing is taken, the message lists every date seen and why each was rejected.
 */
import { daysBetween, formatIsoDate, parseIsoDate, WEEKDAYS, type CalendarDate } from '../arabic/calendar.ts';
import { leadingDate, readDateLine, type DateLabel, type DateLineEntry } from '../arabic/date-line.ts';
import { dateFromUrl, findDateMentions, yearsMatchingWeekday, yearsMentioned, type DateMention } from '../arabic/dates.ts';
import { dateRoleInProse } from '../arabic/date-in-prose.ts';
import { foldForDates } from '../arabic/date-fold.ts';
import { fallsOn } from '../arabic/date-resolve.ts';
import { toAsciiDigits } from '../arabic/digits.ts';
import type { DateBasis } from './types.ts';
import type { Line } from './lines.ts';

export interface DateDecision {
  date?: string;
  basis?: DateBasis;
  /** The scrape-time date found above the headline, if any. */
  retrieved?: string;
  /** What to tell the user when there is no date. */
  problem?: string;
  evidence?: string;
  /** 1-based line of the raw text the date came from, when it came from one. */
  line?: number;
  /** Every date seen, and what became of it. */
  seen: SeenDate[];
}

export interface SeenDate {
  line?: number;
  text: string;
  value?: string;
  where: Where;
  label?: DateLabel;
  /** Why it was not taken; undefined for the one taken. */
  rejected?: string;
}

export interface DateInputs {
  explicit?: string;
  url?: string;
  chrome: Line[];
  afterTitle: Line[];
  /** Date lines found at the foot of the body. */
  foot?: Line[];
  /** The body's lines (for a date opening the first paragraph, and dates about other days). */
  body?: Line[];
  firstParagraph?: string;
  /** A wire dateline opening the text ("دمشق 15 ديسمبر 2016 ( شينخوا )", wire-dateline.ts), read on body[0]. */
  wireDateline?: { text: string; mention?: DateMention };
  /** The whole text, for the years it mentions. */
  text: string;
  /**
   * The archive's event the article would belong to were it published on `iso`, described (its
   * id and the evidence), or undefined: what confirms a year inferred from a weekday.
   */
  eventOn?: (iso: string) => string | undefined;
  today: CalendarDate;
}

/** The inputs with the address's date read once for the whole decision. */
interface Inputs extends DateInputs {
  urlDate?: string;
}

type Where = 'above the headline' | 'under the headline' | 'at the foot' | 'in the first paragraph' | 'in the address' | 'in the body';

const ASK = 'pass --date YYYY-MM-DD with the date the article was published';

interface Candidate {
  rank: number;
  line?: Line;
  where: Where;
  label?: DateLabel;
  entry?: DateLineEntry;
  mention?: DateMention;
  /** What the evidence says, as the messages show it. */
  describe: string;
}

const RANK = { published: 1, underHeadline: 2, foot: 3, lead: 4, aboveHeadline: 4.5, url: 5, updated: 6 } as const;

/** A time of day written on the line ("/ 00:49", "10:15 ص"). */
const TIME_ON_LINE = /(?<![\d:])\d{1,2}:\d{2}(?![\d])/;

/**
 * An unlabelled date right above the headline (the line before it, or the one before a short
 * label line) with a time of day: how some sites print the publication date (24.ae: "الخميس 27
 * يوليو 2017 / 00:49"), where others print the day's date in their header. Taken only when
 * nothing under the headline, at the foot or in the lead states a date, and only when the address
 * does not say another day.
 */
function standsRightAbove(chrome: Line[], line: Line): boolean {
  const at = chrome.indexOf(line);
  const after = chrome.slice(at + 1);
  return at >= 0 && after.length <= 1 && after.every((l) => l.text.trim().split(/\s+/).length <= 3 && !readDateLine(l.text));
}

/**
 * What confirms such a date is the page's own: the first paragraphs name its weekday ("اليوم
 * الخميس"), or the latest year the text writes is its year. A site's today-date, copied years
 * later, has neither; one copied the same week would (and is then no worse a date).
 */
function confirmsAbove(mention: DateMention, inputs: Inputs): string | undefined {
  const value = mention.value as string;
  const day = parseIsoDate(value) as CalendarDate;
  const lead = (inputs.body ?? [])
    .slice(0, 3)
    .map((l) => l.text)
    .join('\n');
  // "اليوم الخميس", "الخميس": a weekday that, counted from this date, is this date ("اليوم" alone is no sign)
  const named = findDateMentions(lead, { anchor: day }).find((m) => m.kind === 'relative' && m.weekday !== undefined && m.value === value);
  if (named) return `the text's first paragraphs name its day ("${named.text}")`;
  // the body's years, not the page's (the date line's own year is no evidence)
  const years = yearsMentioned((inputs.body ?? []).map((l) => l.text).join('\n'));
  if (years.length > 0 && years[years.length - 1] === day.year) return `the latest year the text writes is its year, ${day.year}`;
  return undefined;
}

/** More days than this after the address's date, a date line is no publication date of that address's. */
const CLOCK_DAYS = 30;

/**
 * A date line that is the copy's very first line and has no label: where a site's header prints
 * the day's date ("السبت. سبتمبر 13th, 2025" above a copy that starts at the byline, its headline
 * left out). Such a line, months after the date the address gives, is the day of copying, not a
 * publication date the address contradicts.
 */
function siteClockFirst(c: Candidate, inputs: Inputs): boolean {
  if (c.label || !c.line || c.entry?.mention?.precision !== 'day') return false;
  const indexes = [...inputs.chrome, ...inputs.afterTitle, ...(inputs.body ?? [])].map((l) => l.index);
  return indexes.length > 0 && Math.min(...indexes) === c.line.index;
}

/** "في مثل هذا اليوم", "حدث في مثل هذا اليوم", "في مثل هذا الأسبوع": a column recalling a past day. Folded. */
const ON_THIS_DAY = /^(?:حدث\s+)?في\s+مثل\s+هذا\s+(?:اليوم|الاسبوع|الشهر)(?!\p{L})/u;
/** "قبل 4 سنوات", "منذ عامين": how long ago, under a recalled date. Folded. */
const YEARS_AGO = /^(?:قبل|منذ)\s+(?:\d+\s+)?(?:سنه|سنوات|سنتين|عام|اعوام|عامين|عاما)$/u;

/**
 * A date line that recalls a past day, not the page's: under "في مثل هذا اليوم" (on this day, a
 * column of anniversaries) or over "قبل 4 سنوات" (how long ago it was). Says which, or undefined.
 */
function recalled(line: Line, byIndex: ReadonlyMap<number, string>): string | undefined {
  const fold = (t: string | undefined) => (t === undefined ? '' : toAsciiDigits(foldForDates(t).text).trim());
  for (const back of [1, 2]) if (ON_THIS_DAY.test(fold(byIndex.get(line.index - back)))) return 'under «في مثل هذا اليوم»';
  const next = byIndex.get(line.index + 1);
  if (YEARS_AGO.test(fold(next))) return `over «${next?.trim()}»`;
  return undefined;
}

function describeLine(line: Line, where: Where, label?: string): string {
  const what = label ? `the "${label}" date` : 'the date line';
  return `${what} "${line.text}" ${where === 'in the first paragraph' ? 'in the first paragraph' : where}`;
}

function gather(inputs: Inputs): { candidates: Candidate[]; seen: SeenDate[]; retrieved?: string; above?: string } {
  const candidates: Candidate[] = [];
  const seen: SeenDate[] = [];
  let retrieved: string | undefined;
  // a dated line right above the headline that may be the publication date: if another date is
  // taken, it is the scrape date after all, kept as retrieved as any other line above the headline
  let above: string | undefined;
  const byIndex = new Map([...inputs.chrome, ...inputs.afterTitle, ...(inputs.foot ?? []), ...(inputs.body ?? [])].map((l) => [l.index, l.text]));
  const addLine = (line: Line, where: Where, rankOf: (label?: DateLabel) => number | undefined) => {
    const recall = recalled(line, byIndex);
    if (recall) {
      if (readDateLine(line.text)?.some((e) => e.mention)) seen.push({ line: line.index + 1, text: line.text, where, rejected: `${recall}: a past day's date, not the page's` });
      return;
    }
    for (const entry of readDateLine(line.text) ?? []) {
      const rank = rankOf(entry.label);
      if (entry.label === 'relative') {
        seen.push({ line: line.index + 1, text: line.text, where, label: entry.label, rejected: 'an age ("منذ…") counted from when the page was copied, not a date' });
        continue;
      }
      if (!entry.mention) {
        seen.push({ line: line.index + 1, text: line.text, where, label: entry.label, rejected: 'a label with no date after it' });
        continue;
      }
      if (rank === undefined && where === 'above the headline' && entry.mention.precision === 'day' && entry.mention.value && standsRightAbove(inputs.chrome, line)) {
        const urlDate = inputs.urlDate;
        if (urlDate === entry.mention.value || (!urlDate && TIME_ON_LINE.test(toAsciiDigits(line.text)))) {
          candidates.push({ rank: RANK.aboveHeadline, line, where, entry, mention: entry.mention, describe: `the date line "${line.text}" right above the headline` });
          above ??= entry.mention.value;
          continue;
        }
      }
      if (rank === undefined) {
        const value = entry.mention.value;
        seen.push({
          line: line.index + 1,
          text: line.text,
          value,
          where,
          label: entry.label,
          rejected: "above the headline, unlabelled: the page's date when it was copied, kept as source.retrieved",
        });
        if (!retrieved && value && entry.mention.precision === 'day') retrieved = value;
        continue;
      }
      candidates.push({ rank, line, where, label: entry.label, entry, mention: entry.mention, describe: describeLine(line, where, entry.labelText) });
    }
  };
  const labelled = (fallback: number | undefined) => (label?: DateLabel) =>
    label === 'published' ? RANK.published : label === 'updated' ? RANK.updated : label === 'date' && fallback === undefined ? RANK.underHeadline : fallback;
  for (const line of inputs.chrome) addLine(line, 'above the headline', labelled(undefined));
  for (const line of inputs.afterTitle) addLine(line, 'under the headline', labelled(RANK.underHeadline));
  for (const line of inputs.foot ?? []) addLine(line, 'at the foot', labelled(RANK.foot));

  const first = inputs.body?.[0];
  if (first) {
    const lead = leadingDate(first.text);
    if (lead) {
      candidates.push({ rank: RANK.lead, line: first, where: 'in the first paragraph', mention: lead.mention, describe: `"${lead.mention.text}" opening the first paragraph` });
    }
  }
  if (first && inputs.wireDateline?.mention) {
    // the day the agency filed the story: the wire copy's publication date
    candidates.push({
      rank: RANK.lead,
      line: first,
      where: 'in the first paragraph',
      mention: inputs.wireDateline.mention,
      describe: `the wire dateline "${inputs.wireDateline.text}" opening the text`,
    });
  }
  if (inputs.firstParagraph) {
    const mention = findDateMentions(inputs.firstParagraph).find((m) => m.kind === 'explicit' && m.weekday !== undefined && (m.precision === 'day' || m.yearMissing));
    // inside a sentence: the day a source spoke (the press's own day), or an event's day
    const role = mention ? dateRoleInProse(inputs.firstParagraph, mention.start, mention.end) : undefined;
    if (mention && role?.role === 'told') {
      // "أصدر المفتشون، اليوم الإثنين 16 سبتمبر 2013، تقريرهم": no date line, the lead's "today" is the day of writing; say so
      const describe = role.today
        ? `"${mention.text}" in the first paragraph, which calls it "اليوم": the lead's today, taken as the day of writing (no date line states one)`
        : `"${mention.text}" in the first paragraph`;
      candidates.push({ rank: RANK.lead, line: first, where: 'in the first paragraph', mention, describe });
    } else if (mention && role)
      seen.push({
        line: first ? first.index + 1 : undefined,
        text: mention.text,
        value: mention.value,
        where: 'in the first paragraph',
        rejected: `inside a sentence of the first paragraph, ${role.because}: not taken as the publication date`,
      });
  }
  {
    const fromUrl = inputs.urlDate;
    if (fromUrl) {
      candidates.push({
        rank: RANK.url,
        where: 'in the address',
        mention: { start: 0, end: 0, text: fromUrl, kind: 'explicit', precision: 'day', value: fromUrl },
        describe: 'the address',
      });
    }
  }
  // Full dates inside the body are about the events it reports, not its publication.
  for (const line of (inputs.body ?? []).slice(0, 40)) {
    for (const m of findDateMentions(line.text)) {
      if (m.kind === 'explicit' && m.precision === 'day' && m.value && seen.filter((s) => s.where === 'in the body').length < 3) {
        if (candidates.some((c) => c.line === line && (c.mention?.start === m.start || (c.rank === RANK.lead && c.mention?.value === m.value)))) continue;
        if (seen.some((s) => s.line === line.index + 1 && s.text === m.text)) continue;
        seen.push({ line: line.index + 1, text: m.text, value: m.value, where: 'in the body', rejected: 'inside the body, about the day of an event it reports' });
      }
    }
  }
  return { candidates, seen, retrieved, above };
}

type Resolved = { date: string; basis: DateBasis; evidence: string } | { problem: string };

/** A candidate's date, with its year inferred, its weekday, Hijri date and day/month order checked. */
function resolve(c: Candidate, inputs: Inputs): Resolved {
  const mention = c.mention as DateMention;
  const where = c.describe;
  const todayIso = formatIsoDate(inputs.today);
  if (mention.value && mention.precision === 'day') {
    let value = mention.value;
    let evidence = where;
    if (c.rank === RANK.aboveHeadline) {
      const urlDate = inputs.urlDate;
      const confirmed = urlDate === value ? `the address says the same day` : confirmsAbove(mention, inputs);
      if (!confirmed) {
        return {
          problem: `${where} may be the page's publication date or the site's date of the day it was copied, and nothing in the text confirms it (no weekday of it in the first paragraphs, no year of it in the text); ${ASK}`,
        };
      }
      evidence = `${where}: ${confirmed}`;
    }
    if (c.entry?.twoDigitYear) {
      const year = mention.year as number;
      const confirmed = twoDigitYearConfirmed(year, c.entry.monthFirst ? [value, c.entry.monthFirst] : [value], inputs);
      if (!confirmed) {
        return {
          problem: `${where} writes its year with two digits, and nothing confirms ${year} (the address states no such day, the text writes no year or another one as its latest); ${ASK}`,
        };
      }
      evidence = `${where}, its two-digit year read as ${year}: ${confirmed}`;
    }
    const monthFirst = c.entry?.monthFirst;
    if (monthFirst) {
      const urlDate = inputs.urlDate;
      const weekdayFits = (iso: string) => (mention.weekday === undefined ? undefined : fallsOn(iso, mention.weekday));
      if (urlDate === monthFirst) {
        value = monthFirst;
        evidence = `${where}, read month first as the address's date ${urlDate} shows`;
      } else if (urlDate !== value && weekdayFits(monthFirst) === true && weekdayFits(value) === false) {
        value = monthFirst;
        evidence = `${where}, read month first: ${WEEKDAYS[mention.weekday ?? 0]} fell on ${monthFirst}`;
      } else if (urlDate !== value && mention.weekday === undefined && leadWeekdaysFit(value, inputs)?.fits === false) {
        // "4/1/2016" over "… أمس الخميس": only one order makes the lead's day the day before a Friday
        const told = leadWeekdaysFit(monthFirst, inputs);
        if (told?.fits !== true) {
          return {
            problem: `${where} may be day first (${value}) or month first (${monthFirst}), and the first paragraphs' "${leadWeekdaysFit(value, inputs)?.text}" fits neither; ${ASK}`,
          };
        }
        value = monthFirst;
        evidence = `${where}, read month first: the first paragraphs' "${told.text}" falls on its day only so`;
      } else if (urlDate !== value && weekdayFits(value) !== true && writesMonthFirst(inputs.text)) {
        return { problem: `${where} may be day first (${value}) or month first (${monthFirst}), and the text writes other dates month first; ${ASK}` };
      }
    } else if (mention.weekdayAgrees === false) {
      return { problem: `${where} names ${WEEKDAYS[mention.weekday ?? 0]}, but ${mention.value} was not a ${WEEKDAYS[mention.weekday ?? 0]}; ${ASK}` };
    }
    if (c.entry?.hijri && !c.entry.hijri.agrees) {
      return { problem: `${where}: the Hijri date "${c.entry.hijri.text}" beside it names another day than ${value}; ${ASK}` };
    }
    if (value > todayIso) return { problem: `the date found (${value}, ${evidence}) is in the future; ${ASK}` };
    return { date: value, basis: c.rank === RANK.url ? 'url' : 'stated', evidence };
  }
  if (mention.yearMissing && mention.month && mention.day) {
    if (mention.weekday === undefined) return { problem: `${where} has no year and no weekday to infer it from; ${ASK}` };
    const mentioned = yearsMentioned(inputs.text).filter((y) => y <= inputs.today.year);
    if (mentioned.length === 0) return { problem: `${where} has no year, and the article names no year to infer it from; ${ASK}` };
    const earliest = Math.max(...mentioned);
    const latest = Math.min(earliest + 5, inputs.today.year);
    // the years from `earliest` to `until` in which that day fell on that weekday, none of them in the future
    const fitting = (until: number) =>
      yearsMatchingWeekday(mention.month as number, mention.day as number, mention.weekday as number, earliest, until).filter(
        (y) => formatIsoDate({ year: y, month: mention.month as number, day: mention.day as number }) <= todayIso,
      );
    const years = fitting(latest);
    if (years.length === 1) {
      const year = years[0] as number;
      const date = formatIsoDate({ year, month: mention.month, day: mention.day });
      // The weekday alone fits a year in five or six: the text must say the year is right.
      const bodyYears = yearsMentioned((inputs.body ?? []).map((l) => l.text).join('\n'));
      const event = inputs.eventOn?.(date);
      const confirmed = bodyYears.includes(year) ? `the text names ${year}` : event ? `the article's event ${event} spans that day` : undefined;
      if (!confirmed) {
        const fits = fitting(inputs.today.year);
        return {
          problem: `${where} has no year; ${WEEKDAYS[mention.weekday]} fell on that day in ${fits.join(' and ')} since ${earliest}, and nothing in the text confirms ${year} (the text does not name it, and no event of the archive the article belongs to spans ${date}); ${ASK}`,
        };
      }
      return {
        date,
        basis: 'inferred',
        evidence: `${where}: ${WEEKDAYS[mention.weekday]} fell on that day in ${year} (the article's years run from ${earliest}), confirmed: ${confirmed}`,
      };
    }
    const which = years.length === 0 ? 'in no year' : `in ${years.join(' and ')}`;
    return { problem: `${where} has no year; ${WEEKDAYS[mention.weekday]} fell on that day ${which} between ${earliest} and ${latest}; ${ASK}` };
  }
  return { problem: `${where} is not a full date; ${ASK}` };
}

/**
 * A two-digit year ("نُشر: 01/09/17") is read day first in this century, but a page may write
 * yy/mm/dd or mm/dd/yy: it is taken only when the address names the day (in one of the
 * day/month orders) or the latest year the body writes is that year (as confirmsAbove reads it).
 */
function twoDigitYearConfirmed(year: number, readings: string[], inputs: Inputs): string | undefined {
  if (inputs.urlDate && readings.includes(inputs.urlDate)) return `the address says ${inputs.urlDate}`;
  const years = yearsMentioned((inputs.body ?? []).map((l) => l.text).join('\n'));
  if (years.length > 0 && years[years.length - 1] === year) return `the latest year the text writes`;
  return undefined;
}

/**
 * Do the weekdays the first paragraphs count from the publication day ("أمس الخميس", "اليوم
 * الجمعة") fall on the days they name, counted from `iso`? Undefined when they name none; a bare
 * weekday ("الخميس") fits every day and tells nothing.
 */
function leadWeekdaysFit(iso: string, inputs: Inputs): { fits: boolean; text: string } | undefined {
  const anchor = parseIsoDate(iso);
  if (!anchor) return undefined;
  const lead = (inputs.body ?? [])
    .slice(0, 3)
    .map((l) => l.text)
    .join('\n');
  const told = findDateMentions(lead, { anchor }).filter((m) => m.kind === 'relative' && m.weekday !== undefined && m.precision === 'day' && m.value);
  if (told.length === 0) return undefined;
  const wrong = told.find((m) => !fallsOn(m.value as string, m.weekday as number));
  return { fits: !wrong, text: (wrong ?? (told[0] as DateMention)).text };
}

/** Does the text write a numeric date that can only be read month first (03/23/2019)? */
function writesMonthFirst(text: string): boolean {
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](?:19|20)\d\d(?!\d)/g)) {
    if (Number(m[1]) <= 12 && Number(m[2]) > 12 && Number(m[2]) <= 31) return true;
  }
  return false;
}

export function decidePublicationDate(given: DateInputs): DateDecision {
  const inputs: Inputs = { ...given, urlDate: given.url ? dateFromUrl(given.url) : undefined };
  const todayIso = formatIsoDate(inputs.today);
  if (inputs.explicit) {
    if (!parseIsoDate(inputs.explicit)) return { problem: `--date ${inputs.explicit} is not a real date written YYYY-MM-DD`, seen: [] };
    const gathered = gather(inputs);
    const retrieved = gathered.retrieved ?? gathered.above;
    const decision: DateDecision = { date: inputs.explicit, basis: 'editor', evidence: '--date', seen: [] };
    if (retrieved && retrieved <= todayIso && retrieved >= inputs.explicit) decision.retrieved = retrieved;
    return decision;
  }
  const { candidates, seen, retrieved: scraped, above } = gather(inputs);
  let retrieved = scraped;
  const ranks = [...new Set(candidates.map((c) => c.rank))].sort((a, b) => a - b);
  let firstProblem: string | undefined;
  let decision: DateDecision | undefined;
  let conflict = false;
  const record = (c: Candidate, rejected?: string, value?: string) =>
    seen.push({
      line: c.line ? c.line.index + 1 : undefined,
      text: c.line?.text ?? c.mention?.text ?? '',
      value: value ?? c.mention?.value,
      where: c.where,
      label: c.label,
      rejected,
    });
  for (const rank of ranks) {
    const atRank = candidates.filter((c) => c.rank === rank);
    const taken: Array<{ c: Candidate; r: { date: string; basis: DateBasis; evidence: string } }> = [];
    for (const c of atRank) {
      const r = resolve(c, inputs);
      if ('problem' in r) {
        firstProblem ??= r.problem;
        record(c, r.problem.replace(/; pass --date.*$/, ''));
        // A date the page states but that contradicts itself (its weekday, its Hijri date, its
        // day/month order, the calendar) stops the search: a weaker sign must not paper over it.
        if (!/not a full date|has no year/.test(r.problem)) conflict = true;
      } else taken.push({ c, r });
    }
    if (conflict) break;
    if (taken.length === 0) continue;
    const values = [...new Set(taken.map((t) => t.r.date))];
    if (values.length > 1) {
      for (const t of taken) record(t.c, 'another date of the same standing disagrees', t.r.date);
      firstProblem = `the page states two publication dates (${taken.map((t) => `${t.r.date} from ${t.c.describe}`).join('; ')}); ${ASK}`;
      break;
    }
    const chosen = taken[0] as (typeof taken)[number];
    // A stated date and the address's own date should agree (a day apart is a time zone).
    const urlDate = inputs.urlDate;
    const apart = urlDate ? daysBetween(parseIsoDate(urlDate) as CalendarDate, parseIsoDate(chosen.r.date) as CalendarDate) : 0;
    if (urlDate && rank < RANK.url && apart > CLOCK_DAYS && siteClockFirst(chosen.c, inputs)) {
      // the copy's first line, unlabelled, months or years after the address's date: the site's clock on the day it was copied
      record(
        chosen.c,
        `the first line of the copy, unlabelled, ${apart} days after the address's date: the site's date when it was copied, kept as source.retrieved`,
        chosen.r.date,
      );
      retrieved ??= chosen.r.date;
      continue;
    }
    if (urlDate && rank < RANK.url && Math.abs(apart) > 1) {
      record(chosen.c, `the address says ${urlDate}`, chosen.r.date);
      firstProblem = `${chosen.c.describe} says ${chosen.r.date} but the address says ${urlDate}; ${ASK}`;
      break;
    }
    for (const t of taken.slice(1)) record(t.c, 'the same date again', t.r.date);
    record(chosen.c, undefined, chosen.r.date);
    const evidence = rank === RANK.updated ? `${chosen.r.evidence} (an update date: the page states no other)` : chosen.r.evidence;
    decision = { date: chosen.r.date, basis: chosen.r.basis, evidence, line: chosen.c.line ? chosen.c.line.index + 1 : undefined, seen };
    if (rank !== RANK.aboveHeadline) retrieved ??= above;
    for (const c of candidates.filter((x) => x.rank > rank)) record(c, `a weaker sign than ${chosen.c.describe}`);
    break;
  }
  if (!decision) {
    const base = firstProblem ?? `no publication date found in the text; ${ASK}`;
    const listed = seen.filter((s) => s.rejected && !base.startsWith(s.rejected));
    const problem = listed.length === 0 ? base : `${base}; dates seen: ${listed.map(describeSeen).join('; ')}`;
    return { problem, seen, ...(retrieved && retrieved <= todayIso ? { retrieved } : {}) };
  }
  if (retrieved && retrieved <= todayIso && retrieved >= (decision.date as string)) decision.retrieved = retrieved;
  return decision;
}

function describeSeen(s: SeenDate): string {
  const at = s.line ? `line ${s.line} ` : '';
  return `${at}"${s.text}" (${s.rejected})`;
}
