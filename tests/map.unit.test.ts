/**
 * src/analysis/maps/map.ts: build-time SVG maps of places (country outlines from world-atlas, markers,
 * Arabic labels). The seed events' maps are written to test-artifacts/maps/ for a human to look
 * at (the folder is gitignored).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadCountries } from '../src/analysis/maps/map-geo.ts';
import { candidatePositions } from '../src/analysis/maps/map-labels.ts';
import { compactPath, escapeXml } from '../src/analysis/maps/map-svg.ts';
import { mapBounds, renderPlaceMap, type MapPlace } from '../src/analysis/maps/map.ts';
import { childElements, parseXml, textContent, type XmlElement } from './helpers/xml.ts';

// -------------------------------------------------------------------------------------------
// Data: the gazetteer and the seed events, as they are in content/

interface GazetteerEntry {
  name: string;
  name_en: string;
  kind: string;
  coordinates: [number, number] | null;
}

const gazetteer = parse(readFileSync(new URL('../content/data/places.yml', import.meta.url), 'utf8')) as Record<string, GazetteerEntry>;

/** The map places for canonical names: those without coordinates are left out, as a caller would. */
function mapPlaces(names: string[]): MapPlace[] {
  return names.flatMap((name) => {
    const found = Object.entries(gazetteer).find(([, p]) => p.name === name);
    assert.ok(found, `${name} is in content/data/places.yml`);
    const [slug, p] = found;
    return p.coordinates ? [{ slug, name: p.name, name_en: p.name_en, kind: p.kind, coordinates: p.coordinates, url: `/places/${slug}/` }] : [];
  });
}

function eventFrontMatter(id: string): { title: string; places: string[] } {
  const text = readFileSync(new URL(`../content/events/${id}.md`, import.meta.url), 'utf8');
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  assert.ok(block, `content/events/${id}.md has front matter`);
  return parse(block) as { title: string; places: string[] };
}

// -------------------------------------------------------------------------------------------
// Reading the SVG

function parseSvg(svg: string): XmlElement {
  const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`).root;
  assert.equal(root.name, 'svg');
  return root;
}

function descendants(el: XmlElement): XmlElement[] {
  return childElements(el).flatMap((c) => [c, ...descendants(c)]);
}

const byClass = (root: XmlElement, cls: string) => descendants(root).filter((e) => (e.attributes.class ?? '').split(' ').includes(cls));

function viewBox(root: XmlElement): [number, number, number, number] {
  const v = (root.attributes.viewBox ?? '').split(' ').map(Number);
  assert.equal(v.length, 4);
  return v as [number, number, number, number];
}

/** Problems that would make the SVG unsafe or not self-contained when inlined in a page. */
function assertSelfContained(svg: string, root: XmlElement, allowedHrefs: Set<string>): void {
  assert.doesNotMatch(svg, /<script/i);
  assert.doesNotMatch(svg, /javascript:/i);
  assert.doesNotMatch(svg, /@import|@font-face|url\(/i, 'no stylesheet, font or image is loaded');
  for (const el of [root, ...descendants(root)]) {
    assert.ok(!['script', 'foreignObject', 'image', 'use', 'iframe'].includes(el.name), `no <${el.name}>`);
    for (const [attr, value] of Object.entries(el.attributes)) {
      assert.ok(!/^on/i.test(attr), `no event handler attribute (${attr})`);
      if (attr === 'href' || attr === 'xlink:href' || attr === 'src') {
        assert.ok(allowedHrefs.has(value), `link ${value} is one of the places' urls`);
      }
    }
  }
}

const artifacts = new URL('../test-artifacts/maps', import.meta.url);

// -------------------------------------------------------------------------------------------

describe('maps of the seed events', () => {
  const seeds = [
    { id: 'baghuz-2019', countries: ['760', '368'], expect: ['الباغوز', 'دير الزور'] },
    { id: 'raqqa-2017', countries: ['760'], expect: ['الرقة'] },
  ];
  mkdirSync(artifacts, { recursive: true });

  for (const seed of seeds) {
    describe(seed.id, () => {
      const event = eventFrontMatter(seed.id);
      const places = mapPlaces(event.places);
      const svg = renderPlaceMap(places, { title: `خريطة ${event.title}` });
      writeFileSync(new URL(`${seed.id}.svg`, artifacts), svg);
      const root = parseSvg(svg);
      const [, , width, height] = viewBox(root);

      it('is well-formed, self-contained and under 40 kB', () => {
        assertSelfContained(svg, root, new Set(places.flatMap((p) => (p.url ? [p.url] : []))));
        assert.ok(Buffer.byteLength(svg) < 40_000, `${Buffer.byteLength(svg)} bytes`);
        assert.equal(root.attributes.xmlns, 'http://www.w3.org/2000/svg');
        assert.equal(root.attributes.lang, 'ar');
      });

      it('draws the country outlines of the region, Syria emphasised', () => {
        for (const id of seed.countries) {
          const outline = descendants(root).find((e) => e.name === 'path' && e.attributes['data-country'] === id);
          assert.ok(outline, `an outline of country ${id}`);
          assert.match(outline.attributes.d ?? '', /^M[\d.-]+[ ,-][\d.-]+l/);
        }
        const syria = descendants(root).find((e) => e.attributes['data-country'] === '760');
        assert.equal(syria?.attributes.class, 'am-focus');
        assert.ok(
          byClass(root, 'am-country').some((t) => textContent(t) === 'سوريا'),
          'Syria is named in Arabic',
        );
      });

      it('has a marker inside the view and an Arabic RTL label for each place', () => {
        for (const name of seed.expect)
          assert.ok(
            places.some((p) => p.name === name),
            `${name} has coordinates`,
          );
        const points = places.filter((p) => p.kind !== 'country');
        const groups = byClass(root, 'am-place');
        assert.equal(groups.length, points.length);
        for (const place of points) {
          const group = groups.find((g) => g.attributes['data-place'] === place.slug);
          assert.ok(group, `a marker for ${place.name}`);
          assert.equal(group.name, 'a');
          assert.equal(group.attributes.href, place.url);
          assert.equal(textContent(childElements(group, 'title')[0] as XmlElement), place.name);
          const circle = childElements(group, 'circle')[0];
          assert.ok(circle);
          const [cx, cy] = [Number(circle.attributes.cx), Number(circle.attributes.cy)];
          assert.ok(cx > 0 && cx < width && cy > 0 && cy < height, `${place.name} at ${cx},${cy} is inside the view`);
          const label = childElements(group, 'text')[0];
          assert.ok(label, `${place.name} is labelled (every place is primary by default)`);
          assert.equal(textContent(label), place.name);
          assert.equal(label.attributes.direction, 'rtl');
        }
      });

      it('is named and described: <title> and <desc> referenced by id', () => {
        const title = childElements(root, 'title')[0];
        const desc = childElements(root, 'desc')[0];
        assert.ok(title && desc);
        assert.equal(textContent(title), `خريطة ${event.title}`);
        assert.match(textContent(desc), new RegExp(seed.expect[0] as string));
        // Links inside: a group (an image's content would be hidden from assistive technology).
        assert.equal(root.attributes.role, 'group');
        assert.equal(root.attributes['aria-labelledby'], title.attributes.id);
        assert.equal(root.attributes['aria-describedby'], desc.attributes.id);
        assert.match(title.attributes.id ?? '', /^map-[\p{L}\p{N}-]+-title$/u);
      });

      it('is drawn the same way every time', () => {
        assert.equal(renderPlaceMap(structuredClone(places), { title: `خريطة ${event.title}` }), svg);
      });
    });
  }
});

describe('renderPlaceMap', () => {
  const raqqa = mapPlaces(['الرقة'])[0] as MapPlace;

  it('shows the surroundings of a single place instead of zooming in on it', () => {
    const b = mapBounds([raqqa], { title: 'الرقة' });
    const lonSpan = b.east - b.west;
    const latSpan = b.north - b.south;
    assert.ok(lonSpan >= 3.99 && lonSpan <= 8, `longitude span ${lonSpan}`);
    assert.ok(latSpan >= 2.99 && latSpan <= 6, `latitude span ${latSpan}`);
    const [lat, lon] = raqqa.coordinates;
    assert.ok(b.west < lon && lon < b.east && b.south < lat && lat < b.north);
    const root = parseSvg(renderPlaceMap([raqqa], { title: 'الرقة' }));
    const circle = descendants(root).find((e) => e.name === 'circle');
    assert.ok(Math.abs(Number(circle?.attributes.cx) - 320) < 2 && Math.abs(Number(circle?.attributes.cy) - 240) < 5, 'centred (Mercator stretches the north a little)');
    // one label a layout (wide screens, phones), the same distance
    const scales = childElements(byClass(root, 'am-scale')[0] as XmlElement, 'text').map(textContent);
    assert.equal(scales.length, 2);
    assert.match(scales[0] as string, /^(25|50|100) كم$/, 'a scale bar of tens of kilometres');
    assert.equal(scales[1], scales[0]);
  });

  it('keeps at least paddingDegrees around the places', () => {
    const places = mapPlaces(['حلب', 'الباغوز']);
    const b = mapBounds(places, { title: 'x', paddingDegrees: 2 });
    assert.ok(b.west <= 37.1612 - 2 && b.east >= 40.95 + 2 && b.south <= 34.4667 - 2 && b.north >= 36.2012 + 2);
  });

  it('escapes hostile names, titles and slugs', () => {
    const nasty = `</text><script>alert(1)</script> & "قسد" 'x' <!-- ]]>`;
    const places: MapPlace[] = [{ ...raqqa, name: nasty, slug: `a"><script>`, url: '/places/a?b=1&c="2"' }];
    const svg = renderPlaceMap(places, { title: nasty, description: nasty });
    assert.doesNotMatch(svg, /<script|<!--|]]>/);
    const root = parseSvg(svg);
    assert.equal(textContent(childElements(root, 'title')[0] as XmlElement), nasty);
    assert.equal(textContent(childElements(root, 'desc')[0] as XmlElement), nasty);
    const group = byClass(root, 'am-place')[0] as XmlElement;
    assert.equal(group.attributes['data-place'], `a"><script>`);
    assert.equal(group.attributes.href, '/places/a?b=1&c="2"');
    assert.equal(textContent(childElements(group, 'title')[0] as XmlElement), nasty);
    assert.ok(childElements(group, 'text').every((t) => textContent(t) === nasty));
    assert.equal(escapeXml(`<a href="x">&'\u0001`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });

  it('refuses script addresses and bad coordinates, saying which place', () => {
    assert.throws(() => renderPlaceMap([{ ...raqqa, url: 'javascript:alert(1)' }], { title: 'x' }), /"raqqa" has url/);
    assert.throws(() => renderPlaceMap([{ ...raqqa, url: '//evil.example/' }], { title: 'x' }), /url/);
    assert.throws(() => renderPlaceMap([{ ...raqqa, url: ' /x' }], { title: 'x' }), /url/);
    assert.throws(() => renderPlaceMap([{ ...raqqa, coordinates: null as unknown as [number, number] }], { title: 'x' }), /"raqqa" has no coordinates/);
    assert.throws(
      () => renderPlaceMap([{ ...raqqa, coordinates: [88, 10] }], { title: 'x' }),
      (e: Error) => e.name === 'ArshifError' && /content\/data\/places\.yml: raqqa\.coordinates: \[88,10\]/.test(e.message),
    );
    assert.throws(() => renderPlaceMap([raqqa], { title: ' ' }), /title/);
  });

  it('is an image when it holds no links, its name and description from <title> and <desc>', () => {
    const { url: _unused, ...unlinked } = raqqa;
    const root = parseSvg(renderPlaceMap([unlinked], { title: 'معركة الرقة', description: 'وصف' }));
    assert.equal(root.attributes.role, 'img');
    assert.equal(root.attributes['aria-labelledby'], 'map-معركة-الرقة-title map-معركة-الرقة-desc');
    const ids = [root, ...descendants(root)].map((e) => e.attributes.id).filter(Boolean);
    assert.deepEqual(ids, ['map-معركة-الرقة-title', 'map-معركة-الرقة-desc']);
    assert.ok(!descendants(root).some((e) => e.name === 'a'));
    assert.equal(byClass(root, 'am-place')[0]?.name, 'g');
    const ids2 = parseSvg(renderPlaceMap([unlinked], { title: 'معركة الرقة', id: 'm2' })).attributes['aria-labelledby'];
    assert.equal(ids2, 'm2-title m2-desc');
  });

  it('drops secondary labels that do not fit, keeping their markers and names', () => {
    const crowd: MapPlace[] = [
      { ...raqqa, emphasis: 'primary' },
      ...Array.from(
        { length: 8 },
        (_, i): MapPlace => ({
          slug: `p${i}`,
          name: `موقع رقم ${i}`,
          name_en: `Site ${i}`,
          kind: 'village',
          coordinates: [35.9528 + 0.02 * (i % 3), 39.0079 + 0.03 * i],
          emphasis: 'secondary',
        }),
      ),
    ];
    const root = parseSvg(renderPlaceMap(crowd, { title: 'x' }));
    const groups = byClass(root, 'am-place');
    assert.equal(groups.length, 9);
    for (const g of groups) assert.equal(childElements(g, 'title').length, 1);
    // in each layout (wide screens am-l, phones am-s)
    for (const layout of ['am-l', 'am-s']) {
      const labels = byClass(root, layout).filter((e) => e.name === 'text' && (e.attributes.class ?? '').includes('am-label'));
      assert.ok(labels.length < 9, `${layout}: ${labels.length} labels`);
      assert.ok(
        labels.some((l) => textContent(l) === 'الرقة'),
        `${layout}: the primary label is kept`,
      );
    }
  });

  it('puts an Arabic label west of its marker when there is room (text anchored at its right edge)', () => {
    const [west] = candidatePositions(100, 100, 5, 40, 15);
    assert.equal(west?.anchor, 'start');
    assert.ok((west?.box.x1 ?? 999) < 95 && west?.x === west?.box.x1);
    const root = parseSvg(renderPlaceMap([raqqa], { title: 'x' }));
    const label = byClass(root, 'am-label')[0] as XmlElement;
    assert.equal(label.attributes['text-anchor'], 'start');
    assert.ok(Number(label.attributes.x) < 320);
  });

  it('shows a country given as a place by its outline, fitted to it, without a point marker', () => {
    const syria = mapPlaces(['سوريا']);
    const b = mapBounds(syria, { title: 'سوريا' });
    assert.ok(b.west <= 35.7 && b.east >= 42.4 && b.south <= 32.3 && b.north >= 37.3, JSON.stringify(b));
    const root = parseSvg(renderPlaceMap(syria, { title: 'سوريا' }));
    assert.equal(byClass(root, 'am-place').length, 0);
    const label = byClass(root, 'am-country').find((t) => textContent(t) === 'سوريا');
    assert.ok(label);
    assert.ok(
      descendants(root).some((e) => e.name === 'a' && e.attributes.href === '/places/syria/'),
      'the country name links to it',
    );
  });

  it('keeps a map of the wider region small', () => {
    const places = mapPlaces(['إسطنبول', 'بغداد', 'بيروت', 'حلب']);
    const svg = renderPlaceMap(places, { title: 'المنطقة' });
    const root = parseSvg(svg);
    assert.ok(Buffer.byteLength(svg) < 40_000, `${Buffer.byteLength(svg)} bytes`);
    for (const id of ['760', '792', '368', '422'])
      assert.ok(
        descendants(root).some((e) => e.attributes['data-country'] === id),
        id,
      );
    assert.equal(byClass(root, 'am-label').filter((e) => (e.attributes.class ?? '').split(' ').includes('am-l')).length, 4, 'all four labelled on a wide screen');
  });

  it('draws an empty map of Syria rather than failing', () => {
    const root = parseSvg(renderPlaceMap([], { title: 'خريطة' }));
    assert.ok(descendants(root).some((e) => e.attributes['data-country'] === '760'));
  });

  it('reads the Natural Earth data once per process', () => {
    assert.equal(loadCountries(), loadCountries());
    assert.ok(loadCountries().some((c) => c.id === '760' && c.name === 'Syria'));
  });
});

describe('compactPath', () => {
  it('rounds to tenths, writes relative segments and drops repeated points', () => {
    assert.equal(compactPath('M0,0L10.04,0L10.04,0L10,10L0,10Z'), 'M0 0l10 0 0 10-10 0z');
    // A number starting with "." follows one with a decimal point without a separator.
    assert.equal(compactPath('M1.25,2.5L1.3,2.56L1.9,3Z'), 'M1.3 2.5l0 .1.6.4z');
  });

  it('removes rings that collapse when rounded', () => {
    assert.equal(compactPath('M0,0L0.01,0L0,0.02Z'), '');
    assert.equal(compactPath('M0,0L0.01,0L0,0.02ZM5,5L6,5L6,6Z'), 'M5 5l1 0 0 1z');
  });

  it('thins points closer than minStep and leaves out specks', () => {
    assert.equal(compactPath('M0,0L0.2,0L10,0L10,10L0,10Z', 0.5), 'M0 0l10 0 0 10-10 0z');
    assert.equal(compactPath('M0,0L0.3,0L0.3,0.3ZM5,5L6,5L6,6Z', 0.5), 'M5 5l1 0 0 1z');
    assert.equal(compactPath('M0,0L0.2,0', 0.5), 'M0 0l.2 0', 'an open line keeps its last point');
  });

  it('refuses what it cannot read', () => {
    assert.throws(() => compactPath('M0,0C1,1,2,2,3,3'), /compactPath/);
  });
});

describe('a map of one place', () => {
  it('shows its governorate and the nearest places of the gazetteer, linked only where the site has a page', async () => {
    const { loadValidContent } = await import('../src/content/load.ts');
    const { contextPlaces } = await import('../src/model/maps.ts');
    const { DEFAULT_CONTENT_DIR } = await import('../src/core/paths.ts');
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    const around = contextPlaces(content, 'omar-oil-field', new Set(['deir-ez-zor-governorate']));
    assert.equal(around[0]?.slug, 'deir-ez-zor-governorate', 'its governorate first');
    assert.equal(around[0]?.url, '/places/deir-ez-zor-governorate/');
    assert.ok(around.length >= 4 && around.length <= 7, `${around.length} places around`);
    for (const p of around.slice(1)) {
      assert.equal(p.url, undefined, `${p.slug} has no page: no link`);
      assert.equal(p.emphasis, 'secondary');
      assert.notEqual(p.kind, 'country');
    }
    // the nearest first, within 120 km
    const omar = gazetteer['omar-oil-field']?.coordinates as [number, number];
    const km = around.slice(1).map((p) => Math.hypot((p.coordinates[0] - omar[0]) * 111, (p.coordinates[1] - omar[1]) * 91));
    assert.ok(
      km.every((d, i) => d <= 125 && (i === 0 || d + 5 >= (km[i - 1] as number))),
      km.join(', '),
    );
    const svg = renderPlaceMap([{ ...(mapPlaces(['حقل العمر'])[0] as MapPlace) }, ...around], { title: 'خريطة حقل العمر', paddingDegrees: 0.35, minSpanDegrees: [1.8, 1.35] });
    const root = parseSvg(svg);
    assert.equal(byClass(root, 'am-place').length, around.length + 1);
  });
});
