/**
 * The article views: each article with its outlet, places, events and agencies resolved, its
 * dates in Arabic, its HTML (src/analysis/derive/) and the passages other outlets share with it.
 */
import type { ContentFile } from '../content/load.ts';
import type { ArticleFrontMatter } from '../content/schema.ts';
import { derivedOf } from './derived.ts';
import { displayDate } from './format.ts';
import type { Paragraph } from '../markdown/paragraphs.ts';
import { byDateDesc } from './list-order.ts';
import type { Refs } from './refs.ts';
import { articlePath, publishedSourcePath } from './site-paths.ts';
import { DATE_BASIS_LABELS, RELATED_MATERIAL_KIND_LABELS } from './ui-strings.ts';
import type { ArticleView, SharedPassageNote } from './views.ts';

export interface ArticleParts {
  /** Each article's HTML, by id: every article is there (src/analysis/derive/). */
  html: ReadonlyMap<string, string>;
  /** Each article's paragraphs, as its render gave them, by id: every article is there. */
  paragraphs: ReadonlyMap<string, readonly Paragraph[]>;
  /** Each article's passages shared with other outlets, by id (comparisons.ts); none where absent. */
  sharedPassages: ReadonlyMap<string, readonly SharedPassageNote[]>;
}

/** Every article, newest first. */
export function articleViews(files: readonly ContentFile<ArticleFrontMatter>[], refs: Refs, parts: ArticleParts): ArticleView[] {
  return files
    .map(({ data, file }): ArticleView => {
      const html = derivedOf(parts.html, data.id, 'HTML');
      return {
        id: data.id,
        url: articlePath(data.id),
        title: data.title,
        sharedPassages: parts.sharedPassages.get(data.id) ?? [],
        date: displayDate(data.date),
        dateBasis: data.date_basis,
        dateBasisLabel: DATE_BASIS_LABELS[data.date_basis],
        outlet: refs.outlet(data.outlet),
        places: data.places.map(refs.place),
        events: data.events.map(refs.event),
        agencies: data.agencies.map(refs.agency),
        author: data.author,
        dateline: data.dateline,
        tags: data.tags,
        source: {
          file: data.source.file,
          href: publishedSourcePath(data.source.file),
          sha256: data.source.sha256,
          url: data.source.url,
          retrieved: data.source.retrieved ? displayDate(data.source.retrieved) : null,
        },
        html,
        summary: derivedOf(parts.paragraphs, data.id, 'paragraphs')[0]?.text ?? '',
        relatedMaterial: data.related_material.map((m) => ({
          kind: m.kind,
          kindLabel: RELATED_MATERIAL_KIND_LABELS[m.kind] ?? m.kind,
          title: m.title,
          credit: m.credit,
          note: m.note,
          places: m.places.map(refs.place),
          events: m.events.map(refs.event),
          items: m.items,
        })),
        file,
      };
    })
    .sort(byDateDesc);
}
