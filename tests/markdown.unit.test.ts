/**
 * The Markdown pipeline on fixture folders tests/fixtures/markdown/<case>/{input.md,
 * expected.html, expected-paragraphs.json}: untrusted bodies render to safe HTML (raw HTML shown
 * as text, dangerous links stripped) and to the paragraphs the page numbers (anchor and plain
 * text). UPDATE=1 rewrites the expectations for review.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderFullPipeline, renderMarkdown } from '../src/markdown/render.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'markdown');

describe('markdown fixtures', () => {
  for (const fixture of readdirSync(FIXTURES).sort()) {
    it(fixture, () => {
      const rendered = renderMarkdown(readFileSync(join(FIXTURES, fixture, 'input.md'), 'utf8'));
      const outputs = { 'expected.html': `${rendered.html}\n`, 'expected-paragraphs.json': `${JSON.stringify(rendered.paragraphs, null, 2)}\n` };
      for (const [name, actual] of Object.entries(outputs)) {
        const expectedFile = join(FIXTURES, fixture, name);
        if (process.env.UPDATE === '1') writeFileSync(expectedFile, actual);
        assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE=1 npm test and review it`);
        assert.equal(actual, readFileSync(expectedFile, 'utf8'), name);
      }
    });
  }
});

describe('renderMarkdown safety', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](  javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<details open ontoggle=alert(1)>',
    '![x](javascript:alert(1))',
  ];
  for (const input of hostile) {
    it(`neutralises ${input}`, () => {
      const { html } = renderMarkdown(input);
      assert.doesNotMatch(html, /<(script|img|svg|iframe|details)\b/i, html);
      assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+=/i, html);
      assert.doesNotMatch(html, /<a\b[^>]*href="\s*(javascript|data):/i, html);
    });
  }

  it('keeps the text of raw HTML visible instead of dropping it', () => {
    assert.match(renderMarkdown('قال <b>مهم</b> جداً').html, /&#x3C;b>مهم&#x3C;\/b>/);
  });
});

describe('renderMarkdown paragraphs', () => {
  it('gives each top-level paragraph its anchor and plain text, read from the syntax tree', () => {
    // the paragraphs are the ones the HTML numbers: headings, list items and quotes are not paragraphs of the body
    const { html, paragraphs } = renderMarkdown('أ & [ب](https://example.com/) *ج*\n\n## ع\n\n> اقتباس\n\n- بند\n\nد<  \nه');
    assert.deepEqual(paragraphs, [
      { anchor: 'p-1', text: 'أ & ب ج' },
      { anchor: 'p-2', text: 'د< ه' },
    ]);
    assert.deepEqual(
      [...html.matchAll(/<p id="(p-\d+)">/g)].map((m) => m[1]),
      ['p-1', 'p-2'],
    );
  });

  it('decodes character references and collapses white space as the page shows the text', () => {
    assert.deepEqual(renderMarkdown('&quot;قسد&quot; &amp;\u00a0&#x41;\n   سطر').paragraphs, [{ anchor: 'p-1', text: '"قسد" & A سطر' }]);
  });

  it('reads the text of a link, never its attributes (a title may hold ">")', () => {
    assert.deepEqual(renderMarkdown('[نص](https://example.com/ "أ>ب") و![صورة](https://example.com/i.png "ت>")').paragraphs, [{ anchor: 'p-1', text: 'نص و[صورة: صورة]' }]);
  });

  it('gives the same paragraphs through the plain-paragraph shortcut as through the pipeline', () => {
    const body = 'الفقرة  الأولى.\n\nالفقرة الثانية\nتستمر هنا.\n\n## عنوان\n\nالثالثة.';
    assert.deepEqual(renderMarkdown(body), renderFullPipeline(body));
    assert.deepEqual(
      renderMarkdown(body).paragraphs.map((p) => p.text),
      ['الفقرة الأولى.', 'الفقرة الثانية تستمر هنا.', 'الثالثة.'],
    );
  });

  it('has no paragraphs for a body without any', () => {
    assert.deepEqual(renderMarkdown('## عنوان فقط').paragraphs, []);
    assert.deepEqual(renderMarkdown('').paragraphs, []);
  });
});
