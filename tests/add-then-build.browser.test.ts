/**
 * The routine a user follows: copy an article off the web into a text file, run `npm run add`,
 * then `npm run build`. The sixth article must then appear everywhere it belongs: its own page,
 * its outlet's, its places', its event's, its year's, the feed, and search in Chromium.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { launchChromium } from '../src/bench/chromium.ts';
import { serveStatic, type StaticServer } from '../src/core/static-server.ts';
import { copySeedContent, readSiteFile, tempDir } from './helpers/site.ts';

const RAW = [
  'الرئيسية',
  'سوريا',
  'بدء إزالة الألغام في الباغوز بعد يوم من إعلان النصر',
  'الأحد 24 آذار/مارس 2019',
  'بدأت فرق هندسية تابعة لقوات سوريا الديمقراطية اليوم الأحد إزالة الألغام والعبوات الناسفة من أحياء بلدة الباغوز في ريف دير الزور الشرقي، بعد يوم واحد من إعلان القضاء على آخر جيب لتنظيم داعش.',
  'وقال قائد ميداني إن الفرق تعمل في المنازل والأنفاق التي تركها مقاتلو التنظيم، وإن عودة السكان لن تكون ممكنة قبل انتهاء أعمال التمشيط بشكل كامل.',
  'وكان آلاف المدنيين قد نزحوا من البلدة خلال الأسابيع الماضية إلى مخيم الهول في محافظة الحسكة، حيث تعمل منظمات إغاثية على تأمين الخيام والمياه والأدوية.',
  'المصدر: الخليج',
  'اقرأ أيضاً',
  'عنوان مقال آخر لا علاقة له بالخبر',
].join('\n\n');
const TITLE = 'بدء إزالة الألغام في الباغوز بعد يوم من إعلان النصر';

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ARSHIF_TODAY: '2026-11-21' } });
}

describe('add a sixth article, then build', () => {
  let siteDir: string;
  let id: string;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const contentDir = copySeedContent();
    const rawFile = join(tempDir(), 'مقال جديد من الويب.txt');
    writeFileSync(rawFile, RAW);
    const added = run(['src/cli/add.ts', rawFile, '--content', contentDir, '--json']);
    assert.equal(added.status, 0, added.stderr);
    const json = JSON.parse(added.stdout) as { article: { frontMatter: { id: string } } };
    id = json.article.frontMatter.id;
    siteDir = join(tempDir(), '_site');
    const built = run(['src/cli/build.ts', '--content', contentDir, '--output', siteDir, '--quiet']);
    assert.equal(built.status, 0, built.stderr);
    server = await serveStatic(siteDir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has its own page with its headline', () => {
    assert.match(id, /^2019-03-24-al-khaleej-/);
    assert.match(readSiteFile(siteDir, `articles/${id}/index.html`), new RegExp(`<h1[^>]*>${TITLE}</h1>`));
  });

  it('is listed on its outlet, place, event and year pages, and in the feed', () => {
    const link = `/articles/${id}/`;
    for (const page of [
      'outlets/al-khaleej/index.html',
      'places/baghuz/index.html',
      'events/baghuz-2019/index.html',
      'years/2019/index.html',
      'index.html',
      'feed.xml',
      'sitemap.xml',
    ]) {
      assert.ok(readSiteFile(siteDir, page).includes(link), `${page} links to the new article`);
    }
  });

  it('is found by search', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('الألغام')}`);
    await page.waitForSelector('[data-search-app][data-state="done"]', { timeout: 20_000 });
    const hrefs = await page.$$eval('[data-search-results] .search-result__title a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(
      hrefs.some((h) => h?.includes(id)),
      `results: ${hrefs.join(', ')}`,
    );
    await page.close();
  });
});
