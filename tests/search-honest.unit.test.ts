/**
 * Honest queries, without a browser: a query read into units (words, names, phrases, figures),
 * each checked in a page's indexed text the way the search page checks every result; the words
 * the page says matched nothing; dates typed in Arabic. The seed texts are annotated as the
 * index annotates them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { loadEntities, loadSpellings } from '../src/content/data-files.ts';
import { readDateInput } from '../src/search/date-range.ts';
import { unmatchedText } from '../src/search/format.ts';
import { createKeyAnnotator } from '../src/search/index-keys.ts';
import { buildSearchLexicon, ENTITY_TOKEN, tokenFor } from '../src/analysis/lexicon.ts';
import { findFigure, figureReader } from '../src/search/figure-match.ts';
import { findUnits, findWord } from '../src/search/phrase-match.ts';
import { createQueryReader, mayHoldNumber, needsTextCheck, planWithout } from '../src/search/query.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

const content = loadValidContent(DEFAULT_CONTENT_DIR);
const lexicon = buildSearchLexicon({ places: content.places.entries, entities: loadEntities(DEFAULT_CONTENT_DIR), spellings: loadSpellings(DEFAULT_CONTENT_DIR) });
const reader = createQueryReader(lexicon);
const annotator = createKeyAnnotator(lexicon);
/** Each seed as the index holds it: title and body, words joined by single spaces, keys added. */
const seeds = content.articles.map((a) => ({ outlet: a.data.outlet, text: annotator.annotate(`${a.data.title} ${a.body}`.replace(/\s+/g, ' ').trim()) }));
const holding = (q: string) =>
  seeds
    .filter((s) => findUnits(s.text, reader.plan(q, figureReader).units, figureReader) !== null)
    .map((s) => s.outlet)
    .sort();

describe('a query read into units', () => {
  it('keeps what was typed for each word, a name as one unit', () => {
    const plan = reader.plan('مظلوم عبدي زمبرككلمة');
    assert.deepEqual(
      plan.units.map((u) => [u.kind, u.typed, u.words]),
      [
        ['word', 'مظلوم عبدي', [tokenFor(ENTITY_TOKEN, 'mazloum-abdi')]],
        ['word', 'زمبرككلمة', ['زمبرككلمه']],
      ],
    );
    assert.equal(needsTextCheck(plan.units[0]!), false, 'a token is exact');
    assert.equal(needsTextCheck(plan.units[1]!), true);
  });

  it('reads a number with a multiplier or a counted noun as a figure, in any digits', () => {
    for (const q of ['١١ ألف', '11 ألف', '11ألف', 'أحد عشر ألفاً']) {
      const figures = reader.plan(q, figureReader).figures;
      assert.deepEqual(figures, [{ value: 11000, unit: null }], q);
    }
    assert.deepEqual(reader.plan('52 ألف كم', figureReader).figures, [{ value: 52000, unit: 'كم' }]);
    assert.deepEqual(reader.plan('خمسة ملايين شخص', figureReader).figures, [{ value: 5000000, unit: 'شخص' }]);
    assert.deepEqual(reader.plan('2019', figureReader).figures, [], 'a bare number is a word');
    assert.deepEqual(
      reader.plan('الباغوز 2019', figureReader).units.map((u) => u.kind),
      ['word', 'word'],
    );
  });

  it('needs the figure reader only for a query that may hold a number', () => {
    for (const q of ['١١ ألف', '11', 'خمسة ملايين', 'ثلاثة آلاف']) assert.equal(mayHoldNumber(q), true, q);
    for (const q of ['الباغوز', 'قسد الرقة', 'Raqqa']) assert.equal(mayHoldNumber(q), false, q);
    assert.deepEqual(
      reader.plan('١١ ألف').units.map((u) => u.kind),
      ['word', 'word'],
      'without it, a number is words',
    );
  });

  it('leaves out the units that matched nothing, the rest as they were', () => {
    const plan = reader.plan('الباغوز زمبرككلمة «دولة الخلافة»');
    const kept = planWithout(plan, new Set([1]));
    assert.deepEqual(
      kept.units.map((u) => u.typed),
      ['الباغوز', 'دولة الخلافة'],
    );
    assert.deepEqual(kept.phrases, [['دوله', 'الخلافه']]);
  });
});

describe('units found in a page', () => {
  it('finds a word only where one of its forms is, not its prefix or a look-alike', () => {
    assert.deepEqual(holding('كوبنهاغن'), []);
    assert.deepEqual(holding('الرقابة'), []);
    assert.deepEqual(holding('هزيمه'), ['al-khaleej', 'al-seyassah', 'alkhabar-tv', 'dw-arabic', 'rojava-network']);
    assert.deepEqual(holding('أميركية'), ['al-khaleej', 'al-seyassah', 'alkhabar-tv', 'dw-arabic'], 'أمريكية, أميركية, and الأميركي as the stemmer joins them');
  });

  it('finds a figure by its value and counted noun, not its number and multiplier apart', () => {
    assert.deepEqual(holding('١١ ألف'), ['al-seyassah', 'alkhabar-tv']);
    assert.deepEqual(holding('11000'), [], 'no text writes the number in full');
    assert.deepEqual(holding('11 ألف عنصر'), ['alkhabar-tv']);
    assert.deepEqual(holding('٥٢ ألف كم'), ['al-seyassah', 'alkhabar-tv'], 'km² is a kind of km');
    assert.deepEqual(holding('خمسة ملايين شخص'), ['al-seyassah']);
    assert.deepEqual(findFigure('ارتقى نحو 11 ألف شهيد', { value: 11000, unit: null }), [2, 3]);
    assert.deepEqual(findFigure('قال 11 مقاتلاً إن ألف', { value: 11000, unit: null }), []);
  });

  it('marks the words where a name is', () => {
    const text = annotator.annotate('قال المتحدث كينو جابرييل إن');
    assert.deepEqual(findWord(text, tokenFor(ENTITY_TOKEN, 'kino-gabriel')), [2, 3]);
  });
});

describe('what the page says', () => {
  it('names the words that matched nothing and what the results are for', () => {
    assert.equal(unmatchedText(['زمبرككلمة'], ['الباغوز']), 'لم تطابق «زمبرككلمة» أيّ مقال، فالنتائج أدناه للبحث من دونها: «الباغوز».');
    assert.equal(unmatchedText(['أ', 'ب'], []), 'لم تطابق «أ» و«ب» أيّ مقال.');
  });
});

describe('dates typed in Arabic', () => {
  it('reads years, months and days in either digits, with month names, day first', () => {
    const rows: Array<[string, string, string]> = [
      ['٢٠١٩', '2019-01-01', '2019-12-31'],
      ['2019-03', '2019-03-01', '2019-03-31'],
      ['٢٣/٣/٢٠١٩', '2019-03-23', '2019-03-23'],
      ['3/2019', '2019-03-01', '2019-03-31'],
      ['آذار ٢٠١٩', '2019-03-01', '2019-03-31'],
      ['23 آذار/مارس 2019', '2019-03-23', '2019-03-23'],
      ['شباط 2016', '2016-02-01', '2016-02-29'],
      ['جانفي 2018', '2018-01-01', '2018-01-31'],
    ];
    for (const [typed, from, to] of rows) assert.deepEqual([readDateInput(typed, 'from'), readDateInput(typed, 'to')], [from, to], typed);
  });

  it('says what it cannot read, and an empty field is open', () => {
    for (const typed of ['mm/dd/yyyy', '31/2/2019', 'آذار/نيسان 2019', 'غدا']) assert.equal(readDateInput(typed, 'from'), null, typed);
    assert.equal(readDateInput('  ', 'to'), '');
  });
});
