/**
 * What search engines and link previews read: src/model/seo.ts (JSON-LD, OpenGraph/Twitter tags,
 * feed and sitemap data) and its output in the built pages' <head>.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { ArticleView } from '../src/model/views.ts';
import { jsonForScript } from '../src/site/filters.ts';
import { getArchive } from '../src/model/load-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { articleJsonLd, articleMetaTags, atomFeed, pageMetaTags, seoHead, siteUrl, sitemapEntries, truncateAtWord, xmlText } from '../src/model/seo.ts';
import { copySeedContent, buildSite, readSiteFile, seedSiteDir } from './helpers/site.ts';
import { childElements, onlyChild, parseXml, textContent } from './helpers/xml.ts';

const archive = getArchive(DEFAULT_CONTENT_DIR);
const site = archive.site;
const first = archive.articles[0] as ArticleView;
const byId = (id: string) => archive.articles.find((a) => a.id === id) as ArticleView;
const ALKHABAR = '2019-03-23-alkhabar-tv-is-isis-over-in-syria';
const DW = '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate';

const NASTY_TITLE = `"قسد" تعلن </script><script>alert(1)</script> 'النصر' & <!-- ]]> «داعش»`;

// -------------------------------------------------------------------------------------------
// Reading built HTML (autoescaped attribute values hold no raw quote or ">")

const decodeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#92);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#92': '\\' })[e] as string);

function tags(html: string, name: 'meta' | 'link'): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([^\s=/]+)="([^"]*)"/g)].map((a) => [a[1], decodeHtml(a[2] ?? '')])),
  );
}
const metaContent = (html: string, key: string) =>
  tags(html, 'meta')
    .filter((t) => t.property === key || t.name === key)
    .map((t) => t.content);
const canonicalOf = (html: string) =>
  tags(html, 'link')
    .filter((t) => t.rel === 'canonical')
    .map((t) => t.href);
const jsonLdScripts = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

const NOT_INCLUDED = 'no canonical link: does layouts/base.njk include "partials/seo-head.njk" in <head>?';

// -------------------------------------------------------------------------------------------

describe('JSON-LD in a <script> cannot be closed by a title', () => {
  it('escapes "</script>" and round-trips through JSON.parse', () => {
    const title = `${NASTY_TITLE} \u2028 \u2029 </SCRIPT >`;
    const ld = articleJsonLd({ ...first, title }, site);
    const text = jsonForScript(ld);
    assert.doesNotMatch(text, /<\/script/i);
    assert.doesNotMatch(text, /<!--/);
    assert.ok(!text.includes('<'), 'no "<" at all');
    assert.ok(!/[\u2028\u2029]/.test(text), 'line and paragraph separators escaped');
    const parsed = JSON.parse(text);
    assert.equal(parsed.headline, title);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(ld)));
  });
});

describe('articleJsonLd', () => {
  it('describes a seed article as a schema.org NewsArticle', () => {
    const a = byId(ALKHABAR);
    const ld = articleJsonLd(a, site);
    const canonical = `${site.url}articles/${ALKHABAR}/`;
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, 'هل انتهى “داعش“ في سوريا ؟ .. الحكاية الكاملة');
    assert.equal(ld.datePublished, '2019-03-23');
    assert.equal(ld.inLanguage, 'ar');
    assert.equal(ld.url, canonical);
    assert.deepEqual(ld.mainEntityOfPage, { '@type': 'WebPage', '@id': canonical });
    assert.deepEqual(ld.publisher, { '@type': 'NewsMediaOrganization', name: 'تلفزيون الخبر', alternateName: 'Alkhabar TV' });
    assert.deepEqual(ld.sourceOrganization, ld.publisher);
    assert.deepEqual(ld.author, { '@type': 'Person', name: 'عطية العطية' });
    assert.deepEqual(
      ld.contentLocation.map((p) => p.name),
      a.places.map((p) => p.name),
    );
    assert.ok(ld.contentLocation.every((p) => p['@type'] === 'Place' && p.url.startsWith(site.url)));
    assert.deepEqual(ld.about, [{ '@type': 'Event', name: a.events[0]?.title, url: `${site.url}events/baghuz-2019/` }]);
    assert.deepEqual(ld.identifier, { '@type': 'PropertyValue', propertyID: 'sha256', value: a.source.sha256 });
    assert.equal(ld.isAccessibleForFree, true);
    assert.ok(!('isBasedOn' in ld), 'no original address is known for this article');
  });

  it('names an author and the original address only when known', () => {
    const dw = byId(DW);
    assert.equal(dw.author, null);
    assert.ok(!('author' in articleJsonLd(dw, site)));
    const withUrl = { ...dw, source: { ...dw.source, url: 'https://www.dw.com/ar/x/a-1' } };
    assert.equal(articleJsonLd(withUrl, site).isBasedOn, 'https://www.dw.com/ar/x/a-1');
  });
});

describe('OpenGraph and Twitter tags', () => {
  const value = (tags: Array<{ key: string; content: string }>, key: string) => tags.filter((t) => t.key === key).map((t) => t.content);

  it('describe an article page', () => {
    const a = byId(ALKHABAR);
    const t = articleMetaTags(a, site);
    assert.deepEqual(value(t, 'og:type'), ['article']);
    assert.deepEqual(value(t, 'og:title'), [a.title]);
    assert.deepEqual(value(t, 'og:url'), [`${site.url}articles/${ALKHABAR}/`]);
    assert.deepEqual(value(t, 'og:site_name'), [site.title]);
    assert.deepEqual(value(t, 'og:locale'), ['ar_AR']);
    assert.deepEqual(value(t, 'article:published_time'), ['2019-03-23']);
    assert.deepEqual(value(t, 'article:section'), ['تلفزيون الخبر']);
    assert.deepEqual(value(t, 'twitter:card'), ['summary']);
    const [description] = value(t, 'og:description');
    assert.ok(description && description.length <= 201 && description.endsWith('…'));
    assert.ok(a.summary.startsWith(description.slice(0, -1)));
    assert.ok(t.filter((m) => m.key.startsWith('og:') || m.key.startsWith('article:')).every((m) => m.attribute === 'property'));
    assert.ok(t.filter((m) => m.key.startsWith('twitter:')).every((m) => m.attribute === 'name'));
  });

  it('describe any other page as a website, falling back to the site title and description', () => {
    const t = pageMetaTags({ url: '/events/' }, site);
    assert.deepEqual(value(t, 'og:type'), ['website']);
    assert.deepEqual(value(t, 'og:title'), [site.title]);
    assert.deepEqual(value(t, 'og:description'), [site.description]);
    assert.deepEqual(value(t, 'og:url'), [`${site.url}events/`]);
    const titled = pageMetaTags({ url: '/events/', title: 'الأحداث', description: 'وصف' }, site);
    assert.deepEqual(value(titled, 'og:title'), ['الأحداث']);
    assert.deepEqual(value(titled, 'og:description'), ['وصف']);
  });

  it('seoHead gives JSON-LD only to article pages', () => {
    const page = seoHead(site, { url: '/', title: undefined, description: undefined, article: undefined });
    assert.equal(page.canonical, site.url);
    assert.equal(page.description, site.description);
    assert.equal(page.jsonLd, null);
    assert.equal(page.feed.href, `${site.url}feed.xml`);
    const art = seoHead(site, { url: first.url, article: first });
    assert.equal(art.canonical, `${site.url}${first.url.slice(1)}`);
    assert.equal(art.jsonLd?.headline, first.title);
    assert.ok(art.description.length > 0 && art.description.length <= 201);
  });
});

describe('truncateAtWord', () => {
  it('leaves short text alone, collapsing white space', () => {
    assert.equal(truncateAtWord('  نص   قصير \n'), 'نص قصير');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = Array.from({ length: 80 }, (_, i) => `كلمة${i}`).join(' ');
    const cut = truncateAtWord(text, 200);
    assert.ok(cut.endsWith('…'));
    const kept = cut.slice(0, -1);
    assert.ok(kept.length <= 200);
    assert.ok(text.startsWith(kept));
    assert.equal(text[kept.length], ' ', 'cut before a space, not inside a word');
  });

  it('drops punctuation left dangling before the cut', () => {
    const text = `${'ا'.repeat(70)}، ${'ب'.repeat(100)}`;
    assert.equal(truncateAtWord(text, 100), `${'ا'.repeat(70)}…`);
  });

  it('cuts inside one over-long word rather than return a stub, never splitting a surrogate pair', () => {
    assert.equal(truncateAtWord(`ab ${'😀'.repeat(300)}`, 10), `ab ${'😀'.repeat(7)}…`);
  });
});

describe('siteUrl', () => {
  it('makes absolute, percent-encoded addresses and keeps a base path', () => {
    assert.equal(siteUrl('/articles/x/', site), `${site.url}articles/x/`);
    assert.equal(siteUrl('/agencies/أ-ف-ب/', { url: 'https://h.example/' }), 'https://h.example/agencies/%D8%A3-%D9%81-%D8%A8/');
    assert.equal(siteUrl('/events/', { url: 'https://h.example/archive/' }), 'https://h.example/archive/events/');
    assert.equal(siteUrl('/', { url: 'https://h.example/archive/' }), 'https://h.example/archive/');
  });
});

describe('atomFeed and sitemapEntries', () => {
  it('keeps the newest 50 articles and dates the feed by the newest', () => {
    const many = Array.from(
      { length: 60 },
      (_, i): ArticleView => ({
        ...first,
        id: `a-${i}`,
        url: `/articles/a-${i}/`,
        date: { ...first.date, iso: `20${String(60 - i).padStart(2, '0')}-01-01` },
      }),
    );
    const feed = atomFeed({ site, articles: many });
    assert.equal(feed.entries.length, 50);
    assert.equal(feed.entries[0]?.id, `${site.url}articles/a-0/`);
    assert.equal(feed.updated, '2060-01-01T00:00:00Z');
  });

  it('gives an empty archive a fixed date, not the build time', () => {
    const feed = atomFeed({ site, articles: [] });
    assert.deepEqual(feed.entries, []);
    assert.equal(feed.updated, '1970-01-01T00:00:00Z');
  });

  it('removes characters XML cannot carry', () => {
    assert.equal(xmlText('a\u0001b\u000Bc\uFFFEd\uD800e\uDC00f😀\tg\n'), 'abcdef😀\tg\n');
    const feed = atomFeed({ site, articles: [{ ...first, title: 'x\u0007y' }] });
    assert.equal(feed.entries[0]?.title, 'xy');
  });

  it('lists every page of a paginated template, once, without 404, excluded or non-HTML pages', () => {
    const entries = sitemapEntries(
      [
        { url: '/', data: {} },
        { url: first.url, data: { pagination: { hrefs: archive.articles.map((a) => a.url) } } },
        { url: archive.articles[1]?.url, data: {} }, // addAllPagesToCollections: listed once
        { url: '/404.html', data: {} },
        { url: '/404/', data: {} },
        { url: '/hidden/', data: { eleventyExcludeFromCollections: true } },
        { url: '/feed.xml', data: {} },
        { url: false, data: {} },
        { url: '/agencies/أ-ف-ب/', data: {} },
      ],
      archive,
    );
    const locs = entries.map((e) => e.loc);
    assert.deepEqual(locs, [...locs].sort());
    assert.equal(new Set(locs).size, locs.length);
    assert.deepEqual(new Set(locs), new Set([site.url, `${site.url}agencies/%D8%A3-%D9%81-%D8%A8/`, ...archive.articles.map((a) => `${site.url}${a.url.slice(1)}`)]));
    for (const a of archive.articles) assert.equal(entries.find((e) => e.loc.endsWith(a.url))?.lastmod, a.date.iso);
    assert.equal(entries.find((e) => e.loc === site.url)?.lastmod, null);
  });
});

describe('the <head> of the built seed pages', () => {
  let siteDir: string;
  before(async () => {
    siteDir = await seedSiteDir();
  });

  it('has, on each article page, a canonical link, OpenGraph tags and a NewsArticle JSON-LD', () => {
    for (const a of archive.articles) {
      const html = readSiteFile(siteDir, `articles/${a.id}/index.html`);
      const canonical = `${site.url}articles/${a.id}/`;
      assert.deepEqual(canonicalOf(html), [canonical], NOT_INCLUDED);
      assert.deepEqual(metaContent(html, 'og:title'), [a.title]);
      assert.deepEqual(metaContent(html, 'og:type'), ['article']);
      assert.deepEqual(metaContent(html, 'og:url'), [canonical]);
      assert.deepEqual(metaContent(html, 'og:locale'), ['ar_AR']);
      assert.deepEqual(metaContent(html, 'twitter:card'), ['summary']);
      assert.equal(metaContent(html, 'description').length, 1);
      const feedLinks = tags(html, 'link').filter((t) => t.rel === 'alternate' && t.type === 'application/atom+xml');
      assert.equal(feedLinks.length, 1);
      assert.equal(feedLinks[0]?.href, `${site.url}feed.xml`);
      const jsonFeedLinks = tags(html, 'link').filter((t) => t.rel === 'alternate' && t.type === 'application/feed+json');
      assert.deepEqual(
        jsonFeedLinks.map((t) => t.href),
        [`${site.url}feed.json`],
      );
      const scripts = jsonLdScripts(html);
      assert.equal(scripts.length, 1);
      const ld = JSON.parse(scripts[0] as string);
      assert.equal(ld['@type'], 'NewsArticle');
      assert.equal(ld.headline, a.title);
      assert.equal(ld.datePublished, a.date.iso);
      assert.equal(ld.mainEntityOfPage['@id'], canonical);
      assert.equal(ld.publisher.name, a.outlet.name_ar);
    }
  });

  it('has, on the home page, website tags and no JSON-LD', (t) => {
    let html: string;
    try {
      html = readSiteFile(siteDir, 'index.html');
    } catch {
      t.skip('no home page is built yet');
      return;
    }
    assert.deepEqual(canonicalOf(html), [site.url], NOT_INCLUDED);
    assert.deepEqual(metaContent(html, 'og:type'), ['website']);
    assert.equal(jsonLdScripts(html).length, 0);
  });
});

describe('a title made to break out of its markup', () => {
  let siteDir: string;
  before(async () => {
    const content = copySeedContent();
    const file = join(content, 'articles', `${DW}.md`);
    const md = readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(NASTY_TITLE)}`);
    writeFileSync(file, md);
    siteDir = await buildSite(content);
  });

  it('stays data in the JSON-LD, the meta tags and the page', () => {
    const html = readSiteFile(siteDir, `articles/${DW}/index.html`);
    assert.ok(!html.includes('<script>alert(1)'), 'the title is never markup');
    const scripts = jsonLdScripts(html);
    assert.equal(scripts.length, 1, NOT_INCLUDED);
    assert.doesNotMatch(scripts[0] as string, /<\/script/i);
    assert.equal(JSON.parse(scripts[0] as string).headline, NASTY_TITLE);
    assert.deepEqual(metaContent(html, 'og:title'), [NASTY_TITLE]);
  });

  it('stays text in a well-formed feed', () => {
    const feed = parseXml(readSiteFile(siteDir, 'feed.xml')).root;
    const titles = childElements(feed, 'entry').map((e) => textContent(onlyChild(e, 'title')));
    assert.ok(titles.includes(NASTY_TITLE));
    parseXml(readSiteFile(siteDir, 'sitemap.xml'));
  });
});
