/** The data files of content/data/ in one place (src/content/data-files.ts): names, shapes, what an absent file stands for. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DATA_FILE_NAMES, dataFilePath, loadAgencies, loadEntities, loadSpellings, readDataEntries, readDataObject } from '../src/content/data-files.ts';
import type { Problem } from '../src/core/problem.ts';
import { findArshifError } from '../src/core/problem.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

const emptyContent = () => {
  const dir = mkdtempSync(join(tmpdir(), 'arshif-data-files-'));
  mkdirSync(join(dir, 'data'));
  return dir;
};

describe('data files', () => {
  it('names every file the seed content holds, in the order messages list them', () => {
    assert.deepEqual(DATA_FILE_NAMES, ['outlets.yml', 'places.yml', 'agencies.yml', 'clutter.yml', 'entities.yml', 'spellings.yml', 'site.yml', 'aggregators.yml']);
    assert.equal(dataFilePath('/c', 'places'), join('/c', 'data', 'places.yml'));
  });

  it('reports a missing required file, and gives no entries and no problem for a missing optional one', () => {
    const dir = emptyContent();
    const problems: Problem[] = [];
    const outlets = readDataEntries(dir, 'outlets', problems);
    assert.equal(outlets.loaded, false);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['is missing'],
    );
    for (const key of ['entities', 'spellings', 'aggregators'] as const) {
      const none: Problem[] = [];
      assert.deepEqual(Object.keys(readDataEntries(dir, key, none).entries), []);
      assert.deepEqual(none, []);
    }
    assert.deepEqual(Object.keys(loadEntities(dir)), []);
    assert.deepEqual(Object.keys(loadSpellings(dir)), []);
  });

  it("gives an object file's fallback when it is absent or broken, with the problem", () => {
    const dir = emptyContent();
    const problems: Problem[] = [];
    assert.deepEqual(readDataObject(dir, 'clutter', problems), { lines: [], patterns: [], end_markers: [] });
    assert.equal(readDataObject(dir, 'site', problems).title, 'أرشيف');
    assert.deepEqual(problems, []);
    writeFileSync(dataFilePath(dir, 'site'), '- a list\n');
    assert.equal(readDataObject(dir, 'site', problems).url, 'http://localhost:8080/');
    assert.equal(problems.length, 1);
  });

  it("reads the seed's files, and throws one ArshifError for a bad optional file", () => {
    assert.ok(Object.keys(loadAgencies(DEFAULT_CONTENT_DIR)).length > 0);
    assert.ok(Object.keys(loadEntities(DEFAULT_CONTENT_DIR)).length > 0);
    const dir = emptyContent();
    writeFileSync(dataFilePath(dir, 'entities'), 'someone:\n  name: x\n');
    assert.throws(
      () => loadEntities(dir),
      (error) => (findArshifError(error)?.problems.length ?? 0) > 0,
    );
  });
});
