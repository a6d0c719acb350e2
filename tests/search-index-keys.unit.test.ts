/**
 * What search understands of Arabic, without a browser: the lexicon's tokens, the keys the index
 * adds to words, the HTML given to Pagefind, queries read into what is searched, and phrases
 * found in indexed text. The same lexicon as the seed site's (content/).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValidContent } from '../src/content/load.ts';
import { loadEntities, loadSpellings } from '../src/content/data-files.ts';
import { annotateHtml, decodeReferences } from '../src/search/index-html.ts';
import { codeUnitTest, createKeyAnnotator, keysOf, stripKeys, withFoldedFirst } from '../src/search/index-keys.ts';
import { buildSearchLexicon, latinForms, tokenFor, PLACE_TOKEN, ENTITY_TOKEN } from '../src/analysis/lexicon.ts';
import { findPhrases } from '../src/search/phrase-match.ts';
import { createQueryReader, splitPhrases } from '../src/search/query.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

const content = loadValidContent(DEFAULT_CONTENT_DIR);
const lexicon = buildSearchLexicon({
  places: content.places.entries,
  entities: loadEntities(DEFAULT_CONTENT_DIR),
  spellings: loadSpellings(DEFAULT_CONTENT_DIR),
});
const annotator = createKeyAnnotator(lexicon);
const reader = createQueryReader(lexicon);
const SDF = tokenFor(ENTITY_TOKEN, 'sdf');
const ISIS = tokenFor(ENTITY_TOKEN, 'isis');
const RAQQA = tokenFor(PLACE_TOKEN, 'raqqa');
const SYRIA = tokenFor(PLACE_TOKEN, 'syria');
const DEIR = tokenFor(PLACE_TOKEN, 'deir-ez-zor');

/** The keys of each word of an annotated text, by word. */
function keysByWord(annotated: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const chunk of annotated.split(/\s+/)) {
    const keys = keysOf(chunk);
    if (keys.length) out[stripKeys(chunk)] = keys;
  }
  return out;
}

describe('tokens', () => {
  it('are lowercase letters only, one per key, none the start of another', () => {
    assert.equal(tokenFor('qxp', 'deir-ez-zor'), 'qxpdeirxhezxhzorxz');
    assert.equal(tokenFor('qxp', 'tishreen-2'), 'qxptishreenxhxcxz');
    const tokens = lexicon.names.map((g) => g.token).filter((t): t is string => t !== null);
    assert.equal(new Set(tokens).size, tokens.length, 'one token per group');
    for (const t of tokens) assert.match(t, /^[a-z]+$/);
    for (const a of tokens) for (const b of tokens) if (a !== b) assert.ok(!b.startsWith(a), `${a} begins ${b}`);
  });

  it('leave out places that need context, whose Latin names become their Arabic words', () => {
    const tabqa = lexicon.names.find((g) => g.forms[0] === 'الطبقة');
    assert.equal(tabqa?.token, null);
    assert.deepEqual(reader.plan('Tabqa').term, 'الطبقه');
  });

  it('reads Latin names with and without their article, and parenthesised short forms', () => {
    assert.deepEqual(latinForms('Syrian Democratic Forces (SDF)'), ['Syrian Democratic Forces', 'SDF']);
    assert.deepEqual(latinForms('Al-Bab'), ['Al-Bab', 'Bab']);
    assert.deepEqual(latinForms('Kobani (Ayn al-Arab)'), ['Kobani', 'Ayn al-Arab']);
    assert.deepEqual(latinForms('Al-Thawrah (Tabqa) District'), ['Al-Thawrah District', 'Thawrah District', 'Tabqa District']);
  });
});

describe('keys added to words for the index', () => {
  it('gives ة words their folded form, and leaves what the stemmer folds alone', () => {
    const keys = keysByWord(annotator.annotate('المدينة الكبيرة إلى أن مستشفى'));
    assert.deepEqual(keys.المدينة, ['المدينه']);
    assert.deepEqual(keys.الكبيرة, ['الكبيره']);
    assert.equal(keys.إلى, undefined);
    assert.equal(keys.مستشفى, undefined);
  });

  it('tags every word of a name with its token, and names inside names too', () => {
    const keys = keysByWord(annotator.annotate('دخلت قوات سوريا الديمقراطية محافظة دير الزور وللرقة'));
    assert.deepEqual(keys.قوات, [SDF]);
    assert.ok(keys.سوريا?.includes(SDF) && keys.سوريا?.includes(SYRIA), "Syria inside the SDF's name");
    assert.ok(keys.دير?.includes(DEIR) && keys.الزور?.includes(DEIR), 'the city inside محافظة دير الزور');
    assert.ok(keys.وللرقة?.includes(RAQQA), 'with proclitics');
  });

  it('writes listed spelling variants the usual way, proclitics kept', () => {
    const keys = keysByWord(annotator.annotate('والديموقراطية أميركي ترمب'));
    assert.ok(keys.والديموقراطية?.includes('والديمقراطيه'));
    assert.ok(keys.أميركي?.includes('امريكي'));
    assert.ok(keys.ترمب?.includes('ترامب'));
  });

  it('gives a word touched by a quote a clean copy and closes its keys', () => {
    const annotated = annotator.annotate('إعلان دولة ”الخلافة“ و«قسد»، لداعش.');
    assert.match(annotated, /”الخلافة__الخلافه_“/);
    assert.match(annotated, new RegExp(`«قسد__قسد_${SDF}_»`));
    assert.match(annotated, new RegExp(`لداعش__${ISIS}_\\.`));
  });

  it('takes nothing away: stripping the keys gives the text back, whatever it holds', () => {
    for (const text of ['قالت «قسد» إن الرقة سقطت، و"داعش" انسحب من دير الزور.', 'foo__bar and ___ and a__ b__c', 'الرقّة الـرقة ﺍﻟﺮﻗﺔ ٢٠١٩ Raqqa <b>&amp;', '', '   ']) {
      assert.equal(stripKeys(annotator.annotate(text)).replace(/_\u2060(?=_)/g, '_'), text);
    }
  });
});

describe('the page as Pagefind reads it', () => {
  it('annotates text, never tags, attributes, scripts or styles', () => {
    const html =
      '<h1 title="الرقة">الرقة</h1><script type="application/ld+json">{"name":"الرقة"}</script><style>.الرقة{}</style>' +
      '<p data-pagefind-meta="title:الرقة > x">في &quot;الرقة&quot; &amp; قسد</p><!-- الرقة -->';
    const out = annotateHtml(html, annotator);
    assert.match(out, new RegExp(`<h1 title="الرقة">الرقة__الرقه_${RAQQA}</h1>`));
    assert.match(out, /<script type="application\/ld\+json">\{"name":"الرقة"\}<\/script><style>\.الرقة\{\}<\/style>/);
    assert.match(out, /<p data-pagefind-meta="title:الرقة > x">في "الرقة__/);
    assert.match(out, /&amp; قسد__/);
    assert.match(out, /<!-- الرقة -->$/);
  });

  it('decodes character references before reading words, and escapes the text again', () => {
    assert.equal(decodeReferences('&quot;&#1602;&#x0633;&#x62F;&quot; &lt;x&gt; &bogus; &#0;'), '"قسد" <x> &bogus; &#0;');
    assert.equal(annotateHtml('<p>&lt;script&gt; 1 &amp; 2</p>', annotator), '<p>&lt;script&gt; 1 &amp; 2</p>');
  });
});

describe('queries', () => {
  const term = (q: string) => reader.plan(q).term;
  it('fold writing differences', () => {
    assert.equal(term('الرقّة الـرقه'), `${RAQQA}`);
    assert.equal(term('هزيمة  كبرى'), 'هزيمه كبري');
    // مصطفى بالي is an actor of entities.yml now: any spelling of his name is his token
    assert.equal(term('مصطفى  بالي'), tokenFor(ENTITY_TOKEN, 'mustafa-bali'));
    assert.equal(term('٢٠١٩'), '2019');
    assert.equal(term('  '), null);
    assert.equal(term('؟!'), null);
  });

  it('turn any form of a name, Latin included, into its token', () => {
    for (const q of ['قسد', 'قوات سورية الديموقراطية', 'لقسد', 'SDF', 'Syrian Democratic Forces']) assert.equal(term(q), SDF, q);
    for (const q of ['Raqqa', 'raqqa', 'الرقة', 'بالرقه', 'ar-Raqqa', 'al Raqqa']) assert.equal(term(q), RAQQA, q);
    assert.equal(term('al'), 'al', 'an article alone is a word');
    assert.equal(term('Deir ez-Zor'), DEIR);
    assert.equal(term('داعش في الرقة'), `${ISIS} في ${RAQQA}`);
  });

  it('write spelling variants the usual way', () => {
    assert.equal(term('الديموقراطية'), 'الديمقراطيه');
    assert.equal(term('وأميركي'), 'وامريكي');
  });

  it('keep quoted phrases as their words, names not turned into tokens', () => {
    const plan = reader.plan('"دولة الخلافة" الرقة «قوات سوريا»');
    assert.deepEqual(plan.phrases, [
      ['دوله', 'الخلافه'],
      ['قوات', 'سوريا'],
    ]);
    assert.equal(plan.term, `دوله الخلافه ${RAQQA} قوات سوريا`);
    assert.deepEqual(reader.plan('"الرقة"').phrases, [], 'a one-word phrase is just the word');
  });

  it('split phrases of any quote style, an unclosed one running to the end', () => {
    assert.deepEqual(
      splitPhrases('أ "ب ج" د «هـ و» “ز” "ح ط'),
      [
        { text: 'أ ', phrase: false },
        { text: 'ب ج', phrase: true },
        { text: ' د ', phrase: false },
        { text: 'هـ و', phrase: true },
        { text: ' ', phrase: false },
        { text: 'ز', phrase: true },
        { text: ' ', phrase: false },
        { text: 'ح ط', phrase: true },
      ].filter((p) => p.text.trim() !== ''),
    );
  });
});

describe('phrases in indexed text', () => {
  const indexed = annotator.annotate('قال إن بدولة ”الخلافة“ انتهت، وأعلنت قوات سوريا الديمقراطية النصر');
  it('finds the words in a row, with proclitics, quotes and keys', () => {
    assert.deepEqual(findPhrases(indexed, [['دوله', 'الخلافه']]), [2, 3]);
    assert.deepEqual(findPhrases(indexed, [['اعلنت', 'قوات']]), [5, 6]);
    assert.deepEqual(findPhrases(indexed, [['قوات', 'سوريا'], ['انتهت']]), [4, 6, 7]);
  });

  it('finds nothing out of order or apart', () => {
    assert.equal(findPhrases(indexed, [['الخلافه', 'دوله']]), null);
    assert.equal(findPhrases(indexed, [['قال', 'انتهت']]), null);
    assert.equal(findPhrases(indexed, [['دوله', 'الخلافه'], ['غائب']]), null);
  });
});

describe("the annotator's helpers", () => {
  it('codeUnitTest answers as its regex does on the one-character string, and remembers', () => {
    const sticky = codeUnitTest(/[«»”]/);
    for (const c of ['«', '»', '”', 'a', ' ', 'ب']) assert.equal(sticky(c.charCodeAt(0)), /[«»”]/.test(c), c);
    const space = codeUnitTest(/\s/);
    for (const u of [0x20, 0x0a, 0xa0, 0x2009, 0x3000, 0xfeff, 0x41, 0xd800]) assert.equal(space(u), /\s/.test(String.fromCharCode(u)));
  });

  it('withFoldedFirst puts the folded form first unless it is there or empty', () => {
    assert.deepEqual(withFoldedFirst([RAQQA], 'الرقه'), ['الرقه', RAQQA]);
    assert.deepEqual(withFoldedFirst(['الرقه', RAQQA], 'الرقه'), ['الرقه', RAQQA]);
    assert.deepEqual(withFoldedFirst([RAQQA], ''), [RAQQA]);
  });

  it('annotates the same however often a word is met, across texts', () => {
    const fresh = createKeyAnnotator(lexicon);
    const text = 'في «الرقة» وقوات سوريا الديمقراطية، والديموقراطية المدينة';
    const first = fresh.annotate(text);
    for (let i = 0; i < 3; i++) assert.equal(fresh.annotate(text), first);
    assert.equal(createKeyAnnotator(lexicon).annotate(text), first);
  });
});
