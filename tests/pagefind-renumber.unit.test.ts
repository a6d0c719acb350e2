/**
 * The canonical pass's word index chunks renumbered without decoding them whole
 * (renumberChunk, src/search/pagefind-canonical.ts): the same bytes as the chunk decoded,
 * renumbered, sorted and encoded again, as the pass did before; and a clear error for what is
 * not pagefind 1.5.2's layout. And a chunk's words read without decoding its pages (chunkWords).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkWords, cutTokenChunk, decodeCbor, encodeCbor, PagefindFormatError, renumberChunk, renumberChunkWords, type Cbor } from '../src/search/pagefind-canonical.ts';

/** The chunk renumbered the slow way: decoded, each list of pages renumbered and sorted, forms by their UTF-8 bytes, encoded. */
function reference(raw: Buffer, number: readonly number[]): Buffer {
  const [words] = decodeCbor(raw) as [Cbor[][]];
  const renumber = (list: Cbor[]) => {
    let page = 0;
    const postings = (list as Cbor[][]).map((posting) => {
      page += posting[0] as number;
      return [number[page]!, ...posting.slice(1)] as [number, ...Cbor[]];
    });
    postings.sort((a, b) => a[0] - b[0]);
    let previous = 0;
    for (const posting of postings) {
      const at = posting[0];
      posting[0] = at - previous;
      previous = at;
    }
    return postings;
  };
  const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return encodeCbor([
    words.map((word) => {
      const forms = (word[2] as Cbor[][]).map((form) => [form[0] as string, renumber(form[1] as Cbor[])] as [string, Cbor[]]);
      forms.sort((a, b) => utf8(a[0], b[0]));
      return [word[0]!, renumber(word[1] as Cbor[]), forms];
    }),
  ]);
}

/** Pages as Pagefind writes them: [difference from the page before, locations, meta locations]. */
const postings = (pages: number[], locations: (page: number) => Cbor[]): Cbor[] => {
  let previous = 0;
  return pages.map((page) => {
    const posting: Cbor[] = [page - previous, locations(page), page % 3 === 0 ? [-1, page] : []];
    previous = page;
    return posting;
  });
};

describe('a word index chunk renumbered', () => {
  const pages = 300;
  // a numbering that moves every page: reversed, then pairs swapped
  const number = Array.from({ length: pages }, (_, i) => (pages - 1 - i) ^ 1);
  const chunk = encodeCbor([
    [
      ['2019', postings([0, 1, 2, 150, 299], (p) => [-25, p * 7, 1000 + p]), []],
      [
        'باغوز',
        postings([3, 40, 41, 200], (p) => [-7, p, 0, -13, 70000 + p]),
        [
          ['باغوزي', postings([40, 200], (p) => [p])],
          ['الباغوز', postings([3, 41], (p) => [p, 2])],
          ['ابغوز', postings([3], () => [])],
        ],
      ],
      ['qxpbaghuzxz', postings([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 298], (p) => [-25, p]), []],
    ],
  ]);

  it('gives the bytes the chunk decoded, renumbered and encoded again gives', () => {
    const fast = renumberChunk(chunk, number, 'index/x.pf_index');
    assert.ok(fast.equals(reference(chunk, number)));
    assert.ok(!fast.equals(chunk), 'the numbers changed');
  });

  it('copies whatever a page carries after its number: texts and nested arrays too', () => {
    const odd = encodeCbor([
      [
        [
          'w',
          [
            [2, 'text', [1, [2, 'زز']], -70000],
            [5, []],
          ],
          [['w2', [[1, 'a', []]]]],
        ],
      ],
    ]);
    assert.ok(renumberChunk(odd, number, 'index/x.pf_index').equals(reference(odd, number)));
    assert.deepEqual(chunkWords(odd, 'index/x.pf_index'), ['w']);
    assert.deepEqual(chunkWords(chunk, 'index/x.pf_index'), ['2019', 'باغوز', 'qxpbaghuzxz']);
  });

  it('leaves a chunk numbered as it is unchanged', () => {
    const same = Array.from({ length: pages }, (_, i) => i);
    assert.ok(renumberChunk(chunk, same, 'index/x.pf_index').equals(reference(chunk, same)));
  });

  it('says which file and what, for a page the meta index does not list or a layout it does not know', () => {
    assert.throws(
      () => renumberChunk(chunk, number.slice(0, 100), 'index/x.pf_index'),
      (e: unknown) => e instanceof PagefindFormatError && /index\/x\.pf_index: a word is on page 150/.test(e.message),
    );
    assert.throws(() => renumberChunk(encodeCbor([[['w', [[1]], []]]]), number, 'index/y.pf_index'), /index\/y\.pf_index: a page of a word is not/);
    assert.throws(() => renumberChunk(encodeCbor([[['w', [], []]], 1]), number, 'index/z.pf_index'), /is not a word index/);
    // 5 written in two bytes: not encodeCbor's form
    assert.throws(() => renumberChunk(Buffer.from([0x81, 0x81, 0x83, 0x61, 0x77, 0x81, 0x82, 0x18, 0x05, 0x80, 0x80]), number, 'index/w.pf_index'), /shortest form/);
  });
});

describe('the chunks of name tokens cut smaller', () => {
  const word = (text: string, pages: number) => [
    text,
    postings(
      Array.from({ length: pages }, (_, i) => i * 2),
      (p) => [-25, p, p + 1],
    ),
    [],
  ];
  const words = [word('2019', 50), word('quality', 3), word('qxeaxz', 200), word('qxebxz', 10), word('qxecxz', 10), word('qxpdxz', 200), word('qxpexz', 1), word('باغوز', 40)];
  const chunk = encodeCbor([words]);
  const identity = Array.from({ length: 400 }, (_, i) => i);
  const { bytes, words: placed } = renumberChunkWords(chunk, identity, 'index/x.pf_index');

  it('cuts only between two tokens, each piece a chunk of its words; the first and last keep the bounds Pagefind gave', () => {
    const pieces = cutTokenChunk(bytes, placed, '2', 'ب', 1);
    assert.deepEqual(
      pieces.map((p) => [p.from, p.to, chunkWords(p.raw, 'piece')]),
      [
        ['2', 'qxeaxz', ['2019', 'quality', 'qxeaxz']],
        ['qxebxz', 'qxebxz', ['qxebxz']],
        ['qxecxz', 'qxecxz', ['qxecxz']],
        ['qxpdxz', 'qxpdxz', ['qxpdxz']],
        ['qxpexz', 'ب', ['qxpexz', 'باغوز']],
      ],
    );
    // together, the same words with the same pages
    assert.deepEqual(
      pieces.flatMap((p) => (decodeCbor(p.raw) as Cbor[][])[0]),
      (decodeCbor(bytes) as Cbor[][])[0],
    );
  });

  it('leaves a chunk under the size, or with no two tokens side by side, whole', () => {
    assert.deepEqual(cutTokenChunk(bytes, placed, '2', 'ب', 1 << 20), [{ from: '2', to: 'ب', raw: bytes }]);
    const plain = encodeCbor([[word('a', 100), word('b', 100), word('qxeaxz', 100), word('c', 100)]]);
    const read = renumberChunkWords(plain, identity, 'index/y.pf_index');
    assert.equal(cutTokenChunk(read.bytes, read.words, 'a', 'c', 1).length, 1);
  });
});
