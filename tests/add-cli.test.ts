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
import { PROJECT_ROOT } from '../src/site/paths.ts';
import { copySeedContent, tempDir } from './helpers/site.ts';

/** The raw input of an ingest fixture (input.txt, or input.bin for raw bytes). */
function fixture(name: string): string {
  const dir = join(PROJECT_ROOT, 'tests', 'fixtures', `ingest-${name}`);
  return existsSync(join(dir, 'input.txt')) ? join(dir, 'input.txt') : join(dir, 'input.bin');
}

function add(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'ingest', 'add.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ARSHIF_TODAY: '2026-11-21' },
  });
}

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
/** The problem lines of stderr: every run also prints what it took (headline, date, outlet), indented. */
const problemLines = (stderr: string) => stderr.trim().split('\n').filter((l) => !/:   (?:headline|date|outlet): /.test(l));

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
    assert.match(result.stderr, /input\.txt:   headline: ".+" \(line \d+: /);
    assert.match(result.stderr, /input\.txt:   date: 2019-03-23 \(stated\) from line \d+, /);
    assert.match(result.stderr, /input\.txt:   outlet: al-khaleej \(.+\)/);
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
    const result = add(fixture('crlf'), '--content', content);
    // The CRLF copy is a different file (other bytes) holding the same article.
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /warning: near-duplicate of .*articles\/2019-03-23-al-khaleej-[a-z0-9-]+\.md \(100% /);
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
