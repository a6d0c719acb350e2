/** The pages' text filters: a gloss in parentheses that holds its own («(DW Arabic (Deutsche Welle))» no more), and counts with their noun. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parenthesised } from '../src/site/filters.ts';
import { readSiteFile, seedSiteDir } from './helpers/site.ts';

describe('parenthesised', () => {
  it('turns inner parentheses to brackets', () => {
    assert.equal(parenthesised('DW Arabic (Deutsche Welle)'), '(DW Arabic [Deutsche Welle])');
    assert.equal(parenthesised('Al-Khaleej'), '(Al-Khaleej)');
    assert.equal(parenthesised('Euphrates (river)'), '(Euphrates [river])');
  });

  it('leaves no doubled parentheses on the pages that gloss an English name', async () => {
    const site = await seedSiteDir();
    for (const path of ['articles/2019-03-23-dw-arabic-sdf-declares-end-of-caliphate/index.html', 'outlets/dw-arabic/index.html', 'places/euphrates/index.html']) {
      const html = readSiteFile(site, path);
      assert.doesNotMatch(html, /\([^()<>]*\([^()<>]*\)\)/, path);
    }
    assert.match(readSiteFile(site, 'articles/2019-03-23-dw-arabic-sdf-declares-end-of-caliphate/index.html'), /\(DW Arabic \[Deutsche Welle\]\)/);
  });
});

describe('count', () => {
  it('gives a number its noun in the form Arabic wants', async () => {
    const { countWith } = await import('../src/site/filters.ts');
    assert.equal(countWith(12, 'word'), '12 كلمةً');
    assert.equal(countWith(105, 'word'), '105 كلمات');
    assert.equal(countWith(100, 'word'), '100 كلمة');
    assert.equal(countWith(2, 'article'), 'مقالان');
    assert.throws(() => countWith(3, 'nothing' as never), /no noun "nothing"/);
  });
});
