/**
 * `npm run list`: which seed articles each filter selects (src/export/select.ts), what an
 * unknown key or a malformed date says, and the command's three outputs (lines, --json, --csv).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { dayRange, selectArticles, type Selection } from '../src/export/select.ts';
import { getArchive } from '../src/model/load-archive.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';

const archive = getArchive(DEFAULT_CONTENT_DIR);
const RAQQA = '2017-10-18-al-khaleej-historic-isis-defeat-in-raqqa';
const ROJAVA = '2019-03-13-rojava-network-isis-last-moments-in-baghuz';
const SEYASSAH = '2019-03-23-al-seyassah-sdf-declares-isis-defeat-in-baghuz';
const ALKHABAR = '2019-03-23-alkhabar-tv-is-isis-over-in-syria';
const DW = '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate';

function ids(s: Selection): string[] {
  const r = selectArticles(archive, s);
  assert.ok('rows' in r, 'problem' in r ? r.problem : '');
  return r.rows.map((row) => row.id);
}

function problem(s: Selection): string {
  const r = selectArticles(archive, s);
  assert.ok('problem' in r, 'expected a problem');
  return r.problem;
}

describe('selectArticles', () => {
  it('lists every article oldest first without filters', () => {
    assert.deepEqual(ids({}), [RAQQA, ROJAVA, SEYASSAH, ALKHABAR, DW]);
  });
  it('filters by outlet, event and place (by name, variant, slug or English name)', () => {
    assert.deepEqual(ids({ outlet: 'dw-arabic' }), [DW]);
    assert.deepEqual(ids({ event: 'raqqa-2017' }), [RAQQA]);
    assert.deepEqual(ids({ event: 'baghuz-2019', outlet: 'rojava-network' }), [ROJAVA]);
    const raqqa = ids({ place: 'الرقة' });
    assert.ok(raqqa.includes(RAQQA));
    assert.deepEqual(ids({ place: 'الرقه' }), raqqa, 'a spelling variant');
    assert.deepEqual(ids({ place: 'raqqa' }), raqqa, 'the slug');
    assert.deepEqual(ids({ place: 'Raqqa' }), raqqa, 'the English name');
  });
  it('filters by date: YYYY, YYYY-MM or YYYY-MM-DD, both ends included', () => {
    assert.deepEqual(ids({ from: '2019' }), [ROJAVA, SEYASSAH, ALKHABAR, DW]);
    assert.deepEqual(ids({ to: '2017' }), [RAQQA]);
    assert.deepEqual(ids({ from: '2019-03-13', to: '2019-03-13' }), [ROJAVA]);
    assert.deepEqual(ids({ from: '2019-03-14', to: '2019-03' }), [SEYASSAH, ALKHABAR, DW]);
    assert.deepEqual(ids({ from: '2018', to: '2018' }), []);
  });
  it('says what to pass for an unknown key or a malformed date', () => {
    assert.match(problem({ outlet: 'bbc' }), /--outlet "bbc" has no articles; pass one of: .*dw-arabic/);
    assert.match(problem({ event: 'mosul-2017' }), /--event "mosul-2017" is not an event; pass one of: .*raqqa-2017/);
    assert.match(problem({ place: 'باريس' }), /--place "باريس" is not a place of the archive/);
    assert.match(problem({ from: '2019-02-30' }), /--from "2019-02-30" is not a date; pass YYYY, YYYY-MM or YYYY-MM-DD/);
    assert.match(problem({ to: '23/03/2019' }), /--to "23\/03\/2019" is not a date/);
    assert.match(problem({ from: '2019-04', to: '2019-03' }), /--from 2019-04 is after --to 2019-03/);
  });
  it('dayRange knows month lengths and leap years', () => {
    assert.deepEqual(dayRange('2016-02'), { first: '2016-02-01', last: '2016-02-29' });
    assert.deepEqual(dayRange('2019-02'), { first: '2019-02-01', last: '2019-02-28' });
    assert.equal(dayRange('2019-13'), null);
  });
});

describe('npm run list', () => {
  const run = (...args: string[]) => spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'src', 'cli', 'list.ts'), ...args], { encoding: 'utf8' });

  it('prints a line per article and a count', () => {
    const r = run('--event', 'baghuz-2019', '--from', '2019-03-20');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^2019-03-23 {2}al-seyassah/m);
    assert.match(r.stdout, /3 articles\n$/);
  });
  it('--json prints the rows of articles.json, --csv those of articles.csv (no BOM)', () => {
    const json = JSON.parse(run('--outlet', 'alkhabar-tv', '--json').stdout) as Array<{ id: string; author: string }>;
    assert.deepEqual(
      json.map((r) => [r.id, r.author]),
      [[ALKHABAR, 'عطية العطية']],
    );
    const csv = run('--place', 'الباغوز', '--csv').stdout;
    assert.notEqual(csv.charCodeAt(0), 0xfeff);
    const rows = parse(csv, { columns: true }) as Array<{ id: string; headline: string }>;
    assert.ok(rows.length >= 4 && rows.every((r) => r.headline.length > 0));
  });
  it('exits 1 with one line naming the flag for an unknown outlet', () => {
    const r = run('--outlet', 'nope');
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /^list: --outlet "nope"/);
  });
});
