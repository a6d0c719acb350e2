/**
 * Per-event timelines on the seed content: dated mentions extracted from the articles (explicit
 * and relative, resolved against the publication date), each with its sentence and a link into
 * the paragraph, merged with the articles into one chronological list.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { buildArchive, type Archive } from '../src/site/archive.ts';
import { DEFAULT_CONTENT_DIR } from '../src/site/paths.ts';
import { buildTimeline, dateLabel, isCovered, type TimelineEntry } from '../src/timeline/build-timeline.ts';
import { extractMentions, sentenceAround, type DatedMention } from '../src/timeline/mentions.ts';
import { paragraphsFromHtml } from '../src/timeline/paragraphs.ts';
import { renderTimelineOverview } from '../src/timeline/overview-svg.ts';
import { parseXml } from './helpers/xml.ts';

const ids = {
  dw: '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate',
  alkhabar: '2019-03-23-alkhabar-tv-is-isis-over-in-syria',
  rojava: '2019-03-13-rojava-network-isis-last-moments-in-baghuz',
  khaleej: '2017-10-18-al-khaleej-historic-isis-defeat-in-raqqa',
};

function eventMentions(archive: Archive, eventId: string): { mentions: DatedMention[]; timeline: TimelineEntry[] } {
  const event = archive.events.find((e) => e.id === eventId);
  assert.ok(event);
  const articles = event.articles.map((a) => ({ id: a.id, url: a.url, title: a.title, outlet: a.outlet.name_ar, date: a.date.iso, paragraphs: paragraphsFromHtml(a.html) }));
  const mentions = articles.flatMap(extractMentions);
  return { mentions, timeline: buildTimeline([], articles, mentions) };
}

function mentionOf(mentions: DatedMention[], value: string, articleId: string): DatedMention {
  const found = mentions.find((m) => m.value === value && m.articleId === articleId);
  assert.ok(found, `${value} from ${articleId} (found: ${mentions.map((m) => `${m.value}@${m.articleId.slice(11, 25)}`).join(', ')})`);
  assert.match(found.href, new RegExp(`^/articles/${articleId}/#p-\\d+$`));
  assert.ok(found.sentence.includes(found.expression), 'the sentence holds the expression');
  return found;
}

describe('timelines of the seed events', () => {
  let archive: Archive;
  before(() => {
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    archive = buildArchive(content, content.site);
  });

  it('baghuz-2019: the offensive from September 2018, the assault resumed, Bali’s tweet, the declaration', () => {
    const { mentions, timeline } = eventMentions(archive, 'baghuz-2019');
    assert.equal(mentionOf(mentions, '2018-09', ids.rojava).precision, 'month');
    assert.equal(mentionOf(mentions, '2019-03-10', ids.rojava).expression, 'الأحد الماضي');
    const tweet = mentionOf(mentions, '2019-03-12', ids.rojava);
    assert.equal(tweet.expression, 'أمس الثلاثاء');
    assert.equal(tweet.flag, undefined, 'the weekday agrees');
    mentionOf(mentions, '2019-03-23', ids.dw);
    mentionOf(mentions, '2019-03-23', ids.alkhabar);
    const declaration = timeline.find((e) => e.value === '2019-03-23');
    assert.ok(declaration);
    const grouped = declaration.items.find((i) => i.kind === 'mention');
    assert.ok(grouped?.kind === 'mention' && grouped.articles.length >= 2, 'several articles reporting the same day are grouped');
    assert.ok(declaration.items.some((i) => i.kind === 'article'), 'the articles stand at their publication date');
  });

  it('raqqa-2017: 2014, November 2016, 5 June 2017 and 17 October 2017 ("أمس")', () => {
    const { mentions } = eventMentions(archive, 'raqqa-2017');
    assert.equal(mentionOf(mentions, '2014', ids.khaleej).precision, 'year');
    assert.equal(mentionOf(mentions, '2016-11', ids.khaleej).precision, 'month');
    mentionOf(mentions, '2017-06-05', ids.khaleej);
    assert.equal(mentionOf(mentions, '2017-10-17', ids.khaleej).kind, 'relative');
  });

  it('orders entries by date, coarser dates first', () => {
    const { timeline } = eventMentions(archive, 'raqqa-2017');
    const values = timeline.map((e) => e.value);
    assert.deepEqual(values, [...values].sort());
    assert.ok(values.indexOf('2017') < values.indexOf('2017-06-05') || !values.includes('2017'));
  });
});

describe('timeline helpers', () => {
  it('labels dates as readers read them', () => {
    assert.equal(dateLabel('2019-03-23'), '23 آذار/مارس 2019');
    assert.equal(dateLabel('2018-09'), 'أيلول/سبتمبر 2018');
    assert.equal(dateLabel('2014'), '2014');
  });

  it('finds the sentence around a mention', () => {
    const text = 'جملة أولى. وقال أمس الثلاثاء إن المعركة مستمرة. جملة ثالثة؟ نعم';
    assert.equal(sentenceAround(text, text.indexOf('أمس')), 'وقال أمس الثلاثاء إن المعركة مستمرة.');
  });

  it('flags a weekday that disagrees with its date', () => {
    const [m] = extractMentions({ id: 'x', url: '/articles/x/', title: 't', outlet: 'o', date: '2019-03-13', paragraphs: [{ anchor: 'p-1', text: 'وقال أمس الأحد إن الهجوم بدأ.' }] });
    assert.ok(m);
    assert.equal(m.value, '2019-03-12');
    assert.ok(m.flag);
  });

  it('knows which mentions a milestone covers', () => {
    const mention = { value: '2019-03-12' } as DatedMention;
    assert.equal(isCovered(mention, [{ date: '2019-03-12', text: 'x', articles: [] }]), true);
    assert.equal(isCovered(mention, [{ date: '2019-03-01', end: '2019-03-23', text: 'x', articles: [] }]), true);
    assert.equal(isCovered(mention, [{ date: '2019-03-23', text: 'x', articles: [] }]), false);
  });

  it('reads paragraphs and their anchors from rendered HTML', () => {
    assert.deepEqual(paragraphsFromHtml('<p id="p-1">أ &amp; <a href="x">ب</a></p>\n<h2>ع</h2>\n<p id="p-2">ج&#x3C;</p>'), [
      { anchor: 'p-1', text: 'أ & ب' },
      { anchor: 'p-2', text: 'ج<' },
    ]);
  });
});

describe('timeline overview SVG', () => {
  it('draws right to left: the earliest date at the right', () => {
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    const archive = buildArchive(content, content.site);
    const event = archive.events.find((e) => e.id === 'raqqa-2017');
    assert.ok(event);
    const svg = renderTimelineOverview(event.timeline, { title: 'الخط الزمني لمعركة الرقة', id: event.id });
    assert.doesNotThrow(() => parseXml(`<?xml version="1.0" encoding="UTF-8"?>${svg}`));
    assert.match(svg, /role="img" aria-labelledby="tl-raqqa-2017-title"/);
    // Each mark: its x and its <title> ("label: text").
    const marks = [...svg.matchAll(/<(?:path class="tl-milestone" d="M|circle class="tl-mention[^"]*" cx="|rect class="tl-article" x=")([\d.]+)[^>]*><title>([^<]*)<\/title>/g)].map((m) => ({ x: Number(m[1]), title: m[2] ?? '' }));
    assert.equal(marks.length, event.timeline.reduce((n, e) => n + e.items.length, 0), 'a mark per item');
    const xsOf = (label: string) => marks.filter((m) => m.title.startsWith(`${label}: `)).map((m) => m.x);
    const first = xsOf(event.timeline[0]!.label);
    const last = xsOf(event.timeline[event.timeline.length - 1]!.label);
    assert.ok(first.length > 0 && last.length > 0);
    assert.ok(Math.min(...first) > Math.max(...last), 'the earliest entry stands right of the latest');
  });

  it('escapes text and draws nothing for an empty timeline', () => {
    assert.equal(renderTimelineOverview([], { title: 'x', id: 'x' }), '');
    const svg = renderTimelineOverview(
      [{ value: '2019-03-23', precision: 'day', label: '23 آذار/مارس 2019', items: [{ kind: 'milestone', text: '<script>alert(1)</script>', articles: [] }] }],
      { title: 'a<b', id: 'x' },
    );
    assert.doesNotMatch(svg, /<script/);
    assert.match(svg, /a&lt;b/);
  });
});
