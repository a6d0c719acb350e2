/**
 * What search knows about names and spellings, shared by the index (src/search/index-keys.ts)
 * and the browser's query (src/search/query.ts). Pure and browser-safe.
 *
 * - **Names**: every place of the gazetteer and every entity of entities.yml is one *name
 *   group*: its Arabic name, variants or aliases, and its Latin names. Where the index finds any
 *   Arabic form in an article (with the gazetteer's matcher: clitics, multi-word names, whole
 *   words), each word of it also carries the group's *token*; a query naming any form of the
 *   group, Latin included, searches for that token. So قسد finds «قوات سوريا الديمقراطية» and
 *   Raqqa finds الرقة, للرقة and الرقه.
 *   A place that is also an everyday word (needs_context: الباب, الطبقة) has no token: a query
 *   for it searches the word itself, and its Latin name (Tabqa) is turned into that word.
 * - **Spellings**: words written more than one way (الديمقراطية / الديموقراطية), from
 *   content/data/spellings.yml, folded, each mapped to the group's first spelling.
 *
 * Tokens are lowercase ASCII letters only, so that Pagefind neither splits them (it cuts words
 * at ASCII punctuation, case changes and digits) nor stems them (its Arabic stemmer leaves Latin
 * alone); their prefix makes them words nobody types.
 */
import { foldArabic } from '../arabic/normalise.ts';

export interface NameGroup {
  /** The token the index adds to every word of a mention; null for a name that needs context. */
  token: string | null;
  /** Arabic forms: the name first, then variants or aliases, as written in the data file. */
  forms: string[];
  /** Latin forms (Raqqa, Deir ez-Zor, SDF). */
  latin: string[];
  /**
   * Its Arabic names of two words or more are also found spelt loosely (src/arabic/name-fold.ts):
   * actors' names, many of foreign origin, are; places' are not (their variants are listed).
   */
  loose?: boolean;
}

export interface SearchLexicon {
  names: NameGroup[];
  /** Folded spelling (without article or proclitics) → folded usual spelling of its word. */
  spellings: Record<string, string>;
}

/** Where the build writes the lexicon for the search page, relative to the site folder. */
export const LEXICON_PATH = 'assets/search-lexicon.json';

/** Token prefixes: places and entities. */
export const PLACE_TOKEN = 'qxp';
export const ENTITY_TOKEN = 'qxe';

/**
 * A data key written in letters a–z only, one-to-one: `x` → `xx`, `-` → `xh`, digit d → `x` + the
 * d-th letter; then `xz`, which nothing else writes, so that no token is the beginning of
 * another (Pagefind also finds words that begin with what is searched for: raqqa must not find
 * raqqa-governorate). deir-ez-zor → deirxhezxhzorxz.
 */
export function tokenFor(prefix: string, key: string): string {
  let out = prefix;
  for (const c of key) {
    if (c === 'x') out += 'xx';
    else if (c === '-') out += 'xh';
    else if (c >= '0' && c <= '9') out += `x${'abcdefghij'[Number(c)]}`;
    else if (c >= 'a' && c <= 'z') out += c;
    else throw new Error(`a data key holds ${JSON.stringify(c)}: keys are lowercase Latin letters, digits and hyphens`);
  }
  return `${out}xz`;
}

export interface LexiconSources {
  places: Record<string, { name: string; name_en: string; variants: string[]; needs_context?: boolean }>;
  entities: Record<string, { name: string; name_en: string; aliases: string[]; latin?: string[] }>;
  /** Groups of spellings of one word, the usual one first, without article or proclitics. */
  spellings: Record<string, string[]>;
}

/** The Latin article a transliteration may start with: al-Bab, ar-Raqqa, Ash-Shaddadi, el-Hol. */
const LATIN_ARTICLE = /^(?:al|ar|as|ash|ad|at|az|an|el|er|es|ed)[-\s]+(?=\S)/i;

/** What an English place name may end with that the press leaves out after an article: Al-Omar (oil field). */
const GENERIC_TAIL = /\s+(?:oil field|gas field|camp|roundabout)$/i;

/**
 * The Latin forms of an English name: a parenthesis gives a second form in place of what it
 * follows ("Syrian Democratic Forces (SDF)": SDF; "Al-Thawrah (Tabqa) District": Al-Thawrah
 * District and Tabqa District); each form also without a leading article (al-Bab, Bab); a name
 * with the article and a generic tail also without the tail ("Al-Omar oil field": Al-Omar).
 */
export function latinForms(nameEn: string): string[] {
  const forms = new Set<string>();
  const paren = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(nameEn);
  const parts = paren ? [`${paren[1]} ${paren[3]}`, `${paren[2]} ${paren[3]}`] : [nameEn];
  for (const part of parts) {
    const form = part.replace(/\s+/g, ' ').trim();
    if (!form) continue;
    forms.add(form);
    const bare = form.replace(LATIN_ARTICLE, '');
    if (bare !== form && bare.length >= 3) forms.add(bare);
    const headed = form.replace(GENERIC_TAIL, '');
    if (headed !== form && LATIN_ARTICLE.test(headed)) forms.add(headed);
  }
  return [...forms];
}

/** A Latin article written as a word of its own (ar Raqqa, al Bab): dropped before a name. */
export const LATIN_ARTICLE_WORD = /^(?:al|ar|as|ash|ad|at|az|an|el|er|es|ed)$/i;

export function buildSearchLexicon(sources: LexiconSources): SearchLexicon {
  const names: NameGroup[] = [];
  for (const [key, place] of Object.entries(sources.places)) {
    names.push({
      token: place.needs_context ? null : tokenFor(PLACE_TOKEN, key),
      forms: [place.name, ...place.variants],
      latin: latinForms(place.name_en),
    });
  }
  for (const [key, entity] of Object.entries(sources.entities)) {
    const latin = [...new Set([entity.name_en, ...(entity.latin ?? [])].flatMap(latinForms))];
    names.push({ token: tokenFor(ENTITY_TOKEN, key), forms: [entity.name, ...entity.aliases], latin, loose: true });
  }
  const spellings: Record<string, string> = {};
  for (const group of Object.values(sources.spellings)) {
    const [usual, ...others] = group.map(foldArabic);
    if (!usual) continue;
    for (const other of others) if (other !== usual) spellings[other] = usual;
  }
  return { names, spellings };
}

/**
 * Hyphens and other dashes as spaces, so a Latin name matches word by word (Deir ez-Zor, deir ez
 * zor). Arabic text has none inside names.
 */
export function spaceDashes(text: string): string {
  return text.replace(/[-‐‑‒–—]/g, ' ');
}
