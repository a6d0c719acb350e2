/**
 * The pages the seed content builds into: one per article, event, outlet, place, year; every
 * page right-to-left Arabic; titles shown exactly; material appended to a source page (000's
 * photo gallery) kept out of the article and its search index; and stylesheets written with
 * logical properties only. Internal links and anchors are checked in tests/links.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { loadValidContent, type Content } from '../src/content/load.ts';
import { displayDate } from '../src/model/format.ts';
import { DEFAULT_CONTENT_DIR, PUBLIC_DIR } from '../src/core/paths.ts';
import { readSiteFile, seedSiteDir } from './helpers/site.ts';

/** The headlines as a human editor established them (shared/seeds/GOLD.yml), by article id. */
const GOLD_TITLES: Record<string, string> = {
  '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate': '"قسد" تعلن "القضاء التام" على داعش بسوريا ونهاية "الخلافة"',
  '2019-03-23-alkhabar-tv-is-isis-over-in-syria': 'هل انتهى “داعش“ في سوريا ؟ .. الحكاية الكاملة',
  '2019-03-23-al-seyassah-sdf-declares-isis-defeat-in-baghuz': '"قسد" تعلن هزيمة "داعش" في الباغوز وزوال "دولة الخلافة"',
  '2017-10-18-al-khaleej-historic-isis-defeat-in-raqqa': 'هزيمة تاريخية لـ «داعش» في الرقة',
  '2019-03-13-rojava-network-isis-last-moments-in-baghuz': '«اللحظات الأخيرة لداعش».. «إعلان النصر إيذان بمرحلة جديدة»',
};

const GALLERY_ARTICLE = '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate';

/** Decodes the character references autoescaping and our Markdown pipeline write. */
function decodeEntities(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** The visible text of an HTML fragment: tags dropped, references decoded, spaces collapsed. */
function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The element that opens at the first match of `open` (a regex for its start tag), as
 * [start, end) offsets into `html`, found by counting nested start and end tags of its name.
 */
function elementRange(html: string, open: RegExp): [number, number] | undefined {
  const m = open.exec(html);
  if (!m) return undefined;
  const tag = /^<([a-z0-9]+)/i.exec(m[0])?.[1]?.toLowerCase();
  assert.ok(tag, `not a start tag: ${m[0]}`);
  const tokens = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tokens.lastIndex = m.index;
  let depth = 0;
  for (let t = tokens.exec(html); t; t = tokens.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return [m.index, t.index + t[0].length];
  }
  return undefined;
}

const PAGEFIND_BODY = /<[a-z]+\b[^>]*\sdata-pagefind-body\b[^>]*>/i;

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

function cssFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.css')).map((f) => join(dir, f));
}

/** The folders directly under `dir/sub` that hold an index.html. */
function pageFolders(siteDir: string, sub: string): string[] {
  const dir = join(siteDir, sub);
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'index.html')))
    .sort();
}

describe('site pages', () => {
  let siteDir: string;
  let content: Content;

  before(async () => {
    siteDir = await seedSiteDir();
    content = loadValidContent(DEFAULT_CONTENT_DIR);
  });

  it('builds one page per article, event, outlet and year, and a 404 page', () => {
    assert.deepEqual(pageFolders(siteDir, 'articles'), content.articles.map((a) => a.data.id).sort());
    assert.equal(pageFolders(siteDir, 'articles').length, 5);
    assert.deepEqual(pageFolders(siteDir, 'events'), ['baghuz-2019', 'raqqa-2017']);
    assert.deepEqual(pageFolders(siteDir, 'outlets'), ['al-khaleej', 'al-seyassah', 'alkhabar-tv', 'dw-arabic', 'rojava-network']);
    const years = [...new Set(content.articles.map((a) => a.data.date.slice(0, 4)))].sort();
    assert.deepEqual(pageFolders(siteDir, 'years'), years);
    assert.deepEqual(years, ['2017', '2019']);
    assert.ok(existsSync(join(siteDir, '404.html')), '404.html is written at the site root');
    for (const index of ['index.html', 'events/index.html', 'outlets/index.html', 'places/index.html', 'years/index.html', 'agencies/index.html', 'about/index.html']) {
      assert.ok(existsSync(join(siteDir, index)), `${index} exists`);
    }
  });

  it('writes the search page, an Arabic Pagefind index of the five articles, the feed and the sitemap', () => {
    for (const file of ['search/index.html', 'feed.xml', 'sitemap.xml', 'robots.txt', 'assets/search.js', 'pagefind/pagefind.js']) {
      assert.ok(existsSync(join(siteDir, file)), `${file} exists`);
    }
    const entry = JSON.parse(readSiteFile(siteDir, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    assert.deepEqual(Object.keys(entry.languages), ['ar']);
    assert.equal(entry.languages.ar?.page_count, 5, 'only the article pages are indexed');
  });

  it('builds a page for every place an article names, and for each agency credited', () => {
    const slugByName = new Map(Object.entries(content.places.entries).map(([slug, p]) => [p.name, slug]));
    const named = new Set(content.articles.flatMap((a) => a.data.places));
    assert.ok(named.size > 10, `the seeds name ${named.size} places`);
    for (const name of named) {
      const slug = slugByName.get(name);
      assert.ok(slug, `${name} is in the gazetteer`);
      const html = readSiteFile(siteDir, `places/${slug}/index.html`);
      assert.equal(textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? ''), name, `places/${slug}/ is headed ${name}`);
    }
    const agencies = new Set(content.articles.flatMap((a) => a.data.agencies));
    assert.deepEqual([...agencies].sort(), ['أ.ف.ب', 'د.ب.أ', 'رويترز'].sort());
    assert.equal(pageFolders(siteDir, 'agencies').length, agencies.size);
  });

  it('marks every page as right-to-left Arabic, with a viewport, a skip link and the site title', () => {
    const pages = htmlFiles(siteDir);
    assert.ok(pages.length >= 40, `${pages.length} pages`);
    for (const file of pages) {
      const html = readSiteFile(siteDir, file);
      assert.match(html, /<html lang="ar" dir="rtl">/, `${file} has <html lang="ar" dir="rtl">`);
      if (file.startsWith('pagefind/')) continue;
      assert.match(html, /<meta name="viewport"/, `${file} has a viewport`);
      const title = textOf(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
      assert.ok(title.endsWith(content.site.title), `${file}: <title> "${title}" ends with the site title`);
      const skip = /<a class="skip-link" href="#([^"]+)"/.exec(html);
      assert.ok(skip, `${file} has a skip link`);
      assert.match(html, new RegExp(`<main id="${skip[1]}"`), `${file}: the skip link targets <main>`);
    }
  });

  it("shows each article's title exactly as its h1, inside the indexed body, with its date and source", () => {
    for (const { data } of content.articles) {
      const html = readSiteFile(siteDir, `articles/${data.id}/index.html`);
      const h1s = [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)];
      assert.equal(h1s.length, 1, `${data.id} has one h1`);
      const h1 = h1s[0]![1]!;
      assert.doesNotMatch(h1, /<[a-z]/i, `${data.id}: the h1 holds text only`);
      assert.equal(decodeEntities(h1), data.title, `${data.id}: h1 is the front-matter title`);
      if (GOLD_TITLES[data.id] !== undefined) assert.equal(decodeEntities(h1), GOLD_TITLES[data.id], `${data.id}: h1 is the GOLD title`);

      const body = elementRange(html, PAGEFIND_BODY);
      assert.ok(body, `${data.id} has a data-pagefind-body element`);
      const bodyHtml = html.slice(...body);
      assert.ok(bodyHtml.includes(h1s[0]![0]), `${data.id}: the h1 is inside the indexed body`);
      assert.match(bodyHtml, new RegExp(`<time\\b[^>]*\\sdatetime="${data.date}"[^>]*>${displayDate(data.date).arabic}</time>`), `${data.id}: <time datetime="${data.date}">`);
      // Pagefind's filter and meta attributes only count inside the body element.
      const outside = html.slice(0, body[0]) + html.slice(body[1]);
      assert.doesNotMatch(outside, /data-pagefind-(filter|meta|sort)=/, `${data.id}: no Pagefind data outside the body`);

      assert.match(outside, new RegExp(`<code[^>]*dir="ltr"[^>]*>${data.source.sha256}</code>`), `${data.id}: sha256 in an ltr <code>, outside the body`);
      assert.ok(outside.includes(data.source.file), `${data.id}: the raw source file is named`);
      assert.match(textOf(outside), /المصدر والتوثيق/);
    }
  });

  it("keeps 000's appended gallery out of the article body and out of the search index", () => {
    const article = content.articles.find((a) => a.data.id === GALLERY_ARTICLE);
    assert.ok(article, 'the seed with a gallery exists');
    const gallery = article.data.related_material[0];
    assert.ok(gallery && gallery.kind === 'gallery' && gallery.items.length >= 7);

    const html = readSiteFile(siteDir, `articles/${GALLERY_ARTICLE}/index.html`);
    const body = elementRange(html, PAGEFIND_BODY);
    assert.ok(body);
    const bodyText = textOf(html.slice(...body));
    const aside = elementRange(html, /<aside\b[^>]*class="related-material"[^>]*>/);
    assert.ok(aside, 'the gallery is in its own <aside>');
    assert.ok(aside[0] >= body[1], 'the aside comes after the indexed body, not inside it');
    const asideText = textOf(html.slice(...aside));

    assert.ok(asideText.includes(gallery.title), 'the aside shows the gallery title');
    assert.ok(asideText.includes(gallery.note), 'the aside shows the note saying it is not part of the article');
    if (gallery.credit) assert.ok(asideText.includes(gallery.credit), 'the aside credits the gallery');
    for (const item of gallery.items) {
      assert.ok(asideText.includes(item.text), `caption in the aside: ${item.text.slice(0, 30)}…`);
      assert.ok(!bodyText.includes(item.text), `caption not in the article body: ${item.text.slice(0, 30)}…`);
      if (item.heading) assert.ok(!bodyText.includes(item.heading), `heading not in the article body: ${item.heading}`);
    }
    assert.ok(!bodyText.includes(gallery.title), 'gallery title not in the article body');
    assert.ok(!bodyText.includes('عين عيسى'), 'a place named only by the gallery is not in the article body');
    assert.match(html.slice(...aside), /href="\/events\/raqqa-2017\/"/, 'the gallery links to its own event');
  });

  it('lists an event’s articles oldest first and a year’s articles by month', () => {
    const html = readSiteFile(siteDir, 'events/baghuz-2019/index.html');
    const ids = [...html.matchAll(/<a class="article-title" href="\/articles\/([^/]+)\/">/g)].map((m) => m[1]!);
    const expected = content.articles
      .filter((a) => a.data.events.includes('baghuz-2019'))
      .sort((a, b) => a.data.date.localeCompare(b.data.date) || a.data.id.localeCompare(b.data.id))
      .map((a) => a.data.id);
    assert.deepEqual(ids, expected);
    assert.match(html, /<span lang="en" dir="ltr">Battle of Baghuz<\/span>/);

    const year = readSiteFile(siteDir, 'years/2019/index.html');
    assert.match(textOf(year), /آذار\/مارس 2019/);
  });

  it('keeps an article page small', () => {
    for (const { data } of content.articles) {
      // BENCHMARKS.md's budget is 25 kB compressed; the raw bound keeps a runaway block in view.
      const html = readFileSync(join(siteDir, 'articles', data.id, 'index.html'));
      assert.ok(html.length < 30_000, `${data.id}: ${html.length} bytes`);
      assert.ok(gzipSync(html).length < 25_000, `${data.id}: ${gzipSync(html).length} bytes compressed`);
    }
  });

  it('writes stylesheets with logical properties only', () => {
    const files = cssFiles(PUBLIC_DIR);
    assert.ok(
      files.some((f) => f.endsWith('site.css')),
      'public/css/site.css exists',
    );
    const physical =
      /margin-left|margin-right|padding-left|padding-right|(?<![\w-])left\s*:|(?<![\w-])right\s*:|float:\s*(left|right)|text-align:\s*(left|right)|border-left|border-right/;
    for (const file of files) {
      const lines = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
        .split('\n');
      lines.forEach((line, i) => {
        assert.doesNotMatch(line, physical, `${relative(PUBLIC_DIR, file)}:${i + 1} uses a physical property: ${line.trim()}`);
      });
    }
    const site = readFileSync(join(PUBLIC_DIR, 'css', 'site.css'), 'utf8');
    assert.match(site, /@font-face\s*{[^}]*font-family:\s*"Noto Naskh Arabic"[^}]*font-weight:\s*400[^}]*font-display:\s*swap/);
    assert.match(site, /@media print/);
  });
});
