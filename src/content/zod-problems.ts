/** zod's issues as problems: one per issue, naming the field and its line in the YAML it came from. */
import type { z } from 'zod';
import { formatPath, type Problem } from '../core/problem.ts';
import { kindOf, type YamlSource } from './yaml-source.ts';

/** One problem per zod issue, with the field's line. */
export function zodProblems(error: z.ZodError, file: string, yaml: YamlSource, prefix: Array<string | number>): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        line: yaml.lineOf([...path, key]),
        field: formatPath([...path, key]),
        message: 'is not a known field',
        hint: 'remove it or correct its spelling (see README.md, "Content")',
      }));
    }
    const value = valueAt(yaml.value, path);
    const missing = issue.code === 'invalid_type' && value === undefined;
    // A message may carry its own advice after "; " (e.g. "contains …; remove them").
    const [message = issue.message, hint = 'correct the value'] = issue.message.split(/; (.*)/s);
    const found = issue.code === 'invalid_type' && value !== null ? `, not ${kindOf(value)}` : '';
    return [
      {
        file,
        line: yaml.lineOf(path),
        field: formatPath(path),
        message: missing ? 'is missing' : message + found,
        hint: missing ? 'add it (see README.md, "Content")' : hint,
      },
    ];
  });
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
