/**
 * The search index in shards, and the shards kept between builds (src/search/index-site.ts):
 * a shard comes from the cache only when nothing that went into it changed, a kept shard is
 * byte-for-byte what indexing it again gives, and changing one page re-indexes its shard only.
 */
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { indexSite, SHARDS_PATH, type ShardList } from '../src/search/index-site.ts';
import type { SearchLexicon } from '../src/analysis/lexicon.ts';
import { fingerprint } from './helpers/hostile.ts';
import { seedSiteDir, summariseSite, tempDir } from './helpers/site.ts';

describe('search index shards kept between builds', () => {
  let work: string;
  let site: string;
  let cacheDir: string;
  let lexicon: SearchLexicon;

  before(async () => {
    work = tempDir('arshif-shards-');
    site = join(work, 'site');
    cpSync(await seedSiteDir(), site, { recursive: true });
    cacheDir = join(work, 'cache');
    lexicon = JSON.parse(readFileSync(join(site, 'assets/search-lexicon.json'), 'utf8')) as SearchLexicon;
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const index = (options: { cacheDir?: string | null } = { cacheDir }) => indexSite(site, summariseSite(site).pages, lexicon, { ...options, shardPages: 1 });
  const bundle = () => fingerprint(join(site, 'pagefind'));

  it('indexes each shard once, then takes them all from the cache, unchanged', async () => {
    const first = await index();
    assert.deepEqual(first.shards, ['2017-09_2017-10', '2019-03_2019-04']);
    assert.deepEqual(first.indexed, first.shards);
    assert.equal(first.pages, 5);
    const list = JSON.parse(readFileSync(join(site, SHARDS_PATH), 'utf8')) as ShardList;
    assert.deepEqual(list.shards, [
      { id: '2017-09_2017-10', path: '/pagefind/' },
      { id: '2019-03_2019-04', path: '/pagefind/2019-03_2019-04/' },
    ]);
    const built = bundle();
    assert.ok(Object.keys(built).includes('pagefind.js') && !Object.keys(built).includes('2019-03_2019-04/pagefind.js'), 'the script is in the first shard only');

    const second = await index();
    assert.deepEqual(second.indexed, []);
    assert.deepEqual(bundle(), built);

    const fresh = await index({ cacheDir: null });
    assert.deepEqual(fresh.indexed, fresh.shards);
    assert.deepEqual(bundle(), built, 'a kept shard is what indexing it again gives');
  });

  it('re-indexes only the shard of a changed page, and forgets the shard it replaces', async () => {
    await index();
    const before = bundle();
    const page = readdirSync(join(site, 'articles'), { recursive: true, encoding: 'utf8' })
      .map((name) => join(site, 'articles', name))
      .find((path) => path.endsWith('.html') && readFileSync(path, 'utf8').includes('date:2019-03-13'));
    assert.ok(page, 'a page of 2019-03-13');
    const html = readFileSync(page, 'utf8');
    writeFileSync(page, html.replace(/(<article\b[^>]*data-pagefind-body[^>]*>)/, '$1<p>كلمةمضافة</p>'));

    const report = await index();
    assert.deepEqual(report.indexed, ['2019-03_2019-04']);
    const now = bundle();
    const firstShard = (files: Record<string, string>) => Object.entries(files).filter(([path]) => !path.startsWith('2019-03_2019-04/') && path !== 'shards.json');
    assert.deepEqual(firstShard(now), firstShard(before), 'the other shard is untouched');
    assert.notDeepEqual(now, before);
    assert.equal(readdirSync(join(cacheDir, 'search-shards')).length, 2, 'the replaced shard was dropped from the cache');
  });
});
