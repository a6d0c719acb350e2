/** The build's configuration and the environment it is made from (src/core/config.ts). */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { buildConfig, cacheDirOf, DEFAULT_CACHE_DIR, DEFAULT_OUTPUT_DIR, DEFAULT_PAGE_BATCH, readEnvironment } from '../src/core/config.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';

describe('the environment', () => {
  it('unset: the defaults', () => {
    assert.deepEqual(readEnvironment({}), {
      cache: true,
      cacheDir: undefined,
      siteUrl: undefined,
      workers: true,
      searchShardPages: undefined,
      searchDeltaPages: undefined,
      pageBatch: undefined,
      phases: false,
      debug: false,
      today: undefined,
      heapRaised: false,
      organisation: undefined,
    });
  });

  it('reads each variable as the commands always have', () => {
    for (const off of ['0', 'false', 'OFF', ' no ']) {
      assert.equal(readEnvironment({ ARSHIF_CACHE: off }).cache, false, off);
      assert.equal(readEnvironment({ ARSHIF_WORKERS: off }).workers, false, off);
    }
    assert.equal(readEnvironment({ ARSHIF_CACHE: '1' }).cache, true);
    for (const on of ['1', 'true', 'On', ' yes ']) assert.equal(readEnvironment({ ARSHIF_PHASES: on }).phases, true, on);
    assert.equal(readEnvironment({ ARSHIF_PHASES: '2' }).phases, false);
    assert.equal(readEnvironment({ ARSHIF_CACHE_DIR: ' /tmp/x ' }).cacheDir, '/tmp/x');
    assert.equal(readEnvironment({ ARSHIF_CACHE_DIR: '  ' }).cacheDir, undefined);
    assert.equal(readEnvironment({ ARSHIF_SITE_URL: ' https://a.test ' }).siteUrl, 'https://a.test');
    assert.equal(readEnvironment({ ARSHIF_SEARCH_SHARD_PAGES: ' 7 ' }).searchShardPages, 7);
    for (const bad of ['0', '-1', '2.5', 'many', '']) assert.equal(readEnvironment({ ARSHIF_SEARCH_SHARD_PAGES: bad }).searchShardPages, undefined, bad);
    assert.equal(readEnvironment({ ARSHIF_SEARCH_DELTA_PAGES: ' 0 ' }).searchDeltaPages, 0);
    assert.equal(readEnvironment({ ARSHIF_SEARCH_DELTA_PAGES: '120' }).searchDeltaPages, 120);
    for (const bad of ['-1', '2.5', 'many', '']) assert.equal(readEnvironment({ ARSHIF_SEARCH_DELTA_PAGES: bad }).searchDeltaPages, undefined, bad);
    assert.equal(readEnvironment({ ARSHIF_PAGE_BATCH: ' 500 ' }).pageBatch, 500);
    for (const bad of ['0', '-1', '2.5', 'many', '']) assert.equal(readEnvironment({ ARSHIF_PAGE_BATCH: bad }).pageBatch, undefined, bad);
    assert.equal(readEnvironment({ ARSHIF_DEBUG: '1' }).debug, true);
    assert.equal(readEnvironment({ ARSHIF_DEBUG: '' }).debug, false);
    assert.equal(readEnvironment({ ARSHIF_TODAY: '2026-11-21' }).today, '2026-11-21');
    assert.equal(readEnvironment({ ARSHIF_TODAY: '' }).today, undefined);
    assert.equal(readEnvironment({ ARSHIF_HEAP_RAISED: '1' }).heapRaised, true);
    assert.equal(readEnvironment({ ARSHIF_ORGANISATION: ' Archive ' }).organisation, ' Archive ');
  });

  it('the store’s folder: off, named, or the default', () => {
    assert.equal(cacheDirOf(readEnvironment({})), DEFAULT_CACHE_DIR);
    assert.equal(cacheDirOf(readEnvironment({ ARSHIF_CACHE: 'off', ARSHIF_CACHE_DIR: '/tmp/x' })), null);
    assert.equal(cacheDirOf(readEnvironment({ ARSHIF_CACHE_DIR: '/tmp/x' })), '/tmp/x');
  });
});

describe('the build configuration', () => {
  it('defaults: content/, _site/, the default store', () => {
    assert.deepEqual(buildConfig({}, readEnvironment({})), {
      contentDir: DEFAULT_CONTENT_DIR,
      outputDir: DEFAULT_OUTPUT_DIR,
      cacheDir: DEFAULT_CACHE_DIR,
      pageBatch: DEFAULT_PAGE_BATCH,
      quiet: false,
    });
  });

  it('flags over the environment; folders absolute', () => {
    const env = readEnvironment({ ARSHIF_CACHE: '0', ARSHIF_SEARCH_SHARD_PAGES: '3', ARSHIF_SEARCH_DELTA_PAGES: '0', ARSHIF_PAGE_BATCH: '50' });
    const config = buildConfig({ contentDir: 'c', outputDir: 'o', cacheDir: 'store', siteUrl: 'https://a.test/', quiet: true }, env);
    assert.deepEqual(config, {
      contentDir: resolve('c'),
      outputDir: resolve('o'),
      cacheDir: resolve('store'),
      siteUrl: 'https://a.test/',
      searchShardPages: 3,
      searchDeltaPages: 0,
      pageBatch: 50,
      quiet: true,
    });
    assert.equal(buildConfig({ pageBatch: 7 }, env).pageBatch, 7, 'the flag over ARSHIF_PAGE_BATCH');
    assert.equal(buildConfig({}, readEnvironment({ ARSHIF_PAGE_BATCH: '0' })).pageBatch, DEFAULT_PAGE_BATCH, 'not a batch: the default');
    assert.equal(buildConfig({}, env).cacheDir, null, 'ARSHIF_CACHE=0 without a flag');
    assert.equal(buildConfig({ cacheDir: null }, readEnvironment({ ARSHIF_CACHE_DIR: join('/tmp', 'x') })).cacheDir, null, '--no-cache over ARSHIF_CACHE_DIR');
  });
});
