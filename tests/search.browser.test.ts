/**
 * The search page in Chromium against the seed site: results for a query, the gallery appended
 * to an article kept out of its hits, filters and sort carried by the address, a result opening
 * its article, the empty state, the no-JavaScript form; and no console errors or failed
 * requests on the way. Prints what the first query fetched for search (Pagefind's files, the
 * search script and the lexicon): by the time its results showed, and once its facet counts
 * were in too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../src/bench/chromium.ts';
import { serveStatic, type StaticServer } from '../src/core/static-server.ts';
import { seedSiteDir } from './helpers/site.ts';

const article = (id: string) => `/articles/${id}/`;
const DW = article('2019-03-23-dw-arabic-sdf-declares-end-of-caliphate');
const ALKHABAR = article('2019-03-23-alkhabar-tv-is-isis-over-in-syria');
const SEYASSAH = article('2019-03-23-al-seyassah-sdf-declares-isis-defeat-in-baghuz');
const ROJAVA = article('2019-03-13-rojava-network-isis-last-moments-in-baghuz');
const KHALEEJ = article('2017-10-18-al-khaleej-historic-isis-defeat-in-raqqa');
const BAGHUZ = [DW, ALKHABAR, SEYASSAH, ROJAVA];

const TIMEOUT = 30_000;

const searchUrl = (query: Record<string, string>) => `/search/?${new URLSearchParams(query)}`;

describe('search page in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    const siteDir = await seedSiteDir();
    server = await serveStatic(siteDir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that records console errors, uncaught exceptions and failed requests. */
  async function openPage(ctx: BrowserContext = context): Promise<{ page: Page; problems: string[] }> {
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    return { page, problems };
  }

  /** Waits until the page has finished the search it is running. */
  async function searched(page: Page, also = 'true'): Promise<void> {
    await page.waitForFunction(
      `(() => { const app = document.querySelector('[data-search-app]'); return app && (app.dataset.state === 'done' || app.dataset.state === 'idle') && (${also}); })()`,
      undefined,
      { timeout: TIMEOUT },
    );
  }

  const resultHrefs = (page: Page) => page.$$eval('[data-search-results] .search-result__title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));

  /** What search itself fetched: Pagefind's files, and the search page's script and lexicon. */
  const searchBytes = () => {
    const fetched = server.log.filter((entry) => entry.path.startsWith('/pagefind/') || entry.path.startsWith('/assets/search'));
    const index = fetched.filter((entry) => entry.path.startsWith('/pagefind/'));
    const sum = (entries: typeof fetched) => entries.reduce((total, entry) => total + entry.bytes, 0);
    return { bytes: sum(fetched), requests: fetched.length, indexBytes: sum(index), indexRequests: index.length };
  };

  it('lists the four Baghuz articles for الباغوز, and not the Raqqa one', async () => {
    const fresh = await browser.newContext();
    // What the page had fetched when its results showed (state `counting`), before the facet
    // counts: the resource timings of that moment, noted as the state changes.
    await fresh.addInitScript(() => {
      new MutationObserver(() => {
        const app = document.querySelector<HTMLElement>('[data-search-app]');
        if (app?.dataset.state !== 'counting' || 'shownBytes' in app.dataset) return;
        const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
          /^\/(?:pagefind\/|assets\/search)/.test(new URL(entry.name).pathname),
        );
        app.dataset.shownBytes = String(entries.reduce((total, entry) => total + entry.encodedBodySize, 0));
        app.dataset.shownRequests = String(entries.length);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    const { page, problems } = await openPage(fresh);
    server.log.length = 0;
    await page.goto(server.url + searchUrl({ q: 'الباغوز' }));
    await searched(page);
    const { bytes, requests, indexBytes, indexRequests } = searchBytes();
    const app = page.locator('[data-search-app]');
    const shownBytes = Number(await app.getAttribute('data-shown-bytes'));
    const shownRequests = Number(await app.getAttribute('data-shown-requests'));
    console.log(
      `search: first query fetched ${shownBytes} bytes in ${shownRequests} requests by the time its results showed, ` +
        `${bytes} bytes in ${requests} requests with its facet counts, uncompressed ` +
        `(Pagefind ${indexBytes} bytes in ${indexRequests}; the page's script and lexicon the rest)`,
    );
    assert.ok(shownBytes > 0 && shownBytes < bytes, 'the facet filter files are fetched after the results show');
    // The facet counts come in after the results, for the same query.
    assert.equal((await page.locator('label:has(input[name=outlet][value="السياسة"]) .search-filter__count').textContent())?.trim(), '1');
    const hrefs = await resultHrefs(page);
    assert.deepEqual([...hrefs].sort(), [...BAGHUZ].sort());
    assert.ok(!hrefs.includes(KHALEEJ));
    assert.equal(await page.inputValue('[data-search-input]'), 'الباغوز');
    assert.match((await page.textContent('[data-search-status]')) ?? '', /^4 نتائج$/);
    assert.equal(await page.getAttribute('[data-search-status]', 'aria-live'), 'polite');
    // Every result shows its outlet, its Arabic date and an excerpt with the word marked.
    const first = page.locator('.search-result').first();
    assert.ok((await first.locator('.search-result__outlet').textContent())?.trim());
    assert.match((await first.locator('time').textContent()) ?? '', /آذار\/مارس 2019/);
    assert.ok((await first.locator('.search-result__excerpt mark').count()) > 0);
    assert.deepEqual(problems, []);
    await fresh.close();
  });

  it('keeps the gallery appended to the DW article out of its hits (الرقة)', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'الرقة' }));
    await searched(page);
    const hrefs = await resultHrefs(page);
    assert.ok(hrefs.includes(KHALEEJ), `the Raqqa article is found: ${hrefs.join(', ')}`);
    assert.ok(!hrefs.includes(DW), 'the DW article mentions الرقة only in its appended gallery');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('narrows by outlet, carries the filter in the address, and restores it on reload', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'الباغوز' }));
    await searched(page);
    // From the keyboard: the box is rebuilt after the search, and keeps the focus.
    await page.focus('input[type=checkbox][name=outlet][value="السياسة"]');
    await page.keyboard.press('Space');
    await searched(page, `new URLSearchParams(location.search).get('outlet') === 'السياسة'`);
    assert.deepEqual(await resultHrefs(page), [SEYASSAH]);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), 'السياسة');
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('q'), 'الباغوز');
    assert.deepEqual(params.getAll('outlet'), ['السياسة']);
    // The other outlets still offer their counts: ticking one would add its article.
    assert.equal((await page.locator('label:has(input[name=outlet][value="DW عربية"]) .search-filter__count').textContent())?.trim(), '1');

    await page.reload();
    await searched(page);
    assert.deepEqual(await resultHrefs(page), [SEYASSAH]);
    assert.equal(await page.locator('input[type=checkbox][name=outlet][value="السياسة"]').isChecked(), true);
    assert.equal(await page.textContent('[data-search-status]'), 'نتيجة واحدة');

    await page.locator('input[type=checkbox][name=outlet][value="السياسة"]').uncheck();
    await searched(page, `!location.search.includes('outlet=')`);
    assert.equal((await resultHrefs(page)).length, 4);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('narrows by a date range typed into the date fields, kept in the address', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'داعش' }));
    await searched(page);
    assert.equal((await resultHrefs(page)).length, 5);
    await page.fill('[data-search-from]', '2019-03-20');
    await searched(page, `new URLSearchParams(location.search).get('from') === '2019-03-20'`);
    assert.deepEqual([...(await resultHrefs(page))].sort(), [DW, ALKHABAR, SEYASSAH].sort());
    await page.fill('[data-search-to]', '2019-03-22');
    await searched(page, `new URLSearchParams(location.search).get('to') === '2019-03-22'`);
    assert.deepEqual(await resultHrefs(page), []);
    assert.equal(await page.isVisible('[data-search-empty-filters]'), true, 'the empty state says to loosen the filters');
    await page.reload();
    await searched(page);
    assert.equal(await page.inputValue('[data-search-from]'), '2019-03-20');
    assert.equal(await page.inputValue('[data-search-to]'), '2019-03-22');
    // Cleared (Playwright's fill does not empty a date field).
    await page.locator('[data-search-to]').evaluate((input: HTMLInputElement) => {
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await searched(page, `!location.search.includes('to=')`);
    assert.equal((await resultHrefs(page)).length, 3);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('reads dates typed in Arabic, and says what it cannot read', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'داعش' }));
    await searched(page);
    await page.fill('[data-search-from]', 'آذار ٢٠١٩');
    await searched(page, `new URLSearchParams(location.search).get('from') === '2019-03-01'`);
    assert.deepEqual([...(await resultHrefs(page))].sort(), [...BAGHUZ].sort());
    await page.fill('[data-search-to]', '١٣/٣/٢٠١٩');
    await searched(page, `new URLSearchParams(location.search).get('to') === '2019-03-13'`);
    assert.deepEqual(await resultHrefs(page), [ROJAVA]);
    assert.equal(await page.isVisible('[data-search-dates-error]'), false);
    // what the field cannot read is said so when the field is left, and the bound stays as it was
    await page.fill('[data-search-to]', 'mm/dd/yyyy');
    await page.locator('[data-search-to]').dispatchEvent('change');
    await page.waitForSelector('[data-search-dates-error]:not([hidden])');
    assert.match((await page.textContent('[data-search-dates-error]')) ?? '', /لم يُفهم التاريخ «mm\/dd\/yyyy»/);
    assert.equal(await page.getAttribute('[data-search-to]', 'aria-invalid'), 'true');
    await searched(page, `new URLSearchParams(location.search).get('to') === '2019-03-13'`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('names the words that matched nothing and labels the results as without them', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'الباغوز زمبرككلمة' }));
    await searched(page);
    assert.deepEqual([...(await resultHrefs(page))].sort(), [...BAGHUZ].sort());
    assert.equal(await page.isVisible('[data-search-notice]'), true);
    assert.equal((await page.textContent('[data-search-notice]'))?.trim(), 'لم تطابق «زمبرككلمة» أيّ مقال، فالنتائج أدناه للبحث من دونها: «الباغوز».');
    await page.goto(server.url + searchUrl({ q: 'الباغوز' }));
    await searched(page);
    assert.equal(await page.isVisible('[data-search-notice]'), false, 'no notice when every word matched');
    await page.goto(server.url + searchUrl({ q: 'كوبنهاغن' }));
    await searched(page);
    assert.deepEqual(await resultHrefs(page), []);
    assert.equal((await page.textContent('[data-search-notice]'))?.trim(), 'لم تطابق «كوبنهاغن» أيّ مقال.');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('isolates the direction of every field that can mix scripts', async () => {
    const { page } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'Raqqa' }));
    await searched(page);
    assert.equal(await page.getAttribute('[data-search-input]', 'dir'), 'auto');
    const first = page.locator('.search-result').first();
    assert.equal(await first.locator('.search-result__title bdi').count(), 1);
    assert.equal(await first.locator('.search-result__outlet').evaluate((el) => el.tagName), 'BDI');
    assert.equal(await first.locator('.search-result__excerpt').getAttribute('dir'), 'auto');
    assert.equal((await page.locator('.search-filter bdi').count()) > 0, true, 'filter values');
    assert.equal((await first.locator('mark').first().textContent())?.includes('الرقة'), true, 'a Latin query marks the Arabic word');
    await page.close();
  });

  it('opens the article a result links to', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'الباغوز' }));
    await searched(page);
    const link = page.locator(`[data-search-results] a[href="${SEYASSAH}"]`);
    const title = (await link.textContent())?.trim();
    await Promise.all([page.waitForURL(`**${SEYASSAH}`), link.click()]);
    assert.equal((await page.locator('h1').first().textContent())?.trim(), title);
    assert.equal(title, '"قسد" تعلن هزيمة "داعش" في الباغوز وزوال "دولة الخلافة"');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('sorts by date', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + searchUrl({ q: 'الباغوز' }));
    await searched(page);
    await page.selectOption('[data-search-sort]', 'oldest');
    await searched(page, `location.search.includes('sort=oldest')`);
    const oldest = await resultHrefs(page);
    assert.equal(oldest[0], ROJAVA);
    assert.equal(oldest.length, 4);
    await page.selectOption('[data-search-sort]', 'newest');
    await searched(page, `location.search.includes('sort=newest')`);
    assert.equal((await resultHrefs(page)).at(-1), ROJAVA);
    await page.reload();
    await searched(page);
    assert.equal(await page.inputValue('[data-search-sort]'), 'newest');
    assert.equal((await resultHrefs(page)).at(-1), ROJAVA);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows the empty state for a query that matches nothing, typed and submitted from the keyboard', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/search/`);
    await searched(page);
    await page.focus('[data-search-input]');
    await page.keyboard.type('زمبرككلمةلاتوجد');
    await page.keyboard.press('Enter');
    await searched(page, `location.search.includes('q=')`);
    assert.equal(await resultHrefs(page).then((h) => h.length), 0);
    assert.equal(await page.isVisible('[data-search-empty]'), true);
    assert.equal(await page.textContent('[data-search-status]'), 'لا نتائج');
    assert.equal(await page.locator('[data-search-empty] a[href="/events/"]').count(), 1);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'زمبرككلمةلاتوجد');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('submits as a plain GET form without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const { page, problems } = await openPage(noJs);
    await page.goto(`${server.url}/search/`);
    assert.equal(await page.locator('noscript a[href="/places/"]').count(), 1);
    await page.fill('input[name=q]', 'الباغوز');
    await Promise.all([page.waitForURL(/\?q=/), page.press('input[name=q]', 'Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'الباغوز');
    assert.equal(new URL(page.url()).pathname, '/search/');
    assert.deepEqual(problems, []);
    await noJs.close();
  });
});
