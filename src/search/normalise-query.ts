/**
 * The query as the index is searched with. Shared by the browser bundle (before every search)
 * and, later, by indexing. For now the identity apart from trimming and collapsing spaces:
 * issue #5 adds Arabic letter normalisation and aliases (قسد = قوات سوريا الديمقراطية) here.
 */
export function normaliseQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}
