/**
 * A shard's masking carried from one build to the next, so that each page is masked in its
 * shard once, not again on every rebuild. Pure: no files (index-site.ts keeps the records).
 *
 * A shard taken from its base with pages masked (index-delta.ts) was masked from the base with
 * every page masked, by every build, though from one build to the next the list only grows
 * while the pages drift from the base (an add changes a few pages more). So the build that
 * masks a base keeps what masking changed in it, the *record* (the files removed from the base
 * and those added or rewritten: its meta index, entry and mask filter, a few kilobytes, and the
 * list of pages masked); the next build, when its list holds the record's, starts from the base
 * with the record applied and masks only the pages not in it (pagefind-mask.ts masks a masked
 * bundle again), or takes it as it is when the list is the same. Masking in steps gives the
 * bytes masking at once gives (tests/search-index-cache.test.ts), so the site is the same
 * whichever way its shards were masked.
 *
 * A record is of one base: it names the base's `pagefind-entry.json` (which names the base's
 * meta index by its content), and a record that does not apply (another base, a file it removes
 * missing, masking on it failing) is ignored: the base is masked at once, as without one.
 */
import { z } from 'zod';
import type { PagefindFiles } from './pagefind-canonical.ts';
import { maskPages } from './pagefind-mask.ts';

const ENTRY = 'pagefind-entry.json';

/** What masking a base changed in it. */
export const maskRecordSchema = z.strictObject({
  /** The base's pagefind-entry.json: the record applies to that base only. */
  entry: z.string(),
  /** The pages masked (site paths, sorted). */
  masked: z.array(z.string()),
  /** The base's files the masked bundle lacks. */
  removed: z.array(z.string()),
  /** The masked bundle's files the base lacks or has other bytes of: base64 by path. */
  added: z.record(z.string(), z.string()),
});
export type MaskRecord = z.infer<typeof maskRecordSchema>;

export interface Masked {
  files: PagefindFiles;
  /** The pages masked by this call (the others were the record's). */
  maskedNow: number;
  /** The record of `files` (none when nothing is masked). */
  record: MaskRecord | undefined;
  /** Whether the record is new (to keep), not the one given. */
  fresh: boolean;
}

/** The record of `masked`: `base` with the pages `paths` masked. */
export function maskRecord(base: PagefindFiles, masked: PagefindFiles, paths: readonly string[]): MaskRecord {
  const added: Record<string, string> = {};
  for (const [path, bytes] of [...masked].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const was = base.get(path);
    if (was !== bytes && !was?.equals(bytes)) added[path] = bytes.toString('base64');
  }
  const removed = [...base.keys()].filter((path) => !masked.has(path)).sort();
  return { entry: base.get(ENTRY)?.toString('utf8') ?? '', masked: [...paths].sort(), removed, added };
}

/** `base` with `record` applied; undefined when the record is not of this base. */
export function applyRecord(base: PagefindFiles, record: MaskRecord): PagefindFiles | undefined {
  if (base.get(ENTRY)?.toString('utf8') !== record.entry) return undefined;
  const out: PagefindFiles = new Map(base);
  for (const path of record.removed) if (!out.delete(path)) return undefined;
  for (const [path, text] of Object.entries(record.added)) out.set(path, Buffer.from(text, 'base64'));
  return out;
}

/**
 * `base` (a canonical bundle) with the pages `paths` masked: from `record` (the last build's
 * masking of this base) when it masked some of them and no other, else from the base at once.
 * Throws what maskPages throws when masking from the base fails.
 */
export function maskCarried(base: PagefindFiles, paths: readonly string[], record?: MaskRecord): Masked {
  if (paths.length === 0) return { files: base, maskedNow: 0, record: undefined, fresh: false };
  const wanted = new Set(paths);
  if (record?.masked.every((path) => wanted.has(path))) {
    const start = applyRecord(base, record);
    if (start) {
      const carried = new Set(record.masked);
      const now = [...wanted].filter((path) => !carried.has(path)).sort();
      if (now.length === 0) return { files: start, maskedNow: 0, record, fresh: false };
      try {
        const files = maskPages(start, now);
        return { files, maskedNow: now.length, record: maskRecord(base, files, paths), fresh: true };
      } catch {
        // the record does not hold: masked at once below
      }
    }
  }
  const files = maskPages(base, paths);
  return { files, maskedNow: paths.length, record: maskRecord(base, files, paths), fresh: true };
}
