/**
 * Names of foreign origin spelt another way: the loose keys (src/arabic/name-fold.ts), the
 * matcher's loose names (only where an entry asks for them, only for names of two words or
 * more), and the query's Latin names with and without their article.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looseArabicWord, looseLatinWord } from '../src/arabic/name-fold.ts';
import { foldArabic } from '../src/arabic/normalise.ts';
import { createPlaceMatcher } from '../src/arabic/place-matcher.ts';
import { loadValidContent } from '../src/content/load.ts';
import { createEntityCounter } from '../src/analysis/entity-usage.ts';
import { loadEntities, loadSpellings } from '../src/content/data-files.ts';
import { createKeyAnnotator, keysOf } from '../src/search/index-keys.ts';
import { buildSearchLexicon, ENTITY_TOKEN, latinForms, PLACE_TOKEN, tokenFor } from '../src/analysis/lexicon.ts';
import { createQueryReader } from '../src/search/query.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

const lexicon = buildSearchLexicon({
  places: loadValidContent(DEFAULT_CONTENT_DIR).places.entries,
  entities: loadEntities(DEFAULT_CONTENT_DIR),
  spellings: loadSpellings(DEFAULT_CONTENT_DIR),
});
const reader = createQueryReader(lexicon);
const terms = (q: string) => reader.plan(q).term;
const loose = (w: string) => looseArabicWord(foldArabic(w));

describe('loose keys', () => {
  it('join ج غ ك for /g/ and drop long vowels after the first letter', () => {
    const rows: Array<[string, string]> = [
      ['غابرييل', 'جابرييل'],
      ['غابرييل', 'غبرييل'],
      ['غابرييل', 'كابريل'],
      ['بيدرسون', 'بيدرسن'],
      ['أردوغان', 'أردغان'],
      ['ماكغورك', 'ماكجورك'],
      ['شويغو', 'شويجو'],
      ['فاغنر', 'ڤاغنر'],
    ];
    for (const [a, b] of rows) assert.equal(loose(a), loose(b), `${a} ${b}`);
    assert.notEqual(loose('عبدي'), loose('عمدي'));
  });

  it('fold Latin names: accents, doubled letters, ou/u, aw/o, q/k, a final e', () => {
    const rows: Array<[string, string]> = [
      ['Raqqa', 'raqa'],
      ['Mazloum', 'Mazlum'],
      ['Hawl', 'Hol'],
      ['Öcalan', 'Ocalan'],
      ['Kobane', 'Kobani'],
      ['Qasem', 'Kassem'],
      ['Mohammed', 'Muhammad'],
    ];
    for (const [a, b] of rows) assert.equal(looseLatinWord(a), looseLatinWord(b), `${a} ${b}`);
    assert.notEqual(looseLatinWord('Homs'), looseLatinWord('Hama'));
    assert.notEqual(looseLatinWord('Daraa'), looseLatinWord('Darayya'));
  });
});

describe("the matcher's loose names", () => {
  const entries = [
    { slug: 'kino', name: 'كينو غابرييل', variants: [], loose: true },
    { slug: 'bali', name: 'بالي', variants: [], loose: true },
    { slug: 'place', name: 'تل أبيض', variants: [] },
  ];
  const match = createPlaceMatcher(entries);
  const slugs = (text: string) => match(text).map((m) => `${m.slug}:${m.surface}`);

  it('find a name of two words spelt another way, clitics understood', () => {
    assert.deepEqual(slugs('وقال كينو جابرييل إن'), ['kino:كينو جابرييل']);
    assert.deepEqual(slugs('بحسب لكينو كبرييل'), ['kino:لكينو كبرييل']);
  });

  it('never for one word, nor for entries that do not ask', () => {
    assert.deepEqual(slugs('بلي'), []);
    assert.deepEqual(slugs('تل أبيد'), []);
  });

  it('count an actor under a spelling nobody listed', () => {
    const count = createEntityCounter(loadEntities(DEFAULT_CONTENT_DIR));
    const uses = count('أكد كينو كابرييل وبيدرسن: غير بيدرسن قال.');
    assert.ok(uses.some((u) => u.entity === 'kino-gabriel'));
    assert.ok(uses.some((u) => u.entity === 'geir-pedersen'));
  });

  it('tag every word of a loosely spelt name in the index', () => {
    const annotated = createKeyAnnotator(lexicon).annotate('قال كينو كابرييل');
    const token = tokenFor(ENTITY_TOKEN, 'kino-gabriel');
    assert.deepEqual(
      annotated
        .split(' ')
        .slice(1)
        .map((c) => keysOf(c)),
      [[token], [token]],
    );
  });
});

describe('queries for names', () => {
  it("read an actor's unlisted Arabic spelling as the actor", () => {
    assert.equal(terms('كينو كابرييل'), tokenFor(ENTITY_TOKEN, 'kino-gabriel'));
    assert.equal(terms('مظلوم كوبانى'), tokenFor(ENTITY_TOKEN, 'mazloum-abdi'));
  });

  it('read Latin names with their article, spelt any way', () => {
    assert.equal(terms('al-Omar'), tokenFor(PLACE_TOKEN, 'omar-oil-field'));
    assert.equal(terms('al-Hol'), tokenFor(PLACE_TOKEN, 'hol'));
    assert.equal(terms('ar-Raqqa'), tokenFor(PLACE_TOKEN, 'raqqa'));
    assert.equal(terms('al Raqa'), tokenFor(PLACE_TOKEN, 'raqqa'));
    assert.equal(terms('Mazlum Kobane'), tokenFor(ENTITY_TOKEN, 'mazloum-abdi'));
    assert.equal(terms('Abu Bakr Baghdadi'), tokenFor(ENTITY_TOKEN, 'abu-bakr-al-baghdadi'));
    assert.equal(terms('Abu Mohammed al-Jolani'), tokenFor(ENTITY_TOKEN, 'ahmed-al-sharaa'));
  });

  it('keep the words that name nothing as they are', () => {
    assert.equal(terms('Copenhagen'), 'copenhagen');
    assert.equal(terms('al qamar'), 'al qamar');
  });

  it('give a place with the article and a generic tail its short form', () => {
    assert.deepEqual(latinForms('Al-Omar oil field'), ['Al-Omar oil field', 'Omar oil field', 'Al-Omar']);
  });
});
