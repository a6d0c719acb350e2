/**
 * Reading one Markdown content file's text (an article or an event): its front matter as YAML
 * checked against a schema, its body checked for unsafe characters and the Markdown limits.
 * The same on either thread (parse-task.ts) and for a file `add` is about to write
 * (validate-article.ts).
 */
import matter from 'gray-matter';
import type { z } from 'zod';
import type { Problem } from '../core/problem.ts';
import { markdownLimitProblem } from '../markdown/limits.ts';
import { unsafeCharacters } from './schema.ts';
import { kindOf, parseYamlSource, type YamlSource } from './yaml-source.ts';
import { zodProblems } from './zod-problems.ts';

export interface ContentFile<T> {
  /** Path as the user sees it. */
  file: string;
  data: T;
  /** Markdown body. */
  body: string;
  /** The file line on which the body starts. */
  bodyLine: number;
  lineOf: YamlSource['lineOf'];
}

export function parseMarkdownSource<S extends z.ZodType>(source: string, file: string, schema: S, problems: Problem[]): ContentFile<z.infer<S>> | undefined {
  const language = /^---([^\s-][^\n]*)\n/.exec(source)?.[1];
  if (language !== undefined) {
    problems.push({
      file,
      line: 1,
      message: `front matter starts with "---${language}": front matter in a language other than YAML is never read`,
      hint: 'start the file with a line "---" alone, then the fields in YAML',
    });
    return undefined;
  }
  if (!/^---[ \t]*\n/.test(source)) {
    problems.push({ file, line: 1, message: 'has no front matter', hint: 'start the file with a line "---", the fields, and another "---"' });
    return undefined;
  }
  if (!/\n---[ \t]*(\n|$)/.test(source.slice(3))) {
    problems.push({ file, line: 1, message: 'front matter is not closed', hint: 'add a line "---" after the last field' });
    return undefined;
  }
  // gray-matter splits; YAML is parsed by parseYamlSource, which knows lines and keeps dates as text.
  const split = matter(source, { engines: { yaml: () => ({}) } });
  const yaml = parseYamlSource(split.matter.replace(/^\n/, ''), file, 2);
  problems.push(...yaml.problems);
  if (yaml.value === undefined) return undefined;
  if (yaml.value !== null && (typeof yaml.value !== 'object' || Array.isArray(yaml.value))) {
    problems.push({
      file,
      line: 2,
      message: `the front matter must be fields written \`key: value\`, not ${kindOf(yaml.value)}`,
      hint: 'write one field a line, e.g. `title: …` (see README.md, "Content")',
    });
    return undefined;
  }
  const bodyLine = source.slice(0, source.length - split.content.length).split('\n').length;
  problems.push(...bodyCharacterProblems(split.content, file, bodyLine));
  const limit = markdownLimitProblem(split.content);
  if (limit) {
    const [message = limit, hint = ''] = limit.split(/; (.*)/s);
    problems.push({ file, line: bodyLine, message, hint });
  }
  const parsed = schema.safeParse(yaml.value ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, file, yaml, []));
    return undefined;
  }
  return { file, data: parsed.data, body: split.content, bodyLine, lineOf: yaml.lineOf };
}

/**
 * A file's `lineOf`, parsing its YAML again only when first asked: only a problem found across
 * files (references.ts) needs the line of a field, and parseMarkdownSource gives the same lines.
 */
export function lazyLineOf(source: string, file: string): YamlSource['lineOf'] {
  let yaml: YamlSource | undefined;
  return (path) => (yaml ??= frontMatterYaml(source, file)).lineOf(path);
}

/** The YAML of a file whose front matter is there and closed, split off as parseMarkdownSource does. */
function frontMatterYaml(source: string, file: string): YamlSource {
  const split = matter(source, { engines: { yaml: () => ({}) } });
  return parseYamlSource(split.matter.replace(/^\n/, ''), file, 2);
}

/**
 * Direction controls and control characters in a Markdown body, written as such or as character
 * references (`&#x202E;`, which Markdown turns into the character): one problem, at the first line.
 */
function bodyCharacterProblems(body: string, file: string, bodyLine: number): Problem[] {
  // Most bodies: no character reference and no unsafe character anywhere (neither kind of
  // character is a line break, so checking the whole body answers for every line at once).
  if (!body.includes('&#') && unsafeCharacters(body) === undefined) return [];
  const lines = body.split('\n').map((line) =>
    line.replace(/&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi, (ref, hex?: string, dec?: string) => {
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    }),
  );
  const bad = lines.flatMap((text, i) => (unsafeCharacters(text) ? [i] : []));
  const first = bad[0];
  if (first === undefined) return [];
  const [message = '', hint = ''] = (unsafeCharacters(lines[first] ?? '') ?? '').split(/; (.*)/s);
  const others = bad.length > 1 ? ` (and on ${bad.length - 1} more line${bad.length === 2 ? '' : 's'})` : '';
  return [{ file, line: bodyLine + first, message: `the text ${message}${others}`, hint }];
}
