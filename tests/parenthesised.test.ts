/** A gloss in parentheses whose text holds parentheses of its own: «(DW Arabic (Deutsche Welle))» no more. */
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
