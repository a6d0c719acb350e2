/**
 * The subset fonts (fonts.ts) made on a thread of their own, beside the search index rather than
 * before it: post-process.ts starts the thread once Eleventy has written the pages (not earlier:
 * its memory, about 70 MB, would add to Eleventy's peak), and it is stopped once the fonts are
 * written, before Pagefind's processes grow. A build's
 * first subset costs about half a second more than the next ones (the WebAssembly of harfbuzz and
 * of the WOFF2 encoder is compiled, and the encoder's code optimised, on first use); the thread
 * starts on that at once (a warm-up subset, whose output is dropped), and then subsets the fonts
 * for the pages' characters.
 *
 * What it makes is what fonts.ts makes on this thread (the same package, the same source files,
 * the same characters, in FONT_FILES' order). The thread is a help, never a requirement: when it
 * cannot start, fails or is stopped, `subset` answers undefined and the caller subsets on its own
 * thread, where an error then shows as it would without a worker. ARSHIF_WORKERS=0 starts none.
 * The worker's code is plain JavaScript (the package is CommonJS), so it starts without the
 * TypeScript loader.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workersEnabled } from '../core/workers.ts';
import { FONT_FILES, fontSourcePath, WARM_UP_TEXT, type FontFile, type FontMaker, type SubsetFontFile } from './fonts.ts';

const require = createRequire(import.meta.url);

export interface FontWorker extends FontMaker {
  /** Stops the worker (whether or not it was asked for anything; again, or after writeSubsetFonts, does nothing). */
  close(): void;
}

interface WorkerFont extends FontFile {
  path: string;
}

/** The worker's code: answers each message `{ text }` with `{ fonts }` or `{ failed: true }`. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { subsetFontPath, fonts, warmUpText } = workerData;
const subsetFont = require(subsetFontPath);
const sources = fonts.map((font) => ({ ...font, bytes: readFileSync(font.path) }));
// One subset of the first (largest) font, dropped: the WebAssembly is compiled and optimised by then.
const warm = subsetFont(sources[0].bytes, warmUpText, { targetFormat: 'woff2' }).catch(() => undefined);
parentPort.on('message', async ({ text }) => {
  try {
    await warm;
    const out = [];
    for (const font of sources) out.push({ name: font.name, bytes: await subsetFont(font.bytes, text[font.subset], { targetFormat: 'woff2' }) });
    parentPort.postMessage({ fonts: out });
  } catch {
    parentPort.postMessage({ failed: true });
  }
});
`;

/** Starts the font worker, or gives undefined when workers are off or it cannot start. */
export function startFontWorker(): FontWorker | undefined {
  if (!workersEnabled()) return undefined;
  let worker: Worker;
  try {
    const fonts: WorkerFont[] = FONT_FILES.map((font) => ({ ...font, path: fontSourcePath(font.subset, font.weight) }));
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { subsetFontPath: require.resolve('subset-font'), fonts, warmUpText: WARM_UP_TEXT },
      stdout: false,
      stderr: false,
    });
  } catch {
    return undefined;
  }
  worker.unref(); // never keeps the process alive on its own
  let gone = false;
  worker.on('error', () => {
    gone = true;
  });
  worker.on('exit', () => {
    gone = true;
  });
  return {
    subset(text) {
      if (gone) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const finish = (fonts: SubsetFontFile[] | undefined) => {
          worker.off('message', onMessage);
          worker.off('error', onEnd);
          worker.off('exit', onEnd);
          worker.unref();
          resolve(fonts);
        };
        const onMessage = (message: { fonts?: SubsetFontFile[] }) => finish(message.fonts);
        const onEnd = () => finish(undefined);
        worker.on('message', onMessage);
        worker.on('error', onEnd);
        worker.on('exit', onEnd);
        worker.ref(); // the answer is awaited: the process waits for it
        worker.postMessage({ text });
      });
    },
    close() {
      if (gone) return;
      gone = true;
      void worker.terminate();
    },
  };
}
