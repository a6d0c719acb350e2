/**
 * Static SVG maps of places, drawn at build time: country outlines (Natural Earth 1:50m through
 * world-atlas, see map-geo.ts) in a Mercator projection fitted to the places, a marker and an
 * Arabic label for each place, Arabic country names, a scale bar, and the rivers given (the
 * gazetteer's courses) as thin blue lines under the markers and labels, each named by a <title>.
 *
 * Pure: data in, an `<svg>` string out (no Eleventy, no DOM, no network). The same input always
 * gives the same string. The SVG is self-contained (no scripts, fonts, images or external
 * references; the only links are the places' own `url`s), works standalone and inlined in a page:
 * its text inherits the page's font, its colours come from the site's CSS variables where the page
 * defines them (`--text`, `--bg`, `--accent`, `--muted`, `--border`, `--focus`, or the map's own
 * `--map-sea`, `--map-land`, `--map-focus-land`, `--map-border`) and from built-in light and dark
 * palettes otherwise (following `prefers-color-scheme`).
 *
 * Places of kind `country` get no point marker (a country is not a point): their outline is
 * emphasised, and their label links to their `url`. Syria's outline is always emphasised.
 *
 * Accessibility: the root is `role="img"` named by its <title> and <desc> when the map has no
 * links; when it has links it is `role="group"` (named by <title>, described by <desc>), since an
 * image's content is presentational and must not hold focusable links. Each place carries its
 * name in a <title>, also when its label had to be dropped.
 */
import { geoContains, geoDistance, geoMercator, geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { COUNTRY_NAMES_AR, SYRIA_ID, countryForPlace, loadCountries, type Country } from './map-geo.ts';
import { candidatePositions, estimateTextWidth, inside, overlaps, placeLabel, type Box, type LabelPosition } from './map-labels.ts';
import { compactPath, escapeXml, num } from './map-svg.ts';
import { ArshifError } from '../../core/problem.ts';
import { slugify } from '../../core/slug.ts';

export interface MapPlace {
  slug: string;
  /** Canonical Arabic name: the label, and the marker's <title>. */
  name: string;
  name_en: string;
  /** Gazetteer kind; `country` places are shown by their outline instead of a marker. */
  kind: string;
  /** [latitude, longitude] in decimal degrees, as in content/data/places.yml. */
  coordinates: [number, number];
  /** Where the marker links to: a site path (/places/x/) or an http(s) address. */
  url?: string;
  /**
   * `primary` (the default): larger marker, label always shown. `secondary`: smaller marker,
   * label dropped when it cannot be placed without overlapping (the name stays in the marker's
   * <title>).
   */
  emphasis?: 'primary' | 'secondary';
}

/** A river of the gazetteer with a course: drawn as a thin line under the places. */
export interface MapRiver {
  slug: string;
  /** Canonical Arabic name: the line's <title>. */
  name: string;
  /** [latitude, longitude] points, upstream to downstream, as in content/data/places.yml. */
  course: Array<[number, number]>;
}

export interface MapOptions {
  /** Width of the view box in SVG units (default 640). */
  width?: number;
  /** Height of the view box in SVG units (default 480). */
  height?: number;
  /** Arabic title of the map: the SVG's <title>, its accessible name. */
  title: string;
  /** The SVG's <desc>; by default a sentence naming the places shown. */
  description?: string;
  /** Margin around the places' bounding box, in degrees (default 1.5). */
  paddingDegrees?: number;
  /**
   * The smallest area shown, [longitude, latitude] in degrees (default [4, 3]), so that a single
   * place still shows its surroundings; smaller when the caller gives the surroundings itself.
   */
  minSpanDegrees?: [number, number];
  /**
   * Base of the ids of <title> and <desc> (default: "map-" and a slug of `title`). Give one when a
   * page inlines two maps with the same title, so that ids stay unique.
   */
  id?: string;
  /** Rivers to draw (see riversInView); they do not change the area shown. */
  rivers?: MapRiver[];
}

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 480;
const DEFAULT_PADDING = 1.5;
/** The smallest area shown, so that a single place still shows its surroundings. */
const MIN_SPAN_LON = 4;
const MIN_SPAN_LAT = 3;
/** What is shown when no place can set the extent: Syria. */
const FALLBACK_BOUNDS: [number, number, number, number] = [35.6, 32.3, 42.4, 37.4];

/** Kinds whose point stands for an area (its capital's point): labelled after the points. */
const AREA_KINDS = new Set(['country', 'governorate', 'district', 'subdistrict', 'region']);

/**
 * Two label layouts, since the SVG scales with the page: `am-l` for wide screens (the map drawn
 * 576 px wide or more, so 13 units are 11.7 px or more) and `am-s` for phones (drawn 343 px wide
 * at 375 px: 21 units are 11.3 px). Each is placed on its own, the other hidden by a media query
 * of the map's <style> (phone labels carry display="none" for when there is no style).
 */
interface LabelLayout {
  cls: 'am-l' | 'am-s';
  place: { primary: number; secondary: number };
  country: number;
  scale: number;
}
export const LABEL_LAYOUTS: readonly LabelLayout[] = [
  { cls: 'am-l', place: { primary: 15, secondary: 13 }, country: 15, scale: 12 },
  { cls: 'am-s', place: { primary: 22, secondary: 21 }, country: 21, scale: 21 },
];
/** The narrowest viewport, in rem, that gets the wide layout. */
const WIDE_LAYOUT_REM = 38;
const MARKER_RADIUS = { primary: 5.5, secondary: 4 } as const;
/** A view wider than this (in degrees of longitude) is drawn from the 1:110m outlines. */
const WIDE_VIEW_DEGREES = 30;
/** Outline points closer than this (in SVG units) to the previous one are dropped. */
const MIN_STEP = 0.6;
/** Labels and the scale bar keep this far from the edges. */
const EDGE = 4;

const STYLE = [
  '.arshif-map{--am-sea:#dce7ee;--am-land:#f4f1ea;--am-focus:#e9dfc9;--am-border:#9a9488;--am-text:#1c1b19;--am-muted:#5f5b53;--am-halo:#fbfaf7;--am-marker:#8a3a10;--am-focus-ring:#c25e00;--am-river:#4a87b8;',
  'color:var(--text,var(--am-text));font-family:inherit;max-width:100%;height:auto}',
  '@media (prefers-color-scheme:dark){.arshif-map{--am-sea:#1a232d;--am-land:#25272c;--am-focus:#342f25;--am-border:#6f6a61;--am-text:#e9e6df;--am-muted:#b9b4aa;--am-halo:#16171a;--am-marker:#f0a672;--am-focus-ring:#ffb454;--am-river:#5d9ccc}}',
  '.arshif-map .am-sea{fill:var(--map-sea,var(--am-sea))}',
  '.arshif-map .am-frame{stroke:var(--border,var(--am-border))}',
  '.arshif-map .am-land{fill:var(--map-land,var(--am-land));stroke:var(--map-border,var(--am-border))}',
  '.arshif-map .am-focus{fill:var(--map-focus-land,var(--am-focus));stroke:var(--map-border,var(--am-border))}',
  '.arshif-map .am-country{fill:var(--muted,var(--am-muted))}',
  '.arshif-map .am-label{fill:var(--text,var(--am-text));stroke:var(--bg,var(--am-halo))}',
  '.arshif-map .am-marker{fill:var(--accent,var(--am-marker));stroke:var(--bg,var(--am-halo))}',
  '.arshif-map .am-scale{fill:var(--text,var(--am-text));stroke:var(--text,var(--am-text))}',
  '.arshif-map a:hover .am-label{text-decoration:underline}',
  '.arshif-map a:focus-visible .am-marker{stroke:var(--focus,var(--am-focus-ring));stroke-width:3}',
  '.arshif-map a:focus-visible .am-label{text-decoration:underline}',
  '.arshif-map .am-river{fill:none;stroke:var(--map-river,var(--am-river))}',
  '.arshif-map .am-leader{fill:none;stroke:var(--muted,var(--am-muted))}',
  `@media (max-width:${WIDE_LAYOUT_REM - 0.01}rem){.arshif-map .am-s{display:inline}.arshif-map .am-l{display:none}}`,
].join('');

/** Light-palette presentation attributes: what shows if the <style> is stripped. */
const ATTR = {
  sea: 'fill="#dce7ee"',
  frame: 'fill="none" stroke="#9a9488"',
  land: 'fill="#f4f1ea" stroke="#9a9488"',
  focus: 'fill="#e9dfc9" stroke="#9a9488"',
  country: 'fill="#5f5b53"',
  label: 'fill="#1c1b19" stroke="#fbfaf7"',
  marker: 'fill="#8a3a10" stroke="#fbfaf7"',
  scale: 'fill="#1c1b19" stroke="#1c1b19"',
  river: 'fill="none" stroke="#4a87b8"',
} as const;

const SAFE_URL = /^(?:https?:\/\/[^\s]+|\/(?!\/)[^\s]*|\.{1,2}\/[^\s]*|#[^\s]*|[^\s:/?#]+(?:[/?#][^\s]*)?)$/i;

/** A mistake of the calling code (not of the content): a plain error naming the function. */
function usageError(message: string): Error {
  return new Error(`renderPlaceMap: ${message}`);
}

/** A value quoted in a message: JSON quoting, so control and bidi characters show as escapes. */
const quoted = (value: string) => JSON.stringify(value).replace(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function checkInput(places: readonly MapPlace[], options: MapOptions, width: number, height: number, padding: number): void {
  if (!options.title?.trim()) throw usageError('options.title must be a non-empty Arabic title (it becomes the <title>)');
  if (!(width >= 50 && width <= 4000) || !(height >= 50 && height <= 4000)) {
    throw usageError(`width and height must be between 50 and 4000 (got ${width} × ${height})`);
  }
  if (!(padding >= 0 && padding <= 30)) throw usageError(`paddingDegrees must be between 0 and 30 (got ${padding})`);
  for (const p of places) {
    const [lat, lon] = p.coordinates ?? [];
    if (p.coordinates === null || p.coordinates === undefined) {
      throw usageError(`place ${quoted(p.slug)} has no coordinates; leave places without coordinates off the map`);
    }
    if (typeof lat !== 'number' || typeof lon !== 'number' || !(Math.abs(lat) <= 85) || !(Math.abs(lon) <= 180)) {
      // Coordinates come from the gazetteer: say where to mend them.
      throw ArshifError.single({
        file: 'content/data/places.yml',
        field: `${p.slug}.coordinates`,
        message: `${JSON.stringify(p.coordinates)} cannot be drawn on a map (Mercator shows latitudes within ±85°, longitudes within ±180°)`,
        hint: 'write [latitude, longitude] in decimal degrees, latitude first',
      });
    }
    if (p.url !== undefined && !SAFE_URL.test(p.url)) {
      throw usageError(`place ${quoted(p.slug)} has url ${quoted(p.url)}; give a site path or an http(s) address`);
    }
  }
}

type Bounds = [west: number, south: number, east: number, north: number];

/** The area to show: the places (or the countries given as places) plus padding, at least MIN_SPAN. */
function extentOf(
  points: readonly MapPlace[],
  countries: readonly Country[],
  countryPoints: readonly MapPlace[],
  padding: number,
  [minLon, minLat]: [number, number] = [MIN_SPAN_LON, MIN_SPAN_LAT],
): Bounds {
  let b: Bounds | undefined;
  const add = (w: number, s: number, e: number, n: number) => {
    b = b ? [Math.min(b[0], w), Math.min(b[1], s), Math.max(b[2], e), Math.max(b[3], n)] : [w, s, e, n];
  };
  if (points.length) for (const p of points) add(p.coordinates[1], p.coordinates[0], p.coordinates[1], p.coordinates[0]);
  else if (countries.length) {
    for (const c of countries) {
      const [[w, s], [e, n]] = c.bounds;
      if (w <= e) add(w, s, e, n);
    }
  }
  if (!b && countryPoints.length) for (const p of countryPoints) add(p.coordinates[1], p.coordinates[0], p.coordinates[1], p.coordinates[0]);
  let [w, s, e, n] = b ?? FALLBACK_BOUNDS;
  w -= padding;
  e += padding;
  s -= padding;
  n += padding;
  if (e - w < minLon) {
    const mid = (w + e) / 2;
    [w, e] = [mid - minLon / 2, mid + minLon / 2];
  }
  if (n - s < minLat) {
    const mid = (s + n) / 2;
    [s, n] = [mid - minLat / 2, mid + minLat / 2];
  }
  return [Math.max(w, -180), Math.max(s, -85), Math.min(e, 180), Math.min(n, 85)];
}

function intersects(c: Country, view: Bounds): boolean {
  const [[w, s], [e, n]] = c.bounds;
  const lat = s <= view[3] && n >= view[1];
  const lon = w > e || (w <= view[2] && e >= view[0]);
  return lat && lon;
}

/** The polygon of a (multi)polygon feature with the largest visible projected area. */
function largestPart(f: Feature<Polygon | MultiPolygon>, area: (g: Polygon) => number): Polygon {
  if (f.geometry.type === 'Polygon') return f.geometry;
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const coordinates of f.geometry.coordinates) {
    const part: Polygon = { type: 'Polygon', coordinates };
    const a = area(part);
    if (a > bestArea) [best, bestArea] = [part, a];
  }
  return best as Polygon;
}

/**
 * Where a country's name goes: the point nearest the centroid of its largest visible part (on a
 * grid over that part) where the name's box stays in the view, overlaps nothing placed, and has
 * its middle and both ends on the country's own land. Undefined when there is no such point.
 */
function countryLabelPoint(
  part: Polygon,
  cx: number,
  cy: number,
  width: number,
  height: number,
  ctx: { path: GeoPath; projection: GeoProjection; taken: readonly Box[]; view: Box },
): [number, number] | undefined {
  const [[bx0, by0], [bx1, by1]] = ctx.path.bounds(part);
  const x0 = Math.max(bx0, ctx.view.x0) + width / 2;
  const x1 = Math.min(bx1, ctx.view.x1) - width / 2;
  const y0 = Math.max(by0, ctx.view.y0) + height / 2;
  const y1 = Math.min(by1, ctx.view.y1) - height / 2;
  if (!(x0 <= x1 && y0 <= y1)) return undefined;
  const step = Math.max(6, (x1 - x0 + (y1 - y0)) / 40);
  const points: Array<[number, number]> = [[Math.min(Math.max(cx, x0), x1), Math.min(Math.max(cy, y0), y1)]];
  for (let x = x0; x <= x1; x += step) for (let y = y0; y <= y1; y += step) points.push([x, y]);
  const d2 = ([x, y]: [number, number]) => (x - cx) ** 2 + (y - cy) ** 2;
  points.sort((a, b) => d2(a) - d2(b) || a[1] - b[1] || a[0] - b[0]);
  const onLand = (x: number, y: number) => {
    const at = ctx.projection.invert?.([x, y]);
    return at !== undefined && at !== null && geoContains(part, at);
  };
  for (const [x, y] of points) {
    const box = { x0: x - width / 2, y0: y - height / 2, x1: x + width / 2, y1: y + height / 2 };
    if (!inside(box, ctx.view) || ctx.taken.some((t) => overlaps(box, t))) continue;
    if (onLand(x, y) && onLand(box.x0 + 2, y) && onLand(box.x1 - 2, y)) return [x, y];
  }
  return undefined;
}

/** ' display="none"' for the phone layout's elements: what holds when the map's <style> is stripped. */
const hiddenAttr = (layout: LabelLayout) => (layout.cls === 'am-s' ? ' display="none"' : '');

/** The point of `box` nearest to (x, y). */
function nearestPoint(box: Box, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.x0), box.x1), Math.min(Math.max(y, box.y0), box.y1)];
}

const NICE_KM = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000];

function defaultDescription(points: readonly MapPlace[], countries: readonly string[]): string {
  const names = [...points.map((p) => p.name), ...countries];
  return names.length ? `خريطة تُبيّن مواقع: ${names.join('، ')}.` : 'خريطة المنطقة.';
}

/** The area a map shows, in degrees: what `renderPlaceMap` draws for the same input. */
export interface MapBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

interface Frame {
  width: number;
  height: number;
  projection: GeoProjection;
  visible: MapBounds;
  points: MapPlace[];
  placeCountries: Array<{ place: MapPlace; country: Country | undefined }>;
}

/** Checks the input and fits a Mercator projection to the places (see extentOf). */
function frame(places: MapPlace[], options: MapOptions): Frame {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const padding = options.paddingDegrees ?? DEFAULT_PADDING;
  checkInput(places, options, width, height, padding);
  const points = places.filter((p) => p.kind !== 'country');
  const countryPlaces = places.filter((p) => p.kind === 'country');
  const placeCountries = countryPlaces.map((p) => ({ place: p, country: countryForPlace(p.name, p.name_en) }));
  const [w, s, e, n] = extentOf(
    points,
    placeCountries.flatMap((c) => (c.country ? [c.country] : [])),
    countryPlaces,
    padding,
    options.minSpanDegrees,
  );
  const projection = geoMercator().fitExtent(
    [
      [0, 0],
      [width, height],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [w, s],
        [w, n],
        [e, s],
        [e, n],
      ],
    },
  );
  projection.clipExtent([
    [-2, -2],
    [width + 2, height + 2],
  ]);
  // Mercator keeps meridians and parallels straight: the corners give the visible rectangle.
  const [west, north] = projection.invert?.([0, 0]) ?? [w, n];
  const [east, south] = projection.invert?.([width, height]) ?? [e, s];
  return { width, height, projection, visible: { west, south, east, north }, points, placeCountries };
}

/**
 * The longitude/latitude rectangle `renderPlaceMap(places, options)` shows: the places' bounding
 * box plus `paddingDegrees`, at least 4° × 3°, widened to the map's proportions.
 */
export function mapBounds(places: MapPlace[], options: MapOptions): MapBounds {
  return frame(places, options).visible;
}

/** Whether the segment from a to b ([longitude, latitude]) meets the rectangle (Liang–Barsky). */
function segmentMeets([ax, ay]: [number, number], [bx, by]: [number, number], b: MapBounds): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (const [p, q] of [
    [-dx, ax - b.west],
    [dx, b.east - ax],
    [-dy, ay - b.south],
    [dy, b.north - ay],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** The rivers whose course crosses `bounds` (what mapBounds gives), in the order given. */
export function riversInView<R extends MapRiver>(rivers: readonly R[], bounds: MapBounds): R[] {
  return rivers.filter((r) =>
    r.course.some((point, i) => {
      const next = r.course[i + 1];
      return next !== undefined && segmentMeets([point[1], point[0]], [next[1], next[0]], bounds);
    }),
  );
}

/** An SVG map of `places` (an `<svg>` element, as a string). See the module comment. */
export function renderPlaceMap(places: MapPlace[], options: MapOptions): string {
  const { width, height, projection, visible, points, placeCountries } = frame(places, options);
  const focusIds = new Set<string>([SYRIA_ID]);
  for (const { country } of placeCountries) if (country?.id) focusIds.add(country.id);
  const visibleBounds: Bounds = [visible.west - 0.5, visible.south - 0.5, visible.east + 0.5, visible.north + 0.5];
  const path = geoPath(projection);
  const project = (lat: number, lon: number): [number, number] => projection([lon, lat]) ?? [NaN, NaN];
  const view: Box = { x0: EDGE, y0: EDGE, x1: width - EDGE, y1: height - EDGE };

  // Countries.
  const shapes: string[] = [];
  const countryLabels: Array<{ id: string; part: Polygon; x: number; y: number; area: number }> = [];
  const resolution = visible.east - visible.west > WIDE_VIEW_DEGREES ? '110m' : '50m';
  for (const c of loadCountries(resolution)) {
    if (!intersects(c, visibleBounds)) continue;
    const d = compactPath(path(c.feature) ?? '', MIN_STEP);
    if (!d) continue;
    const focus = c.id !== null && focusIds.has(c.id);
    const cls = focus ? 'am-focus' : 'am-land';
    const data = c.id ? ` data-country="${escapeXml(c.id)}"` : '';
    shapes.push(`<path class="${cls}" ${focus ? ATTR.focus : ATTR.land}${data} d="${d}"/>`);
    if (c.id && COUNTRY_NAMES_AR[c.id]) {
      const part = largestPart(c.feature, (g) => path.area(g));
      const [x, y] = path.centroid(part);
      if (Number.isFinite(x) && Number.isFinite(y)) countryLabels.push({ id: c.id, part, x, y, area: path.area(part) });
    }
  }

  // Rivers: thin lines over the land, under the scale bar, the markers and the labels (whose halo
  // keeps them legible over a line); clipped to the view by the projection.
  const rivers: string[] = [];
  for (const r of options.rivers ?? []) {
    const d = compactPath(path({ type: 'LineString', coordinates: r.course.map(([lat, lon]) => [lon, lat]) }) ?? '', MIN_STEP);
    if (!d) continue;
    rivers.push(
      `<path class="am-river" ${ATTR.river} stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round" data-river="${escapeXml(r.slug)}" d="${d}"><title>${escapeXml(r.name)}</title></path>`,
    );
  }

  // Scale bar, bottom left (the end of an RTL line): a round distance between 40 and 130 units,
  // its label in each layout's size.
  const scaleBar: { x0: number; x1: number; y: number; label: string } | undefined = (() => {
    const y = height - 14;
    const a = projection.invert?.([width / 2 - 50, height / 2]);
    const b = projection.invert?.([width / 2 + 50, height / 2]);
    if (!a || !b) return undefined;
    const kmPerUnit = (geoDistance(a, b) * 6371.0088) / 100;
    const km = [...NICE_KM].reverse().find((k) => k / kmPerUnit <= 130 && k / kmPerUnit >= 40) ?? NICE_KM.find((k) => k / kmPerUnit >= 40);
    if (km === undefined || !(kmPerUnit > 0)) return undefined;
    return { x0: 12, x1: 12 + km / kmPerUnit, y, label: `${km} كم` };
  })();
  const scale: string[] = [];
  if (scaleBar) {
    const { x0, x1, y, label } = scaleBar;
    scale.push(`<g class="am-scale" ${ATTR.scale} aria-hidden="true">`, `<path fill="none" stroke-width="1.5" d="M${num(x0)} ${num(y - 4)}V${num(y)}H${num(x1)}V${num(y - 4)}"/>`);
    for (const layout of LABEL_LAYOUTS) {
      scale.push(
        `<text class="${layout.cls}" stroke="none"${hiddenAttr(layout)} x="${num((x0 + x1) / 2)}" y="${num(y - 7)}" font-size="${layout.scale}" text-anchor="middle" direction="rtl">${escapeXml(label)}</text>`,
      );
    }
    scale.push('</g>');
  }

  // Markers (every marker is an obstacle for every label in every layout).
  const placed = points.map((p, index) => {
    const emphasis = p.emphasis ?? 'primary';
    const [x, y] = project(p.coordinates[0], p.coordinates[1]);
    const r = MARKER_RADIUS[emphasis];
    return { p, index, emphasis, x, y, r, box: { x0: x - r - 1, y0: y - r - 1, x1: x + r + 1, y1: y + r + 1 } };
  });
  // Primaries first, then points before areas (a governorate is drawn at its capital's point),
  // then the order given. A place drawn on the very spot of one already labelled keeps its marker
  // and <title> but no label of its own.
  const rank = (m: (typeof placed)[number]) => (m.emphasis === 'primary' ? 0 : 2) + (AREA_KINDS.has(m.p.kind) ? 1 : 0);
  const order = [...placed].sort((a, b) => rank(a) - rank(b) || a.index - b.index);

  const labels = new Map<number, string[]>();
  const countryLabelled = new Map<string, string[]>();
  const countryUrl = new Map<string, string>();
  for (const { place, country } of placeCountries) if (country?.id && place.url) countryUrl.set(country.id, place.url);
  for (const layout of LABEL_LAYOUTS) {
    const taken: Box[] = placed.map((m) => m.box);
    if (scaleBar) {
      const w = Math.max(scaleBar.x1 - scaleBar.x0, estimateTextWidth(scaleBar.label, layout.scale));
      taken.push({ x0: scaleBar.x0 - 2, y0: scaleBar.y - 10 - layout.scale * 1.2, x1: scaleBar.x0 + w + 2, y1: scaleBar.y + 3 });
    }
    const labelled: Array<[number, number]> = [];
    for (const m of order) {
      if (labelled.some(([x, y]) => Math.abs(x - m.x) < 1 && Math.abs(y - m.y) < 1)) continue;
      const size = layout.place[m.emphasis];
      const labelWidth = estimateTextWidth(m.p.name, size);
      // beside the marker; else further out, with a leader line; else the label is left out
      // (the name stays in the marker's <title>, and the page lists the map's places)
      let pos: LabelPosition | undefined = placeLabel(candidatePositions(m.x, m.y, m.r, labelWidth, size), taken, view, false);
      let leader = false;
      if (!pos) {
        for (const extra of [size * 1.2, size * 2.4]) {
          pos = placeLabel(candidatePositions(m.x, m.y, m.r + extra, labelWidth, size), taken, view, false);
          if (pos) {
            leader = true;
            break;
          }
        }
      }
      if (!pos) continue;
      taken.push(pos.box);
      labelled.push([m.x, m.y]);
      const weight = m.emphasis === 'primary' ? ' font-weight="bold"' : '';
      const own = labels.get(m.index) ?? [];
      if (leader) {
        const [ex, ey] = nearestPoint(pos.box, m.x, m.y);
        const d = Math.hypot(ex - m.x, ey - m.y) || 1;
        const [sx, sy] = [m.x + ((ex - m.x) / d) * (m.r + 1), m.y + ((ey - m.y) / d) * (m.r + 1)];
        own.push(`<path class="am-leader ${layout.cls}"${hiddenAttr(layout)} stroke="#5f5b53" stroke-width="1" d="M${num(sx)} ${num(sy)}L${num(ex)} ${num(ey)}"/>`);
      }
      own.push(
        `<text class="am-label ${layout.cls}" ${ATTR.label}${hiddenAttr(layout)} stroke-width="3" stroke-linejoin="round" paint-order="stroke" x="${num(pos.x)}" y="${num(pos.y)}" font-size="${size}"${weight} text-anchor="${pos.anchor}" direction="rtl">${escapeXml(m.p.name)}</text>`,
      );
      labels.set(m.index, own);
    }

    // Country names last: only where they fit, away from the places and their labels.
    for (const c of [...countryLabels].sort((a, b) => b.area - a.area)) {
      const name = (COUNTRY_NAMES_AR[c.id] as { ar: string }).ar;
      const textWidth = estimateTextWidth(name, layout.country);
      const at = countryLabelPoint(c.part, c.x, c.y, textWidth, layout.country * 1.3, { path, projection, taken, view });
      if (!at) continue;
      const [x, y] = at;
      taken.push({ x0: x - textWidth / 2, y0: y - layout.country * 0.65, x1: x + textWidth / 2, y1: y + layout.country * 0.65 });
      const text = `<text class="am-country ${layout.cls}" ${ATTR.country}${hiddenAttr(layout)} x="${num(x)}" y="${num(y + layout.country * 0.35)}" font-size="${layout.country}" text-anchor="middle" direction="rtl">${escapeXml(name)}</text>`;
      const list = countryLabelled.get(c.id) ?? [];
      list.push(text);
      countryLabelled.set(c.id, list);
    }
  }
  const countriesNamed = [...countryLabelled.keys()];
  const countryText = [...countryLabelled].map(([id, texts]) => {
    const url = countryUrl.get(id);
    return url ? `<a href="${escapeXml(url)}">${texts.join('')}</a>` : texts.join('');
  });

  // Place groups, in the order given.
  const markers: string[] = [];
  for (const m of placed) {
    const title = `<title>${escapeXml(m.p.name)}</title>`;
    const circle = `<circle class="am-marker" ${ATTR.marker} stroke-width="1.5" cx="${num(m.x)}" cy="${num(m.y)}" r="${m.r}"/>`;
    const inner = `${title}${circle}${(labels.get(m.index) ?? []).join('')}`;
    const slug = escapeXml(m.p.slug);
    markers.push(m.p.url ? `<a class="am-place" data-place="${slug}" href="${escapeXml(m.p.url)}">${inner}</a>` : `<g class="am-place" data-place="${slug}">${inner}</g>`);
  }

  const base = (options.id ?? `map-${slugify(options.title)}`).replace(/\s+/g, '-');
  const titleId = escapeXml(`${base}-title`);
  const descId = escapeXml(`${base}-desc`);
  const visibleCountryPlaces = placeCountries.filter((c) => c.country?.id && countriesNamed.includes(c.country.id)).map((c) => c.place.name);
  const description = options.description ?? defaultDescription(points, visibleCountryPlaces);
  // An image cannot hold links (its content is presentational, axe: nested-interactive): a map
  // with links is a group named by its title and described by its desc.
  const hasLinks = markers.some((m) => m.startsWith('<a ')) || countryText.some((t) => t.startsWith('<a '));
  const aria = hasLinks ? `role="group" aria-labelledby="${titleId}" aria-describedby="${descId}"` : `role="img" aria-labelledby="${titleId} ${descId}"`;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="arshif-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${aria} lang="ar">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title>`,
    `<desc id="${descId}">${escapeXml(description)}</desc>`,
    `<style>${STYLE}</style>`,
    `<rect class="am-sea" ${ATTR.sea} stroke="none" width="${width}" height="${height}"/>`,
    `<g stroke-width="0.7" stroke-linejoin="round">`,
    ...shapes,
    '</g>',
    ...rivers,
    `<rect class="am-frame" ${ATTR.frame} x="0.5" y="0.5" width="${width - 1}" height="${height - 1}"/>`,
    ...(scale.length ? [scale.join('')] : []),
    ...markers,
    ...countryText,
    '</svg>',
  ].join('\n');
}
