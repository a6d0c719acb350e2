/**
 * Which shards hold which name tokens (src/search/index-keys.ts): what lets a query of names
 * skip the shards that cannot answer it (src/search/shard-filter.ts, shardsForTokens), written
 * into /pagefind/shards.json (ShardList.tokens).
 *
 * Read from each shard's own word index, after Pagefind has written it: only the index chunks
 * whose range of words can hold a token (all start with `q`: TOKEN_RANGE) are decoded, a chunk
 * or two of a shard's dozens. A shard is said to hold a token (HOLDS) when its index has the
 * token as a word and no page of the shard is masked (a masked page's words stay in the index
 * until the shard is indexed afresh, src/search/pagefind-mask.ts). It may hold it (MAY_HOLD)
 * when its index has a word Pagefind's search could take for the token: one that starts with
 * it, or that it starts with (Pagefind falls back to the longest such word when none starts
 * with the query's). Neither: NOT_HELD, and Pagefind would find nothing of the token there.
 */
import { chunkWords, PagefindFormatError, readPagefindFile, readPagefindRaw, type PagefindFiles } from './pagefind-canonical.ts';
import { HOLDS, MAY_HOLD, NOT_HELD, type TokenDirectory } from './shard-filter.ts';

/** Every token starts with `qx` (src/analysis/lexicon.ts), so its prefixes and extensions lie in [q, r). */
const TOKEN_RANGE = { from: 'q', to: 'r' };

const compareUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The words of a bundle's word index that lie in [from, to) (its chunks overlapping that range decoded, no other). */
export function wordsInRange(files: PagefindFiles, from: string, to: string): string[] {
  const entry = JSON.parse(files.get('pagefind-entry.json')?.toString('utf8') ?? 'null') as { languages?: Record<string, { hash?: unknown }> } | null;
  if (!entry?.languages) throw new PagefindFormatError('pagefind-entry.json', 'is missing or has no "languages"');
  const words: string[] = [];
  for (const info of Object.values(entry.languages)) {
    const metaPath = `pagefind.${String(info.hash)}.pf_meta`;
    const meta = readPagefindFile(files, metaPath).cbor;
    if (!Array.isArray(meta) || !Array.isArray(meta[2])) throw new PagefindFormatError(metaPath, 'has no index chunks');
    for (const chunk of meta[2]) {
      if (!Array.isArray(chunk) || typeof chunk[0] !== 'string' || typeof chunk[1] !== 'string' || typeof chunk[2] !== 'string') {
        throw new PagefindFormatError(metaPath, 'an index chunk entry is not [from, to, hash]');
      }
      // the chunk holds the words from chunk[0] to chunk[1], both included
      if (compareUtf8(chunk[0], to) >= 0 || compareUtf8(chunk[1], from) < 0) continue;
      const path = `index/${chunk[2]}.pf_index`;
      for (const text of chunkWords(readPagefindRaw(files, path), path)) if (compareUtf8(text, from) >= 0 && compareUtf8(text, to) < 0) words.push(text);
    }
  }
  return words;
}

/** A shard's bundle, and whether some of its pages are masked. */
export interface DirectoryShard {
  files: PagefindFiles;
  masked: boolean;
}

/**
 * The directory of `tokens` (the lexicon's) over `shards` (in the order of ShardList: the dated
 * shards, then the delta): for each token some shard holds or may hold, one character per
 * shard. A token no shard holds is left out (most of the lexicon's names, in most archives).
 */
export function tokenDirectory(tokens: readonly string[], shards: readonly DirectoryShard[]): TokenDirectory {
  const held = shards.map(({ files, masked }) => ({ words: new Set(wordsInRange(files, TOKEN_RANGE.from, TOKEN_RANGE.to)), masked }));
  const directory: TokenDirectory = {};
  for (const token of [...new Set(tokens)].sort()) {
    let code = '';
    for (const { words, masked } of held) {
      if (words.has(token)) code += masked ? MAY_HOLD : HOLDS;
      else {
        let may = false;
        for (const word of words) {
          if (word.startsWith(token) || token.startsWith(word)) {
            may = true;
            break;
          }
        }
        code += may ? MAY_HOLD : NOT_HELD;
      }
    }
    if (code !== NOT_HELD.repeat(held.length)) directory[token] = code;
  }
  return directory;
}
