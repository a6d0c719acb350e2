/**
 * readDateLine and leadingDate (src/arabic/date-line.ts): the date lines of the press, with their
 * labels, times, Hijri dates and Latin months; and what is not a date line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTimeFragment, leadingDate, readDateLine } from '../src/arabic/date-line.ts';

type Row = [line: string, entries: Array<[label: string | undefined, value: string | undefined]>];

describe('readDateLine', () => {
  const good: Row[] = [
    ['22/03/2019', [[undefined, '2019-03-22']]],
    ['23-03-2019, 02:13', [[undefined, '2019-03-23']]],
    ['التاريخ:: 10 سبتمبر 2017', [['date', '2017-09-10']]],
    ['09 سبتمبر 2017', [[undefined, '2017-09-09']]],
    ['الثلاثاء 17 أكتوبر 2017 07:10 ص', [[undefined, '2017-10-17']]],
    ['date 2025-08-29', [['date', '2025-08-29']]],
    ['٢٣ مارس ٢٠١٩ - 10:30 مساءً', [[undefined, '2019-03-23']]],
    ['السبت 23 مارس 2019 الساعة 10:45 بتوقيت دمشق', [[undefined, '2019-03-23']]],
    ['23 مارس 2019 | 15:40 GMT', [[undefined, '2019-03-23']]],
    ['2019-03-23T18:40:00+03:00', [[undefined, '2019-03-23']]],
    ['الخميس 12 ديسمبر 2024 7:26 م القاهرة', [[undefined, '2024-12-12']]],
    ['السبت 21 سبتمبر 2019 الساعة 08 صباحاً', [[undefined, '2019-09-21']]],
    ['2018/04/17 04:49:15 م', [[undefined, '2018-04-17']]],
    ['11 تشرين الثانى, 2023', [[undefined, '2023-11-11']]],
    // a comma glued after the month, a time with seconds after a dash; the Arabic comma; ص/م
    ['22 أبريل, 2017 - 03:50:00', [[undefined, '2017-04-22']]],
    ['22 أبريل، 2017', [[undefined, '2017-04-22']]],
    ['22 أبريل، 2017 - 03:50 م', [[undefined, '2017-04-22']]],
    ['السبت، 22 أبريل، 2017 - 03:50:00 ص', [[undefined, '2017-04-22']]],
    ['٢٢ نيسان، ٢٠١٧ - ٠٣:٥٠:٠٠ م', [[undefined, '2017-04-22']]],
    [
      'نشر في: 22/03/2019 - 11:20 | آخر تحديث: 23/03/2019 - 08:00',
      [
        ['published', '2019-03-22'],
        ['updated', '2019-03-23'],
      ],
    ],
    ['تاريخ النشر: الأحد 24 مارس 2019', [['published', '2019-03-24']]],
    ['نُشر بتاريخ ٢٣/٠٣/٢٠١٩', [['published', '2019-03-23']]],
    ['آخر تحديث: 24 مارس 2019', [['updated', '2019-03-24']]],
    ['تم التحديث 25.03.2019', [['updated', '2019-03-25']]],
    ['Mar 23, 2019', [[undefined, '2019-03-23']]],
    ['23 March 2019 - 10:00 GMT', [[undefined, '2019-03-23']]],
    ['Published: Sunday, March 24, 2019 10:22 AM', [['published', '2019-03-24']]],
    ['الأحد 17 رجب 1440 هـ الموافق 24 مارس 2019 م', [[undefined, '2019-03-24']]],
    ['الخليج ـ نشر في 2019/03/23 الساعة 14:40', [['published', '2019-03-23']]],
    ['منذ 3 ساعات', [['relative', undefined]]],
    ['نشر في', [['published', undefined]]],
    // a label glued to the date, the year first with a Latin month, a time labelled "ساعة"
    ['تاريخ النشر2019 14 March ساعة 09:40', [['published', '2019-03-14']]],
    ['نشر في2021 3 Jan', [['published', '2021-01-03']]],
    ['2020, 7 October - 11:05', [[undefined, '2020-10-07']]],
    // a weekday, then the time, then the date
    ['تاريخ النشر : الأربعاء 11:20 13-03-2019', [['published', '2019-03-13']]],
    ['الخميس 7:05 م 14/03/2019', [[undefined, '2019-03-14']]],
    // a date glued to the label after it ("… 2025Last Update :")
    [
      '3 نيسان 2019Last Update :',
      [
        [undefined, '2019-04-03'],
        ['updated', undefined],
      ],
    ],
    // a zone written offset first, a counter's bare number after the clock, a print issue's number
    ['الأحد 4 مارس 2018 - 09:13 +2GMT', [[undefined, '2018-03-04']]],
    ['الأحد 4 مارس 2018 - 09:13 (+3 GMT)', [[undefined, '2018-03-04']]],
    ['تاريخ النشر: 23 أغسطس 2019 13:33 KSA', [['published', '2019-08-23']]],
    ['02 ديسمبر 2016 -- 19:29:39 539', [[undefined, '2016-12-02']]],
    ['العدد 4523 - السبت 23 مارس 2019', [[undefined, '2019-03-23']]],
    ['السنة 47 - العدد: 13522 | الأحد 24 مارس 2019', [[undefined, '2019-03-24']]],
    ['الأحد 24 مارس 2019 - العدد 13522', [[undefined, '2019-03-24']]],
    // a theme's "on DATE": في and one date, the whole line
    ['في Friday 7 February, 2020', [['date', '2020-02-07']]],
    ['في 23 مارس 2019', [['date', '2019-03-23']]],
    // a weekday and a stop, a month first with an English ordinal's ending; an update with its city's clock and a numeric Hijri date
    ['السبت. سبتمبر 13th, 2025', [[undefined, '2025-09-13']]],
    ['الأحد. 24 مارس 2019', [[undefined, '2019-03-24']]],
    ['آخر تحديث: 2017/10/3 الساعة 08:52 (مكة المكرمة) الموافق 1439/1/13 هـ', [['updated', '2017-10-03']]],
    // the separator between spaces, the same both times
    ['23 . 03 . 2019', [[undefined, '2019-03-23']]],
    ['نشر في: 2019 / 03 / 23 - 10:40', [['published', '2019-03-23']]],
    // Material-icons ligature names copied with the text, glued to the date or spaced from it
    ['calendar_month24/12/2019 05:53 pm', [[undefined, '2019-12-24']]],
    ['calendar_today 2019-03-23 schedule 10:40', [[undefined, '2019-03-23']]],
    ['event23 مارس 2019 access_time 10:40 ص', [[undefined, '2019-03-23']]],
    ['today 11 أبريل 2020 visibility 1520', [[undefined, '2020-04-11']]],
    [
      'date_range 11.04.2020 | update 12.04.2020',
      [
        [undefined, '2020-04-11'],
        ['updated', '2020-04-12'],
      ],
    ],
  ];
  for (const [line, expected] of good) {
    it(JSON.stringify(line), () => {
      const entries = readDateLine(line);
      assert.ok(entries, line);
      assert.deepEqual(
        entries.map((e) => [e.label, e.mention?.value]),
        expected,
      );
    });
  }

  it('checks a Hijri date in numbers beside the Gregorian, the year first or last', () => {
    assert.equal(readDateLine('2017/10/3 الموافق 1439/1/13 هـ')?.[0]?.hijri?.agrees, true);
    assert.equal(readDateLine('13/1/1439هـ - 3/10/2017')?.[0]?.hijri?.agrees, true);
    assert.equal(readDateLine('2017/10/3 الموافق 1439/5/13 هـ')?.[0]?.hijri?.agrees, false);
  });

  it('checks a Hijri date beside the Gregorian (Umm al-Qura, within two days)', () => {
    assert.equal(readDateLine('الأحد 17 رجب 1440 هـ الموافق 24 مارس 2019 م')?.[0]?.hijri?.agrees, true);
    assert.equal(readDateLine('الأحد 2 شعبان 1440 هـ - 24 مارس 2019')?.[0]?.hijri?.agrees, false);
  });

  it('reads an Arabic month written first ("سبتمبر 19, 2025", WordPress\'s "F j, Y"), its weekday checked', () => {
    assert.equal(readDateLine('سبتمبر 19, 2025')?.[0]?.mention?.value, '2025-09-19');
    assert.equal(readDateLine('الجمعة, سبتمبر 19, 2025')?.[0]?.mention?.weekdayAgrees, true);
    assert.equal(readDateLine('الخميس, سبتمبر 19, 2025')?.[0]?.mention?.weekdayAgrees, false);
    assert.equal(readDateLine('أيلول 19، 2025 - 10:15 م')?.[0]?.mention?.value, '2025-09-19');
    assert.equal(readDateLine('سبتمبر 31, 2025'), undefined);
    assert.equal(readDateLine('سبتمبر 19, 2025 شارك الخبر'), undefined);
  });

  it('reads Arabic presentation forms as their letters (ﻫ after the Hijri year, a line of ﺍﻟﺨﻤﻴﺲ)', () => {
    const [entry] = readDateLine('الخميس 17 رجب 1438 ﻫ - 13 أبريل 2017') ?? [];
    assert.equal(entry?.mention?.value, '2017-04-13');
    assert.equal(entry?.hijri?.agrees, true);
    assert.equal(entry?.hijri?.text, '17 رجب 1438 ﻫ');
    assert.equal(readDateLine('ﺍﻟﺨﻤﻴﺲ 13 ﺃﺑﺮﻳﻞ 2017')?.[0]?.mention?.value, '2017-04-13');
    assert.equal(readDateLine('ﺍﻟﺨﻤﻴﺲ 13 ﺃﺑﺮﻳﻞ 2017')?.[0]?.mention?.weekdayAgrees, true);
    // a ligature (ﻻ, two letters) keeps the offsets of the original
    const [la] = readDateLine('ﻻ 13 أبريل 2017') ?? [];
    assert.equal(la, undefined);
  });

  it('keeps the month-first reading of a numeric date whose two numbers could both be the month', () => {
    assert.equal(readDateLine('04/03/2019')?.[0]?.monthFirst, '2019-04-03');
    assert.equal(readDateLine('23/03/2019')?.[0]?.monthFirst, undefined);
    assert.equal(readDateLine('03/03/2019')?.[0]?.monthFirst, undefined);
  });

  it('reads a date framed by a place, a label or an outlet: a time, a dash or a glued word says it is a date line', () => {
    assert.equal(readDateLine('تركيا 20-12-2024 | 12:37')?.[0]?.mention?.value, '2024-12-20');
    assert.equal(readDateLine('ريف حلب 20-12-2024 - 12:37 م')?.[0]?.mention?.value, '2024-12-20');
    assert.equal(readDateLine('عاجل9-3-2019')?.[0]?.mention?.value, '2019-03-09');
    assert.equal(readDateLine('الخرطوم-2017/09/17م-إذاعة بلادي')?.[0]?.mention?.value, '2017-09-17');
    assert.equal(readDateLine('دمشق - 23 مارس 2019 - الوطن')?.[0]?.mention?.value, '2019-03-23');
    assert.equal(readDateLine('السبت 21 سبتمبر-أيلول 2019 الساعة 08 صباحاً / مأرب برس-اخبار اليوم')?.[0]?.mention?.weekdayAgrees, true);
    assert.equal(readDateLine('السبت 21 سبتمبر-أيلول 2019 الساعة 08 صباحاً / مأرب برس-اخبار اليوم')?.[0]?.mention?.value, '2019-09-21');
    const [entry] = readDateLine('الخرطوم-2017/09/17م-إذاعة بلادي') ?? [];
    assert.equal(entry?.mention?.text, '2017/09/17');
    assert.equal(entry?.label, undefined);
  });

  it('reads a two-digit year after a publication label only, day first, and says so', () => {
    const [entry] = readDateLine('نُشر: 01/09/17') ?? [];
    assert.equal(entry?.label, 'published');
    assert.equal(entry?.mention?.value, '2017-09-01');
    assert.equal(entry?.mention?.text, '01/09/17');
    assert.equal(entry?.twoDigitYear, true);
    assert.equal(entry?.monthFirst, '2017-01-09');
    assert.equal(readDateLine('تاريخ النشر: 23.03.19 - 10:20')?.[0]?.mention?.value, '2019-03-23');
    assert.equal(readDateLine('تاريخ النشر: 23.03.19 - 10:20')?.[0]?.monthFirst, undefined);
    assert.equal(readDateLine('نشر في 2019/03/23')?.[0]?.twoDigitYear, undefined);
    // no label, another label, an impossible date, or words after it: not read
    for (const line of ['01/09/17', 'آخر تحديث: 01/09/17', 'نشر: 31/02/17', 'نشر: 01/09/17 قتيلا']) {
      assert.equal(
        readDateLine(line)?.some((e) => e.mention),
        undefined,
        line,
      );
    }
  });

  it('refuses lines that are not date lines', () => {
    for (const line of [
      'نشر في 23 مارس 2019 قتيلاً',
      'الرئيسية / أخبار / سوريا',
      'قوات سوريا الديمقراطية تعلن السيطرة على الباغوز',
      'أعلنت القوات في 23 مارس 2019 السيطرة على البلدة',
      'منذ بداية الحملة العسكرية على ريف دير الزور الشرقي',
      // a framed date that nothing says is a date line, or whose frame is prose
      'الانتخابات الرئاسية 20-12-2024',
      'جرت الانتخابات الرئاسية في 20-12-2024 | 12:37',
      'مقتل خمسة مدنيين 20-12-2024 - 12:37',
      'تركيا 2024 | 12:37',
      'تركيا 20-12-2024 | 12:37 شارك الخبر الآن',
      'الخرطوم-2017/09/17م-إذاعة بلادي تنقل عن مصادر محلية',
      'الساعة 08 قتيلا 21 سبتمبر 2019',
      '21 سبتمبر 2019 / وصل الوفد إلى المدينة صباحا',
      'Time',
      // an icon's name is no date, and a word that is also an icon's name stays a word
      'calendar_month',
      'schedule 10:40',
      'event of the year 2019',
      'الخميس 7:05 م أعلنت الوزارة 14/03/2019',
      // a bare number is a count only after a clock; an issue's number is a number, not a count of dead
      '23 مارس 2019 539',
      'العدد 12 قتيلا 23 مارس 2019',
      '23 . 03.2019',
      'في 23 مارس 2019 قتل خمسة',
      'في نشر في 23 مارس 2019',
      '',
      '52',
    ]) {
      assert.equal(readDateLine(line), undefined, line);
    }
  });
});

describe('leadingDate', () => {
  it('finds a date glued to the first words of the text', () => {
    const line = '٢٣ مارس ٢٠١٩أعلنت قوات سوريا الديمقراطية السيطرة على آخر مواقع التنظيم';
    const found = leadingDate(line);
    assert.equal(found?.mention.value, '2019-03-23');
    assert.ok(line.slice(found?.rest).startsWith('أعلنت'));
    assert.equal(leadingDate('23.03.2019 - أعلنت قوات سوريا الديمقراطية السيطرة على البلدة')?.mention.value, '2019-03-23');
  });
  it('finds it with a time of day between the date and the text ("22 أبريل, 2017 - 03:50:00 - أعلنت …")', () => {
    for (const [line, value] of [
      ['22 أبريل, 2017 - 03:50:00 - أعلنت وزارة النقل فتح الطريق أمام الشاحنات', '2017-04-22'],
      ['22 أبريل، 2017 - 03:50 م أعلنت وزارة النقل فتح الطريق أمام الشاحنات', '2017-04-22'],
      ['٢٢ أبريل، ٢٠١٧ - ٠٣:٥٠:٠٠ ص | أعلنت وزارة النقل فتح الطريق أمام الشاحنات', '2017-04-22'],
    ] as const) {
      const found = leadingDate(line);
      assert.equal(found?.mention.value, value, line);
      assert.ok(line.slice(found?.rest).startsWith('أعلنت'), line);
    }
    // a number after the date that is no time is the text's: no date line there
    assert.equal(leadingDate('22 أبريل, 2017 - 35 قتيلاً في غارات على البلدة'), undefined);
  });
  it('leaves a date inside a sentence, and a short line, alone', () => {
    assert.equal(leadingDate('أعلنت القوات في 23 مارس 2019 السيطرة على البلدة'), undefined);
    assert.equal(leadingDate('23 مارس 2019 قتيلاً'), undefined);
  });
});

describe('isTimeFragment', () => {
  it('reads a time of day split over lines by the copy ("٠٣:" / "٠٨" / "م +02:00 EET")', () => {
    for (const line of ['٠٣:', '٠٨', 'م +02:00 EET', '10:15 ص', 'PM GMT', '+03:00', '11:', '45 م']) assert.equal(isTimeFragment(line), true, line);
  });
  it('leaves dates, words and numbers that are counts alone', () => {
    for (const line of ['٩ مارس ٢٠١٨', '2018', '1520 مشاهدة', 'م', 'مساء الخميس', '', '120', 'الساعة الثالثة']) assert.equal(isTimeFragment(line), false, line);
  });
});
