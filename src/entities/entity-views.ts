/**
 * Entity pages and the "naming" comparison of event pages: for each actor, the articles that
 * name it under any of its names; for each event, which names each outlet uses.
 */
import { paragraphsFromHtml } from '../timeline/paragraphs.ts';
import type { Archive, ArticleView } from '../site/archive.ts';
import { createEntityCounter, type NameUse } from './entity-usage.ts';
import type { Entity } from './load-entities.ts';

export interface EntityView {
  key: string;
  url: string;
  name: string;
  name_en: string;
  aliases: string[];
  /** Newest first. */
  articles: ArticleView[];
  /** Each name's uses across the archive, most used first. */
  names: Array<{ name: string; count: number }>;
}

export interface NamingTable {
  outlets: Array<{ key: string; name: string }>;
  rows: Array<{ entity: { url: string; name: string }; cells: Array<{ outletKey: string; names: Array<{ name: string; count: number }> }> }>;
}

export function addEntityViews(archive: Archive, entities: Record<string, Entity>): void {
  const count = createEntityCounter(entities);
  const uses = new Map<string, NameUse[]>();
  for (const article of archive.articles) {
    uses.set(article.id, count([article.title, ...paragraphsFromHtml(article.html).map((p) => p.text)].join('\n')));
  }
  archive.entities = Object.entries(entities)
    .map(([key, e]): EntityView => {
      const totals = new Map<string, number>();
      const articles = archive.articles.filter((a) => {
        const mine = (uses.get(a.id) ?? []).filter((u) => u.entity === key);
        for (const u of mine) totals.set(u.name, (totals.get(u.name) ?? 0) + u.count);
        return mine.length > 0;
      });
      return {
        key,
        url: `/entities/${key}/`,
        name: e.name,
        name_en: e.name_en,
        aliases: e.aliases,
        articles,
        names: [...totals].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ar')),
      };
    })
    .filter((e) => e.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));

  for (const event of archive.events) {
    const outlets = [...new Map(event.articles.map((a) => [a.outlet.key, { key: a.outlet.key, name: a.outlet.name_ar }])).values()];
    event.naming = {
      outlets,
      rows: archive.entities
        .map((entity) => ({
          entity: { url: entity.url, name: entity.name },
          cells: outlets.map((o) => {
            const totals = new Map<string, number>();
            for (const a of event.articles.filter((x) => x.outlet.key === o.key)) {
              for (const u of uses.get(a.id) ?? []) if (u.entity === entity.key) totals.set(u.name, (totals.get(u.name) ?? 0) + u.count);
            }
            return { outletKey: o.key, names: [...totals].map(([name, n]) => ({ name, count: n })).sort((x, y) => y.count - x.count) };
          }),
        }))
        .filter((row) => row.cells.some((c) => c.names.length > 0)),
    };
  }
}
