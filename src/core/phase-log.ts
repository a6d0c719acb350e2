/**
 * Phase timings of a build, for finding where its time goes: with ARSHIF_PHASES=1, each phase
 * prints one line to stderr when it ends: its name, its wall time and the process's memory
 * (resident and V8 heap) at that moment. The benchmark (src/bench/) reads these lines.
 * Without it, nothing is printed and nothing is measured.
 */
import { environment } from './config.ts';

/** The prefix of each line, for the benchmark to find them. */
export const PHASE_PREFIX = 'arshif-phase ';

export interface PhaseLine {
  phase: string;
  ms: number;
  rss: number;
  heapUsed: number;
}

const enabled = () => environment().phases;

/** Runs `work` as the named phase, and reports it when ARSHIF_PHASES is on. */
export async function phase<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  if (!enabled()) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    const { rss, heapUsed } = process.memoryUsage();
    const line: PhaseLine = { phase: name, ms: Math.round(performance.now() - started), rss, heapUsed };
    process.stderr.write(`${PHASE_PREFIX}${JSON.stringify(line)}\n`);
  }
}

/** The phase lines in a build's stderr, in order. */
export function readPhaseLines(stderr: string): PhaseLine[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith(PHASE_PREFIX))
    .map((line) => JSON.parse(line.slice(PHASE_PREFIX.length)) as PhaseLine);
}
