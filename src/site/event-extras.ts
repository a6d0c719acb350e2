/**
 * What the archive adds once its views exist: each event's comparison of outlets and its map,
 * each article's passages shared with other outlets, each place's map.
 */
import type { Content } from '../content/load.ts';
import type { Place } from '../content/schema.ts';
import { compareEvent, type KnownTexts } from './event-comparison.ts';
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

export interface ExtrasOptions extends KnownTexts {
  /** Draws a map (through a cache, say); renderPlaceMap by default. */
  drawMap?: typeof renderPlaceMap;
}

/** `options`: what the build already knows of the articles' texts (see compareEvent), and how to draw maps. */
export function addComparisonsAndMaps(archive: Archive, content: Content, options: ExtrasOptions = {}): void {
  const drawMap = options.drawMap ?? renderPlaceMap;
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
    event.mapSvg = places.some((p) => p.kind !== 'country') ? drawMap(places, { title: `خريطة ${event.title}`, id: `map-event-${event.id}` }) : '';
  }
  for (const place of archive.places) {
    const own = mapPlace(content, place.slug, 'primary');
    if (!own) continue;
    const around = place.children.flatMap((c) => mapPlace(content, c.slug, 'secondary') ?? []).filter((p) => p.kind !== 'country');
    const places = own.kind === 'country' ? around : [own, ...around];
    if (places.length === 0) continue;
    place.mapSvg = drawMap(own.kind === 'country' ? [own, ...around] : places, { title: `خريطة ${place.name}`, id: `map-place-${place.slug}` });
  }
}
