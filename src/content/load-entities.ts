/** content/data/entities.yml: actors and the names the press gives them, validated like the other data files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadDataFile } from './load.ts';
import { ArshifError, type Problem } from '../core/problem.ts';

/** What an actor is: a person, or the kind of body. */
export const ENTITY_KINDS = ['person', 'armed-group', 'party', 'government', 'agency', 'organisation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

export const entitySchema = z.strictObject({
  name: text,
  name_en: text,
  kind: z.enum(ENTITY_KINDS, { error: `must be one of ${ENTITY_KINDS.join(', ')}` }),
  /** What the actor is, in a few English words ("general commander of the SDF"). */
  role: text.optional(),
  aliases: z.array(text).default([]),
  /** Latin forms beyond name_en: other transliterations, birth names, acronyms. */
  latin: z.array(text).default([]),
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
