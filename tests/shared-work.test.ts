/**
 * Tasks shared between this thread and a worker thread (src/core/workers.ts), and the
 * articles derived that way (src/analysis/derive/derive.ts): the results are those of computing every
 * task here, in the tasks' order, whichever thread computed each, and a worker that cannot
 * start or fails changes nothing but the time taken.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { deriveArticles, MIN_ARTICLES_FOR_WORKER, type ArticleToDerive } from '../src/analysis/derive/derive.ts';
import { DiskStore } from '../src/cache/disk-store.ts';
import { runSharedWork, startsWorker, stopWorkers } from '../src/core/workers.ts';
import { threadId } from 'node:worker_threads';
import { readEnvironment } from '../src/core/config.ts';
import { MIN_MAPS_FOR_WORKER } from '../src/analysis/derive/map-batch.ts';
import { loadEntities } from '../src/content/data-files.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { createHash } from 'node:crypto';
import { tempDir } from './helpers/site.ts';

const TASKS = new URL('./fixtures/workers/tasks.ts', import.meta.url);
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Runs `work` with ARSHIF_WORKERS set to `value` (undefined: unset). */
function withWorkers<T>(value: string | undefined, work: () => T): T {
  const before = process.env.ARSHIF_WORKERS;
  if (value === undefined) delete process.env.ARSHIF_WORKERS;
  else process.env.ARSHIF_WORKERS = value;
  try {
    return work();
  } finally {
    if (before === undefined) delete process.env.ARSHIF_WORKERS;
    else process.env.ARSHIF_WORKERS = before;
  }
}

describe('runSharedWork', () => {
  it("gives every result in the tasks' order, the worker taking part", () => {
    const tasks = numbers(3000).filter((x) => x !== 13);
    // This thread's results say worker: false; the worker's, true. Slow tasks here leave it time to start.
    const results = withWorkers(undefined, () =>
      runSharedWork({
        tasks,
        compute: (x) => {
          const until = performance.now() + 1;
          while (performance.now() < until);
          return { x, worker: false };
        },
        module: TASKS,
        exportName: 'tagged',
        setup: undefined,
      }),
    );
    assert.deepEqual(
      results.map((r) => r.x),
      tasks,
    );
    assert.ok(
      results.some((r) => r.worker),
      'the worker computed some tasks',
    );
    assert.ok(
      results.some((r) => !r.worker),
      'this thread computed some tasks',
    );
  });

  it('computes the same as without a worker', () => {
    const tasks = numbers(500).filter((x) => x !== 13);
    const compute = (x: number) => x * x + 7;
    const work = { tasks, compute, module: TASKS, exportName: 'square', setup: { offset: 7 } };
    assert.deepEqual(runSharedWork(work), tasks.map(compute));
    assert.deepEqual(
      withWorkers('0', () => runSharedWork(work)),
      tasks.map(compute),
    );
  });

  it('computes everything here when the worker cannot load its module', () => {
    const tasks = numbers(300);
    const results = runSharedWork({ tasks, compute: (x) => x + 1, module: new URL('./fixtures/workers/missing.ts', import.meta.url), exportName: 'square', setup: {} });
    assert.deepEqual(
      results,
      tasks.map((x) => x + 1),
    );
  });

  it('throws here what a task throws, as without a worker', () => {
    const compute = (x: number) => {
      if (x === 13) throw new Error('thirteen');
      return x;
    };
    assert.throws(() => runSharedWork({ tasks: numbers(400), compute, module: TASKS, exportName: 'square', setup: { offset: 0 } }), /thirteen/);
  });

  it('starts no worker for fewer tasks than minTasks, nor for none', () => {
    assert.deepEqual(runSharedWork({ tasks: [1, 2, 3], compute: (x) => -x, module: TASKS, exportName: 'tagged', setup: undefined, minTasks: 10 }), [-1, -2, -3]);
    assert.deepEqual(runSharedWork({ tasks: [], compute: (x: number) => x, module: TASKS, exportName: 'tagged', setup: undefined }), []);
  });
});

describe('one worker for a run of lists', () => {
  const slow = (x: number) => {
    const until = performance.now() + 1;
    while (performance.now() < until);
    return { x, thread: threadId };
  };
  const list = () => runSharedWork({ tasks: numbers(3000), compute: slow, module: TASKS, exportName: 'threadOf', setup: undefined });
  const workerThreads = (results: Array<{ thread: number }>) => new Set(results.map((r) => r.thread).filter((t) => t !== threadId));

  it('computes a second list on the worker the first started, and a fresh one after stopWorkers', () => {
    const first = list();
    const second = list();
    for (const results of [first, second])
      assert.deepEqual(
        results.map((r) => r.x),
        numbers(3000),
      );
    const [a, b] = [workerThreads(first), workerThreads(second)];
    assert.equal(a.size, 1, 'the first list had a worker');
    assert.deepEqual(b, a, 'the second list, the same worker');
    stopWorkers();
    const third = workerThreads(list());
    assert.equal(third.size, 1);
    assert.notDeepEqual(third, a, 'a new worker after stopWorkers');
    stopWorkers();
  });
});

describe('when a worker is started', () => {
  const on = readEnvironment({});
  const off = readEnvironment({ ARSHIF_WORKERS: '0' });

  it('starts one from minTasks tasks on, never below, and never with ARSHIF_WORKERS=0', () => {
    assert.equal(startsWorker(9, 10, on), false);
    assert.equal(startsWorker(10, 10, on), true);
    assert.equal(startsWorker(11, 10, on), true);
    assert.equal(startsWorker(0, undefined, on), false);
    assert.equal(startsWorker(1, undefined, on), true);
    assert.equal(startsWorker(10_000, 10, off), false);
  });

  it("draws a small archive's maps on this thread alone and a large one's on two", () => {
    // The seed archive draws 30 maps, the 1,000-article benchmark 223 (BENCHMARKS.md, "Fixed costs").
    assert.equal(startsWorker(30, MIN_MAPS_FOR_WORKER, on), false);
    assert.equal(startsWorker(223, MIN_MAPS_FOR_WORKER, on), true);
  });
});

describe('deriveArticles on two threads', () => {
  const content = loadValidContent(DEFAULT_CONTENT_DIR);
  const entities = loadEntities(content.dir);
  // Enough distinct articles for a worker: the seeds, each many times with a numbered paragraph added.
  const articles: ArticleToDerive[] = numbers(MIN_ARTICLES_FOR_WORKER + 40).map((i) => {
    const seed = content.articles[i % content.articles.length]!;
    return {
      id: `${seed.data.id}-${i}`,
      title: seed.data.title,
      date: seed.data.date,
      body: `${seed.body}\n\nفقرة رقم ${i} في 23 آذار 2019.\n`,
      inEvent: i % 3 !== 0,
    };
  });
  const plain = (d: ReturnType<typeof deriveArticles>) => [d.html, d.paragraphs, d.mentions, d.figures, d.uses].map((m) => [...m]);

  it('derives what one thread derives, with and without a store, and stores every entry once', () => {
    const alone = withWorkers('0', () => plain(deriveArticles(articles, entities)));
    assert.deepEqual(plain(deriveArticles(articles, entities)), alone);
    const dir = tempDir('shared-work-store-');
    const version = createHash('sha256').update('shared-work test').digest('hex');
    const cold = new DiskStore(dir, version);
    assert.deepEqual(plain(deriveArticles(articles, entities, cold)), alone);
    assert.equal(cold.stats.writes, articles.length);
    const warm = new DiskStore(dir, version);
    assert.deepEqual(plain(deriveArticles(articles, entities, warm)), alone);
    assert.equal(warm.stats.writes, 0);
    assert.equal(warm.stats.hits, articles.length);
  });
});
