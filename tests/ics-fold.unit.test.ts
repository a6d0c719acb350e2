import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { icsFoldLine, icsModules, originalIcsFoldLine } from '../src/export/ics-fold.ts';
import { createEvents } from 'ics';
import '../src/export/formats.ts';

/** A deterministic string of `n` pieces mixing Arabic, marks, surrogate pairs, joiners and variation selectors. */
function sample(n: number, seed: number): string {
  const pieces = ['س', 'ل', 'ا', 'م', ' ', '\u064E', '\u0651', 'a', '\u0308', '😀', '\u200D', '👩', '\uFE0F', '🇸', '🇾', '\u0937', '\u093F', '\\n', ',', '\u1100', '\u1161'];
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += pieces[x % pieces.length];
  }
  return out;
}

describe('the iCalendar line fold', () => {
  it('folds every line exactly as the ics package does, in one pass', () => {
    for (const n of [0, 1, 74, 75, 76, 148, 149, 150, 300, 1000, 3000]) {
      for (let seed = 1; seed <= 6; seed++) {
        const line = `DESCRIPTION:${sample(n, seed)}`;
        assert.equal(icsFoldLine(line), originalIcsFoldLine(line), `${n} pieces, seed ${seed}`);
      }
    }
  });

  it('is the fold the ics package uses once formats.ts is loaded', () => {
    assert.equal(icsModules.fold.default, icsFoldLine);
    const seen: string[] = [];
    icsModules.fold.default = (line) => {
      seen.push(line);
      return icsFoldLine(line);
    };
    try {
      const { value } = createEvents([{ start: [2020, 1, 2], end: [2020, 1, 3], title: 'x', description: sample(400, 1) }]);
      assert.ok(value?.includes('\r\n\t'));
      assert.ok(seen.some((line) => line.startsWith('DESCRIPTION:')));
    } finally {
      icsModules.fold.default = icsFoldLine;
    }
  });
});
