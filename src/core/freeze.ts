/** Freezes a value and everything it holds, so that what leaves the model cannot be changed by its readers. */
export function freezeDeep<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    for (const child of Object.values(v)) visit(child);
    Object.freeze(v);
  };
  visit(value);
  return value;
}
