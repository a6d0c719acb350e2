/**
 * One raw article, as bytes, to a normalised article: decoding, invisible-character cleanup,
 * segmentation, metadata (outlet, date, agencies, author, places, events, tags), the body as
 * Markdown and appended material kept apart. Pure: reads and writes no files.
 */
import { decodeBytes } from '../arabic/decode.ts';
import { cleanInvisible } from '../arabic/invisible.ts';
import { createPlaceMatcher, placeNamesIn } from '../arabic/place-matcher.ts';
import { slugFromArabic } from '../arabic/transliterate.ts';
import type { CalendarDate } from '../arabic/calendar.ts';
import { articleSchema, type ArticleFrontMatter } from '../content/schema.ts';
import { buildAppendix } from './appendix.ts';
import { compileClutter } from './clutter-rules.ts';
import { eventDecisions, eventHolds, LEAD_MIN_WORDS, NO_EVENT, type EventDecision } from './events.ts';
import type { IngestData } from '../content/ingest-data.ts';
import { toLines } from './lines.ts';
import { bodyToMarkdown } from './markdown-body.ts';
import { proposeOutlet, type NewOutlet } from './new-outlet.ts';
import { decideOutlet } from './outlet.ts';
import { lineCredits, looksLikeOutletName } from './outlet-credits.ts';
import { listingAddress, listingText } from './listing.ts';
import { createOutletNames } from './outlet-names.ts';
import { decidePublicationDate } from './publication-date.ts';
import { describeCandidate } from './headline.ts';
import { segment } from './segment.ts';
import { createSignoffIndex, personAuthor } from './signoff.ts';
import { wireDateline } from './wire-dateline.ts';
import { savedPageKind } from './page/detect.ts';
import { pageAuthor, pageHeadlineTaken, pageInAnotherLanguage, pageOutletEvidence, reconcilePageDate, reconcilePageOutlet } from './page/page-evidence.ts';
import type { readSavedPage, SavedPage } from './page/saved-page.ts';
import type { NormalisedArticle } from './types.ts';

export interface IngestOptions {
  url?: string;
  outlet?: string;
  date?: string;
  event?: string;
  /** Add an outlet the text or address names but outlets.yml lacks (see new-outlet.ts). */
  newOutlet?: boolean;
  /** The headline, when the text's own cannot be told (--title). */
  title?: string;
  /** Where the raw text will be kept, relative to content/: `sources/NAME`. */
  sourceFile: string;
  sha256: string;
  /** Today, for "never in the future". */
  today: CalendarDate;
  /** Ids already taken (the new id gets a suffix rather than clash). */
  takenIds: Set<string>;
  /** Put U+FFFD in place of the damaged bytes of a damaged UTF-8 file (`--repair`). */
  repair?: boolean;
}

export interface IngestReport {
  encoding?: string;
  /** Damaged UTF-8 byte sequences replaced by U+FFFD (`--repair`). */
  repaired?: number;
  invisibleRemoved: number;
  dropped: Array<{ line: number; text: string; reason: string }>;
  /** Lines moved out of the body as appended material (related_material), with their line numbers. */
  keptApart: Array<{ line: number; text: string }>;
  outletEvidence: string[];
  /** The outlets.yml entry to add (with --new-outlet). */
  newOutlet?: NewOutlet;
  dateEvidence?: string;
  /** The events considered by evidence and why each was or was not assigned (none with --event). */
  eventDecisions: EventDecision[];
  /** For a saved web page: what its metadata said and where the headline and author came from. */
  page?: { kind: string; readability: boolean; headlineEvidence?: string; authorEvidence?: string; address?: string; captionsLeftOut: number; metadata: SavedPage['metadata'] };
  /** The headline taken and why (or the candidates, when none was taken). */
  headline?: string;
  headlineEvidence?: string;
  headlineCandidates?: string[];
  /** The outlet and the date taken (also when the article is refused for something else). */
  outlet?: string;
  date?: string;
  dateBasis?: string;
  /** 1-based line of the raw text the date came from. */
  dateLine?: number;
  /** Every date seen on the page and why each was not taken. */
  datesSeen?: Array<{ line?: number; text: string; value?: string; where: string; rejected?: string }>;
}

export type IngestResult =
  | { status: 'ok'; article: NormalisedArticle; report: IngestReport }
  | { status: 'needs-input'; problems: string[]; report: IngestReport }
  | { status: 'unusable'; problems: string[]; report: IngestReport };

/** Matchers and rules compiled once per run, shared by every file of the run. */
export function prepare(data: IngestData) {
  const places = Object.entries(data.content.places.entries).map(([slug, p]) => ({ slug, name: p.name, variants: p.variants, needsContext: p.needs_context }));
  const outlets = data.content.outlets.entries;
  const outletNames = createOutletNames(outlets);
  // A line that is an outlet's name, or its masthead with a section ("عنب بلدي | سياسة"), is no headline.
  const isOutletHeader = (line: string) =>
    outletNames.lookup(line).length > 0 ||
    (line.split(/\s+/).length <= 6 &&
      lineCredits(line).some((c) =>
        c.form === 'masthead' ? outletNames.lookup(c.name).length > 0 : c.form === 'byline' && (outletNames.lookup(c.name).length > 0 || looksLikeOutletName(c.name)),
      ));
  return {
    data,
    matchPlaces: createPlaceMatcher(places),
    clutter: compileClutter(data.clutter),
    outletNames,
    signoffs: createSignoffIndex(data.agencies, outletNames),
    isOutletHeader,
  };
}
export type Prepared = ReturnType<typeof prepare>;

/** Reads a saved page (HTML, MHTML) as its article's text; see ./page/saved-page.ts. */
export type SavedPageReader = typeof readSavedPage;

/**
 * The saved-page reader, loaded on demand: it pulls in linkedom and @mozilla/readability, about
 * a second of start-up that a plain text (and `add --help`) does not need.
 */
export async function loadSavedPageReader(): Promise<SavedPageReader> {
  return (await import('./page/saved-page.ts')).readSavedPage;
}

/** `readPage` is needed only when `bytes` is a saved page (savedPageKind): load it with loadSavedPageReader(). */
export function normaliseArticle(bytes: Uint8Array, options: IngestOptions, prepared: Prepared, readPage?: SavedPageReader): IngestResult {
  const report: IngestReport = { invisibleRemoved: 0, dropped: [], keptApart: [], outletEvidence: [], eventDecisions: [] };
  // A page saved from a browser is read as its article's text, its metadata kept as evidence.
  const pageKind = savedPageKind(bytes);
  if (pageKind && !readPage) throw new Error('normaliseArticle: a saved page was given without its reader (loadSavedPageReader())');
  const saved = pageKind && readPage ? readPage(bytes, pageKind) : undefined;
  if (saved && !saved.ok) return { status: 'unusable', problems: [saved.message], report };
  const page = saved?.ok ? saved.page : undefined;
  const decoded = saved?.ok ? saved : decodeBytes(bytes, { repair: options.repair });
  if (!decoded.ok) return { status: decoded.reason === 'damaged' ? 'needs-input' : 'unusable', problems: [decoded.message], report };
  if (page)
    report.page = {
      kind: page.kind,
      readability: page.readability,
      headlineEvidence: page.headline.evidence,
      address: page.address?.text,
      captionsLeftOut: page.captionsLeftOut,
      metadata: page.metadata,
    };
  const url = options.url ?? page?.address?.text;
  report.encoding = decoded.encoding;
  if ('repaired' in decoded && decoded.repaired) report.repaired = decoded.repaired;
  const cleaned = cleanInvisible(decoded.text);
  report.invisibleRemoved = cleaned.removed;
  const text = cleaned.text;
  if (!/\p{Script=Arabic}/u.test(text))
    return { status: 'unusable', problems: ['holds no Arabic text; Arshif archives Arabic articles: add the Arabic original (or check that this is the file you meant)'], report };
  const notArabic = page ? pageInAnotherLanguage(page.metadata, text) : undefined;
  if (notArabic) return { status: 'unusable', problems: [notArabic], report };

  const lines = toLines(text);
  // A saved page's headline, where its <h1> and metadata agree, is taken as given (like --title).
  const pageTitle = page && !page.headline.problem ? page.headline.text : undefined;
  const seg = segment(lines, { ...prepared, url: options.url, title: options.title ?? pageTitle });
  report.dropped = seg.dropped.map((d) => ({ line: d.line.index + 1, text: d.line.text, reason: d.reason }));
  // A page whose <h1> and metadata name different headlines: ask, before anything else.
  if (page?.headline.problem) return { status: 'needs-input', problems: [page.headline.problem], report };
  report.keptApart = seg.appendix.map((l) => ({ line: l.index + 1, text: l.text }));
  report.headlineCandidates = seg.headlineCandidates.slice(0, 5).map(describeCandidate);
  // A page listing many articles (an archive's month, a tag): its first item is no headline.
  const listing = options.title === undefined ? ((url ? listingAddress(url) : undefined) ?? listingText(lines)) : undefined;
  if (listing)
    return {
      status: 'needs-input',
      problems: [`this is a page listing many articles, not one article: ${listing}; add the article's own page (or its text), or pass --title "…" if it is one article`],
      report,
    };
  if (seg.headlineSlugDisagrees && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    return {
      status: 'needs-input',
      problems: [
        `the likeliest headline, line ${c.line.index + 1} "${c.line.text}", does not match the address's slug, and no line does; pass --title "…" with the headline as published`,
      ],
      report,
    };
  }
  if (seg.headlineUnconfirmedSubhead && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    return {
      status: 'needs-input',
      problems: [
        `the likeliest headline, line ${c.line.index + 1} "${c.line.text}", has the shape of the text's section heads below it and nothing else confirms it (the text may start under its headline); pass --title "…" with the headline as published`,
      ],
      report,
    };
  }
  if (seg.headlineUnconfirmedShort && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    return {
      status: 'needs-input',
      problems: [
        `the likeliest headline, line ${c.line.index + 1} "${c.line.text}", is a short line that nothing else confirms (a tag or a photo's label stands there as often); pass --title "…" with the headline as published`,
      ],
      report,
    };
  }
  if (seg.headlineLeadSentence && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    return {
      status: 'needs-input',
      problems: [
        `the likeliest headline, line ${c.line.index + 1} "${c.line.text}", reads as the first sentence of the text (${seg.headlineLeadSentence.join(', ')}) and nothing confirms it (the copy may start under its headline); pass --title "…" with the headline as published`,
      ],
      report,
    };
  }
  if (seg.headlineUnderLead && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    const lead = seg.headlineUnderLead;
    return {
      status: 'needs-input',
      problems: [
        `the likeliest headline, line ${c.line.index + 1} "${c.line.text}", stands under line ${lead.line.index + 1}, which reads as the text's first sentence (${lead.signs.join(', ')}): a headline stands above its lead, so the copy may start under its headline and this be a section head; pass --title "…" with the headline as published`,
      ],
      report,
    };
  }
  if (seg.headlineWrapperUncertain && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    return {
      status: 'needs-input',
      problems: [
        `the likeliest headline, line ${c.line.index + 1} "${c.line.text}", stands in part of an aggregator's wrapper (${seg.headlineWrapperUncertain}) and the headline inside it is not certain; pass --title "…" with the headline as published`,
      ],
      report,
    };
  }
  if (seg.headlineUnrelated && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    return {
      status: 'needs-input',
      problems: [
        `the likeliest headline, line ${c.line.index + 1} "${c.line.text}", is a line the text does not speak of and nothing else confirms (an item of a listing, a site's slogan or a promo stands there when the copy holds no headline); pass --title "…" with the headline as published`,
      ],
      report,
    };
  }
  if (seg.headlineAmbiguous) {
    const shown = seg.headlineAmbiguous.map((c) => `line ${c.line.index + 1} "${c.line.text}" (score ${c.score})`).join(' or ');
    return { status: 'needs-input', problems: [`two lines could be the headline: ${shown}; pass --title "…" with the headline as published`], report };
  }
  if (!seg.title)
    return { status: 'needs-input', problems: ['no headline found (a line of 4 to 40 words above the text); pass --title "…" with the headline as published'], report };
  report.headline = seg.title.text;
  const top = seg.headlineCandidates[0];
  report.headlineEvidence =
    options.title !== undefined
      ? '--title'
      : pageTitle !== undefined
        ? `the saved page: ${page?.headline.evidence ?? 'its headline'}`
        : top
          ? `line ${top.line.index + 1}: ${top.reasons.join(', ')}`
          : undefined;
  if (seg.body.length === 0) return { status: 'unusable', problems: ['no article text found under the headline'], report };

  const problems: string[] = [];
  const headlineProblem = page ? pageHeadlineTaken(page, seg.title.text) : undefined;
  if (headlineProblem) problems.push(headlineProblem);
  const signoffs = seg.signoffs.map((s) => s.signoff);
  const outlets = prepared.data.content.outlets.entries;
  const pageOutlets = page ? pageOutletEvidence(page.metadata, outlets, options.url) : undefined;
  const decided = decideOutlet({
    explicit: options.outlet,
    url,
    parts: { lines, chrome: seg.chrome, title: seg.title, afterTitle: seg.afterTitle, body: seg.body, signoffLines: seg.signoffs.map((s) => s.line) },
    outlets,
    names: prepared.outletNames,
    aggregators: prepared.data.aggregators,
    isAgency: (name) => prepared.signoffs.agency(name) !== undefined,
    isClutter: prepared.clutter.isClutter,
    extraEvidence: pageOutlets?.evidence,
  });
  const outlet = pageOutlets ? reconcilePageOutlet(decided, pageOutlets, { explicit: options.outlet, url }) : decided;
  report.outletEvidence = outlet.evidence;
  const proposal = outlet.unknown ? proposeOutlet(outlet.unknown, Object.keys(outlets), options.today) : undefined;
  if (outlet.unknown && proposal) {
    if (options.newOutlet) {
      outlet.key = proposal.key;
      report.newOutlet = proposal;
      report.outletEvidence = [`a new outlet from ${outlet.unknown.evidence.join('; ')} (--new-outlet)`, ...outlet.evidence];
    } else {
      problems.push(`${outlet.problem}:\n${proposal.yaml.replace(/\n$/, '').replace(/^/gm, '    ')}`);
    }
  } else if (outlet.problem) problems.push(outlet.problem);
  if (outlet.key) report.outlet = outlet.key;

  // Every place mention, repeats kept, for the events' evidence.
  const mentions = (text: string) => prepared.matchPlaces(text).flatMap((m) => [m.name, ...m.inner.map((x) => x.name)]);
  // The lead is the first paragraph of some length: a byline or dateline line above it
  // ("بلدي نيوز - دير الزور (خاص)") names a place only in passing.
  const leadIndex = seg.body.findIndex((l) => l.text.split(/\s+/).filter(Boolean).length >= LEAD_MIN_WORDS);
  const eventText = {
    title: seg.title.text,
    lead: seg.body[leadIndex]?.text,
    rest: seg.body.filter((_, i) => i !== leadIndex).map((l) => l.text),
    mentions,
  };
  // The event the article would belong to on a day: --event's, or the one its evidence assigns.
  const eventOn = (iso: string): string | undefined => {
    if (options.event === NO_EVENT) return undefined;
    if (options.event) {
      const e = prepared.data.content.events.find((x) => x.data.id === options.event);
      return e && eventHolds(e.data, iso) ? `${e.data.id} (--event)` : undefined;
    }
    const d = eventDecisions(prepared.data.content, iso, eventText).find((x) => x.assigned);
    return d ? `${d.event} (${d.reason})` : undefined;
  };
  const wire = seg.body[0] ? wireDateline(seg.body[0].text, prepared.signoffs.agency) : undefined;
  const textDate = decidePublicationDate({
    explicit: options.date,
    url,
    chrome: seg.chrome,
    afterTitle: seg.afterTitle,
    foot: seg.foot,
    body: seg.body,
    firstParagraph: seg.body[0]?.text,
    wireDateline: wire,
    text,
    today: options.today,
    eventOn,
  });
  const date = page ? reconcilePageDate(page.metadata, textDate, { explicit: options.date, text, today: options.today }) : textDate;
  if (date.problem) problems.push(date.problem);
  report.dateEvidence = date.evidence;
  report.dateLine = date.line;
  if (date.date) report.date = date.date;
  if (date.basis) report.dateBasis = date.basis;
  report.datesSeen = date.seen;

  const known = new Set(prepared.data.content.events.map((e) => e.data.id));
  if (options.event && options.event !== NO_EVENT && !known.has(options.event)) {
    problems.push(`--event ${options.event} is not in content/events/ (known: ${[...known].sort().join(', ') || 'none'}; --event ${NO_EVENT} assigns no event)`);
  }
  if (problems.length > 0 || !outlet.key || !date.date || !date.basis) return { status: 'needs-input', problems, report };

  const body = bodyToMarkdown(seg.body.map((l) => l.text));
  // Places inside longer names count too: "منطقة عفرين" names عفرين as well as its district.
  const findPlaces = (text: string) => placeNamesIn(prepared.matchPlaces, text, { inner: true });
  const places = findPlaces([seg.title.text, ...seg.body.map((l) => l.text)].join('\n'));
  report.eventDecisions = options.event ? [] : eventDecisions(prepared.data.content, date.date, eventText);
  const assignedEvents = options.event === NO_EVENT ? [] : options.event ? [options.event] : report.eventDecisions.filter((d) => d.assigned).map((d) => d.event);
  const appendix = buildAppendix(seg.appendix);
  const relatedPlaces = appendix ? findPlaces(appendix.items.map((i) => `${i.heading ?? ''}\n${i.text}`).join('\n')) : [];
  // Appended material (a gallery) has no date of its own and no lead: its title and its items are the evidence.
  const relatedEvents = appendix
    ? eventDecisions(prepared.data.content, undefined, { title: appendix.title, rest: appendix.items.map((i) => `${i.heading ?? ''}\n${i.text}`), mentions })
        .filter((d) => d.assigned)
        .map((d) => d.event)
    : [];
  const signedBy = signoffs.map((s) => personAuthor(s.author)).find((a) => a !== null);
  const fromPage = page ? pageAuthor(page.metadata, page.byline, outlets, signedBy ?? undefined) : undefined;
  if (fromPage && report.page) report.page.authorEvidence = fromPage.from;
  const author = personAuthor(fromPage?.text) ?? signedBy ?? null;
  // A wire dateline's agency is credited as a sign-off's is; the dateline stays in the text.
  const agencies = [...new Set([...signoffs.flatMap((s) => s.agencies), ...(wire?.agencies ?? [])])];
  const dateline = /^([\p{L}\s]{2,30}?\s[-–—]\s[\p{L}\s]{2,20}?)\s*:/u.exec(seg.body[0]?.text ?? '')?.[1] ?? wire?.text ?? null;

  const frontMatter: ArticleFrontMatter = {
    id: uniqueId(`${date.date}-${outlet.key}-${slugFromArabic(seg.title.text)}`, options.takenIds),
    title: seg.title.text,
    outlet: outlet.key,
    date: date.date,
    date_basis: date.basis,
    source: { file: options.sourceFile, sha256: options.sha256, url: url ?? null, retrieved: date.retrieved ?? null },
    places,
    events: assignedEvents,
    agencies,
    author,
    language: 'ar',
    dateline,
    tags: body.tags,
    related_material: appendix
      ? [
          {
            kind: appendix.kind,
            title: appendix.title,
            credit: appendix.credit,
            note: appendix.note,
            events: relatedEvents,
            places: relatedPlaces,
            items: appendix.items,
          },
        ]
      : [],
  };
  // The schema is the contract with the build: what add writes, the build accepts.
  const checked = articleSchema.safeParse(frontMatter);
  if (!checked.success) {
    return {
      status: 'unusable',
      problems: checked.error.issues.map((i) => `${partName(i.path)} ${i.message.includes('; ') ? i.message : `${i.message}; check the raw text`} (nothing written)`),
      report,
    };
  }
  return { status: 'ok', article: { frontMatter: checked.data, body: body.markdown }, report };
}

/** What a front-matter field is, in the words of the raw text and the options, for messages. */
function partName(path: ReadonlyArray<PropertyKey>): string {
  const [first, second] = path.map(String);
  if (first === 'title') return 'the headline found';
  if (first === 'source' && second === 'url') return '--url';
  if (first === 'source' && second === 'file') return 'the file\u2019s name';
  if (first === 'source') return 'the raw text';
  if (first === 'author') return 'the byline found';
  if (first === 'dateline') return 'the dateline found';
  if (first === 'tags') return 'a hashtag found';
  if (first === 'related_material') return 'the material appended to the page';
  if (first === 'places' || first === 'events' || first === 'agencies') return `a ${first === 'places' ? 'place' : first === 'events' ? 'event' : 'agency'} found`;
  return 'the article';
}

function uniqueId(base: string, taken: Set<string>): string {
  const trimmed = base.slice(0, 90).replace(/-+$/, '');
  if (!taken.has(trimmed)) return trimmed;
  for (let n = 2; ; n++) if (!taken.has(`${trimmed}-${n}`)) return `${trimmed}-${n}`;
}
