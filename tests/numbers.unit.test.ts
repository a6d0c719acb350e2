/**
 * findNumbers: digits in every script and separator style, multipliers, number words and their
 * compounds, ranges, hedges, times, percentages, and the words that look like numbers but are not.
 * Every seed figure of GOLD.yml's closing comment is a case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNumbers, readDigits, type NumberMention } from '../src/arabic/numbers.ts';

type Expected = Partial<NumberMention> & { value: number };

/** [input, the mentions expected, in order (only the fields given are compared)] */
const CASES: Array<[string, Expected[]]> = [
  // --- GOLD.yml's seed figures
  ['11 ألف', [{ text: '11 ألف', value: 11000 }]],
  ['21 ألف جريح', [{ text: '21 ألف', value: 21000 }]],
  ['نحو 11 ألف شهيد', [{ text: '11 ألف', value: 11000, approximate: true, hedge: 'نحو' }]],
  ['أصيب نحو 21 ألفاً من مقاتلينا', [{ text: '21 ألفاً', value: 21000, approximate: true }]],
  ['سيطروا على 52 ألف كم 2 من الأراضي', [{ text: '52 ألف', value: 52000 }]], // the 2 is an exponent
  ['تحرير 52 ألف كيلو متر مربع', [{ text: '52 ألف', value: 52000 }]],
  ['إنقاذ خمسة ملايين شخص', [{ text: 'خمسة ملايين', value: 5_000_000 }]],
  ['استسلم ثلاثة آلاف إرهابي لقواتنا', [{ text: 'ثلاثة آلاف', value: 3000 }]],
  ['تدفق نحو 73 ألف شخص', [{ text: '73 ألف', value: 73000, approximate: true }]],
  ['يحتفظ بـ 250 عنصراً', [{ text: '250', value: 250 }]],
  [
    'ولم يقبل ٥٠٠ إلى ٦٠٠ عنصر',
    [
      { text: '٥٠٠', value: 500, approximate: true, range: { from: 500, to: 600 } },
      { text: '٦٠٠', value: 600, approximate: true, range: { from: 500, to: 600 } },
    ],
  ],
  [
    'مقتل 3250 شخصاً، بينهم 1130 مدنياً',
    [
      { text: '3250', value: 3250 },
      { text: '1130', value: 1130 },
    ],
  ],
  ['أكثر من 200.000 نسمة', [{ text: '200.000', value: 200_000, approximate: true, hedge: 'أكثر من' }]],
  ['أكثر من 40 طن', [{ text: '40', value: 40, approximate: true }]],
  // a clock time: the number only, its value in hours, marked
  ['قرابة السادسة صباحاً (4,00 ت غ)', [{ text: '4,00', value: 4, kind: 'time' }]],

  // --- digits and separators
  ['3250', [{ value: 3250 }]],
  ['3,250', [{ value: 3250 }]],
  ['3.250', [{ value: 3250 }]], // one separator + exactly three digits: thousands
  ['٣٬٢٥٠', [{ value: 3250 }]], // U+066C, the Arabic thousands separator
  ['۳۲۵۰ نفر', [{ text: '۳۲۵۰', value: 3250 }]], // Persian digits
  ['1,234,567', [{ value: 1_234_567 }]],
  ['4,5', [{ value: 4.5 }]], // not three digits after: decimal
  ['4.5 مليون', [{ text: '4.5 مليون', value: 4_500_000 }]],
  ['٤٫٥', [{ value: 4.5 }]], // U+066B, the Arabic decimal separator
  ['0.250', [{ value: 0.25 }]], // a leading 0 is never a thousands group
  ['1,234.5', [{ value: 1234.5 }]],
  ['11ألف عنصر', [{ text: '11ألف', value: 11000 }]], // glued
  ['21 ألفاً', [{ value: 21000 }]],
  ['3 آلاف', [{ value: 3000 }]],
  ['5 ملايين', [{ value: 5_000_000 }]],
  ['2 مليار دولار', [{ value: 2_000_000_000 }]],
  ['3 ملايين و500 ألف', [{ text: '3 ملايين و500 ألف', value: 3_500_000 }]],
  ['الساعة 10:30', [{ value: 10.5, kind: 'time' }]],
  ['الساعة 5 مساء', [{ value: 5, kind: 'time' }]],
  ['بنسبة 50%', [{ value: 50, kind: 'percent' }]],
  ['بنسبة مئة في المئة', [{ text: 'مئة', value: 100, kind: 'percent' }]],
  ['عام 2014', [{ text: '2014', value: 2014 }]], // a year is a number, nothing more
  ['في 23.03.2019', []], // a date, not a number
  ['طائرات F16 و A320', []],

  // --- number words
  ['مليون', [{ value: 1_000_000 }]],
  ['مليار', [{ value: 1_000_000_000 }]],
  ['مئة', [{ value: 100 }]],
  ['مائة', [{ value: 100 }]],
  ['واحد', [{ value: 1 }]],
  ['اثنان', [{ value: 2 }]],
  ['اثنين', [{ value: 2 }]],
  ['ثلاث سنوات', [{ text: 'ثلاث', value: 3 }]],
  ['أربعة', [{ value: 4 }]],
  ['ثماني', [{ value: 8 }]],
  ['عشرة', [{ value: 10 }]],
  ['أحد عشر', [{ value: 11 }]],
  ['إحدى عشرة', [{ value: 11 }]],
  ['اثنا عشر', [{ value: 12 }]],
  ['سبعة عشر', [{ value: 17 }]],
  ['عشرون', [{ value: 20 }]],
  ['تسعين', [{ value: 90 }]],
  ['ثلاثة وعشرون', [{ text: 'ثلاثة وعشرون', value: 23 }]],
  ['مئتان', [{ value: 200 }]],
  ['ثلاثمئة', [{ value: 300 }]],
  ['ثلاث مئة', [{ value: 300 }]],
  ['ثلاثمائة وخمسة وعشرون', [{ value: 325 }]],
  ['مئة وخمسون', [{ value: 150 }]],
  ['ألف', [{ value: 1000 }]],
  ['ألفين', [{ value: 2000 }]],
  ['ثلاثة آلاف', [{ value: 3000 }]],
  ['خمسة ملايين', [{ value: 5_000_000 }]],
  ['ثلاثة عشر ألفاً', [{ value: 13000 }]],
  ['خمسة وعشرون ألفاً', [{ value: 25000 }]],
  ['ألف وخمسمئة', [{ value: 1500 }]],
  ['مليون ومئتا ألف', [{ value: 1_200_000 }]],
  ['بخمسة', [{ text: 'خمسة', value: 5, start: 1 }]], // proclitic off
  ['وثلاثة آلاف', [{ text: 'ثلاثة آلاف', value: 3000 }]],
  ['ثَلاثَةُ آلافٍ', [{ value: 3000 }]], // diacritics

  // --- ranges
  [
    'بين 500 و600',
    [
      { value: 500, range: { from: 500, to: 600 } },
      { value: 600, range: { from: 500, to: 600 } },
    ],
  ],
  [
    'بين 3 و5 آلاف',
    [
      { text: '3', value: 3000 },
      { text: '5 آلاف', value: 5000 },
    ],
  ], // the multiplier is shared
  [
    'من 10 حتى 20',
    [
      { value: 10, approximate: true },
      { value: 20, approximate: true },
    ],
  ],
  [
    '10-20',
    [
      { value: 10, range: { from: 10, to: 20 } },
      { value: 20, range: { from: 10, to: 20 } },
    ],
  ],

  // --- hedges
  ['قرابة 300', [{ value: 300, approximate: true, hedge: 'قرابة' }]],
  ['حوالي 40', [{ value: 40, approximate: true, hedge: 'حوالي' }]],
  ['بنحو 40', [{ value: 40, approximate: true, hedge: 'بنحو' }]],
  ['ما لا يقل عن 20', [{ value: 20, approximate: true, hedge: 'ما لا يقل عن' }]],
  ['ما يقارب ألف', [{ value: 1000, approximate: true, hedge: 'ما يقارب' }]],

  // --- not numbers
  ['مئات المدنيين', []],
  ['عشرات الآلاف', []],
  ['آلاف المدنيين', []],
  ['ملايين الدولارات', []],
  ['في أحد المواقع', []], // "one of"
  ['إحدى المدن', []],
  ['الأول من أمس', []], // ordinal
  ['الخامس من يونيو', []],
  ['يوم الاثنين', []], // weekday
  ['الأربعاء', []],
  ['لست أدري', []], // not ل + ست
];

function check(input: string, expected: Expected[]): void {
  const found = findNumbers(input);
  assert.equal(found.length, expected.length, `${input}: ${JSON.stringify(found)}`);
  expected.forEach((e, i) => {
    const m = found[i]!;
    for (const [key, value] of Object.entries(e)) {
      assert.deepEqual(m[key as keyof NumberMention], value, `${input} [${i}].${key}: ${JSON.stringify(m)}`);
    }
    assert.equal(input.slice(m.start, m.end), m.text, `${input}: offsets`);
    if (!('approximate' in e) && !m.range && !m.hedge) assert.equal(m.approximate, undefined, `${input}: not approximate`);
    if (!('kind' in e)) assert.equal(m.kind, undefined, `${input}: no kind`);
  });
}

describe('findNumbers', () => {
  it(`reads ${CASES.length} cases`, () => {
    assert.ok(CASES.length >= 40);
  });
  for (const [input, expected] of CASES) {
    it(input, () => check(input, expected));
  }

  it('"خمسة وخمسة" and "500 و600" (without بين) are two numbers each', () => {
    assert.deepEqual(
      findNumbers('خمسة وخمسة').map((m) => m.value),
      [5, 5],
    );
    assert.deepEqual(
      findNumbers('500 و600').map((m) => m.value),
      [500, 600],
    );
    assert.equal(findNumbers('500 و600')[0]!.range, undefined);
  });

  it('keeps offsets in a longer text, with numbers in every script', () => {
    const text = 'قال المرصد إن ٣٬٢٥٠ شخصاً قتلوا، بينهم 1130 مدنياً، وإن نحو خمسة آلاف فروا.';
    const found = findNumbers(text);
    assert.deepEqual(
      found.map((m) => [m.text, m.value]),
      [
        ['٣٬٢٥٠', 3250],
        ['1130', 1130],
        ['خمسة آلاف', 5000],
      ],
    );
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(found[2]!.approximate, true);
  });

  it('reads the digits of every seed figure in the seed articles', () => {
    const text =
      'ارتقى نحو 11 ألف شهيد من قواتنا، كما أصيب نحو 21 ألفاً من مقاتلينا. وتحرير 52 ألف كيلو متر مربع. ' +
      'قدموا 11 ألف عنصر قتلوا، بالإضافة إلى 21 ألف جريح. ولم يقبل ٥٠٠ إلى ٦٠٠ عنصر.';
    assert.deepEqual(
      findNumbers(text).map((m) => m.value),
      [11000, 21000, 52000, 11000, 21000, 500, 600],
    );
  });
});

describe('readDigits', () => {
  it('documents the separator rule', () => {
    assert.equal(readDigits('3,250'), 3250);
    assert.equal(readDigits('3.250'), 3250);
    assert.equal(readDigits('200.000'), 200000);
    assert.equal(readDigits('٣٬٢٥٠'), 3250);
    assert.equal(readDigits('4,5'), 4.5);
    assert.equal(readDigits('4,00'), 4);
    assert.equal(readDigits('2.75'), 2.75);
    assert.equal(readDigits('1.234,5'), 1234.5);
    assert.equal(readDigits('1.2.3'), undefined);
    assert.equal(readDigits('12,34,56'), undefined);
  });
});
