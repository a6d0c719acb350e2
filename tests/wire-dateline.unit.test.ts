/** The wire dateline opening a text (src/ingest/wire-dateline.ts): place, date, agency credit. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wireDateline } from '../src/ingest/wire-dateline.ts';

const AGENCIES: Record<string, string> = { شينخوا: 'شينخوا', 'أ ف ب': 'أ.ف.ب', 'أ.ف.ب': 'أ.ف.ب', رويترز: 'رويترز', سانا: 'سانا', 'د ب أ': 'د.ب.أ', واس: 'واس', وال: 'وال' };
const agency = (token: string) => AGENCIES[token.trim()];
const LEAD = 'أعلنت السلطات المحلية في المدينة عن إعادة فتح الطريق الرئيسي أمام حركة المدنيين والشاحنات.';

describe('wire datelines', () => {
  it('reads place, date and agency (Xinhua, AFP, Reuters, SANA after a dash)', () => {
    const cases: Array<[string, string, string, string[]]> = [
      [`دمشق 15 ديسمبر 2016 ( شينخوا ) ${LEAD}`, 'دمشق 15 ديسمبر 2016 ( شينخوا )', '2016-12-15', ['شينخوا']],
      [`بيروت، 15 ديسمبر 2016 (أ ف ب) - ${LEAD}`, 'بيروت، 15 ديسمبر 2016 (أ ف ب)', '2016-12-15', ['أ.ف.ب']],
      [`دير الزور 3 آذار 2019 (رويترز) - ${LEAD}`, 'دير الزور 3 آذار 2019 (رويترز)', '2019-03-03', ['رويترز']],
      [`دمشق 15 ديسمبر 2016 - سانا - ${LEAD}`, 'دمشق 15 ديسمبر 2016 - سانا', '2016-12-15', ['سانا']],
      [`دمشق 22 مايو 2013 /${LEAD}`, 'دمشق 22 مايو 2013', '2013-05-22', []],
      [`القامشلي 23-03-2019 (أ.ف.ب/رويترز) ${LEAD}`, 'القامشلي 23-03-2019 (أ.ف.ب/رويترز)', '2019-03-23', ['أ.ف.ب', 'رويترز']],
      // a dash after the place, "م" after the date, the credit in brackets between dashes (LANA's)
      [`طرابلس  - 4 مارس 2023م - ( وال ) -  ${LEAD}`, 'طرابلس  - 4 مارس 2023م - ( وال )', '2023-03-04', ['وال']],
      [`بنغازي - 9 يوليو 2022 - (رويترز) - ${LEAD}`, 'بنغازي - 9 يوليو 2022 - (رويترز)', '2022-07-09', ['رويترز']],
    ];
    for (const [text, dateline, value, agencies] of cases) {
      const w = wireDateline(text, agency);
      assert.equal(w?.text, dateline, text);
      assert.equal(w?.mention?.value, value, text);
      assert.deepEqual(w?.agencies, agencies, text);
    }
  });
  it("reads SPA's dateline: a Hijri date naming the same day, الموافق, the Gregorian date with م, the agency alone", () => {
    const w = wireDateline(`الرياض 14 جمادى الآخرة 1444 هـ الموافق 07 يناير 2023 م واس ${LEAD}`, agency);
    assert.equal(w?.text, 'الرياض 14 جمادى الآخرة 1444 هـ الموافق 07 يناير 2023 م واس');
    assert.equal(w?.place, 'الرياض');
    assert.equal(w?.mention?.value, '2023-01-07');
    assert.deepEqual(w?.agencies, ['واس']);
    assert.equal(wireDateline(`جدة 5 مارس 2023 واس ${LEAD}`, agency)?.mention?.value, '2023-03-05');
    // a Hijri date of another day, or an unknown word where the agency stands: no dateline
    assert.equal(wireDateline(`الرياض 20 جمادى الآخرة 1444 هـ الموافق 07 يناير 2023 م واس ${LEAD}`, agency), undefined);
    assert.equal(wireDateline(`الرياض 07 يناير 2023 م أعلنت ${LEAD}`, agency), undefined);
  });

  it('reads a place and an agency with no date', () => {
    const w = wireDateline(`بيروت (أ ف ب) - ${LEAD}`, agency);
    assert.equal(w?.text, 'بيروت (أ ف ب)');
    assert.equal(w?.mention, undefined);
    assert.deepEqual(w?.agencies, ['أ.ف.ب']);
  });
  it('reads no dateline in prose, after a preposition, without a credit, or with an unknown credit', () => {
    for (const text of [
      `أعلن الجيش في 15 ديسمبر 2016 (أ ف ب) ${LEAD}`,
      `دمشق 15 ديسمبر 2016 ${LEAD}`,
      `دمشق 15 ديسمبر 2016 (الصورة أرشيفية) ${LEAD}`,
      `دمشق 15 ديسمبر (أ ف ب) ${LEAD}`,
      `قالت مصادر محلية في ريف المدينة الشرقي يوم 15 ديسمبر 2016 (أ ف ب) ${LEAD}`,
      `15 ديسمبر 2016 (أ ف ب) ${LEAD}`,
      `قالت مصادر في المدينة - 15 ديسمبر 2016 - (أ ف ب) - ${LEAD}`,
      `دمشق - 15 ديسمبر 2016م - (الصورة أرشيفية) - ${LEAD}`,
      'دمشق 15 ديسمبر 2016 (أ ف ب)',
      `وقالت الوكالة (أ ف ب) إن ${LEAD}`,
    ]) {
      assert.equal(wireDateline(text, agency)?.mention, undefined, text);
    }
    assert.equal(wireDateline(`وقالت الوكالة الفرنسية للأنباء في تقرير لها (أ ف ب) ${LEAD}`, agency), undefined);
    // undated, only with the dash that ends a dateline
    assert.equal(wireDateline(`وقالت الوكالة (أ ف ب) إن ${LEAD}`, agency), undefined);
  });
});
