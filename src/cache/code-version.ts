/**
 * The version of the code that computes what is kept between builds (HTML, paragraphs, dated
 * mentions, figures, names, shared passages, maps, what content files give when read, and the
 * search index's shards), as one hex digest that is part of every key of the store: a
 * change to any of that code, or to a package it uses, makes every entry new, so a stale entry can
 * never be read back as current.
 *
 * What goes in: the bytes and paths of every file of VERSIONED_SOURCES (the folders and files
 * that compute them), the exact versions in package-lock.json of the packages those files import
 * and everything those packages depend on, and the Node.js and Unicode versions (the regular
 * expressions' \p{L} follows the engine's Unicode tables). Computed once per process (codeVersion),
 * and given to what keeps values (the store, the search index) rather than computed by each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sha256Hasher } from '../core/hash.ts';
import { PROJECT_ROOT } from '../core/paths.ts';

/** Folders and files (relative to the project) whose code computes derived data. */
export const VERSIONED_SOURCES = [
  'src/markdown',
  'src/arabic',
  // mentions, figures, names, passages, timelines and maps, and the derivation that runs them
  'src/analysis',
  'src/core/slug.ts',
  // the store and the parse cache themselves
  'src/cache',
  // reading and validating content files, whose results are kept too (src/cache/parse-cache.ts)
  'src/content',
  // the search index's shards (src/search/index-site.ts)
  'src/search',
] as const;

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The files under a folder (or the file itself), sorted. */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    if (statSync(dir).isFile()) return [dir];
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [])).sort();
}

/** Package names a source file imports or requires (`from`, `import(…)`, `require(…)`, `require.resolve(…)`; not `node:` or relative). */
export function importedPackages(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/(?:\bfrom|\bimport|\brequire(?:\.resolve)?)\s*\(?\s*['"`]([^'"`$]+)/g)) {
    const spec = m[1] as string;
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
  }
  return [...names];
}

/** Where Node would find `name` from the package at lock path `from` ('' for the project). */
function resolveLocked(packages: Record<string, LockedPackage>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

/** `path@version` of `roots` and everything they depend on, per package-lock.json; sorted. */
export function lockedClosure(lock: { packages?: Record<string, LockedPackage> }, roots: string[]): string[] {
  const packages = lock.packages ?? {};
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (from: string, name: string) => {
    const path = resolveLocked(packages, from, name) ?? (name.startsWith('@') ? undefined : resolveLocked(packages, from, `@types/${name}`));
    if (!path) {
      out.push(`${name}@unresolved`);
      return;
    }
    if (seen.has(path)) return;
    seen.add(path);
    const p = packages[path] as LockedPackage;
    out.push(`${path}@${p.version ?? '?'}`);
    for (const dep of Object.keys({ ...p.dependencies, ...p.optionalDependencies, ...p.peerDependencies })) visit(path, dep);
  };
  for (const root of [...roots].sort()) visit('', root);
  return [...new Set(out)].sort();
}

/** The code version of the project at `root`. */
export function computeCodeVersion(root: string = PROJECT_ROOT, sources: readonly string[] = VERSIONED_SOURCES): string {
  const hash = sha256Hasher();
  const roots = new Set<string>();
  for (const folder of sources) {
    for (const file of filesUnder(join(root, folder))) {
      const bytes = readFileSync(file);
      hash.update(`file ${relative(root, file).split(sep).join('/')} ${bytes.length}\n`).update(bytes);
      if (/\.[cm]?[jt]s$/.test(file)) for (const name of importedPackages(bytes.toString('utf8'))) roots.add(name);
    }
  }
  let packages: string[];
  try {
    packages = lockedClosure(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')), [...roots]);
  } catch {
    // no readable lock file: the installed versions of the packages imported directly
    packages = [...roots].sort().map((name) => {
      try {
        return `${name}@${JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version}`;
      } catch {
        return `${name}@missing`;
      }
    });
  }
  hash.update(`packages\n${packages.join('\n')}\n`);
  hash.update(`node ${process.version} unicode ${process.versions.unicode ?? '?'}\n`);
  return hash.hex();
}

let computed: string | undefined;

/** The code version of this project, computed on first use. */
export function codeVersion(): string {
  return (computed ??= computeCodeVersion());
}

/**
 * Folders and files whose code renders the site's pages: all of src/ (the model, the site, the
 * filters, and what they call), the templates, and Eleventy's settings. Pages carried over from
 * the previous build (src/site/carry-over.ts) are keyed by renderCodeVersion.
 */
export const RENDER_SOURCES = ['src', 'layouts', '.eleventy.ts'] as const;

/**
 * The version of the code and templates that render pages, read afresh at each call (a few
 * hundred small files: milliseconds), since templates may change in a process that rebuilds.
 */
export function renderCodeVersion(root: string = PROJECT_ROOT): string {
  return computeCodeVersion(root, RENDER_SOURCES);
}
