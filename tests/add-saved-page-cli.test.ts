/**
 * `npm run add` on saved pages as a user runs it: a SingleFile save far above the 2 MB a text
 * may weigh (its images inlined) is read and kept byte for byte; a page beyond the page limit is
 * refused in one line; --json carries what the page's metadata said.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_PAGE_BYTES } from '../src/cli/add.ts';
import { MAX_ARTICLE_BYTES } from '../src/content/read-text.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { copySeedContent, tempDir } from './helpers/site.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', 'html-singlefile', 'input.html');

function add(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'add.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ARSHIF_TODAY: '2026-11-21' },
  });
}

/** The SingleFile fixture with an inlined image of `size` bytes of base64 before </body>. */
function bigPage(size: number): string {
  const page = readFileSync(FIXTURE, 'utf8');
  const image = `<img alt="" src="data:image/jpeg;base64,${'QUJD'.repeat(Math.ceil(size / 4))}">`;
  const file = join(tempDir(), 'صفحة محفوظة.html');
  writeFileSync(file, page.replace('<footer>', `${image}<footer>`));
  return file;
}

describe('npm run add on saved pages', () => {
  it('reads a SingleFile save above the text limit and keeps it byte for byte', () => {
    const content = copySeedContent();
    const file = bigPage(MAX_ARTICLE_BYTES + 1024 * 1024);
    const result = add(file, '--content', content, '--json');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /read as a saved HTML page: headline from the page's <h1>/);
    const json = JSON.parse(result.stdout) as {
      sourceFile: string;
      article: { frontMatter: { outlet: string; date: string; author: string } };
      report: { page: { metadata: { jsonLdTypes: string[] } } };
    };
    assert.equal(json.article.frontMatter.outlet, 'north-press');
    assert.equal(json.article.frontMatter.date, '2019-03-12');
    assert.deepEqual(json.report.page.metadata.jsonLdTypes, ['NewsArticle', 'Person', 'Organization', 'ImageObject']);
    const kept = readdirSync(join(content, 'sources')).find((n) => n.endsWith('.html'));
    assert.ok(kept);
    assert.deepEqual(readFileSync(join(content, 'sources', kept)), readFileSync(file));
    assert.doesNotMatch(readFileSync(join(content, 'articles', readdirSync(join(content, 'articles')).find((n) => n.includes('north-press')) as string), 'utf8'), /base64|QUJD/);
  });

  it('refuses a page above the page limit in one line, writing nothing', () => {
    const content = copySeedContent();
    const before = readdirSync(content, { recursive: true }).length;
    const result = add(bigPage(MAX_PAGE_BYTES + 1024), '--content', content);
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /is a saved page of 32\.\d MB, more than a page holds \(limit 32 MB\): save it again as "Webpage, HTML only"/);
    assert.equal(readdirSync(content, { recursive: true }).length, before);
  });
});
