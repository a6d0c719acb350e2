/**
 * Shared passages: runs of 12+ words that two outlets print alike. On the five seed articles the
 * wire copy GOLD.yml names must be found, and nothing else; then the rules one by one on small
 * made-up texts: the 11/12-word edge, normalisation, maximality, paragraphs, same outlet, order.
 */
import assert from 'node:assert/strict';
import { seedParagraphs } from './helpers/seed-articles.ts';
import { describe, it } from 'node:test';
import { findSharedPassages, passageWords, type PassageSource, type SharedPassage } from '../src/analysis/passages.ts';

const seedSources = seedParagraphs;

const DW = '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate'; // 000
const KHABAR = '2019-03-23-alkhabar-tv-is-isis-over-in-syria'; // 001
const SEYASSAH = '2019-03-23-al-seyassah-sdf-declares-isis-defeat-in-baghuz'; // 002

/** Every side's text must be its paragraph's slice, starting and ending on a word. */
function assertSidesMapBack(found: SharedPassage[], sources: PassageSource[]): void {
  const byId = new Map(sources.map((s) => [s.id, s]));
  for (const p of found) {
    for (const side of [p.a, p.b]) {
      const paragraph = byId.get(side.id)!.paragraphs[side.paragraph]!;
      assert.equal(paragraph.slice(side.start, side.end), side.text);
      assert.match(side.text, /^[\p{L}\p{N}]/u, 'starts on a word');
      assert.match(side.text, /[\p{L}\p{N}\p{M}]$/u, 'ends on a word');
    }
  }
}

const words = (n: number, stem = 'كلمة') => Array.from({ length: n }, (_, i) => `${stem}${i + 1}`).join(' ');

describe('findSharedPassages on the seed articles', () => {
  const sources = seedSources();
  const found = findSharedPassages(sources);

  it('finds exactly the wire copy GOLD.yml names: 000/001 and 001/002, nothing else', () => {
    assert.equal(sources.length, 5);
    const pairs = [...new Set(found.map((p) => `${p.a.id} | ${p.b.id}`))];
    assert.deepEqual(pairs, [`${SEYASSAH} | ${KHABAR}`, `${KHABAR} | ${DW}`]);
    for (const p of found) {
      assert.ok(!/al-khaleej|rojava/.test(p.a.id + p.b.id), 'no pair with 003 or 004');
    }
    assert.equal(found.length, 3);
    assertSidesMapBack(found, sources);
  });

  it('001/002: "أسر(ت) مئات في الأسابيع الماضية ... إلى الصحراء السورية"', () => {
    const [p] = found.filter((x) => x.a.id === SEYASSAH);
    assert.ok(p);
    // 002 writes "أسر مئات", 001 "أسرت مئات": the run starts at مئات
    assert.equal(p.a.text, 'مئات في الأسابيع الماضية ممن حاولوا التسلل والهرب للعراق أو عبر نهر الفرات إلى الصحراء السورية');
    assert.equal(p.b.text, p.a.text);
    assert.equal(p.words, 16);
    assert.equal(p.b.id, KHABAR);
    assert.match(sources.find((s) => s.id === KHABAR)!.paragraphs[p.b.paragraph]!, /أسرت مئات/);
  });

  it('000/001: the "وعلى الرغم من أن هزيمة ..." paragraph, one paragraph in 000 and two in 001', () => {
    const runs = found.filter((x) => x.a.id === KHABAR);
    assert.equal(runs.length, 2);
    const [first, second] = runs as [SharedPassage, SharedPassage];
    // both runs lie in 000's one paragraph, and in two consecutive paragraphs of 001
    assert.equal(first.b.id, DW);
    assert.equal(first.b.paragraph, second.b.paragraph);
    assert.equal(second.a.paragraph, first.a.paragraph + 1);
    const dwParagraph = sources.find((s) => s.id === DW)!.paragraphs[first.b.paragraph]!;
    assert.ok(dwParagraph.startsWith('وعلى الرغم من أن هزيمة'));
    assert.ok(dwParagraph.endsWith('في انتظار فرصة للخروج من جديد.'));
    assert.equal(first.a.text, 'في الباغوز تنهي سيطرة التنظيم على الأراضي الشاسعة التي سيطر عليها في 2014 وقت إعلان');
    assert.equal(first.words, 15);
    assert.ok(second.a.text.startsWith('وهناك بعض مسلحي التنظيم الذين يتحصنون'));
    assert.ok(second.a.text.endsWith('في انتظار فرصة للخروج من جديد'));
    assert.equal(second.words, 33);
    assert.ok(second.b.start > first.b.end, 'in order within 000');
  });

  it('ignores 001 repeating its own paragraph (same article, same outlet)', () => {
    const khabar = sources.find((s) => s.id === KHABAR)!;
    assert.ok(khabar.paragraphs.filter((p) => p.includes('بنقلهم من مدينة الرقة')).length === 2);
    assert.ok(!found.some((p) => p.a.id === p.b.id));
  });

  it('gives the same answer whatever order the sources come in', () => {
    const reversed = findSharedPassages([...sources].reverse());
    assert.deepEqual(reversed, found);
  });
});

describe('findSharedPassages rules', () => {
  const pair = (a: string[], b: string[], outletB = 'two'): PassageSource[] => [
    { id: 'a', outlet: 'one', paragraphs: a },
    { id: 'b', outlet: outletB, paragraphs: b },
  ];

  it('reports a run of 12 words, not one of 11', () => {
    const twelve = findSharedPassages(pair([`بداية ${words(12)} نهاية`], [`مختلف ${words(12)} آخر`]));
    assert.equal(twelve.length, 1);
    assert.equal(twelve[0]!.words, 12);
    assert.equal(twelve[0]!.a.text, words(12));
    const eleven = findSharedPassages(pair([`بداية ${words(11)} نهاية`], [`مختلف ${words(11)} آخر`]));
    assert.deepEqual(eleven, []);
  });

  it('honours minWords', () => {
    const sources = pair([`بداية ${words(5)} نهاية`], [`مختلف ${words(5)} آخر`]);
    assert.equal(findSharedPassages(sources, { minWords: 5 }).length, 1);
    assert.equal(findSharedPassages(sources, { minWords: 6 }).length, 0);
    assert.throws(() => findSharedPassages(sources, { minWords: 0 }), RangeError);
  });

  it('reports a run once, at its full length, never its sub-runs', () => {
    const found = findSharedPassages(pair([`أ ${words(30)} ب`], [`ج ${words(30)} د`]));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.words, 30);
  });

  it('quote styles, diacritics, hamza seats, ة/ه and tatweel do not break a run', () => {
    const a = 'أعلنت «قوات سوريا الديمقراطية» المدعومة من الولايات المتحدة السيطرة على آخر جيب لتنظيم «داعش» في الباغوز';
    const b = 'اعلنت "قوات سوريّة الدّيمقراطيّة" المدعومَة من الولايات المتحدـة السيطره علي آخر جيب لتنظيم “داعش” في الباغوز';
    const found = findSharedPassages(pair([a], [b]));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.words, 13); // سوريا ≠ سورية (a spelling, not a writing, difference): the run starts after it
    const c = b.replace('سوريّة', 'سوريا');
    const whole = findSharedPassages(pair([a], [c]));
    assert.equal(whole.length, 1);
    assert.equal(whole[0]!.words, 16);
    assert.equal(whole[0]!.a.text, a);
    assert.equal(whole[0]!.b.text, c);
  });

  it('a tatweel-joined proclitic and a spaced و match their glued forms', () => {
    assert.deepEqual(
      passageWords('بـ"الخلافة" و الذي').map((w) => w.key),
      ['بالخلافه', 'والذي'],
    );
    const a = `${words(6)} بـ"الخلافة" و الذي ${words(6, 'لفظ')}`;
    const b = `${words(6)} بالخلافة والذي ${words(6, 'لفظ')}`;
    const found = findSharedPassages(pair([a], [b]));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.words, 14);
    assert.equal(found[0]!.a.text, a);
  });

  it('never crosses a paragraph boundary', () => {
    const found = findSharedPassages(pair([words(8), words(8, 'لفظ')], [`${words(8)} ${words(8, 'لفظ')}`]));
    assert.deepEqual(found, []);
  });

  it('maps offsets back to the original text, punctuation and marks included', () => {
    const shared = words(12);
    const a = `قال المتحدث: «${shared}»، وأضاف.`;
    const b = `ذكرت الوكالة أن "${shared}" بحسب بيان.`;
    const sources = pair([a], ['فقرة أولى', b]);
    const [p] = findSharedPassages(sources);
    assert.ok(p);
    assert.deepEqual({ ...p.a }, { id: 'a', paragraph: 0, start: a.indexOf(shared), end: a.indexOf(shared) + shared.length, text: shared });
    assert.deepEqual({ ...p.b }, { id: 'b', paragraph: 1, start: b.indexOf(shared), end: b.indexOf(shared) + shared.length, text: shared });
    assertSidesMapBack([p], sources);
  });

  it('ignores articles of the same outlet', () => {
    const text = `مقدمة ${words(20)} خاتمة`;
    assert.deepEqual(findSharedPassages(pair([text], [text], 'one')), []);
    assert.equal(findSharedPassages(pair([text], [text], 'two')).length, 1);
  });

  it('reports each place a repeated run occurs, sorted by a.id, b.id, a.paragraph, start', () => {
    const shared = words(12);
    const sources: PassageSource[] = [
      { id: 'c', outlet: 'three', paragraphs: [`س ${shared} ص`] },
      { id: 'a', outlet: 'one', paragraphs: ['لا شيء هنا', `ع ${shared} غ`, `ف ${shared} ق`] },
      { id: 'b', outlet: 'two', paragraphs: [`ك ${shared} ل`] },
    ];
    const found = findSharedPassages(sources);
    assert.deepEqual(
      found.map((p) => [p.a.id, p.b.id, p.a.paragraph, p.b.paragraph]),
      [
        ['a', 'b', 1, 0],
        ['a', 'b', 2, 0],
        ['a', 'c', 1, 0],
        ['a', 'c', 2, 0],
        ['b', 'c', 0, 0],
      ],
    );
  });

  it('stays fast on an event of hundreds of articles', () => {
    // 300 articles of 20 paragraphs x 40 words, from 60 outlets; every tenth reprints a wire paragraph
    const wire = words(40, 'برقية');
    const sources: PassageSource[] = Array.from({ length: 300 }, (_, d) => ({
      id: `article-${String(d).padStart(3, '0')}`,
      outlet: `outlet-${d % 60}`,
      paragraphs: Array.from({ length: 20 }, (_, p) => (d % 10 === 0 && p === 5 ? wire : Array.from({ length: 40 }, (_, w) => `ك${d}x${p}x${w}`).join(' '))),
    }));
    // CPU time, not wall time: CI machines are shared. A quadratic pass over these 240,000 words
    // would take minutes; the linear one takes about a second.
    const cpu0 = process.cpuUsage();
    const found = findSharedPassages(sources);
    const used = process.cpuUsage(cpu0);
    const ms = (used.user + used.system) / 1000;
    // 30 articles reprint the wire, from outlets 0, 10, 20, 30, 40, 50 (five each): pairs across outlets
    assert.equal(found.length, (30 * 29) / 2 - 6 * ((5 * 4) / 2));
    assert.ok(found.every((p) => p.words === 40));
    assert.ok(ms < 10_000, `took ${Math.round(ms)} ms of CPU`);
  });
});
