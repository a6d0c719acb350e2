/**
 * A build with the cache renders only the pages whose render key changed and carries the rest
 * over from the previous site (src/site/carry-over.ts). Whatever changed, the site it writes must
 * be byte for byte the site a clean `--no-cache` build of the same project writes: every file,
 * the search index, the fonts and the manifest included (nothing is excluded).
 *
 * In a copy of the project (so that a template can be changed), the seed content and the
 * articles of tests/fixtures/incremental/base/ are built with a cache; then each kind of change
 * in turn is made, the site rebuilt with the cache, and compared with a clean build of the
 * changed project. Each step also checks that the change shows in the site (else the comparison
 * proves nothing) and how many pages were carried over (so that carrying is what is tested).
 *
 * What a page per item reads of the archive beside its item is part of its key (PAGE_READS,
 * src/site/page-keys.ts); a template that read more would carry stale pages over, so the last
 * test reads the templates for it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MANIFEST_NAME } from '../src/site/manifest.ts';
import { PAGE_READS } from '../src/site/page-keys.ts';
import { PAGE_LISTS } from '../src/site/page-lists.ts';
import { LAYOUTS_DIR, PAGES_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { copyProject } from './helpers/project-copy.ts';
import { runBuild, treeDifferences } from './helpers/site.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'incremental');

// No search delta shard: a rebuild then re-indexes each changed shard, so the whole site,
// /pagefind/ too, must be the clean build's (the delta's own test, search-delta.browser.test.ts,
// shows a site with one searches as the clean build does and differs only under /pagefind/).
const NO_DELTA = { ...process.env, ARSHIF_SEARCH_DELTA_PAGES: '0' };
const buildIn = (root: string, args: string[]) => runBuild(root, args, NO_DELTA);
// The builds with the cache render in batches of a few item pages a run (src/site/page-batches.ts),
// the clean builds in one run: which run renders a page must not change the site either.
const inBatches = (root: string, args: string[]) => runBuild(root, args, { ...NO_DELTA, ARSHIF_PAGE_BATCH: '5' });

/** Replaces `from` by `to` in a file of the copy, which must hold it. */
function edit(root: string, path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${path} holds ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** The manifest's files with their hashes, to tell whether a step changed the site at all. */
const manifestText = (site: string) => readFileSync(join(site, MANIFEST_NAME), 'utf8');

const CARRIED = /\((\d+) of (\d+) item pages carried over from the previous build\)/;

describe('a build with the cache writes what a clean build writes', () => {
  const root = copyProject();
  cpSync(join(FIXTURES, 'base'), join(root, 'content'), { recursive: true });
  const site = join(root, '_site');
  const cache = join(root, '.cache', 'incremental-test');
  let step = 0;

  /** Rebuilds with the cache and builds the same project clean, at once; returns the carried and keyed counts. */
  async function rebuildAndCompare({ changed = true } = {}): Promise<{ carried: number; keyed: number }> {
    step += 1;
    const before = existsSync(site) ? manifestText(site) : '';
    const clean = join(root, `_clean-${step}`);
    const [incremental, reference] = await Promise.all([inBatches(root, ['--output', site, '--cache-dir', cache]), buildIn(root, ['--output', clean, '--no-cache', '--quiet'])]);
    assert.equal(incremental.code, 0, incremental.output);
    assert.equal(reference.code, 0, reference.output);
    const counts = CARRIED.exec(incremental.output);
    assert.ok(counts, `the build says how many pages it carried over:\n${incremental.output}`);
    assert.deepEqual(treeDifferences(site, clean, ['the incremental build', 'the clean build']), []);
    if (changed) assert.notEqual(manifestText(site), before, 'the change shows in the site');
    else assert.equal(manifestText(site), before, 'the site is the same');
    rmSync(clean, { recursive: true, force: true });
    return { carried: Number(counts[1]), keyed: Number(counts[2]) };
  }

  it('builds the seed and fixture articles with an empty cache', async () => {
    const { carried, keyed } = await rebuildAndCompare();
    assert.equal(carried, 0);
    assert.ok(keyed > 50, `${keyed} item pages`);
  });

  it('adds an article', async () => {
    cpSync(join(FIXTURES, 'added'), join(root, 'content'), { recursive: true });
    const { carried, keyed } = await rebuildAndCompare();
    assert.ok(carried > 0 && carried < keyed, `${carried} of ${keyed} carried`);
  });

  it('edits an article', async () => {
    edit(root, 'content/articles/2018-06-10-france24-arabic-deir-ezzor-river.md', 'زاد من صعوبة العمل', 'ضاعف صعوبة العمل');
    const { carried, keyed } = await rebuildAndCompare();
    assert.ok(carried > 0 && carried < keyed, `${carried} of ${keyed} carried`);
  });

  it('removes an article', async () => {
    rmSync(join(root, 'content/articles/2019-03-25-bbc-arabic-baghuz-camps.md'));
    rmSync(join(root, 'content/sources/incremental-2019-03-25-bbc-arabic-baghuz-camps.txt'));
    const { carried, keyed } = await rebuildAndCompare();
    assert.ok(carried > 0 && carried < keyed, `${carried} of ${keyed} carried`);
  });

  it('edits a place in the gazetteer', async () => {
    edit(root, 'content/data/places.yml', '  name: الرقة\n  name_en: Raqqa\n', '  name: الرقة\n  name_en: Ar-Raqqa\n');
    const { carried, keyed } = await rebuildAndCompare();
    assert.ok(carried > 0 && carried < keyed, `${carried} of ${keyed} carried`);
  });

  it('edits an outlet', async () => {
    edit(root, 'content/data/outlets.yml', 'name_en: Al Jazeera (Arabic)', 'name_en: Al Jazeera Net');
    const { carried, keyed } = await rebuildAndCompare();
    assert.ok(carried > 0 && carried < keyed, `${carried} of ${keyed} carried`);
  });

  it('edits an event', async () => {
    edit(root, 'content/events/raqqa-2017.md', 'خلّفت دماراً واسعاً', 'خلّفت دماراً هائلاً');
    const { carried, keyed } = await rebuildAndCompare();
    assert.ok(carried > 0 && carried < keyed, `${carried} of ${keyed} carried`);
  });

  it('renders again the pages the previous site lost or that were changed in it', async () => {
    // No content change: the damaged pages are rendered again, the others carried.
    const damaged = ['articles/2017-10-20-aljazeera-raqqa-returns/index.html', 'places/raqqa/index.html'];
    appendFileSync(join(site, damaged[0] as string), '<!-- edited by hand -->');
    rmSync(join(site, damaged[1] as string));
    const { carried, keyed } = await rebuildAndCompare({ changed: false });
    assert.equal(carried, keyed - damaged.length);
  });

  /** The page the damaged-site step rendered again (its file may be too new for its stamp to be kept). */
  const RENDERED_LAST = ['articles/2017-10-20-aljazeera-raqqa-returns/index.html'];

  /** Article pages of the site in place other than `except`, by site-relative path. */
  const articlePages = (except: readonly string[]) =>
    readdirSync(join(site, 'articles'))
      .map((id) => `articles/${id}/index.html`)
      .filter((path) => existsSync(join(site, path)) && !except.includes(path))
      .sort();

  /** The file's bytes with one ASCII letter of its markup changed: the same size, other bytes. */
  const sameSizeOtherBytes = (file: string): Buffer => {
    const bytes = readFileSync(file);
    const at = bytes.indexOf('<body');
    assert.ok(at >= 0, `${file} has a body`);
    bytes[at + 1] = 'B'.charCodeAt(0);
    return bytes;
  };

  it('trusts a page by its file (size, inode, time): rewritten in place or replaced, it is read and rendered again; touched, read and carried', async () => {
    // The files of the last build, carried or rendered more than STAMP_SETTLED_MS before it ended, have their stamps in the table.
    const [rewritten, replaced, touched] = articlePages(RENDERED_LAST).map((path) => join(site, path));
    assert.ok(rewritten && replaced && touched);
    writeFileSync(rewritten, sameSizeOtherBytes(rewritten)); // in place: the same inode, a new time
    const other = `${replaced}.other`;
    writeFileSync(other, sameSizeOtherBytes(replaced));
    const { atime, mtime } = statSync(replaced);
    utimesSync(other, atime, mtime);
    renameSync(other, replaced); // another inode, at the same time (to the microsecond)
    utimesSync(touched, new Date(), new Date()); // the same bytes, a new time
    const { carried, keyed } = await rebuildAndCompare({ changed: false });
    assert.equal(carried, keyed - 2, 'the rewritten and the replaced page are rendered again, the touched one carried');
  });

  it('takes a file rewritten with its size and time set back to the nanosecond as the page it was (what the stamp cannot tell; --verify tells)', async (t) => {
    const path = articlePages(RENDERED_LAST)[3] as string; // carried by the last build, by its stamp
    const file = join(site, path);
    const { mtimeNs } = statSync(file, { bigint: true });
    writeFileSync(file, sameSizeOtherBytes(file));
    execFileSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`, file]);
    if (statSync(file, { bigint: true }).mtimeNs !== mtimeNs) return t.skip('this filesystem cannot set a time to the nanosecond');
    const rebuilt = await buildIn(root, ['--output', site, '--cache-dir', cache]);
    assert.equal(rebuilt.code, 0, rebuilt.output);
    const counts = CARRIED.exec(rebuilt.output);
    assert.equal(counts?.[1], counts?.[2], 'every page carried, the rewritten one too');
    const verify = await buildIn(root, ['--verify', '--output', site]);
    assert.equal(verify.code, 1, verify.output);
    assert.match(verify.output, new RegExp(path.replaceAll('/', '\\/')));
    rmSync(file); // the next build renders it again
  });

  it('changes a template', async () => {
    edit(root, 'layouts/partials/site-footer.njk', 'روابط الموقع', 'روابط الأرشيف');
    const { carried } = await rebuildAndCompare();
    assert.equal(carried, 0);
  });
});

describe('what a page per item reads of the archive', () => {
  /** A template's text with the partials it includes or imports and its layout, each once. */
  function withPartials(path: string, seen = new Set<string>()): string {
    if (seen.has(path)) return '';
    seen.add(path);
    // Without comments: Nunjucks' {# … #}, and // lines in the front matter.
    const text = readFileSync(path, 'utf8')
      .replace(/\{#[\s\S]*?#\}/g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const used = [...text.matchAll(/\{%-?\s*(?:include|from|import)\s+"([^"]+)"/g)].map((m) => m[1] as string);
    const layout = /^\s*layout:\s*"?([\w.-]+\.njk)"?/m.exec(text)?.[1];
    if (layout) used.push(layout);
    return [text, ...used.map((name) => withPartials(join(LAYOUTS_DIR, name), seen))].join('\n');
  }

  it('is only its item and PAGE_READS, for every template of page-lists.ts', () => {
    for (const list of PAGE_LISTS) {
      const own = readFileSync(join(PAGES_DIR, list.template), 'utf8');
      assert.match(own, new RegExp(`pagination: \\{ data: "render\\.lists\\.${list.name}"`), `${list.template} paginates over render.lists.${list.name}`);
      const text = withPartials(join(PAGES_DIR, list.template));
      for (const m of text.matchAll(/\barchive\b(?:\.(\w+))?/g)) {
        assert.ok(
          m[1] && (PAGE_READS as readonly string[]).includes(m[1]),
          `${list.template} (or what it includes) reads archive${m[1] ? `.${m[1]}` : ' whole'}, which its render key does not hold (src/site/page-keys.ts: PAGE_READS)`,
        );
      }
      assert.doesNotMatch(text, /\bcollections\b|\bpagination\./, `${list.template} reads Eleventy's collections or pagination, which its render key does not hold`);
    }
  });

  it('every template that makes a page per item of the archive is in page-lists.ts', () => {
    const listed = new Set(PAGE_LISTS.map((l) => l.template));
    for (const name of readdirSync(PAGES_DIR).filter((n) => n.endsWith('.njk'))) {
      const data = /pagination:\s*\{\s*data:\s*"([^"]+)"/.exec(readFileSync(join(PAGES_DIR, name), 'utf8'))?.[1];
      if (data === undefined || data === 'exportNames') continue; // export-files.njk: the archive's files, each reading it whole, always rendered
      assert.ok(listed.has(name) && data.startsWith('render.lists.'), `${name} paginates over ${data}: list it in src/site/page-lists.ts and paginate over render.lists`);
    }
  });
});
