/**
 * Reference managers read an article page by themselves: Chromium opens each seed article page
 * and reads its Highwire `citation_*` and Dublin Core `DC.*` meta tags (as Zotero's and
 * Mendeley's page importers do, from the DOM) and its JSON-LD; they must agree with the
 * article's front matter. The page's cite-this downloads must load, with the headline in them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { seedSiteInChromium } from './helpers/browser.ts';

const content = loadValidContent(DEFAULT_CONTENT_DIR);
const SITE_URL = content.site.url;

describe('citation metadata in Chromium', () => {
  const seed = seedSiteInChromium();

  for (const { data: fm } of content.articles) {
    it(fm.id, async () => {
      const page = await seed.browser.newPage();
      try {
        await page.goto(`${seed.server.url}/articles/${fm.id}/`);
        const read = await page.evaluate(() => {
          const meta: Record<string, string[]> = {};
          for (const m of document.querySelectorAll<HTMLMetaElement>('meta[name]')) {
            if (/^(citation_|DC\.)/.test(m.name)) (meta[m.name] ??= []).push(m.content);
          }
          const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
          return {
            meta,
            dcSchema: document.querySelector<HTMLLinkElement>('link[rel="schema.DC"]')?.href ?? null,
            canonical: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? null,
            ld: { headline: ld.headline, datePublished: ld.datePublished },
            downloads: [...document.querySelectorAll<HTMLAnchorElement>('.cite a[download]')].map((a) => a.getAttribute('href')),
          };
        });
        const outlet = content.outlets.entries[fm.outlet];
        const archiveUrl = `${SITE_URL}articles/${fm.id}/`;
        assert.deepEqual(read.meta.citation_title, [fm.title]);
        assert.deepEqual(read.meta.citation_publication_date, [fm.date.replace(/-/g, '/')]);
        assert.deepEqual(read.meta.citation_journal_title, [outlet?.name_ar]);
        assert.deepEqual(read.meta.citation_author, fm.author ? [fm.author] : undefined);
        assert.deepEqual(read.meta.citation_language, ['ar']);
        assert.deepEqual(read.meta.citation_public_url, [archiveUrl]);
        assert.deepEqual(read.meta['DC.title'], [fm.title]);
        assert.deepEqual(read.meta['DC.date'], [fm.date]);
        assert.deepEqual(read.meta['DC.creator'], [fm.author ?? outlet?.name_ar]);
        assert.deepEqual(read.meta['DC.identifier'], [archiveUrl]);
        assert.deepEqual(read.meta['DC.source'], fm.source.url ? [fm.source.url] : undefined);
        assert.deepEqual(read.meta['DC.relation'], [`sha256:${fm.source.sha256}`]);
        assert.equal(read.dcSchema, 'http://purl.org/dc/elements/1.1/');
        assert.equal(read.canonical, archiveUrl);
        assert.deepEqual(read.ld, { headline: fm.title, datePublished: fm.date });

        assert.equal(read.downloads.length, 3);
        for (const href of read.downloads) {
          const body = await page.evaluate(async (u) => {
            const r = await fetch(u as string);
            return { status: r.status, text: await r.text() };
          }, href);
          assert.equal(body.status, 200, `${href}`);
          assert.ok(body.text.includes(fm.title.replace(/"/g, href?.endsWith('.json') ? '\\"' : '"')), `${href} holds the headline`);
        }
      } finally {
        await page.close();
      }
    });
  }
});
