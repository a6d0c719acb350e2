/**
 * Which archive events an article belongs to: `--event`, else the events whose date range
 * (plus a week of aftermath) holds the article's date and whose places the article names.
 * Countries do not count as evidence: every article about Syria names Syria.
 */
import type { Content } from '../content/load.ts';

const AFTERMATH_DAYS = 7;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Canonical names of the places that are specific enough to tie an article to an event. */
function specificPlaces(content: Content, names: string[]): Set<string> {
  const kindByName = new Map(Object.values(content.places.entries).map((p) => [p.name, p.kind]));
  return new Set(names.filter((n) => kindByName.get(n) !== 'country'));
}

export function matchEvents(content: Content, date: string | undefined, placeNames: string[]): string[] {
  const named = specificPlaces(content, placeNames);
  return content.events
    .filter((e) => {
      const inRange = date === undefined || (date >= e.data.start && date <= addDays(e.data.end, AFTERMATH_DAYS));
      return inRange && e.data.places.some((p) => named.has(p));
    })
    .map((e) => e.data.id)
    .sort();
}
