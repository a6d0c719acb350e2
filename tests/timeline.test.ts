/**
 * Per-event timelines on the seed content: dated mentions extracted from the articles (explicit
 * and relative, resolved against the publication date), each with its sentence and a link into
 * the paragraph, merged with the articles into one chronological list.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { buildArchive } from '../src/model/build-archive.ts';
import type { Archive } from '../src/model/views.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { buildTimeline, dateLabel, isCovered, type TimelineEntry } from '../src/analysis/timeline/build-timeline.ts';
import { dedupeMentions, extractMentions, sentenceAround, type DatedMention } from '../src/analysis/mentions.ts';
import type { Paragraph } from '../src/markdown/paragraphs.ts';
import { renderMarkdown } from '../src/markdown/render.ts';
import { MIN_MARK_GAP, OVERVIEW_FONT, OVERVIEW_WIDTH, renderTimelineOverview } from '../src/analysis/timeline/overview-svg.ts';
import { parseXml } from './helpers/xml.ts';

const ids = {
  dw: '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate',
  alkhabar: '2019-03-23-alkhabar-tv-is-isis-over-in-syria',
  rojava: '2019-03-13-rojava-network-isis-last-moments-in-baghuz',
  khaleej: '2017-10-18-al-khaleej-historic-isis-defeat-in-raqqa',
};

/** Each article's paragraphs, as its render gives them. */
let paragraphs: Map<string, Paragraph[]>;

function eventMentions(archive: Archive, eventId: string): { mentions: DatedMention[]; timeline: TimelineEntry[] } {
  const event = archive.events.find((e) => e.id === eventId);
  assert.ok(event);
  const articles = event.articles.map((a) => ({ id: a.id, url: a.url, title: a.title, outlet: a.outlet.name_ar, date: a.date.iso, paragraphs: paragraphs.get(a.id) ?? [] }));
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
    paragraphs = new Map(content.articles.map((a) => [a.data.id, renderMarkdown(a.body).paragraphs]));
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
    assert.ok(
      declaration.items.some((i) => i.kind === 'article'),
      'the articles stand at their publication date',
    );
  });

  it('raqqa-2017: 2014, November 2016, 5 June 2017 and 17 October 2017 ("أمس")', () => {
    const { mentions } = eventMentions(archive, 'raqqa-2017');
    assert.equal(mentionOf(mentions, '2014', ids.khaleej).precision, 'year');
    assert.equal(mentionOf(mentions, '2016-11', ids.khaleej).precision, 'month');
    mentionOf(mentions, '2017-06-05', ids.khaleej);
    assert.equal(mentionOf(mentions, '2017-10-17', ids.khaleej).kind, 'relative');
  });

  it('lists a sentence once under a date, whichever way it gives the date', () => {
    for (const event of archive.events) {
      for (const entry of event.timeline) {
        for (const item of entry.items) {
          if (item.kind !== 'mention') continue;
          const keys = item.mentions.map((m) => `${m.articleId} ${m.sentence}`);
          assert.equal(new Set(keys).size, keys.length, `${event.id} ${entry.value}: ${keys.join(' | ')}`);
        }
      }
      assert.ok(!event.uncoveredMentions.some((m) => m.expression === 'اليوم' && m.sentence.includes('يقتصر اليوم')), 'nowadays is no date');
    }
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
    const [m] = extractMentions({
      id: 'x',
      url: '/articles/x/',
      title: 't',
      outlet: 'o',
      date: '2019-03-13',
      paragraphs: [{ anchor: 'p-1', text: 'وقال أمس الأحد إن الهجوم بدأ.' }],
    });
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
});

describe('timeline overview SVG', () => {
  /** Each mark group: its kind, count, x, whether folded, and its <title>. */
  const marksOf = (svg: string) =>
    [
      ...svg.matchAll(
        /<g class="tl-mark( tl-mark--folded)?" data-kind="(\w+)" data-count="(\d+)"><title>([^<]*)<\/title><(?:path class="tl-milestone" d="M|circle class="tl-mention[^"]*" cx="|rect class="tl-article" x=")([\d.]+)/g,
      ),
    ].map((m) => ({ folded: Boolean(m[1]), kind: m[2] as string, count: Number(m[3]), title: m[4] as string, x: Number(m[5]) }));
  const entry = (value: string, items: TimelineEntry['items']): TimelineEntry => ({
    value,
    precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day',
    label: dateLabel(value),
    items,
  });
  const mentions = (n: number, value: string): TimelineEntry['items'][number] => ({
    kind: 'mention',
    flagged: false,
    articles: [],
    mentions: Array.from({ length: n }, (_, i) => ({ value, sentence: `جملة ${i}` }) as DatedMention),
  });

  it('draws right to left: the earliest date at the right', () => {
    const content = loadValidContent(DEFAULT_CONTENT_DIR);
    const archive = buildArchive(content, content.site);
    const event = archive.events.find((e) => e.id === 'raqqa-2017');
    assert.ok(event);
    const svg = renderTimelineOverview(event.timeline, { title: 'الخط الزمني لمعركة الرقة', id: event.id });
    assert.doesNotThrow(() => parseXml(`<?xml version="1.0" encoding="UTF-8"?>${svg}`));
    assert.match(svg, /role="img" aria-labelledby="tl-raqqa-2017-title"/);
    const marks = marksOf(svg);
    assert.equal(
      marks.reduce((n, m) => n + (m.kind === 'mention' ? 0 : m.count), 0),
      event.timeline.reduce((n, e) => n + e.items.filter((i) => i.kind !== 'mention').length, 0),
      'every milestone and article is counted',
    );
    const first = marks.filter((m) => m.title.startsWith(event.timeline[0]!.label));
    const last = marks.filter((m) => m.title.includes(event.timeline[event.timeline.length - 1]!.label));
    assert.ok(first.length > 0 && last.length > 0);
    assert.ok(Math.min(...first.map((m) => m.x)) > Math.max(...last.map((m) => m.x)), 'the earliest entry stands right of the latest');
  });

  it('spans the event: what happened before and after is folded to the edges with its counts', () => {
    const timeline = [
      entry('2014', [mentions(6, '2014')]),
      entry('2016-11', [{ kind: 'milestone', text: 'بدء الهجوم', articles: [] }]),
      entry('2017-06-06', [{ kind: 'milestone', text: 'دخول المدينة', articles: [] }]),
      entry('2017-10-17', [{ kind: 'milestone', text: 'السيطرة', articles: [] }, mentions(2, '2017-10-17')]),
      entry('2017-10-18', [{ kind: 'article', article: { id: 'a', url: '/a/', title: 'عنوان', outlet: 'و', date: '2017-10-18' } }]),
      entry('2020', [mentions(11, '2020')]),
    ];
    const svg = renderTimelineOverview(timeline, { title: 't', id: 't', span: { start: '2017-06-06', end: '2017-10-17' } });
    assert.match(svg, /data-span="2017-06-06\/2017-10-18"/, 'the article a day after the end stretches the span');
    const marks = marksOf(svg);
    const inside = marks.filter((m) => !m.folded);
    const xs = inside.map((m) => m.x);
    // the span fills the axis: its first day near the right end, its last near the left
    assert.ok(Math.max(...xs) > 250 && Math.min(...xs) < 110, `marks from ${Math.min(...xs)} to ${Math.max(...xs)}`);
    const folds = [...svg.matchAll(/<g class="tl-fold" data-side="(\w+)"><title>([^<]*)<\/title>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(folds, [
      ['before', 'قبل الحدث (2014–2016): محطة واحدة، 6 إشارات'],
      ['after', 'بعد الحدث (2020): 11 إشارةً'],
    ]);
    assert.ok(
      marks.some((m) => m.title === '17 تشرين الأول/أكتوبر 2017: إشارتان'),
      marks.map((m) => m.title).join(' | '),
    );
    assert.doesNotMatch(svg, /\b([3-9]|10) إشارة\b/, 'no «6 إشارة»');
  });

  it('draws marks closer than 24 px at 375 px as one, with their count', () => {
    const days = Array.from({ length: 30 }, (_, i) => `2019-03-${String(i + 1).padStart(2, '0')}`);
    const timeline = days.map((d) => entry(d, [{ kind: 'article', article: { id: d, url: `/${d}/`, title: d, outlet: 'و', date: d } }]));
    const svg = renderTimelineOverview(timeline, { title: 't', id: 't', span: { start: '2019-03-01', end: '2019-03-30' } });
    const marks = marksOf(svg).sort((a, b) => a.x - b.x);
    assert.equal(
      marks.reduce((n, m) => n + m.count, 0),
      30,
      'every article counted once',
    );
    assert.ok(marks.length < 30 && marks.length > 5, `${marks.length} marks`);
    // the view box is 360 units, drawn 343 px wide at 375 px: 26 units are 24.8 px
    for (let i = 1; i < marks.length; i++) assert.ok(marks[i]!.x - marks[i - 1]!.x >= MIN_MARK_GAP - 0.1, `${marks[i - 1]!.x} → ${marks[i]!.x}`);
    assert.equal(OVERVIEW_WIDTH, 360);
    assert.ok((MIN_MARK_GAP * 343) / OVERVIEW_WIDTH >= 24);
    assert.ok((OVERVIEW_FONT * 343) / OVERVIEW_WIDTH >= 11, 'its text is 11 px or more at 375 px');
  });

  it('lists a sentence that gives its date twice once', () => {
    const [m] = extractMentions({
      id: 'x',
      url: '/articles/x/',
      title: 't',
      outlet: 'o',
      date: '2019-03-23',
      paragraphs: [{ anchor: 'p-1', text: 'أعلنت القوات اليوم السبت (23 آذار/مارس 2019) نهاية المعركة.' }],
    });
    assert.ok(m);
    const twice = extractMentions({
      id: 'x',
      url: '/articles/x/',
      title: 't',
      outlet: 'o',
      date: '2019-03-23',
      paragraphs: [{ anchor: 'p-1', text: 'أعلنت القوات اليوم السبت (23 آذار/مارس 2019) نهاية المعركة.' }],
    });
    assert.equal(twice.length, 2, 'two expressions of one date in one sentence');
    const kept = dedupeMentions(twice);
    assert.equal(kept.length, 1);
    assert.equal(kept[0]?.kind, 'explicit');
    const timeline = buildTimeline([], [], twice);
    const item = timeline[0]?.items[0];
    assert.ok(item?.kind === 'mention' && item.mentions.length === 1);
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

describe('grouping marks', () => {
  it('keeps room for a count written left of its mark', async () => {
    const { groupMarks } = await import('../src/analysis/timeline/overview-svg.ts');
    const points = [0, 30, 60].map((x) => ({ x, item: x }));
    assert.equal(groupMarks(points, 26).length, 3, '30 apart is enough without counts');
    const grouped = groupMarks(points, 26, (items) => (items.includes(30) ? 40 : 0));
    assert.deepEqual(
      grouped.map((g) => g.items),
      [[0, 30], [60]],
      'the mark at 30 needs 40 on its left',
    );
  });
});
