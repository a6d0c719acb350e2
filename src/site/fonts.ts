/**
 * The self-hosted font (Noto Naskh Arabic, from @fontsource), subset at build time to the
 * characters the site uses. Two files per weight, matching the stylesheet's unicode-ranges:
 * the Arabic subset (always with the whole basic Arabic alphabet, so a query typed into the
 * search box renders in the same font) and the Latin subset (digits, punctuation and the Latin
 * letters the pages use, so "2019" matches the Arabic text around it). Written as WOFF2 to /fonts/.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/** Weights the stylesheet uses. */
export const FONT_WEIGHTS = [400, 700] as const;

export type FontSubset = 'arabic' | 'latin';

/** Always kept, per subset: Arabic letters, marks, digits and punctuation; Latin digits and punctuation. */
const ALWAYS: Record<FontSubset, string> = {
  arabic: `${range(0x060c, 0x061f) + range(0x0621, 0x065f) + range(0x0660, 0x066d)}ـپچژگکیۆێڕڵە`,
  latin: `${range(0x20, 0x40)}[]()«»“”‘’–—…°`,
};

/** Which subset file a character belongs to (see the unicode-range of each @font-face). */
function subsetOf(ch: string): FontSubset | undefined {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x0600) return 'arabic';
  if (c >= 0x20 && c < 0x0250 && c !== 0x7f) return 'latin';
  return undefined;
}

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

export function fontSourcePath(subset: FontSubset, weight: number): string {
  const pkg = dirname(require.resolve('@fontsource/noto-naskh-arabic/package.json'));
  return join(pkg, 'files', `noto-naskh-arabic-${subset}-${weight}-normal.woff2`);
}

/** The file name the stylesheet loads for a subset and weight. */
export function fontFileName(subset: FontSubset, weight: number): string {
  return subset === 'arabic' ? `noto-naskh-arabic-${weight}.woff2` : `noto-naskh-arabic-${subset}-${weight}.woff2`;
}

/** What one page's text adds to a CharacterScan: each UTF-16 code unit met outside tags (once, in order), and the code points beyond the BMP. */
export interface PageCharacters {
  readonly units: string;
  readonly astral: readonly number[];
}

/** A table of the BMP's code units, all 0 between calls of pageCharacters. */
const scratch = new Uint8Array(0x10000);

/**
 * The characters of one HTML document's text: one pass over its UTF-16 code units, skipping
 * tags, marking what it meets in a table of the 65,536 BMP code points (characters beyond it,
 * which no subset's font has, are kept in a set): a large site is hundreds of MB of HTML, where a
 * regex and a Set of strings were far too slow (BENCHMARKS.md, "Notes from the code").
 */
export function pageCharacters(html: string): PageCharacters {
  const units: number[] = [];
  const astral = new Set<number>();
  let inTag = false;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (inTag) {
      if (c === 0x3e) inTag = false; // >
    } else if (c === 0x3c)
      inTag = true; // <
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < html.length) {
      astral.add(html.codePointAt(i) as number);
      i++;
    } else if (scratch[c] === 0) {
      scratch[c] = 1;
      units.push(c);
    }
  }
  for (const c of units) scratch[c] = 0;
  units.sort((a, b) => a - b);
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return { units: text, astral: [...astral].sort((a, b) => a - b) };
}

/** The distinct characters of many HTML documents (pageCharacters of each), per subset. */
export class CharacterScan {
  private readonly seen = new Uint8Array(0x10000);
  private readonly astral = new Set<number>();

  add(html: string): void {
    this.addPage(pageCharacters(html));
  }

  /** Adds what pageCharacters found in a page. */
  addPage(page: PageCharacters): void {
    for (let i = 0; i < page.units.length; i++) this.seen[page.units.charCodeAt(i)] = 1;
    for (const code of page.astral) this.astral.add(code);
  }

  /** What was met, with what each subset always keeps, sorted. */
  characters(): Record<FontSubset, string> {
    const chars: Record<FontSubset, Set<string>> = { arabic: new Set(ALWAYS.arabic), latin: new Set(ALWAYS.latin) };
    const add = (code: number) => {
      const ch = String.fromCodePoint(code);
      const subset = subsetOf(ch);
      if (subset) chars[subset].add(ch);
    };
    this.seen.forEach((on, code) => {
      if (on) add(code);
    });
    for (const code of this.astral) add(code);
    const sorted = (set: Set<string>) => [...set].sort().join('');
    return { arabic: sorted(chars.arabic), latin: sorted(chars.latin) };
  }
}

/** One font file the site serves: its subset and weight, and its name in /fonts/. */
export interface FontFile {
  subset: FontSubset;
  weight: number;
  name: string;
}

/** Every font file, in the order they are made. */
export const FONT_FILES: readonly FontFile[] = (['arabic', 'latin'] as const).flatMap((subset) =>
  FONT_WEIGHTS.map((weight) => ({ subset, weight, name: fontFileName(subset, weight) })),
);

/** A subset font made: its name in /fonts/ and its WOFF2 bytes. */
export interface SubsetFontFile {
  name: string;
  bytes: Uint8Array;
}

/** What a warm-up subsets (font-worker.ts): the characters every Arabic subset keeps. */
export const WARM_UP_TEXT = ALWAYS.arabic;

/** Something that may make the subset fonts elsewhere (font-worker.ts); undefined: make them here. */
export interface FontMaker {
  subset(text: Record<FontSubset, string>): Promise<SubsetFontFile[] | undefined>;
  /** Frees what it holds, once the fonts are written. */
  close?(): void;
}

/** The subset fonts for the characters given, made on this thread, in FONT_FILES' order. */
export async function subsetFonts(text: Record<FontSubset, string>): Promise<SubsetFontFile[]> {
  const out: SubsetFontFile[] = [];
  for (const { subset, weight, name } of FONT_FILES) {
    const source = await readFile(fontSourcePath(subset, weight));
    out.push({ name, bytes: await subsetFont(source, text[subset], { targetFormat: 'woff2' }) });
  }
  return out;
}

/**
 * Writes the subset fonts to /fonts/, for the characters given (CharacterScan of the site's HTML
 * pages): made by `maker` where it can (font-worker.ts, or the fonts a build kept: font-cache.ts),
 * else on this thread; `written` is given the fonts once they are written.
 */
export async function writeSubsetFonts(siteDir: string, text: Record<FontSubset, string>, maker?: FontMaker, written?: (fonts: readonly SubsetFontFile[]) => void): Promise<void> {
  let fonts: SubsetFontFile[] | undefined;
  try {
    fonts = await maker?.subset(text);
  } finally {
    maker?.close?.(); // a worker's memory goes back before the search index's Pagefind processes peak
  }
  fonts ??= await subsetFonts(text);
  const out = join(siteDir, 'fonts');
  await mkdir(out, { recursive: true });
  for (const { name, bytes } of fonts) await writeFile(join(out, name), bytes);
  written?.(fonts);
}
