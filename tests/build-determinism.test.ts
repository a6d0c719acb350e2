/**
 * Reproducible builds: two clean builds of the seed content, each in its own process, write
 * byte-identical sites (every path, every byte, the Pagefind index and the subset fonts
 * included), and the pass that puts Pagefind's hash-map-ordered files in a fixed order
 * (src/search/pagefind-canonical.ts) gives the same bytes whatever order Pagefind chose.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { canonicalisePagefind, decodeCbor, encodeCbor, pagefindFullHash, readBundle, writeBundle, type Cbor } from '../src/search/pagefind-canonical.ts';
import { siteFiles, verifyManifest } from '../src/site/manifest.ts';
import { DEFAULT_CONTENT_DIR, PROJECT_ROOT } from '../src/core/paths.ts';
import { runBuild, tempDir, treeDifferences } from './helpers/site.ts';

const buildInProcess = (outputDir: string) => runBuild(PROJECT_ROOT, ['--content', DEFAULT_CONTENT_DIR, '--output', outputDir, '--quiet']);

const SIGNATURE = Buffer.from('pagefind_dcd');
const readPf = (path: string) => decodeCbor(gunzipSync(readFileSync(path)).subarray(SIGNATURE.length));
const writePf = (path: string, value: Cbor) => writeFileSync(path, gzipSync(Buffer.concat([SIGNATURE, encodeCbor(value)])));

describe('reproducible builds', () => {
  let first = '';

  it('two clean builds of the seed content write byte-identical sites', async () => {
    const [a, b] = [join(tempDir('arshif-det-a-'), '_site'), join(tempDir('arshif-det-b-'), '_site')];
    const results = await Promise.all([buildInProcess(a), buildInProcess(b)]);
    for (const r of results) assert.equal(r.code, 0, r.output);
    const files = siteFiles(a);
    // The comparison covers what used to differ: Pagefind's filter files and meta index.
    assert.ok(
      files.some((f) => /^pagefind\/filter\/ar_[0-9a-f]+\.pf_filter$/.test(f)),
      'no Pagefind filter files',
    );
    assert.ok(
      files.some((f) => /^pagefind\/pagefind\.ar_[0-9a-f]+\.pf_meta$/.test(f)),
      'no Pagefind meta index',
    );
    assert.ok(
      files.some((f) => f.startsWith('fonts/') && f.endsWith('.woff2')),
      'no subset fonts',
    );
    assert.ok(files.length > 50, `only ${files.length} files`);
    const diffs = treeDifferences(a, b, ['the first build', 'the second build']);
    assert.deepEqual(diffs, [], `the two builds differ:\n${diffs.join('\n')}`);
    assert.deepEqual(verifyManifest(a), []);
    first = a;
  });

  it('a build in batches of a few item pages a run writes the same site as one run (src/site/page-batches.ts)', async (t) => {
    if (!first) return t.skip('needs the build above');
    const batched = join(tempDir('arshif-det-batch-'), '_site');
    const result = await runBuild(PROJECT_ROOT, ['--content', DEFAULT_CONTENT_DIR, '--output', batched, '--quiet'], { ...process.env, ARSHIF_PAGE_BATCH: '7' });
    assert.equal(result.code, 0, result.output);
    assert.doesNotMatch(result.output, /\[11ty\] .*Wrote/, "no line of Eleventy's a run");
    const diffs = treeDifferences(first, batched, ['one run', 'batches of 7']);
    assert.deepEqual(diffs, [], `the batched build differs:\n${diffs.join('\n')}`);
  });

  it('puts Pagefind filter values and filters in one order, whatever order Pagefind wrote them in', (t) => {
    if (!first) return t.skip('needs the build above');
    // Write the index the way Pagefind would with another hash-map order: every filter's values
    // and the meta index's filter list reversed, files named by Pagefind's own scheme.
    const bundle = join(tempDir('arshif-det-pf-'), 'pagefind');
    cpSync(join(first, 'pagefind'), bundle, { recursive: true });
    const entryPath = join(bundle, 'pagefind-entry.json');
    const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: { ar: { hash: string } } };
    const metaPath = join(bundle, `pagefind.${entry.languages.ar.hash}.pf_meta`);
    const meta = readPf(metaPath) as Cbor[];
    const filters = meta[3] as Array<[string, string]>;
    assert.ok(filters.length >= 3, 'expected the event, outlet, place and year filters');
    const shuffled: Array<[string, string]> = [];
    for (const [name, hash] of [...filters].reverse()) {
      const path = join(bundle, 'filter', `${hash}.pf_filter`);
      const [filterName, values] = readPf(path) as [string, Cbor[]];
      rmSync(path);
      const reversed: Cbor = [filterName, [...values].reverse()];
      const newHash = `ar_${pagefindFullHash(encodeCbor(reversed)).slice(0, 7)}`;
      writePf(join(bundle, 'filter', `${newHash}.pf_filter`), reversed);
      shuffled.push([name, newHash]);
    }
    meta[3] = shuffled;
    rmSync(metaPath);
    const metaHash = `ar_${pagefindFullHash(encodeCbor(meta)).slice(0, 10)}`;
    writePf(join(bundle, `pagefind.${metaHash}.pf_meta`), meta);
    writeFileSync(entryPath, readFileSync(entryPath, 'utf8').replace(entry.languages.ar.hash, metaHash));
    assert.notEqual(metaHash, entry.languages.ar.hash, 'the shuffled index should differ before the pass');

    writeBundle(bundle, canonicalisePagefind(readBundle(bundle)));
    const original = join(first, 'pagefind');
    const listing = siteFiles;
    assert.deepEqual(listing(bundle), listing(original));
    for (const file of listing(original)) {
      if (file.endsWith('.pf_filter') || file.endsWith('.pf_meta')) {
        // Same decoded content (the gzip wrapping may differ only if zlib did, which it does not here).
        assert.deepEqual(readPf(join(bundle, file)), readPf(join(original, file)), file);
      }
      assert.ok(readFileSync(join(bundle, file)).equals(readFileSync(join(original, file))), `${file}: bytes differ`);
    }
  });

  it('reads and writes the CBOR Pagefind uses, byte for byte', () => {
    const samples: Cbor[] = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32, -1, -25, '', 'الباغوز', [], [1, ['a', [2, 3]]]];
    for (const value of samples) assert.deepEqual(decodeCbor(encodeCbor(value)), value);
    assert.deepEqual([...encodeCbor([1, 'a'])], [0x82, 0x01, 0x61, 0x61]);
    assert.deepEqual([...encodeCbor(500)], [0x19, 0x01, 0xf4]);
    assert.throws(() => decodeCbor(Buffer.from([0xa1, 0x01, 0x02])), /major type 5/); // a map: not in Pagefind's files
    assert.throws(() => decodeCbor(Buffer.from([0x82, 0x01])), /ends early/);
    // Pagefind's hash prints bytes as unpadded hex.
    assert.equal(pagefindFullHash(Buffer.from('')), 'da39a3ee5e6b4bd3255bfef95601890afd879');
  });
});
