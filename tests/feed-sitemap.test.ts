/**
 * The Atom feed, the sitemap and robots.txt of the built seed site, and the strict XML
 * well-formedness checker (tests/helpers/xml.ts) they are read with.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { before, describe, it } from 'node:test';
import { getArchive } from '../src/model/load-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { childElements, onlyChild, parseXml, textContent, XmlError, type XmlElement } from './helpers/xml.ts';
import { readSiteFile, seedSiteDir } from './helpers/site.ts';

/** The five seed titles, as GOLD.yml gives them. */
const GOLD_TITLES = [
  '"قسد" تعلن "القضاء التام" على داعش بسوريا ونهاية "الخلافة"',
  'هل انتهى “داعش“ في سوريا ؟ .. الحكاية الكاملة',
  '"قسد" تعلن هزيمة "داعش" في الباغوز وزوال "دولة الخلافة"',
  'هزيمة تاريخية لـ «داعش» في الرقة',
  '«اللحظات الأخيرة لداعش».. «إعلان النصر إيذان بمرحلة جديدة»',
];

const ATOM = 'http://www.w3.org/2005/Atom';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** RFC 3339 date-time (section 5.6), as Atom requires. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const archive = getArchive(DEFAULT_CONTENT_DIR);
const SITE_URL = archive.site.url;

describe('tests/helpers/xml.ts', () => {
  const DECL = '<?xml version="1.0" encoding="utf-8"?>\n';

  it('accepts well-formed documents and decodes text and attributes', () => {
    const doc = parseXml(
      `${DECL}<!-- a comment --><?pi data?>\n<a xmlns="urn:x" xmlns:p="urn:p" xml:lang='ar' p:k="1 &amp; 2 &#x3c; &#62;">` +
        `t&lt;&gt;&amp;&quot;&apos;&#1583;<b/><p:c x="&quot;y&quot;">z</p:c><![CDATA[<raw & ]]>` +
        `<!----></a >\n<!-- trailing -->\n`,
    );
    assert.equal(doc.declaration.version, '1.0');
    assert.equal(doc.declaration.encoding, 'utf-8');
    assert.equal(doc.root.name, 'a');
    assert.equal(doc.root.attributes['p:k'], '1 & 2 < >');
    assert.equal(doc.root.attributes['xml:lang'], 'ar');
    assert.equal(textContent(doc.root), 't<>&"\'دz<raw & ');
    assert.deepEqual(
      childElements(doc.root).map((e) => e.name),
      ['b', 'p:c'],
    );
    assert.equal(onlyChild(doc.root, 'p:c').attributes.x, '"y"');
  });

  it('accepts a declaration with standalone, a BOM, and astral characters', () => {
    const doc = parseXml('\uFEFF<?xml version="1.0" standalone="yes"?><r>😀 ي</r>');
    assert.equal(doc.declaration.standalone, 'yes');
    assert.equal(textContent(doc.root), '😀 ي');
  });

  const malformed: Array<[string, string]> = [
    ['no XML declaration', '<a/>'],
    ['white space before the declaration', ` ${DECL}<a/>`],
    ['a declaration without version', '<?xml encoding="utf-8"?><a/>'],
    ['a second declaration', `${DECL}<?xml version="1.0"?><a/>`],
    ['an empty document', DECL],
    ['an unclosed element', `${DECL}<a><b></b>`],
    ['an end tag that does not match', `${DECL}<a><b></a></b>`],
    ['a stray end tag', `${DECL}<a></a></b>`],
    ['two root elements', `${DECL}<a/><b/>`],
    ['text after the root', `${DECL}<a/>x`],
    ['text before the root', `${DECL}x<a/>`],
    ['an unquoted attribute', `${DECL}<a b=c/>`],
    ['an attribute without a value', `${DECL}<a b/>`],
    ['a duplicate attribute', `${DECL}<a b="1" b="2"/>`],
    ['attributes not separated by space', `${DECL}<a b="1"c="2"/>`],
    ['"<" in an attribute value', `${DECL}<a b="<"/>`],
    ['an unclosed attribute value', `${DECL}<a b="x/>`],
    ['an HTML named entity', `${DECL}<a>&nbsp;</a>`],
    ['an HTML named entity in an attribute', `${DECL}<a b="&copy;"/>`],
    ['a bare ampersand', `${DECL}<a>fish & chips</a>`],
    ['an unterminated reference', `${DECL}<a>&amp</a>`],
    ['a reference to NUL', `${DECL}<a>&#0;</a>`],
    ['a reference to a surrogate', `${DECL}<a>&#xD800;</a>`],
    ['a raw control character', `${DECL}<a>\u0001</a>`],
    ['a lone surrogate', `${DECL}<a>\uD800</a>`],
    ['"]]>" in text', `${DECL}<a>]]></a>`],
    ['"--" inside a comment', `${DECL}<a><!-- a -- b --></a>`],
    ['a comment ending in "--->"', `${DECL}<a><!-- a ---></a>`],
    ['an undeclared namespace prefix', `${DECL}<p:a/>`],
    ['a DOCTYPE', `${DECL}<!DOCTYPE a><a/>`],
    ['an invalid element name', `${DECL}<1a/>`],
    ['an unclosed CDATA section', `${DECL}<a><![CDATA[x</a>`],
    ['an unclosed start tag', `${DECL}<a`],
  ];
  for (const [what, xml] of malformed) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseXml(xml), XmlError);
    });
  }

  it('says where the problem is', () => {
    assert.throws(
      () => parseXml(`${DECL}<a>\n  <b>&nbsp;</b></a>`),
      (e: unknown) => e instanceof XmlError && e.line === 3 && /nbsp/.test(e.message),
    );
  });
});

/**
 * What `feed` gets wrong against RFC 4287 beyond well-formedness: Atom elements where they may
 * be and as many as allowed (exactly one id, title, updated; at most one of the others), text
 * constructs of a known type, ids that are absolute IRIs and unique, RFC 3339 dates that exist,
 * authors with a name (on the feed or on every entry), links with href, one rel="self" link to
 * `selfUrl`, no two alternate links of the same type and language, an alternate link and
 * content or summary on every entry.
 */
function atomProblems(feed: XmlElement, selfUrl: string): string[] {
  const problems: string[] = [];
  const atomRules = (el: XmlElement, where: string, allowed: string[], exactlyOne: string[], atMostOne: string[]) => {
    for (const child of childElements(el)) {
      // Unprefixed names are in the Atom namespace (the feed's default); extensions need a prefix.
      if (!child.name.includes(':') && !allowed.includes(child.name)) problems.push(`${where}: <${child.name}> is not an Atom element here`);
    }
    for (const name of exactlyOne) {
      const n = childElements(el, name).length;
      if (n !== 1) problems.push(`${where}: ${n} <${name}>, exactly 1 required`);
    }
    for (const name of atMostOne) {
      const n = childElements(el, name).length;
      if (n > 1) problems.push(`${where}: ${n} <${name}>, at most 1 allowed`);
    }
    for (const name of ['title', 'subtitle', 'summary', 'rights']) {
      for (const text of childElements(el, name)) {
        const type = text.attributes.type ?? 'text';
        if (!['text', 'html', 'xhtml'].includes(type)) problems.push(`${where}: <${name} type="${type}">`);
      }
    }
    const id = childElements(el, 'id')[0];
    if (id) {
      const iri = textContent(id);
      if (!/^[a-z][a-z0-9+.-]*:/i.test(iri) || !URL.canParse(iri)) problems.push(`${where}: id "${iri}" is not an absolute IRI`);
    }
    for (const name of ['updated', 'published']) {
      for (const date of childElements(el, name)) {
        const text = textContent(date);
        const time = Date.parse(text);
        // Date.parse rolls 2019-02-30 over to March: compare the calendar date back.
        if (!RFC3339.test(text) || Number.isNaN(time) || (text.endsWith('Z') && new Date(time).toISOString().slice(0, 10) !== text.slice(0, 10))) {
          problems.push(`${where}: <${name}> "${text}" is not an RFC 3339 date-time`);
        }
      }
    }
    for (const author of childElements(el, 'author')) {
      if (childElements(author, 'name').length !== 1) problems.push(`${where}: an <author> without exactly one <name>`);
    }
    for (const category of childElements(el, 'category')) if (!category.attributes.term) problems.push(`${where}: a <category> without term`);
    const links = childElements(el, 'link');
    for (const link of links) if (!link.attributes.href) problems.push(`${where}: a <link> without href`);
    const alternates = links.filter((l) => (l.attributes.rel ?? 'alternate') === 'alternate').map((l) => `${l.attributes.type ?? ''}|${l.attributes.hreflang ?? ''}`);
    if (new Set(alternates).size !== alternates.length) problems.push(`${where}: two alternate links with the same type and hreflang`);
    return links;
  };

  const feedLinks = atomRules(
    feed,
    'feed',
    ['author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated', 'entry'],
    ['id', 'title', 'updated'],
    ['generator', 'icon', 'logo', 'rights', 'subtitle'],
  );
  const self = feedLinks.filter((l) => l.attributes.rel === 'self');
  if (self.length !== 1 || self[0]?.attributes.href !== selfUrl) problems.push(`feed: ${self.length} rel="self" links, expected one to ${selfUrl}`);
  const feedHasAuthor = childElements(feed, 'author').length > 0;

  const ids = new Set<string>();
  childElements(feed, 'entry').forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    const links = atomRules(
      entry,
      where,
      ['author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated'],
      ['id', 'title', 'updated'],
      ['content', 'published', 'rights', 'source', 'summary'],
    );
    if (!links.some((l) => (l.attributes.rel ?? 'alternate') === 'alternate')) problems.push(`${where}: no alternate link`);
    if (!childElements(entry, 'content').length && !childElements(entry, 'summary').length) problems.push(`${where}: neither content nor summary`);
    if (!feedHasAuthor && !childElements(entry, 'author').length) problems.push(`${where}: no author, and the feed has none`);
    for (const id of childElements(entry, 'id').map(textContent)) {
      if (ids.has(id)) problems.push(`${where}: id ${id} repeats an earlier entry's`);
      ids.add(id);
    }
    const base = entry.attributes['xml:base'];
    if (base !== undefined && !URL.canParse(base)) problems.push(`${where}: xml:base "${base}" is not absolute`);
  });
  return problems;
}

describe('the Atom feed (/feed.xml)', () => {
  let text: string;
  let feed: XmlElement;
  before(async () => {
    text = readSiteFile(await seedSiteDir(), 'feed.xml');
    feed = parseXml(text).root;
  });

  it('is a well-formed XML document, not wrapped in a layout', () => {
    assert.ok(text.startsWith('<?xml version="1.0" encoding="utf-8"?>'), 'the XML declaration must come first');
    assert.doesNotMatch(text, /<html|<!doctype/i);
  });

  it('is an Atom feed in Arabic with the required feed elements', () => {
    assert.equal(feed.name, 'feed');
    assert.equal(feed.attributes.xmlns, ATOM);
    assert.equal(feed.attributes['xml:lang'], 'ar');
    assert.equal(textContent(onlyChild(feed, 'id')), SITE_URL);
    assert.equal(textContent(onlyChild(feed, 'title')), archive.site.title);
    assert.match(textContent(onlyChild(feed, 'updated')), RFC3339);
    const links = childElements(feed, 'link');
    assert.deepEqual(links.find((l) => l.attributes.rel === 'self')?.attributes.href, `${SITE_URL}feed.xml`);
    assert.deepEqual(links.find((l) => l.attributes.rel === 'alternate')?.attributes.href, SITE_URL);
    assert.ok(textContent(onlyChild(onlyChild(feed, 'author'), 'name')).trim());
  });

  it('is updated as of its newest article, not the build time', () => {
    assert.equal(textContent(onlyChild(feed, 'updated')), `${archive.articles[0]?.date.iso}T00:00:00Z`);
  });

  it('has the five seed articles, newest first, with the GOLD titles', () => {
    const entries = childElements(feed, 'entry');
    assert.equal(entries.length, 5);
    assert.deepEqual(new Set(entries.map((e) => textContent(onlyChild(e, 'title')))), new Set(GOLD_TITLES));
    const updated = entries.map((e) => textContent(onlyChild(e, 'updated')));
    assert.deepEqual(updated, [...updated].sort().reverse());
  });

  it('gives every entry the required elements, RFC 3339 dates and its content', () => {
    for (const entry of childElements(feed, 'entry')) {
      const id = textContent(onlyChild(entry, 'id'));
      const article = archive.articles.find((a) => `${SITE_URL}${a.url.slice(1)}` === id);
      assert.ok(article, `entry id ${id} is the absolute address of an article`);
      assert.equal(textContent(onlyChild(entry, 'title')), article.title);
      for (const name of ['updated', 'published']) {
        const date = textContent(onlyChild(entry, name));
        assert.match(date, RFC3339);
        assert.equal(date, `${article.date.iso}T00:00:00Z`);
        assert.ok(!Number.isNaN(Date.parse(date)));
      }
      const alternate = childElements(entry, 'link').find((l) => (l.attributes.rel ?? 'alternate') === 'alternate');
      assert.equal(alternate?.attributes.href, id);
      assert.equal(textContent(onlyChild(onlyChild(entry, 'author'), 'name')), article.author ?? article.outlet.name_ar);
      const terms = childElements(entry, 'category').map((c) => c.attributes.term);
      for (const e of article.events) assert.ok(terms.includes(e.title), `category for event ${e.id}`);
      for (const p of article.places) assert.ok(terms.includes(p.name), `category for place ${p.name}`);
      assert.equal(textContent(onlyChild(entry, 'summary')), article.summary);
      const content = onlyChild(entry, 'content');
      assert.equal(content.attributes.type, 'html');
      // Escaped once: the decoded text is the article's HTML itself.
      assert.equal(textContent(content), article.html);
      assert.match(textContent(content), /^<p/);
    }
  });

  it("keeps RFC 4287's rules: which elements, how many, one self link, absolute unique ids, real dates", () => {
    assert.deepEqual(atomProblems(feed, `${SITE_URL}feed.xml`), []);
  });

  it('(the RFC 4287 check reports what a broken feed gets wrong)', () => {
    const broken = parseXml(
      `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>feed-1</id><title>t</title><title>t2</title><updated>2019-02-30T00:00:00Z</updated>
  <link rel="alternate" href="https://x.example/"/>
  <link rel="alternate" href="https://x.example/again"/>
  <entry>
    <id>https://x.example/a</id><updated>2019-03-23</updated>
    <link rel="related" href="https://x.example/r"/><link rel="alternate"/>
    <pubDate>Sat, 23 Mar 2019</pubDate>
  </entry>
  <entry><id>https://x.example/a</id><title type="markdown">b</title><updated>2019-03-23T00:00:00Z</updated><summary>s</summary><link href="https://x.example/b"/></entry>
</feed>`,
    ).root;
    assert.deepEqual(atomProblems(broken, 'https://x.example/feed.xml'), [
      'feed: 2 <title>, exactly 1 required',
      'feed: id "feed-1" is not an absolute IRI',
      'feed: <updated> "2019-02-30T00:00:00Z" is not an RFC 3339 date-time',
      'feed: two alternate links with the same type and hreflang',
      'feed: 0 rel="self" links, expected one to https://x.example/feed.xml',
      'entry 1: <pubDate> is not an Atom element here',
      'entry 1: 0 <title>, exactly 1 required',
      'entry 1: <updated> "2019-03-23" is not an RFC 3339 date-time',
      'entry 1: a <link> without href',
      'entry 1: neither content nor summary',
      'entry 1: no author, and the feed has none',
      'entry 2: <title type="markdown">',
      'entry 2: no author, and the feed has none',
      "entry 2: id https://x.example/a repeats an earlier entry's",
    ]);
  });

  it('credits the author where the article names one', () => {
    const entry = childElements(feed, 'entry').find((e) => textContent(onlyChild(e, 'title')).startsWith('هل انتهى'));
    assert.ok(entry);
    assert.equal(textContent(onlyChild(onlyChild(entry, 'author'), 'name')), 'عطية العطية');
  });
});

/** Site-relative addresses of the HTML pages under `siteDir` (…/index.html → …/), 404 left out. */
function htmlPages(siteDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const rel = `/${relative(siteDir, path).split(sep).join('/')}`;
        if (rel === '/404.html') continue;
        pages.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(siteDir);
  return pages.sort();
}

describe('the sitemap (/sitemap.xml)', () => {
  let siteDir: string;
  let text: string;
  let urlset: XmlElement;
  let locs: Map<string, string | null>;
  before(async () => {
    siteDir = await seedSiteDir();
    text = readSiteFile(siteDir, 'sitemap.xml');
    urlset = parseXml(text).root;
    locs = new Map(
      childElements(urlset, 'url').map((u) => {
        const lastmod = childElements(u, 'lastmod')[0];
        return [textContent(onlyChild(u, 'loc')), lastmod ? textContent(lastmod) : null];
      }),
    );
  });

  /** The site-relative, decoded path of an absolute sitemap address. */
  const pathOf = (loc: string) => decodeURIComponent(`/${loc.slice(SITE_URL.length)}`);

  it('is a well-formed sitemaps.org document', () => {
    assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
    assert.equal(urlset.name, 'urlset');
    assert.equal(urlset.attributes.xmlns, SITEMAP);
    assert.equal(childElements(urlset, 'url').length, locs.size, 'no address is listed twice');
    for (const u of childElements(urlset, 'url')) {
      assert.deepEqual(
        childElements(u)
          .map((c) => c.name)
          .filter((n) => n !== 'loc' && n !== 'lastmod'),
        [],
      );
    }
  });

  it('lists only absolute addresses of pages that exist', () => {
    for (const loc of locs.keys()) {
      assert.ok(loc.startsWith(SITE_URL), `${loc} is absolute, under ${SITE_URL}`);
      assert.doesNotThrow(() => new URL(loc));
      assert.doesNotMatch(loc, /[^\x21-\x7e]/, `${loc} is percent-encoded`);
      const path = pathOf(loc);
      const file = path.endsWith('/') ? `${path}index.html` : path;
      assert.ok(existsSync(join(siteDir, file)), `${loc} is a page of the site (${file})`);
    }
  });

  it('lists every article with its date as lastmod', () => {
    for (const article of archive.articles) {
      const loc = `${SITE_URL}${article.url.slice(1)}`;
      assert.ok(locs.has(loc), `${loc} is listed`);
      assert.equal(locs.get(loc), article.date.iso);
    }
  });

  it('lists every article, event, outlet, place, year and agency page built, and the home page', () => {
    const listed = new Set([...locs.keys()].map(pathOf));
    const browse = htmlPages(siteDir).filter((p) => p === '/' || /^\/(articles|events|outlets|places|years|agencies)\//.test(p));
    const missing = browse.filter((p) => !listed.has(p));
    assert.deepEqual(missing, [], 'pages under _site missing from the sitemap');
  });

  it('leaves out the feed, robots.txt, the sitemap itself and the 404 page', () => {
    for (const loc of locs.keys()) assert.doesNotMatch(loc, /(feed\.xml|robots\.txt|sitemap\.xml|404(\.html)?\/?)$/);
  });
});

describe('robots.txt', () => {
  it('allows crawling and points at the sitemap by its absolute address', async () => {
    const text = readSiteFile(await seedSiteDir(), 'robots.txt');
    assert.match(text, /^User-agent: \*$/m);
    assert.match(text, /^Allow: \/$/m);
    assert.match(text, new RegExp(`^Sitemap: ${SITE_URL.replace(/[.]/g, '\\.')}sitemap\\.xml$`, 'm'));
    assert.doesNotMatch(text, /&[a-z#0-9]+;|<html/i, 'plain text, not escaped HTML');
  });
});
