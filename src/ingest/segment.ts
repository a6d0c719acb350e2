/**
 * Cuts a raw text into its parts: the page chrome above the headline, the headline, the lines
 * between headline and body (date lines, labels), the body, the sign-offs at its foot, material
 * the page appended (a gallery under a repeated heading), and what follows an end marker.
 * Every line dropped is kept in `dropped` with the reason, so nothing vanishes unreported.
 */
import { foldArabic } from '../arabic/normalise.ts';
import { TIME_OF_DAY } from '../arabic/dates.ts';
import { toAsciiDigits } from '../arabic/digits.ts';
import { appendixStart } from './appendix.ts';
import { isTimeFragment, labelledDateLead, leadingDate, readDateLine } from '../arabic/date-line.ts';
import type { ClutterRules } from './clutter-rules.ts';
import { chooseHeadline, DATELINE, isProse, lineHoldsHeadline, sameHeadline, type HeadlineCandidate } from './headline.ts';
import { endsLikeSentence, wordCount, type Line } from './lines.ts';
import { parseSignoff, type Signoff, type SignoffIndex } from './signoff.ts';
import { wireDateline } from './wire-dateline.ts';

export interface DroppedLine {
  line: Line;
  reason: string;
}

export interface Segments {
  /** Lines above the headline (navigation, section labels, the scrape-time date). */
  chrome: Line[];
  title: Line | undefined;
  /** Between headline and body: date lines, labels, counters. */
  afterTitle: Line[];
  /** Date lines at the foot of the body, among or after the sign-offs. */
  foot: Line[];
  /** How the headline was chosen: the candidates, best first (empty with --title). */
  headlineCandidates: HeadlineCandidate[];
  /** Set when two candidates are too close to call: the headline is not chosen. */
  headlineAmbiguous?: HeadlineCandidate[];
  /** Set when the line found does not match the address's slug (headlineAmbiguous holds it). */
  headlineSlugDisagrees?: boolean;
  /** Set when the line found is a short line nothing confirms (headlineAmbiguous holds it). */
  headlineUnconfirmedShort?: boolean;
  headlineUnconfirmedSubhead?: boolean;
  /** Set when the line found is one the text does not speak of and nothing confirms (headlineAmbiguous holds it). */
  headlineUnrelated?: boolean;
  /** Set when the line found reads as the lead's first sentence, with what says so (headlineAmbiguous holds it). */
  headlineLeadSentence?: string[];
  /** Set when the line found stands under a line that reads as the lead's first sentence: that line and what says so (headlineAmbiguous holds the line found). */
  headlineUnderLead?: { line: Line; signs: string[] };
  /** The likeliest headline stands in one part of an aggregator's wrapper: the words found. */
  headlineWrapperUncertain?: string;
  body: Line[];
  signoffs: Array<{ line: Line; signoff: Signoff }>;
  /** Material appended to the page that is not the article. */
  appendix: Line[];
  dropped: DroppedLine[];
}

export interface SegmentOptions {
  clutter: ClutterRules;
  signoffs: SignoffIndex;
  /** True for a line that is an outlet's name or header ("شبكة روج آفا الإعلامية"). */
  isOutletHeader(line: string): boolean;
  /** The article's address (its slug is evidence for the headline). */
  url?: string;
  /** The headline the user gave (--title): the line that says it is the headline, if any. */
  title?: string;
}

/** A date line: one that states a date (or a date's label), and nothing else. */
const isDateLine = (text: string) => readDateLine(text) !== undefined;

/**
 * "نشر في الشرق الاوسط", "Published in سياسة": the section a page filed the article in, after a
 * publication label (Joomla's "Published in"), with no date.
 */
const SECTION_FILED = /^\s*(?:نشر|نشرت|نُشر|نُشرت|Published)\s+(?:في|ضمن|in)\s+[\p{L}\s]{2,30}$/u;

/** A short line that names a section or a widget rather than saying something. */
export function isLabel(text: string): boolean {
  return wordCount(text) <= 3 && text.length <= 30 && !endsLikeSentence(text);
}

/**
 * Where a date line may begin after a label or byline: after a bar, a spaced dash, a comma, "on",
 * a space before a date's label; after a space or nothing at all ("فريق التحرير14 مايو 2025")
 * only after a byline.
 */
const BEFORE_DATE = /\s*\|\s*|\s+[-–—]\s+|\s*[،,]\s*|\s+on\s+|\s+|(?<=\p{L})(?=\p{N})/giu;

/**
 * "أخبار | 24 يوليو 2017", "بقلم: فلان - 12 مارس 2019", "By NAME, Published 12 March 2019, Last
 * updated 14 March 2019", "الكاتب: فلان التاريخ: 12 مارس 2019": a section label or a byline, then
 * the date line, on one line. The date line is the rest of the line after the first separator
 * that leaves a byline (signoff.ts: "بقلم: فلان", "By NAME", "الكاتب: فلان") before it, or a short label
 * (isLabel) before a bar; after a bare space the rest must open with a date's label. A label
 * before a comma or a dash is not split off: a headline may end so ("حصاد اليوم، 22/12/2016").
 * The date line's labels (published, updated) are read as on a line of their own.
 */
function labelThenDate(text: string, signoffs: SignoffIndex): [string, string] | undefined {
  for (const m of text.matchAll(BEFORE_DATE)) {
    const before = text.slice(0, m.index).trim();
    const after = text.slice(m.index + m[0].length).trim();
    if (!before || !after) continue;
    const entries = readDateLine(after);
    if (!entries?.some((e) => e.mention)) continue;
    const byline = parseSignoff(before, signoffs)?.kind === 'byline';
    const first = entries[0];
    const labelled = !!first?.label && after.startsWith(first.labelText ?? '\u0000');
    // after a bare space or nothing, a byline and then the date itself: "by Samer Haddad 4 نيسان، 2021"
    // splits after the name, not inside it ("Haddad 4 نيسان 2021 10:30" is a word framing a date)
    const opensWithDate = !!first?.mention && !first.label && !/\p{L}/u.test(first.text.slice(0, first.mention.start));
    if (m[0].trim() === '' && !labelled && !(byline && opensWithDate)) continue;
    // a section label only before a bar (as before): a headline may end in "، 22/12/2016"
    if (m[0].trim() === '|' && isLabel(before)) return [before, after];
    if (byline) return [before, after];
  }
  return undefined;
}

/**
 * "الساعة 02:09 مساءً | (هايدي نصر )": a time of day with no date, perhaps with who wrote it after a
 * bar or a dash: the page's clock line, between headline and body.
 */
const CLOCK_LINE = new RegExp(`^\\s*(?:${TIME_OF_DAY})\\s*(?:[|•·\\-–—]\\s*[([]?\\s*[\\p{L}.]+(?:\\s+[\\p{L}.]+){0,3}\\s*[)\\]]?)?\\s*$`, 'u');
const isClockLine = (text: string) => CLOCK_LINE.test(toAsciiDigits(text));

/** A time of day, hours and minutes: what says where a date line ends before a label glued after it. */
const CLOCK = /\d{1,2}:\d{2}/u;

/**
 * "السبت 2015-06-06 08:54:25 أخبار الميدان": a date line with its time of day, then a section's
 * label after a space or a separator. The two are cut apart (the label kept as a line of its
 * own, for the chrome or the clutter rules), so that the date line reads as one. Only after a
 * time of day, where a date line ends for sure, and only a label (three words at most, no
 * digit, no sentence's end): a headline run into its date line is left as it was.
 */
function dateThenLabel(text: string): [string, string] | undefined {
  for (const m of text.matchAll(/\s*[|•·\-–—]\s*|\s+/gu)) {
    const before = text.slice(0, m.index).trim();
    const after = text.slice(m.index + m[0].length).trim();
    if (!before || !after || !CLOCK.test(before) || /\p{N}/u.test(after) || !isLabel(after)) continue;
    if (readDateLine(before)?.some((e) => e.mention)) return [before, after];
  }
  return undefined;
}

/** "date 2026-01-22 شفق نيوز- نينوى": a labelled date opening one of the first lines is a line of its own. */
function splitLeadingDates(lines: Line[], signoffs: SignoffIndex): Line[] {
  return lines.flatMap((line, n) => {
    const end = n < 5 ? labelledDateLead(line.text) : undefined;
    if (end !== undefined)
      return [
        { index: line.index, text: line.text.slice(0, end).trim() },
        { index: line.index, text: line.text.slice(end).trim() },
      ];
    // a label or a byline, and the date line, one after the other
    const split = n < 12 && line.text.length <= 200 && !isDateLine(line.text) ? (labelThenDate(line.text, signoffs) ?? dateThenLabel(line.text)) : undefined;
    if (split) return split.map((text) => ({ index: line.index, text }));
    return [line];
  });
}

export function segment(rawLines: Line[], options: SegmentOptions): Segments {
  const lines = splitLeadingDates(rawLines, options.signoffs);
  const dropped: DroppedLine[] = [];
  const drop = (line: Line, reason: string) => dropped.push({ line, reason });

  // 1. The headline: the user's (--title), or the candidate line with the best evidence.
  const chrome: Line[] = [];
  let i = 0;
  let title: Line | undefined;
  let headlineCandidates: HeadlineCandidate[] = [];
  const empty = (extra: Partial<Segments> = {}): Segments => ({
    chrome,
    title,
    afterTitle: [],
    foot: [],
    body: [],
    signoffs: [],
    appendix: [],
    dropped,
    headlineCandidates,
    ...extra,
  });
  const isByline = (text: string) => {
    const kind = parseSignoff(text, options.signoffs)?.kind;
    return kind === 'byline' || kind === 'source';
  };
  if (options.title !== undefined) {
    const given = options.title;
    // the line as the user gave it, or else the one line that holds it with a badge or a label beside it
    const exact = lines.findIndex((l) => sameHeadline(l.text, given));
    const holding = exact >= 0 ? [] : lines.filter((l) => lineHoldsHeadline(l.text, given));
    const at = exact >= 0 ? exact : holding.length === 1 ? lines.indexOf(holding[0] as Line) : -1;
    if (at >= 0) {
      for (const line of lines.slice(0, at)) {
        chrome.push(line);
        drop(line, 'page chrome above the headline');
      }
      title = { index: (lines[at] as Line).index, text: options.title };
      i = at + 1;
    } else {
      title = { index: -1, text: options.title };
    }
  } else {
    const choice = chooseHeadline(lines, {
      isClutter: options.clutter.isClutter,
      isOutletHeader: options.isOutletHeader,
      isByline,
      opensWithWireDateline: (text) => wireDateline(text, options.signoffs.agency) !== undefined,
      url: options.url,
    });
    headlineCandidates = choice.candidates;
    if (!choice.best) return empty();
    if (choice.slugDisagrees) return empty({ headlineAmbiguous: [choice.best], headlineSlugDisagrees: true });
    if (choice.unconfirmedShort) return empty({ headlineAmbiguous: [choice.best], headlineUnconfirmedShort: true });
    if (choice.unconfirmedSubhead) return empty({ headlineAmbiguous: [choice.best], headlineUnconfirmedSubhead: true });
    if (choice.leadSentence) return empty({ headlineAmbiguous: [choice.best], headlineLeadSentence: choice.leadSentence });
    if (choice.underLead) return empty({ headlineAmbiguous: [choice.best], headlineUnderLead: choice.underLead });
    if (choice.wrapperUncertain) return empty({ headlineAmbiguous: [choice.best], headlineWrapperUncertain: choice.wrapperUncertain });
    if (choice.unrelated) return empty({ headlineAmbiguous: [choice.best], headlineUnrelated: true });
    if (choice.close && choice.best && choice.runnerUp) return empty({ headlineAmbiguous: [choice.best, choice.runnerUp] });
    const start = choice.start ?? choice.best.at;
    for (const line of lines.slice(0, start)) {
      chrome.push(line);
      drop(line, 'page chrome above the headline');
    }
    title = choice.best.line;
    // found lower down (its repeat inside the text): the text runs on from where it began
    i = choice.start ?? choice.best.at + 1;
  }

  // 2. Everything from an end marker on belongs to other articles.
  let end = lines.length;
  for (let j = i; j < lines.length; j++) {
    if (options.clutter.isEndMarker((lines[j] as Line).text)) {
      end = j;
      break;
    }
  }
  for (const line of lines.slice(end)) drop(line, 'after an end marker (related articles, read also)');

  // 3. Clutter anywhere, and repeats of the headline.
  const titleKey = foldArabic(title.text);
  const rest: Line[] = [];
  for (const line of lines.slice(i, end)) {
    if (options.clutter.isClutter(line.text)) drop(line, 'clutter (content/data/clutter.yml)');
    else if (foldArabic(line.text) === titleKey) drop(line, 'repeated headline');
    else rest.push(line);
  }

  // 4. Between headline and body: date lines, labels, outlet headers, bylines; a date line after
  // a subheadline or a byline too (the subheadline stays, as the body's lead).
  const afterTitle: Line[] = [];
  const headSignoffs: Segments['signoffs'] = [];
  let k = 0;
  for (; k < rest.length; k++) {
    const line = rest[k] as Line;
    const signoff = parseSignoff(line.text, options.signoffs);
    if (signoff?.kind === 'byline') {
      afterTitle.push(line);
      headSignoffs.push({ line, signoff });
    } else if (isDateLine(line.text) || isLabel(line.text) || SECTION_FILED.test(line.text) || options.isOutletHeader(line.text)) {
      afterTitle.push(line);
      if (!isDateLine(line.text)) drop(line, 'label between headline and body');
    } else if (isClockLine(line.text)) {
      afterTitle.push(line);
      drop(line, 'a time of day (and who wrote it) between headline and body');
    } else if (isTimeFragment(line.text) && rest.slice(k + 1, k + 4).some((l) => isDateLine(l.text))) {
      // "٠٣:" / "٠٨" / "م +02:00 EET" above "الجمعة ٩ مارس ٢٠١٨": the page's clock, split over lines by the copy
      afterTitle.push(line);
      drop(line, 'a time of day split from its date line');
    } else if (DATELINE.test(line.text)) {
      // "دمشق - (د ب أ)": the bureau and the agency credited
      afterTitle.push(line);
      const credit = parseSignoff(line.text.slice(line.text.indexOf('(')), options.signoffs);
      if (credit) headSignoffs.push({ line, signoff: credit });
      else drop(line, 'bureau and credit line between headline and body');
    } else {
      break;
    }
  }
  let body = rest.slice(k);
  // A byline under a subheadline ("الحسكة – عنب بلدي – فلان" after the standfirst) leaves the
  // body as it would under the headline; the subheadline stays, as the body's lead.
  const underSub = body[1] && body[0] && !isProse(body[0].text) ? parseSignoff(body[1].text, options.signoffs) : undefined;
  if (underSub?.kind === 'byline' && body[1]) {
    afterTitle.push(body[1]);
    headSignoffs.push({ line: body[1], signoff: underSub });
    body = [body[0] as Line, ...body.slice(2)];
  }
  if (!afterTitle.some((l) => readDateLine(l.text)?.some((e) => e.mention))) {
    const at = body.slice(0, 3).findIndex((l) => readDateLine(l.text)?.some((e) => e.mention));
    if (at > 0 && body.slice(0, at).every((l) => !isDateLine(l.text))) {
      afterTitle.push(body[at] as Line);
      body = [...body.slice(0, at), ...body.slice(at + 1)];
    }
  }
  // "٢٣ مارس ٢٠١٩أعلنت …": a date glued to the text's first words is the date line.
  const glued = body[0] && !afterTitle.some((l) => isDateLine(l.text)) ? leadingDate(body[0].text) : undefined;
  if (glued && body[0]) {
    afterTitle.push({ index: body[0].index, text: body[0].text.slice(0, glued.rest).trim() });
    body = [{ index: body[0].index, text: body[0].text.slice(glued.rest) }, ...body.slice(1)];
  }

  // 5. Appended material: from a heading that opens a gallery's blocks on (appendix.ts says
  // what counts as evidence; a separator or a repeated line is not).
  const start = appendixStart(body);
  const appendix = start >= 0 ? body.slice(start) : [];
  body = start >= 0 ? body.slice(0, start) : body;

  // 6. Sign-offs at the foot of the body (and trailing labels and date lines among them).
  const signoffs: Segments['signoffs'] = [];
  const foot: Line[] = [];
  while (body.length > 0) {
    const last = body[body.length - 1] as Line;
    const signoff = parseSignoff(last.text, options.signoffs);
    if (signoff) signoffs.unshift({ line: last, signoff });
    else if (readDateLine(last.text)?.some((e) => e.mention)) foot.unshift(last);
    else if (isLabel(last.text)) drop(last, 'label after the body');
    else break;
    body = body.slice(0, -1);
  }
  signoffs.unshift(...headSignoffs);
  return { chrome, title, afterTitle, foot, body, signoffs, appendix, dropped, headlineCandidates };
}
