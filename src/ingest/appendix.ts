/**
 * Material a page appended to an article (a photo gallery under a repeated heading) becomes a
 * `related_material` entry: kept, but apart from the body, with its own places and events.
 */
import type { Line } from './lines.ts';

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
  const items = blocks
    .filter((b) => b.length > 0)
    .map((b) => (b.length >= 2 ? { heading: b[0] as string, text: b.slice(1).join(' ') } : { heading: null, text: b[0] as string }));
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
    note: isGallery
      ? 'معرض ألحقته الصفحة الأصلية بالمقال تحت عنوان متكرر، وليس من نص المقال'
      : 'مادة ألحقتها الصفحة الأصلية بالمقال، وليست من نصه',
    items,
  };
}
