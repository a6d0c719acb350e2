/**
 * Fixing a bad add: `add --replace ID FILE` and `npm run remove -- ID`, run as the user runs
 * them on a throwaway copy of the seed content, with the tree hashed where a refusal must leave
 * everything as it was.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadContent } from '../src/content/load.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { treeHash } from './helpers/project-copy.ts';
import { copySeedContent } from './helpers/site.ts';

const fixture = (name: string) => {
  const dir = join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', name);
  return existsSync(join(dir, 'input.txt')) ? join(dir, 'input.txt') : join(dir, 'input.bin');
};
const run = (script: 'add' | 'remove', args: string[], extra: { timeout?: number } = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', `${script}.ts`), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ARSHIF_TODAY: '2026-11-21' },
    killSignal: 'SIGKILL',
    ...extra,
  });

/** A seed copy with utf8-plain added; returns the folder and the new article's id. */
function withAdded(): { content: string; id: string } {
  const content = copySeedContent();
  const added = run('add', [fixture('utf8-plain'), '--content', content]);
  assert.equal(added.status, 0, added.stderr);
  const id = /articles\/([a-z0-9-]+)\.md/.exec(added.stderr)?.[1];
  assert.ok(id, added.stderr);
  return { content, id };
}

const ROJAVA = '2019-03-13-rojava-network-isis-last-moments-in-baghuz';
const DW = '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate';

describe('add --replace ID FILE', () => {
  it('re-normalises the new file over the article, keeping its id and the previous raw source, and says what changed', () => {
    const { content, id } = withAdded();
    const oldSource = readFileSync(join(content, 'sources', 'input.txt'));
    const result = run('add', ['--replace', id, fixture('gallery-appended'), '--content', content]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`replaced .*articles/${id}\\.md \\(changed: related_material: 0 → 1 item\\(s\\)\\)`));
    assert.match(result.stderr, /kept the previous raw source .*sources\/input\.txt beside the new one, .*sources\/input-[0-9a-f]{12}\.txt/);
    assert.deepEqual(readFileSync(join(content, 'sources', 'input.txt')), oldSource, 'the previous raw source is kept unchanged');
    const { content: loaded, problems } = loadContent(content);
    assert.deepEqual(problems, []);
    const article = loaded.articles.find((a) => a.data.id === id);
    assert.ok(article);
    assert.equal(article.data.related_material.length, 1);
    assert.match(article.data.source.file, /^sources\/input-[0-9a-f]{12}\.txt$/);
    assert.equal(loaded.articles.length, 6, 'no second article');
  });

  it('refuses an unknown id, suggesting the nearest, and leaves content/ as it was', () => {
    const { content, id } = withAdded();
    const before = treeHash(content);
    const result = run('add', ['--replace', `${id.slice(0, -2)}xx`, fixture('gallery-appended'), '--content', content]);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, new RegExp(`no article has this id; did you mean ${id}\\?`));
    assert.equal(treeHash(content), before);
  });

  it('refuses several files, and a text another article already holds', () => {
    const { content, id } = withAdded();
    const before = treeHash(content);
    const two = run('add', ['--replace', id, fixture('gallery-appended'), fixture('separator-stars'), '--content', content]);
    assert.equal(two.status, 2, two.stderr);
    assert.match(two.stderr, /give exactly one raw file/);
    const other = run('add', ['--replace', DW, fixture('crlf'), '--content', content]);
    assert.equal(other.status, 2, other.stderr);
    assert.match(other.stderr, new RegExp(`already holds this article as .*${id}\\.md`));
    assert.equal(treeHash(content), before);
  });

  it('killed at any moment, leaves the old article or the new one, and content/ valid', { timeout: 120_000 }, () => {
    const outcomes: string[] = [];
    for (const delay of [300, 700, 1000, 1300, 1600, 2000]) {
      const { content, id } = withAdded();
      const old = readFileSync(join(content, 'articles', `${id}.md`), 'utf8');
      run('add', ['--replace', id, fixture('gallery-appended'), '--content', content], { timeout: delay });
      assert.deepEqual(loadContent(content).problems, [], `killed at ${delay} ms`);
      const now = readFileSync(join(content, 'articles', `${id}.md`), 'utf8');
      outcomes.push(now === old ? 'old' : 'new');
      if (now !== old) assert.match(now, /related_material:/);
    }
    assert.ok(outcomes.length === 6, outcomes.join(', '));
  });
});

describe('npm run remove -- ID', () => {
  it('removes the article and its raw source, and says so', () => {
    const { content, id } = withAdded();
    const result = run('remove', [id, '--content', content]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`removed .*articles/${id}\\.md`));
    assert.match(result.stderr, /removed its raw source .*sources\/input\.txt/);
    assert.equal(existsSync(join(content, 'articles', `${id}.md`)), false);
    assert.equal(existsSync(join(content, 'sources', 'input.txt')), false);
    assert.deepEqual(loadContent(content).problems, []);
  });

  it('with --dry-run, says what it would remove and removes nothing', () => {
    const { content, id } = withAdded();
    const before = treeHash(content);
    const result = run('remove', [id, '--content', content, '--dry-run']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /would remove/);
    assert.equal(treeHash(content), before);
  });

  it('refuses an article an event milestone lists, naming the event file and line', () => {
    const content = copySeedContent();
    const before = treeHash(content);
    const result = run('remove', [ROJAVA, '--content', content]);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, new RegExp(`events/baghuz-2019\\.md:\\d+: the milestone of [0-9-]+ lists it; take ${ROJAVA} out of its articles first`));
    assert.equal(treeHash(content), before);
  });

  it('refuses an article another article links to, and an unknown id', () => {
    const { content, id } = withAdded();
    const dwPath = join(content, 'articles', `${DW}.md`);
    writeFileSync(dwPath, `${readFileSync(dwPath, 'utf8')}\nانظر أيضا [التقرير](/articles/${id}/).\n`);
    const before = treeHash(content);
    const linked = run('remove', [id, '--content', content]);
    assert.equal(linked.status, 2, linked.stderr);
    assert.match(linked.stderr, new RegExp(`${DW}\\.md:\\d+: links to its page; remove the link first`));
    const unknown = run('remove', [`${id}-9`, '--content', content]);
    assert.equal(unknown.status, 2, unknown.stderr);
    assert.match(unknown.stderr, /no article has this id; did you mean/);
    assert.equal(treeHash(content), before);
  });

  it('keeps a raw source another article also records', () => {
    const { content, id } = withAdded();
    const text = readFileSync(join(content, 'articles', `${id}.md`), 'utf8');
    const twin = `${id}-twin`;
    writeFileSync(join(content, 'articles', `${twin}.md`), text.replace(`id: ${id}`, `id: ${twin}`).replace(/\n\n[\s\S]*$/, '\n\nنص آخر كتبه محرر عن المقال نفسه في سطر واحد.\n'));
    assert.deepEqual(loadContent(content).problems, []);
    const result = run('remove', [twin, '--content', content]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`kept its raw source .*sources/input\\.txt, which .*${id}\\.md also records`));
    assert.ok(existsSync(join(content, 'sources', 'input.txt')));
    assert.deepEqual(loadContent(content).problems, []);
  });
});

// The remove script is where the README says.
describe('package.json', () => {
  it('has a remove script', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // through the launcher (bin/arshif.mjs), which runs the bundle of src/cli/remove.ts
    assert.equal(pkg.scripts.remove, 'node bin/arshif.mjs remove');
    assert.ok(readdirSync(join(PROJECT_ROOT, 'src', 'cli')).includes('remove.ts'));
  });
});
