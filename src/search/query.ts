/**
 * A query as typed, turned into what the index is searched for. Pure and browser-safe: the
 * search page runs it on every search (replacing normaliseQuery), tests run it in Node.
 *
 * - Quoted parts are phrases: "…", «…», “…”. An unclosed quote quotes the rest. A phrase is
 *   its words as written (folded, spellings understood), names included: "دولة الخلافة" finds
 *   those two words in a row, not every name of the Islamic State.
 * - Names outside quotes (src/search/lexicon.ts): any Arabic form of a place or entity, with clitics (بالرقة,
 *   لقسد), or a Latin name (Raqqa, Deir ez-Zor, SDF), becomes its group's token, which the
 *   index carries on every word of every mention of any form. A place that needs context
 *   becomes its Arabic name's words (Tabqa → الطبقه).
 * - Every other word is folded (foldArabic: الرقّة, الرقه, الرقة are one word; ٢٠١٩ is 2019)
 *   and, if it is a listed spelling variant, written the usual way (الديموقراطية →
 *   الديمقراطيه), its proclitics kept.
 *
 * The result is one Pagefind term, all the words (Pagefind finds the pages holding every one),
 * and the phrases, which the search page then looks for in the pages found
 * (src/search/phrase-match.ts: Pagefind's own exact search misses some).
 */
import { createPlaceMatcher, type PlaceEntry, type PlaceMatch } from '../arabic/place-matcher.ts';
import { isLatinWord, looseLatinWord } from '../arabic/name-fold.ts';
import { foldArabic, words } from '../arabic/normalise.ts';
import { usualSpelling } from './index-keys.ts';
import { LATIN_ARTICLE_WORD, spaceDashes, type SearchLexicon } from './lexicon.ts';

export interface QueryPart {
  /** True for a quoted phrase. */
  phrase: boolean;
  /** The words searched for: folded words and tokens. */
  words: string[];
}

export interface QueryPlan {
  parts: QueryPart[];
  /** What Pagefind is asked: every word, phrases' words included, once each; null for nothing to search. */
  term: string | null;
  /** The quoted phrases of two words or more, to be found in a row in each page. */
  phrases: string[][];
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '“', '”': '”' };
const OPENING = /["«“„”]/;

/** The query cut into bare text and quoted phrases, in order. */
export function splitPhrases(query: string): Array<{ text: string; phrase: boolean }> {
  const parts: Array<{ text: string; phrase: boolean }> = [];
  let rest = query;
  for (;;) {
    const open = rest.search(OPENING);
    if (open < 0) break;
    const opener = rest[open] as string;
    const closer = QUOTE_PAIRS[opener] ?? opener;
    const close = rest.indexOf(closer, open + 1);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(0, open), phrase: false });
    parts.push({ text: rest.slice(open + 1, end), phrase: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  parts.push({ text: rest, phrase: false });
  return parts.filter((p) => p.text.trim() !== '');
}

/** A Latin name as the query matcher holds it: dashes as spaces, each word folded loosely, articles left out. */
export function looseLatinText(form: string): string {
  return words(spaceDashes(form))
    .filter((w) => !LATIN_ARTICLE_WORD.test(w.word))
    .map((w) => looseLatinWord(w.word))
    .join(' ');
}

export interface QueryReader {
  plan(query: string): QueryPlan;
}

export function createQueryReader(lexicon: SearchLexicon): QueryReader {
  // One matcher over every group's Arabic and Latin forms; the slug is the group's index.
  // A place that needs context needs it in Arabic only: Tabqa is never an everyday word.
  // Latin forms are matched loosely (src/arabic/name-fold.ts: Mazlum, Mazloum; al-Hol, Al-Hawl),
  // their articles left out (Abu Bakr Baghdadi, Abu Bakr al-Baghdadi); actors' Arabic names of
  // two words or more too (كينو جابرييل, كينو غابرييل).
  const match = createPlaceMatcher(
    lexicon.names.flatMap((group, i): PlaceEntry[] => {
      const latin = group.latin.map(looseLatinText).filter((form) => form !== '');
      const loose = group.loose === true;
      if (group.token !== null) return [{ slug: String(i), name: group.forms[0] ?? '', variants: [...group.forms.slice(1), ...latin], loose }];
      return [
        { slug: String(i), name: group.forms[0] ?? '', variants: group.forms.slice(1), needsContext: true, loose },
        { slug: String(i), name: latin[0] ?? '', variants: latin.slice(1) },
      ];
    }),
  );
  const replacement = (m: PlaceMatch): string[] => {
    const group = lexicon.names[Number(m.slug)];
    if (!group) return [];
    if (group.token !== null) return [group.token];
    return words(foldArabic(group.forms[0] ?? '')).map((w) => w.word);
  };
  const readWords = (text: string, names: boolean): string[] => {
    const spaced = spaceDashes(text);
    const ws = words(spaced);
    // The text names are looked for in: Latin words folded loosely, Latin articles left out
    // (an empty word where they were), so that word i of ws is word i of this text.
    let looseText = '';
    const at: Array<{ start: number; end: number }> = [];
    let from = 0;
    for (const w of ws) {
      looseText += spaced.slice(from, w.start);
      const latin = isLatinWord(w.word);
      const written = latin && LATIN_ARTICLE_WORD.test(w.word) ? '' : latin ? looseLatinWord(w.word) : w.word;
      const start = looseText.length;
      looseText += written;
      at.push({ start, end: looseText.length });
      from = w.end;
    }
    looseText += spaced.slice(from);
    const out: string[] = [];
    let next = 0;
    for (const m of names ? match(looseText) : []) {
      for (; next < ws.length && at[next]!.end <= m.start; next++) out.push(plainWord(ws[next]!.word));
      // al-Raqqa, ar Raqqa: a Latin article just before a name is part of it
      const before = ws[next - 1];
      if (before && LATIN_ARTICLE_WORD.test(before.word) && /^\s*$/.test(spaced.slice(before.end, ws[next]?.start ?? spaced.length))) out.pop();
      out.push(...replacement(m));
      while (next < ws.length && at[next]!.start < m.end) next++;
    }
    for (; next < ws.length; next++) out.push(plainWord(ws[next]!.word));
    return out.filter((w) => w !== '');
  };
  const plainWord = (word: string): string => {
    const folded = foldArabic(word);
    return usualSpelling(folded, lexicon.spellings) ?? folded;
  };

  return {
    plan(query: string): QueryPlan {
      const parts = splitPhrases(query.slice(0, 400))
        .map((p) => ({ phrase: p.phrase, words: readWords(p.text, !p.phrase) }))
        .filter((p) => p.words.length > 0);
      const all = [...new Set(parts.flatMap((p) => p.words))];
      return {
        parts,
        term: all.length ? all.join(' ') : null,
        phrases: parts.filter((p) => p.phrase && p.words.length > 1).map((p) => p.words),
      };
    },
  };
}
