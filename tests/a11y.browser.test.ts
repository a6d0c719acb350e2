/**
 * Accessibility gate: axe-core (WCAG 2.0/2.1 A and AA rules) in Chromium on every kind of page
 * of the seed site, as a reader meets it: all five article pages (they differ: gallery, author,
 * dateline, agencies, tags), events, places of different shapes, an outlet, years, an agency,
 * the browse indexes, about, the search page idle, with results (after they render), with a
 * filter ticked and with none, and the 404 page. Each page is checked at 1280 px and at 375 px
 * wide, and for colour contrast in the dark colour scheme the stylesheet also provides. A failure
 * lists, per page, each rule with its impact, the elements' selectors and their markup.
 *
 * Two AA criteria axe does not test are checked beside it (tests/helpers/page-checks.ts): English
 * phrases carry lang="en" (language of parts), and no page scrolls sideways at 375 px (reflow).
 *
 * Small pages that break known rules check the harness itself: axe, with Arabic text (see
 * tests/helpers/axe.ts on why that needs care), and both extra checks must report them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { getArchive } from '../src/model/load-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { axeViolations, formatViolations } from './helpers/axe.ts';
import { seedSiteInChromium } from './helpers/browser.ts';
import { sidewaysOverflow, untaggedLatinPhrases } from './helpers/page-checks.ts';

const TIMEOUT = 30_000;
const archive = getArchive(DEFAULT_CONTENT_DIR);

interface PageCase {
  name: string;
  path: string;
  /** A condition (JS expression) the page must reach before it is checked. */
  ready?: string;
  /** Something to do first, as a reader would (open a disclosure). */
  prepare?: (page: Page) => Promise<void>;
}

const search = (params: Record<string, string>) => `/search/?${new URLSearchParams(params)}`;
const searchState = (state: string, extra = 'true') =>
  `(() => { const app = document.querySelector('[data-search-app]'); return app?.dataset.state === '${state}' && (${extra}); })()`;
const RESULTS = `document.querySelectorAll('[data-search-results] li').length`;

/** One page of each shape the seed content builds. */
function pageCases(): PageCase[] {
  const pick = <T>(items: readonly T[], test: (item: T) => boolean, what: string): T => {
    const found = items.find(test);
    assert.ok(found, `the seed content has ${what}`);
    return found;
  };
  const withChildren = pick(archive.places, (p) => p.children.length > 0 && p.coordinates !== null, 'a place with places under it');
  const leaf = pick(archive.places, (p) => p.children.length === 0 && p.articles.length > 0 && p.variants.length > 0, 'a place with articles and variant spellings');
  const empty = pick(archive.places, (p) => p.articles.length === 0, 'a place no article names');
  const outlet = archive.outlets[0]!;
  const agency = archive.agencies[0]!;
  return [
    { name: 'home', path: '/' },
    ...archive.articles.map((a) => ({ name: `article ${a.id}`, path: a.url })),
    ...archive.events.map((e) => ({ name: `event ${e.id}`, path: e.url })),
    { name: `place with sub-places (${withChildren.slug})`, path: withChildren.url },
    { name: `place with articles (${leaf.slug})`, path: leaf.url },
    { name: `place without articles (${empty.slug})`, path: empty.url },
    { name: `outlet ${outlet.key}`, path: outlet.url },
    ...archive.years.map((y) => ({ name: `year ${y.year}`, path: y.url })),
    { name: `agency ${agency.name}`, path: agency.url },
    ...archive.entities.slice(0, 1).map((e) => ({ name: `entity ${e.key}`, path: e.url })),
    // a person's page, with the sentences where they are quoted
    ...archive.entities
      .filter((e) => e.quotes.length > 0)
      .slice(0, 1)
      .map((e) => ({ name: `person ${e.key}`, path: e.url })),
    { name: 'entities index', path: '/entities/' },
    { name: 'all articles', path: '/articles/' },
    ...archive.newestLists.slice(0, 2).map((l) => ({ name: `newest first: ${l.url}`, path: l.url })),
    { name: 'events index', path: '/events/' },
    { name: 'places index', path: '/places/' },
    { name: 'outlets index', path: '/outlets/' },
    { name: 'years index', path: '/years/' },
    { name: 'agencies index', path: '/agencies/' },
    { name: 'about', path: '/about/' },
    { name: 'export files', path: '/export/' },
    { name: 'search, nothing asked yet', path: '/search/', ready: searchState('idle') },
    { name: 'search with results (الباغوز)', path: search({ q: 'الباغوز' }), ready: searchState('done', `${RESULTS} > 0`) },
    {
      name: 'search with results, filters open, a year ticked, newest first',
      path: search({ q: 'الباغوز', year: '2019', sort: 'newest' }),
      ready: searchState('done', `${RESULTS} > 0`),
      prepare: async (page) => {
        const panel = page.locator('[data-search-filters-panel]');
        if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('.search-filters__summary').click();
        await page.waitForFunction(`document.querySelector('[data-search-filters] input:checked') !== null`);
      },
    },
    {
      name: 'search with no results',
      path: search({ q: 'زمبرككلمةلاتوجد' }),
      ready: searchState('done', `${RESULTS} === 0 && !document.querySelector('[data-search-empty]').hidden`),
    },
    { name: '404 page', path: '/404.html' },
  ];
}

interface Mode {
  name: string;
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
  /** Also check that English phrases are marked (the DOM is the same in every mode: once is enough). */
  languages?: boolean;
  /** Also check that nothing scrolls sideways. */
  reflow?: boolean;
  /** Only these axe rules (the default: every WCAG 2.1 A and AA rule). */
  rules?: string[];
}

const MODES: Mode[] = [
  { name: 'at 1280 px', viewport: { width: 1280, height: 900 }, colorScheme: 'light', languages: true },
  { name: 'at 375 px', viewport: { width: 375, height: 740 }, colorScheme: 'light', reflow: true },
  // Only colours change in the dark scheme, so only the rules about colour run again.
  { name: 'in the dark colour scheme', viewport: { width: 1280, height: 900 }, colorScheme: 'dark', rules: ['color-contrast', 'link-in-text-block'] },
];

describe('accessibility (axe-core, WCAG 2.1 A and AA) in Chromium', () => {
  const seed = seedSiteInChromium();
  const cases = pageCases();

  for (const mode of MODES) {
    describe(mode.name, { concurrency: 3 }, () => {
      let context: BrowserContext;
      before(async () => {
        context = await seed.browser.newContext({ viewport: mode.viewport, colorScheme: mode.colorScheme });
        context.setDefaultTimeout(TIMEOUT);
      });
      after(() => context?.close());

      for (const c of cases) {
        it(c.name, async () => {
          const page = await context.newPage();
          const problems: string[] = [];
          page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
          try {
            const response = await page.goto(seed.server.url + c.path);
            assert.equal(response?.status(), 200, `${c.path} is a page of the site`);
            if (c.ready) await page.waitForFunction(c.ready, undefined, { timeout: TIMEOUT });
            await c.prepare?.(page);
            const where = `${decodeURI(c.path)} ${mode.name}`;
            const violations = await axeViolations(page, mode.rules ? { rules: mode.rules } : {});
            assert.ok(violations.length === 0, formatViolations(where, violations));
            if (mode.languages) {
              const latin = await untaggedLatinPhrases(page);
              assert.ok(latin.length === 0, `${where}: English without lang="en" (WCAG 3.1.2):\n  ${latin.join('\n  ')}`);
            }
            if (mode.reflow) {
              const overflow = await sidewaysOverflow(page);
              assert.ok(overflow.length === 0, `${where}: the page scrolls sideways (WCAG 1.4.10):\n  ${overflow.join('\n  ')}`);
            }
            assert.deepEqual(problems, []);
          } finally {
            await page.close();
          }
        });
      }
    });
  }

  describe('the harness', () => {
    it('reports the violations of a page that breaks WCAG rules, with rule, impact, selector and markup', async () => {
      const context = await seed.browser.newContext();
      try {
        const page = await context.newPage();
        await page.setContent(
          // Arabic text on purpose: axe's icon-ligature guess skips it unless tests/helpers/axe.ts
          // turns the guess off, and a few readable paragraphs first let the guess settle on the font.
          '<!doctype html><html><head><title>bad</title></head><body><main>' +
            '<p>نص عادي أول</p><p>نص عادي ثانٍ</p><p>نص عادي ثالث</p><p>نص عادي رابع</p>' +
            '<p id="faint" style="color:#c8c8c8;background:#fff">نص باهت لا يكاد يُقرأ</p>' +
            '<img id="pic" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
            '<a href="/x"></a>' +
            '<input type="text">' +
            '</main></body></html>',
        );
        const violations = await axeViolations(page);
        const ids = violations.map((v) => v.id).sort();
        for (const rule of ['color-contrast', 'html-has-lang', 'image-alt', 'label', 'link-name']) {
          assert.ok(ids.includes(rule), `axe reports ${rule}; it reported ${ids.join(', ')}`);
        }
        const report = formatViolations('bad page', violations);
        assert.match(report, /^bad page: \d+ axe violations/);
        assert.match(report, /\[critical\] image-alt: .+\(https:\/\/dequeuniversity\.com\/rules\/axe\//);
        assert.match(report, /\n {4}#pic\n {6}<img id="pic"/);
        assert.match(report, /\[serious\] color-contrast[\s\S]*#faint/);
      } finally {
        await context.close();
      }
    });

    it('reports English left untagged and a page that scrolls sideways', async () => {
      const context = await seed.browser.newContext({ viewport: { width: 375, height: 740 } });
      try {
        const page = await context.newPage();
        await page.setContent(
          '<!doctype html><html lang="ar" dir="rtl"><head><title>t</title></head><body><main>' +
            '<p>قالت <span>Deutsche Welle Arabic</span> إن</p>' +
            '<p>تقرير <bdi lang="en">Deutsche Welle</bdi> و<code>npm run build</code> و SHA-256 و DW و https://example.org/a b</p>' +
            '<pre id="wide" style="white-space:pre">' +
            'س'.repeat(200) +
            '</pre>' +
            '</main></body></html>',
        );
        assert.deepEqual(await untaggedLatinPhrases(page), ['<span> Deutsche Welle Arabic']);
        const overflow = await sidewaysOverflow(page);
        assert.match(overflow[0] ?? '', /px of content in a 375 px viewport/);
        assert.ok(
          overflow.some((line) => line.startsWith('<pre>')),
          overflow.join('\n'),
        );
      } finally {
        await context.close();
      }
    });
  });
});
