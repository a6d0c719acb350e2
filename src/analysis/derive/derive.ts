/**
 * Each article's derived data for one build (article-data.ts: HTML, paragraphs, dated mentions,
 * figures, names of actors), taken from a store where it holds them and computed, then stored,
 * where it does not; and each event's shared passages the same way (the maps: map-batch.ts). With a store
 * that kept the previous build's entries, a build after one article was added or edited computes
 * that article's data only (and the passages and map of its events).
 *
 * The store is given by the caller (src/cache/disk-store.ts keeps entries on disk); without one
 * everything is computed. Either way the result is the same: an entry is only ever used under the
 * key of exactly what it was computed from, after the checks of records.ts' schemas (src/cache/memo.ts).
 */
import type { Figure } from '../figures.ts';
import { findSharedPassages, type PassageSource, type SharedPassage } from '../passages.ts';
import type { NameUse } from '../entity-usage.ts';
import type { Entity } from '../../content/schema.ts';
import type { FoundMention } from '../mentions.ts';
import type { Paragraph } from '../../markdown/paragraphs.ts';
import { TextDigests } from '../../cache/process-memory.ts';
import { articleKey, entitiesDigest, isCompleteRecord, namesBasis, type ArticleInput } from './article-data.ts';
import { articleWorker, type ArticleOutcome, type ArticleTask } from './article-task.ts';
import { runSharedWork } from '../../core/workers.ts';
import { DiskStore } from '../../cache/disk-store.ts';
import { memo, memoKey, readMemo, writeMemo } from '../../cache/memo.ts';
import type { Store } from '../../cache/store.ts';
import { ARTICLES, articleRecordSchema, PASSAGES, passagesKeyParts, passagesSchema, QUOTES, quotesSchema, type ArticleRecord } from './records.ts';
import { createQuoteFinder, type Quote } from '../quotes.ts';
import { sha256 } from '../../core/hash.ts';

/** Where derived data is kept between builds (src/cache/store.ts). */
export type DerivedStore = Store;

/** An article as the derive step is given it (derivation's input stage): what its data is computed from, with its id. */
export interface ArticleToDerive extends ArticleInput {
  id: string;
  /** Whether the article belongs to an event (it then needs dated mentions and figures). */
  inEvent: boolean;
}

/** What the build knows of its articles' texts, by article id. */
export interface DerivedArticles {
  html: Map<string, string>;
  paragraphs: Map<string, Paragraph[]>;
  /** Articles in an event only. */
  mentions: Map<string, FoundMention[]>;
  /** Articles in an event only. */
  figures: Map<string, Figure[]>;
  uses: Map<string, NameUse[]>;
  /** findSharedPassages, through the store. */
  findPassages: (sources: PassageSource[]) => SharedPassage[];
  /** Each article's quotes of `people` (createQuoteFinder), by id, through the store. */
  findQuotes: (people: QuotedPeople, ids: readonly string[]) => Map<string, Quote[]>;
}

/** People's names, as createQuoteFinder takes them. */
export type QuotedPeople = Parameters<typeof createQuoteFinder>[0];

/** Fewer articles to compute than this are computed on this thread only (a worker takes about a second to start). */
export const MIN_ARTICLES_FOR_WORKER = 200;

export function deriveArticles(articles: ArticleToDerive[], entities: Record<string, Entity>, store?: DerivedStore, options: { keep?: boolean } = {}): DerivedArticles {
  const version = store?.version ?? '';
  // The bodies' keys, by body: a process that builds again (npm start) keys only the bodies it has not met (src/cache/process-memory.ts).
  const bodyKeys = new TextDigests(`article keys ${version}`, (body) => articleKey(version, body), (options.keep ?? false) && store !== undefined);
  const entitiesKey = store ? entitiesDigest(version, entities) : '';
  const out: DerivedArticles = {
    html: new Map(),
    paragraphs: new Map(),
    mentions: new Map(),
    figures: new Map(),
    uses: new Map(),
    findPassages: store ? (sources) => storedPassages(store, sources, { keys: articleKeys, paragraphs: out.paragraphs }) : (sources) => findSharedPassages(sources),
    findQuotes: (people, ids) => quotesOf(people, ids, out.paragraphs, store && { store, keys: articleKeys }),
  };
  const articleKeys = new Map<string, string>();
  // Each article's entry: the store's where it is complete, else a task computing what it lacks.
  const records: ArticleRecord[] = new Array(articles.length);
  const tasks: ArticleTask[] = [];
  const taskOf: number[] = [];
  articles.forEach((article, i) => {
    const key = store ? bodyKeys.of(article.body) : '';
    articleKeys.set(article.id, key);
    const stored = store && readMemo(store, ARTICLES, key, articleRecordSchema);
    const input = { title: article.title, date: article.date, body: article.body };
    const task: ArticleTask = { key, input, inEvent: article.inEvent, namesBasis: store ? namesBasis(entitiesKey, article.title) : '' };
    if (stored) {
      if (isCompleteRecord(stored, input, task)) {
        records[i] = stored;
        return;
      }
      task.stored = Object.isFrozen(stored) ? structuredClone(stored) : stored; // completed in place (a store's memory keeps it frozen)
    }
    tasks.push(task);
    taskOf.push(i);
  });
  // This thread writes each new entry as soon as it has it (so the writing is shared out with the
  // computing); `changed` is then cleared so that it is not written again below.
  const computeHere = articleWorker({ entities });
  const compute = (task: ArticleTask): ArticleOutcome => {
    const outcome = computeHere(task);
    if (store && outcome.changed) {
      writeMemo(store, ARTICLES, task.key, outcome.record);
      outcome.changed = false;
    }
    return outcome;
  };
  const outcomes = runSharedWork({
    tasks,
    compute,
    module: new URL('./article-task.ts', import.meta.url),
    exportName: 'articleWorker',
    // A worker writes its new entries to a disk store itself (sparing this thread the work).
    setup: { entities, ...(store instanceof DiskStore ? { storeAt: store.location } : {}) },
    minTasks: MIN_ARTICLES_FOR_WORKER,
  });
  outcomes.forEach(({ record, changed, stored }, t) => {
    records[taskOf[t] as number] = record;
    if (!store || !changed) return;
    const { key } = tasks[t] as ArticleTask;
    if (stored !== undefined && store instanceof DiskStore) store.noteWrite(ARTICLES, key, stored);
    else writeMemo(store, ARTICLES, key, record);
  });
  articles.forEach((article, i) => {
    const record = records[i] as ArticleRecord;
    out.html.set(article.id, record.html);
    out.paragraphs.set(article.id, record.paragraphs);
    if (article.inEvent) {
      out.mentions.set(article.id, record.mentions?.found ?? []);
      out.figures.set(article.id, record.figures ?? []);
    }
    out.uses.set(article.id, record.names?.uses ?? []);
  });
  return out;
}

/**
 * An event's shared passages, kept under what they are found from. Where every source's
 * paragraphs are its article's derived ones (the same strings: compareEvent passes them on), an
 * article is written into the key as its record's key, which its paragraphs are a function of,
 * not as its paragraphs again: an event of 10,000 articles is not written out and hashed whole on
 * every build. Any other source is written out.
 */
function storedPassages(
  store: DerivedStore,
  sources: PassageSource[],
  derived: { keys: ReadonlyMap<string, string>; paragraphs: ReadonlyMap<string, Paragraph[]> },
): SharedPassage[] {
  const keyed = sources.map((s) => {
    const key = derived.keys.get(s.id);
    const own = derived.paragraphs.get(s.id);
    const same = key !== undefined && own !== undefined && own.length === s.paragraphs.length && own.every((p, i) => p.text === s.paragraphs[i]);
    return same ? { id: s.id, outlet: s.outlet, record: key } : s;
  });
  return memo(store, { kind: PASSAGES, keyParts: passagesKeyParts(keyed), schema: passagesSchema, compute: () => findSharedPassages(sources) });
}

/**
 * The quotes of `people` in each article of `ids`: taken from the store's entry where it holds
 * them for the same people and the same body (its record's key), else found; the entry is written
 * again, with the articles of this build only, when anything was found anew.
 */
function quotesOf(
  people: QuotedPeople,
  ids: readonly string[],
  paragraphs: ReadonlyMap<string, Paragraph[]>,
  kept?: { store: DerivedStore; keys: ReadonlyMap<string, string> },
): Map<string, Quote[]> {
  let finder: ((paragraphs: Paragraph[]) => Quote[]) | undefined;
  const find = (id: string) => (finder ??= createQuoteFinder(people))(paragraphs.get(id) ?? []);
  if (!kept) return new Map(ids.map((id) => [id, find(id)]));
  const { store, keys } = kept;
  const entryKey = memoKey(store.version, ['quotes of people']);
  const basis = sha256(JSON.stringify(['quotes', people]));
  const last = readMemo(store, QUOTES, entryKey, quotesSchema);
  const before = last?.basis === basis ? last.byArticle : {};
  const now: Record<string, Quote[]> = {};
  const out = new Map<string, Quote[]>();
  let found = false;
  for (const id of ids) {
    const key = keys.get(id) ?? '';
    let quotes = now[key] ?? before[key];
    if (!quotes) {
      quotes = find(id);
      found = true;
    }
    now[key] = quotes;
    out.set(id, quotes);
  }
  if (found || Object.keys(now).length !== Object.keys(before).length) writeMemo(store, QUOTES, entryKey, { basis, byArticle: now });
  return out;
}
