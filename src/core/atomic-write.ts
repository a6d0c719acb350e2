/**
 * Writing into content/ without ever losing or overwriting anything: each file is written to a
 * temporary name in the same folder, flushed, then hard-linked to its final name, which fails
 * if that name exists (so two runs cannot clobber each other), and the temporary name removed.
 * A replacement (`add --replace`) is renamed over its final name instead, which is atomic: the
 * old file or the new one, never half of either.
 *
 * Temporary names are short, whatever the final name (`.arshif-tmp-PID-TIME-N`, so a final
 * name of 250 bytes still fits the file system's 255), and hidden, and the project's .gitignore
 * ignores them; an interrupted run leaves at most one, which the next `add` or build removes
 * (cleanContentTemporaries) once the process that wrote it is gone.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

export const TEMPORARY_PREFIX = '.arshif-tmp-';
/** Ours (`.arshif-tmp-PID-…`) and those of earlier versions (`.NAME.tmp-PID-TIME`). */
const TEMPORARY = /^(?:\.arshif-tmp-(\d+)-\d+-\d+|\..+\.tmp-(\d+)-\d+)$/;

let counter = 0;

/** Writes `data` to a new temporary file beside `path`, flushed; returns its path. */
function writeTemporary(path: string, data: Uint8Array | string): string {
  const temp = join(dirname(path), `${TEMPORARY_PREFIX}${process.pid}-${Date.now()}-${counter++}`);
  const fd = openSync(temp, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  return temp;
}

export function writeNewFile(path: string, data: Uint8Array | string): void {
  const temp = writeTemporary(path, data);
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Replaces `path` (which may exist) by `data` in one rename. */
export function replaceFile(path: string, data: Uint8Array | string): void {
  const temp = writeTemporary(path, data);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporaries that runs no longer running left in content/articles/ and
 * content/sources/; returns their paths. Never throws.
 */
export function cleanContentTemporaries(contentDir: string): string[] {
  const removed: string[] = [];
  for (const folder of ['articles', 'sources', 'events']) {
    const dir = join(contentDir, folder);
    if (!existsSync(dir)) continue;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMPORARY.exec(name);
      if (!m) continue;
      const pid = Number(m[1] ?? m[2]);
      if (running(pid)) continue;
      try {
        unlinkSync(join(dir, name));
        removed.push(join(dir, name));
      } catch {
        // gone already, or a folder: not ours
      }
    }
  }
  return removed;
}
