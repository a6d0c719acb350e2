/**
 * What the build may write into and remove. The build owns only what it made:
 * - it writes into an output folder only if the folder does not exist, is empty, or holds an
 *   Arshif manifest (a site an earlier build or `npm start` wrote), and never into a folder that
 *   is, holds or lies inside the content folder, the cache folder or the project's own folders
 *   (src/, layouts/, public/, tests/, node_modules/, .git/), nor over a file;
 * - its temporaries beside the output (`.X.building-P`, `X.old-P`) carry a marker file naming
 *   them, and a folder is removed as a left-over only if it carries the marker with its own
 *   name: a user's `cp -r _site _site.old-2020` has no marker, and a site that was once a
 *   temporary (`.X.building-P` renamed to X) carries a marker naming another folder.
 * Pure of process state except for reading the disk and removing its own temporaries
 * (removeTemporary); refusals are OutputRefusal errors.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { MANIFEST_NAME, TEMPORARY_MARKER } from './manifest.ts';
import { displayPath, PROJECT_ROOT } from '../core/paths.ts';

export { TEMPORARY_MARKER };

/** A refusal to use a folder: one line, saying why and what to do. */
export class OutputRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRefusal';
  }
}

/** Marks `dir` as the build's temporary folder that will carry the name `asName` (a basename). */
export function markTemporary(dir: string, asName: string): void {
  writeFileSync(join(dir, TEMPORARY_MARKER), `${JSON.stringify({ generator: 'arshif', temporary: asName })}\n`);
}

/**
 * Removes a temporary folder of the build with its marker last: a removal cut short (a kill, a
 * power cut) leaves a folder still marked as the build's, which the next build finishes removing,
 * never an unmarked remnant that would be left beside the site for good.
 */
export async function removeTemporary(dir: string): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) if (name !== TEMPORARY_MARKER) await rm(join(dir, name), { recursive: true, force: true });
  await rm(join(dir, TEMPORARY_MARKER), { force: true });
  await rm(dir, { recursive: true, force: true });
}

/** Whether `dir` carries the marker naming it by its current name: then it is the build's to remove. */
export function isMarkedTemporary(dir: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(join(dir, TEMPORARY_MARKER), 'utf8')) as { generator?: unknown; temporary?: unknown };
    return marker.generator === 'arshif' && marker.temporary === basename(dir);
  } catch {
    return false;
  }
}

/** Removes a marker left in a folder that is no longer a temporary (the site in place). */
export function unmark(dir: string): void {
  try {
    unlinkSync(join(dir, TEMPORARY_MARKER));
  } catch {
    // not there
  }
}

/** Whether `dir` holds a manifest an Arshif build (or `npm start`) wrote. */
export function holdsArshifManifest(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as { generator?: unknown };
    return manifest.generator === 'arshif';
  } catch {
    return false;
  }
}

/** The path with symbolic links resolved as far as it exists (the rest appended as written). */
function real(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return absolute;
  }
}

/** A path as the user sees it: relative to the current folder where inside it, `.` for it. */
function shownPath(path: string): string {
  return relative(process.cwd(), resolve(path)) === '' ? '.' : displayPath(resolve(path));
}

/** a is b, or lies inside b. */
function within(a: string, b: string): boolean {
  const rel = relative(b, a);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Folders of the project itself, never written into. */
const PROJECT_FOLDERS = ['src', 'layouts', 'public', 'tests', 'node_modules', '.git', '.ci'];

export interface FolderRoles {
  contentDir: string;
  /** The derived-data store's folder, or null for none. */
  cacheDir: string | null;
  /** The project folder (default: this checkout's). */
  projectRoot?: string;
}

/**
 * Why `outputDir` must not be the build's output, or undefined when it may be. `flag` is the
 * option's name as the user typed it, for the message.
 */
export function outputProblem(outputDir: string, roles: FolderRoles, flag = '--output'): string | undefined {
  const out = real(outputDir);
  const content = real(roles.contentDir);
  const project = real(roles.projectRoot ?? PROJECT_ROOT);
  const shown = `${flag} ${shownPath(outputDir)}`;
  const choose = 'pass --output with a new or empty folder, or the folder of an earlier build (such as _site)';
  if (within(project, out)) return `${shown}: is or holds the project folder ${shownPath(project)}, which the build would delete; ${choose}`;
  if (within(content, out)) return `${shown}: is or holds the content folder ${shownPath(roles.contentDir)}, which the build would delete; ${choose}`;
  if (within(out, content)) return `${shown}: lies inside the content folder ${shownPath(roles.contentDir)}, which must hold only content; ${choose} outside it`;
  for (const name of PROJECT_FOLDERS) {
    if (within(out, join(project, name))) return `${shown}: lies inside the project's own ${name}/ folder; ${choose}`;
  }
  if (roles.cacheDir) {
    const cache = real(roles.cacheDir);
    if (within(cache, out)) return `${shown}: is or holds the cache folder ${shownPath(roles.cacheDir)}; ${choose}, or pass --cache-dir elsewhere`;
    if (within(out, cache)) return `${shown}: lies inside the cache folder ${shownPath(roles.cacheDir)}; ${choose}`;
  }
  if (!existsSync(out)) return undefined;
  const stat = lstatSync(out);
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    return `${shown}: is ${stat.isSymbolicLink() ? 'a symbolic link' : 'a file'}, not a folder, and the build would replace it; ${choose}`;
  }
  const names = readdirSync(out).filter((n) => n !== TEMPORARY_MARKER);
  if (names.length === 0 || holdsArshifManifest(out)) return undefined;
  return `${shown}: is a folder the build did not make (it holds ${names.length} file${names.length === 1 ? '' : 's'} and no ${MANIFEST_NAME}), which it would delete; ${choose}, or move its files elsewhere first`;
}

/** Why `cacheDir` must not be the derived-data store's folder, or undefined. */
export function cacheProblem(cacheDir: string, roles: { contentDir: string; outputDir?: string; projectRoot?: string }, flag = '--cache-dir'): string | undefined {
  const cache = real(cacheDir);
  const content = real(roles.contentDir);
  const project = real(roles.projectRoot ?? PROJECT_ROOT);
  const shown = `${flag} ${shownPath(cacheDir)}`;
  const choose = 'pass --cache-dir with a folder of its own (the default is .cache/arshif/), or --no-cache';
  if (within(cache, content) || within(content, cache))
    return `${shown}: is, holds or lies inside the content folder ${shownPath(roles.contentDir)}, which must hold only content; ${choose}`;
  if (within(project, cache)) return `${shown}: is or holds the project folder; ${choose}`;
  for (const name of PROJECT_FOLDERS) {
    if (within(cache, join(project, name))) return `${shown}: lies inside the project's own ${name}/ folder; ${choose}`;
  }
  if (roles.outputDir) {
    const out = real(roles.outputDir);
    if (within(cache, out) || within(out, cache)) return `${shown}: is, holds or lies inside the output folder; ${choose}`;
  }
  if (existsSync(cache) && !lstatSync(cache).isDirectory()) return `${shown}: is a file, not a folder; ${choose}`;
  return undefined;
}

/** Throws OutputRefusal when the output or the cache folder is not the build's to use. */
export function checkBuildFolders(outputDir: string, roles: FolderRoles & { outputFlag?: string }): void {
  const problem =
    outputProblem(outputDir, roles, roles.outputFlag) ??
    (roles.cacheDir ? cacheProblem(roles.cacheDir, { contentDir: roles.contentDir, outputDir, projectRoot: roles.projectRoot }) : undefined);
  if (problem) throw new OutputRefusal(problem);
}
