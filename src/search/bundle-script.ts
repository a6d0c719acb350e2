/**
 * Bundles the search page's script (src/search/browser/main.ts) with esbuild into
 * SITE/assets/search.js: one ES module, minified, for browsers from 2020 on. Pagefind's own
 * bundle (/pagefind/pagefind.js) stays a run-time import, never bundled.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ArshifError } from '../core/problem.ts';
import { FIGURES_SCRIPT_PATH } from './query.ts';

export const SEARCH_SCRIPT_ENTRY = fileURLToPath(new URL('./browser/main.ts', import.meta.url));
/** Where the script is written, relative to the site folder; the search page loads /assets/search.js. */
export const SEARCH_SCRIPT_PATH = 'assets/search.js';
/** The figure reader, which the search script imports only for a query that may hold a number (FIGURES_SCRIPT_PATH in src/search/query.ts). */
export const FIGURES_SCRIPT_ENTRY = fileURLToPath(new URL('./browser/figures.ts', import.meta.url));

export async function bundleSearchScript(siteDir: string): Promise<void> {
  try {
    await build({
      entryPoints: [
        { in: SEARCH_SCRIPT_ENTRY, out: SEARCH_SCRIPT_PATH.replace(/\.js$/, '') },
        { in: FIGURES_SCRIPT_ENTRY, out: FIGURES_SCRIPT_PATH.replace(/\.js$/, '') },
      ],
      outdir: siteDir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      external: ['/pagefind/*'],
      logLevel: 'silent',
    });
  } catch (error) {
    const detail = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors
      ?.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
      .join('; ');
    throw ArshifError.single(
      {
        file: 'src/search/browser/main.ts',
        message: `the search script could not be bundled (${detail || String(error)})`,
        hint: 'fix the TypeScript error named, then build again',
      },
      error,
    );
  }
}
