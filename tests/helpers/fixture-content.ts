/**
 * A fixture's content: a fresh copy of the seed content with the fixture's changes laid over it.
 * A fixture folder (tests/fixtures/<area>/<case>/) says what it changes in up to three ways:
 *
 * - `overlay/`: whole files, copied over the seed's (a new article, a broken file, a file that
 *   must be exactly this text);
 * - `append/`: text appended to the seed's file of the same path (so several cases can each add
 *   entries to one data file);
 * - `merge/`: entries of a YAML data file (content/data/*.yml), merged by key onto the seed's
 *   file: an entry whose key the seed's file has replaces that entry where it stands (its key
 *   line and the indented lines under it), any other is appended at the end. The rest of the
 *   seed's file (its comments, the other entries) stays as it is. A merge file holds only
 *   entries (`key:` at the start of a line, its fields indented under it), comments and blank
 *   lines; so a fixture changing two fields of one gazetteer entry holds that entry only.
 *
 * Several fixtures may be laid over one copy (the hostile site is built from all its cases), as
 * long as no two write the same file or merge the same entry.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySeedContent } from './site.ts';

/** A line starting an entry of a data file: its Latin key at the start of the line. */
const ENTRY = /^([a-z0-9]+(?:-[a-z0-9]+)*):(?:\s|$)/;

interface Entry {
  key: string;
  /** Index of its key line, and of the line after its last indented line. */
  start: number;
  end: number;
}

/** The entries of a data file's lines: each key line with the indented lines under it. */
function entriesOf(lines: string[]): Entry[] {
  const entries: Entry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = ENTRY.exec(lines[i] ?? '')?.[1];
    if (key === undefined) continue;
    let end = i + 1;
    while (end < lines.length && /^\s+\S/.test(lines[end] ?? '')) end++;
    entries.push({ key, start: i, end });
    i = end - 1;
  }
  return entries;
}

/** `seed` with the entries of `merge` merged by key (see above). */
export function mergeEntries(seed: string, merge: string, name = 'the merge file'): string {
  const mergeLines = merge.replace(/\n$/, '').split('\n');
  const entries = entriesOf(mergeLines);
  const covered = new Set(entries.flatMap((e) => Array.from({ length: e.end - e.start }, (_, k) => e.start + k)));
  mergeLines.forEach((line, i) => {
    assert.ok(covered.has(i) || /^\s*(#.*)?$/.test(line), `${name}, line ${i + 1}: a merge file holds only entries, comments and blank lines, not ${JSON.stringify(line)}`);
  });
  const lines = seed.split('\n');
  const appended: string[] = [];
  for (const entry of entries) {
    const block = mergeLines.slice(entry.start, entry.end);
    const at = entriesOf(lines).find((e) => e.key === entry.key);
    if (at) lines.splice(at.start, at.end - at.start, ...block);
    else appended.push(...block);
  }
  if (appended.length === 0) return lines.join('\n');
  const text = lines.join('\n');
  return `${text}${text.endsWith('\n') ? '' : '\n'}${appended.join('\n')}\n`;
}

const isFolder = (path: string) => statSync(path).isDirectory();
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => !isFolder(join(dir, rel)))
    .sort();

/** A fresh copy of the seed content with each fixture's overlay/, append/ and merge/ applied, in that order. */
export function contentWithFixtures(...fixtureDirs: string[]): string {
  const dir = copySeedContent();
  const written = new Map<string, string>();
  const merged = new Map<string, string>();
  for (const fixture of fixtureDirs) {
    const overlay = join(fixture, 'overlay');
    if (existsSync(overlay)) {
      for (const rel of filesUnder(overlay)) {
        const other = written.get(rel);
        assert.ok(!other, `${fixture} and ${other} both write ${rel}: give each case its own files`);
        written.set(rel, fixture);
      }
      cpSync(overlay, dir, { recursive: true });
    }
    const append = join(fixture, 'append');
    if (existsSync(append)) {
      for (const rel of filesUnder(append)) appendFileSync(join(dir, rel), readFileSync(join(append, rel)));
    }
    const merge = join(fixture, 'merge');
    if (existsSync(merge)) {
      for (const rel of filesUnder(merge)) {
        const text = readFileSync(join(merge, rel), 'utf8');
        for (const { key } of entriesOf(text.split('\n'))) {
          const other = merged.get(`${rel}:${key}`);
          assert.ok(!other, `${fixture} and ${other} both merge ${key} into ${rel}: give each case its own entries`);
          merged.set(`${rel}:${key}`, fixture);
        }
        const target = join(dir, rel);
        assert.ok(existsSync(target), `${fixture}: merge/${rel} names no file of the seed content`);
        writeFileSync(target, mergeEntries(readFileSync(target, 'utf8'), text, join(merge, rel)));
      }
    }
  }
  return dir;
}
