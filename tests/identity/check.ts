/**
 * The byte-identity check for refactors: a change that should not change behaviour proves it by
 * producing the same bytes as before.
 *
 *   npx tsx tests/identity/check.ts --record FILE [--only seed,bench,add] [--keep DIR]
 *   npx tsx tests/identity/check.ts --compare FILE [--only …] [--keep DIR]
 *
 * It records, as SHA-256 digests of every file:
 * - seed: the site `npm run build` makes from the seed content/ (every file of the output);
 * - bench: the site built from the benchmark's 1,000-article archive (the archive itself too);
 * - add: for every tests/fixtures/ingest-<case>/, what `npm run add -- --json` prints on stdout
 *   and stderr, its exit code, and the files it wrote, run against a fresh copy of content/.
 *
 * It finds the commands through package.json's scripts (`build`, `add`, `bench`), so the same
 * script checks a tree before and after files move. The bench script's entry must export
 * `writeArchive(contentDir, n, seed)`. Record on the commit before the change, compare after;
 * `--keep DIR` keeps the outputs so that a difference can be read with `diff -r`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const BENCH_ARTICLES = 1_000;
const BENCH_SEED = 1;
const PARTS = ['seed', 'bench', 'add'] as const;
type Part = (typeof PARTS)[number];
type Digests = Record<string, string>;
type Manifest = Partial<Record<Part, Digests>>;

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The source file a package.json script runs, run here with tsx: `tsx src/cli/build.ts --serve`
 * → src/cli/build.ts, or `node bin/arshif.mjs build` (the launcher, which runs the bundle of
 * src/cli/build.ts; tests/bundle.test.ts shows the two build the same site) → src/cli/build.ts.
 */
function scriptEntry(name: string): string {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const script = scripts[name] ?? '';
  const launched = /^node\s+bin\/arshif\.mjs\s+([a-z-]+)\b/.exec(script)?.[1];
  if (launched) return join(ROOT, 'src', 'cli', `${launched}.ts`);
  const match = /^tsx\s+(\S+\.ts)\b/.exec(script);
  if (!match?.[1]) throw new Error(`package.json has no "${name}" script of the form "tsx FILE.ts …" or "node bin/arshif.mjs COMMAND …"`);
  return join(ROOT, match[1]);
}

function digestTree(dir: string): Digests {
  const out: Digests = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = sha256(readFileSync(path));
  }
  return out;
}

async function buildSite(contentDir: string, outputDir: string, cacheDir: string): Promise<void> {
  await run(TSX, [scriptEntry('build'), '--content', contentDir, '--output', outputDir, '--cache-dir', cacheDir, '--quiet'], { cwd: ROOT, maxBuffer: 64 << 20 });
}

async function seedPart(work: string): Promise<Digests> {
  const output = join(work, 'seed-site');
  await buildSite(join(ROOT, 'content'), output, join(work, 'seed-cache'));
  return digestTree(output);
}

async function benchPart(work: string): Promise<Digests> {
  const contentDir = join(work, 'bench-content');
  const output = join(work, 'bench-site');
  const entry = (await import(pathToFileURL(scriptEntry('bench')).href)) as { writeArchive?: (dir: string, n: number, seed: number) => unknown };
  if (typeof entry.writeArchive !== 'function') throw new Error(`${relative(ROOT, scriptEntry('bench'))} does not export writeArchive(contentDir, n, seed)`);
  entry.writeArchive(contentDir, BENCH_ARTICLES, BENCH_SEED);
  await buildSite(contentDir, output, join(work, 'bench-cache'));
  const out: Digests = {};
  for (const [name, digest] of Object.entries(digestTree(contentDir))) out[`content/${name}`] = digest;
  for (const [name, digest] of Object.entries(digestTree(output))) out[`site/${name}`] = digest;
  return out;
}

const INPUTS = ['input.txt', 'input.bin', 'input.html', 'input.htm', 'input.mhtml'];
const OPTION_FLAGS = ['url', 'outlet', 'date', 'title', 'event'] as const;

async function addCase(dir: string, work: string, keepDir: string | undefined): Promise<string> {
  const input = join(dir, INPUTS.find((n) => existsSync(join(dir, n))) ?? 'input.txt');
  const options = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as Record<string, string | boolean | undefined>;
  const caseWork = mkdtempSync(join(work, 'add-'));
  const contentDir = join(caseWork, 'content');
  cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  const before = new Set(readdirSync(contentDir, { recursive: true, encoding: 'utf8' }));
  const args = [scriptEntry('add'), '--json', '--content', contentDir];
  for (const flag of OPTION_FLAGS) if (typeof options[flag] === 'string') args.push(`--${flag}`, options[flag] as string);
  if (options.newOutlet === true || options['new-outlet'] === true) args.push('--new-outlet');
  if (options.repair === true) args.push('--repair');
  args.push(input);
  let exit = 0;
  let stdout = '';
  let stderr = '';
  try {
    ({ stdout, stderr } = await run(TSX, args, { cwd: ROOT, env: { ...process.env, ARSHIF_TODAY: String(options.today ?? '') }, maxBuffer: 64 << 20 }));
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    exit = typeof e.code === 'number' ? e.code : -1;
    stdout = e.stdout ?? '';
    stderr = e.stderr ?? '';
  }
  const show = (s: string) =>
    s.split(contentDir).join('CONTENT').split(relative(ROOT, contentDir)).join('CONTENT').split(input).join('INPUT').split(relative(ROOT, input)).join('INPUT');
  let record = `exit: ${exit}\n--- stdout\n${show(stdout)}\n--- stderr\n${show(stderr)}\n`;
  for (const name of readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(contentDir, name);
    if (before.has(name) || !statSync(path).isFile()) continue;
    record += `--- wrote ${name} ${sha256(readFileSync(path))}\n`;
  }
  if (keepDir) {
    mkdirSync(join(keepDir, 'add'), { recursive: true });
    writeFileSync(join(keepDir, 'add', `${dir.split('/').pop()}.txt`), record);
  }
  rmSync(caseWork, { recursive: true, force: true });
  return record;
}

async function addPart(work: string, keepDir: string | undefined): Promise<Digests> {
  const fixtures = join(ROOT, 'tests', 'fixtures');
  const cases = findIngestCases(fixtures);
  const out: Digests = {};
  const queue = [...cases];
  const worker = async () => {
    for (let dir = queue.shift(); dir; dir = queue.shift()) out[relative(fixtures, dir)] = sha256(await addCase(dir, work, keepDir));
  };
  await Promise.all([worker(), worker(), worker()]);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Ingest fixture folders, wherever they sit under tests/fixtures: any folder with options.json and an input. */
function findIngestCases(root: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!name.endsWith('options.json')) continue;
    const dir = join(root, dirname(name));
    if (INPUTS.some((n) => existsSync(join(dir, n))) && existsSync(join(dir, 'expected.txt'))) found.push(dir);
  }
  return found;
}

/** A case's name without the folder layout: `ingest-foo` and `ingest/foo` are the same case. */
function caseName(key: string): string {
  return key.replace(/^ingest[-/]/, '').replace(/^.*\//, '');
}

function compare(part: Part, before: Digests, after: Digests): string[] {
  const norm = (d: Digests) => (part === 'add' ? Object.fromEntries(Object.entries(d).map(([k, v]) => [caseName(k), v])) : d);
  const a = norm(before);
  const b = norm(after);
  const lines: string[] = [];
  for (const key of Object.keys(a)) if (!(key in b)) lines.push(`${part}: missing now: ${key}`);
  for (const key of Object.keys(b)) if (!(key in a)) lines.push(`${part}: new: ${key}`);
  for (const key of Object.keys(a)) if (key in b && a[key] !== b[key]) lines.push(`${part}: differs: ${key}`);
  return lines;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { record: { type: 'string' }, compare: { type: 'string' }, only: { type: 'string' }, keep: { type: 'string' } } });
  if (!values.record === !values.compare) {
    console.error('usage: tsx tests/identity/check.ts --record FILE | --compare FILE [--only seed,bench,add] [--keep DIR]');
    return 2;
  }
  const parts = (values.only?.split(',') ?? [...PARTS]) as Part[];
  for (const p of parts)
    if (!PARTS.includes(p)) {
      console.error(`--only: unknown part "${p}"; the parts are ${PARTS.join(', ')}`);
      return 2;
    }
  const keepDir = values.keep ? resolve(values.keep) : undefined;
  const work = keepDir ?? mkdtempSync(join(tmpdir(), 'arshif-identity-'));
  mkdirSync(work, { recursive: true });
  const manifest: Manifest = {};
  try {
    for (const part of parts) {
      const started = performance.now();
      manifest[part] = part === 'seed' ? await seedPart(work) : part === 'bench' ? await benchPart(work) : await addPart(work, keepDir);
      console.error(`${part}: ${Object.keys(manifest[part] ?? {}).length} digests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    if (!keepDir) rmSync(work, { recursive: true, force: true });
  }
  if (values.record) {
    writeFileSync(values.record, `${JSON.stringify(manifest, null, 1)}\n`);
    console.error(`recorded ${values.record}`);
    return 0;
  }
  const before = JSON.parse(readFileSync(values.compare as string, 'utf8')) as Manifest;
  const lines = parts.flatMap((p) => (before[p] ? compare(p, before[p], manifest[p] ?? {}) : [`${p}: not in ${values.compare}`]));
  for (const line of lines) console.log(line);
  console.log(lines.length === 0 ? `identical: ${parts.join(', ')}` : `${lines.length} differences`);
  return lines.length === 0 ? 0 : 1;
}

process.exitCode = await main();
