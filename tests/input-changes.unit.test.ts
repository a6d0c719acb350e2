/** What `npm start` says changed (src/site/input-changes.ts): the snapshot's differences and the log's words for them. */
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeChanges, ignoredName, InputSnapshot, type InputChange } from '../src/site/input-changes.ts';
import { tempDir } from './helpers/site.ts';

function project(): { content: string; layouts: string } {
  const root = tempDir('arshif-changes-');
  const content = join(root, 'content');
  const layouts = join(root, 'layouts');
  for (const dir of ['articles', 'events', 'sources', 'data']) mkdirSync(join(content, dir), { recursive: true });
  mkdirSync(join(layouts, 'pages'), { recursive: true });
  writeFileSync(join(content, 'articles', 'a.md'), 'a');
  writeFileSync(join(content, 'articles', 'b.md'), 'b');
  writeFileSync(join(content, 'data', 'places.yml'), 'p');
  writeFileSync(join(layouts, 'pages', 'about.njk'), 'x');
  return { content, layouts };
}

describe('InputSnapshot', () => {
  it('added, changed (also when renamed over: a new inode), removed; nothing for the files not reported or not changed', () => {
    const { content, layouts } = project();
    const snapshot = new InputSnapshot([content, layouts]);
    const a = join(content, 'articles', 'a.md');
    const b = join(content, 'articles', 'b.md');
    const c = join(content, 'articles', 'c.md');
    const places = join(content, 'data', 'places.yml');
    writeFileSync(c, 'c');
    writeFileSync(join(content, 'articles', '.c.md.tmp'), 'same size');
    renameSync(join(content, 'articles', '.c.md.tmp'), a); // an editor's save: a new file renamed over
    rmSync(b);
    writeFileSync(places, 'p'); // the same bytes, not reported below
    const changes = snapshot.update([a, b, c, join(content, 'articles', '.c.md.tmp'), join(content, 'articles', 'c.md')]);
    assert.deepEqual(changes, [
      { path: a, kind: 'changed' },
      { path: b, kind: 'removed' },
      { path: c, kind: 'added' },
    ]);
    assert.deepEqual(snapshot.update([a, b, c]), [], 'brought up to date');
  });

  it('a folder reported stands for the files under it, then and now', () => {
    const { content, layouts } = project();
    const snapshot = new InputSnapshot([content, layouts]);
    rmSync(join(layouts, 'pages'), { recursive: true });
    const moved = join(content, 'sources', 'batch');
    mkdirSync(moved);
    writeFileSync(join(moved, 'x.txt'), 'x');
    assert.deepEqual(snapshot.update([join(layouts, 'pages'), moved]), [
      { path: join(moved, 'x.txt'), kind: 'added' },
      { path: join(layouts, 'pages', 'about.njk'), kind: 'removed' },
    ]);
  });

  it('outside the roots, hidden and editors’ files: never a change', () => {
    const { content, layouts } = project();
    const snapshot = new InputSnapshot([content, layouts]);
    const names = ['.arshif-tmp-12-34-0', '.about.njk.swp', 'about.njk~', '4913'];
    for (const name of names) writeFileSync(join(layouts, 'pages', name), 'x');
    assert.deepEqual(snapshot.update(names.map((name) => join(layouts, 'pages', name))), []);
    assert.deepEqual(snapshot.update([join(content, '..', 'elsewhere.md')]), []);
    assert.ok(names.every(ignoredName));
    assert.ok(!ignoredName('about.njk') && !ignoredName('places.yml'));
  });
});

describe('describeChanges', () => {
  const content = '/p/content';
  const change = (path: string, kind: InputChange['kind']): InputChange => ({ path, kind });

  it('counts articles, events and sources, naming them; names a data file; gives any other input its path', () => {
    assert.equal(
      describeChanges(
        [
          change('/p/content/articles/2019-x.md', 'added'),
          change('/p/content/data/places.yml', 'changed'),
          change('/p/content/sources/x.txt', 'added'),
          change('/p/layouts/pages/article.njk', 'changed'),
        ],
        content,
      ),
      '1 article added: /p/content/articles/2019-x.md; 1 source added: /p/content/sources/x.txt; places.yml changed; /p/layouts/pages/article.njk changed',
    );
  });

  it('several of a kind: counted, the first three named', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => change(`/p/content/articles/${n}.md`, 'removed'));
    assert.equal(
      describeChanges([...five, change('/p/content/events/e.md', 'changed')], content),
      '5 articles removed: /p/content/articles/a.md, /p/content/articles/b.md, /p/content/articles/c.md and 2 more; 1 event changed: /p/content/events/e.md',
    );
  });
});
