/**
 * unwrapHeadline (src/ingest/headline-wrapper.ts): an aggregator's boilerplate around a headline,
 * taken off only when both its parts stand around it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unwrapHeadline } from '../src/ingest/headline-wrapper.ts';

const HEAD = 'افتتاح جسر جديد على نهر الفرات في مدينة دير الزور';

describe('unwrapHeadline', () => {
  it('takes the headline out of a wrapper whose opening and closing both stand', () => {
    for (const line of [
      `نعرض لكم زوارنا أهم وأحدث تفاصيل خبر ${HEAD} في المقال التالي`,
      `نقدم لكم متابعينا الكرام أبرز تفاصيل خبر ${HEAD} في السطور التالية`,
      `إليكم تفاصيل ${HEAD} خلال السطور القادمة`,
      `تعرف على تفاصيل ${HEAD} عبر السطور الآتية`,
    ]) {
      const w = unwrapHeadline(line);
      assert.equal(w?.certain, true, line);
      assert.equal(w?.inner, HEAD, line);
    }
  });
  it('leaves a line with one part of a wrapper as it is, not certain', () => {
    for (const line of [`إليكم تفاصيل ${HEAD}`, `نقدم لكم تفاصيل ${HEAD}`, `${HEAD} في المقال التالي`, 'نعرض لكم تفاصيل خبر الجسر في المقال التالي']) {
      const w = unwrapHeadline(line);
      assert.equal(w?.certain, false, line);
      assert.equal(w?.inner, line, line);
    }
  });
  it('finds no wrapper in headlines that speak of details or articles', () => {
    for (const line of [HEAD, 'تفاصيل اتفاق إدلب بين روسيا وتركيا', 'ننشر تفاصيل الخطة الجديدة لإعادة الإعمار', 'الرئيس يعرض تفاصيل الاتفاق على البرلمان']) {
      assert.equal(unwrapHeadline(line), undefined, line);
    }
  });
});
