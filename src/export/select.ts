/**
 * Which articles `npm run list` shows: by outlet key, event key, place (its canonical Arabic
 * name, its Latin slug or a spelling variant, as the gazetteer knows them) and a publication
 * date range (`--from`/`--to` as YYYY, YYYY-MM or YYYY-MM-DD, both ends included). Pure; an
 * unknown key or a malformed date is a problem line that says what to pass, never an empty list
 * that looks like an answer.
 */
import { parseIsoDate } from '../arabic/calendar.ts';
import type { Archive } from '../model/views.ts';
import { articleRows, type ArticleRow } from './rows.ts';

export interface Selection {
  outlet?: string | undefined;
  event?: string | undefined;
  place?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The first and last day a 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' covers, or null when it is not such a date. */
export function dayRange(value: string): { first: string; last: string } | null {
  if (/^\d{4}$/.test(value)) return { first: `${value}-01-01`, last: `${value}-12-31` };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    const days = new Date(Date.UTC(Number(month[1]), m, 0)).getUTCDate();
    return { first: `${value}-01`, last: `${value}-${String(days).padStart(2, '0')}` };
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseIsoDate(value) ? { first: value, last: value } : null;
}

export type SelectResult = { rows: ArticleRow[] } | { problem: string };

export function selectArticles(archive: Pick<Archive, 'site' | 'articles' | 'events' | 'outlets' | 'places'>, s: Selection): SelectResult {
  let rows = articleRows(archive);
  if (s.outlet !== undefined) {
    const keys = archive.outlets.map((o) => o.key);
    if (!keys.includes(s.outlet)) return { problem: `--outlet "${s.outlet}" has no articles; pass one of: ${keys.join(', ')}` };
    rows = rows.filter((r) => r.outlet === s.outlet);
  }
  if (s.event !== undefined) {
    const keys = archive.events.map((e) => e.id);
    if (!keys.includes(s.event)) return { problem: `--event "${s.event}" is not an event; pass one of: ${keys.join(', ')}` };
    rows = rows.filter((r) => r.events.includes(s.event as string));
  }
  if (s.place !== undefined) {
    const wanted = s.place.trim();
    const place = archive.places.find((p) => p.slug === wanted || p.name === wanted || p.variants.includes(wanted) || p.name_en.toLowerCase() === wanted.toLowerCase());
    if (!place)
      return { problem: `--place "${s.place}" is not a place of the archive; pass a place's Arabic name, English name or slug (see /places/ or content/data/places.yml)` };
    rows = rows.filter((r) => r.places.includes(place.name));
  }
  for (const [flag, value] of [
    ['--from', s.from],
    ['--to', s.to],
  ] as const) {
    if (value !== undefined && !dayRange(value)) return { problem: `${flag} "${value}" is not a date; pass YYYY, YYYY-MM or YYYY-MM-DD` };
  }
  const from = s.from !== undefined ? dayRange(s.from)?.first : undefined;
  const to = s.to !== undefined ? dayRange(s.to)?.last : undefined;
  if (from && to && from > to) return { problem: `--from ${s.from} is after --to ${s.to}; swap them` };
  if (from) rows = rows.filter((r) => r.date >= from);
  if (to) rows = rows.filter((r) => r.date <= to);
  return { rows };
}
