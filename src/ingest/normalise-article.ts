/**
 * One raw article, as bytes, to a normalised article: decoding, invisible-character cleanup,
 * segmentation, metadata (outlet, date, agencies, author, places, events, tags), the body as
 * Markdown and appended material kept apart. Pure: reads and writes no files.
 */
import { decodeBytes } from '../arabic/decode.ts';
import { cleanInvisible } from '../arabic/invisible.ts';
import { foldArabic } from '../arabic/normalise.ts';
import { createPlaceMatcher, placeNamesIn } from '../arabic/place-matcher.ts';
import { slugFromArabic } from '../arabic/transliterate.ts';
import type { CalendarDate } from '../arabic/calendar.ts';
import { articleSchema, type ArticleFrontMatter } from '../content/schema.ts';
import { buildAppendix } from './appendix.ts';
import { compileClutter } from './clutter-rules.ts';
import { matchEvents } from './events.ts';
import type { IngestData } from './ingest-data.ts';
import { toLines } from './lines.ts';
import { bodyToMarkdown } from './markdown-body.ts';
import { decideOutlet } from './outlet.ts';
import { decidePublicationDate } from './publication-date.ts';
import { describeCandidate } from './headline.ts';
import { segment } from './segment.ts';
import { createSignoffIndex } from './signoff.ts';
import type { NormalisedArticle } from './types.ts';

export interface IngestOptions {
  url?: string;
  outlet?: string;
  date?: string;
  event?: string;
  /** The headline, when the text's own cannot be told (--title). */
  title?: string;
  /** Where the raw text will be kept, relative to content/: `sources/NAME`. */
  sourceFile: string;
  sha256: string;
  /** Today, for "never in the future". */
  today: CalendarDate;
  /** Ids already taken (the new id gets a suffix rather than clash). */
  takenIds: Set<string>;
}

export interface IngestReport {
  encoding?: string;
  invisibleRemoved: number;
  dropped: Array<{ line: number; text: string; reason: string }>;
  outletEvidence: string[];
  dateEvidence?: string;
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
  const outletNames = new Set(Object.values(outlets).flatMap((o) => [foldArabic(o.name_ar), foldArabic(o.name_en)]));
  return {
    data,
    matchPlaces: createPlaceMatcher(places),
    clutter: compileClutter(data.clutter),
    signoffs: createSignoffIndex(data.agencies, outlets),
    isOutletHeader: (line: string) => outletNames.has(foldArabic(line)),
  };
}
export type Prepared = ReturnType<typeof prepare>;


export function normaliseArticle(bytes: Uint8Array, options: IngestOptions, prepared: Prepared): IngestResult {
  const report: IngestReport = { invisibleRemoved: 0, dropped: [], outletEvidence: [] };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { status: 'unusable', problems: [decoded.message], report };
  report.encoding = decoded.encoding;
  const cleaned = cleanInvisible(decoded.text);
  report.invisibleRemoved = cleaned.removed;
  const text = cleaned.text;
  if (!/\p{Script=Arabic}/u.test(text)) return { status: 'unusable', problems: ['holds no Arabic text; Arshif archives Arabic articles'], report };

  const lines = toLines(text);
  const seg = segment(lines, { ...prepared, url: options.url, title: options.title });
  report.dropped = seg.dropped.map((d) => ({ line: d.line.index + 1, text: d.line.text, reason: d.reason }));
  report.headlineCandidates = seg.headlineCandidates.slice(0, 5).map(describeCandidate);
  if (seg.headlineSlugDisagrees && seg.headlineAmbiguous?.[0]) {
    const c = seg.headlineAmbiguous[0];
    return { status: 'needs-input', problems: [`the likeliest headline, line ${c.line.index + 1} "${c.line.text}", does not match the address's slug, and no line does; pass --title "…" with the headline as published`], report };
  }
  if (seg.headlineAmbiguous) {
    const shown = seg.headlineAmbiguous.map((c) => `line ${c.line.index + 1} "${c.line.text}" (score ${c.score})`).join(' or ');
    return { status: 'needs-input', problems: [`two lines could be the headline: ${shown}; pass --title "…" with the headline as published`], report };
  }
  if (!seg.title) return { status: 'needs-input', problems: ['no headline found (a line of 4 to 40 words above the text); pass --title "…" with the headline as published'], report };
  report.headline = seg.title.text;
  const top = seg.headlineCandidates[0];
  report.headlineEvidence = options.title !== undefined ? '--title' : top ? `line ${top.line.index + 1}: ${top.reasons.join(', ')}` : undefined;
  if (seg.body.length === 0) return { status: 'unusable', problems: ['no article text found under the headline'], report };

  const problems: string[] = [];
  const signoffs = seg.signoffs.map((s) => s.signoff);
  const headerLines = [...lines.slice(0, 1), ...seg.afterTitle];
  const outlet = decideOutlet({ explicit: options.outlet, url: options.url, lines, headerLines, signoffs, outlets: prepared.data.content.outlets.entries });
  if (outlet.problem) problems.push(outlet.problem);
  report.outletEvidence = outlet.evidence;
  if (outlet.key) report.outlet = outlet.key;

  const date = decidePublicationDate({
    explicit: options.date,
    url: options.url,
    chrome: seg.chrome,
    afterTitle: seg.afterTitle,
    foot: seg.foot,
    body: seg.body,
    firstParagraph: seg.body[0]?.text,
    text,
    today: options.today,
  });
  if (date.problem) problems.push(date.problem);
  report.dateEvidence = date.evidence;
  report.dateLine = date.line;
  if (date.date) report.date = date.date;
  if (date.basis) report.dateBasis = date.basis;
  report.datesSeen = date.seen;

  const known = new Set(prepared.data.content.events.map((e) => e.data.id));
  if (options.event && !known.has(options.event)) {
    problems.push(`--event ${options.event} is not in content/events/ (known: ${[...known].sort().join(', ') || 'none'})`);
  }
  if (problems.length > 0 || !outlet.key || !date.date || !date.basis) return { status: 'needs-input', problems, report };

  const body = bodyToMarkdown(seg.body.map((l) => l.text));
  // Places inside longer names count too: "منطقة عفرين" names عفرين as well as its district.
  const findPlaces = (text: string) => placeNamesIn(prepared.matchPlaces, text, { inner: true });
  const places = findPlaces([seg.title.text, ...seg.body.map((l) => l.text)].join('\n'));
  const events = options.event ? [options.event] : matchEvents(prepared.data.content, date.date, places);
  const appendix = buildAppendix(seg.appendix);
  const relatedPlaces = appendix ? findPlaces(appendix.items.map((i) => `${i.heading ?? ''}\n${i.text}`).join('\n')) : [];
  const author = signoffs.find((s) => s.author)?.author ?? null;
  const agencies = [...new Set(signoffs.flatMap((s) => s.agencies))];
  const dateline = /^([\p{L}\s]{2,30}?\s[-–—]\s[\p{L}\s]{2,20}?)\s*:/u.exec(seg.body[0]?.text ?? '')?.[1] ?? null;

  const frontMatter: ArticleFrontMatter = {
    id: uniqueId(`${date.date}-${outlet.key}-${slugFromArabic(seg.title.text)}`, options.takenIds),
    title: seg.title.text,
    outlet: outlet.key,
    date: date.date,
    date_basis: date.basis,
    source: { file: options.sourceFile, sha256: options.sha256, url: options.url ?? null, retrieved: date.retrieved ?? null },
    places,
    events,
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
            events: matchEvents(prepared.data.content, undefined, relatedPlaces),
            places: relatedPlaces,
            items: appendix.items,
          },
        ]
      : [],
  };
  // The schema is the contract with the build: what add writes, the build accepts.
  const checked = articleSchema.safeParse(frontMatter);
  if (!checked.success) {
    return { status: 'unusable', problems: checked.error.issues.map((i) => `internal: ${i.path.join('.')}: ${i.message}`), report };
  }
  return { status: 'ok', article: { frontMatter: checked.data, body: body.markdown }, report };
}

function uniqueId(base: string, taken: Set<string>): string {
  const trimmed = base.slice(0, 90).replace(/-+$/, '');
  if (!taken.has(trimmed)) return trimmed;
  for (let n = 2; ; n++) if (!taken.has(`${trimmed}-${n}`)) return `${trimmed}-${n}`;
}
