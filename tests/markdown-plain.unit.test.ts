/**
 * The plain-paragraph shortcut (src/markdown/plain-paragraphs.ts) gives exactly what the full
 * Markdown pipeline gives (the HTML and the paragraphs), and declines every body in which Markdown syntax could be in play.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPlainParagraphs } from '../src/markdown/plain-paragraphs.ts';
import { renderFullPipeline } from '../src/markdown/render.ts';

describe('renderPlainParagraphs', () => {
  it('renders plain paragraphs and simple headings as the pipeline does', () => {
    const bodies = [
      'قال المرصد السوري إن 23 شخصاً قتلوا.',
      'الفقرة الأولى، وفيها «اقتباس» و"اقتباس آخر".\n\nالفقرة الثانية (بين قوسين) - مع شرطة… وسطر\nثانٍ في الفقرة نفسها؟',
      '\n\nفقرة بعد أسطر فارغة.\n\n\n\nوأخرى: 50% من السكان/النازحين!\n',
      'دمشق – وكالات\n\n2019 عام الباغوز\n\nتَشكيلٌ وتطويـــل',
      'فقرة أولى.\n## عنوان فرعي\nفقرة ثانية فيها # وسم.\n\n###### عنوان صغير\n\n# عنوان',
    ];
    for (const body of bodies) assert.deepEqual(renderPlainParagraphs(body), renderFullPipeline(body), JSON.stringify(body));
  });

  it('declines bodies where Markdown syntax may be in play', () => {
    const declined = [
      '',
      '\n\n',
      '#وسم في أول السطر',
      '##  عنوان بمسافتين',
      '## عنوان ##',
      '####### سبع علامات',
      '#',
      'نص *مائل* هنا',
      'نص _مائل_',
      '[رابط](https://example.com)',
      'a <b>html</b>',
      'A &amp; B',
      'سطر\\\nمكسور',
      'كود `x`',
      '- بند',
      '1. بند',
      '2) بند',
      'نص\n---',
      'نص\n===',
      '    كود مزاح',
      ' مسافة في البداية',
      'مسافتان في النهاية  \nسطر',
      'نص\tبجدول',
      'نص\u00a0بمسافة غير منكسرة',
      'نص\u200cبفاصل',
      '> اقتباس',
      '~~~\nكود\n~~~',
      'نص | جدول',
    ];
    for (const body of declined) assert.equal(renderPlainParagraphs(body), undefined, JSON.stringify(body));
  });

  it('matches the pipeline on random bodies made of the characters it accepts and the line starts it must refuse', () => {
    const alphabet = [
      '#',
      '#',
      'ا',
      'ب',
      'ة',
      'a',
      'Z',
      '1',
      '2',
      '٣',
      ' ',
      ' ',
      '\n',
      '\n',
      '\n',
      '.',
      ')',
      '(',
      '-',
      '–',
      '—',
      '"',
      "'",
      '«',
      '»',
      '!',
      ':',
      ';',
      '?',
      '؟',
      '،',
      '%',
      '/',
      '\u064E',
      'ـ',
      '…',
      ',',
    ];
    let seed = 1;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let taken = 0;
    for (let i = 0; i < 20000; i++) {
      let body = '';
      for (let k = 1 + next(24); k > 0; k--) body += alphabet[next(alphabet.length)];
      const fast = renderPlainParagraphs(body);
      if (fast === undefined) continue;
      taken++;
      assert.deepEqual(fast, renderFullPipeline(body), JSON.stringify(body));
    }
    assert.ok(taken > 1000);
  });
});
