/**
 * Each article's derived data for one build (article-data.ts: HTML, paragraphs, dated mentions,
 * figures, names of actors), taken from a store where it holds them and computed, then stored,
 * where it does not; and each event's shared passages and each map, the same way. With a store
 * that kept the previous build's entries, a build after one article was added or edited computes
 * that article's data only (and the passages and map of its events).
 *
 * The store is given by the caller (src/cache/disk-store.ts keeps entries on disk); without one
 * everything is computed. Either way the result is the same: an entry is only ever used under the
 * key of exactly what it was computed from, after the checks of records.ts.
 */
import { createHash } from 'node:crypto';
import type { Figure } from '../figures.ts';
import { findSharedPassages, type PassageSource, type SharedPassage } from '../passages.ts';
import type { NameUse } from '../entity-usage.ts';
import type { Entity } from '../../content/schema.ts';
import { renderPlaceMap } from '../maps/map.ts';
import type { FoundMention } from '../mentions.ts';
import type { Paragraph } from '../paragraphs.ts';
import { articleKey, entitiesDigest, isCompleteRecord, namesBasis, type ArticleInput } from './article-data.ts';
import { articleWorker, type ArticleOutcome, type ArticleTask } from './article-task.ts';
import { runSharedWork } from '../../core/workers.ts';
import { mapKey } from './map-batch.ts';
import { DiskStore } from '../../cache/disk-store.ts';

export { mapKey };
import { isArticleRecord, isMapRecord, isPassagesRecord, RECORD_FORMAT, type ArticleRecord, type MapRecord, type PassagesRecord } from './records.ts';

/** `content`: what reading the content files gave (src/cache/parse-cache.ts). */
export type EntryKind = 'articles' | 'passages' | 'maps' | 'content';

/** Where derived data is kept between builds. */
export interface DerivedStore {
  /** The version of the code that computes the entries (code-version.ts); part of every key. */
  readonly version: string;
  /** The entry stored under `key`, or undefined when there is none or it cannot be read. */
  read(kind: EntryKind, key: string): unknown;
  /** Stores an entry; failing to is not an error (the entry is computed again next time). */
  write(kind: EntryKind, key: string, value: unknown): void;
}

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
  /** renderPlaceMap, through the store. */
  drawMap: typeof renderPlaceMap;
}

/** Fewer articles to compute than this are computed on this thread only (a worker takes about a second to start). */
export const MIN_ARTICLES_FOR_WORKER = 200;

export function deriveArticles(articles: ArticleToDerive[], entities: Record<string, Entity>, store?: DerivedStore): DerivedArticles {
  const version = store?.version ?? '';
  const entitiesKey = store ? entitiesDigest(version, entities) : '';
  const out: DerivedArticles = {
    html: new Map(),
    paragraphs: new Map(),
    mentions: new Map(),
    figures: new Map(),
    uses: new Map(),
    findPassages: store ? (sources) => storedPassages(store, sources) : (sources) => findSharedPassages(sources),
    drawMap: store ? (places, options) => storedMap(store, places, options) : renderPlaceMap,
  };
  // Each article's entry: the store's where it is complete, else a task computing what it lacks.
  const records: ArticleRecord[] = new Array(articles.length);
  const tasks: ArticleTask[] = [];
  const taskOf: number[] = [];
  articles.forEach((article, i) => {
    const key = store ? articleKey(version, article.body) : '';
    const stored = store?.read('articles', key);
    const input = { title: article.title, date: article.date, body: article.body };
    const task: ArticleTask = { key, input, inEvent: article.inEvent, namesBasis: store ? namesBasis(entitiesKey, article.title) : '' };
    if (store && isArticleRecord(stored, key)) {
      if (isCompleteRecord(stored, input, task)) {
        records[i] = stored;
        return;
      }
      task.stored = stored;
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
      store.write('articles', outcome.record.key, outcome.record);
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
    if (stored !== undefined && store instanceof DiskStore) store.noteWrite('articles', record.key, stored);
    else store.write('articles', record.key, record);
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

/** The key of an event's passages: exactly what findSharedPassages reads, and the code version. */
export function passagesKey(version: string, sources: PassageSource[]): string {
  return createHash('sha256').update(JSON.stringify(['passages', version, sources])).digest('hex');
}

function storedPassages(store: DerivedStore, sources: PassageSource[]): SharedPassage[] {
  const key = passagesKey(store.version, sources);
  const stored = store.read('passages', key);
  if (isPassagesRecord(stored, key)) return stored.passages;
  const passages = findSharedPassages(sources);
  const record: PassagesRecord = { format: RECORD_FORMAT, key, passages };
  store.write('passages', key, record);
  return passages;
}

function storedMap(store: DerivedStore, places: Parameters<typeof renderPlaceMap>[0], options: Parameters<typeof renderPlaceMap>[1]): string {
  const key = mapKey(store.version, places, options);
  const stored = store.read('maps', key);
  if (isMapRecord(stored, key)) return stored.svg;
  const svg = renderPlaceMap(places, options);
  const record: MapRecord = { format: RECORD_FORMAT, key, svg };
  store.write('maps', key, record);
  return svg;
}
