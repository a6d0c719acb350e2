/**
 * BagIt bags (RFC 8493), pure: the tag files of a bag for a payload (`bagit.txt`,
 * `bag-info.txt`, `manifest-sha256.txt`, `tagmanifest-sha256.txt`) and the check of a bag's
 * files against its manifests. No file system and no zip: ./zip.ts writes and reads the files,
 * src/cli/package.ts gathers them.
 *
 * A bag here is a list of files with `/`-separated paths relative to the bag's folder; the
 * payload is under `data/`. Every list is sorted by path, and nothing depends on the clock
 * (the bagging date is given), so the same payload and information make the same bag.
 */
import { sha256 } from '../core/hash.ts';

export interface BagFile {
  path: string;
  bytes: Buffer;
}

/** bag-info.txt's fields in order: label and value (a value is one line). */
export type BagInfo = Array<[label: string, value: string]>;

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const PAYLOAD_DIR = 'data';
const TAG_FILES = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'] as const;

/** A path as manifests write it (RFC 8493 §2.1.3: CR, LF and % percent-encoded). */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

const byPath = (a: BagFile, b: BagFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function manifestText(files: BagFile[]): string {
  return files.map((f) => `${sha256(f.bytes)}  ${encodeManifestPath(f.path)}\n`).join('');
}

/** "1,234.5 KB"-style size, as bag-info's Bag-Size (RFC 8493 §2.2.2 leaves the form free). */
export function humanSize(octets: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = octets;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** One line per field; a value's line breaks become spaces, since a field is one line here. */
function bagInfoText(info: BagInfo): string {
  return info.map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ').trim()}\n`).join('');
}

/**
 * Every file of the bag: the payload moved under `data/`, and the tag files. `info` is
 * completed with Payload-Oxum (octets.count) and Bag-Size, computed from the payload.
 */
export function makeBag(payload: BagFile[], info: BagInfo): BagFile[] {
  const data = payload.map((f) => ({ path: `${PAYLOAD_DIR}/${f.path}`, bytes: f.bytes })).sort(byPath);
  const octets = data.reduce((n, f) => n + f.bytes.length, 0);
  const tags: BagFile[] = [
    { path: 'bagit.txt', bytes: Buffer.from(BAGIT_TXT) },
    { path: 'bag-info.txt', bytes: Buffer.from(bagInfoText([...info, ['Payload-Oxum', `${octets}.${data.length}`], ['Bag-Size', humanSize(octets)]])) },
    { path: 'manifest-sha256.txt', bytes: Buffer.from(manifestText(data)) },
  ];
  tags.push({ path: 'tagmanifest-sha256.txt', bytes: Buffer.from(manifestText([...tags].sort(byPath))) });
  return [...tags, ...data];
}

/** A manifest's lines as path → checksum, with a problem line for each line that is not "HASH  PATH". */
function readManifest(name: string, text: string, problems: string[]): Map<string, string> {
  const out = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line.replace(/\r$/, ''));
    if (!m) {
      problems.push(`${name}:${i + 1}: not a "SHA256  PATH" line; the manifest is damaged`);
      return;
    }
    out.set(decodeManifestPath(m[2] as string), (m[1] as string).toLowerCase());
  });
  return out;
}

/** Checks `files` against one manifest: each listed file present with its checksum. */
function checkManifest(name: string, manifest: Map<string, string>, files: ReadonlyMap<string, Buffer>, problems: string[]): void {
  for (const [path, want] of manifest) {
    const bytes = files.get(path);
    if (!bytes) problems.push(`${path}: listed in ${name} but missing from the bag`);
    else if (sha256(bytes) !== want) problems.push(`${path}: its sha256 differs from ${name}; the file was changed or damaged`);
  }
}

/**
 * Checks a bag (its files by path, relative to the bag's folder) as RFC 8493 §3 validates one:
 * bagit.txt declares version and encoding; every payload file is in manifest-sha256.txt and
 * every listed file exists with that checksum; the tag manifest's checksums hold; Payload-Oxum
 * agrees. Returns one line per problem; an empty list means the bag is valid.
 */
export function verifyBag(files: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];
  const bagit = files.get('bagit.txt')?.toString('utf8');
  if (bagit === undefined) return ['bagit.txt: missing; this is not a BagIt bag'];
  if (!/^BagIt-Version: \d+\.\d+\r?$/m.test(bagit) || !/^Tag-File-Character-Encoding: UTF-8\r?$/m.test(bagit)) {
    problems.push('bagit.txt: must declare BagIt-Version and Tag-File-Character-Encoding: UTF-8');
  }
  const manifestBytes = files.get('manifest-sha256.txt');
  if (!manifestBytes) return [...problems, 'manifest-sha256.txt: missing; the payload cannot be checked'];
  const manifest = readManifest('manifest-sha256.txt', manifestBytes.toString('utf8'), problems);
  checkManifest('manifest-sha256.txt', manifest, files, problems);
  for (const path of [...files.keys()].sort()) {
    if (path.startsWith(`${PAYLOAD_DIR}/`) && !manifest.has(path)) problems.push(`${path}: in the payload but not in manifest-sha256.txt`);
  }
  const tagBytes = files.get('tagmanifest-sha256.txt');
  if (tagBytes) {
    const tagManifest = readManifest('tagmanifest-sha256.txt', tagBytes.toString('utf8'), problems);
    checkManifest('tagmanifest-sha256.txt', tagManifest, files, problems);
    for (const name of TAG_FILES) if (files.has(name) && !tagManifest.has(name)) problems.push(`${name}: not in tagmanifest-sha256.txt`);
  }
  const info = files.get('bag-info.txt')?.toString('utf8') ?? '';
  const oxum = /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/m.exec(info);
  if (oxum) {
    const payload = [...files].filter(([p]) => p.startsWith(`${PAYLOAD_DIR}/`));
    const octets = payload.reduce((n, [, b]) => n + b.length, 0);
    if (Number(oxum[1]) !== octets || Number(oxum[2]) !== payload.length) {
      problems.push(`bag-info.txt: Payload-Oxum ${oxum[1]}.${oxum[2]} but the payload holds ${octets}.${payload.length}`);
    }
  }
  return problems;
}
