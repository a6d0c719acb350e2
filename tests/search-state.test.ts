/** The search page's pure parts: the address <-> search state, Pagefind options, excerpts, wording. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerptCut, excerptPieces, excerptToHtml } from '../src/search/excerpt.ts';
import { resultCountText } from '../src/search/format.ts';
import { normaliseQuery } from '../src/search/normalise-query.ts';
import {
  emptyFilters,
  isSearchable,
  pagefindOptions,
  paramsFromState,
  searchHref,
  stateFromParams,
  toggleFilter,
  type SearchState,
} from '../src/search/state.ts';

const params = (query: string) => new URLSearchParams(query);

describe('search state from the address', () => {
  it('reads the query, repeated filter values and the sort', () => {
    const state = stateFromParams(params('?q=الباغوز&outlet=السياسة&outlet=DW+عربية&place=دير%20الزور&year=2019&sort=oldest'));
    assert.equal(state.query, 'الباغوز');
    assert.deepEqual(state.filters, { outlet: ['السياسة', 'DW عربية'], event: [], place: ['دير الزور'], year: ['2019'] });
    assert.equal(state.sort, 'oldest');
  });

  it('defaults to relevance, no filters and an empty query', () => {
    assert.deepEqual(stateFromParams(params('')), { query: '', filters: emptyFilters(), sort: 'relevance' });
    assert.equal(stateFromParams(params('?sort=sideways')).sort, 'relevance');
  });

  it('ignores unknown keys, empty and repeated values, and tidies spaces', () => {
    const state = stateFromParams(params('?tag=x&outlet=&outlet=%20السياسة%20&outlet=السياسة&place=دير%20%20الزور'));
    assert.deepEqual(state.filters.outlet, ['السياسة']);
    assert.deepEqual(state.filters.place, ['دير الزور']);
  });

  it('caps very long values', () => {
    const state = stateFromParams(params(`?q=${'ا'.repeat(5000)}&outlet=${'ب'.repeat(5000)}`));
    assert.equal(state.query.length, 200);
    assert.equal(state.filters.outlet[0]?.length, 200);
  });
});

describe('search state to the address', () => {
  it('round-trips', () => {
    const query = 'q=%D8%A7%D9%84%D8%A8%D8%A7%D8%BA%D9%88%D8%B2&outlet=DW+%D8%B9%D8%B1%D8%A8%D9%8A%D8%A9&year=2019&sort=newest';
    const state = stateFromParams(params(query));
    assert.equal(paramsFromState(state).toString(), query);
    assert.deepEqual(stateFromParams(paramsFromState(state)), state);
  });

  it('leaves out an empty query and the default sort', () => {
    const state: SearchState = { query: '  ', filters: { ...emptyFilters(), event: ['معركة الباغوز'] }, sort: 'relevance' };
    assert.equal(searchHref(state), '/search/?event=%D9%85%D8%B9%D8%B1%D9%83%D8%A9+%D8%A7%D9%84%D8%A8%D8%A7%D8%BA%D9%88%D8%B2');
    assert.equal(searchHref({ query: '', filters: emptyFilters(), sort: 'relevance' }), '/search/');
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
    assert.deepEqual(pagefindOptions(state), { filters: { outlet: { any: ['A', 'B'] }, year: { any: ['2019'] } } });
  });

  it('leaves one key out for its counts', () => {
    const state = stateFromParams(params('?q=x&outlet=A&year=2019'));
    assert.deepEqual(pagefindOptions(state, 'outlet').filters, { year: { any: ['2019'] } });
  });

  it('sorts by the date key', () => {
    assert.deepEqual(pagefindOptions(stateFromParams(params('?sort=newest'))).sort, { date: 'desc' });
    assert.deepEqual(pagefindOptions(stateFromParams(params('?sort=oldest'))).sort, { date: 'asc' });
    assert.equal(pagefindOptions(stateFromParams(params('?sort=relevance'))).sort, undefined);
  });

  it('searches for a query or for filters alone, never for nothing', () => {
    assert.equal(isSearchable(stateFromParams(params('')), ''), false);
    assert.equal(isSearchable(stateFromParams(params('?q=x')), 'x'), true);
    assert.equal(isSearchable(stateFromParams(params('?year=2019')), ''), true);
  });
});

describe('excerpts', () => {
  it('keeps the marks and the text', () => {
    assert.deepEqual(excerptPieces('آخر جيب في <mark>الباغوز</mark> بشرق سوريا'), [
      { text: 'آخر جيب في ', marked: false },
      { text: 'الباغوز', marked: true },
      { text: ' بشرق سوريا', marked: false },
    ]);
  });

  it('joins neighbouring pieces of one kind', () => {
    assert.deepEqual(excerptPieces('<mark>a</mark><mark>b</mark> c'), [
      { text: 'ab', marked: true },
      { text: ' c', marked: false },
    ]);
  });

  it("undoes Pagefind's escaping of < and > and leaves & as text", () => {
    const pieces = excerptPieces('نص &lt;script&gt;alert(1)&lt;/script&gt; &amp; "قسد" <mark>الباغوز</mark>');
    assert.equal(pieces[0]?.text, 'نص <script>alert(1)</script> &amp; "قسد" ');
    assert.equal(excerptToHtml('&lt;script&gt;alert(1)&lt;/script&gt; & <mark>x</mark>'), '&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>x</mark>');
  });

  it('drops any element other than mark, and escapes attributes away', () => {
    // Pagefind never writes these (it escapes the page's < and >); if one appeared, only its text stays.
    assert.equal(excerptToHtml('<img src=x onerror="alert(1)">a <mark onclick="x">b</mark> <b>c</b>'), 'a b c');
    assert.equal(excerptToHtml('<mark>"q"</mark>'), '<mark>&quot;q&quot;</mark>');
    assert.equal(excerptToHtml(''), '');
  });
});

describe('excerpt ellipses', () => {
  const content = 'عنوان. أول الكلام في الباغوز ثم آخره.';
  it('marks a cut at either end only where the text goes on', () => {
    assert.deepEqual(excerptCut(excerptPieces('عنوان. أول الكلام في <mark>الباغوز</mark> ثم آخره.'), content), { before: false, after: false });
    assert.deepEqual(excerptCut(excerptPieces('في <mark>الباغوز</mark> ثم'), content), { before: true, after: true });
    assert.deepEqual(excerptCut(excerptPieces('عنوان. أول'), content), { before: false, after: true });
    assert.deepEqual(excerptCut(excerptPieces('ثم  آخره.'), content), { before: true, after: false });
    assert.deepEqual(excerptCut([], content), { before: false, after: false });
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

  it('normalises a query only by its spaces (for now)', () => {
    assert.equal(normaliseQuery('  قوات   سوريا\tالديمقراطية '), 'قوات سوريا الديمقراطية');
    assert.equal(normaliseQuery('الباغوز'), 'الباغوز');
  });
});
