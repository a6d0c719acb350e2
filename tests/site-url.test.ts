/**
 * The site's public address as a build option: `--site-url` (or BuildOptions.siteUrl) over
 * site.yml's `url`, checked, with a warning on stderr when the address is still an example domain.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from '../src/cli/build.ts';
import { PROJECT_ROOT } from '../src/core/paths.ts';
import { effectiveSiteUrl, exampleUrlWarning, isExampleUrl, parseSiteUrl } from '../src/core/site-url.ts';
import { readSiteFile, tempDir } from './helpers/site.ts';

function buildCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'build.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ARSHIF_CACHE: '0', ARSHIF_SITE_URL: '' },
  });
}

describe('the site address', () => {
  it('is read as a base address ending in "/"', () => {
    assert.deepEqual(parseSiteUrl('https://archive.example.net'), { url: 'https://archive.example.net/' });
    assert.deepEqual(parseSiteUrl(' https://host.test/arshif '), { url: 'https://host.test/arshif/' });
    assert.deepEqual(parseSiteUrl('http://localhost:8080/'), { url: 'http://localhost:8080/' });
    for (const bad of ['archive.org', 'ftp://host.test/', 'javascript:alert(1)', 'https://host.test/?q=1', 'https://u:p@host.test/', '']) {
      const parsed = parseSiteUrl(bad);
      assert.ok('error' in parsed, bad);
      assert.match(parsed.error, /--site-url/);
    }
  });

  it('knows the domains reserved for examples', () => {
    for (const url of ['https://arshif.example.org/', 'https://example.com/', 'http://www.example.net/x/', 'https://archive.example/']) assert.ok(isExampleUrl(url), url);
    for (const url of ['https://arshif.org/', 'https://example.org.sy/', 'https://myexample.com/', 'https://archive.test/']) assert.ok(!isExampleUrl(url), url);
    assert.match(exampleUrlWarning('https://arshif.example.org/') ?? '', /still the example https:\/\/arshif\.example\.org\/.*--site-url/);
    assert.equal(exampleUrlWarning('https://arshif.org/'), null);
  });

  it('takes ARSHIF_SITE_URL over the file, and refuses a bad one', () => {
    assert.equal(effectiveSiteUrl('https://a.example.org/', {}), 'https://a.example.org/');
    assert.equal(effectiveSiteUrl('https://a.example.org/', { ARSHIF_SITE_URL: 'https://b.test' }), 'https://b.test/');
    assert.throws(() => effectiveSiteUrl('https://a.example.org/', { ARSHIF_SITE_URL: 'b.test' }), /ARSHIF_SITE_URL/);
  });

  it('is what canonical links, the feed and the sitemap point at', async () => {
    const out = join(tempDir(), '_site');
    const result = await build({ outputDir: out, quiet: true, cacheDir: null, siteUrl: 'https://archive.test/arshif' });
    assert.equal(result.siteUrl, 'https://archive.test/arshif/');
    assert.match(readSiteFile(out, 'index.html'), /<link rel="canonical" href="https:\/\/archive\.test\/arshif\/">/);
    const feed = readSiteFile(out, 'feed.xml');
    assert.match(feed, /https:\/\/archive\.test\/arshif\/articles\//);
    assert.doesNotMatch(feed + readSiteFile(out, 'sitemap.xml'), /example\.org/);
    await assert.rejects(build({ outputDir: out, quiet: true, cacheDir: null, siteUrl: 'archive.test' }), /--site-url/);
  });

  it('on the command line: a bad address is one line and exit 1; the example domain is warned about', () => {
    const bad = buildCli('--site-url', 'archive.test', '--output', join(tempDir(), '_site'));
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    assert.match(bad.stderr, /^arshif: --site-url "archive.test" is not an address/);
    const built = buildCli('--quiet', '--output', join(tempDir(), '_site'));
    assert.equal(built.status, 0, built.stderr);
    assert.match(built.stderr, /arshif: warning: the site's address is still the example https:\/\/arshif\.example\.org\//);
  });
});
