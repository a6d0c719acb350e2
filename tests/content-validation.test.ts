/**
 * Invalid content fails with one readable line per problem. Each folder
 * tests/fixtures/content/<case>/ holds what it changes in a copy of the seed content (`overlay/`,
 * `append/` or `merge/`: tests/helpers/fixture-content.ts) and `expected.txt` (the problem
 * lines, with the content folder written as `content/`).
 * UPDATE=1 rewrites the expectations for review.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadContent } from '../src/content/load.ts';
import { findArshifError, formatProblem } from '../src/core/problem.ts';
import { build } from '../src/cli/build.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { tempDir } from './helpers/site.ts';
import { contentWithFixtures } from './helpers/fixture-content.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'content');
const cases = readdirSync(FIXTURES).sort();

const contentWithFixture = (fixture: string) => contentWithFixtures(join(FIXTURES, fixture));

/** Problem lines with the temporary content folder shown as `content/`. */
function problemLines(contentDir: string): string[] {
  return loadContent(contentDir).problems.map((p) => formatProblem(p).split(contentDir).join('content'));
}

/** The problem lines with which a build of `contentDir` stops (none if it succeeds). */
async function buildProblemLines(contentDir: string): Promise<string[]> {
  try {
    await build({ contentDir, outputDir: join(tempDir(), '_site'), quiet: true });
    return [];
  } catch (error) {
    const known = findArshifError(error);
    if (!known) throw error;
    return known.problems.map((p) => formatProblem(p).split(contentDir).join('content'));
  }
}

describe('content validation', () => {
  it('accepts the seed content', () => {
    assert.deepEqual(problemLines(DEFAULT_CONTENT_DIR), []);
  });

  it('has at least 20 invalid-content fixtures', () => {
    assert.ok(cases.length >= 20, `only ${cases.length} fixtures`);
  });

  for (const fixture of cases) {
    it(`stops the build on ${fixture}`, async () => {
      const lines = await buildProblemLines(contentWithFixture(fixture));
      const expectedFile = join(FIXTURES, fixture, 'expected.txt');
      if (process.env.UPDATE === '1') writeFileSync(expectedFile, `${lines.join('\n')}\n`);
      assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE=1 npm test and review it`);
      const expected = readFileSync(expectedFile, 'utf8').trimEnd().split('\n');
      assert.ok(lines.length > 0, 'the build must fail');
      assert.deepEqual(lines, expected);
      for (const line of lines) {
        assert.match(line, /^content\/[^:]+(:\d+)?: /, 'each problem starts with the file (and line)');
        assert.match(line, /; \S/, 'each problem says what to do');
      }
    });
  }
});

describe('npm run build on invalid content', () => {
  it('exits 1 with one line per problem and no stack trace, leaving the previous site', () => {
    const contentDir = contentWithFixture('impossible-date');
    const outputDir = join(tempDir(), '_site');
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'build.ts'), '--content', contentDir, '--output', outputDir], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.match(lines[0] ?? '', /2017-10-19-al-khaleej-fixture\.md:5: date: "2019-02-30" is not a real calendar date; /);
    assert.match(lines[1] ?? '', /^arshif: 1 problem found; the site was not built/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(outputDir), false, 'nothing was written');
  });
});
