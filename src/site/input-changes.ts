/**
 * What changed among a build's inputs (content/, layouts/, public/) between two moments, for
 * `npm start`: a snapshot of every file's size, modification time and inode, compared, for the paths
 * a watcher reported, with what is there now; and the one line the log says of it
 * (`1 article added: content/articles/….md`, `places.yml changed`).
 *
 * Names no build reads are left out: hidden files (the temporaries of `add`, src/core/atomic-write.ts,
 * an editor's `.x.swp`) and editors' backups (`x~`, vim's `4913` probe).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { displayPath } from '../core/paths.ts';

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface InputChange {
  /** Absolute. */
  path: string;
  kind: ChangeKind;
}

/** Whether a file (or folder) name is one the build never reads and the loop ignores. */
export function ignoredName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.sw[a-p]$/.test(name) || name === '4913';
}

/** Whether `path` under `root` passes through an ignored name. */
function ignoredUnder(root: string, path: string): boolean {
  return relative(root, path).split(sep).some(ignoredName);
}

function signature(path: string): string | undefined {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return undefined;
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/** The files under `dir` (absolute), leaving out ignored names. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (ignoredName(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The files of some folders as they were when last looked at. */
export class InputSnapshot {
  readonly #files = new Map<string, string>();

  /** Looks at every file under `roots` (absolute folders) now. */
  constructor(readonly roots: readonly string[]) {
    for (const root of roots) for (const file of filesUnder(root)) this.#files.set(file, signature(file) ?? '');
  }

  /**
   * How the files at `paths` (absolute; a folder stands for what is under it) differ from the
   * snapshot, which is brought up to date with them. Sorted by path; a file written again with
   * the same size and times is no change.
   */
  update(paths: Iterable<string>): InputChange[] {
    const seen = new Map<string, ChangeKind>();
    const look = (file: string) => {
      if (seen.has(file)) return;
      const root = this.roots.find((r) => file.startsWith(r + sep));
      if (!root || ignoredUnder(root, file)) return;
      const before = this.#files.get(file);
      const now = signature(file);
      if (now === undefined) {
        if (before === undefined) return;
        this.#files.delete(file);
        seen.set(file, 'removed');
      } else if (before === undefined) {
        this.#files.set(file, now);
        seen.set(file, 'added');
      } else if (before !== now) {
        this.#files.set(file, now);
        seen.set(file, 'changed');
      }
    };
    for (const path of new Set(paths)) {
      // a folder added, moved or removed: each file under it, then and now
      for (const known of [...this.#files.keys()]) if (known.startsWith(path + sep)) look(known);
      for (const file of filesUnder(path)) look(file);
      look(path);
    }
    return [...seen].map(([path, kind]) => ({ path, kind })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** The content folders whose files are counted (`2 articles added`); any other input is named. */
const COUNTED: ReadonlyArray<{ folder: string; one: string; many: string }> = [
  { folder: 'articles', one: 'article', many: 'articles' },
  { folder: 'events', one: 'event', many: 'events' },
  { folder: 'sources', one: 'source', many: 'sources' },
];
const KINDS: readonly ChangeKind[] = ['added', 'changed', 'removed'];
/** Paths named in a counted group before `and N more`. */
const NAMED = 3;

/**
 * What the log says of `changes`, in one line: counted groups for articles, events and sources,
 * a data file by its name, anything else (layouts, static files) by its path.
 */
export function describeChanges(changes: readonly InputChange[], contentDir: string): string {
  const parts: string[] = [];
  for (const { folder, one, many } of COUNTED) {
    const dir = join(contentDir, folder) + sep;
    for (const kind of KINDS) {
      const paths = changes.filter((c) => c.kind === kind && c.path.startsWith(dir)).map((c) => displayPath(c.path));
      if (!paths.length) continue;
      const more = paths.length > NAMED ? ` and ${paths.length - NAMED} more` : '';
      parts.push(`${paths.length} ${paths.length === 1 ? one : many} ${kind}: ${paths.slice(0, NAMED).join(', ')}${more}`);
    }
  }
  const counted = COUNTED.map(({ folder }) => join(contentDir, folder) + sep);
  const data = join(contentDir, 'data') + sep;
  for (const change of changes) {
    if (counted.some((dir) => change.path.startsWith(dir))) continue;
    const name = change.path.startsWith(data) && !change.path.slice(data.length).includes(sep) ? basename(change.path) : displayPath(change.path);
    parts.push(`${name} ${change.kind}`);
  }
  return parts.join('; ');
}
