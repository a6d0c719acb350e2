import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arabicWeekday, formatArabicDate, formatArabicMonth, formatHijriDate, parseIsoDate } from '../src/arabic/calendar.ts';

describe('parseIsoDate', () => {
  it('accepts real dates, leap days included', () => {
    assert.deepEqual(parseIsoDate('2019-03-23'), { year: 2019, month: 3, day: 23 });
    assert.deepEqual(parseIsoDate('2020-02-29'), { year: 2020, month: 2, day: 29 });
    assert.deepEqual(parseIsoDate('2000-02-29'), { year: 2000, month: 2, day: 29 });
  });
  it('refuses impossible and malformed dates', () => {
    for (const s of ['2019-02-30', '2019-02-29', '1900-02-29', '2019-13-01', '2019-00-10', '2019-04-31', '2019-3-23', '23.03.2019', '2019-03-23T00:00', '']) {
      assert.equal(parseIsoDate(s), undefined, s);
    }
  });
});

describe('Arabic renderings', () => {
  const d = (s: string) => parseIsoDate(s)!;
  it('writes dates as the Levantine press does', () => {
    assert.equal(formatArabicDate(d('2019-03-23')), '23 آذار/مارس 2019');
    assert.equal(formatArabicDate(d('2017-10-18')), '18 تشرين الأول/أكتوبر 2017');
    assert.equal(formatArabicDate(d('2016-01-05')), '5 كانون الثاني/يناير 2016');
    assert.equal(formatArabicMonth(2016, 11), 'تشرين الثاني/نوفمبر 2016');
  });
  it('names the weekday', () => {
    assert.equal(arabicWeekday(d('2019-03-23')), 'السبت');
    assert.equal(arabicWeekday(d('2019-03-12')), 'الثلاثاء');
    assert.equal(arabicWeekday(d('2017-10-17')), 'الثلاثاء');
  });
  it('gives the Umm al-Qura Hijri date', () => {
    assert.equal(formatHijriDate(d('2019-03-23')), '16 رجب 1440 هـ');
    assert.equal(formatHijriDate(d('2017-10-18')), '28 محرم 1439 هـ');
  });
});
