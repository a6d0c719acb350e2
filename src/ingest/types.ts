/** Shared types of the ingest stage. */
import type { ArticleFrontMatter } from '../content/schema.ts';

export type DateBasis = ArticleFrontMatter['date_basis'];

/** A normalised article, ready to be written: front matter in the data model's order, and the body. */
export interface NormalisedArticle {
  frontMatter: ArticleFrontMatter;
  body: string;
}
