/**
 * The saved-page reader's parts (src/ingest/page/): detection by content, the declared charset,
 * MHTML parts, metadata from JSON-LD/OpenGraph/microdata, headline agreement, the date a page
 * states (never moved through UTC) weighed against the text, and the author. The whole path,
 * page to article, is in the tests/fixtures/ingest/html-* fixtures (tests/ingest-fixtures.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { parseIsoDate } from '../src/arabic/calendar.ts';
import { declaredCharset, decodePage } from '../src/ingest/page/decode-page.ts';
import { savedPageKind } from '../src/ingest/page/detect.ts';
import { blockLines, publicationDateLine } from '../src/ingest/page/extract.ts';
import { decodeQuotedPrintable, htmlPartOfMhtml } from '../src/ingest/page/mhtml.ts';
import { readPageMetadata, savedFromAddress, type PageMetadata } from '../src/ingest/page/metadata.ts';
import {
  decidePageHeadline,
  headlineFromTitle,
  headlinesAgree,
  outletConflict,
  pageInAnotherLanguage,
  siteNameFromTitle,
  pageAuthor,
  pageOutletEvidence,
  reconcilePageDate,
  statedCalendarDate,
} from '../src/ingest/page/page-evidence.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const metadataOf = (html: string) => readPageMetadata(parseHTML(html).document, html);
const empty = (): PageMetadata => ({ urls: [], h1: [], headlines: [], published: [], modified: [], siteNames: [], authors: [], jsonLdErrors: 0, jsonLdTypes: [] });
const today = parseIsoDate('2026-11-21')!;

describe('savedPageKind', () => {
  it('knows a page by its content, whatever comes first', () => {
    for (const head of [
      '<!DOCTYPE html><html>',
      '\ufeff<!doctype html>',
      '  \n<html lang="ar">',
      '<!-- saved from url=(0030)https://example.com/a -->\r\n<html>',
      '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><html>',
      '<html ⚡ lang="ar">',
      '<head><meta charset="utf-8">',
    ]) {
      assert.equal(savedPageKind(bytes(head)), 'html', head);
    }
    assert.equal(savedPageKind(bytes('From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary="x"\r\n\r\n--x')), 'mhtml');
  });

  it('leaves texts alone, even ones that talk about HTML', () => {
    for (const text of ['الرقة تحت السيطرة\n<html> كلمة في نص', 'MIME-Version: 1.0\n\nنص', 'عنوان\n<!DOCTYPE html>', '<p>فقرة</p>']) {
      assert.equal(savedPageKind(bytes(text)), undefined, text);
    }
  });
});

describe('the declared charset', () => {
  it('reads <meta charset> and http-equiv, in either attribute order', () => {
    assert.deepEqual(declaredCharset(bytes('<meta charset="windows-1256">')), { label: 'windows-1256', where: '<meta charset>' });
    assert.equal(declaredCharset(bytes('<META content="text/html; charset=windows-1256" http-equiv=Content-Type>'))?.label, 'windows-1256');
    assert.equal(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html;charset=UTF-8" />'))?.where, '<meta http-equiv="Content-Type">');
    assert.equal(declaredCharset(bytes('<meta name="description" content="charset">')), undefined);
  });

  it('decodes Windows-1256 as declared, and falls back to the bytes when a declaration is wrong', () => {
    const arabic = 'الرقة';
    const cp1256 = Uint8Array.from([0xc7, 0xe1, 0xd1, 0xde, 0xc9]);
    const page = (meta: string, body: Uint8Array) => Uint8Array.from([...bytes(`<html><head>${meta}</head><body>`), ...body, ...bytes('</body></html>')]);
    const declared = decodePage(page('<meta charset="windows-1256">', cp1256));
    assert.ok(declared.ok && declared.text.includes(arabic) && declared.encoding.startsWith('windows-1256'));
    const wrongUtf8 = decodePage(page('<meta charset="utf-8">', cp1256));
    assert.ok(wrongUtf8.ok && wrongUtf8.text.includes(arabic), 'declared UTF-8, bytes Windows-1256');
    assert.match(wrongUtf8.ok ? wrongUtf8.encoding : '', /says utf-8, but the bytes are not/);
    const latin = decodePage(page('<meta charset="iso-8859-1">', cp1256));
    assert.ok(latin.ok && latin.text.includes(arabic), 'a Latin label on Arabic bytes');
    const unknown = decodePage(page('<meta charset="x-no-such">', bytes(arabic)));
    assert.ok(unknown.ok && unknown.text.includes(arabic));
  });
});

describe('MHTML', () => {
  it('decodes quoted-printable, soft line breaks included', () => {
    assert.equal(new TextDecoder().decode(decodeQuotedPrintable('=D8=A7=D9=84=\r\n=D8=B1a=3Db')), 'الرa=b');
  });

  it('takes the HTML part, its charset and its address; refuses a file without one', () => {
    const file = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="--b--"',
      '',
      '----b--',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '----b--',
      'Content-Type: text/html; charset="windows-1256"',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://example.com/a',
      '',
      '<p>=C7=E1=D1=DE=C9</p>',
      '----b----',
      '',
    ].join('\r\n');
    const result = htmlPartOfMhtml(bytes(file));
    assert.ok(result.ok);
    assert.equal(result.page.charset, 'windows-1256');
    assert.equal(result.page.location, 'https://example.com/a');
    assert.equal(new TextDecoder('windows-1256').decode(result.page.html), '<p>الرقة</p>');
    const none = htmlPartOfMhtml(bytes('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--'));
    assert.ok(!none.ok && /no HTML part/.test(none.message));
  });
});

describe('readPageMetadata', () => {
  it('follows a Yoast @graph: the article node, its author and publisher by @id', () => {
    const md = metadataOf(`<html lang="ar"><head><script type="application/ld+json">{"@graph":[
      {"@type":"WebPage","@id":"p","datePublished":"2019-03-01T00:00:00+00:00"},
      {"@type":"NewsArticle","headline":"عنوان المقال هنا","datePublished":"2019-03-05T14:20:11+03:00","author":{"@id":"#person"},"publisher":{"@id":"#org"}},
      {"@type":"Person","@id":"#person","name":"سلمى الحسن"},{"@type":"Organization","@id":"#org","name":"عنب بلدي"}]}</script></head><body><h1>عنوان المقال هنا</h1></body></html>`);
    assert.equal(md.lang, 'ar');
    assert.deepEqual(md.headlines[0], { text: 'عنوان المقال هنا', from: 'JSON-LD NewsArticle headline' });
    assert.equal(md.published[0]?.text, '2019-03-05T14:20:11+03:00', 'the article node before the WebPage node');
    assert.deepEqual(md.authors[0], { text: 'سلمى الحسن', from: 'JSON-LD NewsArticle author' });
    assert.equal(md.siteNames[0]?.text, 'عنب بلدي');
    assert.deepEqual(md.h1, ['عنوان المقال هنا']);
  });

  it('reads arrays, @type lists, several authors, OpenGraph and microdata; counts broken JSON-LD', () => {
    const md = metadataOf(`<html><head>
      <script type="application/ld+json">[{"@type":["ReportageNewsArticle"],"headline":"أ ب ج","author":[{"name":"أ"},"ب"]}]</script>
      <script type="application/ld+json">{"@type":"NewsArticle",</script>
      <meta property="og:site_name" content="الموقع"><meta property="og:url" content="https://example.com/x">
      <link rel="canonical" href="https://example.com/canonical"><meta property="article:published_time" content="2019-01-02">
      </head><body><span itemprop="datePublished" content="2019-01-03"></span></body></html>`);
    assert.deepEqual(
      md.authors.map((a) => a.text),
      ['أ', 'ب'],
    );
    assert.equal(md.jsonLdErrors, 1);
    assert.deepEqual(
      md.urls.map((u) => u.from),
      ['<link rel="canonical">', 'og:url'],
    );
    assert.deepEqual(
      md.published.map((p) => p.from),
      ['article:published_time', 'itemprop datePublished'],
    );
  });

  it('finds the address a browser or SingleFile wrote into the file', () => {
    assert.equal(savedFromAddress('<!-- saved from url=(0025)https://example.com/a/b -->\n<html>'), 'https://example.com/a/b');
    assert.equal(savedFromAddress('<html><!--\n Page saved with SingleFile \n url: https://example.com/c \n saved date: x\n-->'), 'https://example.com/c');
  });
});

describe('the headline', () => {
  it('agrees despite a site name, punctuation, spelling variants or truncation', () => {
    assert.ok(headlinesAgree('قسد تعلن السيطرة على الباغوز', 'قسد تعلن السيطرة على الباغوز.'));
    assert.ok(headlinesAgree('إعلان النصر في الرقة', 'اعلان النصر في الرقه'));
    assert.ok(headlinesAgree('قوات سوريا الديمقراطية تعلن السيطرة الكاملة على الباغوز بعد معارك', 'قوات سوريا الديمقراطية تعلن السيطرة الكاملة على الباغوز'));
    assert.ok(!headlinesAgree('واشنطن تبحث مستقبل قواتها', 'تحذيرات من أزمة إنسانية في المخيمات'));
  });

  it('takes the <h1> that agrees with the metadata, strips a site name from og:title, and asks when they differ', () => {
    const md = { ...empty(), h1: ['العربية', 'نازحون يعودون إلى الرقة'], headlines: [{ text: 'نازحون يعودون إلى الرقة | العربية', from: 'og:title' }] };
    assert.equal(decidePageHeadline(md).text, 'نازحون يعودون إلى الرقة');
    const noH1 = { ...empty(), siteNames: [{ text: 'العربية', from: 'og:site_name' }], headlines: [{ text: 'نازحون يعودون إلى الرقة - العربية', from: 'og:title' }] };
    assert.equal(decidePageHeadline(noH1).text, 'نازحون يعودون إلى الرقة');
    const differ = { ...empty(), h1: ['تحذيرات من أزمة في المخيمات'], headlines: [{ text: 'واشنطن تبحث مستقبل قواتها', from: 'JSON-LD NewsArticle headline' }] };
    assert.match(decidePageHeadline(differ).problem ?? '', /differ; pass --title/);
    const several = { ...empty(), h1: ['خبر أول عن الرقة', 'خبر ثان عن الباغوز'] };
    assert.match(decidePageHeadline(several).problem ?? '', /2 <h1> headlines/);
  });
});

describe('the date a page states', () => {
  it('is the calendar date written, never moved through UTC', () => {
    assert.equal(statedCalendarDate('2019-03-23T01:30:00+03:00'), '2019-03-23');
    assert.equal(statedCalendarDate('2019-03-22T23:30:00Z'), '2019-03-22');
    assert.equal(statedCalendarDate('2019-03-23 10:00:00'), '2019-03-23');
    assert.equal(statedCalendarDate('السبت 23 مارس 2019'), '2019-03-23');
    assert.equal(statedCalendarDate('2019-02-30T00:00:00Z'), undefined);
    assert.equal(statedCalendarDate('yesterday'), undefined);
  });

  const md = (published: string) => ({ ...empty(), published: [{ text: published, from: 'JSON-LD NewsArticle datePublished' }] });
  const none = { seen: [], problem: 'no publication date found in the text; pass --date YYYY-MM-DD' };

  it('is taken when the text agrees or says nothing against it', () => {
    const agreeing = reconcilePageDate(md('2019-03-23T10:00:00+03:00'), { seen: [], date: '2019-03-23', basis: 'stated', evidence: 'the date line' }, { text: '', today });
    assert.equal(agreeing.date, '2019-03-23');
    assert.match(agreeing.evidence ?? '', /agreeing with the date line/);
    const alone = reconcilePageDate(md('2019-03-23'), none, { text: 'في 20 آذار 2019 بدأ الهجوم', today });
    assert.deepEqual([alone.date, alone.basis], ['2019-03-23', 'stated']);
  });

  it('asks when the text says otherwise: another date line, a later date, years of distance, the future', () => {
    const other = reconcilePageDate(md('2019-03-24'), { seen: [], date: '2019-03-23', basis: 'stated', evidence: 'the date line "23.03.2019"' }, { text: '', today });
    assert.match(other.problem ?? '', /says 2019-03-24, but the date line "23.03.2019" says 2019-03-23/);
    const later = reconcilePageDate(md('2019-03-01'), none, { text: 'وفي 23 آذار 2019 أعلنت', today });
    assert.match(later.problem ?? '', /a later date/);
    const years = reconcilePageDate(md('2023-06-14'), none, { text: 'في تشرين الأول 2017', today });
    assert.match(years.problem ?? '', /years after the latest year the text mentions \(2017\)/);
    const future = reconcilePageDate(md('2027-01-01'), none, { text: '', today });
    assert.match(future.problem ?? '', /in the future/);
    assert.equal(
      reconcilePageDate(md('2019-03-24'), { seen: [], date: '2019-03-23', basis: 'editor', evidence: '--date' }, { explicit: '2019-03-23', text: '', today }).date,
      '2019-03-23',
    );
  });

  it('finds a publication date line under a label, never an update date', () => {
    assert.equal(publicationDateLine('نشر في 17/10/2017'), '17/10/2017');
    assert.equal(publicationDateLine('تاريخ النشر: 17/10/2017'), '17/10/2017');
    assert.equal(publicationDateLine('آخر تحديث: 18/10/2017'), undefined);
    assert.equal(publicationDateLine('قال إن 17/10/2017 يوم مهم'), undefined);
  });
});

describe('the author and the text', () => {
  it('is a name: not the outlet, not markup, an address or a sentence', () => {
    const outlets = {};
    const md = (...authors: string[]) => ({
      ...empty(),
      siteNames: [{ text: 'عنب بلدي', from: 'og:site_name' }],
      authors: authors.map((text) => ({ text, from: '<meta name="author">' })),
    });
    assert.equal(pageAuthor(md('بقلم: سلمى الحسن'), undefined, outlets)?.text, 'سلمى الحسن');
    assert.equal(pageAuthor(md('عنب بلدي'), undefined, outlets), undefined);
    assert.equal(pageAuthor(md('<img src=x onerror=alert(1)>'), undefined, outlets), undefined);
    assert.equal(pageAuthor(md('https://example.com/author/x'), 'كتب: جوان محمد', outlets)?.text, 'جوان محمد');
  });

  it('writes one block a line, and no script, style, form or caption text', () => {
    const { document } = parseHTML(
      '<div><p>أول <b>سطر</b></p><script>x()</script><style>p{}</style><p>ثان<br>ثالث</p><figure><img src=x><figcaption>تعليق</figcaption></figure><form><button>زر</button></form><table><tr><td>أ</td><td>ب</td></tr></table></div>',
    );
    const { lines, captions } = blockLines(document.querySelector('div')!);
    assert.deepEqual(lines, ['أول سطر', 'ثان', 'ثالث', 'أ ب']);
    assert.equal(captions, 1);
  });
});

describe('a damaged UTF-8 page', () => {
  it('is refused, not read as Windows-1256 gibberish', () => {
    const good = bytes(`<html><head><meta charset="utf-8"></head><body><p>${'قوات سوريا الديمقراطية تعلن السيطرة على الرقة '.repeat(5)}</p></body></html>`);
    const damaged = Uint8Array.from([...good.subarray(0, 80), 0xff, ...good.subarray(80)]);
    const result = decodePage(damaged);
    assert.ok(!result.ok);
    assert.match(result.message, /damaged bytes.*save the page again/);
  });
});

describe('the outlet a page names', () => {
  const outlets = {
    aljazeera: { name_ar: 'الجزيرة نت', name_en: 'Al Jazeera (Arabic)', domains: ['aljazeera.net'] },
    'al-arabiya': { name_ar: 'العربية', name_en: 'Al Arabiya', domains: ['alarabiya.net'] },
  } as unknown as Parameters<typeof pageOutletEvidence>[1];
  const md = { ...empty(), siteNames: [{ text: 'Al Arabiya', from: 'og:site_name' }], urls: [{ text: 'https://www.aljazeera.net/news/1', from: '<link rel="canonical">' }] };

  it('matches the site name, Arabic or Latin, and reports a name outlets.yml lacks', () => {
    assert.deepEqual(pageOutletEvidence(md, outlets).evidence, [{ key: 'al-arabiya', why: 'the page\'s og:site_name "Al Arabiya"' }]);
    assert.deepEqual(
      pageOutletEvidence({ ...empty(), siteNames: [{ text: 'صوت البادية', from: 'og:site_name' }] }, outlets).unknownNames.map((n) => n.text),
      ['صوت البادية'],
    );
  });

  it("counts the page's own address only when --url names another one", () => {
    assert.ok(pageOutletEvidence(md, outlets, 'https://mirror.example/copy').evidence.some((e) => e.key === 'aljazeera'));
    assert.ok(!pageOutletEvidence(md, outlets, 'https://aljazeera.net/news/1').evidence.some((e) => e.key === 'aljazeera'));
    assert.equal(
      outletConflict('al-arabiya', pageOutletEvidence(md, outlets, 'https://mirror.example/copy').evidence),
      'the page\'s <link rel="canonical"> on aljazeera.net names aljazeera, but the address points to al-arabiya',
    );
  });
});

describe('a page in another language', () => {
  it('is refused when its <html lang> is not Arabic and its text is mostly not Arabic', () => {
    const md = (lang?: string) => ({ ...empty(), lang });
    assert.match(pageInAnotherLanguage(md('en'), 'Raqqa fell today (الرقة), officials said') ?? '', /another language \(<html lang="en">/);
    assert.equal(pageInAnotherLanguage(md('en'), 'سقطت الرقة اليوم بحسب المسؤولين'), undefined, 'a mislabelled Arabic page');
    assert.equal(pageInAnotherLanguage(md(undefined), 'Raqqa'), undefined);
    assert.equal(pageInAnotherLanguage(md('ar-SY'), 'Raqqa'), undefined);
  });
});

describe('a page with only a <title>', () => {
  it("takes the heading that agrees with the <title>, and the title's other part as the site's name", () => {
    const md = { ...empty(), title: 'عنب بلدي | منظمات تحذر من الأمراض في مخيم الهول' };
    assert.equal(headlineFromTitle(md, ['سوريا', 'منظمات تحذر من الأمراض في مخيم الهول', 'نص'])?.text, 'منظمات تحذر من الأمراض في مخيم الهول');
    assert.equal(headlineFromTitle(md, ['سطر آخر لا علاقة له بالعنوان']), undefined);
    assert.equal(siteNameFromTitle(md, 'منظمات تحذر من الأمراض في مخيم الهول'), 'عنب بلدي');
    assert.equal(siteNameFromTitle({ ...empty(), title: 'عنوان واحد بلا فاصل' }, 'عنوان واحد بلا فاصل'), undefined);
  });

  it('reads a base64 MHTML part too', () => {
    const html = Buffer.from('<html lang="ar"><p>الرقة</p></html>').toString('base64');
    const file = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${html.slice(0, 20)}\r\n${html.slice(20)}\r\n--b--\r\n`;
    const result = htmlPartOfMhtml(bytes(file));
    assert.ok(result.ok);
    assert.equal(new TextDecoder().decode(result.page.html), '<html lang="ar"><p>الرقة</p></html>');
  });
});
