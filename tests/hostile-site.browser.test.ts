/**
 * Content from the web is untrusted. A hostile article (script tags, event handlers,
 * javascript: links, HTML and template syntax in every field) must build into pages where
 * nothing executes: Chromium visits every page the article appears on, no dialog fires and no
 * element, handler or script link is injected. (tests/hostile-corpus.test.ts does the same for a
 * case per field, in outlets, places, events and site.yml too.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { launchChromium } from '../src/bench/chromium.ts';
import { serveStatic, type StaticServer } from '../src/core/static-server.ts';
import { buildSite, readSiteFile } from './helpers/site.ts';
import { contentWithFixtures } from './helpers/fixture-content.ts';
import { findInjectedInHtml, sitePages, visibleText, visitForScript } from './helpers/hostile.ts';
import { parseXml, type XmlElement } from './helpers/xml.ts';

const ID = '2017-10-20-al-khaleej-hostile';

describe('hostile content in Chromium', () => {
  let siteDir: string;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const contentDir = contentWithFixtures(join(PROJECT_ROOT, 'tests', 'fixtures', 'site', 'hostile'));
    siteDir = await buildSite(contentDir);
    server = await serveStatic(siteDir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the hostile title as text in the h1', () => {
    const html = readSiteFile(siteDir, `articles/${ID}/index.html`);
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
    assert.match(h1, /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<(img|svg|iframe)\b/i);
    assert.doesNotMatch(html, /<a\b[^>]*href="\s*javascript:/i);
    assert.doesNotMatch(html, /\b49\b/, 'template syntax in content is not evaluated');
  });

  it('fires no dialog and runs no injected script on any page', async () => {
    const pages = sitePages(siteDir);
    pages.push(`/search/?q=${encodeURIComponent('<script>alert("q")</script>')}`, `/search/?q=${encodeURIComponent('خبيث')}`);
    const { dialogs, injected } = await visitForScript(browser, server.url, pages);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(injected, []);
    assert.ok(pages.length >= 10, `visited ${pages.length} pages`);
  });

  it('shows the hostile fields as text on the article page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/articles/${ID}/`, { waitUntil: 'load' });
    const shown = await visibleText(page);
    await page.close();
    for (const text of [
      '<script>alert("title")</script>',
      '<svg onload=alert("author")>',
      '</p><script>alert("dateline")</script>',
      '{{ 7*7 }}',
      '<script>alert("gallery")</script>',
      '<a href="javascript:alert(1)">note</a>',
      '<script>alert("body")</script>',
    ]) {
      assert.ok(shown.includes(text), `the page does not show ${text}`);
    }
  });

  it('keeps the feed well-formed, its titles text and its content harmless', async () => {
    const feed = parseXml(readFileSync(join(siteDir, 'feed.xml'), 'utf8'));
    const entry = feed.root.children.find(
      (c): c is XmlElement => typeof c !== 'string' && c.name === 'entry' && c.children.some((t) => typeof t !== 'string' && t.name === 'id' && t.children.join('').includes(ID)),
    );
    assert.ok(entry, 'the hostile article is in the feed');
    const child = (name: string) => entry.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name) as XmlElement;
    assert.equal(child('title').attributes.type, undefined, 'a title is text');
    assert.match(child('title').children.join(''), /^<script>alert\("title"\)<\/script>/);
    const page = await browser.newPage();
    const injected = await findInjectedInHtml(page, child('content').children.join(''));
    await page.close();
    assert.deepEqual(injected, []);
  });
});
