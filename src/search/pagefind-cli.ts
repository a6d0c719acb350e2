/**
 * Runs the Pagefind CLI (the binary the `pagefind` package installs) on a folder of pages and
 * returns the bundle it wrote, read back once the process has exited (so every file is whole:
 * Pagefind's Node API answers before its files are flushed, see index-site.ts).
 *
 * The CLI rather than the Node API's service: the service takes pages one request at a time and
 * spent about 170 s on 10,000 article pages, the CLI 90 s on the same pages; and several CLI
 * processes can run at once, one per core.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { readBundle, type PagefindFiles } from './pagefind-canonical.ts';

const require = createRequire(import.meta.url);

let version: string | undefined;

/** The version the Pagefind binary reports (part of the key of a kept shard). */
export function pagefindVersion(): string {
  return (version ??= execFileSync(pagefindBinary(), ['--version'], { encoding: 'utf8' }).trim());
}

/** The path of the Pagefind binary: PAGEFIND_BINARY_PATH if set (as the `pagefind` package allows), else the one installed for this platform. */
export function pagefindBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAGEFIND_BINARY_PATH) return env.PAGEFIND_BINARY_PATH;
  const os = platform() === 'win32' ? 'windows' : platform();
  const exe = os === 'windows' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${os}-${arch()}/bin/${name}${exe}`);
    } catch {
      // try the next
    }
  }
  throw new Error(`no Pagefind binary is installed for ${os}-${arch()}; run npm ci`);
}

export class PagefindRunError extends Error {}

/** The last lines of a process's output, for an error message. */
function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

/**
 * Indexes every HTML page under `siteDir` (URLs relative to it) into `outputDir`, as Arabic,
 * and returns the files written there (paths with `/`). Throws PagefindRunError with the end of
 * Pagefind's output when it fails.
 */
export async function runPagefindCli(siteDir: string, outputDir: string): Promise<PagefindFiles> {
  const args = ['--site', siteDir, '--output-path', outputDir, '--force-language', 'ar', '--quiet'];
  const output = await new Promise<string>((resolvePromise, reject) => {
    const child = spawn(pagefindBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', (error) => reject(new PagefindRunError(`Pagefind could not start: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(text);
      else reject(new PagefindRunError(`Pagefind exited with ${signal ?? `code ${code}`}: ${tail(text) || 'no output'}`));
    });
  });
  const files = readBundle(outputDir);
  if (!files.has('pagefind-entry.json')) throw new PagefindRunError(`Pagefind wrote no index: ${tail(output) || 'no output'}`);
  return files;
}
