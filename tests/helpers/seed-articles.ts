/** The seed articles as comparisons take them: id, outlet key and body paragraphs (blank-line split). */
import { loadValidContent } from '../../src/content/load.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/core/paths.ts';

export function seedParagraphs(): Array<{ id: string; outlet: string; paragraphs: string[] }> {
  return loadValidContent(DEFAULT_CONTENT_DIR)
    .articles.map((a) => ({
      id: a.data.id,
      outlet: a.data.outlet,
      paragraphs: a.body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
