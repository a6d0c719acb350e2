/**
 * listingEvidence (src/ingest/listing.ts): a page that lists many articles (an archive's month,
 * a tag, a category, page N of a section) rather than being one, told by its address or by its
 * text (several short items, each with its own date line).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listingAddress, listingText } from '../src/ingest/listing.ts';
import { toLines } from '../src/ingest/lines.ts';

describe('listingAddress', () => {
  it("names a listing's address", () => {
    for (const url of [
      'https://example.com/index.php/archive/monthly/201703?page=22',
      'https://example.com/tag/%D9%85%D8%AC%D9%84%D8%B3-%D9%85%D8%AD%D9%84%D9%8A?page=1',
      'https://example.com/category/syria/',
      'https://example.com/author/someone/page/246',
      'https://example.com/arab-affairs.html?start=152',
      'https://example.com/search?q=%D8%AD%D9%84%D8%A8',
      'https://example.com/news/page/3/',
    ]) {
      assert.ok(listingAddress(url), url);
    }
  });
  it("leaves an article's address alone, with a page number or an archive's folder too", () => {
    for (const url of [
      'https://example.com/home/article/2192451/%D8%AF%D8%A7%D8%B9%D8%B4?page=1',
      'https://example.com/archives/216249',
      'https://example.com/news/2019/03/23/some-slug',
      'https://example.com/?p=15450',
      'https://example.com/post/152257/slug',
      'not an address',
    ]) {
      assert.equal(listingAddress(url), undefined, url);
    }
  });
});

describe('listingText', () => {
  const item = (n: number) => [
    `مئات المعامل تعود إلى العمل في المدينة الصناعية رقم ${n}`,
    `${10 + n}/03/2017`,
    'باشرت الجهات المحلية إزالة آثار الدمار في الأحياء الشرقية وعاد آلاف الطلاب إلى مدارسهم مع ميزانية مفتوحة لإعادة الإعمار',
  ];
  it('finds several items, each a headline with its own date line', () => {
    const text = [1, 2, 3, 4].flatMap(item).join('\n');
    assert.match(listingText(toLines(text)) ?? '', /4 items/);
  });
  it('leaves an article with a date line, an update date and a foot date alone', () => {
    const text = [
      'مئات المعامل تعود إلى العمل في المدينة الصناعية',
      'نشر في: 22/03/2017',
      'آخر تحديث: 23/03/2017',
      'باشرت الجهات المحلية إزالة آثار الدمار في الأحياء الشرقية وعاد آلاف الطلاب إلى مدارسهم مع ميزانية مفتوحة لإعادة الإعمار.',
      'عودة الكهرباء إلى الأحياء الشرقية',
      'قالت مديرية الكهرباء إن التيار عاد إلى معظم الأحياء بعد إصلاح محطات التحويل التي دمرتها المعارك خلال السنوات الماضية.',
      '24/03/2017',
    ].join('\n');
    assert.equal(listingText(toLines(text)), undefined);
  });
});
