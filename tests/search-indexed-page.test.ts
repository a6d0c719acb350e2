/**
 * What the search index takes of an article page (src/search/indexed-page.ts): its
 * `data-pagefind-body` element, found by an HTML parser in the page Eleventy rendered, as the
 * page's own bytes, with the date it sorts by.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { indexedPage, isArticlePage } from '../src/search/indexed-page.ts';

const PATH = 'articles/a/index.html';
const SORT = '<span data-pagefind-meta="date:2019-03-23" data-pagefind-sort="date:2019-03-23"></span>';
const STABLE_SORT = `<span data-pagefind-meta="date:2019-03-23" data-pagefind-sort="date:2019-03-23 ${PATH}"></span>`;
const inDocument = (body: string) => `<!doctype html><html lang="ar"><body>${body}</body></html>`;

describe('indexedPage', () => {
  it('takes the data-pagefind-body element alone, byte for byte, in a document that says the language', () => {
    const article = `<article class="article" data-pagefind-body>\n  <h1>عنوان &amp; «نص»</h1>\n  <p id="p-1">فقرة<br>ثانية</p>\n  ${SORT}\n</article>`;
    const page = indexedPage(
      PATH,
      `<!doctype html><html lang="ar"><head><title>x</title></head><body><nav><a href="/">أرشيف</a></nav><main>${article}<section>المصدر</section></main></body></html>`,
    );
    assert.ok(page);
    assert.equal(page.path, PATH);
    assert.equal(page.date, '2019-03-23');
    assert.equal(page.hash, createHash('sha256').update(inDocument(article)).digest('hex'), 'the hash is of the part as the page holds it');
    assert.equal(page.html, inDocument(article.replace(SORT, STABLE_SORT)), 'Pagefind sorts it by date, then path');
  });

  it('ends the element at its own end tag, whatever is nested in it or written in its text and attributes', () => {
    const article = [
      '<article data-pagefind-body>',
      '<article><p>مقال في مقال</p></article>',
      '<p title="a > b </article>">نص فيه &lt;/article&gt; و data-pagefind-sort="date:1999-01-01"</p>',
      '<!-- </article> -->',
      SORT,
      '</article>',
    ].join('');
    const page = indexedPage(PATH, `<main>${article}<article><p>بعده</p></article></main>`);
    assert.ok(page);
    assert.equal(page.date, '2019-03-23', 'the date of the sort attribute, not of a text that looks like one');
    assert.equal(page.html, inDocument(article.replace(SORT, STABLE_SORT)));
  });

  it('skips a page without a data-pagefind-body element, and says which page has no date', () => {
    assert.equal(indexedPage('articles/index.html', '<main><p>data-pagefind-body</p><ul><li>مقال</li></ul></main>'), undefined);
    assert.throws(() => indexedPage(PATH, '<article data-pagefind-body><p>نص</p></article>'), /^Error: articles\/a\/index.html has no data-pagefind-sort="date:…"$/);
  });

  it('knows the article pages by their paths', () => {
    assert.equal(isArticlePage('articles/a/index.html'), true);
    assert.equal(isArticlePage('articles/a/cite.bib'), false);
    assert.equal(isArticlePage('events/x/index.html'), false);
  });
});
