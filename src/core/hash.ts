/**
 * SHA-256, the one digest the project uses for content (source files' checksums, manifests, bags)
 * and for cache keys. `sha256` digests one piece; `sha256Hasher` digests pieces fed one after
 * another (the same as digesting them joined), without joining them first.
 */
import { createHash, type Hash } from 'node:crypto';

/** The SHA-256 of `data` (a string is digested as its UTF-8 bytes), as 64 lower-case hex digits. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A SHA-256 digest fed piece by piece: `update` as often as needed, then `hex()` once. */
export interface Sha256Hasher {
  update(data: string | Uint8Array): Sha256Hasher;
  hex(): string;
}

export function sha256Hasher(): Sha256Hasher {
  const hash: Hash = createHash('sha256');
  const hasher: Sha256Hasher = {
    update(data) {
      hash.update(data);
      return hasher;
    },
    hex: () => hash.digest('hex'),
  };
  return hasher;
}
