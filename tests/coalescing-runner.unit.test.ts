/** Rebuilds on change (src/core/coalescing-runner.ts): after a pause, never two at once, one more for what came during a run. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoalescingRunner } from '../src/core/coalescing-runner.ts';

const QUIET = 20;

describe('CoalescingRunner', () => {
  it('items pushed in a burst make one run with all of them', async () => {
    const runs: string[][] = [];
    const runner = new CoalescingRunner<string>(async (items) => void runs.push(items), QUIET);
    runner.push('articles/a.md');
    runner.push('sources/a.txt');
    await sleep(QUIET / 4);
    runner.push('data/outlets.yml');
    await sleep(QUIET * 3);
    await runner.idle();
    assert.deepEqual(runs, [['articles/a.md', 'sources/a.txt', 'data/outlets.yml']]);
  });

  it('what is pushed during a run gives one run after it, not one each', async () => {
    const runs: string[][] = [];
    let running = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const runner = new CoalescingRunner<string>(async (items) => {
      running++;
      most = Math.max(most, running);
      runs.push(items);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      running--;
    }, QUIET);
    runner.push('a');
    await sleep(QUIET * 3); // the first run is under way, held
    runner.push('b');
    await sleep(QUIET * 3);
    runner.push('c');
    await sleep(QUIET * 3);
    assert.deepEqual(runs, [['a']], 'nothing starts while a run is under way');
    release();
    await sleep(QUIET * 3);
    await runner.idle();
    assert.deepEqual(runs, [['a'], ['b', 'c']]);
    assert.equal(most, 1);
  });

  it('a run that fails is reported, and the next push runs again', async () => {
    const errors: unknown[] = [];
    const runs: string[][] = [];
    const runner = new CoalescingRunner<string>(
      async (items) => {
        runs.push(items);
        if (items.includes('bad')) throw new Error('bad content');
      },
      QUIET,
      (error) => errors.push(error),
    );
    runner.push('bad');
    await sleep(QUIET * 3);
    runner.push('fixed');
    await sleep(QUIET * 3);
    await runner.idle();
    assert.deepEqual(runs, [['bad'], ['fixed']]);
    assert.equal(errors.length, 1);
  });

  it('what is pushed during an exclusive task (the first build) waits for it', async () => {
    const runs: string[][] = [];
    const runner = new CoalescingRunner<string>(async (items) => void runs.push(items), QUIET);
    await runner.exclusive(async () => {
      runner.push('during');
      await sleep(QUIET * 3);
      assert.deepEqual(runs, []);
    });
    await sleep(QUIET * 3);
    await runner.idle();
    assert.deepEqual(runs, [['during']]);
  });

  it('close() drops what waits', async () => {
    const runs: string[][] = [];
    const runner = new CoalescingRunner<string>(async (items) => void runs.push(items), QUIET);
    runner.push('a');
    runner.close();
    runner.push('b');
    await sleep(QUIET * 3);
    assert.deepEqual(runs, []);
  });
});
