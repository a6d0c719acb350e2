/** content/data/entities.yml: actors and the names the press gives them, validated like the other data files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadDataFile } from '../content/load.ts';
import { ArshifError, type Problem } from '../content/problem.ts';

export const entitySchema = z.strictObject({
  name: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }),
  name_en: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }),
  aliases: z.array(z.string({ error: 'must be text' }).trim().min(1)).default([]),
});
export type Entity = z.infer<typeof entitySchema>;

/** The entities keyed by Latin key; {} when the file does not exist. Throws ArshifError on problems. */
export function loadEntities(contentDir: string): Record<string, Entity> {
  const path = join(contentDir, 'data', 'entities.yml');
  if (!existsSync(path)) return {};
  const problems: Problem[] = [];
  const file = loadDataFile(path, entitySchema, problems);
  if (problems.length > 0) throw new ArshifError(problems);
  return file.entries;
}
