/**
 * Has the archive got this article already? Identical raw bytes (same sha256) are refused, and
 * so is the same text up to spacing and invisible characters (sameTextKey: a CRLF copy, a copy
 * with doubled spaces); another scrape with more or less around it, or wire copy reprinted by
 * another outlet, is reported with the article it matches and how much of the shorter text the
 * two share.
 */
import { foldArabic, words } from '../arabic/normalise.ts';
import { z } from 'zod';
import { sha256 } from '../core/hash.ts';

const SHINGLE = 5;

/** The text of a body up to spacing and invisible characters: two bodies with the same key are one article. */
export function sameTextKey(body: string): string {
  return body.normalize('NFC').replace(/[\s\p{Cf}]+/gu, '');
}
/** Share of the shorter text's 5-word runs found in the other, from which a pair is reported. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

export function shingles(text: string): Set<string> {
  const tokens = words(foldArabic(text)).map((w) => w.word);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) out.add(tokens.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** |A ∩ B| / min(|A|, |B|): 1 when one text is contained in the other. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

export interface NearDuplicate {
  file: string;
  similarity: number;
}

/**
 * What the duplicate checks need of a body, small enough to keep for every article of an archive
 * (src/cache/text-values.ts, under BODY_FINGERPRINTS), so that `add` need not fold and cut up every body it holds:
 * - `sameText`: the SHA-256 of its sameTextKey (two bodies are one article when theirs are equal);
 * - `shingles`: how many distinct 5-word runs it has;
 * - `buckets`: each distinct run hashed into one of 65,536 buckets (FNV-1a, low 16 bits), sorted,
 *   as base64 of little-endian 16-bit numbers.
 * Two bodies share at most as many runs as their buckets share (counted with repeats: a run
 * shared is in the same bucket in both), so bucketOverlap / the smaller count is a bound that
 * can only be too high: a pair under the threshold by it is under it, and the pairs over it are
 * checked on their texts (nearDuplicates).
 */
export interface BodyFingerprint {
  sameText: string;
  shingles: number;
  buckets: string;
}

/** What a fingerprint read back from the store must be. */
export const bodyFingerprintSchema = z.strictObject({
  sameText: z.string().regex(/^[0-9a-f]{64}$/),
  shingles: z.number().int().nonnegative(),
  buckets: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/** Where the archive's fingerprints are kept (src/cache/text-values.ts): `add` reads and writes them, a build keeps them. */
export const BODY_FINGERPRINTS = { kind: 'duplicates', name: 'body fingerprints' } as const;

const BUCKET_BITS = 16;

/** FNV-1a over a string's UTF-16 code units, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function bodyFingerprint(body: string, runs: Set<string> = shingles(body)): BodyFingerprint {
  const buckets = new Uint16Array(runs.size);
  let i = 0;
  for (const run of runs) buckets[i++] = fnv1a(run) & ((1 << BUCKET_BITS) - 1);
  buckets.sort();
  const bytes = Buffer.alloc(buckets.length * 2);
  for (let j = 0; j < buckets.length; j++) bytes.writeUInt16LE(buckets[j]!, j * 2);
  return { sameText: sha256(sameTextKey(body)), shingles: runs.size, buckets: bytes.toString('base64') };
}

/** The sorted bucket numbers of a fingerprint. */
function bucketsOf(fingerprint: BodyFingerprint): Uint16Array {
  const bytes = Buffer.from(fingerprint.buckets, 'base64');
  const out = new Uint16Array(bytes.length >> 1);
  for (let j = 0; j < out.length; j++) out[j] = bytes.readUInt16LE(j * 2);
  return out;
}

/** How many entries two sorted lists share, repeats counted (the size of their multiset intersection). */
function sharedSorted(a: Uint16Array, b: Uint16Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/** A body already in the archive, and its fingerprint when one is at hand (else it is computed from the body). */
export interface ExistingBody {
  file: string;
  body: string;
  fingerprint?: BodyFingerprint;
}

/** The archive's bodies that share at least NEAR_DUPLICATE_THRESHOLD of the shorter text's 5-word runs with `body`, most similar first. */
export function nearDuplicates(body: string, existing: readonly ExistingBody[]): NearDuplicate[] {
  const mine = shingles(body);
  const myBuckets = bucketsOf(bodyFingerprint(body, mine));
  const out: NearDuplicate[] = [];
  for (const e of existing) {
    const theirs = e.fingerprint ?? bodyFingerprint(e.body);
    const smaller = Math.min(mine.size, theirs.shingles);
    // the bound first (it can only be too high); the runs themselves only for a pair it lets through
    if (smaller === 0 || sharedSorted(myBuckets, bucketsOf(theirs)) < NEAR_DUPLICATE_THRESHOLD * smaller) continue;
    const similarity = containment(mine, shingles(e.body));
    if (similarity >= NEAR_DUPLICATE_THRESHOLD) out.push({ file: e.file, similarity });
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}
