/**
 * Finds gazetteer places in running Arabic text.
 *
 * Every name and variant of the gazetteer is folded (foldArabic) and cut into words; an index maps
 * each name's folded first word to the names starting with it. The text is cut into words once
 * (with offsets in the original), each word folded once and read for proclitics (cliticReadings);
 * each reading is one Map lookup. So the cost is linear in the length of the text, whatever the
 * size of the gazetteer.
 *
 * The rules:
 * - Whole words only. A name matches whole words after proclitics are read off its first word:
 *   الرقة is not in الرقابة, عفرين not in عفرينية, دمشق not in دمشقي. Suffixes are never
 *   stripped, so the adjectives السورية, العراقية (the Syrian, the Iraqi) are not the countries.
 * - Proclitics on the first word only: بالباغوز, وسوريا, للرقة (ل + ال), لنهر الفرات, والموصل.
 * - The article belongs to the name. A reading that takes the article off the text's word is
 *   never used: السورية is not سورية (a variant of سوريا). A name is found with or without its
 *   article only where the gazetteer lists both forms (الرقة and رقة).
 * - A one-word variant without the article of a name that has it (رقة for الرقة, هجين for
 *   الهجين) is found only as a bare word, without proclitics: such forms are common words, and
 *   more so with a proclitic (فرقة "band", ورقة "paper", برقة "Cyrenaica").
 * - The words of a multi-word name follow each other with only spaces and invisible characters
 *   between them: never across punctuation or a line break.
 * - A name of fewer than 3 letters (without spaces) never matches.
 * - Longest match wins (most words, then the longest stem, i.e. the fewest letters read off as
 *   proclitics, then the entry listed first); overlapping matches are resolved left to right:
 *   محافظة دير الزور is the governorate, not دير الزور. Places named inside a match (دير الزور
 *   there, عفرين in منطقة عفرين) are given in its `inner` list for the caller to weigh.
 * - Where two entries share a form, the entry listed first in the gazetteer wins.
 * - A name marked `needsContext` (an everyday word too) is found only right after a word that
 *   announces a place (مدينة، بلدة، منطقة، ريف…, with or without proclitics: بمدينة الباب).
 *
 * A match's start/end cover the whole words as written, proclitics included (بالباغوز), so
 * `text.slice(start, end) === surface`.
 */
import { looseArabicWord } from './name-fold.ts';
import { cliticReadings, foldArabic, words, type Word } from './normalise.ts';

export interface PlaceEntry {
  slug: string;
  name: string;
  variants: string[];
  /**
   * The name is also an everyday word (الباب "the door", الطبقة "the class", تدمر "destroys"):
   * found only right after a word that says a place follows (مدينة، بلدة، منطقة، ريف…).
   */
  needsContext?: boolean;
  /**
   * Its names of two words or more are also found spelt loosely (looseArabicWord: ج/غ/ك, long
   * vowels), as names of foreign origin are: كينو جابرييل for كينو غابرييل. Actors' names are;
   * places' are not (their variants are listed).
   */
  loose?: boolean;
}

/** Words that announce a place name (folded; proclitics are read off: بمدينة, وريف). */
export const PLACE_CONTEXT_WORDS = new Set(
  ['مدينة', 'مدينتي', 'بلدة', 'بلدتي', 'قرية', 'قريتي', 'منطقة', 'مناطق', 'ناحية', 'ريف', 'محافظة', 'مخيم', 'حي', 'أحياء', 'قضاء', 'مطار', 'سد', 'معبر', 'نهر', 'العاصمة'].map(
    (w) => foldArabic(w),
  ),
);

export interface PlaceMatch {
  slug: string;
  /** The canonical name. */
  name: string;
  /** As written, proclitics included. */
  surface: string;
  start: number;
  end: number;
  /**
   * Other places named by whole words inside a multi-word match, e.g. عفرين in منطقة عفرين,
   * دير الزور in محافظة دير الزور: the match is the longer name, the caller decides whether the
   * inner ones count too. Empty for most matches.
   */
  inner: Array<{ slug: string; name: string }>;
}

interface Best {
  cand: Candidate;
  length: number;
  stem: number;
}

interface Candidate {
  entry: PlaceEntry;
  order: number;
  /** Folded words after the first. */
  rest: string[];
  /** Proclitics may be read off the first word. */
  clitics: boolean;
  /** Found by the loose keys of its words (rest holds loose keys). */
  loose: boolean;
}

const MIN_LETTERS = 3;
const CACHE_LIMIT = 200_000;
const ARTICLE = 'ال';
/** Between two words of a name: spaces and invisible characters, no line break. */
const NAME_GAP = /^[\p{Zs}\t\u00AD\u061C\u200B-\u200F\u2060\uFEFF]+$/u;

function letterCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function foldedWords(text: string): string[] {
  return words(foldArabic(text)).map((w) => w.word);
}

/**
 * What the matcher reads in one word as written: its folded form, the names its readings can
 * start, and whether it announces a place. Opaque to callers beyond `folded`; they may keep it
 * (a word always reads the same) to give match() a word they have met before.
 */
export interface MatcherWord {
  readonly folded: string;
  /** @internal looseArabicWord(folded), where the matcher has loose names; '' otherwise. */
  readonly loose: string;
  /** Some name may start with this word (as written); most words start none. */
  readonly mayStartName: boolean;
  /** @internal The index entries the word's readings hit. */
  readonly hits: ReadonlyArray<{ cands: Candidate[]; stripped: boolean; stem: number }>;
  /** @internal The word (read for proclitics) is one of PLACE_CONTEXT_WORDS. */
  readonly announces: boolean;
}

/** A name found by match(): the words first..end-1 of the words given. */
export interface WordMatch {
  slug: string;
  name: string;
  first: number;
  /** Just after its last word. */
  end: number;
  inner: PlaceMatch['inner'];
}

/**
 * The matcher on words already cut, for a caller that cuts a text once and reads it for more
 * than names (the search index: src/search/index-keys.ts). createPlaceMatcher is this on a
 * text's words().
 */
export interface WordMatcher {
  /** What the matcher reads in a word as written; not remembered here. */
  read(word: string): MatcherWord;
  /**
   * The names among words from..to-1 of `text` (toks: its words, as words() gives them; infos:
   * read() of each, at least from..to-1), as if those words were all the text: a name never
   * reaches outside them, and the first is announced by no word before it. `starts`, where the
   * caller has it, lists in increasing order the indices of the words that may start a name
   * (mayStartName), so that the others are not looked at (a caller that keeps what it knows of
   * words in arrays of its own spares memory loads that way).
   */
  match(text: string, toks: readonly Word[], infos: readonly MatcherWord[], from: number, to: number, starts?: readonly number[]): WordMatch[];
}

/*
 * The helpers of match() are functions of their own, not closures made on each call: the build
 * runs under tsx, whose keepNames gives every closure made a name by a defineProperty call, which
 * would cost more than the matching itself for the search index's short texts.
 */

/** Only spaces and invisible characters between word i-1 and word i. */
function joined(text: string, toks: readonly Word[], i: number): boolean {
  return NAME_GAP.test(text.slice(toks[i - 1]!.end, toks[i]!.start));
}

/** Word i follows a word that announces a place (from is the first word there is), with only spaces between them. */
function announced(text: string, toks: readonly Word[], infos: readonly MatcherWord[], from: number, i: number): boolean {
  return i > from && infos[i - 1]!.announces && joined(text, toks, i);
}

/** The best name starting at word i and covering at most maxWords words. */
function bestAt(text: string, toks: readonly Word[], infos: readonly MatcherWord[], from: number, i: number, maxWords: number): Best | undefined {
  let best: Best | undefined;
  for (const { cands, stripped, stem } of infos[i]!.hits) {
    for (const cand of cands) {
      if (stripped && !cand.clitics) continue;
      if (cand.entry.needsContext && !announced(text, toks, infos, from, i)) continue;
      const length = 1 + cand.rest.length;
      if (length > maxWords) continue;
      let ok = true;
      for (let k = 1; k < length && ok; k++) ok = (cand.loose ? infos[i + k]!.loose : infos[i + k]!.folded) === cand.rest[k - 1] && joined(text, toks, i + k);
      if (!ok) continue;
      // longest first; then a name as listed before one spelt loosely; then the longest stem; then the first listed
      if (
        !best ||
        length > best.length ||
        (length === best.length &&
          (Number(best.cand.loose) > Number(cand.loose) || (best.cand.loose === cand.loose && (stem > best.stem || (stem === best.stem && cand.order < best.cand.order)))))
      ) {
        best = { cand, length, stem };
      }
    }
  }
  return best;
}

export function createWordMatcher(places: PlaceEntry[]): WordMatcher {
  const index = new Map<string, Candidate[]>();
  /** Loose key of a name's first word -> the names spelt loosely (entries marked loose). */
  const looseIndex = new Map<string, Candidate[]>();
  const taken = new Set<string>();
  places.forEach((entry, order) => {
    const canonicalFirst = foldedWords(entry.name)[0] ?? '';
    const canonicalHasArticle = canonicalFirst.startsWith(ARTICLE);
    for (const form of [entry.name, ...entry.variants]) {
      const ws = foldedWords(form);
      const [first, ...rest] = ws;
      if (first === undefined || letterCount(ws.join('')) < MIN_LETTERS) continue;
      const key = ws.join(' ');
      if (taken.has(key)) continue; // a repeated form, or one an earlier entry has
      taken.add(key);
      const bareVariant = canonicalHasArticle && ws.length === 1 && !first.startsWith(ARTICLE);
      const list = index.get(first) ?? [];
      list.push({ entry, order, rest, clitics: !bareVariant, loose: false });
      index.set(first, list);
      if (entry.loose && ws.length > 1) {
        const [looseFirst, ...looseRest] = ws.map(looseArabicWord);
        const looseKey = `~${[looseFirst, ...looseRest].join(' ')}`;
        if (taken.has(looseKey)) continue;
        taken.add(looseKey);
        const looseList = looseIndex.get(looseFirst!) ?? [];
        looseList.push({ entry, order, rest: looseRest, clitics: true, loose: true });
        looseIndex.set(looseFirst!, looseList);
      }
    }
  });
  const hasLoose = looseIndex.size > 0;

  const read = (word: string): MatcherWord => {
    const folded = foldArabic(word);
    const hits: Array<MatcherWord['hits'][number]> = [];
    let announces = false;
    for (const reading of cliticReadings(folded)) {
      if (PLACE_CONTEXT_WORDS.has(reading.stem)) announces = true;
      if (reading.articleRemoved) continue;
      const cands = index.get(reading.stem);
      if (cands) hits.push({ cands, stripped: reading.proclitics !== '', stem: letterCount(reading.stem) });
      const looseCands = hasLoose ? looseIndex.get(looseArabicWord(reading.stem)) : undefined;
      if (looseCands) hits.push({ cands: looseCands, stripped: reading.proclitics !== '', stem: letterCount(reading.stem) });
    }
    return { folded, loose: hasLoose ? looseArabicWord(folded) : '', mayStartName: hits.length > 0, hits, announces };
  };

  const match: WordMatcher['match'] = (text, toks, infos, from, to, starts) => {
    const matches: WordMatch[] = [];
    // the words that may start a name, left to right; a match's words are not looked at again
    let next = from;
    const n = starts ? starts.length : to;
    for (let k = starts ? 0 : from; k < n; k++) {
      const i = starts ? starts[k]! : k;
      if (i < next) continue;
      if (i >= to) break;
      const best = infos[i]!.mayStartName ? bestAt(text, toks, infos, from, i, to - i) : undefined;
      if (!best) continue;
      // other places named inside a multi-word match, left to right, longest first
      const inner: PlaceMatch['inner'] = [];
      const end = i + best.length;
      for (let s = i; s < end; ) {
        const b = bestAt(text, toks, infos, from, s, end - s - (s === i ? 1 : 0));
        if (b && b.cand.entry.slug !== best.cand.entry.slug && !inner.some((x) => x.slug === b.cand.entry.slug)) {
          inner.push({ slug: b.cand.entry.slug, name: b.cand.entry.name });
        }
        s += b ? b.length : 1;
      }
      matches.push({ slug: best.cand.entry.slug, name: best.cand.entry.name, first: i, end, inner });
      next = end;
    }
    return matches;
  };

  return { read, match };
}

export function createPlaceMatcher(places: PlaceEntry[]): (text: string) => PlaceMatch[] {
  const matcher = createWordMatcher(places);
  /**
   * Words repeat a great deal across articles, so what the matcher reads in each is cached; the
   * cache is emptied when it grows past CACHE_LIMIT words, which keeps memory bounded over any
   * number of articles.
   */
  const cache = new Map<string, MatcherWord>();
  const infoOf = (word: string): MatcherWord => {
    let info = cache.get(word);
    if (info) return info;
    info = matcher.read(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, info);
    return info;
  };

  return (text: string): PlaceMatch[] => {
    const toks = words(text);
    const infos = toks.map((t) => infoOf(t.word));
    return matcher.match(text, toks, infos, 0, toks.length).map((m) => {
      const start = toks[m.first]!.start;
      const end = toks[m.end - 1]!.end;
      return { slug: m.slug, name: m.name, surface: text.slice(start, end), start, end, inner: m.inner };
    });
  };
}

/**
 * The canonical names found in a text, each once, in order of first mention; with `inner`, the
 * places named inside longer matches too (عفرين after منطقة عفرين).
 */
export function placeNamesIn(matcher: (text: string) => PlaceMatch[], text: string, options: { inner?: boolean } = {}): string[] {
  return [...new Set(matcher(text).flatMap((m) => [m.name, ...(options.inner ? m.inner.map((x) => x.name) : [])]))];
}
