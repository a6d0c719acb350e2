/**
 * Page clutter as rules compiled from content/data/clutter.yml: lines dropped wherever they
 * stand, and end markers ("مقالات ذات صلة") after which the rest of the page is someone else's.
 */
import { foldArabic } from '../arabic/normalise.ts';
import type { ClutterFile } from '../content/schema.ts';

export interface ClutterRules {
  isClutter(line: string): boolean;
  isEndMarker(line: string): boolean;
}

/** Folded, with edge punctuation a label may carry ("اقرأ أيضاً:", "| شارك") removed. */
function key(line: string): string {
  return foldArabic(line).replace(/^[\s|•·:：\-–—>»«]+|[\s|•·:：\-–—<»«.]+$/gu, '');
}

export function compileClutter(file: ClutterFile): ClutterRules {
  const lines = new Set(file.lines.map(key));
  const markers = new Set(file.end_markers.map(key));
  const patterns = file.patterns.map((p) => new RegExp(p, 'iu'));
  return {
    isClutter: (line) => lines.has(key(line)) || patterns.some((p) => p.test(line.trim())),
    isEndMarker: (line) => markers.has(key(line)),
  };
}
