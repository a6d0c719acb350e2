/**
 * The build post-processes its site from a summary of the pages Eleventy returned
 * (src/site/post-process.ts: summariseWritten), never from the files on disk; this checks that
 * post-processing the written pages again gives the same fonts and search index, byte for byte.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { SearchLexicon } from '../src/analysis/lexicon.ts';
import { postProcessSite, summariseWritten } from '../src/site/post-process.ts';
import { fingerprint } from './helpers/hostile.ts';
import { seedSiteDir, summariseSite, tempDir } from './helpers/site.ts';

describe('post-processing', () => {
  const work = tempDir('arshif-post-');
  after(() => rmSync(work, { recursive: true, force: true }));

  it('gives the same fonts and index from a summary of the written pages as the build did', async () => {
    const built = await seedSiteDir();
    const site = join(work, 'site');
    cpSync(built, site, { recursive: true });
    const lexicon = JSON.parse(readFileSync(join(site, 'assets/search-lexicon.json'), 'utf8')) as SearchLexicon;
    await postProcessSite(site, lexicon, summariseSite(site));
    assert.deepEqual(fingerprint(join(site, 'fonts')), fingerprint(join(built, 'fonts')));
    assert.deepEqual(fingerprint(join(site, 'pagefind')), fingerprint(join(built, 'pagefind')));
  });

  it('summarises HTML pages only, and takes article pages only for the index', () => {
    const summary = summariseWritten([
      { path: 'index.html', html: '<p>\uFEFB</p>' },
      { path: 'feed.xml', html: '<t>\uFDF2</t>' },
      { path: 'articles/a/index.html', html: '<article data-pagefind-body><span data-pagefind-sort="date:2019-03-23"></span>\uFEF5</article>' },
      { path: 'articles/index.html', html: '<ul><li>list</li></ul>' },
    ]);
    assert.ok(summary.characters.arabic.includes('\uFEFB') && summary.characters.arabic.includes('\uFEF5'), 'from both pages');
    assert.ok(!summary.characters.arabic.includes('\uFDF2'), 'not from a feed');
    assert.deepEqual(
      summary.pages.map((d) => [d.path, d.date]),
      [['articles/a/index.html', '2019-03-23']],
    );
  });
});
