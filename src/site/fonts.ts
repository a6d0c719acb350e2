/**
 * The self-hosted Arabic font (Noto Naskh Arabic, from @fontsource), subset at build time to the
 * characters the site uses plus the whole basic Arabic alphabet (so a query typed into the
 * search box renders in the same font). Written as WOFF2 to /fonts/.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/** Weights the stylesheet uses. */
export const FONT_WEIGHTS = [400, 700] as const;

/** Always kept: Arabic letters, marks, Arabic-Indic digits and punctuation, Persian/Kurdish letters. */
const ALWAYS =
  range(0x060c, 0x061f) + range(0x0621, 0x065f) + range(0x0660, 0x066d) + 'ـپچژگکیۆێڕڵە' + '«»“”‘’–—…';

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

export function fontSourcePath(weight: number): string {
  const pkg = dirname(require.resolve('@fontsource/noto-naskh-arabic/package.json'));
  return join(pkg, 'files', `noto-naskh-arabic-arabic-${weight}-normal.woff2`);
}

/** Collects the distinct characters in the text of every HTML file under `siteDir`. */
export async function siteCharacters(siteDir: string): Promise<string> {
  const chars = new Set<string>(ALWAYS);
  for (const entry of await readdir(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const html = await readFile(join(entry.parentPath, entry.name), 'utf8');
    for (const ch of html.replace(/<[^>]*>/g, ' ')) if (ch.codePointAt(0)! >= 0x0600) chars.add(ch);
  }
  return [...chars].sort().join('');
}

/** Writes /fonts/noto-naskh-arabic-WEIGHT.woff2, subset to the site's characters. */
export async function writeSubsetFonts(siteDir: string): Promise<void> {
  const text = await siteCharacters(siteDir);
  const out = join(siteDir, 'fonts');
  await mkdir(out, { recursive: true });
  for (const weight of FONT_WEIGHTS) {
    const source = await readFile(fontSourcePath(weight));
    const subset = await subsetFont(source, text, { targetFormat: 'woff2' });
    await writeFile(join(out, `noto-naskh-arabic-${weight}.woff2`), subset);
  }
}
