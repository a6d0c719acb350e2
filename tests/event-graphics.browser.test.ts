/**
 * The event pages' maps and timeline overviews as Chromium draws them, measured at 375 px (a
 * phone) and 1280 px: every visible label is 11 px or more, no two labels overlap, no marker
 * covers a label, no text covers a timeline mark, the timeline's marks stand 24 px apart or more, and the event's span fills the
 * timeline's axis. Sizes are rendered sizes: the SVGs scale with the page, so a font size in
 * the SVG is multiplied by the scale it is drawn at (getScreenCTM).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedSiteInChromium } from './helpers/browser.ts';

const PAGES = ['/events/baghuz-2019/', '/events/raqqa-2017/', '/places/omar-oil-field/', '/places/deir-ez-zor/'];
const WIDTHS = [375, 1280];

interface Measured {
  svg: string;
  texts: Array<{ text: string; px: number; box: [number, number, number, number] }>;
  markers: Array<{ place: string; box: [number, number, number, number] }>;
  marks: Array<{ kind: string; folded: boolean; x: number; box: [number, number, number, number] }>;
  axis: [number, number] | null;
}

/**
 * What the page's SVGs draw, in CSS pixels of the viewport. A string, not a function: tsx would
 * wrap a function's inner functions in a helper the page does not have.
 */
const MEASURE = `(() => {
  const rect = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).display !== 'none'; };
  return [...document.querySelectorAll('svg.arshif-map, svg.timeline-overview')].map((svg) => {
    const texts = [...svg.querySelectorAll('text')].filter(visible).map((t) => {
      const scale = t.getScreenCTM() ? t.getScreenCTM().a : 1;
      return { text: t.textContent || '', px: parseFloat(getComputedStyle(t).fontSize) * scale, box: rect(t) };
    });
    const markers = [...svg.querySelectorAll('circle.am-marker')].map((c) => ({ place: (c.closest('[data-place]') || c).getAttribute('data-place') || '', box: rect(c) }));
    const marks = [...svg.querySelectorAll('g.tl-mark')].map((g) => {
      const b = rect(g.querySelector('path, rect, circle'));
      return { kind: g.getAttribute('data-kind') || '', folded: g.classList.contains('tl-mark--folded'), x: (b[0] + b[2]) / 2, box: b };
    });
    const line = svg.querySelector('line.tl-axis');
    const axis = line ? [rect(line)[0], rect(line)[2]] : null;
    return { svg: svg.getAttribute('class') || '', texts, markers, marks, axis };
  });
})()`;

function measure(page: Page): Promise<Measured[]> {
  return page.evaluate(MEASURE) as Promise<Measured[]>;
}

/** The area two boxes share, in px². */
function shared(a: [number, number, number, number], b: [number, number, number, number]): number {
  return Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
}

/**
 * A text's box with its line's empty top and bottom taken off: Chromium's box of an SVG <text>
 * is the font's whole line (Naskh's is about 1.7 em for glyphs of about 1.1 em), and two labels
 * one above the other may share that air without touching.
 */
function ink([l, t, r, b]: [number, number, number, number], px: number): [number, number, number, number] {
  const air = Math.max(0, (b - t - px * 1.2) / 2);
  return [l, t + air, r, b - air];
}

describe('maps and timeline overviews as drawn in Chromium', () => {
  const seed = seedSiteInChromium();

  for (const path of PAGES) {
    for (const width of WIDTHS) {
      it(`${path} at ${width} px`, async () => {
        const context = await seed.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        try {
          const page = await context.newPage();
          await page.goto(seed.server.url + path, { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const svgs = await measure(page);
          assert.ok(
            svgs.some((s) => s.svg.includes('arshif-map')),
            'the page has a map',
          );
          for (const s of svgs) {
            assert.ok(s.texts.length > 0, `${s.svg}: some text is shown`);
            for (const t of s.texts) assert.ok(t.px >= 10.95, `${s.svg}: «${t.text}» is drawn ${t.px.toFixed(1)} px high`);
            for (let i = 0; i < s.texts.length; i++) {
              for (let j = i + 1; j < s.texts.length; j++) {
                const a = s.texts[i]!;
                const b = s.texts[j]!;
                const area = shared(ink(a.box, a.px), ink(b.box, b.px));
                assert.ok(area <= 2, `${s.svg}: «${a.text}» and «${b.text}» overlap by ${area.toFixed(1)} px²`);
              }
            }
            for (const m of s.markers) {
              for (const t of s.texts) {
                const area = shared(m.box, ink(t.box, t.px));
                assert.ok(area <= 2, `${s.svg}: the marker of ${m.place} covers «${t.text}» by ${area.toFixed(1)} px²`);
              }
            }
            if (s.svg.includes('timeline-overview')) {
              // no count or date covers a mark
              for (const m of s.marks) {
                for (const t of s.texts) {
                  const area = shared(m.box, ink(t.box, t.px));
                  assert.ok(area <= 2, `${s.svg}: «${t.text}» covers a ${m.kind} mark by ${area.toFixed(1)} px²`);
                }
              }
              for (const kind of ['milestone', 'mention', 'article']) {
                const xs = s.marks
                  .filter((m) => m.kind === kind && !m.folded)
                  .map((m) => m.x)
                  .sort((a, b) => a - b);
                for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! - xs[i - 1]! >= 23.9, `${kind} marks ${(xs[i]! - xs[i - 1]!).toFixed(1)} px apart`);
              }
              // the event's span fills the axis: its marks reach both ends
              const [l, r] = s.axis as [number, number];
              const xs = s.marks.filter((m) => !m.folded).map((m) => m.x);
              assert.ok(Math.max(...xs) - Math.min(...xs) >= 0.8 * (r - l), `marks span ${(Math.max(...xs) - Math.min(...xs)).toFixed(0)} of ${(r - l).toFixed(0)} px of axis`);
            }
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
