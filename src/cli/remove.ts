/**
 * `npm run remove -- ID [--dry-run] [--content DIR]`: removes the article ID and its raw source,
 * after checking that nothing else cites it.
 *
 * Refused (exit 2, nothing removed, one line each saying what to do): an unknown id (with the
 * nearest ids), content/ with problems, an event milestone that lists the article, another
 * article whose body links to its page. The raw source is kept when another article records the
 * same file. The article file goes first, in one unlink: from then on the archive no longer has
 * it, and an interruption before the source is removed leaves only an unreferenced raw file,
 * which the content loader ignores and the next `add` of the same bytes reuses.
 * Exit codes: 0 removed (or would be, with --dry-run), 2 refused.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContent, type Content } from '../content/load.ts';
import { formatProblem } from '../core/problem.ts';
import { suggest } from '../core/suggest.ts';
import { DEFAULT_CONTENT_DIR, displayPath } from '../core/paths.ts';
import { cleanContentTemporaries } from '../core/atomic-write.ts';
import { environment } from '../core/config.ts';
import { readCommandArgs } from '../core/command-args.ts';

export interface RemoveOutcome {
  exit: 0 | 2;
  /** One line each. */
  messages: string[];
  removed: string[];
}

/** What cites article `id` elsewhere in content/: one line each, `file:line: …`. */
export function citationsOf(id: string, content: Content): string[] {
  const out: string[] = [];
  for (const event of content.events) {
    event.data.milestones.forEach((milestone, m) => {
      milestone.articles.forEach((cited, i) => {
        if (cited !== id) return;
        const line = event.lineOf(['milestones', m, 'articles', i]);
        out.push(`${event.file}${line ? `:${line}` : ''}: the milestone of ${milestone.date} lists it; take ${id} out of its articles first`);
      });
    });
  }
  const link = new RegExp(`/articles/${id.replace(/[-]/g, '\\-')}(?:/|#|\\)|\\s|$)`);
  for (const article of content.articles) {
    if (article.data.id === id) continue;
    const at = article.body.split('\n').findIndex((l) => link.test(l));
    if (at >= 0) out.push(`${article.file}:${article.bodyLine + at}: links to its page; remove the link first`);
  }
  return out;
}

export function removeArticle(id: string, options: { contentDir: string; dryRun?: boolean }): RemoveOutcome {
  const refuse = (...messages: string[]): RemoveOutcome => ({ exit: 2, messages: [...messages, `remove: nothing removed`], removed: [] });
  if (!existsSync(options.contentDir)) return refuse(`${options.contentDir}: the content folder does not exist; run from the project folder or pass --content DIR`);
  const { content, problems } = loadContent(options.contentDir);
  if (!options.dryRun) cleanContentTemporaries(content.dir);
  const article = content.articles.find((a) => a.data.id === id);
  if (!article) {
    const close = suggest(
      id,
      content.articles.map((a) => a.data.id),
    );
    return refuse(`${id}: no article has this id; ${close.startsWith('did you mean') ? close : 'the ids are the file names in content/articles/ without .md'}`);
  }
  if (problems.length > 0) return refuse(...problems.map(formatProblem), 'remove: fix content/ first (npm run build shows the same problems)');
  const citing = citationsOf(id, content);
  if (citing.length > 0) return refuse(...citing.map((c) => `${c} (it cites ${id})`));

  const articlePath = join(content.dir, 'articles', `${id}.md`);
  const sourcePath = join(content.dir, article.data.source.file);
  const sharing = content.articles.filter((a) => a !== article && a.data.source.file === article.data.source.file);
  const verb = options.dryRun ? 'would remove' : 'removed';
  const messages: string[] = [];
  const removed: string[] = [];
  if (!options.dryRun) unlinkSync(articlePath);
  removed.push(articlePath);
  messages.push(`remove: ${verb} ${displayPath(articlePath)} («${article.data.title}», ${article.data.outlet}, ${article.data.date})`);
  if (sharing.length > 0) {
    messages.push(`remove: kept its raw source ${displayPath(sourcePath)}, which ${sharing.map((a) => a.file).join(', ')} also record${sharing.length === 1 ? 's' : ''}`);
  } else if (existsSync(sourcePath)) {
    if (!options.dryRun) unlinkSync(sourcePath);
    removed.push(sourcePath);
    messages.push(`remove: ${verb} its raw source ${displayPath(sourcePath)}`);
  }
  return { exit: 0, messages, removed };
}

function main(): number {
  const parsed = readCommandArgs({
    name: 'remove',
    usage: 'usage: npm run remove -- ID [--dry-run] [--content DIR]',
    options: { content: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    positionals: true,
  });
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error('usage: npm run remove -- ID [--dry-run] [--content DIR]   (one article id: its file name in content/articles/ without .md)');
    return 2;
  }
  const id = (positionals[0] as string).replace(/^.*\//, '').replace(/\.md$/, '');
  const outcome = removeArticle(id, { contentDir: resolve(values.content ?? DEFAULT_CONTENT_DIR), dryRun: values['dry-run'] });
  for (const m of outcome.messages) console.error(m);
  return outcome.exit;
}

if (process.argv[1]?.endsWith('cli/remove.ts')) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`remove: failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. Run with ARSHIF_DEBUG=1 for the trace, and report it.`);
    if (environment().debug) console.error(error);
    process.exitCode = 2;
  }
}
