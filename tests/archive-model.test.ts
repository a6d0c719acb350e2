/**
 * The archive model's assembly (src/model/): the pieces that hold logic of their own. Each event's
 * comparison and the passages it gives each article: one note per paragraph across events, at
 * most SHARED_PASSAGE_LINKS outlets linked, the rest at the event's entry for the run
 * (comparisons.ts); every map drawn at once, taken from a store where it holds them
 * (src/analysis/derive/map-batch.ts: drawMaps); a missing derived entry is an error of the
 * assembly, never silently recomputed (derived.ts); and the seed archive made whole: no view
 * left with a field to fill in later.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { drawMaps, type MapArgs } from '../src/analysis/derive/map-batch.ts';
import { mapKeyParts } from '../src/analysis/derive/records.ts';
import { memoKey } from '../src/cache/memo.ts';
import type { Store } from '../src/cache/store.ts';
import { renderPlaceMap, type MapPlace } from '../src/analysis/maps/map.ts';
import { loadValidContent } from '../src/content/load.ts';
import { loadEntities } from '../src/content/data-files.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { buildArchive } from '../src/model/build-archive.ts';
import { compareEvents } from '../src/model/comparisons.ts';
import { SHARED_PASSAGE_LINKS } from '../src/model/list-order.ts';
import { derivedOf } from '../src/model/derived.ts';
import { freezeDeep } from '../src/core/freeze.ts';
import { publishedSourcePath } from '../src/model/site-paths.ts';
import type { Archive } from '../src/model/views.ts';

const words = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `${stem}${i + 1}`).join(' ');

describe('compareEvents', () => {
  const shared = words(14, 'مشترك');
  const articles = [
    { id: 'a', url: '/articles/a/', title: 'أ', outlet: { key: 'one', name_ar: 'الأولى' } },
    { id: 'b', url: '/articles/b/', title: 'ب', outlet: { key: 'two', name_ar: 'الثانية' } },
  ];
  const known = {
    paragraphs: new Map([
      [
        'a',
        [
          { anchor: 'p-1', text: words(5, 'مقدمة') },
          { anchor: 'p-2', text: shared },
        ],
      ],
      ['b', [{ anchor: 'p-1', text: shared }]],
    ]),
    figures: new Map([
      ['a', []],
      ['b', []],
    ]),
  };
  const event = (id: string, of: typeof articles) => ({ id, title: `حدث ${id}`, articles: of });

  it('gives each event its comparison, in the order of the events', () => {
    const { byEvent } = compareEvents([event('first', articles), event('second', [articles[0]!])], known);
    assert.equal(byEvent.length, 2);
    assert.equal(byEvent[0]!.passages.length, 1);
    assert.equal(byEvent[0]!.passages[0]!.words, 14);
    assert.deepEqual(
      byEvent[0]!.passages[0]!.members.map((m) => m.href),
      ['/articles/a/#p-2', '/articles/b/#p-1'],
    );
    assert.equal(byEvent[1]!.passages.length, 0);
  });

  it('notes a shared passage on both articles, with a link to the other paragraph', () => {
    const { sharedPassages } = compareEvents([event('first', articles)], known);
    assert.deepEqual(sharedPassages.get('a'), [
      { anchor: 'p-2', text: shared, words: 14, outletCount: 1, elsewhere: [{ href: '/articles/b/#p-1', title: 'ب', outlet: 'الثانية' }], rest: [] },
    ]);
    assert.deepEqual(sharedPassages.get('b'), [
      { anchor: 'p-1', text: shared, words: 14, outletCount: 1, elsewhere: [{ href: '/articles/a/#p-2', title: 'أ', outlet: 'الأولى' }], rest: [] },
    ]);
  });

  it('notes a passage once where two events compare the same articles', () => {
    const { byEvent, sharedPassages } = compareEvents([event('first', articles), event('second', articles)], known);
    assert.equal(byEvent[1]!.passages.length, 1, 'each event still shows it');
    assert.equal(sharedPassages.get('a')?.length, 1);
    assert.equal(sharedPassages.get('b')?.length, 1);
  });

  describe('a paragraph many outlets reprint', () => {
    const wire = words(20, 'برقية');
    const n = SHARED_PASSAGE_LINKS + 5;
    // each article of its own outlet, bar the last, which is the first one's outlet again; oldest first
    const many = Array.from({ length: n }, (_, i) => ({
      id: `w${i}`,
      url: `/articles/w${i}/`,
      title: `عنوان ${i}`,
      outlet: { key: `o${i === n - 1 ? 0 : i}`, name_ar: `وسيلة ${i}` },
    }));
    const manyKnown = {
      paragraphs: new Map(
        many.map((a, i) => [
          a.id,
          [
            { anchor: 'p-1', text: words(6, `خاص${i}ـ`) },
            { anchor: 'p-2', text: wire },
            { anchor: 'p-3', text: i % 2 ? wire.split(' ').slice(0, 16).join(' ') : words(6, `ختام${i}ـ`) },
          ],
        ]),
      ),
      figures: new Map(many.map((a) => [a.id, []])),
    };
    const { byEvent, sharedPassages } = compareEvents([event('wire', many)], manyKnown);

    it('is one entry of the event comparison, every paragraph that prints it in it, oldest first', () => {
      assert.equal(byEvent[0]!.passages.length, 1);
      const [group] = byEvent[0]!.passages;
      assert.equal(group!.anchor, 'passage-1');
      assert.equal(group!.text, wire);
      const odd = many.filter((_, i) => i % 2).length;
      assert.equal(group!.members.length, n + odd);
      assert.deepEqual(
        group!.members.map((m) => m.href),
        many.flatMap((a, i) => (i % 2 ? [`${a.url}#p-2`, `${a.url}#p-3`] : [`${a.url}#p-2`])),
      );
    });

    it('gives each article one note per paragraph that prints it, the other outlets counted and the first few linked', () => {
      for (const [i, a] of many.entries()) {
        const notes = sharedPassages.get(a.id) ?? [];
        assert.deepEqual(
          notes.map((s) => s.anchor),
          i % 2 ? ['p-2', 'p-3'] : ['p-2'],
          a.id,
        );
        const outlets = new Set(many.map((o) => o.outlet.key));
        for (const s of notes) {
          assert.equal(s.outletCount, outlets.size - 1, `${a.id}: every outlet but its own`);
          assert.equal(s.elsewhere.length, SHARED_PASSAGE_LINKS);
          const expected = many.filter((o) => o.outlet.key !== a.outlet.key).slice(0, SHARED_PASSAGE_LINKS);
          assert.deepEqual(
            s.elsewhere.map((e) => e.href),
            expected.map((o) => `${o.url}#p-2`),
            'the first outlets, each at its first paragraph',
          );
          assert.deepEqual(s.rest, [{ href: '/events/wire/#passage-1', label: 'والبقية في مقارنة الوسائل' }]);
        }
      }
      assert.equal(sharedPassages.get('w0')![0]!.words, 20);
      assert.equal(sharedPassages.get('w1')![1]!.words, 16, 'each paragraph its own longest run');
    });

    it('links no rest where every other outlet is linked', () => {
      const few = many.slice(0, SHARED_PASSAGE_LINKS + 1);
      const { sharedPassages: notes } = compareEvents([event('few', few)], manyKnown);
      for (const a of few) for (const s of notes.get(a.id) ?? []) assert.deepEqual([s.outletCount, s.elsewhere.length, s.rest], [SHARED_PASSAGE_LINKS, SHARED_PASSAGE_LINKS, []]);
    });

    it('sends the reader only to the events holding outlets it does not link, naming them where there are two', () => {
      const k = SHARED_PASSAGE_LINKS;
      const one = compareEvents([event('early', many.slice(0, k + 1)), event('late', [many[0]!, ...many.slice(k + 1)])], manyKnown).sharedPassages;
      const [s] = one.get('w0') ?? [];
      assert.equal(s!.outletCount, n - 2);
      assert.deepEqual(s!.rest, [{ href: '/events/late/#passage-1', label: 'والبقية في مقارنة الوسائل' }], 'the early event is all linked');
      assert.deepEqual(one.get(`w${k}`)![0]!.rest, [], 'its own event is all linked, and the other does not hold it');

      const two = compareEvents([event('early', many.slice(0, k + 2)), event('late', [many[0]!, ...many.slice(k + 2)])], manyKnown).sharedPassages;
      assert.deepEqual(two.get('w0')![0]!.rest, [
        { href: '/events/early/#passage-1', label: 'والبقية في مقارنة الوسائل: حدث early' },
        { href: '/events/late/#passage-1', label: 'والبقية في مقارنة الوسائل: حدث late' },
      ]);
    });
  });

  it('quotes a paragraph by its longest shared run, and links first the outlet that prints that run', () => {
    const short = words(13, 'قصير');
    const long = words(25, 'طويل');
    const three = [
      { id: 'x', url: '/articles/x/', title: 'س', outlet: { key: 'one', name_ar: 'الأولى' } },
      { id: 'y', url: '/articles/y/', title: 'ص', outlet: { key: 'two', name_ar: 'الثانية' } },
      { id: 'z', url: '/articles/z/', title: 'ع', outlet: { key: 'three', name_ar: 'الثالثة' } },
    ];
    const { sharedPassages } = compareEvents([event('e', three)], {
      paragraphs: new Map([
        ['x', [{ anchor: 'p-1', text: `${short} ثم ${long}` }]],
        ['y', [{ anchor: 'p-4', text: short }]],
        ['z', [{ anchor: 'p-2', text: long }]],
      ]),
      figures: new Map(three.map((a) => [a.id, []])),
    });
    const [note, ...more] = sharedPassages.get('x') ?? [];
    assert.equal(more.length, 0, 'one note for the paragraph');
    assert.deepEqual([note!.text, note!.words, note!.outletCount, note!.elsewhere.map((e) => e.href)], [long, 25, 2, ['/articles/z/#p-2', '/articles/y/#p-4']]);
  });

  it('refuses an article the build derived nothing for, rather than reading it again', () => {
    assert.throws(() => compareEvents([event('first', articles)], { ...known, figures: new Map([['a', []]]) }), /no figures for article b/);
  });
});

/** A store in memory that counts its reads and writes. */
function memoryStore(version = 'v1'): Store & { entries: Map<string, unknown>; writes: number } {
  const entries = new Map<string, unknown>();
  const store = {
    version,
    entries,
    writes: 0,
    read: (kind: string, key: string) => entries.get(`${kind}/${key}`),
    write: (kind: string, key: string, value: unknown) => {
      store.writes++;
      entries.set(`${kind}/${key}`, value);
      return true;
    },
  };
  return store;
}

describe('drawMaps', () => {
  const raqqa: MapPlace = { slug: 'raqqa', name: 'الرقة', name_en: 'Raqqa', kind: 'city', coordinates: [35.95, 39.0167] };
  const baghuz: MapPlace = { slug: 'baghuz', name: 'الباغوز', name_en: 'Baghuz', kind: 'town', coordinates: [34.4667, 40.95] };
  const requests: MapArgs[] = [
    [[raqqa], { title: 'خريطة الرقة', id: 'map-a' }],
    [[baghuz, raqqa], { title: 'خريطة', id: 'map-b' }],
  ];
  const expected = requests.map((args) => renderPlaceMap(...args));

  it('draws every map, in the order asked, as renderPlaceMap does', () => {
    assert.deepEqual(drawMaps(requests), expected);
    assert.deepEqual(drawMaps([]), []);
  });

  it('stores the maps it draws and takes them from the store the next time', () => {
    const store = memoryStore();
    assert.deepEqual(drawMaps(requests, store), expected);
    assert.equal(store.writes, 2);
    assert.deepEqual(drawMaps(requests, store), expected);
    assert.equal(store.writes, 2, 'nothing drawn again');
  });

  it('uses a stored map only under its own key', () => {
    const store = memoryStore();
    const key = memoKey(store.version, mapKeyParts(...(requests[0] as MapArgs)));
    store.write('maps', key, { key: 'another key', value: '<svg>not this</svg>' });
    store.writes = 0;
    assert.deepEqual(drawMaps(requests, store), expected);
    assert.equal(store.writes, 2);
  });
});

describe('derivedOf', () => {
  it('gives the entry, and throws naming the article where there is none', () => {
    const map = new Map([['a', 'html']]);
    assert.equal(derivedOf(map, 'a', 'HTML'), 'html');
    assert.throws(() => derivedOf(map, 'b', 'HTML'), /no HTML for article b/);
  });
});

describe('site paths', () => {
  it('publishes every raw source under a name ending in .txt', () => {
    assert.equal(publishedSourcePath('sources/a.txt'), '/sources/a.txt');
    assert.equal(publishedSourcePath('sources/a.html'), '/sources/a.html.txt');
  });
});

describe('the seed archive, assembled once', () => {
  let archive: Archive;
  before(() => {
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    archive = buildArchive(content, content.site, loadEntities(content.dir));
  });

  it('draws each map into its view: an SVG or nothing, never a stand-in', () => {
    const maps = [...archive.events.map((e) => [e.url, e.mapSvg, e.mapPlaces] as const), ...archive.places.map((p) => [p.url, p.mapSvg, p.mapPlaces] as const)];
    for (const [url, svg, listed] of maps) {
      assert.ok(svg === '' || svg.startsWith('<svg'), `${url}: ${svg.slice(0, 40)}`);
      assert.equal(svg === '', listed.length === 0, `${url}: a map lists its places, and only a map`);
    }
    assert.ok(
      archive.events.every((e) => e.mapSvg.startsWith('<svg')),
      'every seed event has a map',
    );
  });

  it('gives each article the passages its events compare, and each event its naming table and entities', () => {
    for (const event of archive.events) {
      for (const p of event.comparison.passages) {
        for (const mine of p.members) {
          const article = event.articles.find((a) => a.id === mine.articleId);
          const note = article?.sharedPassages.find((s) => s.anchor === mine.anchor);
          assert.ok(note, `${mine.articleId} notes ${mine.anchor}`);
          const others = p.members.filter((m) => m.outletKey !== mine.outletKey);
          assert.ok(note.outletCount >= new Set(others.map((m) => m.outletKey)).size);
          assert.ok(note.elsewhere.length === Math.min(note.outletCount, SHARED_PASSAGE_LINKS));
        }
      }
    }
    for (const a of archive.articles) {
      const anchors = a.sharedPassages.map((s) => s.anchor);
      assert.equal(new Set(anchors).size, anchors.length, `${a.id}: one note per paragraph`);
    }
    assert.ok(
      archive.articles.some((a) => a.sharedPassages.length > 0),
      'the seed has wire copy',
    );
    assert.ok(archive.entities.length > 0);
    assert.ok(archive.events.some((e) => e.naming.rows.length > 0));
    assert.ok(archive.newestLists.length > 0);
  });
});

describe('freezeDeep', () => {
  it('freezes a value and all it holds, shared and cyclic parts once', () => {
    const shared = { n: 1 };
    const value: { list: Array<{ n: number }>; again: { n: number }; self?: unknown } = { list: [shared], again: shared };
    value.self = value;
    freezeDeep(value);
    assert.ok(Object.isFrozen(value) && Object.isFrozen(value.list) && Object.isFrozen(shared));
    assert.throws(() => (value.list as unknown[]).push(2), TypeError);
  });

  it('leaves the built archive unchangeable by the pages that read it', () => {
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    const archive = buildArchive(content, content.site);
    assert.ok(Object.isFrozen(archive) && Object.isFrozen(archive.articles) && Object.isFrozen(archive.articles[0]));
    assert.ok(Object.isFrozen(archive.events[0]!.comparison.passages));
    assert.throws(() => {
      (archive.articles[0] as { title: string }).title = 'x';
    }, TypeError);
  });
});
