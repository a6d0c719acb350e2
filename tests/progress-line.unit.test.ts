/** The progress line (src/core/phase-log.ts): its text, drawn in place on a terminal, nothing elsewhere. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProgress, PROGRESS_INTERVAL_MS, ProgressLine, type ProgressStream } from '../src/core/phase-log.ts';

/** A stream that keeps what is written, and a clock the test moves. */
function terminal(isTTY: boolean, columns = 80): { stream: ProgressStream; written: string[]; clock: { now: number } } {
  const written: string[] = [];
  return { stream: { isTTY, columns, write: (text: string) => written.push(text) }, written, clock: { now: 0 } };
}

describe('formatProgress', () => {
  it('the phase, n of N with thousands separated, and the unit', () => {
    assert.equal(formatProgress('eleventy', 3400, 10361, 'pages'), 'eleventy 3,400/10,361 pages');
    assert.equal(formatProgress('search index', 2, 6, 'shards'), 'search index 2/6 shards');
    assert.equal(formatProgress('eleventy', 12, 10, 'pages'), 'eleventy 10/10 pages', 'never more done than there is');
  });
});

describe('ProgressLine', () => {
  it('on a terminal: redrawn in place, at most every interval, the last step always, wiped by clear()', () => {
    const { stream, written, clock } = terminal(true);
    const line = new ProgressLine(stream, () => clock.now);
    line.update('eleventy', 1, 300, 'pages');
    clock.now += PROGRESS_INTERVAL_MS / 2;
    line.update('eleventy', 2, 300, 'pages'); // too soon
    clock.now += PROGRESS_INTERVAL_MS;
    line.update('eleventy', 150, 300, 'pages');
    line.update('eleventy', 300, 300, 'pages'); // the last, however soon
    line.clear();
    line.clear(); // nothing left to wipe
    assert.deepEqual(written, ['\releventy 1/300 pages\x1b[K\r', '\releventy 150/300 pages\x1b[K\r', '\releventy 300/300 pages\x1b[K\r', '\r\x1b[K']);
  });

  it('cut to the terminal width, so that it never wraps', () => {
    const { stream, written } = terminal(true, 12);
    new ProgressLine(stream, () => 0).update('search index', 2, 6, 'shards');
    assert.deepEqual(written, ['\rsearch inde\x1b[K\r']);
  });

  it('a terminal that gives no width: 80 columns', () => {
    const { stream, written } = terminal(true, 0);
    new ProgressLine(stream, () => 0).update('eleventy', 3400, 10361, 'pages');
    assert.deepEqual(written, ['\releventy 3,400/10,361 pages\x1b[K\r']);
  });

  it('not a terminal (a CI log, a pipe): nothing at all', () => {
    const { stream, written, clock } = terminal(false);
    const line = new ProgressLine(stream, () => clock.now);
    for (let i = 1; i <= 10; i++) {
      clock.now += 1000;
      line.update('eleventy', i, 10, 'pages');
    }
    line.clear();
    assert.deepEqual(written, []);
  });

  it('turned off (--quiet): nothing at all', () => {
    const { stream, written } = terminal(true);
    const line = new ProgressLine(stream, () => 0);
    line.enabled = false;
    line.update('eleventy', 5, 10, 'pages');
    line.clear();
    assert.deepEqual(written, []);
  });
});
