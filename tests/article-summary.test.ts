/**
 * An article's summary (feeds, link previews) is its first paragraph as the page shows it: the
 * plain text of the first top-level paragraph its render numbers (src/markdown/render.ts), not
 * a block cut out of the Markdown source.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { renderMarkdown } from '../src/markdown/render.ts';
import { buildArchive } from '../src/model/build-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

describe('article summaries', () => {
  it('are the first paragraph of each seed article, as plain text', () => {
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    const archive = buildArchive(content, content.site);
    for (const { data, body } of content.articles) {
      const article = archive.articles.find((a) => a.id === data.id);
      assert.ok(article);
      const first = renderMarkdown(body).paragraphs[0];
      assert.ok(first && first.text.length > 40, data.id);
      assert.equal(article.summary, first.text, data.id);
      assert.ok(article.html.includes(`<p id="${first.anchor}">`), 'the paragraph the page numbers first');
    }
  });

  it('leave the Markdown of links and emphasis out', () => {
    assert.equal(renderMarkdown('## عنوان\n\nقال [المرصد](https://example.com/) إن *23* شخصاً قتلوا.\n\nفقرة ثانية.').paragraphs[0]?.text, 'قال المرصد إن 23 شخصاً قتلوا.');
  });
});
