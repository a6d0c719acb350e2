/** Words the search page shows, with Arabic number agreement. Pure: no DOM. */

/** "نتيجة واحدة", "نتيجتان", "3 نتائج", "11 نتيجة"; "لا نتائج" for none. */
export function resultCountText(count: number): string {
  if (count <= 0) return 'لا نتائج';
  if (count === 1) return 'نتيجة واحدة';
  if (count === 2) return 'نتيجتان';
  const hundreds = count % 100;
  if (hundreds >= 3 && hundreds <= 10) return `${count} نتائج`;
  return `${count} نتيجة`;
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
