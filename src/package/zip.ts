/**
 * A bag as a zip file (RFC 8493 §4: a serialised bag unpacks to one folder named after it),
 * written by yazl so that the same files make the same bytes: entries in path order, one
 * fixed DOS timestamp (1980-01-01 00:00, local time, since DOS times have no zone) and no
 * extended timestamp, fixed permissions, deflate at its default level. Read back by yauzl.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { BagFile } from './bag.ts';

const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Writes `files` under `folder/` into the zip at `zipPath` (which is replaced). */
export async function writeZip(zipPath: string, folder: string, files: BagFile[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    zip.addBuffer(f.bytes, `${folder}/${f.path}`, { mtime: FIXED_TIME, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, 'close');
}

export interface ReadZip {
  /** The one top folder every entry is in, or null when they are not in one. */
  folder: string | null;
  /** Files by path relative to that folder (or to the zip's root when there is none). */
  files: Map<string, Buffer>;
}

/**
 * Reads every file of a zip into memory (bags for Zenodo are small enough; the seed's is 100 KB),
 * checking each file's size and CRC-32 against the zip's central directory.
 */
export function readZip(zipPath: string): Promise<ReadZip> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open'));
      const raw = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => {
        const tops = new Set([...raw.keys()].map((p) => p.split('/')[0]));
        const folder = tops.size === 1 && [...raw.keys()].every((p) => p.includes('/')) ? ([...tops][0] as string) : null;
        const files = new Map<string, Buffer>();
        for (const [path, bytes] of raw) files.set(folder ? path.slice(folder.length + 1) : path, bytes);
        resolve({ folder, files });
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            const bytes = Buffer.concat(chunks);
            // yauzl does not check CRC-32; a damaged entry must not pass as a file
            if (crc32(bytes) !== entry.crc32) return reject(new Error(`${entry.fileName}: its CRC-32 does not match the zip's directory`));
            raw.set(entry.fileName, bytes);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
