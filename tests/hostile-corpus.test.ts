/**
 * The hostile corpus: bad inputs for hand-written content and for `add`. Each gives its clear
 * one-line problem (the build stops, exit 1, no stack trace) or, where the input is legitimate but
 * hostile text, a safe page: nothing runs in Chromium, nothing is injected, the text is shown
 * escaped. None loses or changes a file in content/.
 *
 * - tests/fixtures/content/<case>/ (overlay/, append/ or merge/ + expected.txt): the problem lines, checked line by
 *   line by content-validation.test.ts. Here: each build stops with the project's own error and
 *   leaves every file of content/ byte for byte as it was.
 * - tests/fixtures/hostile/<case>/: overlay/ (files laid over the seed content), append/ (text
 *   appended to the seed's data files, so several cases can add outlets and places; the rule of
 *   each is tests/helpers/fixture-content.ts's) and
 *   expected.json ({"visible": {page: [text shown on it]}}). All are built together into one
 *   site, and Chromium visits every page of it.
 * - tests/fixtures/ingest/<case>/ named in CORPUS: `add` on them never changes an existing file
 *   (their messages and articles are checked by ingest-fixtures.test.ts).
 * - generated here, too large to keep as files: a 10 MB body, a 1 MB single-line body, 30,000
 *   unknown fields, and an `add` of a file whose name has spaces and Arabic letters.
 *
 * CORPUS lists the cases by category: every one must exist, and there must be at least 40, so
 * the corpus cannot shrink unnoticed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { parseIsoDate } from '../src/arabic/calendar.ts';
import { build } from '../src/cli/build.ts';
import { loadContent } from '../src/content/load.ts';
import { findArshifError, formatProblem } from '../src/core/problem.ts';
import { addFiles } from '../src/cli/add.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { launchChromium } from '../src/bench/chromium.ts';
import { findInjected, findInjectedInHtml, fingerprint, sitePages, visibleText, visitForScript } from './helpers/hostile.ts';
import { serveStatic, type StaticServer } from '../src/core/static-server.ts';
import { copySeedContent, tempDir } from './helpers/site.ts';
import { contentWithFixtures } from './helpers/fixture-content.ts';
import { parseXml, type XmlElement } from './helpers/xml.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');

/** The corpus by category. `generated-*` cases are made by this file. */
const CORPUS: Record<string, string[]> = {
  'broken YAML': [
    'content/bad-yaml', // an unclosed quote
    'content/yaml-bad-indent',
    'content/yaml-tab-indent',
    'content/yaml-duplicate-key',
    'content/yaml-colon-in-title',
    'content/bad-yaml-colon',
    'content/bad-places-yaml',
    'content/yaml-type-tag',
    'content/yaml-deep-nesting',
    'content/yaml-alias-bomb', // "billion laughs" in places.yml
    'content/yaml-alias-bomb-front-matter',
    'content/yaml-alias-undefined',
  ],
  'front matter and file shapes': [
    'content/front-matter-list',
    'content/front-matter-javascript',
    'content/front-matter-unclosed',
    'content/no-front-matter',
    'content/only-front-matter',
    'content/empty-file',
    'content/empty-data-file',
    'content/data-file-list',
  ],
  'wrong types': ['content/title-number', 'content/outlet-list', 'content/date-map', 'content/wrong-type', 'content/number-as-text'],
  'impossible dates': ['content/impossible-date', 'content/date-month-13', 'content/date-zero'],
  'unknown keys': ['content/unknown-field', 'content/unknown-source-field', 'content/unknown-proto-field', 'content/many-problems', 'generated-30000-unknown-fields'],
  'ids, keys and names': ['content/duplicate-id', 'content/id-path-traversal', 'content/file-name-arabic-spaces', 'content/outlet-prototype-key', 'content/agency-slug-collision'],
  'paths and addresses': [
    'content/source-path-traversal',
    'content/source-dot-dot',
    'content/source-url-javascript',
    'content/source-url-data',
    'content/outlet-homepage-javascript',
    'content/site-url-javascript',
  ],
  'invisible characters': [
    'content/bidi-title',
    'content/bidi-author-isolates',
    'content/bidi-body',
    'content/bidi-outlet-names',
    'content/bidi-place-names',
    'content/control-characters',
    'content/noncharacter-title', // U+FFFE: invalid in HTML (issue 18.8)
  ],
  'files and encodings': [
    'content/binary-file',
    'content/binary-in-articles-folder',
    'content/binary-data-file',
    'content/stray-data-file',
    'content/stray-template',
    'content/subfolder-in-articles',
    'content/windows-1256',
    'content/nul-bytes',
  ],
  sizes: ['content/long-title', 'content/markup-dense-body', 'content/nesting-deep-body', 'generated-body-10mb', 'generated-single-line-1mb'],
  'HTML, script and template text in every free-text field (safe pages)': [
    'hostile/title',
    'hostile/author',
    'hostile/dateline',
    'hostile/tags',
    'hostile/agencies',
    'hostile/related-title',
    'hostile/related-credit',
    'hostile/related-note',
    'hostile/related-items',
    'hostile/source-url',
    'hostile/body-html',
    'hostile/body-links',
    'hostile/body-images',
    'hostile/template-syntax',
    'hostile/json-ld-breakout',
    'hostile/attribute-breakout',
    'hostile/entities',
    'hostile/markdown-in-fields',
    'hostile/feed-xml',
    'hostile/unusual-unicode',
    'hostile/event-title',
    'hostile/event-title-en',
    'hostile/event-summary',
    'hostile/event-milestone',
    'hostile/outlet-name-ar',
    'hostile/outlet-name-en',
    'hostile/outlet-kind',
    'hostile/outlet-country',
    'hostile/place-name',
    'hostile/place-name-en',
    'hostile/place-variants',
    'hostile/site-yml',
  ],
  // Also in add-cli.test.ts: a 50 MB file (with spaces and Arabic in its name), a missing file,
  // a folder, an unknown option.
  'add (raw texts)': [
    'ingest/binary-png',
    'ingest/nul-bytes',
    'ingest/empty',
    'ingest/whitespace-only',
    'ingest/non-arabic',
    'ingest/windows-1256',
    'ingest/script-injection',
    'ingest/invisible-controls',
    'ingest/title-yaml-specials',
    'ingest/markdown-specials',
    'ingest/front-matter-injection',
    'ingest/url-javascript',
    'ingest/long-line',
    'ingest/date-impossible',
    'generated-add-arabic-file-name',
  ],
  // Issue 18: damaged encodings, separators, what the build would refuse, leftovers in titles.
  'add: damaged input and what the build would refuse': [
    'ingest/utf8-damaged-byte',
    'ingest/utf8-truncated-last-char',
    'ingest/utf8-damaged-repair',
    'ingest/separator-stars',
    'ingest/separator-dashes',
    'ingest/repeated-list-line',
    'ingest/markup-over-limit',
    'ingest/title-noncharacters-ansi',
  ],
};

const MIN_CASES = 40;
/** The cases of an area, named `area/case` as in CORPUS. */
const onDisk = (area: string) =>
  readdirSync(join(FIXTURES, area))
    .sort()
    .map((n) => `${area}/${n}`);
const contentCases = onDisk('content');
const hostileCases = onDisk('hostile');

/** A fresh copy of the seed content with the fixtures' changes laid over it. */
const contentWith = (...fixtures: string[]) => contentWithFixtures(...fixtures.map((f) => join(FIXTURES, f)));

/** Runs `npm run build` as a user does; returns its exit code and output. */
function buildCli(contentDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'build.ts'), '--content', contentDir, '--output', join(tempDir(), '_site')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
}

/** The problem lines a build of `contentDir` stops with; fails the test on any other outcome. */
async function buildProblems(contentDir: string): Promise<string[]> {
  try {
    await build({ contentDir, outputDir: join(tempDir(), '_site'), quiet: true });
  } catch (error) {
    const known = findArshifError(error);
    if (!known) throw error;
    return known.problems.map(formatProblem);
  }
  assert.fail('the build must stop');
}

/**
 * About `bytes` of Arabic prose on one line: words drawn in a fixed pseudo-random order, so the
 * text does not repeat itself (a text that repeats one phrase 100,000 times is another case).
 */
function longLine(bytes: number): string {
  const vocabulary =
    'أعلنت قوات سوريا الديمقراطية السيطرة الكاملة على مدينة الرقة بعد معارك استمرت أشهرا في الأحياء الشمالية والشرقية وقال متحدث باسم التحالف الدولي إن المدنيين خرجوا عبر ممرات آمنة نحو المخيمات القريبة من الحدود'.split(
      ' ',
    );
  const out: string[] = [];
  let size = 0;
  for (let seed = 1; size < bytes; ) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const word = vocabulary[seed % vocabulary.length] as string;
    out.push(word);
    size += Buffer.byteLength(word) + 1;
  }
  return out.join(' ');
}

const ARTICLE = (id: string, body: string, extra = '') => `---
id: ${id}
title: عنوان تجريبي
outlet: al-khaleej
date: 2017-10-22
date_basis: editor
source:
  file: sources/003_46747d5c7beb1e50.txt
  sha256: b264193c85750dc016efc249519b0a9ecfe67561a6d7aad3c0188fb27e062e2c
  url: null
  retrieved: null
places: [الرقة]
events: [raqqa-2017]
agencies: []
author: null
language: ar
${extra}---

${body}
`;

describe('the hostile corpus', () => {
  it(`holds at least ${MIN_CASES} cases, and every case named by category`, () => {
    const named = Object.values(CORPUS).flat();
    for (const name of named) {
      if (name.startsWith('generated-')) continue;
      assert.ok(existsSync(join(FIXTURES, name)), `${name} is listed in CORPUS but tests/fixtures/${name}/ is missing`);
    }
    for (const name of hostileCases) assert.ok(named.includes(name), `${name} is not listed in CORPUS`);
    const total = new Set([...named, ...contentCases, ...hostileCases]).size;
    assert.ok(total >= MIN_CASES, `only ${total} hostile cases`);
  });

  describe('hand-written content the build refuses', () => {
    for (const fixture of contentCases) {
      it(`${fixture}: the build stops with one line per problem and content/ is unchanged`, async () => {
        const dir = contentWith(fixture);
        const before = fingerprint(dir);
        const lines = await buildProblems(dir);
        assert.ok(lines.length > 0);
        for (const line of lines) assert.doesNotMatch(line, /\n|^\s+at /, 'one line, no stack trace');
        assert.deepEqual(fingerprint(dir), before);
      });
    }

    it('nothing in a refused file runs: no template, no front matter in JavaScript', async () => {
      const marker = '/tmp/arshif-pwned';
      rmSync(marker, { force: true });
      await buildProblems(contentWith('content/stray-template'));
      await buildProblems(contentWith('content/front-matter-javascript'));
      assert.equal(existsSync(marker), false);
    });

    it('generated-body-10mb: refused with one line by `npm run build` (exit 1, no stack trace)', () => {
      const dir = copySeedContent();
      const paragraph = 'أعلنت قوات سوريا الديمقراطية السيطرة الكاملة على مدينة الرقة بعد معارك استمرت أشهراً.\n\n';
      const file = join(dir, 'articles', '2017-10-22-al-khaleej-huge.md');
      writeFileSync(file, ARTICLE('2017-10-22-al-khaleej-huge', paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph)))));
      const before = fingerprint(dir);
      const started = performance.now();
      const result = buildCli(dir);
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 2, result.stderr);
      assert.match(
        lines[0] ?? '',
        /2017-10-22-al-khaleej-huge\.md: is 10\.0 MB; a news article's text is far smaller \(limit 2\.0 MB, as for `npm run add`\); keep only the article's text, one article per file$/,
      );
      assert.doesNotMatch(result.stderr, /\n\s+at /);
      assert.ok(performance.now() - started < 60_000, 'refused without reading it into the site');
      assert.deepEqual(fingerprint(dir), before);
    });

    it('generated-30000-unknown-fields: reported at once, the first 20 and a count', () => {
      const dir = copySeedContent();
      const fields = Array.from({ length: 30_000 }, (_, i) => `field_${i}: x`).join('\n');
      writeFileSync(join(dir, 'articles', '2017-10-22-al-khaleej-fields.md'), ARTICLE('2017-10-22-al-khaleej-fields', 'نص.', `${fields}\n`));
      const started = performance.now();
      const { problems } = loadContent(dir);
      assert.ok(performance.now() - started < 15_000, `took ${performance.now() - started} ms`);
      assert.equal(problems.length, 21);
      assert.match(formatProblem(problems[20] as never), /: 29980 more problems in this file; /);
    });

    it('the same for `npm run build`: a YAML bomb, a binary data file and a stray template each exit 1 with one line', () => {
      for (const fixture of ['content/yaml-alias-bomb', 'content/binary-data-file', 'content/stray-template']) {
        const result = buildCli(contentWith(fixture));
        assert.equal(result.status, 1, `${fixture}: ${result.stderr}`);
        const expected = readFileSync(join(FIXTURES, fixture, 'expected.txt'), 'utf8')
          .trim()
          .split('\n');
        assert.equal(result.stderr.trim().split('\n').length, expected.length + 1, result.stderr);
        assert.doesNotMatch(result.stderr, /\n\s+at /);
      }
    });
  });

  describe('raw texts given to `add`', () => {
    const ingestCases = Object.values(CORPUS)
      .flat()
      .filter((n) => n.startsWith('ingest/'));
    for (const fixture of ingestCases) {
      it(`${fixture}: no file already in content/ is changed`, async () => {
        const dir = join(FIXTURES, fixture);
        const input = existsSync(join(dir, 'input.txt')) ? join(dir, 'input.txt') : join(dir, 'input.bin');
        const options = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as {
          today: string;
          url?: string;
          outlet?: string;
          date?: string;
          event?: string;
          repair?: boolean;
        };
        const contentDir = copySeedContent();
        const before = fingerprint(contentDir);
        const [outcome] = await addFiles([input], { ...options, contentDir, today: parseIsoDate(options.today) });
        const afterwards = fingerprint(contentDir);
        for (const [path, hash] of Object.entries(before)) assert.equal(afterwards[path], hash, `${path} was changed or removed`);
        assert.equal(Object.keys(afterwards).length - Object.keys(before).length, outcome?.exit === 0 ? 2 : 0);
      });
    }

    it('generated-add-arabic-file-name: a file named with spaces and Arabic letters is added and builds', async () => {
      const input = join(tempDir(), 'مقال من الباغوز (نسخة 2).txt');
      copyFileSync(join(FIXTURES, 'ingest', 'utf8-plain', 'input.txt'), input);
      const contentDir = copySeedContent();
      const before = fingerprint(contentDir);
      const [outcome] = await addFiles([input], { contentDir, today: parseIsoDate('2026-11-21') });
      assert.equal(outcome?.exit, 0, outcome?.messages.join('\n'));
      const afterwards = fingerprint(contentDir);
      for (const [path, hash] of Object.entries(before)) assert.equal(afterwards[path], hash);
      assert.deepEqual(loadContent(contentDir).problems, []);
    });
  });

  describe('hostile text that builds into safe pages', () => {
    const LONG_ID = '2017-10-22-al-khaleej-single-line';
    const LONG_LINE = longLine(1024 * 1024);
    let contentDir: string;
    let original: Record<string, string>;
    let siteDir: string;
    let server: StaticServer;
    let browser: Browser;

    before(async () => {
      contentDir = contentWith(...hostileCases);
      writeFileSync(join(contentDir, 'articles', `${LONG_ID}.md`), ARTICLE(LONG_ID, LONG_LINE));
      original = fingerprint(contentDir);
      siteDir = join(tempDir('arshif-site-'), '_site');
      await build({ contentDir, outputDir: siteDir, quiet: true });
      server = await serveStatic(siteDir);
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('has checks that do catch an injection (a test of the tests)', async () => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.setContent('<p>x</p><script>alert("caught")</script>');
      const found = await findInjected(page);
      const inHtml = await findInjectedInHtml(page, '<img src=x onerror=alert(1)><a href=" javascript:x">a</a><b data-hostile>b</b><iframe></iframe>');
      await page.close();
      assert.deepEqual(dialogs, ['caught']);
      assert.equal(found.length, 1, found.join('\n'));
      assert.equal(inHtml.length, 4, inHtml.join('\n'));
    });

    it('builds, and content/ is byte for byte as it was', () => {
      assert.deepEqual(fingerprint(contentDir), original);
    });

    it('shows every hostile string as text on its page', async () => {
      const page = await browser.newPage();
      const missing: string[] = [];
      for (const fixture of hostileCases) {
        const { visible } = JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as { visible: Record<string, string[]> };
        assert.ok(Object.keys(visible).length > 0, `${fixture}/expected.json names no page`);
        for (const [path, texts] of Object.entries(visible)) {
          const response = await page.goto(server.url + path, { waitUntil: 'load' });
          assert.equal(response?.status(), 200, `${fixture}: ${path}`);
          const shown = await visibleText(page);
          for (const text of texts) if (!shown.includes(text)) missing.push(`${fixture}: ${path} does not show ${JSON.stringify(text)}`);
        }
      }
      await page.close();
      assert.deepEqual(missing, []);
    });

    it('runs nothing on any page: no dialog, no injected element, no script link', async () => {
      // Laying out a 1 MB paragraph of Arabic takes Chromium minutes; its HTML is checked below.
      const pages = sitePages(siteDir).filter((p) => !p.includes(LONG_ID));
      pages.push(`/search/?q=${encodeURIComponent('<img src=x onerror=alert("q") data-hostile>')}`, `/search/?q=${encodeURIComponent('عادي')}`);
      const { dialogs, injected } = await visitForScript(browser, server.url, pages);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(injected, []);
      assert.ok(pages.length >= 60, `visited ${pages.length} pages`);
    });

    it('writes a well-formed feed whose hostile titles stay text and whose content runs nothing', async () => {
      const feed = parseXml(readFileSync(join(siteDir, 'feed.xml'), 'utf8'));
      parseXml(readFileSync(join(siteDir, 'sitemap.xml'), 'utf8'));
      const entries = feed.root.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'entry');
      const text = (el: XmlElement, name: string) => {
        const child = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
        assert.ok(child, `no <${name}>`);
        return child;
      };
      const titles = entries.map((e) => {
        const title = text(e, 'title');
        assert.equal(title.attributes.type ?? 'text', 'text', 'titles are plain text, never HTML');
        return title.children.join('');
      });
      assert.ok(
        titles.some((t) => t.startsWith(']]><![CDATA[<script>alert("feed")</script>]]>')),
        titles.join('\n'),
      );
      // The content is the article's HTML, which a feed reader renders: scanned as the pages are.
      const page = await browser.newPage();
      const injected: string[] = [];
      for (const entry of entries) injected.push(...(await findInjectedInHtml(page, text(entry, 'content').children.join(''))));
      await page.close();
      assert.deepEqual(injected, []);
    });

    it('generated-single-line-1mb: a 1 MB line of text is one paragraph on its page', () => {
      const html = readFileSync(join(siteDir, 'articles', LONG_ID, 'index.html'), 'utf8');
      assert.ok(html.includes(`<p id="p-1">${LONG_LINE}</p>`));
    });
  });
});
