/**
 * The subset fonts made on the font worker (src/site/font-worker.ts) are the ones this thread
 * makes (src/site/fonts.ts), byte for byte, whatever the worker did before (its warm-up, an
 * earlier subset); a worker that is stopped or turned off leaves the fonts to this thread.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startFontWorker } from '../src/site/font-worker.ts';
import { FONT_FILES, subsetFonts, writeSubsetFonts, type FontSubset } from '../src/site/fonts.ts';
import { tempDir } from './helpers/site.ts';

const TEXTS: Array<Record<FontSubset, string>> = [
  { arabic: 'الباغوز الرقة دير الزور ١٢٣', latin: '2019 SDF (AFP)' },
  { arabic: 'قوات سوريا الديمقراطية تعلن', latin: 'Raqqa – «17 October»' },
];

const base64 = (files: ReadonlyArray<{ name: string; bytes: Uint8Array }>) => files.map((f) => [f.name, Buffer.from(f.bytes).toString('base64')]);

describe('the font worker', () => {
  const work = tempDir('arshif-font-worker-');
  after(() => rmSync(work, { recursive: true, force: true }));

  it("makes this thread's fonts, byte for byte, one text after another", async () => {
    const worker = startFontWorker();
    assert.ok(worker, 'a worker starts (ARSHIF_WORKERS is not 0 here)');
    try {
      for (const text of TEXTS) {
        const made = await worker.subset(text);
        assert.ok(made, 'the worker answers');
        assert.deepEqual(
          made.map((f) => f.name),
          FONT_FILES.map((f) => f.name),
        );
        assert.deepEqual(base64(made), base64(await subsetFonts(text)));
      }
      // Different characters, different fonts: the answer is for the text asked, not a cached one.
      const [first, second] = [await worker.subset(TEXTS[0] as Record<FontSubset, string>), await worker.subset(TEXTS[1] as Record<FontSubset, string>)];
      assert.notDeepEqual(base64(first ?? []), base64(second ?? []));
    } finally {
      worker.close();
    }
  });

  it('is stopped once the fonts are written, then leaves them to this thread, which writes the same files', async () => {
    const text = TEXTS[0] as Record<FontSubset, string>;
    const worker = startFontWorker();
    assert.ok(worker);
    const viaWorker = join(work, 'worker');
    await writeSubsetFonts(viaWorker, text, worker);
    assert.equal(await worker.subset(text), undefined, 'writeSubsetFonts stopped the worker');
    worker.close(); // again: nothing
    const here = join(work, 'here');
    await writeSubsetFonts(here, text, worker); // the stopped worker answers nothing: made here
    const files = (dir: string) => readdirSync(join(dir, 'fonts')).map((name) => [name, readFileSync(join(dir, 'fonts', name)).toString('base64')]);
    assert.deepEqual(files(viaWorker), files(here));
    assert.equal(files(here).length, FONT_FILES.length);
  });

  it('starts no worker with ARSHIF_WORKERS=0', () => {
    const before = process.env.ARSHIF_WORKERS;
    process.env.ARSHIF_WORKERS = '0';
    try {
      assert.equal(startFontWorker(), undefined);
    } finally {
      if (before === undefined) delete process.env.ARSHIF_WORKERS;
      else process.env.ARSHIF_WORKERS = before;
    }
  });
});
