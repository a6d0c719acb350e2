/**
 * Figures (a number and what it counts) and the table comparing them across articles. On the
 * seed articles the rows must carry GOLD.yml's figures with the articles that report them; then
 * the rules on short sentences: the counted noun, the event that turns people into killed or
 * wounded, and the numbers that are not figures (years, dates, durations, times, percentages).
 */
import assert from 'node:assert/strict';
import { seedParagraphs } from './helpers/seed-articles.ts';
import { describe, it } from 'node:test';
import { compareFigures, findFigures, UNIT_TABLE, type Figure, type FigureRow } from '../src/analysis/figures.ts';

const seedArticles = seedParagraphs;

const KHALEEJ = '2017-10-18-al-khaleej-historic-isis-defeat-in-raqqa'; // 003
const ROJAVA = '2019-03-13-rojava-network-isis-last-moments-in-baghuz'; // 004
const SEYASSAH = '2019-03-23-al-seyassah-sdf-declares-isis-defeat-in-baghuz'; // 002
const KHABAR = '2019-03-23-alkhabar-tv-is-isis-over-in-syria'; // 001

/** One sentence's figures as [value, unit] pairs. */
const pairs = (text: string) => findFigures([text]).map((f) => [f.value, f.unit]);

describe('compareFigures on the seed articles', () => {
  const articles = seedArticles();
  const rows = compareFigures(articles);
  const row = (key: string): FigureRow => {
    const r = rows.find((x) => x.key === key);
    assert.ok(r, `row ${key} in ${rows.map((x) => x.key).join(', ')}`);
    return r;
  };
  const reporters = (key: string) => Object.keys(row(key).byArticle).sort();

  it('prints the table', () => {
    const lines = rows.map((r) =>
      [
        r.key.padEnd(14),
        Object.entries(r.byArticle)
          .map(([id, figures]) => `${id.slice(11, 30)}: ${figures.map((f) => `«${f.text}»${f.approximate ? '~' : ''}${f.context ? ` [${f.context}]` : ''}`).join(' ')}`)
          .join(' | '),
      ].join(' '),
    );
    console.log(`\nFigures across the five seed articles (~ approximate, [event word]):\n${lines.join('\n')}\n`);
    assert.ok(rows.length > 0);
  });

  it('11000 killed: 001 and 002', () => {
    assert.deepEqual(reporters('11000 قتيل'), [SEYASSAH, KHABAR].sort());
    const khabar = row('11000 قتيل').byArticle[KHABAR]!;
    assert.deepEqual(
      khabar.map((f) => [f.text, f.noun, f.context]),
      [['11 ألف عنصر', 'عنصر', 'قتلوا']],
    );
    const seyassah = row('11000 قتيل').byArticle[SEYASSAH]!;
    assert.deepEqual(
      seyassah.map((f) => [f.text, f.approximate]),
      [
        ['11 ألف شهيد', true],
        ['11 ألفاً', false],
      ],
    );
  });

  it('21000 wounded: 001 and 002', () => {
    assert.deepEqual(reporters('21000 جريح'), [SEYASSAH, KHABAR].sort());
    assert.deepEqual(
      row('21000 جريح').byArticle[KHABAR]!.map((f) => f.text),
      ['21 ألف جريح'],
    );
  });

  it('52000 km²: 001 ("كم 2") and 002 ("كيلو متر مربع")', () => {
    assert.deepEqual(reporters('52000 كم²'), [SEYASSAH, KHABAR].sort());
    assert.deepEqual(
      row('52000 كم²').byArticle[KHABAR]!.map((f) => f.text),
      ['52 ألف كم 2'],
    );
    assert.deepEqual(
      row('52000 كم²').byArticle[SEYASSAH]!.map((f) => f.text),
      ['52 ألف كيلو متر مربع'],
    );
  });

  it('5000000 people: 002 only', () => {
    assert.deepEqual(reporters('5000000 شخص'), [SEYASSAH]);
  });

  it('3000 surrendered: 004, the unit set by the verb before ("استسلم ثلاثة آلاف إرهابي")', () => {
    assert.deepEqual(reporters('3000 مستسلم'), [ROJAVA]);
    const [f] = row('3000 مستسلم').byArticle[ROJAVA]!;
    assert.deepEqual([f!.text, f!.noun, f!.context], ['ثلاثة آلاف إرهابي', 'عنصر', 'استسلم']);
  });

  it('73000 people, approximate: 001 ("تدفق نحو 73 ألف شخص")', () => {
    assert.deepEqual(reporters('73000 شخص'), [KHABAR]);
    const [f] = row('73000 شخص').byArticle[KHABAR]!;
    assert.equal(f!.approximate, true);
    assert.equal(f!.hedge, 'نحو');
  });

  it('250 fighters (002); 500 and 600 fighters, a range (001)', () => {
    assert.deepEqual(reporters('250 عنصر'), [SEYASSAH]);
    assert.deepEqual(reporters('500 عنصر'), [KHABAR]);
    assert.deepEqual(reporters('600 عنصر'), [KHABAR]);
    const [f] = row('500 عنصر').byArticle[KHABAR]!;
    assert.deepEqual([f!.text, f!.approximate, f!.range], ['٥٠٠ إلى ٦٠٠ عنصر', true, { from: 500, to: 600 }]);
  });

  it('003: 3250 killed ("مقتل 3250 شخصاً"), 1130 civilians "على الأقل"', () => {
    const [killed] = row('3250 قتيل').byArticle[KHALEEJ]!;
    assert.deepEqual([killed!.noun, killed!.context], ['شخص', 'مقتل']);
    const [civilians] = row('1130 مدني').byArticle[KHALEEJ]!;
    assert.equal(civilians!.approximate, true);
  });

  it('is exactly these rows, sorted by unit (table order) then value', () => {
    assert.deepEqual(
      rows.map((r) => r.key),
      ['3250 قتيل', '11000 قتيل', '21000 جريح', '3000 مستسلم', '73000 شخص', '5000000 شخص', '250 عنصر', '500 عنصر', '600 عنصر', '1130 مدني', '52000 كم²', '40 طن'],
    );
    assert.deepEqual(row('11000 قتيل').outlets, ['al-seyassah', 'alkhabar-tv']);
  });

  it('keeps offsets that map back to the paragraph', () => {
    for (const article of articles) {
      for (const f of findFigures(article.paragraphs)) {
        assert.equal(article.paragraphs[f.paragraph]!.slice(f.start, f.end), f.text);
      }
    }
  });
});

describe('findFigures rules', () => {
  it('takes the counted noun after the number, in any of its forms', () => {
    assert.deepEqual(pairs('قتل 12 شخصاً'), [[12, 'قتيل']]);
    assert.deepEqual(pairs('وصل 40 طناً من المساعدات'), [[40, 'طن']]);
    assert.deepEqual(pairs('نقل 300 نازح'), [[300, 'نازح']]);
    assert.deepEqual(pairs('سقط 15 قتيلاً و40 جريحاً'), [
      [15, 'قتيل'],
      [40, 'جريح'],
    ]);
    assert.deepEqual(pairs('أحصى 25 شهيداً'), [[25, 'قتيل']]);
    assert.deepEqual(pairs('اعتقال 50 مسلحاً'), [[50, 'أسير']]);
    assert.deepEqual(pairs('مساحة 9 كم²'), [[9, 'كم²']]);
    assert.deepEqual(pairs('مساحة 9 كيلومترات مربعة'), [[9, 'كم²']]);
    assert.deepEqual(pairs('على بعد 9 كيلومترات'), [[9, 'كم']]);
    assert.deepEqual(pairs('بلغت الكلفة 5 مليارات دولار'), [[5_000_000_000, 'دولار']]);
    assert.deepEqual(pairs('مدينتهم التي كانت تضم سابقا أكثر من 200.000 نسمة'), [[200_000, 'شخص']]);
  });

  it('reads a partitive noun after من, possessive suffix and all', () => {
    assert.deepEqual(pairs('خسرنا 200 من مقاتلينا'), [[200, 'عنصر']]);
    assert.deepEqual(pairs('فر 200 من المدنيين'), [[200, 'مدني']]);
  });

  it('lets an event word turn people into the killed, wounded, surrendered…', () => {
    const [killed] = findFigures(['قدموا 11 ألف عنصر قتلوا خلال هذه السنوات']);
    assert.deepEqual([killed!.unit, killed!.noun, killed!.context], ['قتيل', 'عنصر', 'قتلوا']);
    assert.deepEqual(pairs('أن 11 ألفاً من "قسد" قتلوا في المعارك وأصيب 21 ألفاً آخرين'), [
      [11000, 'قتيل'],
      [21000, 'جريح'],
    ]);
    assert.deepEqual(pairs('استسلم ثلاثة آلاف إرهابي'), [[3000, 'مستسلم']]);
    assert.deepEqual(pairs('نزوح 40 ألف مدني'), [[40000, 'نازح']]);
    // an outcome noun is never overridden; a measure neither
    assert.deepEqual(pairs('قتل 5 وأصيب 10 جرحى'), [
      [5, 'قتيل'],
      [10, 'جريح'],
    ]);
    assert.deepEqual(pairs('قصف دمر 3 كم² من الحي وقتل'), [[3, 'كم²']]);
  });

  it('does not look for the event across a clause boundary or past another number', () => {
    assert.deepEqual(pairs('مقتل 3250 شخصاً، بينهم 1130 مدنياً'), [
      [3250, 'قتيل'],
      [1130, 'مدني'],
    ]);
    assert.deepEqual(pairs('قتل. 20 شخصاً'), [[20, 'شخص']]);
  });

  it('keeps a person noun without an event: "تدفق نحو 73 ألف شخص"', () => {
    const [f] = findFigures(['تدفق نحو 73 ألف شخص من ذلك الجيب']);
    assert.deepEqual([f!.value, f!.unit, f!.approximate, f!.context], [73000, 'شخص', true, undefined]);
  });

  it('marks approximate: hedges before, ranges, تقريباً / على الأقل after', () => {
    const approximate = (text: string) => findFigures([text]).map((f) => f.approximate);
    assert.deepEqual(approximate('أكثر من 40 طن'), [true]);
    assert.deepEqual(approximate('قرابة 500 شخص'), [true]);
    assert.deepEqual(approximate('500 شخص تقريباً'), [true]);
    assert.deepEqual(approximate('1130 مدنياً على الأقل'), [true]);
    assert.deepEqual(approximate('بين 500 و600 مقاتل'), [true, true]);
    assert.deepEqual(approximate('500 شخص'), [false]);
  });

  it('gives both ends of a range the noun after the second', () => {
    const figures = findFigures(['ولم يقبل ٥٠٠ إلى ٦٠٠ عنصر من التنظيم الإرهابي']);
    assert.deepEqual(
      figures.map((f) => [f.value, f.unit, f.text]),
      [
        [500, 'عنصر', '٥٠٠ إلى ٦٠٠ عنصر'],
        [600, 'عنصر', '٥٠٠ إلى ٦٠٠ عنصر'],
      ],
    );
  });

  it('skips years, dates, durations, times, percentages and uncounted numbers', () => {
    assert.deepEqual(pairs('سيطر عليها في 2014 وقت إعلان'), []);
    assert.deepEqual(pairs('قتل في 2014'), []);
    assert.deepEqual(pairs('سيطرته على الرقة عام 2014'), []);
    assert.deepEqual(pairs('السبت 23 آذار'), []);
    assert.deepEqual(pairs('اليوم السبت (23 أذار/مارس 2019)'), []);
    assert.deepEqual(pairs('منذ أيلول/سبتمبر 2018'), []);
    assert.deepEqual(pairs('خلال 24 ساعة، استسلم'), []);
    assert.deepEqual(pairs('قتل خلال خمسة أعوام'), []);
    assert.deepEqual(pairs('بعد أكثر من أربعة أشهر'), []);
    assert.deepEqual(pairs('هجوم بدأ قرابة السادسة صباحاً (4,00 ت غ)'), []);
    assert.deepEqual(pairs('قتل 50% من السكان'), []);
    assert.deepEqual(pairs('بنسبة مئة في المئة'), []);
    assert.deepEqual(pairs('يسيطرون على خمسة أحياء تقريباً'), []);
    assert.deepEqual(pairs('مقتل خمسة أحياء'), []); // an unknown noun after the number: not a count of people
    assert.deepEqual(pairs('العدد 17'), []);
  });

  it('has a unit table with unique keys and forms', () => {
    const keys = UNIT_TABLE.map((u) => u.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const u of UNIT_TABLE) assert.ok(u.kind === 'outcome' || !u.events, `${u.key}: only outcomes have events`);
  });

  it('numbers figures by paragraph', () => {
    const figures: Figure[] = findFigures(['لا أرقام هنا', 'قتل 12 شخصاً', 'وأصيب 30']);
    assert.deepEqual(
      figures.map((f) => [f.paragraph, f.value, f.unit]),
      [
        [1, 12, 'قتيل'],
        [2, 30, 'جريح'],
      ],
    );
  });
});

describe('compareFigures', () => {
  it('groups equal (value, unit) across articles and outlets, approximate or not', () => {
    const rows = compareFigures([
      { id: 'b', outlet: 'y', paragraphs: ['قتل نحو 100 شخص وأصيب 200'] },
      { id: 'a', outlet: 'x', paragraphs: ['سقط 100 قتيل', 'و200 جريح'] },
      { id: 'c', outlet: 'x', paragraphs: ['استشهاد 100 مدني'] },
    ]);
    assert.deepEqual(
      rows.map((r) => [r.key, Object.keys(r.byArticle).sort(), r.outlets]),
      [
        ['100 قتيل', ['a', 'b', 'c'], ['x', 'y']],
        ['200 جريح', ['a', 'b'], ['x', 'y']],
      ],
    );
  });
});
