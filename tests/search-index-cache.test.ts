/**
 * The search index in shards, and the shards kept between builds (src/search/index-site.ts):
 * a shard comes from the cache only when nothing that went into it changed, a kept shard is
 * byte-for-byte what indexing it again gives, and changing one page re-indexes its shard only.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { indexSite, SHARDS_PATH, type ShardList } from '../src/search/index-site.ts';
import { canonicalisePagefind, PagefindFormatError, readBundle, type PagefindFiles } from '../src/search/pagefind-canonical.ts';
import { fragmentUrl, maskPages } from '../src/search/pagefind-mask.ts';
import { maskCarried, type MaskRecord } from '../src/search/carried-masks.ts';
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

  const index = (options: { cacheDir?: string | null; deltaPages?: number } = { cacheDir }) =>
    indexSite(site, summariseSite(site).pages, lexicon, { cacheDir, ...options, shardPages: 1 });
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

  it('writes the same bytes on another filesystem (tmpfs), whose folders list files in another order', { skip: !existsSync('/dev/shm') && 'no /dev/shm' }, async () => {
    await index({ cacheDir: null });
    const here = bundle();
    const there = mkdtempSync('/dev/shm/arshif-shards-');
    try {
      await indexSite(there, summariseSite(site).pages, lexicon, { cacheDir: null, shardPages: 1 });
      assert.deepEqual(fingerprint(join(there, 'pagefind')), here);
    } finally {
      rmSync(there, { recursive: true, force: true });
    }
  });

  it('re-indexes only the shard of a changed page when no delta is allowed, and forgets the shard it replaces', async () => {
    await index({ deltaPages: 0 });
    const before = bundle();
    const page = readdirSync(join(site, 'articles'), { recursive: true, encoding: 'utf8' })
      .map((name) => join(site, 'articles', name))
      .find((path) => path.endsWith('.html') && readFileSync(path, 'utf8').includes('date:2019-03-13'));
    assert.ok(page, 'a page of 2019-03-13');
    const html = readFileSync(page, 'utf8');
    writeFileSync(page, html.replace(/(<article\b[^>]*data-pagefind-body[^>]*>)/, '$1<p>كلمةمضافة</p>'));

    const report = await index({ deltaPages: 0 });
    assert.deepEqual(report.indexed, ['2019-03_2019-04']);
    assert.equal(report.delta, 0);
    const now = bundle();
    const firstShard = (files: Record<string, string>) => Object.entries(files).filter(([path]) => !path.startsWith('2019-03_2019-04/') && path !== 'shards.json');
    assert.deepEqual(firstShard(now), firstShard(before), 'the other shard is untouched');
    assert.notDeepEqual(now, before);
    assert.deepEqual(readdirSync(join(cacheDir, 'search-shards')).filter((name) => !name.endsWith('.json')).length, 2, 'the replaced shard was dropped from the cache');
  });

  it('puts a changed page into the delta and masks it in its shard, whose word index stays as it was', async () => {
    const page = readdirSync(join(site, 'articles'), { recursive: true, encoding: 'utf8' })
      .map((name) => join(site, 'articles', name))
      .find((path) => path.endsWith('.html') && readFileSync(path, 'utf8').includes('date:2019-03-23'));
    assert.ok(page, 'a page of 2019-03-23');
    const original = readFileSync(page, 'utf8');
    try {
      const base = await index();
      assert.equal(base.delta, 0);
      const before = bundle();
      writeFileSync(page, original.replace(/(<article\b[^>]*data-pagefind-body[^>]*>)/, '$1<p>كلمةأخرى</p>'));

      const report = await index();
      assert.deepEqual(report.indexed, ['delta']);
      assert.deepEqual([report.delta, report.masked], [1, 1]);
      const now = bundle();
      const list = JSON.parse(readFileSync(join(site, SHARDS_PATH), 'utf8')) as ShardList;
      assert.deepEqual(list.delta, { id: 'delta', path: '/pagefind/delta/' });
      assert.equal(list.masked, true);
      const of = (files: Record<string, string>, prefix: string, kind: RegExp) =>
        Object.entries(files).filter(([path]) => path.startsWith(prefix) && kind.test(path.slice(prefix.length)));
      const shard = '2019-03_2019-04/';
      assert.deepEqual(of(now, shard, /^index\//), of(before, shard, /^index\//), "the shard's words are its base's");
      const gone = of(before, shard, /^fragment\//).filter(([path]) => !(path in now));
      assert.equal(gone.length, 1, "the masked page's fragment (its old text) is not published");
      assert.deepEqual(
        of(now, shard, /^fragment\//),
        of(before, shard, /^fragment\//).filter(([path]) => path in now),
        "the other fragments are its base's",
      );
      assert.notDeepEqual(of(now, shard, /^pagefind\./), of(before, shard, /^pagefind\./), 'its meta index has the mask');
      assert.ok(Object.keys(now).some((path) => path.startsWith('delta/index/')));
      assert.ok(!Object.keys(now).some((path) => path.startsWith('delta/pagefind.js')), "the delta has no copy of Pagefind's script");

      const again = await index();
      assert.deepEqual(again.indexed, [], 'the delta is kept too');
      assert.deepEqual(bundle(), now);
    } finally {
      writeFileSync(page, original);
    }
  });

  it("carries a shard's masking to the next build, which masks only the pages newly masked, with the bytes of masking them at once", async () => {
    const pageOf = (date: string) => {
      const found = readdirSync(join(site, 'articles'), { recursive: true, encoding: 'utf8' })
        .map((name) => join(site, 'articles', name))
        .find((path) => path.endsWith('.html') && readFileSync(path, 'utf8').includes(`date:${date}`));
      assert.ok(found, `a page of ${date}`);
      return found;
    };
    const edited = [pageOf('2019-03-13'), pageOf('2019-03-23')];
    const originals = edited.map((path) => readFileSync(path, 'utf8'));
    const edit = (i: number) => writeFileSync(edited[i]!, originals[i]!.replace(/(<article\b[^>]*data-pagefind-body[^>]*>)/, `$1<p>كلمة${i}</p>`));
    const cacheAtBase = join(work, 'cache-at-base');
    /** The cache as it was before any page was masked: each shard its base alone. */
    const forgetMasking = () => {
      rmSync(cacheDir, { recursive: true, force: true });
      cpSync(cacheAtBase, cacheDir, { recursive: true });
    };
    const records = () => readdirSync(join(cacheDir, 'search-shards')).filter((name) => name.endsWith('.mask.json'));
    try {
      assert.equal((await index()).delta, 0);
      cpSync(cacheDir, cacheAtBase, { recursive: true });

      edit(0);
      const one = await index();
      assert.deepEqual([one.masked, one.maskedNow], [1, 1]);
      assert.equal(records().length, 1, "the masking's record is kept beside its base");
      const maskedOne = bundle();
      const same = await index();
      assert.deepEqual([same.masked, same.maskedNow, same.indexed.length], [1, 0, 0], 'the same pages masked: the masking carried as it is');
      assert.deepEqual(bundle(), maskedOne);

      edit(1);
      const two = await index();
      assert.deepEqual([two.masked, two.maskedNow], [2, 1], 'only the page newly masked is masked');
      const maskedTwo = bundle();
      forgetMasking();
      const atOnce = await index();
      assert.deepEqual([atOnce.masked, atOnce.maskedNow], [2, 2]);
      assert.deepEqual(bundle(), maskedTwo, 'masked in two builds: the bytes of masking both at once');

      writeFileSync(edited[0]!, originals[0]!);
      const fewer = await index();
      assert.deepEqual([fewer.masked, fewer.maskedNow], [1, 1], 'a page no longer masked: masked from the base again');
      const maskedFewer = bundle();
      forgetMasking();
      await index();
      assert.deepEqual(bundle(), maskedFewer);
      assert.notDeepEqual(maskedFewer, maskedOne, 'another page masked');
    } finally {
      for (const [i, path] of edited.entries()) writeFileSync(path, originals[i]!);
    }
  });
});

describe('a shard masked again (src/search/pagefind-mask.ts)', () => {
  let work: string;
  let site: string;
  let base: PagefindFiles;
  /** The site paths of the shard 2019-03_2019-04's four pages. */
  let paths: string[];

  before(async () => {
    work = tempDir('arshif-mask-');
    site = join(work, 'site');
    cpSync(await seedSiteDir(), site, { recursive: true });
    const lexicon = JSON.parse(readFileSync(join(site, 'assets/search-lexicon.json'), 'utf8')) as SearchLexicon;
    const pages = summariseSite(site).pages;
    await indexSite(site, pages, lexicon, { cacheDir: null, shardPages: 1 });
    base = readBundle(join(site, 'pagefind', '2019-03_2019-04'));
    paths = pages
      .filter((page) => page.date.startsWith('2019-'))
      .map((page) => page.path)
      .sort();
    assert.equal(paths.length, 4);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('gives the bytes of masking the pages at once, masked one after the other', () => {
    const once = maskPages(base, paths.slice(0, 3));
    assert.notDeepEqual(once, base);
    assert.deepEqual(maskPages(maskPages(base, paths.slice(0, 1)), paths.slice(1, 3)), once);
    assert.deepEqual(maskPages(maskPages(maskPages(base, [paths[2]!]), [paths[0]!]), [paths[1]!]), once, 'in any order');
    assert.deepEqual(maskPages(once, []), once);
  });

  it('keeps the word index as it was, which is what the whole canonical pass would write', () => {
    const masked = maskPages(maskPages(base, paths.slice(0, 1)), paths.slice(1, 2));
    const words = (files: PagefindFiles) => [...files].filter(([path]) => path.startsWith('index/'));
    assert.deepEqual(words(masked), words(base));
    assert.deepEqual(canonicalisePagefind(masked), masked, 'the masked bundle is canonical');
  });

  it("reads a fragment's address from the start of its text, as from the whole", () => {
    const whole = (bytes: Buffer) => (JSON.parse(gunzipSync(bytes).subarray('pagefind_dcd'.length).toString('utf8')) as { url: unknown }).url;
    const fragments = [...base].filter(([path]) => path.startsWith('fragment/'));
    assert.equal(fragments.length, 4);
    for (const [, bytes] of fragments) assert.equal(fragmentUrl(bytes), whole(bytes));
    // text that does not compress: the fragments must be larger than the start read
    const noise = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 9973).toString(36)).join('');
    const fragment = (url: string) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content: noise(1000) })}`), { level: 9 });
    // an address past the start it reads, one with escapes, one in Arabic
    const long = `/articles/${noise(1000)}/`;
    for (const url of [long, '/articles/"quoted"\\/', '/مقالات/س/']) {
      const bytes = fragment(url);
      assert.ok(bytes.length > 512);
      assert.equal(fragmentUrl(bytes), url);
    }
  });

  it("starts from the last masking's record when it masked some of the pages, and from the base when it does not apply", () => {
    const atOnce = maskPages(base, paths.slice(0, 2));
    const first = maskCarried(base, paths.slice(0, 1));
    assert.ok(first.record && first.fresh);
    assert.deepEqual(first.record.masked, paths.slice(0, 1));
    const next = maskCarried(base, paths.slice(0, 2), first.record);
    assert.deepEqual([next.maskedNow, next.fresh], [1, true]);
    assert.deepEqual(next.files, atOnce);
    const same = maskCarried(base, paths.slice(0, 2), next.record);
    assert.deepEqual([same.maskedNow, same.fresh], [0, false]);
    assert.deepEqual(same.files, atOnce);
    const record = first.record;
    const meta = Object.keys(record.added).find((path) => path.endsWith('.pf_meta'))!;
    for (const [why, other] of [
      ["another base's", { ...record, entry: '{}' }],
      ['removing a file the base lacks', { ...record, removed: [...record.removed, 'fragment/none.pf_fragment'] }],
      ['with a damaged meta index', { ...record, added: { ...record.added, [meta]: Buffer.from('not gzip').toString('base64') } }],
      ['of pages no longer masked', maskCarried(base, paths.slice(2, 3)).record!],
    ] as Array<[string, MaskRecord]>) {
      const done = maskCarried(base, paths.slice(0, 2), other);
      assert.equal(done.maskedNow, 2, why);
      assert.deepEqual(done.files, atOnce, why);
    }
    assert.deepEqual(maskCarried(base, [], record), { files: base, maskedNow: 0, record: undefined, fresh: false });
  });

  it('refuses a page masked already, and one the shard does not hold', () => {
    const masked = maskPages(base, paths.slice(0, 1));
    assert.throws(() => maskPages(masked, paths.slice(0, 1)), PagefindFormatError);
    assert.throws(() => maskPages(masked, ['articles/none/index.html']), PagefindFormatError);
  });
});
