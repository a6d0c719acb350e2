/**
 * `npm run timeline -- EVENT [--content DIR]`: the dated mentions in an event's articles that no
 * milestone covers yet, oldest first, each with its sentence and where it stands, so an editor
 * can promote the ones that matter to milestones in content/events/EVENT.md.
 */
import { findArshifError, formatProblem } from '../core/problem.ts';
import { getArchive } from '../model/load-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../core/paths.ts';
import { dateLabel } from '../analysis/timeline/build-timeline.ts';
import { readCommandArgs } from '../core/command-args.ts';

function main(): number {
  const args = readCommandArgs({ name: 'timeline', usage: 'usage: npm run timeline -- EVENT [--content DIR]', options: { content: { type: 'string' } }, positionals: true });
  if ('exit' in args) return args.exit;
  const { values, positionals } = args;
  const [eventId] = positionals;
  const archive = getArchive(values.content ?? DEFAULT_CONTENT_DIR);
  const event = archive.events.find((e) => e.id === eventId);
  if (!event) {
    console.error(`timeline: ${eventId ? `"${eventId}" is not an event` : 'name an event'}; events: ${archive.events.map((e) => e.id).join(', ')}`);
    return 2;
  }
  const mentions = [...event.uncoveredMentions].sort((a, b) => a.value.localeCompare(b.value) || a.articleId.localeCompare(b.articleId));
  console.log(`${event.id}: ${mentions.length} dated mentions not covered by a milestone`);
  for (const m of mentions) {
    console.log(`\n${m.value}  ${dateLabel(m.value)}  (${m.kind}, «${m.expression}»)${m.flag ? `  ⚠ ${m.flag}` : ''}`);
    console.log(`  ${m.sentence}`);
    console.log(`  ${m.href}`);
  }
  console.log(`\nTo promote one, add to content/events/${event.id}.md:\nmilestones:\n  - date: 'YYYY-MM-DD'\n    text: …\n    articles: [ARTICLE-ID]`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  const known = findArshifError(error);
  if (!known) throw error;
  for (const p of known.problems) console.error(formatProblem(p));
  process.exitCode = 1;
}
