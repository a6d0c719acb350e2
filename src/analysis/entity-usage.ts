/**
 * Which actors an article names, and by which of their names. The aliases are matched with the
 * gazetteer's matcher (whole words, clitics understood, longest name first), so
 * "قوات سوريا الديمقراطية" is one mention of the SDF, not also one of سوريا. Names of foreign
 * origin spelt another way are found too (src/arabic/name-fold.ts).
 */
import { createPlaceMatcher } from '../arabic/place-matcher.ts';
import type { Paragraph } from '../markdown/paragraphs.ts';
import type { Entity } from '../content/schema.ts';

export interface NameUse {
  entity: string;
  /** The name as the entity list writes it (canonical name or alias). */
  name: string;
  count: number;
}

export function createEntityCounter(entities: Record<string, Pick<Entity, 'name' | 'aliases'> & Partial<Entity>>): (text: string) => NameUse[] {
  // One matcher entry per name, so the match tells which name was used; names of two words or
  // more are also found spelt loosely (src/arabic/name-fold.ts: كينو جابرييل is كينو غابرييل).
  const entries = Object.entries(entities).flatMap(([key, e]) =>
    [e.name, ...e.aliases].map((name, i) => ({ slug: `${key}\u0000${i}`, name, variants: [] as string[], loose: true })),
  );
  const match = createPlaceMatcher(entries);
  return (text) => {
    const counts = new Map<string, NameUse>();
    for (const m of match(text)) {
      const [entity = ''] = m.slug.split('\u0000');
      const key = `${entity}\u0000${m.name}`;
      const use = counts.get(key) ?? { entity, name: m.name, count: 0 };
      use.count++;
      counts.set(key, use);
    }
    return [...counts.values()];
  };
}

/** The text an article's names are counted in: its title and its paragraphs, one per line. */
export function articleText(title: string, paragraphs: Paragraph[]): string {
  return [title, ...paragraphs.map((p) => p.text)].join('\n');
}
