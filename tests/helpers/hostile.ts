/**
 * Checks for pages built from hostile content: what a page must not hold once Chromium has
 * parsed it, a fingerprint of a folder (so a build or `add` can be shown to change nothing), and
 * the pages of a built site.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/**
 * Everything on the page that hostile text could have put there, as readable strings (empty
 * when the page is safe): an element marked `data-hostile` (every payload in the fixtures marks
 * its elements so), an event-handler attribute, a link or source with a scheme that runs code,
 * a frame, object, embed, base or meta refresh, an inline script (JSON-LD excepted, which must
 * still parse as JSON, so nothing broke out of it).
 */
export function findInjected(page: Page): Promise<string[]> {
  return page.evaluate(`(${SCAN})(document)`) as Promise<string[]>;
}

/** The same for a fragment of HTML (a feed entry's content), parsed by the page's DOMParser, which runs nothing. */
export function findInjectedInHtml(page: Page, html: string): Promise<string[]> {
  return page.evaluate(`(${SCAN})(new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html'))`) as Promise<string[]>;
}

// Given as text: code that tsx compiles gets helpers (`__name`) the page does not have. The
// site's own favicon is an SVG data: address on a <link rel="icon">, which runs nothing.
const SCAN = `(doc) => {
  const found = [];
  const show = (el) => el.outerHTML.slice(0, 160);
  for (const el of doc.querySelectorAll('*')) {
    if (el.hasAttribute('data-hostile')) found.push('marked element: ' + show(el));
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push('event handler ' + attr.name + ': ' + show(el));
      const icon = el.tagName === 'LINK' && /^data:image\\//.test(attr.value);
      if (/^(href|src|srcset|action|formaction|data|poster|xlink:href|background)$/i.test(attr.name) && /^\\s*(javascript|vbscript|data):/i.test(attr.value) && !icon) {
        found.push(attr.name + ' with a script scheme: ' + show(el));
      }
      if (attr.name === 'srcdoc') found.push('srcdoc: ' + show(el));
    }
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'base', 'applet', 'portal'].includes(tag)) found.push('<' + tag + '>: ' + show(el));
    if (tag === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') found.push('meta refresh: ' + show(el));
    if (tag === 'script') {
      const type = (el.getAttribute('type') || '').toLowerCase();
      if (type === 'application/ld+json') {
        try { JSON.parse(el.textContent || ''); } catch { found.push('JSON-LD that does not parse: ' + show(el)); }
      } else if (!el.hasAttribute('src') || (el.textContent || '').trim() !== '') {
        found.push('inline script: ' + show(el));
      }
    }
  }
  return found;
}`;

/** What a reader sees: the document's title and the body's rendered text. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate('document.title + "\\n" + document.body.innerText') as Promise<string>;
}

/** sha256 of every file under `dir`, by relative path. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, rel);
    if (statSync(path).isFile()) out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** The address of every HTML page of a built site (`/`, `/articles/x/`, `/404.html`). */
export function sitePages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
}

/**
 * Visits each page in a fresh context as a reader would (load, let search render, move the
 * mouse, tab into the page) and reports every dialog that fired and everything findInjected
 * finds, plus any javascript: link, each prefixed with the page's path.
 */
export async function visitForScript(browser: Browser, baseUrl: string, pages: string[]): Promise<{ dialogs: string[]; injected: string[] }> {
  const dialogs: string[] = [];
  const injected: string[] = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  for (const path of pages) {
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    // Give search results time to render, and trigger any hover and focus handlers.
    if (path.startsWith('/search/')) await page.waitForTimeout(500);
    await page.mouse.move(10, 10);
    await page.keyboard.press('Tab');
    for (const link of await page.$$('a[href^="javascript" i]')) injected.push(`${path}: javascript: link ${await link.evaluate((a) => a.outerHTML)}`);
    injected.push(...(await findInjected(page)).map((what) => `${path}: ${what}`));
  }
  await context.close();
  return { dialogs, injected };
}
