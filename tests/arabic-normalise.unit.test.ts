import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanInvisible } from '../src/arabic/invisible.ts';
import { cliticReadings, foldArabic, foldCharacter, stripClitics, words } from '../src/arabic/normalise.ts';

describe('foldArabic', () => {
  it('erases diacritics and tatweel, and folds ة to ه', () => {
    assert.equal(foldArabic('الرقّة'), 'الرقه');
    assert.equal(foldArabic('الرقه'), 'الرقه');
    assert.equal(foldArabic('الـرقـة'), 'الرقه');
    assert.equal(foldArabic('مُحَمَّدٌ'), 'محمد');
    assert.equal(foldArabic('هٰذا'), 'هذا'); // superscript alef
    assert.equal(foldArabic('الرَّحْمَٰنِ ۖ'), 'الرحمن'); // Quranic pause mark
  });
  it('folds hamza seats, alef forms and alef maqsura', () => {
    assert.equal(foldArabic('أعلنت إعلان آذار ٱلله'), 'اعلنت اعلان اذار الله');
    assert.equal(foldArabic('على مسؤول رئيس'), 'علي مسوول رييس');
    assert.equal(foldArabic('أذار'), foldArabic('آذار'));
  });
  it('folds Persian yeh and keheh, keeps پ چ ژ گ', () => {
    assert.equal(foldArabic('کوبانی'), 'كوباني');
    assert.equal(foldArabic('پچژگ'), 'پچژگ');
  });
  it('takes digits to ASCII and lowercases Latin', () => {
    assert.equal(foldArabic('٥٠٠ إلى ۶۰۰ ISIS'), '500 الي 600 isis');
  });
  it('removes every quote style', () => {
    const expected = 'قسد تعلن القضاء علي داعش';
    for (const s of ['"قسد" تعلن «القضاء» على “داعش”', "„قسد‟ تعلن ‘القضاء’ على 'داعش'", '″قسد″ تعلن «القضاء» على داعش']) {
      assert.equal(foldArabic(s), expected, s);
    }
    assert.equal(foldArabic('لـ"داعش"'), 'لداعش');
  });
  it('collapses whitespace and trims', () => {
    assert.equal(foldArabic('  دير\u00A0\u00A0الزور\n\tالشرقي  '), 'دير الزور الشرقي');
  });
  it('composes decomposed letters and reads presentation forms', () => {
    assert.equal(foldArabic('\u0627\u0653ذار'), 'اذار');
    assert.equal(foldArabic('ﺍﻟﺮﻗﺔ'), 'الرقه');
    assert.equal(foldArabic('ﻻ'), 'لا');
  });
  it('folds a presentation form character by character as foldArabic does (the date matchers)', () => {
    assert.equal(foldCharacter('ﻫ'), 'ه');
    assert.equal(foldCharacter('ﺓ'), 'ه');
    assert.equal(foldCharacter('ﺃ'), 'ا');
    assert.equal(foldCharacter('ﻻ'), 'لا');
    assert.equal([...'ﺍﻟﺮﻗﺔ'].map(foldCharacter).join(''), foldArabic('ﺍﻟﺮﻗﺔ'));
    assert.equal(foldCharacter('\uFEFF'), '');
  });
  it('ignores invisible characters inside words', () => {
    assert.equal(foldArabic('الر\u200Fقة'), 'الرقه');
    assert.equal(foldArabic('\uFEFFمی\u200Cخواهم'), 'ميخواهم');
  });
  it('keeps spelling variants apart (those belong in variant lists)', () => {
    assert.notEqual(foldArabic('الديموقراطية'), foldArabic('الديمقراطية'));
    assert.notEqual(foldArabic('سوريا'), foldArabic('سورية'));
  });
  it('is idempotent', () => {
    for (const s of ['«الرقّة» ٢٠١٧', 'هل انتهى “داعش“ في سوريا ؟', 'ABC  déjà']) {
      assert.equal(foldArabic(foldArabic(s)), foldArabic(s));
    }
  });
});

describe('words', () => {
  it('gives words with offsets in the original text', () => {
    const text = 'قالت قوات “قسد” المدعومة، في الرقّة: ٥٠٠ عنصر';
    const ws = words(text);
    assert.deepEqual(
      ws.map((w) => w.word),
      ['قالت', 'قوات', 'قسد', 'المدعومة', 'في', 'الرقّة', '٥٠٠', 'عنصر'],
    );
    for (const w of ws) assert.equal(text.slice(w.start, w.end), w.word);
  });
  it('keeps tatweel and marks inside a word, splits on quotes, hashtags and underscores', () => {
    assert.deepEqual(
      words('لـ"داعش" #الإدارة_الذاتية').map((w) => w.word),
      ['لـ', 'داعش', 'الإدارة', 'الذاتية'],
    );
    assert.deepEqual(
      words('بـالرقّة').map((w) => w.word),
      ['بـالرقّة'],
    );
  });
  it('keeps a word with an invisible joiner inside it whole; a zero-width space separates', () => {
    assert.deepEqual(
      words('می\u200Cخواهم').map((w) => w.word),
      ['می\u200Cخواهم'],
    );
    assert.deepEqual(
      words('الر\u200Fقة').map((w) => w.word),
      ['الر\u200Fقة'],
    );
    assert.deepEqual(
      words('دير\u200Bالزور').map((w) => w.word),
      ['دير', 'الزور'],
    );
    assert.deepEqual(
      words('\u200Cسوريا\u200C').map((w) => w.word),
      ['سوريا'],
    );
  });
  it('handles Latin, digits and empty text', () => {
    assert.deepEqual(
      words('ISIS (4,00 ت غ)').map((w) => w.word),
      ['ISIS', '4', '00', 'ت', 'غ'],
    );
    assert.deepEqual(words(''), []);
    assert.deepEqual(words(' .. ؟ ، '), []);
  });
});

describe('stripClitics', () => {
  const cases: Array<[string, string[]]> = [
    ['للرقه', ['للرقه', 'الرقه', 'لرقه', 'رقه']],
    ['بالباغوز', ['بالباغوز', 'الباغوز', 'باغوز']],
    ['وسوريا', ['وسوريا', 'سوريا']],
    ['والموصل', ['والموصل', 'الموصل', 'موصل']],
    ['وبالعراق', ['وبالعراق', 'بالعراق', 'العراق', 'عراق']],
    ['فللعراق', ['فللعراق', 'للعراق', 'العراق', 'لعراق', 'عراق']],
    ['كالرقه', ['كالرقه', 'الرقه', 'رقه']],
    ['فالرقه', ['فالرقه', 'الرقه', 'رقه']],
    ['لنهر', ['لنهر', 'نهر']],
    ['بريف', ['بريف', 'ريف']],
    ['وكدمشق', ['وكدمشق', 'كدمشق', 'دمشق']],
    ['الرقه', ['الرقه', 'رقه']],
    ['دمشق', ['دمشق']],
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${expected.join(' ')}`, () => assert.deepEqual(stripClitics(word), expected));
  }
  it('never gives an empty or one-letter stem', () => {
    for (const w of ['وب', 'ول', 'بال', 'الي', 'لل', 'وال', 'فلل', 'بالي']) {
      for (const stem of stripClitics(w).slice(1)) assert.ok([...stem].length >= 2, `${w} → ${stem}`);
    }
    assert.deepEqual(stripClitics('بالي'), ['بالي', 'الي']);
    assert.deepEqual(stripClitics('وال'), ['وال', 'ال']);
    assert.deepEqual(stripClitics(''), []);
  });
  it('lists the word itself first, then longest first', () => {
    for (const w of ['وبالباغوز', 'للرقه', 'فلل', 'ولبنان']) {
      const stems = stripClitics(w);
      assert.equal(stems[0], w);
      for (let i = 2; i < stems.length; i++) assert.ok([...stems[i - 1]!].length >= [...stems[i]!].length, w);
    }
  });
  it('tells the article taken off from the article given back', () => {
    const r = cliticReadings('للرقه');
    assert.deepEqual(
      r.map((x) => [x.stem, x.proclitics, x.articleRemoved]),
      [
        ['للرقه', '', false],
        ['الرقه', 'ل', false],
        ['لرقه', 'ل', false],
        ['رقه', 'لل', true],
      ],
    );
    assert.equal(cliticReadings('السوريه').find((x) => x.stem === 'سوريه')?.articleRemoved, true);
  });
});

describe('cleanInvisible', () => {
  it('removes bidi controls, LRM/RLM/ALM, zero-width space, word joiner, BOM, soft hyphen', () => {
    const dirty = '\uFEFF\u202Bالرقة\u202C \u200Fسوريا\u200E \u061Cد\u200Bير\u2060 الز\u00ADور \u2066x\u2069\u202E\u202D\uFEFF';
    assert.deepEqual(cleanInvisible(dirty), { text: 'الرقة سوريا دير الزور x', removed: 14 });
  });
  it('removes C0 and C1 controls except line feed and tab; CR becomes LF', () => {
    assert.deepEqual(cleanInvisible('a\u0000b\u0007c\td\ne\u0085f\u009Fg\u007Fh\u001B'), { text: 'abc\td\nefgh', removed: 6 });
    assert.deepEqual(cleanInvisible('سطر\r\nسطر\rسطر'), { text: 'سطر\nسطر\nسطر', removed: 2 });
  });
  it('keeps ZWNJ and ZWJ between letters, removes stray and doubled ones', () => {
    assert.deepEqual(cleanInvisible('می\u200Cخواهم'), { text: 'می\u200Cخواهم', removed: 0 });
    assert.deepEqual(cleanInvisible('کتاب\u200Cها'), { text: 'کتاب\u200Cها', removed: 0 });
    assert.deepEqual(cleanInvisible('کتابِ\u200Cها'), { text: 'کتابِ\u200Cها', removed: 0 }); // mark before it
    assert.deepEqual(cleanInvisible('ل\u200Dا'), { text: 'ل\u200Dا', removed: 0 });
    assert.deepEqual(cleanInvisible('می\u200C\u200Cخواهم'), { text: 'می\u200Cخواهم', removed: 1 });
    assert.deepEqual(cleanInvisible('\u200Cسوريا\u200C \u200D.'), { text: 'سوريا .', removed: 3 });
    assert.deepEqual(cleanInvisible('12\u200C34'), { text: '1234', removed: 1 });
    // a bidi mark between the letter and the ZWNJ goes, the ZWNJ stays
    assert.deepEqual(cleanInvisible('می\u200F\u200Cخواهم'), { text: 'می\u200Cخواهم', removed: 1 });
  });
  it('keeps emoji ZWJ sequences and visible Arabic format marks; removes tag characters', () => {
    assert.deepEqual(cleanInvisible('👨\u200D👩\u200D👧'), { text: '👨\u200D👩\u200D👧', removed: 0 });
    assert.deepEqual(cleanInvisible('\u0600١٢\u06DD'), { text: '\u0600١٢\u06DD', removed: 0 });
    assert.deepEqual(cleanInvisible('ok\u{E0069}\u{E0067}\u{E006E}'), { text: 'ok', removed: 3 });
  });
  it('leaves clean text alone', () => {
    const clean = 'هزيمة تاريخية لـ «داعش» في الرقة\n\tسطر ثان 😀';
    assert.deepEqual(cleanInvisible(clean), { text: clean, removed: 0 });
  });
});
