/** When a build gives itself a larger V8 heap (src/core/heap-room.ts). */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { heapCapMiB, LARGE_ARCHIVE, needsHeapRoom } from '../src/core/heap-room.ts';
import { DEFAULT_CONTENT_DIR } from '../src/core/paths.ts';
import { tempDir } from './helpers/site.ts';

describe('heap room for large archives', () => {
  it('is three quarters of the machine', () => {
    assert.equal(heapCapMiB(24 * 2 ** 30), 18 * 1024);
  });

  it('is not asked for a small archive, a missing folder, or by the child that has it', () => {
    assert.equal(needsHeapRoom(DEFAULT_CONTENT_DIR, {}), false);
    assert.equal(needsHeapRoom(join(tempDir(), 'none'), {}), false);
    const big = join(tempDir(), 'content');
    mkdirSync(join(big, 'articles'), { recursive: true });
    for (let i = 0; i < LARGE_ARCHIVE; i++) writeFileSync(join(big, 'articles', `a-${i}.md`), '');
    assert.equal(needsHeapRoom(big, { ARSHIF_HEAP_RAISED: '1' }), false);
    // Node's default cap (about 4 GB) is under three quarters of any machine this runs on with more than 5.5 GB.
    if (heapCapMiB() > 6000) assert.equal(needsHeapRoom(big, {}), true);
  });
});
