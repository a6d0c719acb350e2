/** "did you mean …" for a mistyped key in an error message: the closest known keys, or where to look. */
export function suggest(key: string, known: string[]): string {
  const close = known
    .map((k) => ({ k, d: editDistance(key, k) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 3)) || k.includes(key) || key.includes(k))
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
    .map(({ k }) => k);
  return close.length > 0 ? `did you mean ${close.join(', ')}?` : `${known.length} outlets are listed there`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
