/**
 * rehype plugin: gives each top-level paragraph a stable anchor (`p-1`, `p-2`, …) so a timeline,
 * a shared passage or a citation can link to the exact paragraph, and records each paragraph's
 * anchor and plain text in `file.data.paragraphs` (paragraphs.ts), so nothing reads them back
 * out of the HTML. Ids are counted in document order, so they stay put as long as the body's
 * paragraphs do.
 */
import type { ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';
import { paragraphText, type Paragraph } from './paragraphs.ts';

declare module 'vfile' {
  interface DataMap {
    /** The top-level paragraphs, in order (rehype-paragraph-ids). */
    paragraphs: Paragraph[];
  }
}

export interface Options {
  /** Prefix of the ids. Default: `p-`. */
  prefix?: string;
}

/** The text a node shows: its text nodes' values, in order (comments show nothing). */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const rehypeParagraphIds: Plugin<[Options?], Root> = (options) => {
  const prefix = options?.prefix ?? 'p-';
  return (tree, file) => {
    const paragraphs: Paragraph[] = [];
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'p') {
        const anchor = `${prefix}${paragraphs.length + 1}`;
        node.properties = { ...node.properties, id: anchor };
        paragraphs.push({ anchor, text: paragraphText(textOf(node)) });
      }
    }
    file.data.paragraphs = paragraphs;
  };
};

export default rehypeParagraphIds;
