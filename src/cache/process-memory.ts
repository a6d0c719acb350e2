/**
 * What a process that builds again (`npm start`) keeps of one build for the next, in memory, so
 * that a rebuild after one article is added reads and digests that article, not the archive:
 *
 * - `FileTexts`: the texts of content files it read, by path and stamp (src/core/file-stamp.ts:
 *   device, inode, size, both times). A file whose stamp is the one kept, taken settled, is not
 *   read again: a write since shows in its times, a file put in its place in its inode. Only a
 *   text read without a problem is kept (a file too large, or not UTF-8, is read every time, so
 *   its message stays as it was); what the text gives is worked out from it again, as from a
 *   text read.
 * - `TextDigests`: a function's values of long texts (an article's body, a page's HTML), looked up
 *   by the text itself, so a text found is the text digested, never only a text of the same
 *   article.
 *
 * Each is kept under a scope (a content folder, a use and the code version): a build asks for the
 * last build's values of its scope and gives its own for the next one (`keep`), or lets them go
 * (a single build: nothing outlives it). What is kept is one build's: the values of the files and
 * texts that build met, never more. The texts are the ones that build's archive held (the bodies
 * are slices of the files' texts, the HTML the store's memory's strings), so keeping them for the
 * next build holds little that the next build does not hold anyway.
 */
import type { BigIntStats } from 'node:fs';
import { contentStamp, contentStampSettled } from '../core/file-stamp.ts';

interface KeptText {
  stamp: string;
  text: string;
}

const EMPTY = new Map<never, never>();
const keptFiles = new Map<string, ReadonlyMap<string, KeptText>>();
const keptDigests = new Map<string, ReadonlyMap<string, string>>();

/** The previous build's values of `scope`, and this build's registered for the next one when `keep` (else the scope is let go). */
function handOver<V>(kept: Map<string, ReadonlyMap<string, V>>, scope: string, now: Map<string, V>, keep: boolean): ReadonlyMap<string, V> {
  const previous = kept.get(scope) ?? EMPTY;
  if (keep) kept.set(scope, now);
  else kept.delete(scope);
  return previous;
}

/** The texts of a scope's files (see the top). */
export class FileTexts {
  private readonly now = new Map<string, KeptText>();
  private readonly previous: ReadonlyMap<string, KeptText>;

  constructor(scope: string, keep: boolean) {
    this.previous = handOver(keptFiles, scope, this.now, keep);
  }

  /** The text the previous build read from `path` when its stat had this stamp; undefined: read it. */
  get(path: string, stat: BigIntStats): string | undefined {
    const hit = this.previous.get(path);
    if (!hit || hit.stamp !== contentStamp(stat)) return undefined;
    this.now.set(path, hit);
    return hit.text;
  }

  /** Notes what `path` gave, read after this stat (kept only if its stamp is settled). */
  set(path: string, stat: BigIntStats, text: string): void {
    if (contentStampSettled(stat)) this.now.set(path, { stamp: contentStamp(stat), text });
  }
}

/** `compute`'s values of texts (see the top); `compute` must be a function of the text alone, the same for the whole scope. */
export class TextDigests {
  private readonly now = new Map<string, string>();
  private readonly previous: ReadonlyMap<string, string>;

  constructor(
    scope: string,
    private readonly compute: (text: string) => string,
    keep: boolean,
  ) {
    this.previous = handOver(keptDigests, scope, this.now, keep);
  }

  /** The value of `text`: this build's, else the previous build's for the same text, else computed. */
  of(text: string): string {
    let value = this.now.get(text);
    if (value === undefined) {
      value = this.previous.get(text) ?? this.compute(text);
      this.now.set(text, value);
    }
    return value;
  }
}
