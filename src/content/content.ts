/**
 * What loading content/ gives: its articles and events as files (front matter, body, lines) and its
 * data files' entries. Read by load.ts, checked across files by references.ts.
 */
import type { ArticleFrontMatter, EventFrontMatter, Outlet, Place, SiteFile } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

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

export interface DataEntries<T> {
  file: string;
  /** False when the file is missing or its YAML is broken (references to it are then not checked). */
  loaded: boolean;
  /** The valid entries by key, in an object without a prototype (a key `constructor` is just a key). */
  entries: Record<string, T>;
  /**
   * Entries present but invalid, as written (their problems are reported): references to them
   * are not reported again as unknown.
   */
  rejected: Record<string, unknown>;
  lineOf: YamlSource['lineOf'];
}

export interface Content {
  /** Absolute path of the content folder. */
  dir: string;
  articles: ContentFile<ArticleFrontMatter>[];
  events: ContentFile<EventFrontMatter>[];
  /** Ids of every event file, valid or not (so one broken event is not reported again by each article). */
  eventFileIds: string[];
  outlets: DataEntries<Outlet>;
  places: DataEntries<Place>;
  site: SiteFile;
}
