import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseIsoDate, type CalendarDate } from '../src/arabic/calendar.ts';
import { dateFromUrl, findDateMentions, parseDateLine, yearsMatchingWeekday, yearsMentioned, type DateMention } from '../src/arabic/dates.ts';
import { toAsciiDigits } from '../src/arabic/digits.ts';

const day = (iso: string): CalendarDate => parseIsoDate(iso) as CalendarDate;
const seed = (prefix: string): string => {
  const names: Record<string, string> = {
    '000': '000_3f254b3f231ddcb4.txt',
    '001': '001_81b2e9526438038c.txt',
    '002': '002_6b309b54e1240de9.txt',
    '003': '003_46747d5c7beb1e50.txt',
    '004': '004_82199af67069a872.txt',
  };
  // content/sources holds the five seeds byte for byte as received
  return readFileSync(new URL(`../content/sources/${names[prefix]}`, import.meta.url), 'utf8');
};

type Expect = Partial<Omit<DateMention, 'start' | 'end'>>;

/** The only mention in `text`; its fields named in `expected` must match, the others are not looked at. */
function assertOne(text: string, expected: Expect, anchor?: CalendarDate): void {
  const found = findDateMentions(text, anchor ? { anchor } : {});
  assert.equal(found.length, 1, `${text}: expected one mention, got ${JSON.stringify(found)}`);
  const m = found[0] as DateMention;
  assert.equal(text.slice(m.start, m.end), m.text, `${text}: offsets`);
  const got = Object.fromEntries(Object.keys(expected).map((k) => [k, m[k as keyof DateMention]]));
  assert.deepEqual(got, expected, text);
}

describe('toAsciiDigits', () => {
  it('maps Arabic-Indic and Persian digits and nothing else', () => {
    assert.equal(toAsciiDigits('٢٣ آذار ٢٠١٩ / ۲۰۱۹ - 42°C'), '23 آذار 2019 / 2019 - 42°C');
  });
});

describe('findDateMentions: written dates', () => {
  const cases: Array<[string, Expect]> = [
    // numeric, day first
    ['23.03.2019', { kind: 'explicit', precision: 'day', value: '2019-03-23', day: 23, month: 3, year: 2019 }],
    ['23/03/2019', { value: '2019-03-23' }],
    ['23-03-2019', { value: '2019-03-23' }],
    ['2019-03-23', { value: '2019-03-23' }],
    ['2019/03/23', { value: '2019-03-23' }],
    ['السبت 23.03.2019', { value: '2019-03-23', weekday: 6, weekdayAgrees: true }],
    // month names, every tradition and spelling
    ['23 آذار 2019', { text: '23 آذار 2019', value: '2019-03-23' }],
    ['23 أذار 2019', { value: '2019-03-23' }],
    ['23 اذار 2019', { value: '2019-03-23' }],
    ['(23 أذار/مارس 2019)', { text: '23 أذار/مارس 2019', value: '2019-03-23' }],
    ['23 آذار/ مارس 2019', { value: '2019-03-23' }],
    ['23 آذار (مارس) 2019', { value: '2019-03-23' }],
    ['1 كانون الثاني 2016', { value: '2016-01-01' }],
    ['5 كانون الأول 2016', { value: '2016-12-05' }],
    ['5 تشرين الاول 2016', { value: '2016-10-05' }],
    ['تشرين أول 2018', { precision: 'month', value: '2018-10' }],
    ['3 ايار 2017', { value: '2017-05-03' }],
    ['3 أيلول 2014', { value: '2014-09-03' }],
    ['14 اب 2014', { value: '2014-08-14' }],
    ['14 آب 2014', { value: '2014-08-14' }],
    ['1 إبريل 2015', { value: '2015-04-01' }],
    ['1 ابريل 2015', { value: '2015-04-01' }],
    ['10 يونيه 2015', { value: '2015-06-10' }],
    ['10 يوليه 2015', { value: '2015-07-10' }],
    ['10 اغسطس 2015', { value: '2015-08-10' }],
    ['12 جانفي 2015', { value: '2015-01-12' }],
    ['12 فيفري 2015', { value: '2015-02-12' }],
    ['9 أفريل 2015', { value: '2015-04-09' }],
    ['1 ماي 2015', { value: '2015-05-01' }],
    ['5 جوان 2015', { value: '2015-06-05' }],
    ['5 جويلية 2015', { value: '2015-07-05' }],
    ['5 أوت 2015', { value: '2015-08-05' }],
    ['3 دجنبر 2018', { value: '2018-12-03' }],
    ['7 غشت 2016', { value: '2016-08-07' }],
    ['20 يوليوز 2016', { value: '2016-07-20' }],
    ['20 شتنبر 2016', { value: '2016-09-20' }],
    ['20 نونبر 2016', { value: '2016-11-20' }],
    // digits: Arabic-Indic, Persian, glued to words
    ['٢٣ آذار ٢٠١٩', { text: '٢٣ آذار ٢٠١٩', value: '2019-03-23' }],
    ['۲۳ مارس ۲۰۱۹', { value: '2019-03-23' }],
    ['٢٣.٠٣.٢٠١٩', { value: '2019-03-23' }],
    ['23مارس2019', { value: '2019-03-23' }],
    ['السبت23مارس2019', { value: '2019-03-23', weekday: 6, weekdayAgrees: true }],
    // diacritics and tatweel do not hide a month
    ['23 آذارَ 2019', { value: '2019-03-23' }],
    ['23 مـارس 2019', { value: '2019-03-23' }],
    // month and year only
    ['نوفمبر/تشرين الثاني 2016', { precision: 'month', value: '2016-11', month: 11, year: 2016 }],
    ['أيلول/سبتمبر 2018', { precision: 'month', value: '2018-09' }],
    ['كانون الثاني من العام 2019', { precision: 'month', value: '2019-01' }],
    ['مارس 2019م', { value: '2019-03' }],
    // a month alone, in a date context: no year, never invented
    ['في نوفمبر', { text: 'نوفمبر', precision: 'month', value: undefined, yearMissing: true, month: 11 }],
    ['بنوفمبر', { text: 'نوفمبر', month: 11, value: undefined }],
    ['لشهر نوفمبر', { month: 11 }],
    ['نوفمبر/ تشرين الثاني', { precision: 'month', month: 11, value: undefined }],
    // day and month without year
    ['السبت 23 آذار', { precision: 'day', value: undefined, yearMissing: true, weekday: 6, weekdayAgrees: undefined, day: 23, month: 3 }],
    ['الأحد، 5 مايو', { weekday: 0, day: 5, month: 5, yearMissing: true }],
    ['منذ الخامس من يونيو/حزيران', { text: 'الخامس من يونيو/حزيران', day: 5, month: 6, value: undefined }],
    ['في الحادي والعشرين من أيلول 2015', { value: '2015-09-21' }],
    ['الحادي و العشرين من أيلول 2015', { value: '2015-09-21' }],
    ['الخامس عشر من آذار 2011', { value: '2011-03-15' }],
    ['الحادي والثلاثين من كانون الأول 2014', { value: '2014-12-31' }],
    ['الأول من أيار 2016', { value: '2016-05-01' }],
    // weekday agreement
    ['السبت 23 مارس 2019', { value: '2019-03-23', weekday: 6, weekdayAgrees: true }],
    ['الجمعة 23 مارس 2019', { value: '2019-03-23', weekday: 5, weekdayAgrees: false }],
    ['الإثنين 25 مارس 2019', { weekday: 1, weekdayAgrees: true }],
    ['الأثنين 25 مارس 2019', { weekday: 1, weekdayAgrees: true }],
    ['الاربعاء 13 آذار 2019', { weekday: 3, weekdayAgrees: true }],
    ['السبت | 23 مارس 2019', { weekday: 6, weekdayAgrees: true }],
    // years in year contexts
    ['عام 2014', { text: 'عام 2014', precision: 'year', value: '2014', year: 2014 }],
    ['العام 2014', { text: 'العام 2014', value: '2014' }],
    ['في 2014', { text: '2014', value: '2014' }],
    ['في2014', { value: '2014' }],
    ['منذ 2011', { value: '2011' }],
    ['سنة 1990', { value: '1990' }],
    ['في عام ٢٠١٤', { value: '2014' }],
    // ranges
    ['بين 5 و7 آذار 2019', { value: '2019-03-05', endValue: '2019-03-07', precision: 'day' }],
    ['5-7 آذار 2019', { value: '2019-03-05', endValue: '2019-03-07' }],
    ['2014-2017', { precision: 'year', value: '2014', endValue: '2017' }],
    ['بين عامي 2014 و2017', { value: '2014', endValue: '2017' }],
    ['من 2014 إلى 2017', { value: '2014', endValue: '2017' }],
    ['آذار/نيسان 2019', { precision: 'month', value: '2019-03', endValue: '2019-04' }],
  ];
  for (const [text, expected] of cases) it(text, () => assertOne(text, expected));

  it('finds both years of "عامي 2014 و2015"', () => {
    assert.deepEqual(
      findDateMentions('عامي 2014 و2015').map((m) => m.value),
      ['2014', '2015'],
    );
  });
});

describe('findDateMentions: relative dates', () => {
  const a13 = day('2019-03-13'); // a Wednesday (seed 004)
  const a18 = day('2017-10-18'); // seed 003
  const cases: Array<[string, CalendarDate, Expect]> = [
    ['اليوم', a13, { kind: 'relative', precision: 'day', value: '2019-03-13' }],
    ['اليوم الأربعاء', a13, { value: '2019-03-13', weekday: 3, weekdayAgrees: true }],
    ['أمس', a18, { kind: 'relative', value: '2017-10-17' }],
    ['امس', a18, { value: '2017-10-17' }],
    ['بالأمس', a18, { value: '2017-10-17' }],
    ['مساء أمس', a18, { text: 'أمس', value: '2017-10-17' }],
    ['أول من أمس', a13, { value: '2019-03-11' }],
    ['أول أمس', a13, { value: '2019-03-11' }],
    ['أمس الأول', a13, { value: '2019-03-11' }],
    ['غداً', a13, { value: '2019-03-14' }],
    ['غدًا', a13, { value: '2019-03-14' }],
    ['غدا الخميس', a13, { value: '2019-03-14', weekday: 4, weekdayAgrees: true }],
    ['بعد غد', a13, { value: '2019-03-15' }],
    ['أمس الثلاثاء', a13, { value: '2019-03-12', weekday: 2, weekdayAgrees: true }],
    ['أمس الأحد', a13, { value: '2019-03-12', weekday: 0, weekdayAgrees: false }],
    ['الأحد الماضي', a13, { value: '2019-03-10', weekday: 0 }],
    ['الأربعاء الماضي', a13, { value: '2019-03-06' }],
    ['الجمعة الماضية', a13, { value: '2019-03-08' }],
    ['الثلاثاء المقبل', a13, { value: '2019-03-19' }],
    ['الأربعاء المقبل', a13, { value: '2019-03-20' }],
    ['الأربعاء', a13, { kind: 'relative', value: '2019-03-13', weekday: 3 }],
    ['صباح الأربعاء', a13, { text: 'الأربعاء', value: '2019-03-13' }],
    ['الخميس', a13, { value: '2019-03-07' }],
    ['مطلع الشهر الحالي', a13, { precision: 'month', value: '2019-03' }],
    ['مطلع الشهر الجاري', a13, { value: '2019-03' }],
    ['بداية الشهر', a13, { value: '2019-03' }],
    ['الشهر الماضي', a13, { precision: 'month', value: '2019-02' }],
    ['الشهر المقبل', day('2019-12-05'), { value: '2020-01' }],
    ['العام الماضي', a13, { precision: 'year', value: '2018' }],
    ['السنة الماضية', a13, { value: '2018' }],
    ['مطلع العام الحالي', a13, { value: '2019' }],
    ['في مارس الماضي', a13, { text: 'مارس الماضي', precision: 'month', value: '2018-03' }],
    ['في آب الماضي', a13, { value: '2018-08' }],
    ['الخامس من حزيران الماضي', a13, { value: '2018-06-05' }],
    ['آذار المقبل', a13, { value: '2020-03' }],
    ['نوفمبر/ تشرين الثاني من السنة الماضية', a13, { kind: 'relative', precision: 'month', value: '2018-11' }],
    // day and month without year, resolved against the anchor (eleven months back to one ahead)
    ['منذ الخامس من يونيو/حزيران', a18, { kind: 'explicit', value: '2017-06-05', yearMissing: true }],
    ['السبت 23 آذار', day('2019-03-23'), { value: '2019-03-23', yearMissing: true, weekdayAgrees: true }],
    ['في 23 كانون الأول', day('2019-01-10'), { value: '2018-12-23' }],
    ['في 5 كانون الثاني', day('2019-12-20'), { value: '2020-01-05' }],
    ['في نوفمبر', a18, { value: '2017-11' }],
    ['في ديسمبر', a18, { value: '2016-12' }],
  ];
  for (const [text, anchor, expected] of cases) it(`${text} (${JSON.stringify(anchor)})`, () => assertOne(text, expected, anchor));

  it('are found without an anchor, unresolved', () => {
    for (const text of ['أمس', 'أمس الثلاثاء', 'الأحد الماضي', 'مطلع الشهر الحالي', 'العام الماضي', 'الأربعاء', 'في مارس الماضي']) {
      assertOne(text, { kind: 'relative', value: undefined });
    }
    assertOne('أمس الثلاثاء', { weekday: 2, weekdayAgrees: undefined });
  });
});

describe('findDateMentions: traps', () => {
  const none = [
    '11 ألف',
    '52 ألف كم 2',
    '24 ساعة',
    '(4,00 ت غ)',
    '3250 شخصاً',
    '200.000 نسمة',
    '40 طن',
    '٥٠٠ إلى ٦٠٠ عنصر',
    '1130 مدنياً',
    '2014',
    'قبل 2000 عام',
    'في 2000 غارة',
    'حتى 3000',
    '31/02/2019',
    '29.02.2019',
    '03/23/2019',
    '31 شباط',
    '29 شباط 2019',
    '30 شباط',
    '31 نيسان 2019',
    'الثلاثين من شباط 2019',
    'مارسوا الضغط',
    'مارس الضغط عليهم',
    'آبار النفط',
    'تموزي',
    'مايكل',
    'تيريزا ماي قالت',
    'باب الهوى',
    'أب لثلاثة أطفال',
    'في أب',
    'سد تشرين',
    'حرب تموز',
    'شباط',
    'نيسان',
    'اليوم التالي',
    'في ذلك اليوم',
    'الأحد عشر',
    'الطرفين الاثنين',
    'كلا الاثنين',
    'غدا الوضع صعبا',
    'غداة الهجوم',
    'أمسية',
    'الأمين العام الحالي',
    'على مدى الشهرين المنصرمين',
    'في الأسبوع الثاني من آذار',
    'Time',
    '42°C',
    '16 رجب 1440 هـ',
  ];
  for (const text of none) it(JSON.stringify(text), () => assert.deepEqual(findDateMentions(text, { anchor: day('2019-03-13') }), []));
});

describe('findDateMentions: اليوم as "nowadays"', () => {
  const anchor = day('2019-03-13');
  // a state reached or kept, or a contrast with the past, in the same sentence: the present, not a day
  const nowadays = [
    'بات نفوذه ينحصر اليوم في قرية واحدة',
    'أصبحت البلدة اليوم شبه خالية',
    'وصارت الطرق اليوم آمنة',
    'لم يعد الفصيل اليوم يملك سلاحاً ثقيلاً',
    'ولا تزال العائلات تنتظر اليوم أخبار أبنائها',
    'أما اليوم فقد تغيّر كل شيء',
    'بقي مصيرهم مجهولاً حتى اليوم',
  ];
  for (const text of nowadays) it(`not a date: ${text}`, () => assert.deepEqual(findDateMentions(text, { anchor }), []));
  // the same words in another sentence leave اليوم a date
  const today: string[] = ['يعقد المجلس اليوم جلسة طارئة', 'بات الطريق مفتوحاً. وأعلن الجيش اليوم فتحه', 'وصلت القافلة. ويقتصر اليوم على الاجتماع الأول'];
  for (const text of today) it(`a date: ${text}`, () => assertOne(text, { text: 'اليوم', value: '2019-03-13' }, anchor));
});

describe('findDateMentions over the seeds', () => {
  const values = (prefix: string, anchor?: string) => findDateMentions(seed(prefix), anchor ? { anchor: day(anchor) } : {}).map((m) => [m.text, m.value ?? null]);

  it('000: the date line, the bracketed date, the years, the gallery', () => {
    assert.deepEqual(values('000', '2019-03-23'), [
      ['23.03.2019', '2019-03-23'],
      ['السبت', '2019-03-23'], // فجر السبت
      ['اليوم السبت', '2019-03-23'],
      ['23 أذار/مارس 2019', '2019-03-23'],
      ['بعد ستة أشهر', '2018-09'], // "… اليوم السبت … بعد ستة أشهر من اطلاقها هجوماً": the offensive
      ['2014', '2014'],
      ['عام 2014', '2014'],
      ['عام 2014', '2014'],
      ['نوفمبر/ تشرين الثاني من السنة الماضية', '2018-11'],
      ['الثلاثاء', '2019-03-19'],
      ['الاثنين', '2019-03-18'],
    ]);
  });

  it('001: "السبت 23 آذار" has no year, and Saturday 23 March fell in 2019 alone in 2014–2019', () => {
    const first = findDateMentions(seed('001'))[0] as DateMention;
    assert.equal(first.text, 'السبت 23 آذار');
    assert.equal(first.kind, 'explicit');
    assert.equal(first.yearMissing, true);
    assert.equal(first.value, undefined);
    assert.equal(first.weekday, 6);
    assert.deepEqual([first.month, first.day], [3, 23]);
    assert.deepEqual(yearsMatchingWeekday(3, 23, 6, 2014, 2019), [2019]);
    assert.deepEqual(values('001'), [
      ['السبت 23 آذار', null],
      ['منذ خمسة أعوام', null],
      ['2014', '2014'],
      ['2014', '2014'],
    ]);
    assert.deepEqual(yearsMentioned(seed('001')), [2014]);
  });

  it('002: the scrape date and the publication date both agree with their weekdays', () => {
    const found = findDateMentions(seed('002'), { anchor: day('2019-03-23') });
    assert.deepEqual(
      found.map((m) => [m.text, m.value, m.weekdayAgrees ?? null]),
      [
        ['السبت 02 أغسطس 2025', '2025-08-02', true],
        ['السبت 23 مارس 2019', '2019-03-23', true],
        ['أمس', '2019-03-22', null],
        ['أول من أمس', '2019-03-21', null],
      ],
    );
  });

  it('003: أمس, the month of the offensive, "منذ الخامس من يونيو/حزيران", عام 2014', () => {
    assert.deepEqual(values('003', '2017-10-18'), [
      ['أمس', '2017-10-17'],
      ['امس', '2017-10-17'],
      ['امس', '2017-10-17'],
      ['نوفمبر/تشرين الثاني 2016', '2016-11'],
      ['الخامس من يونيو/حزيران', '2017-06-05'],
      ['عام 2014', '2014'],
      ['امس', '2017-10-17'],
    ]);
  });

  it('004: every relative date resolved against 2019-03-13', () => {
    const found = findDateMentions(seed('004'), { anchor: day('2019-03-13') });
    assert.deepEqual(
      found.map((m) => [m.text, m.kind, m.precision, m.value]),
      [
        ['العام 2014', 'explicit', 'year', '2014'],
        // "بات وجوده يقتصر اليوم على بقعة": nowadays, not the day of publication
        ['الأربعاء', 'relative', 'day', '2019-03-13'],
        ['مطلع الشهر الحالي', 'relative', 'month', '2019-03'],
        ['الأحد الماضي', 'relative', 'day', '2019-03-10'],
        ['أمس الثلاثاء', 'relative', 'day', '2019-03-12'],
        ['الأربعاء', 'relative', 'day', '2019-03-13'], // صباح الأربعاء
        ['الأربعاء', 'relative', 'day', '2019-03-13'],
        ['أيلول/سبتمبر 2018', 'explicit', 'month', '2018-09'],
      ],
    );
    assert.ok(found.every((m) => m.weekdayAgrees !== false));
    for (const m of found) assert.equal(seed('004').slice(m.start, m.end), m.text);
  });

  it('every mention of every seed points at its own text', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seed(prefix);
      for (const m of findDateMentions(text)) assert.equal(text.slice(m.start, m.end), m.text, `${prefix} ${m.text}`);
    }
  });
});

describe('parseDateLine', () => {
  const good: Array<[string, Expect]> = [
    ['23.03.2019', { value: '2019-03-23', precision: 'day' }],
    ['السبت 23 مارس 2019', { value: '2019-03-23', weekday: 6, weekdayAgrees: true }],
    ['السبت 02 أغسطس 2025', { value: '2025-08-02', weekdayAgrees: true }],
    ['  السبت 23 مارس 2019 | 10:45 ', { value: '2019-03-23', text: 'السبت 23 مارس 2019' }],
    ['السبت | 23 مارس 2019', { value: '2019-03-23', weekday: 6 }],
    ['23 مارس 2019 - 10:45', { value: '2019-03-23' }],
    ['2019-03-23T10:45:00Z', { value: '2019-03-23' }],
    ['(23 أذار/مارس 2019)', { value: '2019-03-23' }],
    ['السبت 23 آذار', { value: undefined, yearMissing: true, weekday: 6, day: 23, month: 3 }],
    ['آذار 2019', { precision: 'month', value: '2019-03' }],
    // the hour labelled "ساعة" (no article), as "الساعة"
    ['23 مارس 2019 ساعة 10:15', { value: '2019-03-23', text: '23 مارس 2019' }],
    ['الاحد 24/03/2019 - ساعه: 08:05 م', { value: '2019-03-24' }],
  ];
  for (const [line, expected] of good) {
    it(JSON.stringify(line), () => {
      const m = parseDateLine(line);
      assert.ok(m, line);
      const got = Object.fromEntries(Object.keys(expected).map((k) => [k, m[k as keyof DateMention]]));
      assert.deepEqual(got, expected);
      assert.equal(line.slice(m.start, m.end), m.text);
    });
  }
  it('refuses lines that are not only a date', () => {
    for (const line of [
      'Time',
      'السياسة',
      '',
      '52',
      'أمس',
      'اليوم',
      'الأربعاء',
      'نشر في 23 مارس 2019',
      '23 مارس 2019 قتيلاً',
      '23.03.2019 | 24.03.2019',
      '31/02/2019',
      '42°C weather icon',
      '23 مارس 2019 ساعة',
      '23 مارس 2019 ساعة عمل',
    ]) {
      assert.equal(parseDateLine(line), undefined, line);
    }
  });
});

describe('yearsMatchingWeekday', () => {
  it('finds the years a day fell on a weekday', () => {
    assert.deepEqual(yearsMatchingWeekday(3, 23, 6, 2014, 2019), [2019]);
    assert.deepEqual(yearsMatchingWeekday(3, 23, 6, 2000, 2030), [2002, 2013, 2019, 2024, 2030]);
    assert.deepEqual(yearsMatchingWeekday(10, 17, 2, 2014, 2020), [2017]);
    assert.deepEqual(yearsMatchingWeekday(2, 29, 6, 2014, 2024), [2020]);
    assert.deepEqual(yearsMatchingWeekday(2, 30, 6, 2000, 2030), []);
  });
});

describe('yearsMentioned', () => {
  it('takes years from dates and year contexts only, once each, ascending', () => {
    assert.deepEqual(yearsMentioned('في 2019 و23.03.2018 وعام 2014 و3250 شخصاً و2016 قتيلا و2014-2017'), [2014, 2017, 2018, 2019]);
    assert.deepEqual(yearsMentioned(seed('000')), [2014, 2019]);
    assert.deepEqual(yearsMentioned(seed('003')), [2014, 2016]);
    assert.deepEqual(yearsMentioned(seed('004')), [2014, 2018]);
  });
});

describe('dateFromUrl', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://www.dw.com/ar/2019/03/23/slug', '2019-03-23'],
    ['https://example.com/news/2017-10-17-raqqa', '2017-10-17'],
    ['https://example.com/a/20171017/b.html', '2017-10-17'],
    ['https://example.com/a/2017_10_17/b', '2017-10-17'],
    ['/2019/03/23/slug', '2019-03-23'],
    ['https://example.com/2019/3/5/x', '2019-03-05'],
    ['https://example.com/a/201710171234', undefined],
    ['https://example.com/2017/02/30/x', undefined],
    ['https://example.com/2017/10/x', undefined],
    ['https://example.com/2017/10/17/x-2018-01-01', undefined],
    ['https://example.com/x?date=2017-10-17', undefined],
    ['https://example.com/article/12345', undefined],
    ['not a url', undefined],
    // a creation timestamp, 14 digits (YYYYMMDDhhmmss) standing alone: its time fields must be a time of day
    ['https://example.com/news-20241109180841', '2024-11-09'],
    ['https://example.com/a/20241109180841.html', '2024-11-09'],
    ['https://example.com/news-20241109256841', undefined],
    ['https://example.com/news-202411091808411', undefined],
    // Joomla's alias for a title without Latin letters: id-YYYY-MM-DD-hh-mm-ss, in the path or in the query's id
    ['http://example.com/index.php/sy/5446-2018-03-10-17-27-51', '2018-03-10'],
    ['http://example.com/index.php?option=com_content&view=article&id=5446:2018-03-10-17-27-51&catid=3', '2018-03-10'],
    ['http://example.com/index.php?option=com_content&id=5446:2018-03-10-17-77-51', undefined],
    // Chinese state media: /YYYY-MM/DD/ (Xinhua) and /YYYY/MMDD/ (People's Daily)
    ['http://arabic.news.cn/2019-03/23/c_137918521.htm', '2019-03-23'],
    ['http://www.xinhuanet.com/arabic/2019-03/23/c_137918521.htm', '2019-03-23'],
    ['http://arabic.people.com.cn/n3/2019/0323/c31662-9559022.html', '2019-03-23'],
    ['http://arabic.news.cn/2019-03/32/c_137918521.htm', undefined],
    ['http://arabic.people.com.cn/n3/2019/1323/c31662-9559022.html', undefined],
    // ids that only look like dates: longer digit runs, a Unix time, an id after a letter
    ['https://www.i24news.tv/ar/news/1695298359-slug', undefined],
    ['https://example.com/c_137918521.htm', undefined],
    ['https://example.com/story/a20190323', undefined],
    // a plain date in the query is not read (a listing's filter looks the same)
    ['https://example.com/x?id=2019-03-23', undefined],
    // an English month name in the address, as a whole token between the day and the year
    ['https://example.com/news/march-23-2019/slug', '2019-03-23'],
    ['https://example.com/world/2019/mar/23/slug', '2019-03-23'],
    ['https://example.com/world/2019/march/23/slug', '2019-03-23'],
    ['https://example.com/a/23-march-2019-slug', '2019-03-23'],
    ['https://example.com/a/sept-9-2019', '2019-09-09'],
    ['https://example.com/a/2019-Mar-23/x', '2019-03-23'],
    ['https://example.com/news/mar-32-2019/slug', undefined],
    ['https://example.com/news/feb-29-2019/slug', undefined],
    // a month name inside a word, or a count beside it, is no date
    ['https://example.com/news/summary-23-2019/slug', undefined],
    ['https://example.com/news/may-2019/slug', undefined],
    ['https://example.com/news/top-10-may-2019-events', undefined],
    ['https://example.com/world/2019/mar/23/x-2019-04-01', undefined],
  ];
  for (const [url, expected] of cases) it(url, () => assert.equal(dateFromUrl(url), expected));
});

describe('spans counted back from the publication date', () => {
  const anchor = { year: 2019, month: 3, day: 23 };
  const cases: Array<[string, string | undefined, string | undefined]> = [
    // 000: the offensive was launched six months before the declaration
    ['أعلنت اليوم السبت انتهاء المعركة بعد ستة أشهر من اطلاقها هجوماً واسعاً', 'اليوم السبت', '2019-03-23'],
    ['قبل ثلاثة أيام', 'قبل ثلاثة أيام', '2019-03-20'],
    ['قبل 10 أيام', 'قبل 10 أيام', '2019-03-13'],
    ['قبل أسبوعين', 'قبل أسبوعين', '2019-03-09'],
    ['قبل شهر', 'قبل شهر', '2019-02'],
    ['منذ عامين', 'منذ عامين', '2017'],
    ['منذ خمسة أعوام حتى الآن', 'منذ خمسة أعوام', '2014'],
    // "بعد ستة أشهر" with no "من" looks forward: not a date of the past
    ['بعد ستة أشهر ستنتهي المهمة', undefined, undefined],
    // not about today: the span counts from another date of the story, so it is left alone
    ['بعد سبعة أشهر من دخول المدينة', undefined, undefined],
    // a plural with no number is no count
    ['بعد أعوام من القتال', undefined, undefined],
  ];
  it('dates what happened six months before a statement made today (seed 000)', () => {
    const found = findDateMentions('أعلنت اليوم السبت انتهاء المعركة بعد ستة أشهر من اطلاقها هجوماً واسعاً', { anchor });
    assert.deepEqual(
      found.map((m) => [m.text, m.value]),
      [
        ['اليوم السبت', '2019-03-23'],
        ['بعد ستة أشهر', '2018-09'],
      ],
    );
  });
  for (const [text, expression, value] of cases) {
    it(text, () => {
      const [m] = findDateMentions(text, { anchor });
      assert.equal(m?.text, expression);
      assert.equal(m?.value, value);
      if (m) assert.equal(m.kind, 'relative');
    });
  }
});

describe('presentation forms', () => {
  it('reads a date written in presentation forms, its offsets in the original (a ligature folds to two letters)', () => {
    const text = 'ﻷن الاجتماع عقد في 13 ﺃﺑﺮﻳﻞ 2017 بدمشق';
    const [m] = findDateMentions(text);
    assert.equal(m?.value, '2017-04-13');
    assert.equal(m?.text, '13 ﺃﺑﺮﻳﻞ 2017');
    assert.equal(text.slice(m?.start, m?.end), '13 ﺃﺑﺮﻳﻞ 2017');
  });
});

describe('a comma between month and year', () => {
  it('reads "20 مايو، 2025" and "22 أيلول, 2023" (WordPress), not a count after the comma', () => {
    assert.equal(findDateMentions('20 مايو، 2025')[0]?.value, '2025-05-20');
    assert.equal(findDateMentions('الجمعة 22 أيلول, 2023')[0]?.value, '2023-09-22');
    assert.equal(findDateMentions('وصل في 5 أيار، 2000 مقاتل إلى المدينة')[0]?.text, '5 أيار');
  });
});

describe('a month name between two separators', () => {
  it('reads "30.أيلول.2017", "5-آذار-2019" and "٣/مارس/٢٠١٩": the same dot, dash or slash on both sides', () => {
    assert.equal(findDateMentions('30.أيلول.2017')[0]?.value, '2017-09-30');
    assert.equal(findDateMentions('30.أيلول.2017')[0]?.text, '30.أيلول.2017');
    assert.equal(findDateMentions('الأحد 5-آذار-2019')[0]?.value, '2019-03-05');
    assert.equal(findDateMentions('الأحد 5-آذار-2019')[0]?.weekdayAgrees, false);
    assert.equal(findDateMentions('٣/مارس/٢٠١٩')[0]?.value, '2019-03-03');
  });
  it('reads no date from mixed separators, an impossible day or a number glued to a longer one', () => {
    assert.equal(
      findDateMentions('30.أيلول-2017').some((m) => m.precision === 'day'),
      false,
    );
    assert.equal(
      findDateMentions('31.أيلول.2017').some((m) => m.precision === 'day'),
      false,
    );
    assert.equal(
      findDateMentions('1.30.أيلول.2017').some((m) => m.value === '2017-09-30'),
      false,
    );
  });
});

describe('two names of one month joined by a dash', () => {
  it('reads "السبت 21 سبتمبر-أيلول 2019" (Marib Press) as one date, and "آذار-نيسان 2019" as two months', () => {
    const [m] = findDateMentions('السبت 21 سبتمبر-أيلول 2019');
    assert.equal(m?.value, '2019-09-21');
    assert.equal(m?.weekdayAgrees, true);
    assert.equal(findDateMentions('آذار-نيسان 2019')[0]?.endValue, '2019-04');
    assert.equal(
      findDateMentions('21 سبتمبر-تشرين الأول 2019').some((d) => d.precision === 'day'),
      false,
    );
  });
});
