/**
 * Entity pages and the "naming" comparison of event pages: for each actor, the articles that
 * name it under any of its names; for each event, which names each outlet uses. Each article's
 * name uses are counted once (or come from the build's cache, src/analysis/derive/), and the tables are
 * filled in one pass over the articles.
 */
import { paragraphsFromHtml } from '../analysis/paragraphs.ts';
import type { Archive, ArticleView } from './archive.ts';
import { articleText, createEntityCounter, type NameUse } from '../analysis/entity-usage.ts';
import type { Entity, EntityKind } from '../content/schema.ts';
import { createQuoteFinder } from '../analysis/quotes.ts';

export interface EntityView {
  key: string;
  url: string;
  name: string;
  name_en: string;
  kind: EntityKind;
  role: string | null;
  aliases: string[];
  /** For people: the sentences of the articles where they are quoted (src/analysis/quotes.ts), newest article first. */
  quotes: Array<{ article: ArticleView; url: string; text: string }>;
  /** Newest first. */
  articles: ArticleView[];
  /** "مقالان", "5 مقالات": the articles counted, in the agreement Arabic wants. */
  articleCount: string;
  /** What kind of actor, in Arabic. */
  kind_ar: string;
  /** Each name's uses across the archive, most used first. */
  names: Array<{ name: string; count: number }>;
}

/** Each kind of actor as the pages name it. */
const KIND_NAMES: Record<EntityKind, string> = {
  person: 'شخص',
  'armed-group': 'جماعة مسلحة',
  party: 'حزب أو هيئة سياسية',
  government: 'حكومة ودولة',
  agency: 'جهاز أو وزارة',
  organisation: 'منظمة',
};

export interface NamingTable {
  outlets: Array<{ key: string; name: string }>;
  rows: Array<{ entity: { url: string; name: string }; cells: Array<{ outletKey: string; names: Array<{ name: string; count: number }> }> }>;
}

/**
 * Fills `archive.entities` and each event's `naming`. `uses`: each article's name uses (by id) where
 * the build knows them already (src/analysis/derive/); the others are counted here.
 */
export function addEntityViews(
  archive: Archive,
  entities: Record<string, Entity>,
  uses: ReadonlyMap<string, NameUse[]> = new Map(),
  articleCount: (n: number) => string = String,
): void {
  let count: ((text: string) => NameUse[]) | undefined;
  const usesOf = (article: ArticleView): NameUse[] => {
    const known = uses.get(article.id);
    if (known) return known;
    count ??= createEntityCounter(entities);
    return count(articleText(article.title, paragraphsFromHtml(article.html)));
  };
  const articleUses = new Map(archive.articles.map((a) => [a, usesOf(a)]));

  // One pass over the articles, newest first: each entity's articles and name totals, in that order.
  const found = new Map<string, { articles: ArticleView[]; totals: Map<string, number> }>();
  for (const article of archive.articles) {
    for (const u of articleUses.get(article) ?? []) {
      let f = found.get(u.entity);
      if (!f) found.set(u.entity, (f = { articles: [], totals: new Map() }));
      if (f.articles[f.articles.length - 1] !== article) f.articles.push(article);
      f.totals.set(u.name, (f.totals.get(u.name) ?? 0) + u.count);
    }
  }
  // People's quotes: read in the articles that name some person, each article once.
  const people = Object.fromEntries(Object.entries(entities).filter(([key, e]) => e.kind === 'person' && found.has(key)));
  const quotes = new Map<string, EntityView['quotes']>();
  if (Object.keys(people).length > 0) {
    const quotesIn = createQuoteFinder(people);
    const read = new Set<ArticleView>();
    for (const key of Object.keys(people)) {
      for (const article of found.get(key)?.articles ?? []) {
        if (read.has(article)) continue;
        read.add(article);
        for (const q of quotesIn(paragraphsFromHtml(article.html))) {
          let list = quotes.get(q.entity);
          if (!list) quotes.set(q.entity, (list = []));
          list.push({ article, url: `${article.url}#${q.anchor}`, text: q.text });
        }
      }
    }
  }
  // newest article first, as the articles are
  const order = new Map(archive.articles.map((a, i) => [a, i]));
  for (const list of quotes.values()) list.sort((a, b) => (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0));

  archive.entities = Object.entries(entities)
    .map(([key, e]): EntityView => {
      const f = found.get(key) ?? { articles: [], totals: new Map<string, number>() };
      return {
        key,
        url: `/entities/${key}/`,
        name: e.name,
        name_en: e.name_en,
        kind: e.kind,
        role: e.role ?? null,
        aliases: e.aliases,
        quotes: quotes.get(key) ?? [],
        articles: f.articles,
        articleCount: articleCount(f.articles.length),
        kind_ar: KIND_NAMES[e.kind],
        names: [...f.totals].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ar')),
      };
    })
    .filter((e) => e.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));

  for (const event of archive.events) {
    const outlets = [...new Map(event.articles.map((a) => [a.outlet.key, { key: a.outlet.key, name: a.outlet.name_ar }])).values()];
    // entity -> outlet -> name -> count, in the event's order of articles
    const totals = new Map<string, Map<string, Map<string, number>>>();
    for (const a of event.articles) {
      for (const u of articleUses.get(a) ?? usesOf(a)) {
        let byOutlet = totals.get(u.entity);
        if (!byOutlet) totals.set(u.entity, (byOutlet = new Map()));
        let names = byOutlet.get(a.outlet.key);
        if (!names) byOutlet.set(a.outlet.key, (names = new Map()));
        names.set(u.name, (names.get(u.name) ?? 0) + u.count);
      }
    }
    event.naming = {
      outlets,
      rows: archive.entities
        .map((entity) => ({
          entity: { url: entity.url, name: entity.name },
          cells: outlets.map((o) => ({
            outletKey: o.key,
            names: [...(totals.get(entity.key)?.get(o.key) ?? [])].map(([name, n]) => ({ name, count: n })).sort((x, y) => y.count - x.count),
          })),
        }))
        .filter((row) => row.cells.some((c) => c.names.length > 0)),
    };
  }
}
