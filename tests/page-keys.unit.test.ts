/**
 * Render keys (src/site/page-keys.ts): a page's key changes with what it shows, including the
 * articles and events other items hold and the long texts whose digests a build takes from the
 * previous one, and only with that; a view JSON cannot write faithfully is refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LONG_TEXT, PageKeys } from '../src/site/page-keys.ts';
import type { Archive } from '../src/model/views.ts';

const article = (id: string, html = `<p>${id}</p>`) => ({ id, url: `/articles/${id}/`, title: `عنوان ${id}`, html });
const archiveOf = (articles: ReturnType<typeof article>[], site = { title: 'أرشيف', description: 'd', url: 'https://example.org/' }) =>
  ({ articles, events: [], site, nav: [{ url: '/events/', label: 'الأحداث' }] }) as unknown as Archive;
const listOf = (articles: unknown[]) => ({ url: '/outlets/x/', articles });

describe('render keys', () => {
  const a = article('a');
  const b = article('b');
  const keys = new PageKeys(archiveOf([a, b]), 'v1');

  it('are the same for the same page and the same views, in another build', () => {
    const a2 = article('a');
    const b2 = article('b');
    const again = new PageKeys(archiveOf([a2, b2]), 'v1');
    assert.equal(again.key('outlet.njk', 'outlets/x/index.html', listOf([a2, b2])), keys.key('outlet.njk', 'outlets/x/index.html', listOf([a, b])));
    assert.equal(again.key('article.njk', 'articles/a/index.html', a2), keys.key('article.njk', 'articles/a/index.html', a));
  });

  it('change with an article a list holds, and not with one it does not', () => {
    const edited = article('b', '<p>نص آخر</p>');
    const after = new PageKeys(archiveOf([a, edited]), 'v1');
    assert.notEqual(after.key('outlet.njk', 'outlets/x/index.html', listOf([a, edited])), keys.key('outlet.njk', 'outlets/x/index.html', listOf([a, b])));
    assert.equal(after.key('outlet.njk', 'outlets/y/index.html', listOf([a])), keys.key('outlet.njk', 'outlets/y/index.html', listOf([a])));
    assert.equal(after.key('article.njk', 'articles/a/index.html', a), keys.key('article.njk', 'articles/a/index.html', a));
  });

  it('change with the site, the code version, the template and the path', () => {
    const base = keys.key('article.njk', 'articles/a/index.html', a);
    assert.notEqual(new PageKeys(archiveOf([a, b], { title: 'أرشيف', description: 'd', url: 'https://other.org/' }), 'v1').key('article.njk', 'articles/a/index.html', a), base);
    assert.notEqual(new PageKeys(archiveOf([a, b]), 'v2').key('article.njk', 'articles/a/index.html', a), base);
    assert.notEqual(keys.key('article-cite-files.njk', 'articles/a/index.html', a), base);
    assert.notEqual(keys.key('article.njk', 'articles/b/index.html', a), base);
  });

  it('refuse a view holding what JSON cannot write, rather than digest it as {}', () => {
    assert.throws(() => keys.key('event.njk', 'events/e/index.html', { url: '/events/e/', counts: new Map([['a', 1]]) }), /Map/);
    assert.throws(() => keys.key('event.njk', 'events/e/index.html', { url: '/events/e/', seen: new Set(['a']) }), /Set/);
    assert.throws(() => keys.key('event.njk', 'events/e/index.html', { url: '/events/e/', label: () => 'x' }), /function/);
  });

  it('change with an event its timeline files hold, and with an article the event holds', () => {
    const event = (articles: unknown[], title = 'حدث') => ({ id: 'e', url: '/events/e/', title, articles });
    const archiveWith = (articles: ReturnType<typeof article>[], events: unknown[]) => ({ ...archiveOf(articles), events }) as unknown as Archive;
    const fileOf = (e: unknown) => ({ event: e, format: 'json', url: '/export/events/e.json' });
    const keyOf = (articles: ReturnType<typeof article>[], e: unknown) => {
      const k = new PageKeys(archiveWith(articles, [e]), 'v1');
      return { page: k.key('event.njk', 'events/e/index.html', e), file: k.key('export-event-files.njk', 'export/events/e.json', fileOf(e)) };
    };
    const base = keyOf([a, b], event([a, b]));
    const [a2, b2] = [article('a'), article('b')];
    assert.deepEqual(keyOf([a2, b2], event([a2, b2])), base, 'the same views, made again');
    const renamed = keyOf([a, b], event([a, b], 'حدث آخر'));
    assert.notEqual(renamed.page, base.page);
    assert.notEqual(renamed.file, base.file);
    const edited = article('b', '<p>نص آخر</p>');
    const withEdited = keyOf([a, edited], event([a, edited]));
    assert.notEqual(withEdited.page, base.page);
    assert.notEqual(withEdited.file, base.file);
  });

  it('of a long text follow the text, build after build in one process, not its length or its article', () => {
    // Builds one after another in this process, each taking the previous one's digests of long
    // texts: the same text (made anew, as a rebuild that parsed it again would) keeps its key; an
    // edit of the same length (a string hash made of the length alone would miss it) changes it.
    const text = (letter: string) => `<p>${'ن'.repeat(LONG_TEXT)}${letter}</p>`;
    const htmls = [text('ا'), text('ب'), text('ب'), text('ا'), text('ا'), text('ت')];
    const keysOf = htmls.map((html) => {
      const one = article('a', html);
      const k = new PageKeys(archiveOf([one]), 'v1', { keepTexts: true });
      return {
        article: k.key('article.njk', 'articles/a/index.html', one),
        list: k.key('outlet.njk', 'outlets/x/index.html', listOf([one])),
        map: k.key('place.njk', 'places/p/index.html', { url: '/places/p/', mapSvg: html }),
      };
    });
    for (let i = 0; i < htmls.length; i++)
      for (let j = i + 1; j < htmls.length; j++)
        for (const page of ['article', 'list', 'map'] as const)
          assert.equal(keysOf[i]?.[page] === keysOf[j]?.[page], htmls[i] === htmls[j], `${page} page, builds ${i} and ${j}: the same key exactly when the text is the same`);
  });

  it('hold a long text whole, where a short one is written out', () => {
    const long = 'ر'.repeat(LONG_TEXT);
    const k = new PageKeys(archiveOf([a, b]), 'v1');
    assert.notEqual(
      k.key('place.njk', 'places/p/index.html', { url: '/places/p/', mapSvg: long }),
      k.key('place.njk', 'places/p/index.html', { url: '/places/p/', mapSvg: `${long.slice(1)}ز` }),
    );
    assert.notEqual(
      k.key('place.njk', 'places/p/index.html', { url: '/places/p/', mapSvg: long }),
      k.key('place.njk', 'places/p/index.html', { url: '/places/p/', mapSvg: long.slice(1) }),
    );
  });
});
