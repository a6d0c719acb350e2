/**
 * The archive as the site shows it, assembled once from validated content: articles with their
 * outlet, places and events resolved, and the browse collections (events, outlets, places,
 * years, agencies, entities), all sorted. Pure: no file system, no Eleventy. What is derived from
 * each article's text (HTML, paragraphs, dated mentions, figures, names) is computed once per
 * article (src/analysis/derive/), or taken from the store the caller gives, which keeps it
 * between builds.
 *
 * The order of the assembly is the order of what depends on what, so each view is made whole:
 * derived data → each event's comparison (and so each article's shared passages) → article views
 * → the places with pages → every map, planned then drawn together → entity views → event views
 * (with their maps and naming tables) → place views → the other lists → the archive.
 */
import { countText } from '../arabic/plural.ts';
import type { Content } from '../content/load.ts';
import type { Entity } from '../content/schema.ts';
import { DATE_BASES } from '../content/schema.ts';
import type { ComparedArticle, EventComparison } from '../analysis/event-comparison.ts';
import { deriveArticles, type DerivedStore } from '../analysis/derive/derive.ts';
import { drawMaps } from '../analysis/derive/map-batch.ts';
import { articleViews } from './articles.ts';
import { agencyViews, newestFirstLists, outletViews, yearViews } from './browse-lists.ts';
import { compareEvents } from './comparisons.ts';
import { entityViews, namingTable } from './entities.ts';
import { eventView } from './events.ts';
import { freezeDeep } from '../core/freeze.ts';
import { byDateAsc, LONG_LIST } from './list-order.ts';
import { eventMapPlan, mapSetting, placeMapPlan, type MapPlan } from './maps.ts';
import { groupPlaces, placesNamedBy, placeTree, placeViews } from './places.ts';
import { contentRefs } from './refs.ts';
import { ARTICLES_NEWEST_PATH, articlePath } from './site-paths.ts';
import { DATE_BASIS_LABELS, DATE_BASIS_NAMES, NAV, NOUNS } from './ui-strings.ts';
import type { Archive, ArticleView, SiteInfo } from './views.ts';

export interface ArchiveOptions {
  /** Where each article's derived data is kept between builds (none: everything is computed). */
  store?: DerivedStore;
  /** A process that builds again (npm start): keep what this build digested for the next one (src/cache/process-memory.ts). */
  keep?: boolean;
}

/** Builds the archive from validated content. */
export function buildArchive(content: Content, site: SiteInfo, entities: Record<string, Entity> = {}, options: ArchiveOptions = {}): Archive {
  const refs = contentRefs(content);
  const derived = deriveArticles(
    content.articles.map(({ data, body }) => ({
      id: data.id,
      title: data.title,
      date: data.date,
      body,
      inEvent: data.events.some(refs.isEvent),
    })),
    entities,
    options.store,
    { keep: options.keep },
  );

  // Events newest first; each event's articles oldest first, as its page reads them.
  const eventFiles = [...content.events].sort((a, b) => b.data.start.localeCompare(a.data.start));
  // What the comparison reads of an article (its page and outlet), made before the article views, which show its result.
  const compared = content.articles.map(({ data }): ComparedArticle & { date: { iso: string }; events: readonly string[] } => ({
    id: data.id,
    url: articlePath(data.id),
    title: data.title,
    outlet: refs.outlet(data.outlet),
    date: { iso: data.date },
    events: data.events,
  }));
  const comparisons = compareEvents(
    eventFiles.map(({ data }) => ({ id: data.id, title: data.title, articles: compared.filter((a) => a.events.includes(data.id)).sort(byDateAsc) })),
    derived,
  );

  const articles = articleViews(content.articles, refs, { html: derived.html, paragraphs: derived.paragraphs, sharedPassages: comparisons.sharedPassages });
  const articlesOf = (eventId: string): ArticleView[] => articles.filter((a) => a.events.some((e) => e.id === eventId)).sort(byDateAsc);
  const eventArticles = new Map(eventFiles.map(({ data }) => [data.id, articlesOf(data.id)]));

  const tree = placeTree(content, [...placesNamedBy(articles), ...eventFiles.flatMap(({ data }) => data.places.map((name) => refs.place(name).slug))], refs);

  // Every map planned, then drawn together (on two threads where many are new).
  const setting = mapSetting(content, tree.slugs);
  const eventPlans = eventFiles.map(({ data }) =>
    eventMapPlan(setting, {
      id: data.id,
      title: data.title,
      places: data.places.map((name) => refs.place(name).slug),
      articlePlaces: (eventArticles.get(data.id) ?? []).flatMap((a) => a.places.map((p) => p.slug)),
    }),
  );
  const placePlans = new Map(
    [...tree.slugs].map((slug) => [slug, placeMapPlan(setting, { slug, name: refs.placeBySlug(slug).name, children: tree.childrenOf(slug).map((c) => c.slug) })]),
  );
  const maps = drawnMaps([...eventPlans, ...placePlans.values()], options.store);

  const entityList = entityViews(articles, entities, derived);
  const events = eventFiles.map((file, i) => {
    const inEvent = eventArticles.get(file.data.id) ?? [];
    return eventView(file, refs, {
      articles: inEvent,
      comparison: comparisons.byEvent[i] as EventComparison,
      map: maps.get(eventPlans[i] ?? null) ?? null,
      naming: namingTable(inEvent, entityList, derived),
      mentions: derived.mentions,
    });
  });
  const places = placeViews(content, tree, articles, refs, (slug) => maps.get(placePlans.get(slug) ?? null) ?? null);
  const outlets = outletViews(content, articles, refs);
  const years = yearViews(articles);
  const agencies = agencyViews(articles, refs);
  const articlesNewestUrl = articles.length >= LONG_LIST ? ARTICLES_NEWEST_PATH : null;

  return freezeDeep({
    site,
    articles,
    events,
    outlets,
    places,
    years,
    agencies,
    entities: entityList,
    counts: { articles: articles.length, events: events.length, outlets: outlets.length, places: places.length, years: years.length },
    countLabels: {
      articles: countText(articles.length, NOUNS.article),
      events: countText(events.length, NOUNS.event),
      outlets: countText(outlets.length, NOUNS.outlet),
      places: countText(places.length, NOUNS.place),
      years: countText(years.length, NOUNS.year),
      agencies: countText(agencies.length, NOUNS.agency),
    },
    latest: articles.slice(0, 10),
    articlesOldestFirst: [...articles].sort(byDateAsc),
    articlesNewestUrl,
    newestLists: newestFirstLists({ articles, articlesNewestUrl, events, outlets, places, years, agencies }),
    placeGroups: groupPlaces(places),
    nav: NAV,
    dateBases: DATE_BASES.map((key) => ({ key, name: DATE_BASIS_NAMES[key], label: DATE_BASIS_LABELS[key] })),
  });
}

/** Each plan's drawn map with what is listed under it. */
function drawnMaps(plans: ReadonlyArray<MapPlan | null>, store: DerivedStore | undefined): Map<MapPlan | null, { svg: string; listed: MapPlan['listed'] }> {
  const planned = plans.filter((p): p is MapPlan => p !== null);
  const svgs = drawMaps(
    planned.map((p) => p.draw),
    store,
  );
  return new Map(planned.map((p, i) => [p, { svg: svgs[i] as string, listed: p.listed }]));
}
