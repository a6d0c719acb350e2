/**
 * Every internal reference in the built seed site resolves: page links, the stylesheets, the
 * font preload and the fonts CSS asks for, the search script and the Pagefind bundle it imports
 * at run time, canonical and JSON-LD addresses under the site's public URL, and every #fragment
 * to an id on the page it names (tests/helpers/links.ts). A tiny site with known breakage checks
 * the checker itself, so it cannot pass by reading nothing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { getArchive } from '../src/model/load-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { checkSiteLinks, cssUrls, formatBrokenLinks, scriptUrls, srcsetUrls, startTags, type LinkReport } from './helpers/links.ts';
import { readSiteFile, seedSiteDir, tempDir } from './helpers/site.ts';

const SITE_URL = getArchive(DEFAULT_CONTENT_DIR).site.url;

function writeSite(files: Record<string, string>): string {
  const dir = tempDir('arshif-links-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string, head = '') => `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

describe('internal links of the seed site', () => {
  let siteDir: string;
  let report: LinkReport;

  before(async () => {
    siteDir = await seedSiteDir();
    report = checkSiteLinks(siteDir, { siteUrl: SITE_URL });
  });

  it('all resolve, fragments included', () => {
    assert.ok(report.broken.length === 0, formatBrokenLinks(report.broken));
  });

  it('are all site-absolute on the 404 page, which a host serves at any depth', () => {
    const relative = startTags(readSiteFile(siteDir, '404.html'))
      .flatMap((t) => [t.attributes.href, t.attributes.src, t.attributes.action])
      .filter((ref): ref is string => ref !== undefined && !/^(\/|#|[a-z][a-z0-9+.-]*:)/i.test(ref));
    assert.deepEqual(relative, [], 'relative addresses on 404.html break when it is served for /a/b/c');
  });

  it('were actually read: pages, CSS, the search script, Arabic paths and fragments', () => {
    assert.ok(report.files >= 60, `${report.files} files read`);
    assert.ok(report.checked >= 1000, `${report.checked} references resolved`);
    // The references this test exists for are there to be checked.
    const home = readSiteFile(siteDir, 'index.html');
    assert.match(home, /<link rel="preload" href="\/fonts\/[^"]+\.woff2"/, 'the font preload');
    assert.match(home, /<link rel="stylesheet" href="\/css\/site\.css">/);
    assert.ok(cssUrls(readSiteFile(siteDir, 'css/site.css')).filter((u) => u.startsWith('/fonts/')).length >= 2, 'the @font-face urls');
    assert.match(readSiteFile(siteDir, 'search/index.html'), /<script type="module" src="\/assets\/search\.js">/);
    assert.ok(scriptUrls(readSiteFile(siteDir, 'assets/search.js')).includes('/pagefind/pagefind.js'), 'the search script imports /pagefind/pagefind.js');
    const agencies = startTags(readSiteFile(siteDir, 'agencies/index.html')).map((t) => t.attributes.href ?? '');
    assert.ok(
      agencies.some((href) => /^\/agencies\/[\u0600-\u06ff]/.test(href)),
      'links to Arabic paths',
    );
    const years = startTags(readSiteFile(siteDir, 'years/index.html')).map((t) => t.attributes.href ?? '');
    assert.ok(
      years.some((href) => /^\/years\/\d{4}\/#./.test(href)),
      'links to a fragment of another page',
    );
  });
});

describe('the link checker (tests/helpers/links.ts)', () => {
  it('reads srcset, CSS url() and script imports', () => {
    assert.deepEqual(srcsetUrls(' a.jpg 1x, /b/c.jpg 2x,d.png, e,f.png 100w, g.png (1) '), ['a.jpg', '/b/c.jpg', 'd.png', 'e,f.png', 'g.png']);
    assert.deepEqual(cssUrls('/* url(/x.png) */ a { background: url( "/a.png" ) url(b.png) url(\'c d.png\') } @import "/i.css";'), ['/a.png', 'b.png', 'c d.png', '/i.css']);
    assert.deepEqual(scriptUrls('const u="/pagefind/pagefind.js";import(`/x/y.mjs`);fetch("https://e.org/a.js");"/not-a-file"'), ['/pagefind/pagefind.js', '/x/y.mjs']);
  });

  it('reports each broken link, anchor and asset of a tiny site as page → target', () => {
    const site = writeSite({
      'index.html': page(
        [
          '<a href="#main">skip</a><main id="main">',
          '<a href="/a/">ok</a> <a href="/a">ok without slash</a> <a href="a/index.html">ok relative</a>',
          '<a href="/missing/">broken page</a>',
          '<a href="/a/#here">ok anchor</a> <a href="/a/#nowhere">broken anchor</a>',
          '<a href="#gone">broken same-page anchor</a> <a href="#top">top</a> <a href="#">empty</a>',
          '<a href="/وكالة/">ok Arabic</a> <a href="/%D9%88%D9%83%D8%A7%D9%84%D8%A9/">ok encoded Arabic</a>',
          '<a href="/%D9%88%D9%83%D8%A7%D9%84/">broken encoded Arabic</a>',
          '<a href="/a/#%D9%82%D8%B3%D9%85">ok encoded Arabic anchor</a>',
          '<a href="/search/?q=x&amp;y=1">ok with a query</a> <a href="/%E0%A4%A">malformed</a>',
          '<a href="https://elsewhere.example/x">external, not checked</a> <a href="mailto:a@b.c">mail</a>',
          '<a href="javascript:alert(1)">script</a>',
          '<img src="/img/ok.png" alt="" srcset="/img/ok.png 1x, /img/big.png 2x">',
          '<div style="background: url(/img/gone.png)"></div>',
          '<script type="module" src="/assets/app.js"></script>',
          '</main>',
        ].join('\n'),
        [
          '<link rel="preload" href="/fonts/f.woff2" as="font" type="font/woff2" crossorigin>',
          '<link rel="stylesheet" href="/css/site.css"><link rel="icon" href="data:image/svg+xml,%3Csvg%3E">',
          '<link rel="canonical" href="https://site.example/nope/">',
          '<script type="application/ld+json">{"url":"https://site.example/a/","about":[{"url":"https://site.example/old/"}]}</script>',
          '<!-- <a href="/commented-out/"> -->',
        ].join(''),
      ),
      'a/index.html': page('<h1 id="here">A</h1><h2 id="قسم">قسم</h2><a href="../b/">broken relative</a>'),
      'وكالة/index.html': page('<a href="/">home</a>'),
      'search/index.html': page('search'),
      'img/ok.png': '',
      'fonts/ok.woff2': '',
      'css/site.css':
        '/* url(/fonts/commented.woff2) */ @font-face { src: url("/fonts/ok.woff2") } a { background: url(../img/ok.png) } b { background: url("/fonts/gone.woff2") }',
      'assets/app.js': 'const p="/pagefind/pagefind.js";export default import(p);',
      'pagefind/skipped.html': '<a href="/not-checked/">',
    });
    const { broken } = checkSiteLinks(site, { siteUrl: 'https://site.example/' });
    const got = broken.map((b) => `${b.page} → ${b.target}`).sort();
    assert.deepEqual(
      got,
      [
        'a/index.html → ../b/',
        'assets/app.js → /pagefind/pagefind.js',
        'css/site.css → /fonts/gone.woff2',
        'index.html → #gone',
        'index.html → /%D9%88%D9%83%D8%A7%D9%84/',
        'index.html → /%E0%A4%A',
        'index.html → /a/#nowhere',
        'index.html → /fonts/f.woff2',
        'index.html → /img/big.png',
        'index.html → /img/gone.png',
        'index.html → /missing/',
        'index.html → https://site.example/nope/',
        'index.html → https://site.example/old/',
        'index.html → javascript:alert(1)',
      ].sort(),
      formatBrokenLinks(broken),
    );
    const text = formatBrokenLinks(broken);
    assert.match(text, /^14 broken links:/);
    assert.match(text, /index\.html → \/a\/#nowhere \(no id="nowhere" in a\/index\.html\)/);
    assert.match(text, /index\.html → \/%D9%88%D9%83%D8%A7%D9%84\/ \(no file at \/وكال\/index\.html\)/);
  });
});
