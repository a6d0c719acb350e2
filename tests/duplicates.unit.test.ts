/**
 * The duplicate checks of `add` (src/ingest/duplicates.ts) with fingerprints (what add keeps of
 * every body, src/cache/text-values.ts): the same answer as comparing every body's 5-word runs,
 * and the fingerprints kept between runs by the text they were made from.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiskStore } from '../src/cache/disk-store.ts';
import { keepTextValues, storedTextValues } from '../src/cache/text-values.ts';
import { sha256 } from '../src/core/hash.ts';
import {
  BODY_FINGERPRINTS,
  NEAR_DUPLICATE_THRESHOLD,
  bodyFingerprint,
  bodyFingerprintSchema,
  containment,
  nearDuplicates,
  sameTextKey,
  shingles,
} from '../src/ingest/duplicates.ts';
import { tempDir } from './helpers/site.ts';

// Sentences of our own, in the shape of wire copy: paragraphs that outlets reprint, cut and extend.
const PARAGRAPHS = [
  'أعلنت قوات سوريا الديمقراطية صباح اليوم سيطرتها الكاملة على بلدة الباغوز بعد معارك استمرت أسابيع.',
  'وقال متحدث باسم القوات إن عمليات التمشيط ما زالت جارية في الأحياء الشرقية من البلدة.',
  'وأفاد مراسلون بأن مئات المدنيين خرجوا من المنطقة خلال الأيام الماضية باتجاه مخيمات الشمال.',
  'من جهته أكد التحالف الدولي أن الغارات الجوية توقفت منذ مساء أمس بعد انهيار آخر خطوط الدفاع.',
  'وتأتي هذه التطورات بعد إعلان سابق عن قرب انتهاء المعركة في ريف دير الزور الشرقي.',
  'وفي سياق متصل شهدت مدينة الرقة احتفالات شعبية في الساحات العامة مساء الجمعة.',
  'وتحدث سكان عن عودة تدريجية للخدمات الأساسية من ماء وكهرباء إلى عدد من الأحياء.',
  'أما في حلب فقد افتتحت السلطات المحلية سوقاً جديداً في المدينة القديمة بعد ترميمه.',
];
const body = (...indexes: number[]) => indexes.map((i) => PARAGRAPHS[i]).join('\n\n');

/** Every body compared by its runs themselves: what add did before it kept fingerprints. */
function bruteForce(text: string, existing: Array<{ file: string; body: string }>) {
  const mine = shingles(text);
  return existing
    .map((e) => ({ file: e.file, similarity: containment(mine, shingles(e.body)) }))
    .filter((d) => d.similarity >= NEAR_DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity);
}

describe('near-duplicates with fingerprints', () => {
  const bodies = [body(0, 1, 2), body(0, 1, 2, 3, 4), body(2, 3), body(5, 6, 7), body(0), body(1, 5), body(3, 4, 5, 6), body(7), '', 'كلمة واحدة'];
  const existing = bodies.map((b, i) => ({ file: `articles/a${i}.md`, body: b }));
  const withPrints = existing.map((e) => ({ ...e, fingerprint: bodyFingerprint(e.body) }));

  for (const [i, text] of [body(0, 1, 2), body(0, 1), body(2, 3, 4), body(6, 7), body(4), 'نص لا يشبه شيئاً في الأرشيف على الإطلاق ولا يتكرر'].entries()) {
    it(`gives what comparing every body's runs gives (case ${i})`, () => {
      const expected = bruteForce(text, existing);
      assert.deepEqual(nearDuplicates(text, withPrints), expected);
      assert.deepEqual(nearDuplicates(text, existing), expected); // fingerprints made on the spot
    });
  }

  it('finds the pairs it should (the bound never drops one)', () => {
    assert.ok(nearDuplicates(body(0, 1, 2), withPrints).some((d) => d.file === 'articles/a1.md' && d.similarity === 1));
  });

  it('a fingerprint names the same text up to spacing and invisible characters', () => {
    const a = bodyFingerprint(body(0, 1));
    const b = bodyFingerprint(body(0, 1).replace(/ /g, '  ').replace(/\n\n/g, '\r\n\r\n\u200f'));
    assert.equal(a.sameText, b.sameText);
    assert.equal(a.sameText, sha256(sameTextKey(body(0, 1))));
    assert.notEqual(a.sameText, bodyFingerprint(body(0, 2)).sameText);
    assert.equal(bodyFingerprintSchema.safeParse(a).success, true);
  });
});

describe('fingerprints kept between runs (text-values)', () => {
  const version = sha256('text values test');
  const open = (dir: string) => storedTextValues(new DiskStore(dir, version), BODY_FINGERPRINTS.kind, BODY_FINGERPRINTS.name, bodyFingerprintSchema);

  it('computes a text once, keeps it by its text, and holds only the texts the last run asked for', () => {
    const dir = tempDir('text-values-');
    let computed = 0;
    const make = (text: string) => {
      computed++;
      return bodyFingerprint(text);
    };
    const first = open(dir);
    const a = first.get(body(0, 1), make);
    first.get(body(2), make);
    first.save();
    assert.equal(computed, 2);

    const second = open(dir);
    assert.deepEqual(second.get(body(0, 1), make), a);
    assert.equal(computed, 2, 'read back, not computed');
    second.get(body(0, 1, 3), make); // an edited body is another text
    assert.equal(computed, 3);
    second.save();

    const third = open(dir);
    third.get(body(2), make); // not asked for by the second run: no longer kept
    assert.equal(computed, 4);
  });

  it('a build keeps the entry through its sweep without reading it; a build that does not, removes it', () => {
    const dir = tempDir('text-values-sweep-');
    const values = open(dir);
    values.get(body(0), (t) => bodyFingerprint(t));
    values.save();
    let computed = 0;
    const count = (t: string) => {
      computed++;
      return bodyFingerprint(t);
    };
    const building = new DiskStore(dir, version);
    keepTextValues(building, BODY_FINGERPRINTS.kind, BODY_FINGERPRINTS.name);
    building.sweep();
    open(dir).get(body(0), count);
    assert.equal(computed, 0, 'kept');

    // a store opened later that does not keep the entry sweeps it (its file is older than the store)
    const written = Date.now();
    while (Date.now() <= written + 2) {
      // a file time and the store's opening in the same millisecond would keep it
    }
    const sweeping = new DiskStore(dir, version);
    sweeping.sweep();
    open(dir).get(body(0), count);
    assert.equal(computed, 1, 'swept');
  });
});
