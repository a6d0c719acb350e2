/**
 * The press-study scoring script (tests/press-study/score.ts) on a synthetic folder of our own
 * sentences (tests/fixtures/press/score/): a file add writes rightly, one it refuses (never a
 * wrong value), and one whose stated truth differs on purpose, which must count as WRONG values.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { fieldLine, fieldTotals, fileLine, readExpected, scoreCorpus, ScoreInputError, totalsLines } from './press-study/score.ts';

const DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'press', 'score');

describe('press-study score', () => {
  it('scores right, refused and wrong values apart', async () => {
    const { scores, totals } = await scoreCorpus(DIR);
    const [ok, refused, wrong] = scores;
    assert.equal(ok?.date, 'right');
    assert.equal(ok?.outlet, 'right');
    assert.equal(ok?.headline, 'right');
    assert.match(fileLine(ok!), /^001\.txt: ok \(aljazeera, 2019-03-23 stated\)$/);
    assert.equal(refused?.exit, 1);
    assert.equal(refused?.got, null);
    assert.match(fileLine(refused!), /^002\.txt: refused \(exit 1\): /);
    assert.equal(wrong?.date, 'wrong');
    assert.equal(wrong?.headline, 'wrong');
    assert.equal(wrong?.outlet, 'right', 'an outlet with the expected domain is right even without a key');
    assert.match(fileLine(wrong!), /WRONG date: got 2019-03-23 \(stated\) vs expected "2019-03-24"; WRONG headline: /);
    assert.deepEqual(
      {
        written: totals.written,
        refused: totals.refusedNeedsInput,
        wrongValues: totals.wrongValues,
        wrongArticles: totals.wrongArticles,
        datesExact: totals.datesExact,
        datesStated: totals.datesStated,
      },
      { written: 2, refused: 1, wrongValues: 2, wrongArticles: 1, datesExact: 1, datesStated: 3 },
    );
    assert.match(totalsLines(totals).at(-1)!, /^WRONG values written: 2 \(dates 1, outlets 0, headlines 1\) in 1 articles$/);
  });

  it('without --url, a date only the address gives is not stated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arshif-score-test-'));
    writeFileSync(
      join(dir, '001.txt'),
      'انقطاع المياه عن أحياء في مدينة دير الزور\nانقطعت المياه عن أحياء في مدينة دير الزور بسبب عطل في محطة الضخ الرئيسية.\nوقال موظف إن الإصلاح يحتاج إلى يومين.\n',
    );
    writeFileSync(
      join(dir, 'expected.yml'),
      '- file: 001.txt\n  url: https://www.aljazeera.net/news/2019/3/21/water\n  outlet: {name: الجزيرة نت, domain: aljazeera.net, key: aljazeera}\n  date: 2019-03-21\n  date_where: url-only\n  headline: انقطاع المياه عن أحياء في مدينة دير الزور\n',
    );
    const withUrl = await scoreCorpus(dir);
    assert.equal(withUrl.scores[0]?.date, 'right');
    const noUrl = await scoreCorpus(dir, { noUrl: true });
    assert.equal(noUrl.scores[0]?.expected.date, null);
    assert.equal(noUrl.totals.datesStated, 0);
    assert.equal(noUrl.totals.wrongValues, 0, 'refused without an outlet or a date: nothing wrong');
  });

  it('--isolate scores each field alone, the other two given from the truth or a stand-in', async () => {
    // 002 names no outlet and has no address: refused as a whole, but its date and headline are
    // read rightly once the outlet is given (a stand-in key, since its truth has none).
    const date = await scoreCorpus(DIR, { isolate: 'date' });
    assert.deepEqual(
      date.scores.map((s) => [s.date, s.headline, s.outlet]),
      [
        ['right', 'given', 'given'],
        ['right', 'given', 'given'],
        ['wrong', 'given', 'given'],
      ],
    );
    assert.deepEqual(fieldTotals('date', date.scores), { field: 'date', stated: 3, right: 2, asked: 0, wrong: 1, wrongUnstated: 0 });
    const headline = await scoreCorpus(DIR, { isolate: 'headline' });
    assert.deepEqual(
      headline.scores.map((s) => s.headline),
      ['right', 'right', 'wrong'],
    );
    const outlet = await scoreCorpus(DIR, { isolate: 'outlet' });
    assert.deepEqual(
      outlet.scores.map((s) => s.outlet),
      ['right', 'not-written', 'right'],
    );
    assert.match(fieldLine(fieldTotals('outlet', outlet.scores)), /^outlet alone: right 2\/3 \(67%\), asked 1, WRONG 0 /);
  });

  it('--isolate counts a headline written where the truth states none as WRONG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arshif-score-test-'));
    writeFileSync(
      join(dir, '001.txt'),
      'انقطاع المياه عن أحياء في مدينة دير الزور\nانقطعت المياه عن أحياء في مدينة دير الزور بسبب عطل في محطة الضخ الرئيسية.\nوقال موظف إن الإصلاح يحتاج إلى يومين.\n',
    );
    writeFileSync(
      join(dir, 'expected.yml'),
      '- file: 001.txt\n  url: https://www.aljazeera.net/news/2019/3/21/water\n  outlet: {name: الجزيرة نت, domain: aljazeera.net, key: aljazeera}\n  date: null\n  headline: null\n',
    );
    const { scores } = await scoreCorpus(dir, { isolate: 'headline' });
    assert.equal(scores[0]?.headline, 'wrong');
    assert.deepEqual(fieldTotals('headline', scores), { field: 'headline', stated: 0, right: 0, asked: 0, wrong: 0, wrongUnstated: 1 });
  });

  it('judges the outlet a dry run would add by the entry it proposes, a subdomain being its domain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arshif-score-test-'));
    writeFileSync(
      join(dir, '001.txt'),
      'انقطاع المياه عن أحياء في مدينة دير الزور\nانقطعت المياه عن أحياء في مدينة دير الزور بسبب عطل في محطة الضخ الرئيسية.\nوقال موظف إن الإصلاح يحتاج إلى يومين.\n',
    );
    const truth = (outlet: string) =>
      `- file: 001.txt\n  url: https://arabic.baladna-example.net/news/2019/03/21/water\n  outlet: ${outlet}\n  date: 2019-03-21\n  date_where: url-only\n  headline: انقطاع المياه عن أحياء في مدينة دير الزور\n`;
    writeFileSync(join(dir, 'expected.yml'), truth('{name: null, domain: baladna-example.net, key: null}'));
    const parent = await scoreCorpus(dir, { isolate: 'outlet', addOptions: { newOutlet: true } });
    assert.equal(parent.scores[0]?.outlet, 'right', parent.scores[0]?.messages.join('\n'));
    writeFileSync(join(dir, 'expected.yml'), truth('{name: null, domain: example.net, key: null}'));
    const other = await scoreCorpus(dir, { isolate: 'outlet', addOptions: { newOutlet: true } });
    assert.equal(other.scores[0]?.outlet, 'wrong', 'another domain is wrong, even one the proposed domain ends with as text');
  });

  it('names the file and the entry when expected.yml is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arshif-score-test-'));
    writeFileSync(join(dir, 'expected.yml'), '- file: 001.txt\n  outlet: {key: x}\n  date: 23/03/2019\n  headline: null\n');
    assert.throws(
      () => readExpected(dir),
      (e: Error) => e instanceof ScoreInputError && /expected\.yml: entry 1 \(001\.txt\): date: a date YYYY-MM-DD$/.test(e.message),
    );
    writeFileSync(join(dir, 'expected.yml'), 'file: 001.txt\n');
    assert.throws(() => readExpected(dir), /must be a YAML list/);
  });
});
