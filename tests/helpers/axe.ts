/**
 * axe-core in a Playwright page: injected from node_modules (never fetched from the network), run
 * against WCAG 2.1 levels A and AA, and its violations written out as a readable report (rule,
 * impact, the elements' selectors and markup) so a failing test says what to fix and where.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The WCAG 2.0 and 2.1 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource: string | undefined;

/**
 * Arabic text is text. axe's color-contrast rule skips text it takes for an icon-font ligature:
 * it draws the first character alone and the whole string, and calls the string a ligature when
 * it is much narrower than its characters drawn one by one and its pixels differ. Joined Arabic
 * letters are exactly that (the isolated forms it measures are wider), so most Arabic text
 * nodes were left out of the contrast check without a word: on an article page 23 of 85 text
 * elements were checked. axe keeps its verdicts per font family in its run cache, under "fonts";
 * this seeds that cache (cleared after every run) with "no ligatures seen in this family", which
 * turns the heuristic off. The site uses no icon font, so nothing is lost.
 */
const TRUST_TEXT_IS_TEXT = `window.axe._cache.set('fonts', new Proxy({}, {
      get: (_, family) => (typeof family === 'string' ? { occurrences: Infinity, numLigatures: 0 } : undefined),
    }));`;

/**
 * Runs axe on the page as it is now and returns its violations: the WCAG 2.1 A and AA rules, or
 * only the rules named.
 */
export async function axeViolations(page: Page, { rules }: { rules?: string[] } = {}): Promise<axe.Result[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: axeSource });
  const options: axe.RunOptions = {
    runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  };
  // A string, so the code runs in the page as written rather than as tsx compiled it.
  const results = (await page.evaluate(`(() => {
    ${TRUST_TEXT_IS_TEXT}
    return window.axe.run(document, ${JSON.stringify(options)});
  })()`)) as axe.AxeResults;
  return results.violations;
}

const MAX_SNIPPET = 160;

/** One block per violated rule: id, impact, help and its address, then each element's selector and markup. */
export function formatViolations(where: string, violations: axe.Result[]): string {
  const lines = [`${where}: ${violations.length} axe violation${violations.length === 1 ? '' : 's'}`];
  for (const v of violations) {
    lines.push(`  [${v.impact ?? 'no impact'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      const html = node.html.replace(/\s+/g, ' ');
      lines.push(`    ${node.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join(' >> ')}`);
      lines.push(`      ${html.length > MAX_SNIPPET ? `${html.slice(0, MAX_SNIPPET)}…` : html}`);
      const summary = node.failureSummary
        ?.split('\n')
        .slice(1)
        .map((s) => s.trim())
        .filter(Boolean)[0];
      if (summary) lines.push(`      ${summary}`);
    }
  }
  return lines.join('\n');
}
