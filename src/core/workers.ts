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
 * waiting for a thread to start. The worker is kept for the next list (sharedWorker), so a build
 * starts one, not one per list; a small list (startsWorker) starts none.
 *
 * The worker loads `module` (a TypeScript file: it registers tsx's loader first, since Node 20
 * workers do not inherit the `--import` loader of the thread that starts them; or, when this
 * process runs from the bundle, the module's bundled twin, with no loader: src/core/bundled.ts)
 * and calls its export `exportName` with `setup` to get its compute function.
 */
import { BUNDLE_DIR, runnableModule } from './bundled.ts';
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
 * The worker's code: CommonJS, run with `eval` so that it needs no file of its own. The worker
 * stays up between lists (see sharedWorker) and takes them one at a time, in the order sent: each
 * message is one list, with its own shared counter and its own port for the results. Every list
 * ends in `finally`, which tells the waiting thread the worker is done with it; a failure only
 * leaves results missing, which the main thread then computes.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = (async () => {
  if (workerData.loader) (await import(workerData.loader)).register();
})();
let queue = Promise.resolve();
parentPort.on('message', (list) => {
  queue = queue.then(() => work(list));
});
async function work({ port, state, module, exportName, setup, tasks, chunk }) {
  const s = new Int32Array(state);
  try {
    await ready;
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
}
`;

/** tsx's ESM registration entry, when this process can resolve it (it runs the build); none needed from the bundle (src/core/bundled.ts). */
function tsxLoader(): string | undefined {
  if (BUNDLE_DIR) return undefined;
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

/**
 * Whether `runSharedWork` starts a worker for `tasks` tasks: only for at least `minTasks` (a
 * worker costs about a second of a core to start, which a short list never wins back), and never
 * with ARSHIF_WORKERS=0.
 */
export function startsWorker(tasks: number, minTasks = 1, env: Environment = environment()): boolean {
  return tasks >= minTasks && workersEnabled(env);
}

/**
 * The one worker, started by the first list that wants one and kept for the next (a build derives
 * its articles, then draws its maps): a worker takes about a second of a core to start (tsx, then
 * the modules), which a second list then does not pay again, and the modules it loaded for the
 * first stay loaded. Unreferenced, so it never keeps the process alive; stopWorkers ends it.
 */
let shared: Worker | undefined;

function sharedWorker(): Worker | undefined {
  if (shared) return shared;
  try {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { loader: tsxLoader() }, stdout: false, stderr: false });
    worker.unref();
    const forget = () => {
      if (shared === worker) shared = undefined;
    };
    worker.on('error', forget); // a failed worker only leaves results missing
    worker.on('exit', forget);
    shared = worker;
    return worker;
  } catch {
    return undefined;
  }
}

/** Ends the worker kept between lists, if any (the next list that wants one starts another). */
export function stopWorkers(): void {
  const worker = shared;
  shared = undefined;
  void worker?.terminate();
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
  if (startsWorker(n, work.minTasks)) {
    worker = sharedWorker();
    try {
      worker?.postMessage({ port: port2, state: state.buffer, module: runnableModule(work.module).href, exportName: work.exportName, setup: work.setup, tasks, chunk }, [port2]);
    } catch {
      worker = undefined; // a setup or task that cannot be sent: all computed here
    }
  }
  if (!worker) {
    port1.close();
    return tasks.map(compute);
  }
  let stalled = false;
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
        else if (Date.now() - since > STALL_MS) {
          stalled = true;
          break;
        }
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
    if (stalled && shared === worker) stopWorkers(); // stuck in a task: the next list gets a fresh one
  }
  for (let i = 0; i < n; i++) if (!have[i]) results[i] = compute(tasks[i] as T);
  return results;
}
