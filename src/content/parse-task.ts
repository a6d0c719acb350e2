/**
 * Parsing Markdown content files on two threads: the protocol between this thread and the worker
 * of src/core/workers.ts. A task is plain data and names its schema by kind, since a zod schema
 * cannot be sent to another thread; the worker loads this module and reads each file exactly as
 * this thread does (`parseMarkdownTask`), so the outcome is the same whichever thread read it.
 */
import type { Problem } from '../core/problem.ts';
import { runSharedWork } from '../core/workers.ts';
import { parseMarkdownSource } from './front-matter.ts';
import { articleSchema, eventSchema } from './schema.ts';

/** The schemas Markdown content files are read with, by the kind of file (a parse task names its schema by kind). */
export const MARKDOWN_SCHEMAS = { article: articleSchema, event: eventSchema } as const;

export type MarkdownKind = keyof typeof MARKDOWN_SCHEMAS;

/** Reading one Markdown file's text, as plain data, so that it can be done on another thread. */
export interface ParseTask {
  kind: MarkdownKind;
  /** The file's path as the user sees it (problems name it). */
  file: string;
  /** The file's text, without a BOM. */
  source: string;
}

export interface ParseOutcome {
  /** What is wrong with the file, in the order found; empty for most files. */
  problems: Problem[];
  /** What the file gave, unless a problem stopped it (no `lineOf`: a function cannot cross threads). */
  loaded?: { data: unknown; body: string; bodyLine: number };
}

/** Reads one file's text with its kind's schema: the same on either thread. */
export function parseMarkdownTask(task: ParseTask): ParseOutcome {
  const problems: Problem[] = [];
  const loaded = parseMarkdownSource(task.source, task.file, MARKDOWN_SCHEMAS[task.kind], problems);
  return loaded ? { problems, loaded: { data: loaded.data, body: loaded.body, bodyLine: loaded.bodyLine } } : { problems };
}

/** The worker's compute function. */
export function parseWorker(): (task: ParseTask) => ParseOutcome {
  return (task) => parseMarkdownTask(task);
}

/**
 * Fewer files to parse than this are parsed on this thread only: a worker takes about a second to
 * start and warm up, and parsing costs under a millisecond a file (BENCHMARKS.md, "Notes from the
 * code", has the measurement).
 */
const MIN_FILES_FOR_WORKER = 3000;

/** The outcome of each task, in the tasks' order: on two threads when there are many. */
export function parseMarkdownTasks(tasks: ParseTask[]): ParseOutcome[] {
  return runSharedWork({
    tasks,
    compute: parseMarkdownTask,
    module: new URL(import.meta.url),
    exportName: 'parseWorker',
    setup: undefined,
    minTasks: MIN_FILES_FOR_WORKER,
  });
}
