/** Words the search page shows, with Arabic number agreement (src/arabic/plural.ts). Pure: no DOM. */
import { countText, type CountedNoun } from '../arabic/plural.ts';

const RESULTS: CountedNoun = { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '# نتائج', many: '# نتيجة', other: '# نتيجة' };

/** "نتيجة واحدة", "نتيجتان", "3 نتائج", "11 نتيجة", "100 نتيجة"; "لا نتائج" for none (countText's agreement). */
export function resultCountText(count: number): string {
  return countText(Math.max(0, count), RESULTS);
}

/** «أ» ; «أ» و«ب» ; «أ» و«ب» و«ج»: words quoted and joined as Arabic lists them. */
function quotedList(words: readonly string[]): string {
  return words.map((w) => `«${w}»`).join(' و');
}

/**
 * What the page says when words of the query matched no article: `unmatched` as typed, `kept`
 * the rest of the query (empty when nothing is left, and no results are shown).
 */
export function unmatchedText(unmatched: readonly string[], kept: readonly string[]): string {
  const subject = `لم تطابق ${quotedList(unmatched)} أيّ مقال`;
  if (kept.length === 0) return `${subject}.`;
  return `${subject}، فالنتائج أدناه للبحث من دونها: ${quotedList(kept)}.`;
}
