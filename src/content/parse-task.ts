/**
 * The worker side of reading Markdown content files on two threads (load.ts hands the files the
 * parse cache lacks to src/core/workers.ts, which loads this module in its worker). A task
 * is plain data and names its schema by kind, since a zod schema cannot be sent to another thread;
 * the worker reads it exactly as load.ts does on the main thread (`parseMarkdownTask`).
 */
import { parseMarkdownTask, type ParseOutcome, type ParseTask } from './load.ts';

/** The worker's compute function. */
export function parseWorker(): (task: ParseTask) => ParseOutcome {
  return (task) => parseMarkdownTask(task);
}
