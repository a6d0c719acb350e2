/**
 * Shared passages: runs of words two outlets print alike (wire copy, press releases, a story one
 * outlet lifted from another). They feed the "how the outlets compare" section of an event page.
 *
 * Pure: no file system, no Eleventy; the caller hands in each article's plain-text paragraphs.
 *
 * What counts as "the same word": each word (normalise.ts `words()`, so punctuation and quotes
 * are never part of it) is folded with `foldArabic` (hamza seats, ى/ي, ة/ه, tatweel, diacritics,
 * digit shapes, case). Two writing habits that split a word in two are mended first, so they
 * cannot break a run:
 * - a word ending in tatweel is joined to the next one when only white space, quotes or tatweel
 *   separate them: `بـ"الخلافة"` and `بالخلافة` are one word, بالخلافه;
 * - a lone conjunction و is joined to the next word: `و الذي` and `والذي` are one word.
 * The joined pair counts as one word in `words`, and its offsets cover both parts.
 *
 * How: each word is interned to a number once; every run of `minWords` words (a shingle) of
 * every paragraph goes into one map, keyed by a rolling hash of its word numbers. A shingle met
 * in articles of two different outlets seeds a match (after a word-by-word check, as hashes can
 * collide); a seed is kept only where the run cannot be extended to the left (so each maximal run
 * is found once, from its first shingle), then extended to the right as far as both paragraphs
 * agree. Runs never cross a paragraph boundary. Cost: linear in the total number of words, plus
 * the pairs of occurrences of shingles that several outlets share, plus the output. A wire
 * paragraph reprinted by n outlets gives n(n-1)/2 passages: that is the answer, not overhead;
 * the pages show them grouped by run (passage-groups.ts), n paragraphs, not the pairs.
 * About a second of CPU for 300 articles of 800 words.
 */
import { foldArabic, words } from '../arabic/normalise.ts';

/** An article as the passage finder reads it (the comparison's input stage): its outlet and its paragraphs' texts. */
export interface PassageSource {
  id: string;
  outlet: string;
  /** Plain-text paragraphs, in order (paragraph i has anchor p-(i+1) on the page). */
  paragraphs: string[];
}

export interface PassageSide {
  id: string;
  /** Paragraph index, 0-based. */
  paragraph: number;
  /** UTF-16 offset of the run's first character in the paragraph's original text. */
  start: number;
  /** UTF-16 offset just after the run's last character. */
  end: number;
  /** `paragraphs[paragraph].slice(start, end)`: the run as this article wrote it. */
  text: string;
}

export interface SharedPassage {
  /** Length of the shared run in (normalised) words. */
  words: number;
  /** The side whose article id sorts first. */
  a: PassageSide;
  b: PassageSide;
}

export interface PassageOptions {
  /** Shortest run reported, in words. Default 12. */
  minWords?: number;
}

export const DEFAULT_MIN_WORDS = 12;

/** A paragraph as word ids, with each word's span in the original text. */
interface Tokens {
  ids: number[];
  starts: number[];
  ends: number[];
}

/** Only white space, quotes and tatweel between a tatweel-ended word and the next. */
const JOINABLE_GAP = /^[\s\u0640«»‹›“”„‟″‶'‘’‚‛"＂]*$/;
const ENDS_WITH_TATWEEL = /\u0640[\u064B-\u065F\u0670]*$/;

/** The words of a paragraph, folded, with the tatweel and lone-و joins described above. */
export function passageWords(paragraph: string, cache?: Map<string, string>): Array<{ key: string; start: number; end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  let pending: { key: string; start: number; end: number } | undefined;
  for (const w of words(paragraph)) {
    let key = cache?.get(w.word);
    if (key === undefined) {
      key = foldArabic(w.word);
      cache?.set(w.word, key);
    }
    if (key === '') continue;
    let token = { key, start: w.start, end: w.end };
    if (pending && JOINABLE_GAP.test(paragraph.slice(pending.end, w.start))) {
      token = { key: pending.key + key, start: pending.start, end: w.end };
    } else if (pending) {
      out.push(pending);
    }
    pending = undefined;
    if (key === 'و' || ENDS_WITH_TATWEEL.test(w.word)) pending = token;
    else out.push(token);
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * Runs of at least `minWords` consecutive words equal after normalisation, shared by articles of
 * different outlets. Each run is maximal (extended both ways as far as it goes; its sub-runs are
 * not reported), lies within one paragraph on each side, and is reported once per pair of places
 * it occurs in. Articles of the same outlet are never compared (nor an article with itself).
 *
 * Sorted by a.id, b.id, a.paragraph, a.start, then b.paragraph, b.start; `a` is the side whose
 * id sorts first (code-point order).
 */
export function findSharedPassages(sources: PassageSource[], options: PassageOptions = {}): SharedPassage[] {
  const k = options.minWords ?? DEFAULT_MIN_WORDS;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`minWords must be a whole number of at least 1, got ${k}`);

  const vocabulary = new Map<string, number>();
  const folds = new Map<string, string>();
  const docs: Tokens[][] = sources.map((source) =>
    source.paragraphs.map((paragraph) => {
      const tokens: Tokens = { ids: [], starts: [], ends: [] };
      for (const w of passageWords(paragraph, folds)) {
        let id = vocabulary.get(w.key);
        if (id === undefined) vocabulary.set(w.key, (id = vocabulary.size));
        tokens.ids.push(id);
        tokens.starts.push(w.start);
        tokens.ends.push(w.end);
      }
      return tokens;
    }),
  );

  // shingle hash -> occurrences, packed as [doc, paragraph, position] triples. The hash is a
  // rolling polynomial hash of the word ids, two of them (mod two primes below 2^26) packed into
  // one safe integer; buckets may hold colliding shingles, so every pair is checked word by word.
  const shingles = new Map<number, number[]>();
  const power1 = modPow(B1, k - 1, P1);
  const power2 = modPow(B2, k - 1, P2);
  docs.forEach((paragraphs, d) => {
    paragraphs.forEach((tokens, p) => {
      const ids = tokens.ids;
      if (ids.length < k) return;
      let h1 = 0;
      let h2 = 0;
      for (let i = 0; i < ids.length; i++) {
        if (i >= k) {
          const out = ids[i - k]!;
          h1 = (h1 - ((out * power1) % P1) + P1) % P1;
          h2 = (h2 - ((out * power2) % P2) + P2) % P2;
        }
        h1 = (h1 * B1 + ids[i]!) % P1;
        h2 = (h2 * B2 + ids[i]!) % P2;
        if (i < k - 1) continue;
        const key = h1 * P2 + h2;
        const list = shingles.get(key);
        if (list) list.push(d, p, i - k + 1);
        else shingles.set(key, [d, p, i - k + 1]);
      }
    });
  });

  const found: SharedPassage[] = [];
  for (const occurrences of shingles.values()) {
    if (occurrences.length < 6) continue; // met once
    for (let x = 0; x < occurrences.length; x += 3) {
      const dx = occurrences[x]!;
      for (let y = x + 3; y < occurrences.length; y += 3) {
        const dy = occurrences[y]!;
        if (dx === dy || sources[dx]!.outlet === sources[dy]!.outlet) continue;
        const px = occurrences[x + 1]!;
        const py = occurrences[y + 1]!;
        const ix = occurrences[x + 2]!;
        const iy = occurrences[y + 2]!;
        const tx = docs[dx]![px]!;
        const ty = docs[dy]![py]!;
        // not the first shingle of its run: the run was (or will be) found from its start
        if (ix > 0 && iy > 0 && tx.ids[ix - 1] === ty.ids[iy - 1]) continue;
        if (!sameWords(tx.ids, ix, ty.ids, iy, k)) continue; // a hash collision
        let length = k;
        while (ix + length < tx.ids.length && iy + length < ty.ids.length && tx.ids[ix + length] === ty.ids[iy + length]) length++;
        const side = (d: number, p: number, i: number, t: Tokens): PassageSide => {
          const start = t.starts[i]!;
          const end = t.ends[i + length - 1]!;
          return { id: sources[d]!.id, paragraph: p, start, end, text: sources[d]!.paragraphs[p]!.slice(start, end) };
        };
        const sx = side(dx, px, ix, tx);
        const sy = side(dy, py, iy, ty);
        found.push(sx.id <= sy.id ? { words: length, a: sx, b: sy } : { words: length, a: sy, b: sx });
      }
    }
  }
  return found.sort(comparePassages);
}

/** Primes below 2^26 and bases: products stay below 2^53, so the arithmetic is exact. */
const P1 = 67_108_859;
const P2 = 67_108_837;
const B1 = 1_000_003;
const B2 = 998_244;

function modPow(base: number, exponent: number, modulus: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = (result * base) % modulus;
  return result;
}

function sameWords(x: number[], i: number, y: number[], j: number, n: number): boolean {
  for (let t = 0; t < n; t++) if (x[i + t] !== y[j + t]) return false;
  return true;
}

const compareStrings = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function comparePassages(x: SharedPassage, y: SharedPassage): number {
  return (
    compareStrings(x.a.id, y.a.id) ||
    compareStrings(x.b.id, y.b.id) ||
    x.a.paragraph - y.a.paragraph ||
    x.a.start - y.a.start ||
    x.b.paragraph - y.b.paragraph ||
    x.b.start - y.b.start
  );
}
