/**
 * The place views: a page for every place an article or event names, and for their parents (so
 * breadcrumbs resolve), each with its articles oldest first, its parents and children, its
 * coordinates for display and its map; and the places grouped by kind.
 */
import { countText } from '../arabic/plural.ts';
import type { Content } from '../content/load.ts';
import { PLACE_KINDS, type Place } from '../content/schema.ts';
import { formatCoordinates } from './format.ts';
import { byDateAsc, newestUrlOf } from './list-order.ts';
import type { Refs } from './refs.ts';
import { placePath } from './site-paths.ts';
import { NOUNS, PLACE_KIND_LABELS, PLACE_KIND_PLURALS } from './ui-strings.ts';
import type { ArticleView, MapListItem, PlaceGroup, PlaceRef, PlaceView } from './views.ts';

/** The places that get a page, and how they hang together. */
export interface PlaceTree {
  /** Slugs of every place with a page. */
  slugs: ReadonlySet<string>;
  /** A place's children that have a page, by name. */
  childrenOf(slug: string): PlaceRef[];
  /** A place's parents, outermost first. */
  parentsOf(slug: string): PlaceRef[];
}

/** `named`: the slugs the articles (newest first) and then the events name. */
export function placeTree(content: Content, named: Iterable<string>, refs: Refs): PlaceTree {
  const entries = content.places.entries;
  const slugs = new Set<string>();
  for (const slug of named) {
    for (let s: string | null = slug; s && entries[s] && !slugs.has(s); s = entries[s]?.parent ?? null) slugs.add(s);
  }
  const children = new Map<string, string[]>();
  for (const s of slugs) {
    const parent = entries[s]?.parent;
    if (!parent) continue;
    const list = children.get(parent);
    if (list) list.push(s);
    else children.set(parent, [s]);
  }
  return {
    slugs,
    childrenOf: (slug) => (children.get(slug) ?? []).map(refs.placeBySlug).sort((a, b) => a.name.localeCompare(b.name, 'ar')),
    parentsOf: (slug) => {
      const chain: PlaceRef[] = [];
      for (let p = entries[slug]?.parent ?? null; p && entries[p]; p = entries[p]?.parent ?? null) chain.unshift(refs.placeBySlug(p));
      return chain;
    },
  };
}

/** The slugs an archive's articles (newest first: their places and their related material's) name. */
export function placesNamedBy(articles: readonly ArticleView[]): string[] {
  return articles.flatMap((a) => [...a.places, ...a.relatedMaterial.flatMap((m) => m.places)].map((p) => p.slug));
}

/**
 * Every place of `tree`, most written about first; `articles`: newest first; `mapOf`: each place's
 * drawn map and what is listed under it, or null.
 */
export function placeViews(
  content: Content,
  tree: PlaceTree,
  articles: readonly ArticleView[],
  refs: Refs,
  mapOf: (slug: string) => { svg: string; listed: readonly MapListItem[] } | null,
): PlaceView[] {
  const entries = content.places.entries;
  // each place's articles, in the articles' order, in one pass
  const articlesAt = new Map<string, ArticleView[]>();
  for (const a of articles) {
    for (const slug of new Set(a.places.map((r) => r.slug))) {
      const list = articlesAt.get(slug);
      if (list) list.push(a);
      else articlesAt.set(slug, [a]);
    }
  }
  return [...tree.slugs]
    .map((slug): PlaceView => {
      const p = entries[slug] as Place;
      const here = [...(articlesAt.get(slug) ?? [])].sort(byDateAsc);
      const map = mapOf(slug);
      return {
        ...refs.placeBySlug(slug),
        mapSvg: map?.svg ?? '',
        mapPlaces: map?.listed ?? [],
        kind: p.kind,
        kindLabel: PLACE_KIND_LABELS[p.kind],
        coordinates: p.coordinates,
        coordinatesText: p.coordinates ? formatCoordinates(p.coordinates) : null,
        mapUrl: p.coordinates ? `https://www.openstreetmap.org/?mlat=${p.coordinates[0]}&mlon=${p.coordinates[1]}#map=10/${p.coordinates[0]}/${p.coordinates[1]}` : null,
        articleCount: countText(here.length, NOUNS.article),
        variants: p.variants,
        parents: tree.parentsOf(slug),
        children: tree.childrenOf(slug),
        articles: here,
        newestUrl: newestUrlOf(placePath(slug), here),
      };
    })
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));
}

/** Places grouped by kind in the gazetteer's order of kinds (countries first), names sorted. */
export function groupPlaces(places: readonly PlaceView[]): PlaceGroup[] {
  return PLACE_KINDS.map((kind) => ({
    kind,
    label: PLACE_KIND_PLURALS[kind],
    places: places.filter((p) => p.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'ar')),
  })).filter((g) => g.places.length > 0);
}
