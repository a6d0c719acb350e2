/**
 * Label placement over the whole gazetteer: the map of every place with coordinates, as its place
 * page would draw it (with its surroundings when it stands alone), checked in both label layouts
 * (wide screens, phones): no two labels overlap, no label lies on a marker, every label stays in
 * the view, and phone labels are 21 units or more (11 px at 375 px, where the 640-unit map is
 * drawn 343 px wide). Boxes that touch (positions are written to a tenth of a unit) may share a sliver under 3 units². Boxes are the placer's own estimates (src/arabic/text-width.ts);
 * tests/event-graphics.browser.test.ts measures what Chromium draws for the seed pages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateTextWidth } from '../src/arabic/text-width.ts';
import { loadValidContent } from '../src/content/load.ts';
import { contextPlaces } from '../src/model/maps.ts';
import { renderPlaceMap, type MapPlace } from '../src/analysis/maps/map.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { childElements, parseXml, textContent, type XmlElement } from './helpers/xml.ts';

type Box = [number, number, number, number];

function descendants(el: XmlElement): XmlElement[] {
  return childElements(el).flatMap((c) => [c, ...descendants(c)]);
}

const classes = (e: XmlElement) => (e.attributes.class ?? '').split(' ');

/** The box a label was placed in, from its attributes (the inverse of candidatePositions). */
function labelBox(t: XmlElement): Box {
  const size = Number(t.attributes['font-size']);
  const x = Number(t.attributes.x);
  const y = Number(t.attributes.y);
  const w = estimateTextWidth(textContent(t), size);
  const cy = y - size * 0.35;
  const h = size * 1.3;
  const anchor = t.attributes['text-anchor'];
  const [x0, x1] = anchor === 'start' ? [x - w, x] : anchor === 'end' ? [x, x + w] : [x - w / 2, x + w / 2];
  return [x0, cy - h / 2, x1, cy + h / 2];
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

describe('map labels over the whole gazetteer', () => {
  const content = loadValidContent(DEFAULT_CONTENT_DIR);
  const entries = Object.entries(content.places.entries).filter(([, p]) => p.coordinates && p.kind !== 'country');
  const pages = new Set(Object.keys(content.places.entries));
  const asMap = (slug: string, emphasis: 'primary' | 'secondary'): MapPlace => {
    const p = content.places.entries[slug]!;
    return { slug, name: p.name, name_en: p.name_en, kind: p.kind, coordinates: p.coordinates as [number, number], url: `/places/${slug}/`, emphasis };
  };

  it(`${entries.length} place maps: no label over another or over a marker, all in view, legible on a phone`, () => {
    let labels = 0;
    let dropped = 0;
    for (const [slug] of entries) {
      const children = entries.filter(([, p]) => p.parent === slug).map(([s]) => asMap(s, 'secondary'));
      const around = children.length ? children : contextPlaces(content, slug, pages);
      const places = [asMap(slug, 'primary'), ...around];
      const svg = renderPlaceMap(places, { title: `خريطة ${slug}`, ...(children.length ? {} : { paddingDegrees: 0.35, minSpanDegrees: [1.8, 1.35] as [number, number] }) });
      const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`).root;
      const [, , width, height] = (root.attributes.viewBox ?? '').split(' ').map(Number) as [number, number, number, number];
      const all = descendants(root);
      const markers: Box[] = all
        .filter((e) => e.name === 'circle')
        .map((c) => {
          const [cx, cy, r] = ['cx', 'cy', 'r'].map((k) => Number(c.attributes[k])) as [number, number, number];
          return [cx - r, cy - r, cx + r, cy + r];
        });
      for (const layout of ['am-l', 'am-s']) {
        const texts = all.filter((e) => e.name === 'text' && classes(e).includes(layout) && (classes(e).includes('am-label') || classes(e).includes('am-country')));
        const boxes = texts.map(labelBox);
        labels += texts.length;
        dropped += places.length - texts.filter((t) => classes(t).includes('am-label')).length;
        boxes.forEach((b, i) => {
          const name = `${slug} ${layout} «${textContent(texts[i]!)}»`;
          assert.ok(b[0] >= 0 && b[1] >= 0 && b[2] <= width && b[3] <= height, `${name} leaves the view: ${b.map(Math.round)}`);
          for (let j = i + 1; j < boxes.length; j++)
            assert.ok(
              overlap(b, boxes[j]!) < 3,
              `${name} overlaps «${textContent(texts[j]!)}» by ${overlap(b, boxes[j]!).toFixed(1)}: ${b.map(Math.round)} / ${boxes[j]!.map(Math.round)}`,
            );
          for (const m of markers) assert.ok(overlap(b, m) < 3, `${name} lies on a marker`);
          if (layout === 'am-s') assert.ok(Number(texts[i]!.attributes['font-size']) * (343 / width) >= 11, `${name} is under 11 px at 375 px`);
        });
      }
    }
    if (process.env.ARSHIF_MAP_STATS) console.log(`${entries.length} maps: ${labels} labels drawn, ${dropped} left out (named under the map)`);
    assert.ok(labels > entries.length * 2, `${labels} labels drawn, ${dropped} left out (named under the map)`);
  });
});
