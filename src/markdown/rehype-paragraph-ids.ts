/**
 * rehype plugin: gives each top-level paragraph a stable anchor (`p-1`, `p-2`, …) so a timeline,
 * a shared passage or a citation can link to the exact paragraph. Ids are counted in document
 * order, so they stay put as long as the body's paragraphs do.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';

export interface Options {
  /** Prefix of the ids. Default: `p-`. */
  prefix?: string;
}

const rehypeParagraphIds: Plugin<[Options?], Root> = function (options) {
  const prefix = options?.prefix ?? 'p-';
  return (tree) => {
    let n = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'p') {
        n += 1;
        node.properties = { ...node.properties, id: `${prefix}${n}` };
      }
    }
  };
};

export default rehypeParagraphIds;
