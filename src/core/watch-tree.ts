/**
 * Watches a folder and every folder under it, including folders made later, and reports the
 * path of each entry that changes. Each folder is watched on its own (node:fs.watch, not
 * recursive): Node 20's recursive watch on Linux watches the files themselves, so it loses a
 * file that an editor or `sed -i` saves by writing a new file and renaming it over the old one;
 * a folder's watch sees every name in it come, change and go.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Calls `onPath` with the absolute path of each entry under `root` that is added, changed,
 * renamed or removed (a path may be reported more than once per change). Folders whose name
 * `skip` accepts are not watched.
 */
export function watchTree(root: string, onPath: (path: string) => void, skip: (name: string) => boolean = () => false): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  const forget = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(dir + sep)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const path = name ? join(dir, name.toString()) : dir;
        if (path !== dir && !skip(name?.toString() ?? '')) {
          if (isDirectory(path)) add(path);
          else if (watchers.has(path)) forget(path);
        }
        if (!isDirectory(dir)) forget(dir);
        onPath(path);
      });
    } catch {
      return; // gone already
    }
    watcher.on('error', () => forget(dir));
    watchers.set(dir, watcher);
    let entries: import('node:fs').Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // gone meanwhile
    }
    for (const entry of entries) if (entry.isDirectory() && !skip(entry.name)) add(join(dir, entry.name));
  };
  add(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
