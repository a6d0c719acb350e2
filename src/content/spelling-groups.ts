/**
 * The checks on content/data/spellings.yml beyond its schema. The file lists words the press
 * writes more than one way (الديمقراطية / الديموقراطية, أمريكي / أميركي), so that search finds one
 * spelling from another.
 *
 * Each entry is a list of two or more spellings of one word, the usual one first, written
 * without the article or a proclitic (ديمقراطية, not الديمقراطية): search reads those off
 * (والديموقراطية is found by الديمقراطية). Differences of writing alone (hamza seats, ة/ه, ى/ي,
 * diacritics) need no entry: folding already makes them one word.
 */
import { foldArabic, words } from '../arabic/normalise.ts';
import type { Problem } from '../core/problem.ts';
import type { DataEntries } from './data-file.ts';

/** What is wrong with the groups of spellings.yml: a spelling of several words, with the article, or in two groups. */
export function spellingGroupProblems(file: DataEntries<string[]>): Problem[] {
  const problems: Problem[] = [];
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
        problems.push({
          ...at,
          message: `"${written}" starts with the article`,
          hint: `write it without: "${written.replace(/^[اأإآ]ل/, '')}" (search reads the article and proclitics off)`,
        });
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
  return problems;
}
