/**
 * The subset fonts of the last build, kept in the build cache (src/cache/) so that a build whose
 * pages use the same characters writes those bytes again instead of subsetting (no WebAssembly,
 * no font worker): the characters rarely change from one build to the next (a new article is
 * mostly letters the site already has).
 *
 * The fonts are kept under one fixed key (like the table of carried pages, carry-over.ts), with
 * the key of what they were made from: the characters of each subset, the bytes of the source
 * fonts, and the version of the code that makes them (fonts.ts, font-worker.ts, the packages
 * they use: subset-font and its WebAssembly, the @fontsource package, and Node). Kept bytes are
 * written only under exactly that key; anything else (another key, another list of files, an
 * entry that fails its schema or its checksum) subsets again, as a build without a cache does.
 *
 * The entry is read before the archive is loaded (loading sweeps the store of the entries it did
 * not use) and written again by every build that has a cache.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { computeCodeVersion } from '../cache/code-version.ts';
import { memoKey, readMemo, writeMemo } from '../cache/memo.ts';
import type { Store } from '../cache/store.ts';
import { sha256Hasher } from '../core/hash.ts';
import { PROJECT_ROOT } from '../core/paths.ts';
import { FONT_FILES, fontSourcePath, type FontSubset, type SubsetFontFile } from './fonts.ts';

const KIND = 'fonts';
/** Bump when the entry's shape changes. */
const FORMAT = 1;
/** The files whose code makes the fonts (their imports' packages are in the version too). */
const FONT_SOURCES = ['src/site/fonts.ts', 'src/site/font-worker.ts'] as const;

const entrySchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  fonts: z.array(z.strictObject({ name: z.string(), base64: z.string() })),
});

let fontCode: string | undefined;

/** The key of the fonts made for `text`: the characters, the source fonts' bytes and the code. */
export function subsetFontsKey(text: Record<FontSubset, string>): string {
  fontCode ??= computeCodeVersion(PROJECT_ROOT, FONT_SOURCES);
  const sources = sha256Hasher();
  for (const { subset, weight } of FONT_FILES) sources.update(readFileSync(fontSourcePath(subset, weight)));
  return memoKey(fontCode, ['subset fonts', FORMAT, sources.hex(), text]);
}

/** The last build's fonts in a store, and where this build's go. */
export class KeptFonts {
  private readonly entryKey: string;
  private readonly last: z.infer<typeof entrySchema> | undefined;

  constructor(private readonly store: Store) {
    this.entryKey = memoKey(store.version, ['subset fonts', FORMAT]);
    this.last = readMemo(store, KIND, this.entryKey, entrySchema);
  }

  /** The fonts kept under `key`, in FONT_FILES' order; undefined when the last build's were made for something else. */
  get(key: string): SubsetFontFile[] | undefined {
    const last = this.last;
    if (!last || last.key !== key || last.fonts.length !== FONT_FILES.length) return undefined;
    if (last.fonts.some((font, i) => font.name !== FONT_FILES[i]?.name)) return undefined;
    return last.fonts.map(({ name, base64 }) => ({ name, bytes: Buffer.from(base64, 'base64') }));
  }

  /** Keeps this build's fonts, made under `key`. */
  keep(key: string, fonts: readonly SubsetFontFile[]): void {
    writeMemo(this.store, KIND, this.entryKey, { key, fonts: fonts.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') })) });
  }
}
