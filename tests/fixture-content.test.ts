/** The merge rule of fixture folders (tests/helpers/fixture-content.ts): entries merged by key onto the seed's data file. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeEntries } from './helpers/fixture-content.ts';

const SEED = `# Gazetteer.
syria:
  name: سوريا
  variants: [سورية]

# --- cities
raqqa:
  name: الرقة
  signatures:
    # an indented comment stays with its entry
    - x
deir-ez-zor:
  name: دير الزور
`;

describe('mergeEntries', () => {
  it('replaces an entry where it stands, with its indented lines, and leaves the rest as it is', () => {
    const merged = mergeEntries(SEED, '# the change\nraqqa:\n  name: الرقّة\n');
    assert.equal(merged, SEED.replace('raqqa:\n  name: الرقة\n  signatures:\n    # an indented comment stays with its entry\n    - x\n', 'raqqa:\n  name: الرقّة\n'));
  });

  it('appends an entry the seed lacks, at the end', () => {
    assert.equal(mergeEntries(SEED, 'hajin:\n  name: هجين\n'), `${SEED}hajin:\n  name: هجين\n`);
  });

  it('merges text that is not valid YAML too (a broken entry is a case)', () => {
    assert.match(mergeEntries(SEED, 'syria:\n  name :  :\n'), /^# Gazetteer\.\nsyria:\n {2}name : {2}:\n\n# --- cities/);
  });

  it('refuses a merge file holding anything but entries, comments and blank lines', () => {
    assert.throws(() => mergeEntries(SEED, '  stray: indented\nsyria:\n  name: x\n'), /holds only entries/);
  });
});
