/**
 * A small, strict BibTeX reader for the citation files the site writes, independent of
 * citation-js (which writes them): entries `@type{key, field = {value}, …}`, values in braces
 * or quotes, or bare numbers. It rejects what would break BibTeX or LaTeX on such a file:
 * unbalanced braces, a key with spaces or commas, a duplicate field, text after a value other
 * than `,` or `}`, and in a value LaTeX's special characters written bare (`& % $ # _`) or a
 * command it does not know (font commands read as their argument's text); `url` and the other
 * verbatim fields only need balanced braces. Values come back decoded: escapes undone, grouping braces removed.
 * No BibTeX package is installed here (bibtexparser, biber); this checks what they would trip on.
 */

export class BibtexError extends Error {}

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

const TEXT_COMMANDS: Record<string, string> = { textbackslash: '\\', textasciitilde: '~', textasciicircum: '^' };
/** Font commands a value may hold (CSL's rich text <b>, <i>… written as LaTeX); read as their argument's text. */
const FORMATTING = new Set(['textbf', 'textit', 'textsc', 'textsuperscript', 'textsubscript', 'emph']);
/** Fields BibTeX styles print verbatim (\url): only their braces must balance. */
export const VERBATIM_FIELDS = new Set(['url', 'doi', 'eprint', 'file']);

/** A braced value's LaTeX decoded to text. */
export function decodeLatex(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\') {
      const next = raw[i + 1] ?? '';
      if ('&%$#_{}'.includes(next) && next !== '') {
        out += next;
        i++;
        continue;
      }
      const m = /^[a-zA-Z]+/.exec(raw.slice(i + 1));
      if (m && FORMATTING.has(m[0]) && raw[i + 1 + m[0].length] === '{') {
        i += m[0].length;
        continue;
      }
      if (!m || !(m[0] in TEXT_COMMANDS)) throw new BibtexError(`${where}: unknown command \\${m?.[0] ?? next}`);
      out += TEXT_COMMANDS[m[0]];
      i += m[0].length;
      if (raw.slice(i + 1, i + 3) === '{}') i += 2;
      continue;
    }
    if ('&%$#_'.includes(c)) throw new BibtexError(`${where}: bare "${c}" (LaTeX would fail); it must be escaped`);
    if (c === '{' || c === '}') continue; // grouping (balance checked when the value was read)
    out += c;
  }
  return out;
}

export function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const fail = (message: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new BibtexError(`line ${line}: ${message}`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  while (true) {
    skipSpace();
    if (i >= text.length) break;
    if (text[i] !== '@') fail(`text outside an entry: ${JSON.stringify(text.slice(i, i + 20))}`);
    const head = /^@([a-zA-Z]+)\s*\{\s*([^\s,{}]+)\s*,/.exec(text.slice(i));
    if (!head) fail('an entry must start "@type{key,"');
    const [whole, type, key] = head as RegExpExecArray;
    i += whole.length;
    const fields: Record<string, string> = {};
    while (true) {
      skipSpace();
      if (text[i] === '}') {
        i++;
        break;
      }
      const name = /^([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*/.exec(text.slice(i));
      if (!name) fail(`expected a field or "}" in ${key}`);
      i += (name as RegExpExecArray)[0].length;
      const field = ((name as RegExpExecArray)[1] as string).toLowerCase();
      if (field in fields) fail(`duplicate field ${field} in ${key}`);
      let raw = '';
      if (text[i] === '{' || text[i] === '"') {
        const close = text[i] === '{' ? '}' : '"';
        let depth = 0;
        const start = ++i;
        for (; i < text.length; i++) {
          const c = text[i];
          if (c === '\\') {
            i++;
            continue;
          }
          if (c === '{') depth++;
          else if (c === '}' && depth > 0) depth--;
          else if (c === close && depth === 0) break;
          else if (c === '}') fail(`unbalanced "}" in ${key}.${field}`);
        }
        if (i >= text.length) fail(`unterminated value of ${key}.${field}`);
        raw = text.slice(start, i);
        i++;
      } else {
        const bare = /^\d+/.exec(text.slice(i));
        if (!bare) fail(`${key}.${field}: a value must be in braces, in quotes or a number`);
        raw = (bare as RegExpExecArray)[0];
        i += raw.length;
      }
      fields[field] = VERBATIM_FIELDS.has(field) ? raw : decodeLatex(raw, `${key}.${field}`);
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail(`expected "," or "}" after ${key}.${field}`);
    }
    entries.push({ type: (type as string).toLowerCase(), key: key as string, fields });
  }
  return entries;
}
