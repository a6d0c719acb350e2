/**
 * The maps of the event and place pages, planned before any view is made: what each map draws
 * (the event's or the place's places, their surroundings, the rivers in view) and what is listed
 * under it. The model draws every planned map at once (src/analysis/derive/map-batch.ts) and
 * makes the views with them.
 */
import { geoDistance } from 'd3-geo';
import type { Content } from '../content/load.ts';
import type { Place } from '../content/schema.ts';
import { mapBounds, riversInView, type MapOptions, type MapPlace, type MapRiver } from '../analysis/maps/map.ts';
import type { MapArgs } from '../analysis/derive/map-batch.ts';
import { TITLES } from './ui-strings.ts';
import { placePath } from './site-paths.ts';
import type { MapListItem } from './views.ts';

function mapPlace(content: Content, slug: string, emphasis: 'primary' | 'secondary'): MapPlace | undefined {
  const p = content.places.entries[slug] as Place | undefined;
  if (!p?.coordinates) return undefined;
  return { slug, name: p.name, name_en: p.name_en, kind: p.kind, coordinates: p.coordinates, url: placePath(slug), emphasis };
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
function listed(places: MapPlace[], options: MapOptions, pages: ReadonlySet<string>): MapListItem[] {
  return [
    ...places.filter((p) => p.kind !== 'country').map((p) => ({ name: p.name, url: p.url ?? null })),
    ...(options.rivers ?? []).map((r) => ({ name: r.name, url: pages.has(r.slug) ? placePath(r.slug) : null })),
  ];
}

/** The event's own places first; the places its articles name, bar countries, after. */
function eventMapPlaces(content: Content, primary: readonly string[], secondary: readonly string[]): MapPlace[] {
  const seen = new Set<string>();
  const out: MapPlace[] = [];
  for (const [slugs, emphasis] of [
    [primary, 'primary'],
    [secondary, 'secondary'],
  ] as const) {
    for (const slug of slugs) {
      if (seen.has(slug)) continue;
      seen.add(slug);
      const place = mapPlace(content, slug, emphasis);
      if (place && (emphasis === 'primary' || place.kind !== 'country')) out.push(place);
    }
  }
  return out;
}

/** A map to draw (renderPlaceMap's arguments) and the places and rivers listed under it. */
export interface MapPlan {
  draw: MapArgs;
  listed: MapListItem[];
}

/** What every map of the archive is planned against: the gazetteer, its rivers, and the places that have a page (slugs). */
export interface MapSetting {
  content: Content;
  pages: ReadonlySet<string>;
  rivers: readonly MapRiver[];
}

export function mapSetting(content: Content, pages: ReadonlySet<string>): MapSetting {
  return { content, pages, rivers: gazetteerRivers(content) };
}

/**
 * An event's map: its own places, then the places its articles name (`articlePlaces`, slugs, in
 * the event's order of articles); one place alone with its governorate and the nearest places,
 * close up. Null when no place has coordinates.
 */
export function eventMapPlan(
  { content, pages, rivers }: MapSetting,
  event: { id: string; title: string; places: readonly string[]; articlePlaces: readonly string[] },
): MapPlan | null {
  const places = eventMapPlaces(content, event.places, event.articlePlaces);
  const points = places.filter((p) => p.kind !== 'country');
  if (!points.length) return null;
  // one place alone: its governorate and the nearest places around it, close up
  const context = points.length === 1 ? contextPlaces(content, (points[0] as MapPlace).slug, pages).filter((c) => !places.some((p) => p.slug === c.slug)) : [];
  places.push(...context);
  const close = context.length ? CLOSE_UP : {};
  const mapOptions = withRivers(places, { title: TITLES.map(event.title), id: `map-event-${event.id}`, ...close }, rivers);
  return { draw: [places, mapOptions], listed: listed(places, mapOptions, pages) };
}

/**
 * A place's map: the place and the places under it (`children`, slugs), or, with none, its
 * surroundings close up; a country by its outline. Null without coordinates.
 */
export function placeMapPlan({ content, pages, rivers }: MapSetting, place: { slug: string; name: string; children: readonly string[] }): MapPlan | null {
  const own = mapPlace(content, place.slug, 'primary');
  if (!own) return null;
  const around = place.children.flatMap((c) => mapPlace(content, c, 'secondary') ?? []).filter((p) => p.kind !== 'country');
  const context = own.kind !== 'country' && around.length === 0 ? contextPlaces(content, place.slug, pages) : [];
  around.push(...context);
  const places = own.kind === 'country' ? around : [own, ...around];
  if (places.length === 0) return null;
  const close = context.length ? CLOSE_UP : {};
  const drawn = own.kind === 'country' ? [own, ...around] : places;
  const mapOptions = withRivers(drawn, { title: TITLES.map(place.name), id: `map-place-${place.slug}`, ...close }, rivers);
  return { draw: [drawn, mapOptions], listed: listed(places, mapOptions, pages) };
}
