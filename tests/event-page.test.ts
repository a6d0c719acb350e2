/**
 * The event page on the seed site: map, timeline (as an ordered list with <time datetime>, plus
 * the right-to-left overview), shared passages and the figures table; and the articles' notes
 * on the passages other outlets share.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createEntityCounter } from '../src/analysis/entity-usage.ts';
import { readSiteFile, seedSiteDir } from './helpers/site.ts';

const ALKHABAR = '2019-03-23-alkhabar-tv-is-isis-over-in-syria';
const SEYASSAH = '2019-03-23-al-seyassah-sdf-declares-isis-defeat-in-baghuz';
const ROJAVA = '2019-03-13-rojava-network-isis-last-moments-in-baghuz';

/** The HTML of the section with this id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="event-${id}" id="${id}"`);
  assert.ok(start >= 0, `section #${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('event page', () => {
  let baghuz: string;
  let raqqa: string;
  before(async () => {
    const site = await seedSiteDir();
    baghuz = readSiteFile(site, 'events/baghuz-2019/index.html');
    raqqa = readSiteFile(site, 'events/raqqa-2017/index.html');
  });

  it('shows a map of the places', () => {
    const map = section(baghuz, 'map');
    assert.match(map, /<svg[^>]*class="arshif-map/);
    assert.match(map, /href="\/places\/baghuz\/"/);
  });

  it('shows one chronological timeline with evidence linking into the articles', () => {
    const timeline = section(baghuz, 'timeline');
    assert.match(timeline, /<svg class="timeline-overview"/);
    const dates = [...timeline.matchAll(/<time class="timeline-date" datetime="([\d-]+)">/g)].map((m) => m[1]);
    assert.deepEqual(dates, [...dates].sort(), 'in date order');
    for (const date of ['2018-09', '2019-03-10', '2019-03-12', '2019-03-23']) assert.ok(dates.includes(date), `${date} on the timeline`);
    const tweet = timeline.slice(timeline.indexOf('datetime="2019-03-12"'));
    assert.match(tweet.slice(0, tweet.indexOf('</li>\n      <li class="timeline-entry">')), new RegExp(`href="/articles/${ROJAVA}/#p-\\d+"`));
    assert.match(section(raqqa, 'timeline'), /datetime="2017-10-17"/);
  });

  it('lists the passages shared between outlets and the figures each reported', () => {
    const compare = section(baghuz, 'compare');
    assert.match(compare, /أسر مئات في الأسابيع الماضية|مئات في الأسابيع الماضية ممن حاولوا التسلل/);
    const row = (label: string) => {
      const at = compare.indexOf(`<th scope="row">${label}</th>`);
      assert.ok(at >= 0, `row ${label}`);
      return compare.slice(at, compare.indexOf('</tr>', at));
    };
    for (const label of ['11 ألف قتيل', '21 ألف جريح', '52 ألف كم²']) {
      const r = row(label);
      assert.match(r, new RegExp(`/articles/${ALKHABAR}/#p-`), `${label} from 001`);
      assert.match(r, new RegExp(`/articles/${SEYASSAH}/#p-`), `${label} from 002`);
    }
  });

  it('tells an article which of its passages other outlets published too', async () => {
    const site = await seedSiteDir();
    const article = readSiteFile(site, `articles/${ALKHABAR}/index.html`);
    assert.match(article, /<aside class="shared-passages"[^>]*data-pagefind-ignore/);
    assert.match(article, /ورد أيضاً لدى وسيلة أخرى: <a href="\/articles\/2019-03-23-(dw-arabic|al-seyassah)-[a-z0-9-]+\/#p-\d+" title="[^"]+"><bdi>/);
    const notes = [...article.matchAll(/<li><a href="#(p-\d+)">/g)].map((m) => m[1]);
    assert.ok(notes.length > 0);
    assert.equal(new Set(notes).size, notes.length, 'one note per paragraph');
  });

  it('gives each shared run of the event one entry, with an id the article pages can link to', () => {
    const ids = [...section(baghuz, 'compare').matchAll(/<li id="(passage-\d+)">/g)].map((m) => m[1]);
    assert.ok(ids.length > 0);
    assert.deepEqual(
      ids,
      ids.map((_, i) => `passage-${i + 1}`),
    );
  });
});

describe('actors and their names', () => {
  it('counts every name of an actor, clitics understood, the longest name first', () => {
    const count = createEntityCounter({
      sdf: { name: 'قوات سوريا الديمقراطية', name_en: 'SDF', aliases: ['قسد', 'قوات سورية الديمقراطية'] },
      isis: { name: 'تنظيم الدولة الإسلامية', name_en: 'ISIS', aliases: ['داعش', 'تنظيم الدولة'] },
    });
    const uses = count('قالت قسد إن مقاتلي "قوات سورية الديمقراطية" طردوا تنظيم الدولة الإسلامية، وإن لقسد دوراً ضد داعش وتنظيم الدولة.');
    const of = (name: string) => uses.find((u) => u.name === name)?.count;
    assert.equal(of('قسد'), 2);
    assert.equal(of('قوات سورية الديمقراطية'), 1);
    assert.equal(of('تنظيم الدولة الإسلامية'), 1);
    assert.equal(of('تنظيم الدولة'), 1);
    assert.equal(of('داعش'), 1);
  });

  it('gives each actor a page listing the articles that name it under any name', async () => {
    const site = await seedSiteDir();
    const sdf = readSiteFile(site, 'entities/sdf/index.html');
    assert.equal([...sdf.matchAll(/class="article-title" href="\/articles\//g)].length, 5);
    assert.match(sdf, /قسد <span class="count">\(\d+\)<\/span>/);
    assert.match(sdf, /المقالات التي تذكره \(5 مقالات\)/, 'the count in the agreement Arabic wants');
  });

  it('gives each person a page with the articles and the sentences where they are quoted', async () => {
    const site = await seedSiteDir();
    const mazloum = readSiteFile(site, 'entities/mazloum-abdi/index.html');
    assert.equal([...mazloum.matchAll(/class="article-title" href="\/articles\//g)].length, 2, 'seyassah (مظلوم عبدي) and alkhabar (مظلوم كوباني)');
    const quotes = mazloum.slice(mazloum.indexOf('id="quotes-title"'), mazloum.indexOf('id="articles-title"'));
    assert.match(quotes, /فيما قال القائد العام مظلوم عبدي/);
    assert.match(quotes, /على لسان ما يسمى القائد العام لقوات “قسد” المدعو “مظلوم كوباني”/);
    assert.match(quotes, /<a href="\/articles\/2019-03-23-al-seyassah-[a-z0-9-]+\/#p-\d+">/, 'each quote links to its paragraph');
    const kino = readSiteFile(site, 'entities/kino-gabriel/index.html');
    assert.match(kino, /كينو غابرييل/);
    assert.match(kino, /كينو جابرييل/);
    const sdf = readSiteFile(site, 'entities/sdf/index.html');
    assert.doesNotMatch(sdf, /id="quotes-title"/, 'quotes are for people');
  });

  it('shows on the event page which names each outlet uses', async () => {
    const site = await seedSiteDir();
    const page = readSiteFile(site, 'events/baghuz-2019/index.html');
    const table = page.slice(page.indexOf('<table class="figures naming">'), page.indexOf('</table>', page.indexOf('<table class="figures naming">')));
    assert.match(table, /<a href="\/entities\/sdf\/">قوات سوريا الديمقراطية<\/a>/);
    assert.match(table, /<a href="\/entities\/syrian-government\/">/);
    assert.match(table, /الجيش العربي السوري/);
  });
});
