/**
 * A query as typed, turned into what the index is searched for. Pure and browser-safe: the
 * search page runs it on every search (replacing normaliseQuery), tests run it in Node.
 *
 * - Quoted parts are phrases: "…", «…», “…”. An unclosed quote quotes the rest. A phrase is
 *   its words as written (folded, spellings understood), names included: "دولة الخلافة" finds
 *   those two words in a row, not every name of the Islamic State.
 * - Names outside quotes (src/analysis/lexicon.ts): any Arabic form of a place or entity, with clitics (بالرقة,
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
import { LATIN_ARTICLE_WORD, spaceDashes, type SearchLexicon } from '../analysis/lexicon.ts';

export interface QueryPart {
  /** True for a quoted phrase. */
  phrase: boolean;
  /** The words searched for: folded words and tokens. */
  words: string[];
}

/**
 * One thing the query asks for, which every result must hold: a word (or a name, as its token),
 * a quoted phrase, or a figure. `typed` is what the reader typed for it, for the page to name
 * a unit that matched nothing.
 */
export type QueryUnit =
  | { kind: 'word'; typed: string; words: string[] }
  | { kind: 'phrase'; typed: string; words: string[] }
  | { kind: 'figure'; typed: string; words: string[]; value: number; unit: string | null };

/** A figure a page must hold: the value, and the unit of its counted noun (src/analysis/figures.ts) when the query named one. */
export interface QueryFigureWanted {
  value: number;
  unit: string | null;
}

export interface QueryPlan {
  /** Everything asked for, in the order typed. */
  units: QueryUnit[];
  parts: QueryPart[];
  /** What Pagefind is asked: every word, phrases' words included, once each; null for nothing to search. */
  term: string | null;
  /** The quoted phrases of two words or more, to be found in a row in each page. */
  phrases: string[][];
  /** The figures, to be found in each page (src/search/phrase-match.ts). */
  figures: QueryFigureWanted[];
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

/**
 * Reads figures in queries and pages (src/search/figure-match.ts: figureReader). Given to the
 * reader and the page checks rather than imported, so that the search page loads it only for a
 * query that may hold a number (mayHoldNumber).
 */
export interface FigureReader {
  queryFigures(text: string): Array<{ start: number; end: number; typed: string; value: number; unit: string | null; words: string[] }>;
  findFigure(content: string, wanted: QueryFigureWanted): number[];
}

/** Where the build writes the figure reader's script, relative to the site folder (src/search/bundle-script.ts). */
export const FIGURES_SCRIPT_PATH = 'assets/search-figures.js';

/** Whether a query may hold a number: a digit, or a number word or multiplier (then the figure reader is needed). */
export function mayHoldNumber(query: string): boolean {
  return /[0-9\u0660-\u0669\u06F0-\u06F9]|ألف|الف|آلاف|الاف|مليون|ملايين|مليار|بليون|مئ|مائ|عشر|ثلاث|أربع|اربع|خمس|ست|سبع|ثمان|تسع|اثن|إحدى|احدى|واحد/.test(query);
}

export interface QueryReader {
  /** The query read into units; figures only with a figure reader (else a number is a word). */
  plan(query: string, figures?: FigureReader): QueryPlan;
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
  /** The words of a text as searched for, each with what was typed for it (a name: all of its words). */
  const readWords = (text: string, names: boolean): Array<{ typed: string; words: string[] }> => {
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
    const out: Array<{ typed: string; words: string[] }> = [];
    const plain = (i: number) => out.push({ typed: text.slice(ws[i]!.start, ws[i]!.end), words: [plainWord(ws[i]!.word)] });
    let next = 0;
    for (const m of names ? match(looseText) : []) {
      for (; next < ws.length && at[next]!.end <= m.start; next++) plain(next);
      // al-Raqqa, ar Raqqa: a Latin article just before a name is part of it
      let first = next;
      const before = ws[next - 1];
      if (before && LATIN_ARTICLE_WORD.test(before.word) && /^\s*$/.test(spaced.slice(before.end, ws[next]?.start ?? spaced.length))) {
        out.pop();
        first = next - 1;
      }
      while (next < ws.length && at[next]!.start < m.end) next++;
      const last = ws[Math.max(first, next - 1)];
      out.push({ typed: text.slice(ws[first]?.start ?? 0, last?.end ?? 0), words: replacement(m) });
    }
    for (; next < ws.length; next++) plain(next);
    return out.map((u) => ({ typed: u.typed, words: u.words.filter((w) => w !== '') })).filter((u) => u.words.length > 0);
  };
  const plainWord = (word: string): string => {
    const folded = foldArabic(word);
    return usualSpelling(folded, lexicon.spellings) ?? folded;
  };

  return {
    plan(query: string, figures?: FigureReader): QueryPlan {
      const units: QueryUnit[] = [];
      for (const p of splitPhrases(query.slice(0, 400))) {
        if (p.phrase) {
          const ws = readWords(p.text, false).flatMap((u) => u.words);
          if (ws.length) units.push({ kind: 'phrase', typed: p.text.trim(), words: ws });
          continue;
        }
        // figures first (١١ ألف, 52 ألف كم): their words are blanked out, offsets kept
        let rest = p.text;
        const inText: Array<{ at: number; unit: QueryUnit }> = [];
        for (const f of figures?.queryFigures(p.text) ?? []) {
          inText.push({ at: f.start, unit: { kind: 'figure', typed: f.typed, words: f.words, value: f.value, unit: f.unit } });
          rest = rest.slice(0, f.start) + ' '.repeat(f.end - f.start) + rest.slice(f.end);
        }
        const wordsHere = readWords(rest, true);
        // in the order typed
        let k = 0;
        for (const u of wordsHere) {
          const at = p.text.indexOf(u.typed);
          while (k < inText.length && inText[k]!.at < at) units.push(inText[k++]!.unit);
          units.push({ kind: 'word', typed: u.typed, words: u.words });
        }
        while (k < inText.length) units.push(inText[k++]!.unit);
      }
      return planOf(units);
    },
  };
}

/**
 * A plan from its units (the whole query, or what is left of it once the words that matched
 * nothing are taken out: planWithout).
 */
export function planOf(units: QueryUnit[]): QueryPlan {
  const parts: QueryPart[] = [];
  for (const u of units) {
    if (u.kind === 'figure') continue;
    const last = parts[parts.length - 1];
    if (u.kind === 'word' && last && !last.phrase) last.words.push(...u.words);
    else parts.push({ phrase: u.kind === 'phrase', words: [...u.words] });
  }
  const all = [...new Set(units.flatMap((u) => u.words))];
  return {
    units,
    parts,
    term: all.length ? all.join(' ') : null,
    phrases: units.filter((u) => u.kind === 'phrase' && u.words.length > 1).map((u) => u.words),
    figures: units.filter((u): u is QueryUnit & { kind: 'figure' } => u.kind === 'figure').map((u) => ({ value: u.value, unit: u.unit })),
  };
}

/** The plan without the units at these indexes (words that matched nothing). */
export function planWithout(plan: QueryPlan, dropped: ReadonlySet<number>): QueryPlan {
  return planOf(plan.units.filter((_, i) => !dropped.has(i)));
}

/** Units whose words must be checked in a page's text: Pagefind may find pages that lack them (stems, prefixes). Tokens need no check. */
export function needsTextCheck(unit: QueryUnit): boolean {
  return unit.kind !== 'word' || unit.words.some((w) => !isToken(w));
}

/** A name group's token (src/analysis/lexicon.ts): lowercase letters, a token prefix, and the closing xz. */
export function isToken(word: string): boolean {
  return /^(?:qxp|qxe)[a-z]*xz$/.test(word);
}
