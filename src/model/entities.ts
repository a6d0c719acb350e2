/**
 * Entity pages and the "naming" comparison of event pages: for each actor, the articles that
 * name it under any of its names (and, for people, their quotes); for each event, which names
 * each outlet uses. Each article's name uses and paragraphs come from the build's derived data
 * (src/analysis/derive/), which holds them for every article.
 */
import { countText } from '../arabic/plural.ts';
import type { NameUse } from '../analysis/entity-usage.ts';
import type { Paragraph } from '../markdown/paragraphs.ts';
import { createQuoteFinder, type Quote } from '../analysis/quotes.ts';
import type { Entity } from '../content/schema.ts';
import { derivedOf } from './derived.ts';
import { entityPath } from './site-paths.ts';
import { ENTITY_KIND_NAMES, NOUNS } from './ui-strings.ts';
import type { ArticleView, EntityView, NamingTable } from './views.ts';

/** What the build derived of each article, by id (src/analysis/derive/): every article is in both maps. */
export interface ArticleTexts {
  uses: ReadonlyMap<string, NameUse[]>;
  paragraphs: ReadonlyMap<string, Paragraph[]>;
  /** Each article's quotes of people, by id, kept between builds (src/analysis/derive/); else found here. */
  findQuotes?: (people: Parameters<typeof createQuoteFinder>[0], ids: readonly string[]) => ReadonlyMap<string, Quote[]>;
}

/** Each article's quotes of `people`, found here (without the build's derived data: src/analysis/derive/). */
function quotesHere(people: Parameters<typeof createQuoteFinder>[0], ids: readonly string[], paragraphs: ArticleTexts['paragraphs']): Map<string, Quote[]> {
  const quotesIn = createQuoteFinder(people);
  return new Map(ids.map((id) => [id, quotesIn(derivedOf(paragraphs, id, 'paragraphs'))]));
}

/** The actors' pages, most written about first; `articles`: every article, newest first. */
export function entityViews(articles: readonly ArticleView[], entities: Record<string, Entity>, texts: ArticleTexts): EntityView[] {
  // One pass over the articles, newest first: each entity's articles and name totals, in that order.
  const found = new Map<string, { articles: ArticleView[]; totals: Map<string, number> }>();
  for (const article of articles) {
    for (const u of derivedOf(texts.uses, article.id, 'name uses')) {
      let f = found.get(u.entity);
      if (!f) found.set(u.entity, (f = { articles: [], totals: new Map() }));
      if (f.articles[f.articles.length - 1] !== article) f.articles.push(article);
      f.totals.set(u.name, (f.totals.get(u.name) ?? 0) + u.count);
    }
  }
  // People's quotes: read in the articles that name some person, each article once.
  const people = Object.fromEntries(Object.entries(entities).filter(([key, e]) => e.kind === 'person' && found.has(key)));
  const quotes = new Map<string, Array<EntityView['quotes'][number]>>();
  if (Object.keys(people).length > 0) {
    const read = new Set<ArticleView>();
    for (const key of Object.keys(people)) for (const article of found.get(key)?.articles ?? []) read.add(article);
    const ids = [...read].map((a) => a.id);
    const quotesIn = texts.findQuotes ? texts.findQuotes(people, ids) : quotesHere(people, ids, texts.paragraphs);
    for (const article of read) {
      for (const q of derivedOf(quotesIn, article.id, 'quotes')) {
        let list = quotes.get(q.entity);
        if (!list) quotes.set(q.entity, (list = []));
        list.push({ article, url: `${article.url}#${q.anchor}`, text: q.text });
      }
    }
  }
  // newest article first, as the articles are
  const order = new Map(articles.map((a, i) => [a, i]));
  for (const list of quotes.values()) list.sort((a, b) => (order.get(a.article) ?? 0) - (order.get(b.article) ?? 0));

  return Object.entries(entities)
    .map(([key, e]): EntityView => {
      const f = found.get(key) ?? { articles: [], totals: new Map<string, number>() };
      return {
        key,
        url: entityPath(key),
        name: e.name,
        name_en: e.name_en,
        kind: e.kind,
        role: e.role ?? null,
        aliases: e.aliases,
        quotes: quotes.get(key) ?? [],
        articles: f.articles,
        articleCount: countText(f.articles.length, NOUNS.article),
        kind_ar: ENTITY_KIND_NAMES[e.kind],
        names: [...f.totals].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ar')),
      };
    })
    .filter((e) => e.articles.length > 0)
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));
}

/** Which names of each actor (in the order of `entities`) each outlet of an event uses; `articles`: the event's, oldest first. */
export function namingTable(articles: readonly ArticleView[], entities: readonly EntityView[], texts: Pick<ArticleTexts, 'uses'>): NamingTable {
  const outlets = [...new Map(articles.map((a) => [a.outlet.key, { key: a.outlet.key, name: a.outlet.name_ar }])).values()];
  // entity -> outlet -> name -> count, in the event's order of articles
  const totals = new Map<string, Map<string, Map<string, number>>>();
  for (const a of articles) {
    for (const u of derivedOf(texts.uses, a.id, 'name uses')) {
      let byOutlet = totals.get(u.entity);
      if (!byOutlet) totals.set(u.entity, (byOutlet = new Map()));
      let names = byOutlet.get(a.outlet.key);
      if (!names) byOutlet.set(a.outlet.key, (names = new Map()));
      names.set(u.name, (names.get(u.name) ?? 0) + u.count);
    }
  }
  return {
    outlets,
    rows: entities
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
