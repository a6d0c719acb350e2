/**
 * Rivers on the maps: the gazetteer's courses drawn as thin lines under the places, on every map
 * whose view a course crosses, and listed with the places under the map.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { buildArchive } from '../src/model/build-archive.ts';
import type { Archive } from '../src/model/views.ts';
import { renderPlaceMap, riversInView, type MapRiver } from '../src/analysis/maps/map.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

let archive: Archive;
before(() => {
  const content = loadValidContent(DEFAULT_CONTENT_DIR);
  archive = buildArchive(content, content.site);
});

const placeMap = (slug: string) => {
  const place = archive.places.find((p) => p.slug === slug);
  assert.ok(place?.mapSvg, `${slug} has a map`);
  return place;
};

describe('rivers on the maps', () => {
  it('a map of one place (حقل العمر) draws the Euphrates nearby, named, under its markers, and lists it', () => {
    const omar = placeMap('omar-oil-field');
    const svg = omar.mapSvg;
    const river = /<path class="am-river"[^>]* data-river="euphrates" d="M[^"]+"><title>نهر الفرات<\/title><\/path>/.exec(svg);
    assert.ok(river, 'the Euphrates is drawn with its name');
    assert.ok(river.index < svg.indexOf('class="am-place"'), 'under the markers and labels');
    assert.ok(
      omar.mapPlaces.some((p) => p.name === 'نهر الفرات'),
      'listed under the map',
    );
  });

  it('a map far from every river (دمشق) has none', () => {
    const damascus = placeMap('damascus');
    assert.doesNotMatch(damascus.mapSvg, /class="am-river"/);
    assert.ok(!damascus.mapPlaces.some((p) => p.name.startsWith('نهر ')), damascus.mapPlaces.map((p) => p.name).join('، '));
  });

  it('a river is in view when its course crosses it, also with no point inside', () => {
    const across: MapRiver = {
      slug: 'r',
      name: 'نهر',
      course: [
        [35, 37],
        [35, 41],
      ],
    };
    const away: MapRiver = {
      slug: 'a',
      name: 'نهر',
      course: [
        [33, 37],
        [33, 41],
      ],
    };
    const bounds = { west: 38, south: 34, east: 40, north: 36 };
    assert.deepEqual(riversInView([across, away], bounds), [across]);
    const svg = renderPlaceMap([{ slug: 'x', name: 'س', name_en: 'X', kind: 'town', coordinates: [35.5, 39] }], { title: 'خريطة', rivers: [across] });
    assert.match(svg, /<path class="am-river"[^>]*d="M-?[\d.]+ [\d.]+l[^"]+"><title>نهر<\/title>/);
    assert.equal(svg, renderPlaceMap([{ slug: 'x', name: 'س', name_en: 'X', kind: 'town', coordinates: [35.5, 39] }], { title: 'خريطة', rivers: [across] }));
  });
});
