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
