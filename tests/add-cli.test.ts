/**
 * The `add` command as a user runs it: exit codes (0 written, 1 needs input, 2 unusable),
 * one line per problem naming the file, --dry-run writing nothing, --json on stdout, and
 * oversized or odd inputs refused without touching content/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { copySeedContent, tempDir } from './helpers/site.ts';

/** The raw input of an ingest fixture (input.txt, or input.bin for raw bytes). */
function fixture(name: string): string {
  const dir = join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', name);
  return existsSync(join(dir, 'input.txt')) ? join(dir, 'input.txt') : join(dir, 'input.bin');
}

function add(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'add.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ARSHIF_TODAY: '2026-11-21' },
  });
}

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
/** The problem lines of stderr: every run also prints what it took (headline, date, outlet), indented. */
const problemLines = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => !/: {3}(?:headline|date|outlet): /.test(l));

describe('npm run add', () => {
  it('writes an article and its raw source, and says so (exit 0)', () => {
    const content = copySeedContent();
    const result = add(fixture('utf8-plain'), '--content', content);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /wrote .*articles\/2019-03-23-al-khaleej-[a-z0-9-]+\.md \(al-khaleej, 2019-03-23 \(stated\)/);
    assert.equal(files(join(content, 'articles')).length, 6);
    assert.equal(files(join(content, 'sources')).length, 6);
  });

  it('writes nothing with --dry-run, and prints the article as JSON with --json', () => {
    const content = copySeedContent();
    const before = files(content);
    const result = add(fixture('utf8-plain'), '--content', content, '--dry-run', '--json');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(files(content), before);
    const json = JSON.parse(result.stdout) as { article: { frontMatter: { title: string; outlet: string }; body: string } };
    assert.equal(json.article.frontMatter.outlet, 'al-khaleej');
    assert.match(json.article.body, /الباغوز/);
  });

  it('prints the headline, date and outlet it took, with their evidence, one line each', () => {
    const content = copySeedContent();
    const result = add(fixture('utf8-plain'), '--content', content, '--dry-run');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /input\.txt: {3}headline: ".+" \(line \d+: /);
    assert.match(result.stderr, /input\.txt: {3}date: 2019-03-23 \(stated\) from line \d+, /);
    assert.match(result.stderr, /input\.txt: {3}outlet: al-khaleej \(.+\)/);
  });

  it('asks for input with exit 1 and one line naming the file', () => {
    const content = copySeedContent();
    const result = add(fixture('date-missing'), '--content', content);
    assert.equal(result.status, 1);
    const lines = problemLines(result.stderr);
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] ?? '', /input\.txt: no publication date found in the text; pass --date YYYY-MM-DD/);
  });

  it('refuses unusable input with exit 2, and the worst outcome wins over several files', () => {
    const content = copySeedContent();
    const before = files(content);
    const result = add(fixture('empty'), fixture('date-missing'), '--content', content);
    assert.equal(result.status, 2);
    assert.equal(problemLines(result.stderr).length, 2, result.stderr);
    assert.deepEqual(files(content), before);
  });

  it('refuses a 50 MB file without reading it into the archive', () => {
    const content = copySeedContent();
    const before = files(content);
    const big = join(tempDir(), 'كبير جداً.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'ا'));
    const result = add(big, '--content', content);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is 50\.0 MB; a news article's text is far smaller/);
    assert.deepEqual(files(content), before);
  });

  it('refuses a missing file, a folder and an unknown option with exit 2 and no stack trace', () => {
    for (const args of [['/no/such/file.txt'], [tempDir()], ['--colour', 'x.txt'], []]) {
      const result = add(...args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('never overwrites: the same raw text twice is refused the second time', () => {
    const content = copySeedContent();
    assert.equal(add(fixture('utf8-plain'), '--content', content).status, 0);
    const second = add(fixture('utf8-plain'), '--content', content);
    assert.equal(second.status, 2);
    assert.match(second.stderr, /already holds this exact text as sources\/input\.txt/);
  });

  it('reports a near-duplicate with its match and a similarity figure', () => {
    const content = copySeedContent();
    assert.equal(add(fixture('utf8-plain'), '--content', content).status, 0);
    // The same article with a paragraph more: another text, all of the shorter one shared.
    const longer = join(tempDir(), 'longer.txt');
    writeFileSync(
      longer,
      readFileSync(fixture('utf8-plain'), 'utf8').replace('المصدر: الخليج', 'وأضاف المتحدث أن المعارك ستستمر حتى خروج آخر عنصر من البلدة المحاصرة.\n\nالمصدر: الخليج'),
    );
    const result = add(longer, '--content', content);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /warning: near-duplicate of .*articles\/2019-03-23-al-khaleej-[a-z0-9-]+\.md \(100% /);
  });

  it('refuses a copy that differs only in whitespace (issue 18.10), naming the article and how to replace it', () => {
    const content = copySeedContent();
    assert.equal(add(fixture('utf8-plain'), '--content', content).status, 0);
    const before = files(content);
    // The CRLF copy is a different file (other bytes) holding the same text; so is one with
    // doubled spaces and a zero-width space.
    const spaced = join(tempDir(), 'spaced.txt');
    writeFileSync(spaced, readFileSync(fixture('utf8-plain'), 'utf8').replace(/ /g, '  ').replace('الباغوز', 'البا\u200bغوز'));
    for (const copy of [fixture('crlf'), spaced]) {
      const result = add(copy, '--content', content);
      assert.equal(result.status, 2, result.stderr);
      assert.match(
        result.stderr,
        /already holds this article as .*articles\/2019-03-23-al-khaleej-[a-z0-9-]+\.md \(the same text, differing only in spacing or invisible characters\); nothing written\. To put this copy in its place, run npm run add -- --replace 2019-03-23-al-khaleej-/,
      );
      assert.deepEqual(files(content), before, 'no …-2 article');
    }
  });

  it('says what to do with a folder, a FIFO and a missing file (issue 18.10)', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    spawnSync('mkfifo', [fifo]);
    for (const [path, expected] of [
      [dir, /is a folder, not a file; pass the text files in it instead/],
      [fifo, /is not a regular file \(a pipe, socket or device\), so it is not read; save the article's text to a file and pass that/],
      [join(dir, 'missing.txt'), /no such file; check the path/],
    ] as const) {
      const result = add(path, '--content', copySeedContent());
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, expected);
    }
  });
});

describe('npm run add after an interrupted run', () => {
  it('reuses a raw source that no article references instead of refusing it', () => {
    const content = copySeedContent();
    // As if a previous add was killed after writing the raw bytes but before the article.
    writeFileSync(join(content, 'sources', 'input.txt'), readFileSync(fixture('utf8-plain')));
    const before = files(join(content, 'sources'));
    const result = add(fixture('utf8-plain'), '--content', content);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(files(join(content, 'sources')), before, 'no second copy of the raw text');
    assert.equal(files(join(content, 'articles')).length, 6);
  });
});
