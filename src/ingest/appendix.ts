/**
 * Material a page appended to an article (a photo gallery under a repeated heading) becomes a
 * `related_material` entry: kept, but apart from the body, with its own places and events.
 *
 * Moving lines out of the body needs positive evidence, since what moves is no longer read as
 * the article: a heading (a line with words, not a separator such as `* * *` or `---`, not a
 * list item such as `- بند`, not a sentence) that opens three or more blocks of captions, or
 * two when it names a gallery (صور، معرض، فيديو…). A line merely repeated is not enough.
 */
import { foldArabic } from '../arabic/normalise.ts';
import { endsLikeSentence, type Line } from './lines.ts';

/** Words by which a heading names appended media (folded: hamza seats, ة/ه, ى/ي as foldArabic makes them). */
const GALLERY_WORDS = ['صور', 'بالصور', 'الصور', 'صوره', 'معرض', 'البوم', 'فيديو', 'بالفيديو', 'الفيديو', 'شاهد', 'انفوغراف', 'انفوجراف'].map((w) => foldArabic(w));

/** A line that can head a block: words with letters, no list or separator markers, not a sentence. */
export function isBlockHeading(text: string): boolean {
  if (text.length > 150 || endsLikeSentence(text)) return false;
  if (/^[-*+•·–—_=#>~|]/u.test(text) || /^\d{1,3}[.)]\s/u.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w));
  return words.length >= 1;
}

function namesGallery(text: string): boolean {
  return foldArabic(text)
    .split(/\s+/)
    .some((w) => GALLERY_WORDS.includes(w));
}

/**
 * Index in `lines` of the heading that opens appended material, or -1: the first heading that
 * opens at least three non-empty blocks running to the end (two if it names a gallery).
 */
export function appendixStart(lines: Line[]): number {
  const at = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (!isBlockHeading(line.text)) return;
    const list = at.get(line.text) ?? [];
    list.push(i);
    at.set(line.text, list);
  });
  let best = -1;
  for (const [text, positions] of at) {
    const needed = namesGallery(text) ? 2 : 3;
    if (positions.length < needed) continue;
    // Every block (from one occurrence to the next, and from the last to the end) holds something.
    const ends = [...positions.slice(1), lines.length];
    if (positions.some((p, k) => (ends[k] as number) - p < 2)) continue;
    const first = positions[0] as number;
    if (best < 0 || first < best) best = first;
  }
  return best;
}

export interface AppendixMaterial {
  kind: 'gallery' | 'other';
  title: string;
  credit: string | null;
  note: string;
  items: Array<{ heading: string | null; text: string }>;
}

/** "… أما مستقبلهم فيبقى مجهولا. كونستانتين كلاين/ م.أ.م": a photographer and editor's initials. */
const TRAILING_CREDIT = /\s+((?:[\p{L}]+\s){0,3}[\p{L}]+\s*\/\s*[\p{L}.]{1,12})\s*$/u;

export function buildAppendix(lines: Line[]): AppendixMaterial | undefined {
  if (lines.length === 0) return undefined;
  const heading = (lines[0] as Line).text;
  // Blocks start at each repeat of the heading: [heading, caption title?, caption…].
  const blocks: string[][] = [];
  for (const line of lines) {
    if (line.text === heading) blocks.push([]);
    else blocks[blocks.length - 1]?.push(line.text);
  }
  const items = blocks.filter((b) => b.length > 0).map((b) => (b.length >= 2 ? { heading: b[0] as string, text: b.slice(1).join(' ') } : { heading: null, text: b[0] as string }));
  let credit: string | null = null;
  const last = items[items.length - 1];
  if (last) {
    const m = TRAILING_CREDIT.exec(last.text);
    if (m) {
      credit = (m[1] ?? '').trim();
      last.text = last.text.slice(0, m.index).trim();
    }
  }
  const isGallery = blocks.length >= 3;
  return {
    kind: isGallery ? 'gallery' : 'other',
    title: heading,
    credit,
    note: isGallery ? 'معرض ألحقته الصفحة الأصلية بالمقال تحت عنوان متكرر، وليس من نص المقال' : 'مادة ألحقتها الصفحة الأصلية بالمقال، وليست من نصه',
    items,
  };
}
