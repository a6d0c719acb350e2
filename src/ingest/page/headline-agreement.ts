/** Whether two statements of a headline (an <h1>, a JSON-LD headline, og:title) are the same headline. */
import { foldArabic } from '../../arabic/normalise.ts';

/** Folded for comparison: Arabic folding, punctuation gone, Latin lowercased. */
export function foldForCompare(s: string): string {
  return foldArabic(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Two headlines agree: the same words, or one the other cut short (JSON-LD limits), or nearly the same words. */
export function headlinesAgree(a: string, b: string): boolean {
  const x = foldForCompare(a);
  const y = foldForCompare(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.startsWith(short) && short.length >= 0.6 * long.length && short.split(' ').length >= 3) return true;
  const wa = new Set(x.split(' '));
  const wb = new Set(y.split(' '));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return (2 * shared) / (wa.size + wb.size) >= 0.85;
}
