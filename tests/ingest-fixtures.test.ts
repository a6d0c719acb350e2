/**
 * `add` on fixture folders tests/fixtures/ingest/<case>/: `input.txt`, `input.bin` (raw bytes) or a
 * saved page (`input.html`, `input.htm`, `input.mhtml`),
 * `options.json` (url, outlet, date, event, today), and `expected.txt`: the exit code, the
 * messages, and the article file written (if any). Each case runs against a fresh copy of the
 * seed content. Every written article must load back through the build's own loader with no
 * problem and the same front matter (round trip), and a refused file must leave content/ as it
 * was. UPDATE=1 rewrites the expectations for review.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseIsoDate } from '../src/arabic/calendar.ts';
import { loadContent } from '../src/content/load.ts';
import { addFiles } from '../src/cli/add.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { copySeedContent } from './helpers/site.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest');
const cases = readdirSync(FIXTURES).sort();

/** The raw input: a text, raw bytes, or a page saved from a browser. */
const INPUTS = ['input.txt', 'input.bin', 'input.html', 'input.htm', 'input.mhtml'];

interface CaseOptions {
  url?: string;
  outlet?: string;
  date?: string;
  title?: string;
  event?: string;
  today: string;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('add on fixtures', () => {
  it('has at least 25 cases', () => assert.ok(cases.length >= 25, `${cases.length} cases`));

  for (const name of cases) {
    it(name, async () => {
      const dir = join(FIXTURES, name);
      const input = join(dir, INPUTS.find((n) => existsSync(join(dir, n))) ?? 'input.txt');
      const options = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as CaseOptions;
      const contentDir = copySeedContent();
      const before = listFiles(contentDir);
      const [outcome] = await addFiles([input], { ...options, contentDir, today: parseIsoDate(options.today) });
      assert.ok(outcome);
      const show = (s: string) =>
        s
          .split(contentDir)
          .join('content')
          .split(relative(process.cwd(), contentDir))
          .join('content')
          .split(input)
          .join('INPUT')
          .split(relative(process.cwd(), input))
          .join('INPUT');
      let actual = `exit: ${outcome.exit}\n${outcome.messages.map((m) => `${show(m)}\n`).join('')}`;
      const after = listFiles(contentDir);
      if (outcome.exit === 0) {
        assert.ok(outcome.articlePath && outcome.sourcePath);
        actual += `--- ${show(outcome.articlePath)}\n${readFileSync(outcome.articlePath, 'utf8')}`;
        assert.deepEqual(readFileSync(outcome.sourcePath), readFileSync(input), 'the raw bytes are kept unchanged');
        // Round trip: the build's loader accepts it and reads back the same front matter.
        const loaded = loadContent(contentDir);
        assert.deepEqual(loaded.problems, []);
        const article = loaded.content.articles.find((a) => outcome.articlePath?.endsWith(`/${a.data.id}.md`));
        assert.ok(article, 'the written article loads');
        assert.ok(outcome.result?.status === 'ok');
        assert.deepEqual(article.data, outcome.result.article.frontMatter);
        assert.equal(after.length, before.length + 2, 'exactly one source and one article added');
      } else {
        assert.deepEqual(after, before, 'a refused file leaves content/ as it was');
      }
      const expectedFile = join(dir, 'expected.txt');
      if (process.env.UPDATE === '1') writeFileSync(expectedFile, actual);
      assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE=1 npm test and review it`);
      assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    });
  }
});
