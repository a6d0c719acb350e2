/**
 * The Markdown pipeline on fixture folders tests/fixtures/markdown/<case>/{input.md, expected.html}:
 * untrusted bodies render to safe HTML (raw HTML shown as text, dangerous links stripped).
 * UPDATE=1 rewrites the expectations for review.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderMarkdown } from '../src/markdown/render.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'markdown');

describe('markdown fixtures', () => {
  for (const fixture of readdirSync(FIXTURES).sort()) {
    it(fixture, () => {
      const html = renderMarkdown(readFileSync(join(FIXTURES, fixture, 'input.md'), 'utf8')) + '\n';
      const expectedFile = join(FIXTURES, fixture, 'expected.html');
      if (process.env.UPDATE === '1') writeFileSync(expectedFile, html);
      assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE=1 npm test and review it`);
      assert.equal(html, readFileSync(expectedFile, 'utf8'));
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
      const html = renderMarkdown(input);
      assert.doesNotMatch(html, /<(script|img|svg|iframe|details)\b/i, html);
      assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+=/i, html);
      assert.doesNotMatch(html, /<a\b[^>]*href="\s*(javascript|data):/i, html);
    });
  }

  it('keeps the text of raw HTML visible instead of dropping it', () => {
    assert.match(renderMarkdown('قال <b>مهم</b> جداً'), /&#x3C;b>مهم&#x3C;\/b>/);
  });
});
