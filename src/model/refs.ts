/**
 * The short references views make to one another (an article's outlet, places, events and
 * agencies; a place's parents and children), resolved from validated content.
 */
import type { Content } from '../content/load.ts';
import type { Outlet, Place } from '../content/schema.ts';
import { agencyPath, agencySlug, eventPath, outletPath, placePath } from './site-paths.ts';
import type { AgencyRef, EventRef, OutletRef, PlaceRef } from './views.ts';

export interface Refs {
  outlet(key: string): OutletRef;
  /** By the gazetteer's slug. */
  placeBySlug(slug: string): PlaceRef;
  /** By the canonical Arabic name, as front matter names places. */
  place(name: string): PlaceRef;
  event(id: string): EventRef;
  agency(name: string): AgencyRef;
  /** Whether an event of that id exists. */
  isEvent(id: string): boolean;
}

export function contentRefs(content: Content): Refs {
  const slugByName = new Map<string, string>();
  for (const [slug, place] of Object.entries(content.places.entries)) slugByName.set(place.name, slug);
  const eventTitles = new Map(content.events.map((e) => [e.data.id, e.data.title]));
  const placeBySlug = (slug: string): PlaceRef => {
    const p = content.places.entries[slug] as Place;
    return { slug, url: placePath(slug), name: p.name, name_en: p.name_en };
  };
  return {
    outlet: (key) => {
      const o = content.outlets.entries[key] as Outlet;
      return { key, url: outletPath(key), name_ar: o.name_ar, name_en: o.name_en };
    },
    placeBySlug,
    place: (name) => placeBySlug(slugByName.get(name) as string),
    event: (id) => ({ id, url: eventPath(id), title: eventTitles.get(id) ?? id }),
    agency: (name) => ({ slug: agencySlug(name), url: agencyPath(name), name }),
    isEvent: (id) => eventTitles.has(id),
  };
}
