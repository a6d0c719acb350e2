/**
 * Full-page Chromium screenshots of the seed site for a human to look at: the home page, the
 * DW article, the two event pages and a place with nothing under it (حقل العمر), with close-ups
 * of their maps and timeline overviews, at 375 px (a phone) and 1280 px (a laptop), written to
 * test-artifacts/screenshots/NAME-WIDTH.png (git-ignored). Each is also checked: no horizontal
 * scrolling, the self-hosted Arabic font actually loaded and used, no failed request, and a
 * picture with something in it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { seedSiteInChromium } from './helpers/browser.ts';

export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-artifacts', 'screenshots');

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/articles/2019-03-23-dw-arabic-sdf-declares-end-of-caliphate/' },
  { name: 'event', path: '/events/baghuz-2019/' },
  { name: 'event-raqqa', path: '/events/raqqa-2017/' },
  { name: 'place-omar', path: '/places/omar-oil-field/' },
];
/** Close-ups of the graphics, for a look at their labels (tests/event-graphics.browser.test.ts measures them). */
const PARTS = [
  { name: 'map', selector: 'figure.map' },
  { name: 'timeline', selector: 'figure.timeline-figure' },
];
const WIDTHS = [375, 1280];
const FONT = 'Noto Naskh Arabic';

describe('screenshots in Chromium', () => {
  const seed = seedSiteInChromium();
  before(() => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  for (const { name, path } of PAGES) {
    for (const width of WIDTHS) {
      it(`${name} at ${width} px`, async () => {
        const context = await seed.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
        try {
          const page = await context.newPage();
          const failures: string[] = [];
          page.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
          page.on('response', (response) => {
            if (response.status() >= 400) failures.push(`HTTP ${response.status()} ${response.url()}`);
          });
          const response = await page.goto(seed.server.url + path, { waitUntil: 'load' });
          assert.equal(response?.status(), 200);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));

          const fonts = await page.evaluate(
            ([family, sample]) => ({
              check: document.fonts.check(`16px "${family}"`, sample as string),
              // check() is also true when no face of the family exists at all, so look for one loaded.
              loaded: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded').map((f) => `${f.weight} ${f.unicodeRange.slice(0, 12)}`),
              bodyFont: getComputedStyle(document.body).fontFamily,
            }),
            [FONT, 'الباغوز'],
          );
          assert.ok(fonts.check, `document.fonts.check says "${FONT}" is not ready for Arabic text`);
          assert.ok(
            fonts.loaded.some((f) => f.includes('U+600')),
            `no Arabic face of "${FONT}" loaded: ${JSON.stringify(fonts)}`,
          );
          assert.match(fonts.bodyFont, new RegExp(FONT));

          const scroll = await page.evaluate(() => {
            const el = document.scrollingElement as Element;
            return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
          });
          assert.ok(
            scroll.scrollWidth <= scroll.clientWidth,
            `${path} scrolls sideways at ${width} px: content ${scroll.scrollWidth} px wide in a ${scroll.clientWidth} px window`,
          );

          const file = join(SCREENSHOT_DIR, `${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const size = statSync(file).size;
          assert.ok(size > 10_000, `${file} is only ${size} bytes`);
          for (const part of PARTS) {
            const element = await page.$(part.selector);
            if (!element) continue;
            const partFile = join(SCREENSHOT_DIR, `${name}-${part.name}-${width}.png`);
            await element.screenshot({ path: partFile });
            assert.ok(statSync(partFile).size > 2_000, `${partFile} is nearly empty`);
          }
          assert.deepEqual(failures, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
