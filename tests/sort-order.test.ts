/**
 * One order for every list of articles: oldest first, with a page newest first for each long
 * list, the two linked to each other (no JavaScript).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { buildArchive } from '../src/model/build-archive.ts';
import { LONG_LIST } from '../src/model/list-order.ts';
import type { Archive, ArticleView } from '../src/model/views.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { readSiteFile, seedSiteDir } from './helpers/site.ts';

const isOldestFirst = (list: readonly ArticleView[]) => list.every((a, i) => i === 0 || (list[i - 1] as ArticleView).date.iso <= a.date.iso);

describe('the sort order', () => {
  let archive: Archive;
  before(() => {
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    archive = buildArchive(content, content.site);
  });

  it('is oldest first on every browse list', () => {
    const lists: Array<[string, readonly ArticleView[]]> = [
      ['/articles/', archive.articlesOldestFirst],
      ...archive.events.map((e): [string, readonly ArticleView[]] => [e.url, e.articles]),
      ...archive.outlets.map((o): [string, readonly ArticleView[]] => [o.url, o.articles]),
      ...archive.places.map((p): [string, readonly ArticleView[]] => [p.url, p.articles]),
      ...archive.years.map((y): [string, readonly ArticleView[]] => [y.url, y.articles]),
      ...archive.agencies.map((a): [string, readonly ArticleView[]] => [a.url, a.articles]),
    ];
    for (const [url, list] of lists) assert.ok(isOldestFirst(list), `${url}: ${list.map((a) => a.date.iso).join(', ')}`);
    assert.ok(
      lists.some(([, list]) => new Set(list.map((a) => a.date.iso)).size > 1),
      'some list has several dates',
    );
  });

  it('gives each long list a page newest first, with the same articles newest first (ties in the same order)', () => {
    const views = [...archive.events, ...archive.outlets, ...archive.places, ...archive.years, ...archive.agencies];
    for (const v of views) assert.equal(v.newestUrl !== null, v.articles.length >= LONG_LIST, v.url);
    const byUrl = new Map(archive.newestLists.map((l) => [l.url, l]));
    for (const v of views.filter((x) => x.newestUrl)) {
      const list = byUrl.get(v.newestUrl as string);
      assert.ok(list, `${v.newestUrl} is a page`);
      assert.equal(list.oldestUrl, v.url);
      assert.deepEqual(new Set(list.articles.map((a) => a.id)), new Set(v.articles.map((a) => a.id)));
      assert.ok(isOldestFirst([...list.articles].reverse()), `${list.url} is newest first`);
    }
    assert.ok(byUrl.has('/articles-newest/'), 'the index of all articles has one (5 articles), beside /articles/ where every folder is an article');
  });

  it('links the two pages to each other, the current order marked', async () => {
    const site = await seedSiteDir();
    const oldest = readSiteFile(site, 'places/syria/index.html');
    assert.match(
      oldest,
      /<p class="order-switch">الترتيب: <span aria-current="page">من الأقدم إلى الأحدث<\/span> · <a href="\/places\/syria\/newest\/">من الأحدث إلى الأقدم<\/a><\/p>/,
    );
    const newest = readSiteFile(site, 'places/syria/newest/index.html');
    assert.match(newest, /<a href="\/places\/syria\/">من الأقدم إلى الأحدث<\/a> · <span aria-current="page">من الأحدث إلى الأقدم<\/span>/);
    const dates = (html: string) => [...html.matchAll(/<li>\s*<a class="article-title"[\s\S]*?<time datetime="([\d-]+)">/g)].map((m) => m[1]);
    assert.deepEqual(dates(newest), [...dates(oldest)].reverse());
    assert.doesNotMatch(readSiteFile(site, 'outlets/dw-arabic/index.html'), /order-switch/, 'a short list has no switch');
  });
});
