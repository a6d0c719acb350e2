/**
 * Issue 18 for `add`, run as the user runs it (`src/cli/add.ts` in a throwaway copy of the
 * project), with the project tree hashed before and after wherever something could be lost:
 * damaged UTF-8 with --date (18.3), an article the build would refuse (18.5), odd file names and
 * hostile --url (18.6), temporaries a killed run left (18.9). Separators (18.4), leftovers in
 * titles (18.8) and the rest are ingest fixtures (ingest-fixtures.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadContent } from '../src/content/load.ts';
import { parseIsoDate } from '../src/arabic/calendar.ts';
import { addFiles, MAX_SOURCE_NAME_BYTES } from '../src/cli/add.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { copyProject, runIn, treeHash } from './helpers/project-copy.ts';
import { buildSite, copySeedContent, tempDir } from './helpers/site.ts';
import { runVnu } from './helpers/vnu.ts';

const ADD = join('src', 'cli', 'add.ts');
const fixture = (name: string, file = 'input.txt') => join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', name, file);
const sources = (root: string) => readdirSync(join(root, 'content', 'sources'));

describe('add: nothing written when the input is damaged or the build would refuse it', () => {
  const root = copyProject();
  const cases: Array<[string, string[], number, RegExp]> = [
    [
      'damaged UTF-8, even with --date (18.3)',
      [fixture('utf8-damaged-byte', 'input.bin'), '--date', '2019-03-23'],
      1,
      /is UTF-8 text with one damaged byte sequence \(at byte offset \d+\): .*pass --repair/,
    ],
    ['a last character cut short (18.3)', [fixture('utf8-truncated-last-char', 'input.bin')], 1, /cut short/],
    ['over 3,000 markup characters (18.5)', [fixture('markup-over-limit')], 2, /the build would refuse the article made from it \(the text holds 3,200 Markdown markup characters/],
    ['--url javascript: (18.6)', [fixture('utf8-plain'), '--url', 'javascript:alert(1)'], 1, /--url must be the article's http\(s\) address, e\.g\./],
    ['--url with a direction override (18.6)', [fixture('utf8-plain'), '--url', 'https://example.com/\u202Egpj.exe'], 1, /--url must be the article's http\(s\) address/],
    ['--url that is no address (18.6)', [fixture('utf8-plain'), '--url', 'http://[::1/x'], 1, /--url must be the article's http\(s\) address/],
  ];
  for (const [what, args, exit, expected] of cases) {
    it(what, () => {
      const before = treeHash(root);
      const result = runIn(root, ADD, args);
      assert.equal(result.status, exit, result.stderr);
      assert.match(result.stderr, expected);
      assert.doesNotMatch(result.stderr, /internal|\n\s+at /, 'no internal field, no stack trace');
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(treeHash(root), before, 'the project tree is unchanged');
    });
  }
});

describe('add: file names (18.6)', () => {
  it('a 240-byte name is kept, cut to fit, and a name starting with a dot is not hidden', () => {
    const root = copyProject();
    const dir = tempDir();
    const long = join(dir, `${'م'.repeat(118)}.txt`); // 236 + 4 bytes
    copyFileSync(fixture('utf8-plain'), long);
    const dotted = join(dir, '.مقال-مخفي.txt');
    copyFileSync(fixture('separator-stars'), dotted);
    for (const file of [long, dotted]) {
      const result = runIn(root, ADD, [file]);
      assert.equal(result.status, 0, result.stderr);
    }
    const names = sources(root)
      .filter((n) => !/^00\d_/.test(n))
      .sort();
    assert.equal(names.length, 2, names.join(', '));
    for (const name of names) {
      assert.ok(Buffer.byteLength(name) <= MAX_SOURCE_NAME_BYTES, `${name} is ${Buffer.byteLength(name)} bytes`);
      assert.ok(!name.startsWith('.'), `${name} is hidden`);
    }
    assert.deepEqual(loadContent(join(root, 'content')).problems, []);
  });
});

describe('add and build: temporaries a killed run left in content/ (18.9)', () => {
  const DEAD = 99_999_999;
  const leave = (root: string) => {
    const names = [`sources/.arshif-tmp-${DEAD}-1700000000000-0`, `articles/.arshif-tmp-${DEAD}-1700000000000-1`, `sources/.input.txt.tmp-${DEAD}-1700000000000`];
    for (const name of names) writeFileSync(join(root, 'content', name), 'half');
    // A running process's temporary (ours) is never removed.
    writeFileSync(join(root, 'content', 'sources', `.arshif-tmp-${process.pid}-1-0`), 'live');
    return names;
  };

  it('the next add removes them, and leaves a live one', () => {
    const root = copyProject();
    const names = leave(root);
    const result = runIn(root, ADD, [fixture('utf8-plain')]);
    assert.equal(result.status, 0, result.stderr);
    for (const name of names) assert.equal(existsSync(join(root, 'content', name)), false, `${name} is left`);
    assert.ok(existsSync(join(root, 'content', 'sources', `.arshif-tmp-${process.pid}-1-0`)));
  });

  it('the next build removes them', { timeout: 300_000 }, () => {
    const root = copyProject();
    const names = leave(root);
    const out = join(tempDir(), 'site');
    const result = runIn(root, join('src', 'cli', 'build.ts'), ['--output', out, '--quiet', '--no-cache']);
    assert.equal(result.status, 0, result.stderr);
    for (const name of names) assert.equal(existsSync(join(root, 'content', name)), false, `${name} is left`);
  });

  it('the project\u2019s .gitignore ignores them', () => {
    for (const name of ['content/sources/.arshif-tmp-123-1700000000000-0', 'content/articles/.arshif-tmp-1-2-3']) {
      const check = spawnSync('git', ['check-ignore', '--no-index', '-q', name], { cwd: PROJECT_ROOT });
      assert.equal(check.status, 0, `${name} is not ignored`);
    }
  });
});

describe('add then build: noncharacters and terminal colour codes never reach a page (18.8)', () => {
  it('the article page of a title with U+FFFE and [31m passes the Nu HTML Checker', { timeout: 300_000 }, async () => {
    const content = copySeedContent();
    const [outcome] = await addFiles([fixture('title-noncharacters-ansi', 'input.bin')], { contentDir: content, today: parseIsoDate('2026-11-21') });
    assert.equal(outcome?.exit, 0, outcome?.messages.join('\n'));
    const id = outcome?.result?.status === 'ok' ? outcome.result.article.frontMatter.id : '';
    const site = await buildSite(content);
    const page = join(site, 'articles', id, 'index.html');
    const html = readFileSync(page, 'utf8');
    assert.doesNotMatch(html, /[\uFFFE\uFFFF\x1b]|\[\d{1,3}(?:;\d{1,3})*m/, 'no noncharacter or colour code on the page');
    const errors = runVnu([page]);
    assert.deepEqual(
      errors.map((e) => `${e.line}:${e.column}: ${e.message}`),
      [],
    );
  });
});
