/**
 * Runs a list of independent tasks on two threads, this one and one worker thread, and returns
 * their results in the tasks' order, synchronously: the archive is built by a synchronous call
 * (getArchive), so this thread computes its share and then blocks (Atomics.wait) until the worker
 * has finished its own, rather than returning to the event loop.
 *
 * The two threads take tasks from one shared counter, a few at a time, so neither waits while
 * the other has work left, whatever the tasks cost and however busy the machine is. The result of
 * each task depends on that task only, so which thread computed it never shows: the results are
 * the same, in the same order, as computing every task here one after the other.
 *
 * The worker is a safety net, never a requirement. When it cannot start (no TypeScript loader, no
 * threads), when it fails or when it stops making progress, this thread computes what is missing
 * itself, and a task that throws throws here, as it would without a worker. A worker that has not
 * started by the time this thread has run out of tasks is cancelled, so a small list costs no
 * waiting for a thread to start.
 *
 * The worker loads `module` (a TypeScript file: it registers tsx's loader first, since Node 20
 * workers do not inherit the `--import` loader of the thread that starts them) and calls its
 * export `exportName` with `setup` to get its compute function.
 */
import { environment, type Environment } from './config.ts';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface SharedWork<T, R, S> {
  tasks: T[];
  /** This thread's compute function: the same computation as the worker's. */
  compute: (task: T) => R;
  /** The module the worker loads, which exports `exportName`: (setup: S) => (task: T) => R. */
  module: URL;
  exportName: string;
  /** What the worker's compute function is made from (structured-cloned to the worker). */
  setup: S;
  /** Fewer tasks than this are all computed here (a worker takes a second or so to start). Default 1. */
  minTasks?: number;
  /** Tasks taken at a time from the shared counter. Default 4. */
  chunk?: number;
}

/** Slots of the shared Int32Array. */
const NEXT = 0;
const STATE = 1;
/** Tasks the worker has finished: its progress, so that a stuck worker is noticed. */
const DONE = 2;

/** STATE values. */
const STARTING = 0;
const WORKING = 1;
const FINISHED = 2;
const CANCELLED = 3;

/** A worker that finishes no task for this long is given up (this thread computes the rest). */
const STALL_MS = 120_000;

/**
 * The worker's code: CommonJS, run with `eval` so that it needs no file of its own. Every path
 * ends in `finally`, which tells the waiting thread the worker is done; a failure only leaves
 * results missing, which the main thread then computes.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, state, loader, module, exportName, setup, tasks, chunk } = workerData;
const s = new Int32Array(state);
(async () => {
  try {
    if (loader) (await import(loader)).register();
    const compute = (await import(module))[exportName](setup);
    if (Atomics.compareExchange(s, ${STATE}, ${STARTING}, ${WORKING}) !== ${STARTING}) return;
    for (;;) {
      const start = Atomics.add(s, ${NEXT}, chunk);
      if (start >= tasks.length) break;
      const end = Math.min(start + chunk, tasks.length);
      const results = [];
      for (let i = start; i < end; i++) results.push(compute(tasks[i]));
      port.postMessage({ start, results });
      Atomics.add(s, ${DONE}, end - start);
    }
  } catch {
    // the tasks this thread claimed and did not post are computed by the main thread
  } finally {
    Atomics.store(s, ${STATE}, ${FINISHED});
    Atomics.notify(s, ${STATE});
    port.close();
  }
})();
`;

/** tsx's ESM registration entry, when this process can resolve it (it runs the build). */
function tsxLoader(): string | undefined {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
}

/** Whether to use a worker at all: ARSHIF_WORKERS=0 turns it off (for comparison, or a machine with one core). */
export function workersEnabled(env: Environment = environment()): boolean {
  return env.workers;
}

/** The results of `compute` on every task, in the tasks' order, computed on this thread and one worker. */
export function runSharedWork<T, R, S>(work: SharedWork<T, R, S>): R[] {
  const { tasks, compute } = work;
  const n = tasks.length;
  const results = new Array<R>(n);
  const have = new Uint8Array(n);
  const chunk = Math.max(1, work.chunk ?? 4);
  const state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker | undefined;
  const { port1, port2 } = new MessageChannel();
  if (n >= (work.minTasks ?? 1) && workersEnabled()) {
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { port: port2, state: state.buffer, loader: tsxLoader(), module: work.module.href, exportName: work.exportName, setup: work.setup, tasks, chunk },
        transferList: [port2],
        stdout: false,
        stderr: false,
      });
      worker.unref();
      worker.on('error', () => {}); // a failed worker only leaves results missing
    } catch {
      worker = undefined;
    }
  }
  if (!worker) {
    port1.close();
    return tasks.map(compute);
  }
  try {
    for (;;) {
      const start = Atomics.add(state, NEXT, chunk);
      if (start >= n) break;
      for (let i = start; i < Math.min(start + chunk, n); i++) {
        results[i] = compute(tasks[i] as T);
        have[i] = 1;
      }
    }
    // Out of tasks: cancel a worker that has not started, or wait for the one that has.
    if (Atomics.compareExchange(state, STATE, STARTING, CANCELLED) === WORKING) {
      let progress = Atomics.load(state, DONE);
      let since = Date.now();
      while (Atomics.load(state, STATE) === WORKING) {
        Atomics.wait(state, STATE, WORKING, 1000);
        const now = Atomics.load(state, DONE);
        if (now !== progress) [progress, since] = [now, Date.now()];
        else if (Date.now() - since > STALL_MS) break;
      }
    }
    for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
      const { start, results: some } = message.message as { start: number; results: R[] };
      some.forEach((result, k) => {
        results[start + k] = result;
        have[start + k] = 1;
      });
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
  for (let i = 0; i < n; i++) if (!have[i]) results[i] = compute(tasks[i] as T);
  return results;
}
