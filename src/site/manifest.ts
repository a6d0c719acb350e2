/**
 * The manifest that makes a built site checkable: `.arshif-manifest.json` at the site's root
 * lists every other file with its size and sha256, sorted by path, and nothing else (no time,
 * no machine), so two builds of the same content write the same manifest. The build writes it
 * as the very last step before swapping the new site into place: a site whose files match its
 * manifest exactly (same paths, no more, no fewer, same bytes) is complete.
 *
 *   tsx src/cli/build.ts --verify [--output DIR]     checks a built site against its manifest
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sha256 } from '../core/hash.ts';

export const MANIFEST_NAME = '.arshif-manifest.json';
/**
 * The marker file inside the build's temporary folders (src/site/output-folder.ts): not part of
 * the site, so never listed, and removed once the folder is the site.
 */
export const TEMPORARY_MARKER = '.arshif-temporary';

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  generator: 'arshif';
  files: ManifestEntry[];
}

/** Every file under `siteDir` except the manifest and a temporary's marker, as sorted `/`-separated relative paths. */
export function siteFiles(siteDir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path !== MANIFEST_NAME && path !== TEMPORARY_MARKER) out.push(path);
  }
  return out.sort();
}

/**
 * The manifest of `siteDir`, every file read and hashed but those in `known`: files the build
 * itself carried into its own staging folder, knowing their bytes (the pages and raw sources it
 * carried over, src/site/carry-over.ts and source-carry.ts), whose size and sha256 it gives.
 */
export function manifestOf(siteDir: string, known: ReadonlyMap<string, Pick<ManifestEntry, 'bytes' | 'sha256'>> = new Map()): Manifest {
  return {
    generator: 'arshif',
    files: siteFiles(siteDir).map((path) => {
      const given = known.get(path);
      if (given) return { path, bytes: given.bytes, sha256: given.sha256 };
      const bytes = readFileSync(join(siteDir, path));
      return { path, bytes: bytes.length, sha256: sha256(bytes) };
    }),
  };
}

/** Writes the manifest of `siteDir` into it (`known`: see manifestOf). */
export function writeManifest(siteDir: string, known?: ReadonlyMap<string, Pick<ManifestEntry, 'bytes' | 'sha256'>>): Manifest {
  const manifest = manifestOf(siteDir, known);
  writeFileSync(join(siteDir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/**
 * Checks `siteDir` against its manifest. Returns one line per problem (missing manifest, a file
 * missing, changed or not listed); an empty list means the site is complete.
 */
export function verifyManifest(siteDir: string): string[] {
  const path = join(siteDir, MANIFEST_NAME);
  if (!existsSync(siteDir)) return [`${siteDir}: no such folder`];
  if (!existsSync(path)) return [`${path}: no manifest; the site was not written by a complete build (or by \`npm start\`, which writes in place)`];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    // what `npm start` wrote into a site it rewrote in place, before it built with build()
    if ((manifest as { written_in_place?: unknown }).written_in_place === true) {
      return [`${path}: the site was written in place by \`npm start\`, not by a complete build; run npm run build`];
    }
    if (!Array.isArray(manifest.files)) throw new Error('no "files" list');
  } catch (error) {
    return [`${path}: unreadable manifest (${(error as Error).message})`];
  }
  const problems: string[] = [];
  const actual = manifestOf(siteDir);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const file of actual.files) {
    const want = listed.get(file.path);
    if (!want) problems.push(`${file.path}: not in the manifest`);
    else if (want.sha256 !== file.sha256 || want.bytes !== file.bytes) problems.push(`${file.path}: differs from the manifest`);
    listed.delete(file.path);
  }
  for (const missing of listed.keys()) problems.push(`${missing}: listed in the manifest but missing`);
  return problems;
}
