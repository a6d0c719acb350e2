/**
 * The Nu HTML Checker (vnu-jar, the W3C validator's engine) run over many files in ONE Java
 * process (the JVM takes seconds to start), its JSON report read back as messages with the file,
 * line and column, and written out as `file:line:column: message` lines.
 *
 * Java comes from the machine (`java` on PATH, or JAVA for another binary): .ci/run installs
 * default-jre-headless. The vnu-jar package's own downloader is never used.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The vnu.jar path, as the vnu-jar package exports it. */
export const VNU_JAR: string = String(require('vnu-jar'));

export const JAVA = process.env.JAVA ?? 'java';

export interface VnuMessage {
  /** "error", "info" (with subType "warning"), or "non-document-error" (the file could not be checked). */
  type: string;
  subType?: string;
  /** The checked file's path. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** The markup around the problem. */
  extract?: string;
}

interface RawMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/**
 * Checks `files` (HTML) and returns the checker's messages; errors only unless `warnings`. Throws
 * a readable error when Java is missing or the checker's output cannot be read.
 */
export function runVnu(files: string[], { warnings = false }: { warnings?: boolean } = {}): VnuMessage[] {
  if (!files.length) return [];
  const args = ['-jar', VNU_JAR, '--format', 'json', ...(warnings ? [] : ['--errors-only']), ...files];
  const run = spawnSync(JAVA, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    throw new Error(
      `the Nu HTML Checker needs Java: could not run "${JAVA}" (${run.error.message}); install it with \`apt-get install -y default-jre-headless\` (as .ci/run does)`,
    );
  }
  // The JSON report goes to stderr; exit status 1 only means that there were errors.
  let report: { messages?: RawMessage[] };
  try {
    report = JSON.parse(run.stderr) as { messages?: RawMessage[] };
  } catch {
    throw new Error(`the Nu HTML Checker exited with status ${run.status} without a JSON report:\n${run.stderr}${run.stdout}`);
  }
  return (report.messages ?? []).map((m) => ({
    type: m.type,
    ...(m.subType ? { subType: m.subType } : {}),
    file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? '(unknown file)'),
    // firstLine is given only when the problem spans lines; the column is where it starts.
    ...(m.lastLine !== undefined ? { line: m.firstLine ?? m.lastLine } : {}),
    ...(m.firstColumn !== undefined || m.lastColumn !== undefined ? { column: m.firstColumn ?? m.lastColumn } : {}),
    message: m.message,
    ...(m.extract ? { extract: m.extract } : {}),
  }));
}

/**
 * `file:line:column: message` lines, file paths relative to `base`, each with its markup. The same
 * message at the same place in many files (a layout's error) is one line naming the first files.
 */
export function formatVnuMessages(messages: VnuMessage[], base: string): string {
  const groups = new Map<string, { message: VnuMessage; files: string[] }>();
  for (const m of messages) {
    const key = `${m.line}:${m.column}:${m.type}:${m.message}:${m.extract ?? ''}`;
    const file = relative(base, m.file).split(sep).join('/') || m.file;
    const group = groups.get(key);
    if (group) group.files.push(file);
    else groups.set(key, { message: m, files: [file] });
  }
  return [...groups.values()]
    .map(({ message: m, files }) => {
      const where = [files[0], m.line, m.column].filter((x) => x !== undefined).join(':');
      const others =
        files.length > 1 ? ` (and the same in ${files.length - 1} other file${files.length > 2 ? 's' : ''}: ${files.slice(1, 4).join(', ')}${files.length > 4 ? ', …' : ''})` : '';
      const extract = m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim()}` : '';
      return `  ${where}${others}: ${m.type === 'error' ? '' : `${m.subType ?? m.type}: `}${m.message}${extract}`;
    })
    .join('\n');
}
