/**
 * Telling that a file is unchanged without reading it, as git's index does: by what its stat
 * gives. A stamp is trusted only when it was taken "settled", its times at least
 * STAMP_SETTLED_MS older than the moment it was taken: a write after that shows in the times,
 * even on a filesystem whose clock is coarse (a write within the same tick as the recorded one
 * would not). Used by the carry-over of pages (src/site/carry-over.ts) and by the check of the
 * raw sources' hashes (src/content/load.ts, kept in src/cache/parse-cache.ts).
 */
import type { BigIntStats } from 'node:fs';

/** How much older than the moment it is taken a file's times must be for its stamp to be kept. */
export const STAMP_SETTLED_MS = 2000;

/** The latest time (ns since the epoch) a settled file's times may show, `now` being in ms. */
const settledBefore = (now: number): bigint => BigInt(now - STAMP_SETTLED_MS) * 1_000_000n;

/** Whether `stat`'s modification time is settled now (see the top). */
export const mtimeSettled = (stat: BigIntStats, now = Date.now()): boolean => stat.mtimeNs < settledBefore(now);

/**
 * A file's device, inode, size, modification and change times (ns), as one text: a file written
 * since has another modification time, a file put in its place another inode, and a time set
 * back by a tool (`touch -d`, `cp -p`) still changes the change time, which no tool sets.
 */
export const contentStamp = (stat: BigIntStats): string => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;

/** Whether both of `stat`'s times are settled now, so that its contentStamp may be kept. */
export const contentStampSettled = (stat: BigIntStats, now = Date.now()): boolean => mtimeSettled(stat, now) && stat.ctimeNs < settledBefore(now);
