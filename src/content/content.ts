/**
 * What loading content/ gives: its articles and events as files (front matter, body, lines:
 * front-matter.ts) and its data files' entries (data-file.ts). Made by load.ts, checked across
 * files by references.ts.
 */
import type { ArticleFrontMatter, EventFrontMatter, Outlet, Place, SiteFile } from './schema.ts';
import type { ContentFile } from './front-matter.ts';
import type { DataEntries } from './data-file.ts';

export type { ContentFile } from './front-matter.ts';
export type { DataEntries } from './data-file.ts';

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
