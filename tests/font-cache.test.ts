/**
 * The subset fonts kept between builds (src/site/font-cache.ts): a build whose pages use the
 * characters of the last build's writes the kept bytes (nothing is subset), any other characters
 * subset again, and what a build with kept fonts writes is what subsetting writes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiskStore } from '../src/cache/disk-store.ts';
import { KeptFonts, subsetFontsKey } from '../src/site/font-cache.ts';
import { FONT_FILES, subsetFonts, writeSubsetFonts, type FontSubset } from '../src/site/fonts.ts';
import { tempDir } from './helpers/site.ts';

const TEXT: Record<FontSubset, string> = { arabic: 'الباغوز الرقة ١٢٣', latin: '2019 SDF' };
const OTHER: Record<FontSubset, string> = { arabic: 'الباغوز الرقة ١٢٣ ضظ', latin: '2019 SDF' };
const VERSION = 'ab'.repeat(8);

const files = (dir: string) => readdirSync(join(dir, 'fonts')).map((name) => [name, readFileSync(join(dir, 'fonts', name)).toString('base64')]);

describe('the kept subset fonts', () => {
  const work = tempDir('arshif-font-cache-');
  after(() => rmSync(work, { recursive: true, force: true }));

  it('keys the characters: the same text, the same key; one character more, another', () => {
    assert.equal(subsetFontsKey(TEXT), subsetFontsKey({ ...TEXT }));
    assert.notEqual(subsetFontsKey(TEXT), subsetFontsKey(OTHER));
    assert.notEqual(subsetFontsKey(TEXT), subsetFontsKey({ arabic: TEXT.latin, latin: TEXT.arabic }));
  });

  it('gives back the last build’s fonts for its key only, byte for byte', async () => {
    const cache = join(work, 'cache');
    const made = await subsetFonts(TEXT);
    new KeptFonts(new DiskStore(cache, VERSION)).keep(subsetFontsKey(TEXT), made);
    const next = new KeptFonts(new DiskStore(cache, VERSION));
    assert.equal(next.get(subsetFontsKey(OTHER)), undefined, 'other characters: subset again');
    const kept = next.get(subsetFontsKey(TEXT));
    assert.ok(kept);
    assert.deepEqual(
      kept.map((f) => [f.name, Buffer.from(f.bytes).toString('base64')]),
      made.map((f) => [f.name, Buffer.from(f.bytes).toString('base64')]),
    );
    assert.equal(new KeptFonts(new DiskStore(cache, 'cd'.repeat(8))).get(subsetFontsKey(TEXT)), undefined, 'another code version keeps nothing');
  });

  it('refuses a kept entry whose files are not the fonts the site serves', () => {
    const cache = join(work, 'partial');
    const key = subsetFontsKey(TEXT);
    new KeptFonts(new DiskStore(cache, VERSION)).keep(key, [{ name: FONT_FILES[0]?.name ?? '', bytes: new Uint8Array([1, 2, 3]) }]);
    assert.equal(new KeptFonts(new DiskStore(cache, VERSION)).get(key), undefined);
  });

  it('writes, from kept fonts, the files subsetting writes, and hands on what it wrote', async () => {
    const cache = join(work, 'written');
    const subset = join(work, 'subset');
    let handed: readonly { name: string }[] = [];
    await writeSubsetFonts(subset, TEXT, undefined, (fonts) => {
      handed = fonts;
      new KeptFonts(new DiskStore(cache, VERSION)).keep(subsetFontsKey(TEXT), fonts);
    });
    assert.deepEqual(
      handed.map((f) => f.name),
      FONT_FILES.map((f) => f.name),
    );
    const kept = new KeptFonts(new DiskStore(cache, VERSION)).get(subsetFontsKey(TEXT));
    assert.ok(kept);
    const fromKept = join(work, 'kept');
    await writeSubsetFonts(fromKept, TEXT, { subset: async () => kept });
    assert.deepEqual(files(fromKept), files(subset));
  });
});
