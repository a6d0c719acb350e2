/**
 * content/data/spellings.yml: words the press writes more than one way (الديمقراطية /
 * الديموقراطية, أمريكي / أميركي), so that search finds one spelling from another. Validated
 * like the other data files; optional (no file, no groups).
 *
 * Each entry is a list of two or more spellings of one word, the usual one first, written
 * without the article or a proclitic (ديمقراطية, not الديمقراطية): search reads those off
 * (والديموقراطية is found by الديمقراطية). Differences of writing alone (hamza seats, ة/ه, ى/ي,
 * diacritics) need no entry: folding already makes them one word.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { foldArabic, words } from '../arabic/normalise.ts';
import { loadDataFile } from './load.ts';
import { ArshifError, type Problem } from '../core/problem.ts';

const spelling = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
export const spellingGroupSchema = z.array(spelling, { error: 'must be a list of spellings' }).min(2, { error: 'must list at least two spellings of the word' });

/** The groups keyed by Latin key; {} when the file does not exist. Throws ArshifError on problems. */
export function loadSpellings(contentDir: string): Record<string, string[]> {
  const path = join(contentDir, 'data', 'spellings.yml');
  if (!existsSync(path)) return {};
  const problems: Problem[] = [];
  const file = loadDataFile(path, spellingGroupSchema, problems);
  const owner = new Map<string, string>();
  for (const [key, group] of Object.entries(file.entries)) {
    group.forEach((written, i) => {
      const at = { file: file.file, line: file.lineOf([key, i]) ?? file.lineOf([key]), field: `${key}[${i}]` };
      const folded = foldArabic(written);
      const ws = words(folded);
      if (ws.length !== 1 || ws[0]!.word !== folded) {
        problems.push({ ...at, message: `"${written}" is not one word`, hint: 'list single words; names of several words belong in places.yml or entities.yml' });
        return;
      }
      if (folded.startsWith('ال') && folded.length > 3) {
        problems.push({ ...at, message: `"${written}" starts with the article`, hint: `write it without: "${written.replace(/^[اأإآ]ل/, '')}" (search reads the article and proclitics off)` });
        return;
      }
      const other = owner.get(folded);
      if (other !== undefined && other !== key) {
        problems.push({ ...at, message: `"${written}" is also listed under ${other}`, hint: 'a spelling belongs to one word only: merge the two entries or remove one' });
        return;
      }
      if (other === key) {
        problems.push({ ...at, message: `"${written}" is listed twice (or differs only in hamza, ة/ه, ى/ي or diacritics, which search folds anyway)`, hint: 'remove the repeat' });
        return;
      }
      owner.set(folded, key);
    });
  }
  if (problems.length > 0) throw new ArshifError(problems);
  return file.entries;
}
