/**
 * A page saved from a browser (.html/.htm, "Webpage, complete" or "HTML only", SingleFile's
 * one-file saves, MHTML) to what the text path reads: the article's text, headline first and
 * its date line under it where the page shows one, plus the page's metadata as evidence for
 * the decisions. The saved file itself is kept byte for byte like a text; this only reads it.
 */
import { parseHTML } from 'linkedom';
import { foldArabic } from '../../arabic/normalise.ts';
import { decodePage } from './decode-page.ts';
import type { SavedPageKind } from './detect.ts';
import { dateLineNearHeadline, extractArticle, publicationDateLine } from './extract.ts';
import { endsLikeSentence } from '../lines.ts';
import { htmlPartOfMhtml } from './mhtml.ts';
import { readPageMetadata, type PageMetadata, type Stated } from './metadata.ts';
import { decidePageHeadline, headlineFromTitle, pageAddress, siteNameFromTitle, type HeadlineDecision } from './page-evidence.ts';

export interface SavedPage {
  kind: SavedPageKind;
  metadata: PageMetadata;
  headline: HeadlineDecision;
  /** The date line the page shows between headline and article, when Readability left it out. */
  dateLine?: string;
  address?: Stated;
  byline?: string;
  /** Whether Readability found the article's container. */
  readability: boolean;
  captionsLeftOut: number;
}

export type SavedPageResult = { ok: true; text: string; encoding: string; page: SavedPage } | { ok: false; message: string };

const HEADER_BYLINE = /^(?:بقلم|كتب|كتبت|حوار|إعداد|اعداد|تقرير|ترجمة)\s*[:：]\s*[\p{L}\s.]{3,40}$/u;
const SOURCE_CREDIT = /^(?:المصدر|مصدر الخبر)\s*[:：]\s*\S.{0,60}$/u;

export function readSavedPage(bytes: Uint8Array, kind: SavedPageKind): SavedPageResult {
  let htmlBytes = bytes;
  let declared: { label: string; where: string } | undefined;
  let location: string | undefined;
  if (kind === 'mhtml') {
    const part = htmlPartOfMhtml(bytes);
    if (!part.ok) return part;
    htmlBytes = part.page.html;
    location = part.page.location;
    if (part.page.charset) declared = { label: part.page.charset, where: "the MHTML part's Content-Type" };
  }
  const decoded = decodePage(htmlBytes, declared);
  if (!decoded.ok) return decoded;
  const html = decoded.text;
  const { document } = parseHTML(html);
  const metadata = readPageMetadata(document, html, location);
  let headline = decidePageHeadline(metadata);
  let dateLine = headline.text ? dateLineNearHeadline(document, headline.text) : undefined;
  const extracted = extractArticle(document); // last: Readability rewrites the document
  if (!headline.text && !headline.problem) headline = headlineFromTitle(metadata, extracted.lines) ?? headline;
  const titleSite = siteNameFromTitle(metadata, headline.text);
  if (titleSite && !metadata.siteNames.some((n) => n.text === titleSite)) metadata.siteNames.push({ text: titleSite, from: '<title>' });
  // A page's header block (headline, subheadline, date, source) comes before the article: a date
  // line Readability kept there, under a subheadline, is the date line under the headline.
  const firstParagraph = extracted.lines.findIndex((l) => l.length > 120 && endsLikeSentence(l));
  let lifted = -1;
  if (!dateLine && headline.text) {
    lifted = extracted.lines.slice(0, Math.max(firstParagraph, 0)).findIndex((l) => publicationDateLine(l) !== undefined);
    if (lifted >= 0) dateLine = publicationDateLine(extracted.lines[lifted] as string);
  }

  const lines: string[] = [];
  if (headline.text) lines.push(headline.text);
  if (dateLine) lines.push(dateLine);
  const skip = new Set([dateLine].filter((l) => l !== undefined).map((l) => foldArabic(l)));
  // A source credit in the header block ("المصدر : …") goes to the foot, where a copied text has it.
  const credits: string[] = [];
  // A byline in the header block ("حوار: …", "بقلم: …") is the author's, not a line of the article.
  let byline = extracted.byline;
  extracted.lines.forEach((line, i) => {
    const inHeader = i < firstParagraph;
    const asDate = inHeader ? publicationDateLine(line) : undefined;
    if (i === lifted || skip.has(foldArabic(line)) || (asDate && skip.has(foldArabic(asDate)))) return;
    if (inHeader && SOURCE_CREDIT.test(line)) credits.push(line);
    else if (inHeader && !byline && HEADER_BYLINE.test(line)) byline = line;
    else lines.push(line);
  });
  lines.push(...credits);
  return {
    ok: true,
    text: `${lines.join('\n')}\n`,
    encoding: `${decoded.encoding}, ${kind === 'mhtml' ? 'MHTML' : 'HTML'} page`,
    page: {
      kind,
      metadata,
      headline,
      dateLine,
      address: pageAddress(metadata),
      byline,
      readability: extracted.readability,
      captionsLeftOut: extracted.captionsLeftOut,
    },
  };
}
