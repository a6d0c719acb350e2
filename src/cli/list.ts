/**
 * `npm run list -- [--outlet K] [--event K] [--place P] [--from D] [--to D] [--json|--csv] [--content DIR]`:
 * the archive's articles in a terminal, oldest first: one line each (date, outlet, id,
 * headline), or the rows of /export/articles.json (`--json`) or articles.csv (`--csv`, without
 * the BOM a terminal would show). Exit 0 with what matches (possibly nothing), 1 when a filter
 * names no outlet, event or place of the archive or a date is malformed.
 */
import { findArshifError, formatProblem } from '../core/problem.ts';
import { getArchive } from '../model/load-archive.ts';
import { DEFAULT_CONTENT_DIR } from '../core/paths.ts';
import { toCsv } from '../export/formats.ts';
import { ARTICLE_COLUMNS } from '../export/rows.ts';
import { selectArticles } from '../export/select.ts';
import { readCommandArgs } from '../core/command-args.ts';

const USAGE = 'usage: npm run list -- [--outlet KEY] [--event KEY] [--place NAME] [--from DATE] [--to DATE] [--json|--csv] [--content DIR]';

function main(argv: string[]): number {
  const args = readCommandArgs(
    {
      name: 'list',
      usage: USAGE,
      options: {
        outlet: { type: 'string' },
        event: { type: 'string' },
        place: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        content: { type: 'string' },
      },
    },
    argv,
  );
  if ('exit' in args) return args.exit;
  const { values } = args;
  if (values.json && values.csv) {
    console.error('list: pass --json or --csv, not both');
    return 2;
  }
  const archive = getArchive(values.content ?? DEFAULT_CONTENT_DIR);
  const result = selectArticles(archive, values);
  if ('problem' in result) {
    console.error(`list: ${result.problem}`);
    return 1;
  }
  const { rows } = result;
  if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (values.csv) process.stdout.write(toCsv(ARTICLE_COLUMNS, rows).replace(/^\uFEFF/, ''));
  else {
    for (const r of rows) console.log(`${r.date}  ${r.outlet.padEnd(16)}  ${r.id}\n            ${r.headline}`);
    console.log(`${rows.length} article${rows.length === 1 ? '' : 's'}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const known = findArshifError(error);
  if (!known) throw error;
  for (const p of known.problems) console.error(formatProblem(p));
  process.exitCode = 1;
}
