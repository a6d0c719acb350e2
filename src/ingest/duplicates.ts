/**
 * Has the archive got this article already? Identical raw bytes (same sha256) are refused, and
 * so is the same text up to spacing and invisible characters (sameTextKey: a CRLF copy, a copy
 * with doubled spaces); another scrape with more or less around it, or wire copy reprinted by
 * another outlet, is reported with the article it matches and how much of the shorter text the
 * two share.
 */
import { foldArabic, words } from '../arabic/normalise.ts';

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

export function nearDuplicates(body: string, existing: Array<{ file: string; body: string }>): NearDuplicate[] {
  const mine = shingles(body);
  return existing
    .map((e) => ({ file: e.file, similarity: containment(mine, shingles(e.body)) }))
    .filter((d) => d.similarity >= NEAR_DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
}
