/**
 * dateRoleInProse (src/arabic/date-in-prose.ts): a date written inside a sentence of the lead is
 * the day a source said what the text reports (the press's own day), or the day of the event it
 * reports, or cannot be told; and isSayingWord (src/arabic/saying.ts), which it reads.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateRoleInProse } from '../src/arabic/date-in-prose.ts';
import { findDateMentions } from '../src/arabic/dates.ts';
import { foldArabic } from '../src/arabic/normalise.ts';
import { isSayingWord } from '../src/arabic/saying.ts';

/** The role of the one full or weekday date in `sentence`. */
function roleOf(sentence: string) {
  const m = findDateMentions(sentence).find((x) => x.kind === 'explicit' && x.weekday !== undefined);
  assert.ok(m, `a dated weekday in ${sentence}`);
  return dateRoleInProse(sentence, m.start, m.end);
}

describe('dateRoleInProse', () => {
  const rows: Array<[sentence: string, role: 'told' | 'event' | 'unclear']> = [
    // set off by commas after a verb of saying: the day the source spoke
    ['قالت قوات سوريا الديمقراطية، السبت 23 آذار، إنها سيطرت على آخر مواقع التنظيم', 'told'],
    ['ذكرت صحيفة لبنانية، الخميس 11 تموز، أن الأمن العام يعد قوائم بأسماء اللاجئين', 'told'],
    ['وأفاد المرصد السوري (الأحد 24 آذار 2019) بأن الاشتباكات توقفت', 'told'],
    // right after who spoke, no comma between
    ['أعلنت قوات سوريا الديمقراطية السبت 23 آذار 2019 القضاء على آخر جيوب التنظيم', 'told'],
    // "today": the page's own day
    ['أعلنت وزارة الدفاع اليوم السبت 10 أيلول 2016 أن الهدنة تبدأ مساء الاثنين', 'told'],
    // after a time of day, a preposition or "يوم": the event's day
    ['أصابت إحدى الغارات سوقاً للخضار في وسط المدينة، ظهر السبت 10 أيلول/سبتمبر 2016.', 'event'],
    ['قتل عشرون مدنياً يوم السبت 10 أيلول 2016 في غارات على السوق', 'event'],
    ['وصلت القافلة إلى المدينة مساء الجمعة 9 أيلول 2016 بعد تأخير', 'event'],
    ['وكان التنظيم قد دخل المدينة منذ الجمعة 9 أيلول 2016 وفق الناشطين', 'event'],
    ['وكان التنظيم قد دخل المدينة أمس الجمعة 9 أيلول 2016 وفق الناشطين', 'event'],
    // followed by the hour of the event
    ['سقطت القذائف على الحي السبت 10 أيلول 2016 عند الساعة الثانية ظهراً', 'event'],
    ['سقطت القذائف على الحي السبت 10 أيلول 2016 الساعة 12:30 وفق الأهالي', 'event'],
    // set off by commas, but no one speaks: cannot be told
    ['سقطت القذائف على الحي، السبت 10 أيلول 2016، وأصابت عدداً من المنازل', 'unclear'],
    ['قتل عشرون مدنياً السبت 10 أيلول 2016 في غارات على السوق', 'unclear'],
  ];
  for (const [sentence, role] of rows) {
    it(`${role}: ${sentence}`, () => {
      const found = roleOf(sentence);
      assert.equal(found.role, role, found.because);
      assert.ok(found.because.length > 0);
    });
  }
  it('says which word told it', () => {
    assert.match(roleOf('أصابت الغارة السوق، ظهر السبت 10 أيلول/سبتمبر 2016.').because, /ظهر/);
    assert.match(roleOf('قالت القوات، السبت 23 آذار، إنها سيطرت على البلدة').because, /قالت/);
  });
  it('marks the date the text calls "اليوم" as the page\'s own day, and no other', () => {
    assert.equal(roleOf('أعلنت وزارة الدفاع اليوم السبت 10 أيلول 2016 أن الهدنة تبدأ مساء الاثنين').today, true);
    assert.equal(roleOf('قالت القوات، السبت 23 آذار، إنها سيطرت على البلدة').today, undefined);
  });
});

describe('isSayingWord', () => {
  it('reads verbs of saying with و/ف before them, and no other word', () => {
    for (const w of ['قالت', 'وقال', 'فأعلنت', 'أفادت', 'وذكرت', 'بحسب', 'وفق']) assert.ok(isSayingWord(foldArabic(w)), w);
    for (const w of ['السوق', 'ظهر', 'مدينة', 'قوات']) assert.ok(!isSayingWord(foldArabic(w)), w);
  });
});
