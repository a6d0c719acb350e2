/** The model's reading of the build's derived data (src/analysis/derive/), which holds every article it was given. */

/** `map`'s entry for article `id`; a missing one is a bug of the assembly (it derives every article first), not of the content. */
export function derivedOf<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`archive model: the build derived no ${what} for article ${id}`);
  return value;
}
