/**
 * Body lines to Markdown: one paragraph per line, short heading-like lines between paragraphs
 * as `##` headings, hashtags turned into words (and collected as tags), and every character
 * Markdown would read as syntax escaped, so the text renders exactly as written.
 */
import { endsLikeSentence, wordCount } from './lines.ts';

export interface MarkdownBody {
  markdown: string;
  tags: string[];
}

const HASHTAG = /#([\p{L}\p{N}_]+)/gu;

/** Escapes what Markdown would interpret, in a line of plain text. */
export function escapeMarkdown(text: string): string {
  let out = text.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/&(?=#?[a-z0-9]+;)/giu, '\\&');
  out = out.replace(/^(\s*)([#+\-=>])/u, '$1\\$2'); // heading, list, setext, quote markers
  out = out.replace(/^(\s*\d{1,9})([.)])(\s|$)/u, '$1\\$2$3'); // "1. " would start a list
  return out;
}

/** Paragraphs around a subheading are prose: at least this many words each. */
const PROSE_WORDS = 12;

/**
 * A short line of words (2 to 9, starting with a letter, not ending like a sentence) standing
 * between two paragraphs of prose, as "إعلان النصر إيذان بمرحلة جديدة" does in seed 004.
 */
function isSubheading(text: string, previous: string | undefined, next: string | undefined): boolean {
  const words = wordCount(text);
  return (
    previous !== undefined &&
    next !== undefined &&
    words >= 2 &&
    words <= 9 &&
    text.length <= 80 &&
    /^\p{L}/u.test(text) &&
    !endsLikeSentence(text) &&
    wordCount(previous) >= PROSE_WORDS &&
    wordCount(next) >= PROSE_WORDS
  );
}

export function bodyToMarkdown(lines: string[]): MarkdownBody {
  const tags: string[] = [];
  const blocks = lines.map((line, i) => {
    const text = line.replace(HASHTAG, (_whole, tag: string) => {
      const words = tag.replace(/_+/g, ' ').trim();
      if (!tags.includes(words)) tags.push(words);
      return words;
    });
    const heading = isSubheading(text, lines[i - 1], lines[i + 1]);
    return heading ? `## ${escapeMarkdown(text)}` : escapeMarkdown(text);
  });
  return { markdown: `${blocks.join('\n\n')}\n`, tags };
}
