/**
 * Shared passages grouped (src/analysis/passage-groups.ts): one group per shared run, holding
 * every paragraph that prints it, however many outlets do, instead of one entry per pair of
 * them. The inputs are what findSharedPassages gives on small made-up texts; and the seed's
 * wire copy, whose groups are the runs its event page lists.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupSharedPassages } from '../src/analysis/passage-groups.ts';
import { findSharedPassages, type PassageSource } from '../src/analysis/passages.ts';
import { seedParagraphs } from './helpers/seed-articles.ts';

const words = (n: number, stem: string, from = 1) => Array.from({ length: n }, (_, i) => `${stem}${from + i}`).join(' ');

/** n articles, each of its own outlet, each printing `wire` as its second paragraph after a lead of its own. */
function reprints(n: number, wire: string): PassageSource[] {
  return Array.from({ length: n }, (_, i) => ({ id: `article-${String.fromCharCode(122 - i)}`, outlet: `outlet-${i}`, paragraphs: [words(6, `مقدمة${i}ـ`), wire] }));
}

describe('groupSharedPassages', () => {
  it('gives one group for a paragraph that many outlets reprint, not one entry per pair', () => {
    const sources = reprints(9, words(20, 'خبر'));
    const passages = findSharedPassages(sources);
    assert.equal(passages.length, (9 * 8) / 2, 'the finder still gives every pair');
    const groups = groupSharedPassages(
      passages,
      sources.map((s) => s.id),
    );
    assert.equal(groups.length, 1);
    const [group] = groups;
    assert.equal(group!.words, 20);
    assert.equal(group!.text, words(20, 'خبر'));
    assert.deepEqual(
      group!.members.map((m) => [m.id, m.paragraph, m.words]),
      sources.map((s) => [s.id, 1, 20]),
      'each paragraph once, in the order given (here the reverse of the ids)',
    );
  });

  it('puts runs of different extents that overlap in one paragraph in one group, each paragraph with its longest run', () => {
    const text = words(30, 'نص');
    const sources: PassageSource[] = [
      { id: 'a', outlet: 'one', paragraphs: [text] },
      { id: 'b', outlet: 'two', paragraphs: [words(20, 'نص')] }, // words 1–20 of a
      { id: 'c', outlet: 'three', paragraphs: [words(25, 'نص', 6)] }, // words 6–30 of a
    ];
    const groups = groupSharedPassages(findSharedPassages(sources), ['a', 'b', 'c']);
    assert.equal(groups.length, 1);
    assert.deepEqual(
      groups[0]!.members.map((m) => [m.id, m.words]),
      [
        ['a', 25],
        ['b', 20],
        ['c', 25],
      ],
    );
    assert.equal(groups[0]!.words, 25);
    assert.equal(groups[0]!.text, words(25, 'نص', 6), 'the longest run, as the first paragraph holding it wrote it');
  });

  it('keeps two runs apart that one paragraph holds side by side, and orders the groups by their first paragraph', () => {
    const first = words(14, 'أول');
    const second = words(16, 'ثان');
    const sources: PassageSource[] = [
      { id: 'joined', outlet: 'one', paragraphs: [words(5, 'تمهيد'), `${first} ثم ${second}`] },
      { id: 'split', outlet: 'two', paragraphs: [second, first] },
    ];
    const groups = groupSharedPassages(findSharedPassages(sources), ['split', 'joined']);
    assert.deepEqual(
      groups.map((g) => [g.text, g.members.map((m) => `${m.id}#${m.paragraph}`)]),
      [
        [second, ['split#0', 'joined#1']],
        [first, ['split#1', 'joined#1']],
      ],
    );
  });

  it('gives the same groups whatever the order of the passages it is handed', () => {
    const sources = [...reprints(5, words(18, 'برقية')), { id: 'x', outlet: 'outlet-1', paragraphs: [words(13, 'برقية', 3)] }];
    const passages = findSharedPassages(sources);
    const order = sources.map((s) => s.id);
    const expected = groupSharedPassages(passages, order);
    assert.deepEqual(groupSharedPassages([...passages].reverse(), order), expected);
    assert.deepEqual(groupSharedPassages([...passages.slice(3), ...passages.slice(0, 3)], order), expected);
  });

  it('refuses a passage of an article it was not told the order of', () => {
    const sources = reprints(2, words(12, 'خبر'));
    assert.throws(() => groupSharedPassages(findSharedPassages(sources), [sources[0]!.id]), /article-y/);
  });

  it('on the seed wire copy: both sides of every passage in one group, each paragraph once in it, in the order given', () => {
    const sources = seedParagraphs();
    const order = sources.map((s) => s.id);
    const passages = findSharedPassages(sources);
    const groups = groupSharedPassages(passages, order);
    assert.ok(groups.length > 0 && groups.length <= passages.length);
    const groupOf = (id: string, paragraph: number, start: number) =>
      groups.findIndex((g) => g.members.some((m) => m.id === id && m.paragraph === paragraph && m.spans.some((s) => s.start <= start && start < s.end)));
    for (const p of passages) {
      const a = groupOf(p.a.id, p.a.paragraph, p.a.start);
      assert.ok(a >= 0);
      assert.equal(groupOf(p.b.id, p.b.paragraph, p.b.start), a, `${p.a.text.slice(0, 30)}: one group`);
    }
    for (const g of groups) {
      const keys = g.members.map((m) => order.indexOf(m.id) * 1000 + m.paragraph);
      assert.deepEqual(
        keys,
        [...new Set(keys)].sort((x, y) => x - y),
      );
    }
  });
});
