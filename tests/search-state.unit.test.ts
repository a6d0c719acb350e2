/** The search page's pure parts: the address <-> search state, Pagefind options, date ranges, excerpts, wording. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateBound, inRange, openBounds, rangeFilter, rangeValues } from '../src/search/date-range.ts';
import { excerptFromContent } from '../src/search/excerpt.ts';
import { resultCountText } from '../src/search/format.ts';
import {
  countOptions,
  countPages,
  countedKeys,
  countsKey,
  emptyFilters,
  facetCounts,
  isSearchable,
  passesFilters,
  resultOptions,
  paramsFromState,
  searchHref,
  stateFromParams,
  toggleFilter,
  type SearchState,
} from '../src/search/state.ts';

const params = (query: string) => new URLSearchParams(query);
const bounds = { first: 2011, last: 2025 };
const counted = { none: countedKeys() };

describe('search state from the address', () => {
  it('reads the query, repeated filter values and the sort', () => {
    const state = stateFromParams(params('?q=الباغوز&outlet=السياسة&outlet=DW+عربية&place=دير%20الزور&year=2019&sort=oldest'));
    assert.equal(state.query, 'الباغوز');
    assert.deepEqual(state.filters, { outlet: ['السياسة', 'DW عربية'], event: [], place: ['دير الزور'], year: ['2019'] });
    assert.equal(state.sort, 'oldest');
  });

  it('defaults to relevance, no filters and an empty query', () => {
    assert.deepEqual(stateFromParams(params('')), { query: '', filters: emptyFilters(), dates: { from: '', to: '' }, sort: 'relevance' });
    assert.equal(stateFromParams(params('?sort=sideways')).sort, 'relevance');
  });

  it('ignores unknown keys, empty and repeated values, and tidies spaces', () => {
    const state = stateFromParams(params('?tag=x&outlet=&outlet=%20السياسة%20&outlet=السياسة&place=دير%20%20الزور'));
    assert.deepEqual(state.filters.outlet, ['السياسة']);
    assert.deepEqual(state.filters.place, ['دير الزور']);
  });

  it('reads a date range, whole days, years and months widened to their first and last days', () => {
    assert.deepEqual(stateFromParams(params('?from=2019-03-01&to=2019-03-31')).dates, { from: '2019-03-01', to: '2019-03-31' });
    assert.deepEqual(stateFromParams(params('?from=2017&to=2019-02')).dates, { from: '2017-01-01', to: '2019-02-28' });
    assert.deepEqual(stateFromParams(params('?from=٢٠١٩-٠٣-٢٣')).dates, { from: '2019-03-23', to: '' });
    assert.deepEqual(stateFromParams(params('?from=yesterday&to=2019-02-30')).dates, { from: '', to: '' }, 'nonsense and impossible days are dropped');
  });

  it('caps very long values', () => {
    const state = stateFromParams(params(`?q=${'ا'.repeat(5000)}&outlet=${'ب'.repeat(5000)}`));
    assert.equal(state.query.length, 200);
    assert.equal(state.filters.outlet[0]?.length, 200);
  });
});

describe('search state to the address', () => {
  it('round-trips', () => {
    const query = 'q=%D8%A7%D9%84%D8%A8%D8%A7%D8%BA%D9%88%D8%B2&outlet=DW+%D8%B9%D8%B1%D8%A8%D9%8A%D8%A9&year=2019&from=2019-03-01&to=2019-03-31&sort=newest';
    const state = stateFromParams(params(query));
    assert.equal(paramsFromState(state).toString(), query);
    assert.deepEqual(stateFromParams(paramsFromState(state)), state);
  });

  it('leaves out an empty query and the default sort', () => {
    const noDates = { from: '', to: '' };
    const state: SearchState = { query: '  ', filters: { ...emptyFilters(), event: ['معركة الباغوز'] }, dates: noDates, sort: 'relevance' };
    assert.equal(searchHref(state), '/search/?event=%D9%85%D8%B9%D8%B1%D9%83%D8%A9+%D8%A7%D9%84%D8%A8%D8%A7%D8%BA%D9%88%D8%B2');
    assert.equal(searchHref({ query: '', filters: emptyFilters(), dates: noDates, sort: 'relevance' }), '/search/');
  });

  it('toggles one value without touching the others', () => {
    const start = stateFromParams(params('?q=x&outlet=A&place=P'));
    const on = toggleFilter(start, 'outlet', 'B', true);
    assert.deepEqual(on.filters.outlet, ['A', 'B']);
    assert.deepEqual(start.filters.outlet, ['A'], 'the old state is unchanged');
    const off = toggleFilter(on, 'outlet', 'A', false);
    assert.deepEqual(off.filters, { outlet: ['B'], event: [], place: ['P'], year: [] });
    assert.deepEqual(toggleFilter(off, 'outlet', 'B', true).filters.outlet, ['B'], 'no duplicates');
  });
});

describe('Pagefind options', () => {
  it('makes values of one key alternatives and keys conjunctive', () => {
    const state = stateFromParams(params('?q=x&outlet=A&outlet=B&year=2019'));
    assert.deepEqual(countOptions(state, bounds), { filters: { outlet: { any: ['A', 'B'] }, year: { any: ['2019'] }, ...counted } });
  });

  it('asks for the results with the ticked keys alone, so no other filter file is loaded before they show', () => {
    const state = stateFromParams(params('?q=x&outlet=A&outlet=B&year=2019&sort=newest'));
    assert.deepEqual(resultOptions(state, bounds), { filters: { outlet: { any: ['A', 'B'] }, year: { any: ['2019'] } }, sort: { date: 'desc' } });
    assert.deepEqual(resultOptions(stateFromParams(params('?q=x')), bounds), { filters: {} });
  });

  it('counts without the sort, which changes no count', () => {
    assert.equal(countOptions(stateFromParams(params('?q=x&sort=oldest')), bounds).sort, undefined);
  });

  it('leaves one key out for its counts', () => {
    const state = stateFromParams(params('?q=x&outlet=A&year=2019'));
    assert.deepEqual(countOptions(state, bounds, 'outlet').filters, { year: { any: ['2019'] }, ...counted });
  });

  it('adds the date range as one compound filter beside the others', () => {
    const state = stateFromParams(params('?q=x&outlet=A&from=2019-03-10&to=2019-03-12'));
    assert.deepEqual(resultOptions(state, bounds).filters, {
      outlet: { any: ['A'] },
      any: [{ day: { any: ['2019-03-10', '2019-03-11', '2019-03-12'] } }],
    });
    assert.deepEqual(countOptions(state, bounds).filters, {
      outlet: { any: ['A'] },
      any: [{ day: { any: ['2019-03-10', '2019-03-11', '2019-03-12'] } }],
      ...counted,
    });
  });

  it('names the four facet keys so that Pagefind counts them, with a value no page has', () => {
    assert.deepEqual(countedKeys(), [{ outlet: '\u0000' }, { event: '\u0000' }, { place: '\u0000' }, { year: '\u0000' }]);
  });

  it('sorts by the date key', () => {
    assert.deepEqual(resultOptions(stateFromParams(params('?sort=newest')), bounds).sort, { date: 'desc' });
    assert.deepEqual(resultOptions(stateFromParams(params('?sort=oldest')), bounds).sort, { date: 'asc' });
    assert.equal(resultOptions(stateFromParams(params('?sort=relevance')), bounds).sort, undefined);
  });

  it('keys the counts by the words, ticks and dates, not by the sort', () => {
    const key = (query: string, term: string | null = 'x') => countsKey(stateFromParams(params(query)), term);
    assert.equal(key('?q=x&outlet=A&sort=newest'), key('?q=x&outlet=A'));
    assert.notEqual(key('?q=x&outlet=A'), key('?q=x&outlet=B'));
    assert.notEqual(key('?q=x&outlet=A'), key('?q=x&place=A'), 'the same value under another key');
    assert.notEqual(key('?q=x&from=2019'), key('?q=x&to=2019'));
    assert.notEqual(key('?q=x'), key('?q=x', 'y'));
  });

  it('searches for a query or for filters alone, never for nothing', () => {
    assert.equal(isSearchable(stateFromParams(params('')), false), false);
    assert.equal(isSearchable(stateFromParams(params('?q=x')), true), true);
    assert.equal(isSearchable(stateFromParams(params('?year=2019')), false), true);
    assert.equal(isSearchable(stateFromParams(params('?to=2018')), false), true);
  });
});

describe('filters applied here (queries with phrases)', () => {
  const page = { outlet: ['A'], year: ['2019'], place: ['P', 'Q'] };
  it('requires one value of each ticked key and the date range', () => {
    assert.equal(passesFilters(page, '2019-03-23', stateFromParams(params('?outlet=A&outlet=B&place=Q'))), true);
    assert.equal(passesFilters(page, '2019-03-23', stateFromParams(params('?outlet=B'))), false);
    assert.equal(passesFilters(page, '2019-03-23', stateFromParams(params('?outlet=B')), 'outlet'), true, 'a key left out for its counts');
    assert.equal(passesFilters(page, '2019-03-23', stateFromParams(params('?from=2019-03-24'))), false);
    assert.equal(passesFilters(page, '2019-03-23', stateFromParams(params('?to=2019-03'))), true);
  });
});

describe('date ranges as filter values', () => {
  it('tiles a range with days, months and whole years', () => {
    const values = rangeValues({ from: '2017-10-15', to: '2019-03-20' }, bounds);
    assert.deepEqual(values.year, ['2018']);
    assert.deepEqual(values.month, ['2017-11', '2017-12', '2019-01', '2019-02']);
    assert.equal(values.day.length, 17 + 20);
    assert.equal(values.day[0], '2017-10-15');
    assert.equal(values.day.at(-1), '2019-03-20');
  });

  it('uses a whole month or year where the range covers it', () => {
    assert.deepEqual(rangeValues({ from: '2019-02-01', to: '2019-02-28' }, bounds), { year: [], month: ['2019-02'], day: [] });
    assert.deepEqual(rangeValues({ from: '2018-01-01', to: '2018-12-31' }, bounds), { year: ['2018'], month: [], day: [] });
    assert.deepEqual(rangeValues({ from: '2020-02-01', to: '2020-02-29' }, bounds).month, ['2020-02'], 'a leap year');
  });

  it('closes an open end at the bounds: 1900 and next year in the browser', () => {
    assert.deepEqual(rangeValues({ from: '2019-01-01', to: '' }, bounds).year, ['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    assert.deepEqual(rangeValues({ from: '', to: '2013-12-31' }, bounds).year, ['2011', '2012', '2013']);
    assert.deepEqual(rangeValues({ from: '2019-06-01', to: '' }, bounds).month, ['2019-06', '2019-07', '2019-08', '2019-09', '2019-10', '2019-11', '2019-12']);
    assert.deepEqual(openBounds(new Date('2026-11-21T12:00:00Z')), { first: 1900, last: 2027 });
  });

  it('swaps a reversed pair and gives no filter without bounds', () => {
    assert.deepEqual(rangeValues({ from: '2019-03-20', to: '2019-03-19' }, bounds).day, ['2019-03-19', '2019-03-20']);
    assert.equal(rangeFilter({ from: '', to: '' }, bounds), undefined);
  });

  it('finds nothing for a range the bounds leave empty', () => {
    assert.deepEqual(rangeFilter({ from: '2030-01-01', to: '' }, bounds), { any: [{ day: { any: ['0000-00-00'] } }] });
  });

  it('reads bounds and tests dates against them', () => {
    assert.equal(dateBound('2019', 'to'), '2019-12-31');
    assert.equal(dateBound('2019/3', 'from'), '2019-03-01');
    assert.equal(dateBound('2019-3-5', 'from'), '2019-03-05');
    assert.equal(dateBound('2019-13', 'from'), '');
    assert.equal(inRange('2019-03-23', { from: '2019-03-23', to: '2019-03-23' }), true);
    assert.equal(inRange('2019-03-24', { from: '', to: '2019-03-23' }), false);
  });
});

describe('excerpts', () => {
  const text = 'عنوان المقال . قالت قوات__qxesdf سوريا__qxesdf_qxpsyria إن الباغوز__qxpbaghuz سقطت في يد «قسد__قسد_qxesdf_» بعد أسابيع من القتال العنيف في شرق البلاد';
  it('marks the matched words, keys taken out, around the densest run of matches', () => {
    // words: 0 عنوان 1 المقال 2 . 3 قالت 4 قوات 5 سوريا 6 إن 7 الباغوز 8 سقطت 9 في 10 يد 11 «قسد» …
    const excerpt = excerptFromContent(text, [7, 11], 8);
    const shown = excerpt.pieces.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');
    assert.equal(shown, '. قالت قوات سوريا إن [الباغوز] سقطت في', 'five words before the first match of the densest window');
    assert.deepEqual({ before: excerpt.before, after: excerpt.after }, { before: true, after: true });
  });

  it('joins neighbouring marked words into one mark and keeps punctuation', () => {
    const excerpt = excerptFromContent(text, [4, 5, 11], 12);
    const shown = excerpt.pieces.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');
    assert.match(shown, /\[قوات سوريا\] إن الباغوز سقطت في يد \[«قسد»\]/);
    assert.ok(!shown.includes('__') && !shown.includes('qx'), shown);
  });

  it('starts at the beginning when nothing matched, and says where the text goes on', () => {
    const excerpt = excerptFromContent(text, [], 3);
    assert.deepEqual(excerpt, { pieces: [{ text: 'عنوان المقال .', marked: false }], before: false, after: true });
    assert.deepEqual(excerptFromContent('كلمة', [0]), { pieces: [{ text: 'كلمة', marked: true }], before: false, after: false });
    assert.deepEqual(excerptFromContent('', [3]), { pieces: [], before: false, after: false });
  });

  it('ignores positions outside the text', () => {
    assert.deepEqual(excerptFromContent('أ ب', [-1, 7, 1.5]).pieces, [{ text: 'أ ب', marked: false }]);
  });
});

describe('wording', () => {
  it('agrees the count with its noun', () => {
    assert.equal(resultCountText(0), 'لا نتائج');
    assert.equal(resultCountText(1), 'نتيجة واحدة');
    assert.equal(resultCountText(2), 'نتيجتان');
    assert.equal(resultCountText(4), '4 نتائج');
    assert.equal(resultCountText(10), '10 نتائج');
    assert.equal(resultCountText(11), '11 نتيجة');
    assert.equal(resultCountText(100), '100 نتيجة');
    assert.equal(resultCountText(103), '103 نتائج');
  });
});

describe('facet counts', () => {
  it('keeps only the four facet keys of what Pagefind counts: never the shard, month or day filters', () => {
    const counts = facetCounts({ outlet: { A: 2 }, shard: { '2019-03_2019-04': 2 }, day: { '2019-03-23': 2 }, year: { '2019': 2 } });
    assert.deepEqual(counts, { outlet: { A: 2 }, year: { '2019': 2 } });
  });

  it('counts pages filtered here, each key without its own ticks, and totals whatever the filters', () => {
    const pages = [
      { filters: { outlet: ['A'], year: ['2019'] }, date: '2019-03-23' },
      { filters: { outlet: ['B'], year: ['2019'] }, date: '2019-03-13' },
      { filters: { outlet: ['B'], year: ['2017'] }, date: '2017-10-18' },
    ];
    const { counts, totals } = countPages(pages, stateFromParams(params('?q=x&outlet=B&year=2019')));
    assert.deepEqual(counts.outlet, { A: 1, B: 1 }, 'outlets among the 2019 pages');
    assert.deepEqual(counts.year, { '2019': 1, '2017': 1 }, "years among B's pages");
    assert.deepEqual(totals.outlet, { A: 1, B: 2 });
    assert.deepEqual(totals.year, { '2019': 2, '2017': 1 });
    assert.deepEqual(counts.event, {});
  });
});
