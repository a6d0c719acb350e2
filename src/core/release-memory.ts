/**
 * Gives back to the system the memory of what a build has let go of, at the two points where
 * most of it becomes garbage at once: when the archive model is built (the file texts, parsed
 * YAML and intermediate data of loading), before Eleventy adds its pages; and when Eleventy has
 * written the site and the archive is dropped, before the search index's Pagefind processes
 * start (the largest part of a build's peak memory).
 *
 * V8 collects unreachable data in time, but it keeps the emptied heap pages, and grows the heap
 * from there, so a process holds far more than is alive (BENCHMARKS.md, "Notes from the code").
 * V8 returns its pages on a full collection, which Node lets a program ask for only with
 * --expose-gc: the flag is turned on here, once, at run time (as test runners do to measure
 * heaps), and the collection function is taken from a fresh context.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { stopWorkers } from './workers.ts';

let collect: (() => void) | undefined;

/**
 * Runs a full, synchronous garbage collection, which returns V8's empty pages to the system; and
 * ends the worker thread kept between lists of tasks (workers.ts), whose heap holds what it
 * loaded and computed for them.
 */
export function releaseMemory(): void {
  stopWorkers();
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
