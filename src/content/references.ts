/**
 * Checks that hold between files: every outlet, place and event an article names exists, ids are
 * unique and match their file names, and the gazetteer's parents and spellings are consistent.
 */
import type { Content } from './content.ts';
import { formatPath, quoted, type Problem } from '../core/problem.ts';
import { suggest } from '../core/suggest.ts';
import { basename } from 'node:path';
import { slugify } from '../core/slug.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The advice for an id that differs from its file's name: a file name that is no id is renamed. */
function renameHint(id: string, fileName: string): string {
  return ID.test(fileName)
    ? `rename the file to ${id}.md or set id: ${fileName}`
    : `rename the file to ${id}.md (a file is named after its id: lowercase Latin letters, digits and hyphens)`;
}

export function checkReferences(content: Content): Problem[] {
  const problems: Problem[] = [];
  const { outlets, places, articles, events } = content;
  const gazetteer = placeNames(content);
  // Names of gazetteer entries that are present but invalid: their own problems are reported.
  const rejectedPlaceNames = new Set(
    Object.values(places.rejected).flatMap((raw) => {
      const { name, variants } = (raw ?? {}) as { name?: unknown; variants?: unknown };
      return [name, ...(Array.isArray(variants) ? variants : [])].filter((n): n is string => typeof n === 'string').map((n) => n.trim());
    }),
  );
  const eventIds = new Set([...events.map((e) => e.data.id), ...content.eventFileIds]);

  problems.push(...checkGazetteer(content));

  const checkPlace = (item: { file: string; lineOf: (p: Array<string | number>) => number | undefined }, path: Array<string | number>, name: string) => {
    if (!places.loaded || gazetteer.canonical.has(name) || rejectedPlaceNames.has(name)) return;
    const canonical = gazetteer.variantOf.get(name);
    problems.push({
      file: item.file,
      line: item.lineOf(path),
      field: formatPath(path),
      message: canonical ? `${quoted(name)} is a spelling variant of "${canonical}"` : `${quoted(name)} is not in the gazetteer`,
      hint: canonical ? `write the canonical name "${canonical}"` : `add it to ${places.file} or use the canonical name of a place listed there`,
    });
  };
  const checkEvent = (item: { file: string; lineOf: (p: Array<string | number>) => number | undefined }, path: Array<string | number>, id: string) => {
    if (eventIds.has(id)) return;
    problems.push({
      file: item.file,
      line: item.lineOf(path),
      field: formatPath(path),
      message: `"${id}" is not a known event`,
      hint: `create content/events/${id}.md or use one of: ${[...eventIds].sort().join(', ') || '(none yet)'}`,
    });
  };

  const seenIds = new Map<string, string>();
  for (const article of articles) {
    const { id, outlet } = article.data;
    const expected = basename(article.file, '.md');
    if (id !== expected) {
      problems.push({ file: article.file, line: article.lineOf(['id']), field: 'id', message: `"${id}" differs from the file name`, hint: renameHint(id, expected) });
    }
    const other = seenIds.get(id);
    if (other) {
      problems.push({ file: article.file, line: article.lineOf(['id']), field: 'id', message: `"${id}" is already used by ${other}`, hint: 'give each article its own id' });
    } else {
      seenIds.set(id, article.file);
    }
    if (outlets.loaded && outlets.entries[outlet] === undefined && outlets.rejected[outlet] === undefined) {
      problems.push({
        file: article.file,
        line: article.lineOf(['outlet']),
        field: 'outlet',
        message: `"${outlet}" is not a known outlet`,
        hint: `add it to ${outlets.file} or use a key listed there (${suggest(outlet, Object.keys(outlets.entries).sort())})`,
      });
    }
    for (const [i, name] of article.data.places.entries()) checkPlace(article, ['places', i], name);
    for (const [i, id2] of article.data.events.entries()) checkEvent(article, ['events', i], id2);
    article.data.related_material.forEach((material, m) => {
      for (const [i, name] of material.places.entries()) checkPlace(article, ['related_material', m, 'places', i], name);
      for (const [i, id2] of material.events.entries()) checkEvent(article, ['related_material', m, 'events', i], id2);
    });
    if (article.body.trim() === '') {
      problems.push({ file: article.file, line: article.bodyLine, message: 'the article has no body text', hint: 'write the article text after the front matter' });
    }
  }

  for (const event of events) {
    const expected = basename(event.file, '.md');
    if (event.data.id !== expected) {
      problems.push({
        file: event.file,
        line: event.lineOf(['id']),
        field: 'id',
        message: `"${event.data.id}" differs from the file name`,
        hint: renameHint(event.data.id, expected),
      });
    }
    for (const [i, name] of event.data.places.entries()) checkPlace(event, ['places', i], name);
    event.data.milestones.forEach((milestone, m) => {
      milestone.articles.forEach((id, i) => {
        if (seenIds.has(id)) return;
        problems.push({
          file: event.file,
          line: event.lineOf(['milestones', m, 'articles', i]),
          field: formatPath(['milestones', m, 'articles', i]),
          message: `"${id}" is not an article id`,
          hint: 'use the id of an article in content/articles/ (its file name without .md)',
        });
      });
    });
  }
  problems.push(...checkAgencyPages(content));
  return problems;
}

/**
 * Each agency named in articles gets a page at /agencies/<slug of its name>/: two spellings
 * with one slug (أ.ف.ب and أ ف ب, AFP and afp) would write the same page twice.
 */
function checkAgencyPages(content: Content): Problem[] {
  // Each use's line is looked up only when it is reported (a file's YAML may be parsed on demand, parse-cache.ts).
  const bySlug = new Map<string, Map<string, Array<{ file: string; line: () => number | undefined; i: number }>>>();
  for (const article of content.articles) {
    article.data.agencies.forEach((name, i) => {
      const slug = slugify(name);
      const spellings = bySlug.get(slug) ?? new Map<string, Array<{ file: string; line: () => number | undefined; i: number }>>();
      bySlug.set(slug, spellings);
      const uses = spellings.get(name) ?? [];
      spellings.set(name, uses);
      uses.push({ file: article.file, line: () => article.lineOf(['agencies', i]), i });
    });
  }
  const problems: Problem[] = [];
  for (const [slug, spellings] of bySlug) {
    if (spellings.size < 2) continue;
    // The spelling most articles use is taken as the right one; the others are reported.
    const [usual, usualUses] = [...spellings].sort((a, b) => b[1].length - a[1].length)[0] as [string, unknown[]];
    for (const [name, uses] of spellings) {
      if (name === usual) continue;
      for (const use of uses) {
        problems.push({
          file: use.file,
          line: use.line(),
          field: `agencies[${use.i}]`,
          message: `${quoted(name)} would share the page /agencies/${slug}/ with ${quoted(usual)} (used in ${usualUses.length} article${usualUses.length === 1 ? '' : 's'})`,
          hint: 'spell the agency the same way in every article',
        });
      }
    }
  }
  return problems;
}

export interface PlaceNames {
  /** canonical Arabic name -> slug */
  canonical: Map<string, string>;
  /** variant spelling -> canonical name */
  variantOf: Map<string, string>;
}

export function placeNames(content: Pick<Content, 'places'>): PlaceNames {
  const canonical = new Map<string, string>();
  const variantOf = new Map<string, string>();
  for (const [slug, place] of Object.entries(content.places.entries)) {
    if (!canonical.has(place.name)) canonical.set(place.name, slug);
    for (const v of place.variants) if (!variantOf.has(v)) variantOf.set(v, place.name);
  }
  return { canonical, variantOf };
}

function checkGazetteer(content: Content): Problem[] {
  const problems: Problem[] = [];
  const { file, entries, lineOf } = content.places;
  const owner = new Map<string, string>();
  for (const [slug, place] of Object.entries(entries)) {
    for (const [i, spelling] of [place.name, ...place.variants].entries()) {
      const path = i === 0 ? [slug, 'name'] : [slug, 'variants', i - 1];
      const previous = owner.get(spelling);
      if (previous && previous !== slug) {
        problems.push({
          file,
          line: lineOf(path),
          field: formatPath(path),
          message: `"${spelling}" is already a name of ${previous}`,
          hint: 'a spelling may belong to one place only; remove one of them',
        });
      } else {
        owner.set(spelling, slug);
      }
    }
    if (place.parent !== null && entries[place.parent] === undefined && content.places.rejected[place.parent] === undefined) {
      problems.push({
        file,
        line: lineOf([slug, 'parent']),
        field: `${slug}.parent`,
        message: `"${place.parent}" is not a place in this file`,
        hint: 'use the Latin key of another entry, or null for a country',
      });
    }
    const seen = new Set<string>([slug]);
    for (let p = place.parent; p && entries[p]; p = entries[p]?.parent ?? null) {
      if (seen.has(p)) {
        problems.push({
          file,
          line: lineOf([slug, 'parent']),
          field: `${slug}.parent`,
          message: 'the chain of parents loops back on itself',
          hint: 'make the chain end at a country (parent: null)',
        });
        break;
      }
      seen.add(p);
    }
  }
  return problems;
}
