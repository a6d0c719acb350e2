/**
 * The batches of a build's pages (src/site/page-batches.ts): the pages that read the archive
 * whole in one run of their own, listing the item pages of the others for the sitemap, then the
 * items, a bounded number a run, each once, in order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchAdds, renderBatches } from '../src/site/page-batches.ts';
import { PAGE_LISTS, type RenderData } from '../src/site/page-lists.ts';

const item = (url: string) => ({ url });
const articles = ['a', 'b', 'c', 'd', 'e'].map((id) => item(`/articles/${id}/`));
const citeFiles = ['a', 'b'].map((id) => item(`/articles/${id}/cite.bib`));
const outlets = [item('/outlets/x/')];
const render: RenderData = { lists: { articles, citeFiles, outlets }, carriedUrls: ['/articles/z/'] };

describe('batches of pages', () => {
  it('are one run of every template when every item fits one', () => {
    assert.deepEqual(renderBatches(render, 8), [{ templates: 'all', render, items: 8 }]);
  });

  it('render the whole-archive pages first, then at most `size` items a run, each once and in order', () => {
    const batches = renderBatches(render, 3);
    assert.deepEqual(
      batches.map((b) => [b.templates, b.items]),
      [
        ['whole', 0],
        ['items', 3],
        ['items', 3],
        ['items', 2],
      ],
    );
    const rendered = batches.slice(1).flatMap((b) => PAGE_LISTS.flatMap((l) => (b.render.lists[l.name] ?? []) as { url: string }[]));
    assert.deepEqual(
      rendered.map((i) => i.url),
      [...articles, ...citeFiles, ...outlets].map((i) => i.url),
    );
    for (const b of batches) for (const l of PAGE_LISTS) assert.ok(Array.isArray(b.render.lists[l.name]), `${l.name} is a list in every run`);
  });

  it('give the whole-archive run every listed item page as one it does not render, for the sitemap', () => {
    const [whole] = renderBatches(render, 3);
    assert.deepEqual(whole?.render.carriedUrls, ['/articles/z/', ...articles.map((a) => a.url), '/outlets/x/']);
  });

  it('are one run when two items would write one path, for Eleventy to name', () => {
    const twice: RenderData = { lists: { articles: [...articles, item('/articles/a/')] }, carriedUrls: [] };
    assert.deepEqual(
      renderBatches(twice, 2).map((b) => b.templates),
      ['all'],
    );
  });

  it('add the templates of their own pages only', () => {
    const [whole, first, , last] = renderBatches(render, 3);
    assert.ok(whole && first && last);
    assert.equal(batchAdds(whole.templates, whole.render, 'index.njk'), true);
    assert.equal(batchAdds(whole.templates, whole.render, 'article.njk'), false);
    assert.equal(batchAdds(first.templates, first.render, 'article.njk'), true);
    assert.equal(batchAdds(first.templates, first.render, 'index.njk'), false);
    assert.equal(batchAdds(first.templates, first.render, 'outlet.njk'), false);
    assert.equal(batchAdds(last.templates, last.render, 'outlet.njk'), true);
  });

  it('hold at least one item', () => {
    assert.throws(() => renderBatches(render, 0), /at least one item/);
  });
});
