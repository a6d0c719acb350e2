/**
 * One article's derivation as a self-contained task (article-data.ts does the work): what the
 * build has of the article (its input, the entry the store held, if any) in, the complete entry
 * out. A task holds plain data only, so it can be computed on a worker thread (shared-work.ts)
 * as well as on the main one, with the same result.
 */
import { createEntityCounter, type NameUse } from '../entity-usage.ts';
import type { Entity } from '../../content/schema.ts';
import { completeArticleRecord, newArticleRecord, type ArticleInput } from './article-data.ts';
import { DiskStore, type DiskStoreLocation } from '../../cache/disk-store.ts';
import { ARTICLES, type ArticleRecord } from './records.ts';
import { writeMemo } from '../../cache/memo.ts';

/** One article's work, on this thread or a worker (derivation's task stage): the entry to complete or make. */
export interface ArticleTask {
  /** The entry's key (articleKey), '' without a store. */
  key: string;
  input: ArticleInput;
  inEvent: boolean;
  /** namesBasis(…), '' without a store. */
  namesBasis: string;
  /** The record the store held under `key`, checked (records.ts), to be completed; none: a new record. */
  stored?: ArticleRecord;
}

export interface ArticleOutcome {
  record: ArticleRecord;
  /** The entry is new or was completed: to be written to the store. */
  changed: boolean;
  /**
   * Set when the thread that computed the entry also wrote it to the store (a worker thread writes
   * its entries itself, through its own DiskStore on the same folder): whether that succeeded.
   */
  stored?: boolean;
}

/** Computes what `task` lacks. `counter` makes the entity counter on first use. */
export function computeArticle(task: ArticleTask, counter: () => (text: string) => NameUse[]): ArticleOutcome {
  const record = task.stored ?? newArticleRecord(task.input.body);
  const completed = completeArticleRecord(record, task.input, { inEvent: task.inEvent, namesBasis: task.namesBasis, counter });
  return { record, changed: !task.stored || completed };
}

/** What a thread needs to compute article tasks. */
export interface ArticleSetup {
  entities: Record<string, Entity>;
  /** The disk store to write new entries to from this thread (a worker's), if any. */
  storeAt?: DiskStoreLocation;
}

/** A thread's compute function (shared-work.ts calls this in the worker), with its own entity counter. */
export function articleWorker(setup: ArticleSetup): (task: ArticleTask) => ArticleOutcome {
  let counter: ((text: string) => NameUse[]) | undefined;
  const counterOnce = () => (counter ??= createEntityCounter(setup.entities));
  const store = setup.storeAt ? new DiskStore(setup.storeAt.dir, setup.storeAt.version) : undefined;
  return (task) => {
    const outcome = computeArticle(task, counterOnce);
    if (store && outcome.changed) outcome.stored = writeMemo(store, ARTICLES, task.key, outcome.record);
    return outcome;
  };
}
