/**
 * What the archive adds once its views exist: each event's comparison of outlets and its map,
 * each article's passages shared with other outlets, each place's map.
 */
import { geoDistance } from 'd3-geo';
import type { Content } from '../content/load.ts';
import type { Place } from '../content/schema.ts';
import { compareEvent, type KnownTexts } from '../analysis/event-comparison.ts';
import { mapBounds, renderPlaceMap, riversInView, type MapOptions, type MapPlace, type MapRiver } from '../analysis/maps/map.ts';
import type { Archive } from './archive.ts';

export interface SharedPassageNote {
  /** This article's paragraph. */
  anchor: string;
  text: string;
  words: number;
  /** Where else it appears. */
  elsewhere: { href: string; title: string; outlet: string };
}

function mapPlace(content: Content, slug: string, emphasis: 'primary' | 'secondary'): MapPlace | undefined {
  const p = content.places.entries[slug] as Place | undefined;
  if (!p?.coordinates) return undefined;
  return { slug, name: p.name, name_en: p.name_en, kind: p.kind, coordinates: p.coordinates, url: `/places/${slug}/`, emphasis };
}

/** Kinds of place that give a lone place its surroundings: settlements and landmarks, not areas. */
const CONTEXT_KINDS = new Set<Place['kind']>(['city', 'town', 'village', 'camp', 'oil-field', 'landmark', 'border-crossing']);
/** How many of the nearest such places, and how far they may be. */
const CONTEXT_COUNT = 6;
const CONTEXT_KM = 120;

/**
 * What a map of one place shows around it: the governorate it lies in (drawn at its capital's
 * point) and the nearest places of the gazetteer within CONTEXT_KM, as secondary places. Linked
 * only where the site has a page for them (`pages`: slugs).
 */
export function contextPlaces(content: Content, slug: string, pages: ReadonlySet<string>): MapPlace[] {
  const entries = content.places.entries;
  const own = entries[slug] as Place | undefined;
  if (!own?.coordinates) return [];
  const withUrl = (place: MapPlace): MapPlace => {
    if (pages.has(place.slug)) return place;
    const { url: _none, ...rest } = place;
    return rest;
  };
  const out: MapPlace[] = [];
  const taken = new Set<string>([own.coordinates.join(',')]);
  for (let p = own.parent; p && entries[p]; p = entries[p]?.parent ?? null) {
    if (entries[p]?.kind !== 'governorate') continue;
    const gov = mapPlace(content, p, 'secondary');
    if (gov && !taken.has(gov.coordinates.join(','))) {
      out.push(withUrl(gov));
      taken.add(gov.coordinates.join(','));
    }
    break;
  }
  const [lat, lon] = own.coordinates;
  const near = Object.entries(entries)
    .flatMap(([s, p]) => {
      if (s === slug || !p.coordinates || !CONTEXT_KINDS.has(p.kind) || taken.has(p.coordinates.join(','))) return [];
      const km = geoDistance([lon, lat], [p.coordinates[1], p.coordinates[0]]) * 6371;
      return km <= CONTEXT_KM ? [{ slug: s, km }] : [];
    })
    .sort((a, b) => a.km - b.km || a.slug.localeCompare(b.slug));
  for (const { slug: s } of near) {
    if (out.length >= CONTEXT_COUNT + 1) break;
    const place = mapPlace(content, s, 'secondary');
    if (!place || taken.has(place.coordinates.join(','))) continue;
    taken.add(place.coordinates.join(','));
    out.push(withUrl(place));
  }
  return out;
}

/** A lone place with its surroundings is drawn close up: they lie within CONTEXT_KM. */
const CLOSE_UP = { paddingDegrees: 0.35, minSpanDegrees: [1.8, 1.35] as [number, number] };

/** The gazetteer's rivers that have a course, in the gazetteer's order. */
function gazetteerRivers(content: Content): MapRiver[] {
  return Object.entries(content.places.entries).flatMap(([slug, p]) => (p.course ? [{ slug, name: p.name, course: p.course }] : []));
}

/**
 * The options of a map with the rivers its view crosses: a lone place has its river for context,
 * and every map shows the rivers it spans.
 */
function withRivers(places: MapPlace[], options: MapOptions, rivers: readonly MapRiver[]): MapOptions {
  const crossing = riversInView(rivers, mapBounds(places, options));
  return crossing.length ? { ...options, rivers: crossing } : options;
}

/**
 * The places drawn on a map (countries aside), then its rivers, as the page lists them under it.
 * A river links to its page where the site has one (`pages`: slugs).
 */
function listed(places: MapPlace[], options: MapOptions, pages: ReadonlySet<string>): Array<{ name: string; url: string | null }> {
  return [
    ...places.filter((p) => p.kind !== 'country').map((p) => ({ name: p.name, url: p.url ?? null })),
    ...(options.rivers ?? []).map((r) => ({ name: r.name, url: pages.has(r.slug) ? `/places/${r.slug}/` : null })),
  ];
}

/** The event's own places first; the places its articles name, bar countries, after. */
function eventMapPlaces(content: Content, primary: string[], secondary: string[]): MapPlace[] {
  const seen = new Set<string>();
  const out: MapPlace[] = [];
  for (const [slugs, emphasis] of [[primary, 'primary'], [secondary, 'secondary']] as const) {
    for (const slug of slugs) {
      if (seen.has(slug)) continue;
      seen.add(slug);
      const place = mapPlace(content, slug, emphasis);
      if (place && (emphasis === 'primary' || place.kind !== 'country')) out.push(place);
    }
  }
  return out;
}

export interface ExtrasOptions extends KnownTexts {
  /** Draws a map (through a cache, say); renderPlaceMap by default. */
  drawMap?: typeof renderPlaceMap;
}

/** `options`: what the build already knows of the articles' texts (see compareEvent), and how to draw maps. */
export function addComparisonsAndMaps(archive: Archive, content: Content, options: ExtrasOptions): void {
  const drawMap = options.drawMap ?? renderPlaceMap;
  const pages = new Set(archive.places.map((p) => p.slug));
  const rivers = gazetteerRivers(content);
  // (anchor, other paragraph) pairs each article already notes: an article in several events is noted once
  const noted = new Map<string, Set<string>>();
  for (const event of archive.events) {
    event.comparison = compareEvent(event.articles, options);
    const byId = new Map(event.articles.map((a) => [a.id, a]));
    for (const p of event.comparison.passages) {
      for (const [mine, other] of [[p.a, p.b], [p.b, p.a]] as const) {
        const article = byId.get(mine.articleId);
        if (!article) continue;
        let seen = noted.get(article.id);
        if (!seen) noted.set(article.id, (seen = new Set(article.sharedPassages.map((s) => `${s.anchor} ${s.elsewhere.href}`))));
        const key = `${mine.anchor} ${other.href}`;
        if (seen.has(key)) continue;
        seen.add(key);
        article.sharedPassages.push({ anchor: mine.anchor, text: mine.text, words: p.words, elsewhere: { href: other.href, title: other.title, outlet: other.outlet } });
      }
    }
    const places = eventMapPlaces(
      content,
      event.places.map((p) => p.slug),
      event.articles.flatMap((a) => a.places.map((p) => p.slug)),
    );
    const points = places.filter((p) => p.kind !== 'country');
    // one place alone: its governorate and the nearest places around it, close up
    const context = points.length === 1 ? contextPlaces(content, (points[0] as MapPlace).slug, pages).filter((c) => !places.some((p) => p.slug === c.slug)) : [];
    places.push(...context);
    const close = context.length ? CLOSE_UP : {};
    const mapOptions = points.length ? withRivers(places, { title: `خريطة ${event.title}`, id: `map-event-${event.id}`, ...close }, rivers) : undefined;
    event.mapSvg = mapOptions ? drawMap(places, mapOptions) : '';
    event.mapPlaces = mapOptions ? listed(places, mapOptions, pages) : [];
  }
  for (const place of archive.places) {
    const own = mapPlace(content, place.slug, 'primary');
    if (!own) continue;
    const around = place.children.flatMap((c) => mapPlace(content, c.slug, 'secondary') ?? []).filter((p) => p.kind !== 'country');
    const context = own.kind !== 'country' && around.length === 0 ? contextPlaces(content, place.slug, pages) : [];
    around.push(...context);
    const places = own.kind === 'country' ? around : [own, ...around];
    if (places.length === 0) continue;
    const close = context.length ? CLOSE_UP : {};
    const drawn = own.kind === 'country' ? [own, ...around] : places;
    const mapOptions = withRivers(drawn, { title: `خريطة ${place.name}`, id: `map-place-${place.slug}`, ...close }, rivers);
    place.mapSvg = drawMap(drawn, mapOptions);
    place.mapPlaces = listed(places, mapOptions, pages);
  }
}
