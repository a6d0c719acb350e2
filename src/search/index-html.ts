/**
 * The page as Pagefind is given it: the written HTML with search keys added to the words of its
 * text (src/search/index-keys.ts). Only what Pagefind reads changes; the page on disk does not.
 *
 * The pages are this project's own output (Nunjucks and rehype-stringify, well formed), so the
 * text is what lies between tags; a tag is read with its quoted attribute values (which may hold
 * `>`), comments are skipped, and the contents of script, style, template and textarea are left
 * alone. Character references are decoded before the keys are added, so `&quot;قسد&quot;` is
 * read as «"قسد"», and the text is escaped again after.
 */
import type { KeyAnnotator } from './index-keys.ts';

const TOKEN = /<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const RAW_TEXT = /^<(script|style|template|textarea)\b/i;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text; // most text runs have no reference: no regex pass over them
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** A character escapeText changes. */
const TO_ESCAPE = /[&<>]/;
/** A character trim() would keep (\s is trim()'s white space and line terminators). */
const NOT_BLANK = /\S/;

function escapeText(text: string): string {
  if (!TO_ESCAPE.test(text)) return text; // one pass instead of three where there is nothing to escape
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML with every text run annotated. */
export function annotateHtml(html: string, annotator: KeyAnnotator): string {
  let out = '';
  let at = 0;
  let rawUntil: RegExp | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const text = html.slice(at, m.index);
    out += rawUntil || !NOT_BLANK.test(text) ? text : escapeText(annotator.annotate(decodeReferences(text)));
    const tag = m[0];
    if (rawUntil) {
      if (rawUntil.test(tag)) rawUntil = null;
    } else {
      const raw = RAW_TEXT.exec(tag);
      if (raw) rawUntil = new RegExp(`^</${raw[1]}\\s*>$`, 'i');
    }
    out += tag;
    at = m.index + tag.length;
  }
  const rest = html.slice(at);
  return out + (rawUntil || !NOT_BLANK.test(rest) ? rest : escapeText(annotator.annotate(decodeReferences(rest))));
}
