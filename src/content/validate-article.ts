/**
 * The build's own checks on one article file that is not on disk yet: `npm run add` (and
 * `add --replace`) run them on the text they are about to write, so that whatever they write
 * the build accepts. The same code as the build's: the file's front matter and body as
 * parseMarkdownSource reads them (schema, characters, the Markdown limits), and the checks
 * across files (references.ts) with the article among the others. Only its raw source is not
 * checked, since it is written beside it.
 */
import type { Content } from './load.ts';
import { parseMarkdownSource } from './front-matter.ts';
import type { Problem } from '../core/problem.ts';
import { checkReferences } from './references.ts';
import { articleSchema } from './schema.ts';

/**
 * The problems the build would report for `text` as the article file `file`, in `content`
 * (without the article `replacing`, whose file it takes).
 */
export function articleFileProblems(text: string, file: string, content: Content, replacing?: string): Problem[] {
  const problems: Problem[] = [];
  const article = parseMarkdownSource(text, file, articleSchema, problems);
  if (!article) return problems;
  const others = content.articles.filter((a) => a.file !== file && a.data.id !== replacing);
  const cross = checkReferences({ ...content, articles: [...others, article] });
  return [...problems, ...cross.filter((p) => p.file === file)];
}
