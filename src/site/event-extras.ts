/**
 * What the archive adds once its views exist: each event's comparison of outlets and its map,
 * each article's passages shared with other outlets, each place's map.
 */
import type { Content } from '../content/load.ts';
import type { Place } from '../content/schema.ts';
import { compareEvent } from './event-comparison.ts';
import { renderPlaceMap, type MapPlace } from './map.ts';
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

export function addComparisonsAndMaps(archive: Archive, content: Content): void {
  for (const event of archive.events) {
    event.comparison = compareEvent(event.articles);
    for (const p of event.comparison.passages) {
      for (const [mine, other] of [[p.a, p.b], [p.b, p.a]] as const) {
        const article = event.articles.find((a) => a.id === mine.articleId);
        if (!article || article.sharedPassages.some((s) => s.anchor === mine.anchor && s.elsewhere.href === other.href)) continue;
        article.sharedPassages.push({ anchor: mine.anchor, text: mine.text, words: p.words, elsewhere: { href: other.href, title: other.title, outlet: other.outlet } });
      }
    }
    const places = eventMapPlaces(
      content,
      event.places.map((p) => p.slug),
      event.articles.flatMap((a) => a.places.map((p) => p.slug)),
    );
    event.mapSvg = places.some((p) => p.kind !== 'country') ? renderPlaceMap(places, { title: `خريطة ${event.title}`, id: `map-event-${event.id}` }) : '';
  }
  for (const place of archive.places) {
    const own = mapPlace(content, place.slug, 'primary');
    if (!own) continue;
    const around = place.children.flatMap((c) => mapPlace(content, c.slug, 'secondary') ?? []).filter((p) => p.kind !== 'country');
    const places = own.kind === 'country' ? around : [own, ...around];
    if (places.length === 0) continue;
    place.mapSvg = renderPlaceMap(own.kind === 'country' ? [own, ...around] : places, { title: `خريطة ${place.name}`, id: `map-place-${place.slug}` });
  }
}
