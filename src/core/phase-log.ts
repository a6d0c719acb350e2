/**
 * What a build says of its phases while it runs.
 *
 * - Phase timings, for finding where its time goes: with ARSHIF_PHASES=1, each phase prints one
 *   line to stderr when it ends: its name, its wall time, the process's CPU time while it ran
 *   (`cpuMs`: wall time is spoiled by a loaded machine, CPU time much less) and the process's
 *   memory (resident and V8 heap) at that moment, and its largest resident size so far. The benchmark (src/bench/) reads these lines. Without it, nothing
 *   is printed and nothing is measured.
 * - A progress line, for a person waiting at a terminal: the phase and how far it is, n of N
 *   (`eleventy 3,400/10,361 pages`, `search index 2/6 shards`), redrawn in place on stderr at
 *   most every PROGRESS_INTERVAL_MS and wiped when its phase ends. Only when stderr is a
 *   terminal (a CI log or a pipe gets nothing), and never when the build is told to be quiet
 *   (setProgress).
 */
import { readFileSync } from 'node:fs';
import { environment } from './config.ts';

/** The prefix of each line, for the benchmark to find them. */
export const PHASE_PREFIX = 'arshif-phase ';

/** The phase that removes the previous site after the swap (after the reload, under npm start), which the benchmark waits for before its next add. */
export const OLD_SITE_REMOVED = 'old site removed';

export interface PhaseLine {
  phase: string;
  ms: number;
  rss: number;
  heapUsed: number;
  /** The process's CPU time (user + system, every thread) while it ran: phases that run side by side each count all of it. Absent on a part's line (phasePart), whose time is summed over pieces. */
  cpuMs?: number;
  /** The process's largest resident size so far (its high-water mark), in bytes: with the last phase's, what this one's peak was. Absent on a part's line (phasePart). */
  peakRss?: number;
}

const enabled = () => environment().phases;

/** Runs `work` as the named phase, and reports it when ARSHIF_PHASES is on. */
export async function phase<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  if (!enabled()) {
    try {
      return await work();
    } finally {
      progressLine.clear();
    }
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    progressLine.clear();
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage(cpu);
    const line: PhaseLine = {
      phase: name,
      ms: Math.round(performance.now() - started),
      rss,
      heapUsed,
      cpuMs: Math.round((user + system) / 1000),
      peakRss: process.resourceUsage().maxRSS * 1024,
    };
    process.stderr.write(`${PHASE_PREFIX}${JSON.stringify(line)}\n`);
  }
}

/**
 * Reports a part of a phase (time summed over its pieces, which may overlap other work: the
 * index's pages annotated while Pagefind runs), as a phase line of its own, when ARSHIF_PHASES
 * is on. `name` says what it is part of (`search index: …`).
 */
export function phasePart(name: string, ms: number): void {
  if (!enabled()) return;
  const { rss, heapUsed } = process.memoryUsage();
  const line: PhaseLine = { phase: name, ms: Math.round(ms), rss, heapUsed };
  process.stderr.write(`${PHASE_PREFIX}${JSON.stringify(line)}\n`);
}

/**
 * The CPU time (ms, user and system) of this process's child processes that have ended and been
 * waited for (Linux: /proc/self/stat); undefined where that cannot be read.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // the fields after the command, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]); // cutime, cstime: fields 16 and 17 of the line
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** The phase lines in a build's stderr, in order. */
export function readPhaseLines(stderr: string): PhaseLine[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith(PHASE_PREFIX))
    .map((line) => JSON.parse(line.slice(PHASE_PREFIX.length)) as PhaseLine);
}

// ---------------------------------------------------------------------------------------------
// The progress line

/** The shortest time between two redraws. */
export const PROGRESS_INTERVAL_MS = 100;

/** `eleventy 3,400/10,361 pages`. */
export function formatProgress(name: string, done: number, total: number, unit: string): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return `${name} ${n(Math.min(done, total))}/${n(total)} ${unit}`;
}

/** Where the line is drawn: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Moves to the line's start, and erases to its end. */
const RETURN = '\r';
const ERASE = '\x1b[K';

/** One line redrawn in place on a terminal; nothing at all elsewhere or when turned off. */
export class ProgressLine {
  #drawn = false;
  #last = -Infinity;
  enabled = true;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Shows `name done/total unit`, unless the last redraw was under PROGRESS_INTERVAL_MS ago (the last step always shows). */
  update(name: string, done: number, total: number, unit: string): void {
    if (!this.enabled || this.stream.isTTY !== true || total <= 0) return;
    const at = this.now();
    if (done < total && at - this.#last < PROGRESS_INTERVAL_MS) return;
    this.#last = at;
    // kept within the terminal's width (a line that wraps cannot be redrawn in place; a terminal
    // that gives none, 80), and the cursor left at its start, so that a line another part
    // prints meanwhile (Eleventy's) writes over it rather than after it
    const width = (this.stream.columns || 80) - 1;
    this.stream.write(`${RETURN}${formatProgress(name, done, total, unit).slice(0, width)}${ERASE}${RETURN}`);
    this.#drawn = true;
  }

  /** Erases the line, if one is shown, so that what is written next starts clean. */
  clear(): void {
    if (!this.#drawn) return;
    this.stream.write(`${RETURN}${ERASE}`);
    this.#drawn = false;
    this.#last = -Infinity;
  }
}

const progressLine = new ProgressLine(process.stderr);

/** Whether this process's builds draw the progress line (off for `--quiet`; on by default). */
export function setProgress(on: boolean): void {
  if (!on) progressLine.clear();
  progressLine.enabled = on;
}

/** Reports that the phase `name` has done `done` of `total` `unit` (a terminal shows it). */
export function progress(name: string, done: number, total: number, unit: string): void {
  progressLine.update(name, done, total, unit);
}

/** Erases the progress line before other output (an error, the log's line). */
export function clearProgress(): void {
  progressLine.clear();
}
