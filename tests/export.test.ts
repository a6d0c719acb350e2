/**
 * The researchers' files of the built seed site, each read with a real parser: /export/'s CSV
 * (csv-parse, as UTF-8 with BOM), JSON, each event's timeline (JSON, and iCalendar read by
 * ical.js), the JSON Feed, and the citations (citation-js reading back the BibTeX, RIS and
 * CSL-JSON). They must hold exactly the five articles' metadata as their front matter gives it,
 * every figure and dated mention must stand in the paragraph it names, and the pages that link
 * them (home, event, article, about, /export/) must link them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { loadValidContent } from '../src/content/load.ts';
import { dateSpan, toCsv } from '../src/export/formats.ts';
import { ARTICLE_COLUMNS, EXPORT_FILES, FIGURE_COLUMNS, MENTION_COLUMNS } from '../src/export/rows.ts';
import { getArchive } from '../src/model/load-archive.ts';
import { MANIFEST_NAME } from '../src/site/manifest.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { parseBibtex } from './helpers/bibtex.ts';
import { parseRis, risValues } from './helpers/ris.ts';
import { readSiteFile, seedSiteDir } from './helpers/site.ts';

const content = loadValidContent(DEFAULT_CONTENT_DIR);
const archive = getArchive(DEFAULT_CONTENT_DIR);
const SITE_URL = archive.site.url;
const front = new Map(content.articles.map((a) => [a.data.id, a.data]));
const IDS = [...front.keys()].sort();

let site = '';
before(async () => {
  site = await seedSiteDir();
});

const bytes = (path: string) => readFileSync(join(site, path));
/** The file as UTF-8, refusing any invalid byte (an Arabic letter cut in two would fail here). */
const utf8 = (path: string) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes(path));

function csvRows(path: string): Array<Record<string, string>> {
  return parse(utf8(path), { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

/** The text of paragraph `anchor` of an article's page, tags removed. */
function paragraphText(id: string, anchor: string): string {
  const html = readSiteFile(site, `articles/${id}/index.html`);
  const m = new RegExp(`<p id="${anchor}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  assert.ok(m, `${id} has no paragraph ${anchor}`);
  return (m[1] as string)
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('/export/articles.csv and articles.json', () => {
  it('articles.csv is UTF-8 with a BOM, CRLF rows, and the Arabic round-trips', () => {
    const raw = bytes('export/articles.csv');
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM Excel needs');
    const text = utf8('export/articles.csv');
    assert.ok(text.includes('\r\n'));
    const rows = csvRows('export/articles.csv');
    assert.deepEqual(
      Object.keys(rows[0] ?? {}),
      ARTICLE_COLUMNS.map((c) => c.name),
    );
    for (const row of rows) assert.equal(row.headline, front.get(row.id as string)?.title);
  });

  it('holds exactly the five articles, each as its front matter says', () => {
    const csv = csvRows('export/articles.csv');
    const json = JSON.parse(utf8('export/articles.json')) as { articles: Array<Record<string, unknown>> };
    assert.deepEqual(csv.map((r) => r.id).sort(), IDS);
    assert.deepEqual(json.articles.map((r) => r.id).sort(), IDS);
    for (const row of json.articles) {
      const fm = front.get(row.id as string);
      assert.ok(fm);
      assert.deepEqual(
        row,
        {
          id: fm.id,
          date: fm.date,
          date_basis: fm.date_basis,
          outlet: fm.outlet,
          outlet_name: content.outlets.entries[fm.outlet]?.name_ar,
          headline: fm.title,
          places: fm.places,
          events: fm.events,
          agencies: fm.agencies,
          author: fm.author,
          original_url: fm.source.url,
          retrieved: fm.source.retrieved,
          archive_url: `${SITE_URL}articles/${fm.id}/`,
          sha256: fm.source.sha256,
        },
        `${fm.id} in articles.json`,
      );
      const csvRow = csv.find((r) => r.id === fm.id) as Record<string, string>;
      for (const [key, value] of Object.entries(row)) {
        const text = value === null ? '' : Array.isArray(value) ? value.join(' | ') : String(value);
        assert.equal(csvRow[key], text, `${fm.id}.${key} in articles.csv`);
      }
    }
  });
});

describe('CSV cells from untrusted text', () => {
  it('a cell a spreadsheet would run as a formula is written as text; numbers and ordinary text are not touched', () => {
    const columns = [{ name: 'title' }, { name: 'count' }] as unknown as Parameters<typeof toCsv>[0];
    const rows = [
      { title: '=HYPERLINK("http://x.example","اضغط")', count: -3 },
      { title: '+1 مليون', count: 5 },
      { title: '@SUM(A1)', count: 0 },
      { title: '-2+3', count: 1 },
      { title: 'عنوان عادي - مع شرطة', count: 2 },
    ];
    const parsed = parse(toCsv(columns, rows), { bom: true, columns: true }) as Array<{ title: string; count: string }>;
    assert.deepEqual(
      parsed.map((r) => [r.title, r.count]),
      [
        [`'=HYPERLINK("http://x.example","اضغط")`, '-3'],
        [`'+1 مليون`, '5'],
        [`'@SUM(A1)`, '0'],
        [`'-2+3`, '1'],
        ['عنوان عادي - مع شرطة', '2'],
      ],
    );
  });
});

describe('/export/figures.csv and mentions.csv', () => {
  it('every figure stands in the paragraph it names, and every event article with figures is there', () => {
    const rows = csvRows('export/figures.csv');
    assert.deepEqual(
      Object.keys(rows[0] ?? {}),
      FIGURE_COLUMNS.map((c) => c.name),
    );
    assert.ok(rows.length >= 10, `${rows.length} figures`);
    for (const r of rows) {
      assert.equal(r.outlet, front.get(r.article as string)?.outlet);
      assert.ok(paragraphText(r.article as string, r.paragraph as string).includes(r.text as string), `${r.article}#${r.paragraph}: «${r.text}»`);
      assert.ok(Number.isFinite(Number(r.value)) && ['true', 'false'].includes(r.approximate as string));
      assert.equal(r.archive_url, `${SITE_URL}articles/${r.article}/#${r.paragraph}`);
    }
    const shown = new Set(archive.events.flatMap((e) => e.comparison.figures.rows.flatMap((row) => row.cells.flatMap((c) => c.reports.map((rep) => rep.href)))));
    assert.deepEqual(new Set(rows.map((r) => `/articles/${r.article}/#${r.paragraph}`)), new Set(shown), 'the same figures as the event pages');
  });

  it('every dated mention has its sentence, in the paragraph it names', () => {
    const rows = csvRows('export/mentions.csv');
    assert.deepEqual(
      Object.keys(rows[0] ?? {}),
      MENTION_COLUMNS.map((c) => c.name),
    );
    assert.ok(rows.length >= 10, `${rows.length} mentions`);
    for (const r of rows) {
      assert.match(r.date as string, /^\d{4}(-\d{2}(-\d{2})?)?$/);
      const paragraph = paragraphText(r.article as string, r.paragraph as string).replace(/\s+/g, ' ');
      assert.ok(paragraph.includes((r.sentence as string).replace(/\s+/g, ' ')), `${r.article}#${r.paragraph}: ${r.sentence}`);
      assert.ok((r.sentence as string).includes(r.expression as string));
    }
    const total = archive.events.reduce((n, e) => n + e.timeline.flatMap((t) => t.items).reduce((k, i) => k + (i.kind === 'mention' ? i.mentions.length : 0), 0), 0);
    assert.ok(rows.length <= total && rows.length > 0);
  });
});

describe("each event's timeline as JSON and iCalendar", () => {
  for (const event of archive.events) {
    it(event.id, () => {
      const json = JSON.parse(utf8(`export/events/${event.id}.timeline.json`)) as { event: string; entries: Array<{ date: string; items: unknown[] }> };
      assert.equal(json.event, event.id);
      assert.deepEqual(
        json.entries.map((e) => e.date),
        event.timeline.map((e) => e.value),
      );
      const ics = utf8(`export/events/${event.id}.ics`);
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const vevents = calendar.getAllSubcomponents('vevent');
      const items = event.timeline.reduce((n, e) => n + e.items.length, 0);
      assert.equal(vevents.length, items, 'one VEVENT per milestone, mention group and article');
      const uids = vevents.map((v) => String(v.getFirstPropertyValue('uid')));
      assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
      const articleEvents = vevents.filter((v) => String(v.getFirstPropertyValue('url') ?? '').match(/\/articles\/[^/]+\/$/));
      for (const a of event.articles) {
        const v = articleEvents.find((e) => String(e.getFirstPropertyValue('url')) === `${SITE_URL}articles/${a.id}/`);
        assert.ok(v, `${a.id} is in the calendar`);
        const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
        assert.equal(start.toString(), a.date.iso);
        assert.ok(String(v.getFirstPropertyValue('summary')).includes(a.title));
      }
    });
  }
});

describe('the JSON Feed beside the Atom feed', () => {
  it('is JSON Feed 1.1 with the five articles', () => {
    const feed = JSON.parse(utf8('feed.json')) as { version: string; feed_url: string; items: Array<{ id: string; title: string; date_published: string }> };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.feed_url, `${SITE_URL}feed.json`);
    assert.deepEqual(feed.items.map((i) => i.id).sort(), IDS.map((id) => `${SITE_URL}articles/${id}/`).sort());
    for (const item of feed.items) {
      const id = item.id.slice(`${SITE_URL}articles/`.length, -1);
      assert.equal(item.title, front.get(id)?.title);
      assert.equal(item.date_published, `${front.get(id)?.date}T00:00:00Z`);
    }
  });
});

describe('citations on the site', () => {
  it('articles.bib, articles.ris and articles.csl.json hold the five articles, read back by citation-js', () => {
    const bib = utf8('export/articles.bib');
    const ris = utf8('export/articles.ris');
    const csl = JSON.parse(utf8('export/articles.csl.json')) as unknown[];
    for (const [name, data] of [
      ['bib', new Cite(bib).data],
      ['ris', new Cite(ris).data],
      ['csl', new Cite(csl).data],
    ] as const) {
      const titles = (data as Array<Record<string, unknown>>).map((d) => d.title as string).sort();
      assert.deepEqual(titles, IDS.map((id) => front.get(id)?.title).sort(), `titles in articles.${name}`);
    }
    assert.deepEqual(
      parseBibtex(bib)
        .map((e) => e.key)
        .sort(),
      IDS,
    );
    assert.equal(parseRis(ris).length, 5);
  });

  for (const id of IDS) {
    it(`${id}: cite.bib, cite.ris, cite.json`, () => {
      const fm = front.get(id);
      assert.ok(fm);
      const [entry] = parseBibtex(utf8(`articles/${id}/cite.bib`));
      assert.equal(entry?.fields.title, fm.title);
      assert.equal(entry?.fields.journal, content.outlets.entries[fm.outlet]?.name_ar);
      assert.ok(entry?.fields.note?.includes(fm.source.sha256));
      const [record] = parseRis(utf8(`articles/${id}/cite.ris`));
      assert.ok(record);
      assert.deepEqual(risValues(record, 'TI'), [fm.title]);
      assert.deepEqual(risValues(record, 'DA'), [`${fm.date.replace(/-/g, '/')}/`]);
      assert.deepEqual(risValues(record, 'AU'), fm.author ? [fm.author] : []);
      const [item] = new Cite(JSON.parse(utf8(`articles/${id}/cite.json`))).data as Array<Record<string, unknown>>;
      assert.equal(item?.title, fm.title);
      assert.deepEqual(item?.issued, { 'date-parts': [fm.date.split('-').map(Number)] });
      const page = readSiteFile(site, `articles/${id}/index.html`);
      for (const file of ['cite.bib', 'cite.ris', 'cite.json']) assert.ok(page.includes(`href="/articles/${id}/${file}"`), `the page links ${file}`);
      assert.ok(page.includes('id="cite-title"'));
    });
  }
});

describe('where the exports are listed and linked', () => {
  it("every export is in the site's manifest", () => {
    const manifest = JSON.parse(readSiteFile(site, MANIFEST_NAME)) as { files: Array<{ path: string }> };
    const paths = new Set(manifest.files.map((f) => f.path));
    for (const f of EXPORT_FILES) assert.ok(paths.has(f.path), f.path);
    for (const e of archive.events) for (const ext of ['.timeline.json', '.ics']) assert.ok(paths.has(`export/events/${e.id}${ext}`));
    for (const id of IDS) for (const f of ['cite.bib', 'cite.ris', 'cite.json']) assert.ok(paths.has(`articles/${id}/${f}`));
  });

  it('the home page links the exports, each event page its timeline files, /export/ every file', () => {
    const home = readSiteFile(site, 'index.html');
    assert.ok(home.includes('href="/export/"') && home.includes('href="/export/articles.csv"'));
    for (const e of archive.events) {
      const page = readSiteFile(site, `events/${e.id}/index.html`);
      assert.ok(page.includes(`href="/export/events/${e.id}.timeline.json"`) && page.includes(`href="/export/events/${e.id}.ics"`), e.id);
    }
    const index = readSiteFile(site, 'export/index.html');
    for (const f of EXPORT_FILES) assert.ok(index.includes(`href="/${f.path}"`), f.path);
  });

  it('the about page has the data dictionary: every column by its English name, with Arabic', () => {
    const about = readSiteFile(site, 'about/index.html');
    assert.ok(about.includes('id="data"'));
    for (const c of [...ARTICLE_COLUMNS, ...FIGURE_COLUMNS, ...MENTION_COLUMNS]) {
      assert.ok(about.includes(`<code dir="ltr">${c.name}</code>`), c.name);
      assert.ok(about.includes(c.ar.replace(/"/g, '&quot;')), c.ar);
    }
  });
});

describe('src/export/formats.ts', () => {
  it('writes any text into a CSV cell that reads back the same (quotes, commas, line breaks, a leading BOM-like mark)', () => {
    const columns = [
      { name: 'a', type: 'string' as const, en: '', ar: '' },
      { name: 'b', type: 'list' as const, en: '', ar: '' },
    ];
    const nasty = 'قال "نعم"، ثم, سطر\nجديد\r\n\uFEFFو=1+2';
    const csv = toCsv(columns, [
      { a: nasty, b: ['x', 'ي ي'] },
      { a: null, b: [] },
    ]);
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(rows, [
      { a: nasty, b: 'x | ي ي' },
      { a: '', b: '' },
    ]);
  });

  it('dateSpan gives all-day spans with an exclusive end, for a day, a month, a year and a range', () => {
    assert.deepEqual(dateSpan('2019-03-23'), { start: [2019, 3, 23], end: [2019, 3, 24] });
    assert.deepEqual(dateSpan('2019-12-31'), { start: [2019, 12, 31], end: [2020, 1, 1] });
    assert.deepEqual(dateSpan('2016-02'), { start: [2016, 2, 1], end: [2016, 3, 1] });
    assert.deepEqual(dateSpan('2014'), { start: [2014, 1, 1], end: [2015, 1, 1] });
    assert.deepEqual(dateSpan('2019-03-01', '2019-03-10'), { start: [2019, 3, 1], end: [2019, 3, 11] });
    assert.deepEqual(dateSpan('2019-03-10', '2019-03-01'), { start: [2019, 3, 10], end: [2019, 3, 11] }, 'an end before the start is ignored');
  });
});
