/**
 * The `ics` package (3.12.0) folds each content line at 75 characters (RFC 5545 §3.1) with a
 * loop that splits the whole rest of the line into graphemes again for every 74 it cuts off, so a
 * line of L characters costs L²/74: an event's timeline groups every article that mentions a date
 * into one DESCRIPTION, thousands of characters at 10,000 articles, and its calendar took longer
 * than all the site's pages. This module gives the package a fold that splits the line once
 * (runes2, the package's own grapheme splitter: its splitting runs left to right, so the
 * graphemes after a cut are those of the whole line after it) and writes the same bytes;
 * tests/ics-fold.unit.test.ts compares the two. Imported by ics-calendar.ts, before any calendar is written.
 *
 * The package's entry exports no fold, so its modules are reached by file, from where Node
 * resolved the package; its index reads `foldLine` through a getter of its utils module, which
 * reads the fold module's `default` on every call.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const entry = require.resolve('ics');
const fromIcs = createRequire(entry);

type Fold = (line: string) => string;

/** The package's module of the fold. */
export const icsModules = {
  fold: fromIcs(join(dirname(entry), 'utils', 'fold-line.js')) as { default: Fold },
};
const { runes } = fromIcs('runes2') as { runes: (text: string) => string[] };

/** The package's own fold, kept for the test. */
export const originalIcsFoldLine: Fold = icsModules.fold.default;

/** A line folded as the package folds it: 75 graphemes, then 74 a line, joined by CRLF and a tab. */
export function icsFoldLine(line: string): string {
  const graphemes = runes(line);
  if (graphemes.length <= 75) return line;
  const parts = [graphemes.slice(0, 75).join('')];
  for (let at = 75; at < graphemes.length; at += 74) parts.push(graphemes.slice(at, at + 74).join(''));
  return parts.join('\r\n\t');
}

icsModules.fold.default = icsFoldLine;
