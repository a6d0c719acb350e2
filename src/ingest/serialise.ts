/**
 * An article as the text of its Markdown file: YAML front matter in the data model's order
 * (lists of names written inline, as an editor would), then the body. Optional fields are
 * written only when they hold something. What this writes, the loader reads back identical.
 */
import { Document, isSeq, isScalar, visit } from 'yaml';
import type { ArticleFrontMatter } from '../content/schema.ts';
import type { NormalisedArticle } from './types.ts';

export function serialiseFrontMatter(fm: ArticleFrontMatter): string {
  const ordered: Record<string, unknown> = {
    id: fm.id,
    title: fm.title,
    outlet: fm.outlet,
    date: fm.date,
    date_basis: fm.date_basis,
    source: fm.source,
    places: fm.places,
    events: fm.events,
    agencies: fm.agencies,
    author: fm.author,
    language: fm.language,
  };
  if (fm.dateline !== null) ordered.dateline = fm.dateline;
  if (fm.tags.length > 0) ordered.tags = fm.tags;
  if (fm.related_material.length > 0) ordered.related_material = fm.related_material;
  const doc = new Document(ordered, { version: '1.2' });
  // Short lists of plain names inline: `places: [الباغوز, سوريا]`.
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node) && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, nullStr: 'null' });
}

export function serialiseArticle(article: NormalisedArticle): string {
  return `---\n${serialiseFrontMatter(article.frontMatter)}---\n\n${article.body}`;
}
