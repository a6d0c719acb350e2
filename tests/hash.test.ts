/** The one SHA-256 helper (src/core/hash.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256, sha256Hasher } from '../src/core/hash.ts';

describe('sha256', () => {
  it('digests a string as its UTF-8 bytes, as 64 hex digits', () => {
    assert.equal(sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256('الرقة'), sha256(Buffer.from('الرقة', 'utf8')));
  });

  it('fed piece by piece, digests the pieces joined', () => {
    assert.equal(sha256Hasher().update('a').update(Buffer.from('b')).update('c').hex(), sha256('abc'));
    assert.equal(sha256Hasher().hex(), sha256(''));
  });
});
