/**
 * Citations (src/export/citation.ts) on fixture folders tests/fixtures/cite/<case>/:
 * `article.json` (what of an article a citation reads: id, title, outlet names, date, author,
 * original address, retrieval date), and the files citation-js writes from it, `expected.bib`,
 * `expected.ris`, `expected.csl.json` (UPDATE=1 rewrites them for review). Each file must also
 * read back to the article's own values: with citation-js, and with the strict readers of
 * tests/helpers/bibtex.ts and ris.ts. Then the page's citation meta tags and "cite this" text.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Cite } from '@citation-js/core';
import { citationEntry, citationText, citationView, cslItem, joinCitationEntries, latexEscape, toBibtex, toCslJson, toRis, type CitationFormat } from '../src/export/citation.ts';
import type { ArticleView } from '../src/model/views.ts';
import { displayDate } from '../src/model/format.ts';
import { getArchive } from '../src/model/load-archive.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { citationMetaTags } from '../src/model/seo.ts';
import { parseBibtex } from './helpers/bibtex.ts';
import { parseRis, risValues } from './helpers/ris.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'cite');
const cases = readdirSync(FIXTURES).sort();
const archive = getArchive(DEFAULT_CONTENT_DIR);
const site = archive.site;
const SHA = 'ab'.repeat(32);

interface CaseInput {
  id: string;
  title: string;
  outlet: { name_ar: string; name_en: string };
  date: string;
  author?: string;
  url?: string;
  retrieved?: string;
}

/** An article view carrying the fixture's values (the rest, which citations do not read, from a seed article). */
function articleOf(input: CaseInput): ArticleView {
  const base = archive.articles[0] as ArticleView;
  return {
    ...base,
    id: input.id,
    url: `/articles/${input.id}/`,
    title: input.title,
    outlet: { key: 'x', url: '/outlets/x/', ...input.outlet },
    date: displayDate(input.date),
    author: input.author ?? null,
    source: { file: 'sources/x.txt', href: '/sources/x.txt', sha256: SHA, url: input.url ?? null, retrieved: input.retrieved ? displayDate(input.retrieved) : null },
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function expectFile(dir: string, name: string, actual: string): void {
  const path = join(dir, name);
  if (process.env.UPDATE === '1' || !existsSync(path)) writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs (UPDATE=1 rewrites it; review the diff)`);
}

describe('citation files on fixtures', () => {
  it('has at least 6 cases', () => assert.ok(cases.length >= 6, `${cases.length} cases`));

  for (const name of cases) {
    describe(name, () => {
      const dir = join(FIXTURES, name);
      const input = JSON.parse(readFileSync(join(dir, 'article.json'), 'utf8')) as CaseInput;
      const article = articleOf(input);
      const item = cslItem(article, site);
      const title = oneLine(input.title);
      const archiveUrl = `${site.url}articles/${input.id}/`;
      const bib = toBibtex([item]);
      const ris = toRis([item]);
      const csl = toCslJson([item]);

      it('writes the expected files', () => {
        expectFile(dir, 'expected.bib', bib);
        expectFile(dir, 'expected.ris', ris);
        expectFile(dir, 'expected.csl.json', csl);
      });

      it('BibTeX reads back with a strict reader: Arabic intact, specials escaped', () => {
        const [entry, ...more] = parseBibtex(bib);
        assert.equal(more.length, 0);
        assert.ok(entry);
        assert.equal(entry.key, input.id);
        assert.equal(entry.fields.title, title);
        // CSL's rich-text tags (<b>, <i>…) in a value are formatting, written as \textbf{…}
        assert.equal(entry.fields.journal, oneLine(input.outlet.name_ar).replace(/<\/?(?:b|i|sc|sup|sub)>/g, ''));
        assert.equal(entry.fields.year, input.date.slice(0, 4));
        assert.equal(entry.fields.author, input.author ? oneLine(input.author) : undefined);
        assert.match(entry.fields.note ?? '', new RegExp(`sha256: ${SHA}`));
        assert.ok((entry.fields.note ?? '').includes(archiveUrl));
        if (input.retrieved) assert.ok((entry.fields.note ?? '').includes(`retrieved ${input.retrieved}`));
        // braces, which would end the value, are percent-encoded in an address
        assert.equal(entry.fields.url, (input.url ?? archiveUrl).replace(/\{/g, '%7B').replace(/\}/g, '%7D'));
      });

      it('BibTeX reads back with citation-js to the same title, outlet and date', () => {
        const [back] = new Cite(bib).data as Array<Record<string, unknown>>;
        assert.ok(back);
        assert.equal(back.title, title);
        assert.equal(back['container-title'], oneLine(input.outlet.name_ar));
        assert.deepEqual(back.issued, { 'date-parts': [input.date.split('-').map(Number)] });
      });

      it('RIS reads back with a strict reader and with citation-js', () => {
        const [record, ...more] = parseRis(ris);
        assert.equal(more.length, 0);
        assert.ok(record);
        assert.deepEqual(risValues(record, 'TY'), ['NEWS']);
        assert.deepEqual(risValues(record, 'TI'), [title]);
        assert.deepEqual(risValues(record, 'T2'), [oneLine(input.outlet.name_ar)]);
        assert.deepEqual(risValues(record, 'DA'), [`${input.date.replace(/-/g, '/')}/`]);
        assert.deepEqual(risValues(record, 'AU'), input.author ? [oneLine(input.author)] : []);
        assert.deepEqual(risValues(record, 'UR'), [input.url ?? archiveUrl]);
        assert.deepEqual(risValues(record, 'LA'), ['ar']);
        const [back] = new Cite(ris).data as Array<Record<string, unknown>>;
        assert.ok(back);
        assert.equal(back.title, title);
        assert.equal(back['container-title'], oneLine(input.outlet.name_ar));
        assert.equal(back.URL, input.url ?? archiveUrl);
      });

      it('CSL-JSON is JSON that citation-js reads back', () => {
        const data = JSON.parse(csl) as Array<Record<string, unknown>>;
        assert.equal(data.length, 1);
        const [back] = new Cite(data).data as Array<Record<string, unknown>>;
        assert.ok(back);
        assert.equal(back.title, title);
        assert.equal(back.type, 'article-newspaper');
        assert.equal(back.archive_location, archiveUrl);
        assert.deepEqual(back.accessed, input.retrieved ? { 'date-parts': [input.retrieved.split('-').map(Number)] } : undefined);
      });
    });
  }

  it("a file of many records is its records' parts joined, byte for byte, in any order and number", () => {
    const items = [
      ...cases.map((name) => cslItem(articleOf(JSON.parse(readFileSync(join(FIXTURES, name, 'article.json'), 'utf8')) as CaseInput), site)),
      ...archive.articles.map((a) => cslItem(a, site)),
    ];
    const orders = [items, [...items].reverse(), items.filter((_, i) => i % 2 === 1)];
    for (const format of ['bibtex', 'ris', 'csl'] as CitationFormat[]) {
      for (const order of orders) {
        for (let n = 0; n <= order.length; n++) {
          const some = order.slice(0, n);
          const parts = some.map((item) => citationEntry(item, format));
          assert.equal(joinCitationEntries(format, parts), citationText(some, format), `${format}, ${n} records`);
        }
      }
    }
  });

  it('restores citation-js settings after writing BibTeX (others get its defaults)', () => {
    toBibtex([cslItem(archive.articles[0] as ArticleView, site)]);
    const out = new Cite({ id: 'k', type: 'book', title: 'كتاب', issued: { 'date-parts': [[2000]] } }).format('bibtex') as string;
    assert.match(out, /title = \{\s*\}/, 'asciiOnly is back on');
  });

  it('escapes every LaTeX special character', () => {
    assert.equal(latexEscape('a&b%c$d#e_f{g}h\\i~j^k'), 'a\\&b\\%c\\$d\\#e\\_f\\{g\\}h\\textbackslash{}i\\textasciitilde{}j\\textasciicircum{}k');
  });
});

describe('citation meta tags and the cite-this text (seed articles)', () => {
  for (const a of archive.articles) {
    it(a.id, () => {
      const tags = new Map<string, string[]>();
      for (const t of citationMetaTags(a, site)) tags.set(t.key, [...(tags.get(t.key) ?? []), t.content]);
      const url = `${site.url}articles/${a.id}/`;
      assert.deepEqual(tags.get('citation_title'), [a.title]);
      assert.deepEqual(tags.get('citation_publication_date'), [a.date.iso.replace(/-/g, '/')]);
      assert.deepEqual(tags.get('citation_journal_title'), [a.outlet.name_ar]);
      assert.deepEqual(tags.get('citation_author'), a.author ? [a.author] : undefined);
      assert.deepEqual(tags.get('citation_public_url'), [url]);
      assert.deepEqual(tags.get('DC.title'), [a.title]);
      assert.deepEqual(tags.get('DC.date'), [a.date.iso]);
      assert.deepEqual(tags.get('DC.identifier'), [url]);
      assert.deepEqual(tags.get('DC.relation'), [`sha256:${a.source.sha256}`]);

      const view = citationView(a, site);
      for (const text of [view.arabic, view.latin]) {
        assert.ok(text.includes(a.title.replace(/\s+/g, ' ')), 'headline');
        assert.ok(text.includes(url), 'archive address');
        assert.ok(text.includes(a.source.sha256), 'sha256');
      }
      assert.ok(view.arabic.includes(a.outlet.name_ar) && view.arabic.includes(a.date.arabic));
      assert.ok(view.latin.includes(a.outlet.name_en));
      assert.equal(view.arabic.includes('تاريخ النسخ'), a.source.retrieved !== null, 'retrieval date only when known');
      assert.deepEqual(view.downloads, { bibtex: `${a.url}cite.bib`, ris: `${a.url}cite.ris`, csl: `${a.url}cite.json` });
    });
  }
});
