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
import { cliticReadings, foldArabic, words } from './normalise.ts';

export interface PlaceEntry {
  slug: string;
  name: string;
  variants: string[];
  /**
   * The name is also an everyday word (الباب "the door", الطبقة "the class", تدمر "destroys"):
   * found only right after a word that says a place follows (مدينة، بلدة، منطقة، ريف…).
   */
  needsContext?: boolean;
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

export function createPlaceMatcher(places: PlaceEntry[]): (text: string) => PlaceMatch[] {
  const index = new Map<string, Candidate[]>();
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
      list.push({ entry, order, rest, clitics: !bareVariant });
      index.set(first, list);
    }
  });

  /**
   * What a word (as written) can start: its folded form and the index entries its readings hit.
   * Words repeat a great deal across articles, so this is cached; the cache is emptied when it
   * grows past CACHE_LIMIT words, which keeps memory bounded over any number of articles.
   */
  interface WordInfo {
    folded: string;
    hits: Array<{ cands: Candidate[]; stripped: boolean; stem: number }>;
  }
  const cache = new Map<string, WordInfo>();
  const infoOf = (word: string): WordInfo => {
    let info = cache.get(word);
    if (info) return info;
    const folded = foldArabic(word);
    const hits: WordInfo['hits'] = [];
    for (const reading of cliticReadings(folded)) {
      if (reading.articleRemoved) continue;
      const cands = index.get(reading.stem);
      if (cands) hits.push({ cands, stripped: reading.proclitics !== '', stem: letterCount(reading.stem) });
    }
    info = { folded, hits };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, info);
    return info;
  };

  return (text: string): PlaceMatch[] => {
    const toks = words(text);
    const infos = toks.map((t) => infoOf(t.word));
    /** Word i follows a word that announces a place, with only spaces between them. */
    const announced = (i: number): boolean =>
      i > 0 &&
      NAME_GAP.test(text.slice(toks[i - 1]!.end, toks[i]!.start)) &&
      cliticReadings(infos[i - 1]!.folded).some((r) => PLACE_CONTEXT_WORDS.has(r.stem));

    /** The best name starting at word i and covering at most maxWords words. */
    const bestAt = (i: number, maxWords: number): Best | undefined => {
      let best: Best | undefined;
      for (const { cands, stripped, stem } of infos[i]!.hits) {
        for (const cand of cands) {
          if (stripped && !cand.clitics) continue;
          if (cand.entry.needsContext && !announced(i)) continue;
          const length = 1 + cand.rest.length;
          if (length > maxWords) continue;
          let ok = true;
          for (let k = 1; k < length && ok; k++) {
            ok = infos[i + k]!.folded === cand.rest[k - 1] && NAME_GAP.test(text.slice(toks[i + k - 1]!.end, toks[i + k]!.start));
          }
          if (!ok) continue;
          if (
            !best ||
            length > best.length ||
            (length === best.length && (stem > best.stem || (stem === best.stem && cand.order < best.cand.order)))
          ) {
            best = { cand, length, stem };
          }
        }
      }
      return best;
    };

    const matches: PlaceMatch[] = [];
    let i = 0;
    while (i < toks.length) {
      const best = bestAt(i, toks.length - i);
      if (!best) {
        i++;
        continue;
      }
      // other places named inside a multi-word match, left to right, longest first
      const inner: PlaceMatch['inner'] = [];
      const end = i + best.length;
      for (let s = i; s < end; ) {
        const b = bestAt(s, end - s - (s === i ? 1 : 0));
        if (b && b.cand.entry.slug !== best.cand.entry.slug && !inner.some((x) => x.slug === b.cand.entry.slug)) {
          inner.push({ slug: b.cand.entry.slug, name: b.cand.entry.name });
        }
        s += b ? b.length : 1;
      }
      const startOffset = toks[i]!.start;
      const endOffset = toks[end - 1]!.end;
      matches.push({
        slug: best.cand.entry.slug,
        name: best.cand.entry.name,
        surface: text.slice(startOffset, endOffset),
        start: startOffset,
        end: endOffset,
        inner,
      });
      i = end;
    }
    return matches;
  };
}

/**
 * The canonical names found in a text, each once, in order of first mention; with `inner`, the
 * places named inside longer matches too (عفرين after منطقة عفرين).
 */
export function placeNamesIn(
  matcher: (text: string) => PlaceMatch[],
  text: string,
  options: { inner?: boolean } = {},
): string[] {
  return [...new Set(matcher(text).flatMap((m) => [m.name, ...(options.inner ? m.inner.map((x) => x.name) : [])]))];
}
