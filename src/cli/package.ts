/**
 * `npm run package -- --organisation NAME [--out FILE] [--site DIR] [--content DIR] [--bagging-date YYYY-MM-DD]`
 * writes the archive as a zipped BagIt bag (RFC 8493), ready for Zenodo or an institutional
 * repository: content/ with its raw sources under data/content/, and with `--site` a built
 * site (checked against its manifest first) under data/site/.
 *
 * `npm run package -- --verify FILE` checks a bag: exit 0 when valid, 1 with one line per
 * problem when not.
 *
 * The content is validated as the build validates it; a broken archive is not packaged. The
 * bag is written to a temporary name beside FILE and renamed into place, so an interrupted run
 * leaves no half bag, and an existing FILE is replaced only when `--force` says so.
 * Two runs on the same content, with the same options and bagging date, write the same bytes.
 * The bagging date is today (UTC) unless `--bagging-date` or SOURCE_DATE_EPOCH gives it.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { environment } from '../core/config.ts';
import { loadValidContent } from '../content/load.ts';
import { findArshifError, formatProblem } from '../core/problem.ts';
import { parseIsoDate } from '../arabic/calendar.ts';
import { verifyManifest } from '../site/manifest.ts';
import { DEFAULT_CONTENT_DIR } from '../core/paths.ts';
import { makeBag, verifyBag, type BagFile, type BagInfo } from '../package/bag.ts';
import { readZip, writeZip } from '../package/zip.ts';
import { bagInfoFor } from '../package/bag-info.ts';
import { readCommandArgs } from '../core/command-args.ts';

const USAGE =
  'usage: npm run package -- --organisation NAME [--out FILE.zip] [--site DIR] [--content DIR] [--bagging-date YYYY-MM-DD] [--force]\n       npm run package -- --verify FILE.zip';

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    out.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

function payloadOf(dir: string, prefix: string): BagFile[] {
  return filesUnder(dir).map((path) => ({ path: `${prefix}/${path}`, bytes: readFileSync(join(dir, path)) }));
}

/** The bagging date: `--bagging-date`, else SOURCE_DATE_EPOCH (reproducible builds), else today in UTC. */
function baggingDate(flag: string | undefined, env: NodeJS.ProcessEnv): string | { problem: string } {
  if (flag !== undefined) {
    return /^\d{4}-\d{2}-\d{2}$/.test(flag) && parseIsoDate(flag) ? flag : { problem: `--bagging-date "${flag}" is not a date; pass YYYY-MM-DD` };
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) return { problem: `SOURCE_DATE_EPOCH "${epoch}" is not a number of seconds; unset it or pass --bagging-date YYYY-MM-DD` };
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date().toISOString().slice(0, 10);
}

async function verify(file: string): Promise<number> {
  if (!existsSync(file)) {
    console.error(`${file}: no such file; pass the path of a bag's zip`);
    return 2;
  }
  let read;
  try {
    read = await readZip(file);
  } catch (error) {
    console.error(`${file}: not a readable zip (${(error as Error).message}); the file is damaged or not a bag`);
    return 1;
  }
  if (!read.folder) {
    console.error(`${file}: the zip does not hold one folder; a zipped bag unpacks to one folder (RFC 8493 §4)`);
    return 1;
  }
  const problems = verifyBag(read.files);
  for (const p of problems) console.error(`${file}: ${read.folder}/${p}`);
  if (problems.length > 0) {
    console.error(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; the bag is not valid`);
    return 1;
  }
  const payload = [...read.files.keys()].filter((p) => p.startsWith('data/')).length;
  console.log(`${file}: valid BagIt bag (${payload} payload files, every sha256 as its manifests say)`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const args = readCommandArgs(
    {
      name: 'package',
      usage: USAGE,
      options: {
        out: { type: 'string' },
        content: { type: 'string' },
        site: { type: 'string' },
        organisation: { type: 'string' },
        organization: { type: 'string' },
        'bagging-date': { type: 'string' },
        force: { type: 'boolean' },
        verify: { type: 'string' },
      },
    },
    argv,
  );
  if ('exit' in args) return args.exit;
  const { values } = args;
  if (values.verify !== undefined) return verify(values.verify);

  const organisation = (values.organisation ?? values.organization ?? environment().organisation ?? '').trim();
  if (!organisation) {
    console.error(
      'package: no source organisation; pass --organisation "NAME" (the body depositing the archive, written as Source-Organization in bag-info.txt), or set ARSHIF_ORGANISATION',
    );
    return 1;
  }
  const date = baggingDate(values['bagging-date'], process.env);
  if (typeof date !== 'string') {
    console.error(`package: ${date.problem}`);
    return 1;
  }
  const contentDir = resolve(values.content ?? DEFAULT_CONTENT_DIR);
  const out = resolve(values.out ?? `arshif-bag-${date}.zip`);
  if (!out.endsWith('.zip')) {
    console.error(`${values.out}: a bag is written as a zip; name a FILE ending in .zip`);
    return 2;
  }
  if (!existsSync(dirname(out))) {
    console.error(`${values.out}: its folder ${dirname(out)} does not exist; create it or pass another --out`);
    return 2;
  }
  if (existsSync(out) && !values.force) {
    console.error(`${out}: already exists; pass --force to replace it, or --out another FILE.zip`);
    return 1;
  }
  const content = loadValidContent(contentDir);
  const payload = payloadOf(contentDir, 'content');
  if (values.site !== undefined) {
    const siteDir = resolve(values.site);
    if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
      console.error(`${values.site}: no such folder; build the site first (npm run build) or leave out --site`);
      return 2;
    }
    const problems = verifyManifest(siteDir);
    if (problems.length > 0) {
      for (const p of problems.slice(0, 20)) console.error(`${values.site}: ${p}`);
      console.error(`${values.site}: the site is not whole; rebuild it (npm run build) before packaging it`);
      return 1;
    }
    payload.push(...payloadOf(siteDir, 'site'));
  }
  const info: BagInfo = bagInfoFor(content, { organisation, baggingDate: date, withSite: values.site !== undefined });
  const bag = makeBag(payload, info);
  const folder = basename(out, '.zip');
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeZip(temporary, folder, bag);
    renameSync(temporary, out);
  } finally {
    rmSync(temporary, { force: true });
  }
  const octets = payload.reduce((n, f) => n + f.bytes.length, 0);
  console.log(
    `${relative(process.cwd(), out) || out}: wrote a BagIt bag of ${payload.length} payload files (${octets} bytes): ${content.articles.length} articles, ${content.events.length} events${values.site !== undefined ? ', and the built site' : ''}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = findArshifError(error);
    if (!known) throw error;
    for (const p of known.problems) console.error(formatProblem(p));
    console.error('package: the content has problems; nothing was written');
    process.exitCode = 1;
  },
);
