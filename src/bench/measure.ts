/**
 * What the benchmark measures on the machine: a command's wall time and the peak memory of its
 * whole process tree (a build is a tsx process, a Node child and Pagefind's binary; Eleventy
 * + the Pagefind CLI likewise), the bytes of a folder, and gzip sizes of pages. Linux only: the
 * process tree is read from /proc.
 *
 * Peak memory is sampled, not traced: every ~100 ms the resident set sizes (VmRSS) of the child
 * and all its descendants (found through /proc/PID/task/TID/children, or by scanning every
 * /proc/PID/stat for parent ids where that file is missing) are summed, and the largest sum is
 * kept. A spike shorter than the interval can be missed; each process's own high-water mark
 * (VmHWM) is kept as well, as a check.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface MeasuredRun {
  command: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit, in milliseconds. */
  ms: number;
  /** Largest sampled sum of VmRSS over the process tree, in bytes. */
  peakTreeRss: number;
  /** Largest VmHWM (peak RSS) of any single process of the tree, in bytes. */
  peakProcessHwm: number;
  /** Most processes seen in the tree at once. */
  peakProcesses: number;
  samples: number;
  /** The last 64 kB of each stream. */
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Sampling interval, in milliseconds. Default 100. */
  intervalMs?: number;
}

const TAIL = 64 * 1024;

/** Runs a command, sampling its process tree's memory until it exits. */
export function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<MeasuredRun> {
  const interval = options.intervalMs ?? 100;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-TAIL)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-TAIL)));
    let peakTreeRss = 0;
    let peakProcesses = 0;
    let samples = 0;
    const hwm = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const tree = processTree(child.pid);
      let sum = 0;
      for (const pid of tree) {
        const status = readStatus(pid);
        if (!status) continue;
        sum += status.rss;
        if (status.hwm > (hwm.get(pid) ?? 0)) hwm.set(pid, status.hwm);
      }
      samples++;
      if (sum > peakTreeRss) peakTreeRss = sum;
      if (tree.length > peakProcesses) peakProcesses = tree.length;
    };
    sample();
    const timer = setInterval(sample, interval);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearInterval(timer);
      resolve({
        command: [command, ...args].join(' '),
        exitCode,
        signal,
        ms: performance.now() - started,
        peakTreeRss,
        peakProcessHwm: Math.max(0, ...hwm.values()),
        peakProcesses,
        samples,
        stdout,
        stderr,
      });
    });
  });
}

/** `pid` and all its descendants that are alive now. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  const byParent = hasChildrenFiles() ? undefined : parentMap();
  while (queue.length > 0) {
    const current = queue.shift() as number;
    if (!existsSync(`/proc/${current}`)) continue;
    out.push(current);
    queue.push(...(byParent ? (byParent.get(current) ?? []) : childrenOf(current)));
  }
  return out;
}

let childrenFiles: boolean | undefined;

/** Whether the kernel lists children in /proc/PID/task/TID/children (CONFIG_PROC_CHILDREN). */
function hasChildrenFiles(): boolean {
  childrenFiles ??= existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
  return childrenFiles;
}

/** Children listed by /proc/PID/task/TID/children ([] if the process ended meanwhile). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process or a thread ended meanwhile
  }
  return out;
}

/** Parent id → children, from every /proc/PID/stat. */
function parentMap(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  return map;
}

/** VmRSS and VmHWM of a process, in bytes; undefined if it is gone. */
function readStatus(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Bytes and number of the files under `dir` (recursively; symbolic links are not followed). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** The article pages of a built site: articles/ID/index.html, sorted. */
export function articlePageFiles(siteDir: string): string[] {
  const dir = join(siteDir, 'articles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
    .map((entry) => join(dir, entry.name, 'index.html'))
    .sort();
}

/** Gzip level used for page sizes: zlib's default, what a host compressing on the fly typically uses. */
export const GZIP_LEVEL = 6;

/** Average raw and gzip size of the given files (in bytes), over all of them or an even sample of at most `max`. */
export function averageGzipSize(files: readonly string[], max = 2000): { pages: number; raw: number; gzip: number } {
  if (files.length === 0) return { pages: 0, raw: 0, gzip: 0 };
  const step = Math.max(1, files.length / max);
  let raw = 0;
  let gzip = 0;
  let pages = 0;
  for (let i = 0; i < files.length; i += step) {
    const bytes = readFileSync(files[Math.floor(i)] as string);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: GZIP_LEVEL }).length;
    pages++;
  }
  return { pages, raw: raw / pages, gzip: gzip / pages };
}

export interface Machine {
  cpu: string;
  cpus: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** 1-minute load average when the benchmark started and when it ended (a busy machine skews times). */
  load: { start: number; end: number };
}

export const loadNow = (): number => loadavg()[0] ?? 0;

/** The machine; `loadAtStart` is os.loadavg()[0] read when the benchmark began. */
export function machine(loadAtStart: number): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    cpus: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    load: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  };
}
