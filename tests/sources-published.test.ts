/**
 * The raw sources published under /sources/ and linked from each article's provenance block:
 * the bytes exactly (their SHA-256 is the one the page prints), always as `.txt` so that a
 * saved web page is never served as HTML, and served as text/plain; charset=utf-8.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { publishSources } from '../src/site/publish-sources.ts';
import { publishedSourcePath } from '../src/model/site-paths.ts';
import { serveStatic } from '../src/core/static-server.ts';
import { buildSite, copySeedContent, readSiteFile, seedSiteDir, tempDir } from './helpers/site.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('published sources', () => {
  it('are named .txt whatever they were saved as', () => {
    assert.equal(publishedSourcePath('sources/000_abc.txt'), '/sources/000_abc.txt');
    assert.equal(publishedSourcePath('sources/page.TXT'), '/sources/page.TXT');
    assert.equal(publishedSourcePath('sources/page.html'), '/sources/page.html.txt');
    assert.equal(publishedSourcePath('sources/page.htm'), '/sources/page.htm.txt');
    assert.equal(publishedSourcePath('sources/scan'), '/sources/scan.txt');
  });

  it('are copied byte for byte, and two files meant for one name are refused, naming both', () => {
    const content = tempDir();
    mkdirSync(join(content, 'sources'));
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('نص <script>x</script>\r\n'), 0xff]);
    writeFileSync(join(content, 'sources', 'a.html'), bytes);
    writeFileSync(join(content, 'sources', 'a.html.txt'), 'other');
    const out = tempDir();
    const a = { file: 'sources/a.html', sha256: sha256(bytes) };
    assert.equal(publishSources(content, out, [a, a]), 1);
    assert.deepEqual(readFileSync(join(out, 'sources', 'a.html.txt')), bytes);
    assert.throws(
      () => publishSources(content, out, [a, { file: 'sources/a.html.txt', sha256: sha256(Buffer.from('other')) }]),
      /content\/sources\/a\.html(?:\.txt)? and content\/sources\/a\.html(?:\.txt)? would both be published as \/sources\/a\.html\.txt; rename one/,
    );
  });

  it('are linked from every article page, and match the SHA-256 it prints', async () => {
    const site = await seedSiteDir();
    const articles = readdirSync(join(site, 'articles')).filter((f) => f !== 'index.html');
    assert.equal(articles.length, 5);
    for (const id of articles) {
      const html = readSiteFile(site, `articles/${id}/index.html`);
      const href = /<a href="(\/sources\/[^"]+)" type="text\/plain">/.exec(html)?.[1];
      assert.ok(href, `${id} links its raw source`);
      const printed = /<code class="hash" dir="ltr">([0-9a-f]{64})<\/code>/.exec(html)?.[1];
      assert.equal(sha256(readFileSync(join(site, href))), printed, `${href} is the text the hash was taken of`);
    }
  });

  it('a saved web page is published as text and served as text/plain; charset=utf-8', async () => {
    const content = copySeedContent();
    const id = '2019-03-23-dw-arabic-sdf-declares-end-of-caliphate';
    renameSync(join(content, 'sources', '000_3f254b3f231ddcb4.txt'), join(content, 'sources', '000_3f254b3f231ddcb4.html'));
    const md = join(content, 'articles', `${id}.md`);
    writeFileSync(md, readFileSync(md, 'utf8').replace('sources/000_3f254b3f231ddcb4.txt', 'sources/000_3f254b3f231ddcb4.html'));
    const site = await buildSite(content);
    assert.ok(!readdirSync(join(site, 'sources')).some((f) => /\.html?$/i.test(f)), 'no source is published as .html');
    assert.ok(existsSync(join(site, 'sources', '000_3f254b3f231ddcb4.html.txt')));
    assert.match(readSiteFile(site, `articles/${id}/index.html`), /href="\/sources\/000_3f254b3f231ddcb4\.html\.txt"/);
    const server = await serveStatic(site);
    try {
      const response = await fetch(`${server.url}/sources/000_3f254b3f231ddcb4.html.txt`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.match(await response.text(), /الباغوز/);
    } finally {
      await server.close();
    }
  });
});
