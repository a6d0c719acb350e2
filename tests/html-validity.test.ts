/**
 * Every HTML file of the built seed site passes the Nu HTML Checker (vnu-jar, the engine of the
 * W3C validator), errors only. All files go to one Java process, since the JVM is slow to start;
 * a deliberately broken page rides along in the same run, so a checker that stopped reporting
 * (a wrong jar, an unread report) fails the test instead of passing it silently.
 */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { before, describe, it } from 'node:test';
import { seedSiteDir, tempDir } from './helpers/site.ts';
import { formatVnuMessages, runVnu, type VnuMessage } from './helpers/vnu.ts';

/** Invalid in four ways, on known lines: a stray end tag, an img without alt, an unclosed div, a duplicate id. */
const BROKEN_PAGE = [
  '<!doctype html>',
  '<html lang="ar" dir="rtl">',
  '<head><meta charset="utf-8"><title>صفحة معطوبة</title></head>',
  '<body>',
  '<p><div>نص</p>',
  '<img src="/x.png">',
  '<span id="a"></span><span id="a"></span>',
  '</body>',
  '</html>',
  '',
].join('\n');

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f))
    .sort();
}

describe('HTML validity (Nu HTML Checker)', () => {
  let siteDir: string;
  let pages: string[];
  let brokenFile: string;
  let messages: VnuMessage[];

  before(async () => {
    siteDir = await seedSiteDir();
    pages = htmlFiles(siteDir);
    brokenFile = join(tempDir('arshif-vnu-'), 'broken.html');
    writeFileSync(brokenFile, BROKEN_PAGE);
    messages = runVnu([...pages, brokenFile]);
  });

  it('checks every HTML file of the seed site', () => {
    const rel = pages.map((p) =>
      p
        .slice(siteDir.length + 1)
        .split(sep)
        .join('/'),
    );
    assert.ok(rel.length >= 60, `${rel.length} HTML files`);
    for (const page of ['index.html', '404.html', 'search/index.html', 'about/index.html', 'articles/index.html']) {
      assert.ok(rel.includes(page), `${page} is checked`);
    }
    assert.ok(
      rel.some((p) => /^agencies\/[^a-z]/.test(p)),
      'a page under an Arabic path is checked',
    );
  });

  it('finds no errors in any page', () => {
    const site = messages.filter((m) => m.file !== brokenFile);
    assert.ok(site.length === 0, `the Nu HTML Checker found ${site.length} problem(s) in the built site:\n${formatVnuMessages(site, siteDir)}`);
  });

  it('does report the errors of a deliberately broken page, by line', () => {
    const found = messages.filter((m) => m.file === brokenFile);
    assert.ok(
      found.every((m) => m.type === 'error'),
      formatVnuMessages(found, brokenFile),
    );
    const report = formatVnuMessages(found, join(brokenFile, '..'));
    const lines = new Set(found.map((m) => m.line));
    for (const [line, what] of [
      [5, 'the stray </p>'],
      [6, 'the img without alt'],
      [7, 'the duplicate id'],
    ] as const) {
      assert.ok(lines.has(line), `an error on line ${line} (${what}); got:\n${report}`);
    }
    assert.match(report, /broken\.html:6:\d+: An “img” element must have an “alt” attribute/);
    assert.match(report, /Duplicate ID “a”/);
  });
});
