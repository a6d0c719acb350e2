/**
 * Country outlines for the build-time maps: Natural Earth 1:50m admin-0 countries as shipped by
 * the npm package world-atlas (countries-50m.json, TopoJSON; countries-110m.json for views too
 * wide for that detail), converted to GeoJSON once per process and kept in memory with each
 * country's geographic bounds.
 *
 * Natural Earth draws de facto boundaries: the occupied Golan lies inside Israel's polygon, and
 * Northern Cyprus is a separate polygon without an ISO id. The outlines are drawn as they come;
 * only the labels below are ours.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type CountryGeometry = Polygon | MultiPolygon;

export interface Country {
  /** ISO 3166-1 numeric code as world-atlas gives it ("760"), or null (N. Cyprus, Kosovo…). */
  id: string | null;
  /** Natural Earth's English short name ("Syria", "N. Cyprus"). */
  name: string;
  feature: Feature<CountryGeometry>;
  /** Geographic bounds [[west, south], [east, north]]; west > east when it crosses 180°. */
  bounds: [[number, number], [number, number]];
}

/**
 * Arabic labels for the countries a map of Syria and its neighbours can show, keyed by ISO
 * numeric code. The names of countries that are in content/data/places.yml are spelled as there,
 * so a country given as a place (سوريا) is matched to its outline by name.
 */
export const COUNTRY_NAMES_AR: Readonly<Record<string, { ar: string; en: string }>> = {
  '760': { ar: 'سوريا', en: 'Syria' },
  '368': { ar: 'العراق', en: 'Iraq' },
  '792': { ar: 'تركيا', en: 'Turkey' },
  '400': { ar: 'الأردن', en: 'Jordan' },
  '422': { ar: 'لبنان', en: 'Lebanon' },
  '376': { ar: 'إسرائيل', en: 'Israel' },
  '275': { ar: 'فلسطين', en: 'Palestine' },
  '682': { ar: 'السعودية', en: 'Saudi Arabia' },
  '364': { ar: 'إيران', en: 'Iran' },
  '196': { ar: 'قبرص', en: 'Cyprus' },
  '818': { ar: 'مصر', en: 'Egypt' },
  '414': { ar: 'الكويت', en: 'Kuwait' },
  '268': { ar: 'جورجيا', en: 'Georgia' },
  '051': { ar: 'أرمينيا', en: 'Armenia' },
  '031': { ar: 'أذربيجان', en: 'Azerbaijan' },
  '300': { ar: 'اليونان', en: 'Greece' },
};

/** ISO numeric code of Syria, the country every map emphasises. */
export const SYRIA_ID = '760';

const require = createRequire(import.meta.url);

/** Natural Earth scales shipped by world-atlas: 1:50m for the region, 1:110m for wide views. */
export type Resolution = '50m' | '110m';
const cache = new Map<Resolution, readonly Country[]>();

/**
 * All countries of world-atlas's countries-<resolution>.json, read and converted on the first
 * call for that resolution only (countries-50m.json is ~750 kB).
 */
export function loadCountries(resolution: Resolution = '50m'): readonly Country[] {
  const cached = cache.get(resolution);
  if (cached) return cached;
  const file = require.resolve(`world-atlas/countries-${resolution}.json`);
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const countries = Object.freeze(
    collection.features
      .filter((f): f is Feature<CountryGeometry, { name: string }> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
      .map((f) => ({
        id: f.id === undefined ? null : String(f.id),
        name: f.properties?.name ?? '',
        feature: f,
        bounds: geoBounds(f),
      })),
  );
  cache.set(resolution, countries);
  return countries;
}

/** The country a place of kind `country` stands for, matched by its Arabic or English name. */
export function countryForPlace(name: string, nameEn: string): Country | undefined {
  const countries = loadCountries();
  for (const [id, label] of Object.entries(COUNTRY_NAMES_AR)) {
    if (label.ar === name || label.en === nameEn) return countries.find((c) => c.id === id);
  }
  return countries.find((c) => c.name === nameEn);
}
