/**
 * A content problem: one thing wrong in one file, reported as one readable line.
 *
 * Every message names the file (relative to the project, as the user sees it), the line where
 * one is known, the field where one applies, what is wrong and what to do about it.
 */
export interface Problem {
  /** Path as the user would type it, e.g. `content/articles/x.md`. */
  file: string;
  /** 1-based line, where known. */
  line?: number;
  /** Dotted field path, e.g. `source.sha256` or `places[2]`. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  hint: string;
}

/** `source.sha256`, `places[2]`: a field path as a user reads it. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, step) => (typeof step === 'number' ? `${out}[${step}]` : out ? `${out}.${step}` : step), '');
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` ${p.field}:` : '';
  return showInvisible(`${where}:${field} ${p.message}; ${p.hint}`);
}

/**
 * Control characters (line breaks included) and bidi embeddings, overrides and isolates,
 * written as `<U+202E>`: a problem stays on one line, a hostile file name or value cannot drive
 * the terminal (escape sequences) or reorder what the reader sees.
 */
const INVISIBLE = /[\x00-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;

export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** A value from a content file quoted in a message: in quotes, cut to `max` characters. */
export function quoted(value: string, max = 80): string {
  const chars = [...value];
  return `"${chars.length > max ? `${chars.slice(0, max).join('')}…` : value}"`;
}

/**
 * The one error class of Arshif. It carries the problems it reports, so a caller can print one
 * line per problem instead of a stack trace.
 */
export class ArshifError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[], options?: { cause?: unknown }) {
    super(problems.map(formatProblem).join('\n'), options);
    this.name = 'ArshifError';
    this.problems = problems;
  }

  static single(problem: Problem, cause?: unknown): ArshifError {
    return new ArshifError([problem], cause === undefined ? undefined : { cause });
  }
}

/** Finds an ArshifError anywhere in an error's `cause` chain (Eleventy wraps errors thrown in config). */
export function findArshifError(error: unknown): ArshifError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ArshifError) return current;
    if (typeof current === 'object' && current && 'name' in current && (current as Error).name === 'ArshifError' && 'problems' in current) {
      return current as ArshifError;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
