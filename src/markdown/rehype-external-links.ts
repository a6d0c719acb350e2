/**
 * rehype plugin: links that leave the archive are marked as such. Article bodies come from the
 * web, so their links are untrusted: they get `rel="nofollow noopener noreferrer"` and are shown
 * in their own direction (`dir="auto"`) so a Latin address does not scramble the Arabic line.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export interface Options {
  /** The `rel` values added to external links. Default: `['nofollow', 'noopener', 'noreferrer']`. */
  rel?: string[];
}

const rehypeExternalLinks: Plugin<[Options?], Root> = (options) => {
  const rel = options?.rel ?? ['nofollow', 'noopener', 'noreferrer'];
  return (tree) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const href = node.properties?.href;
      if (typeof href !== 'string' || !/^(https?:)?\/\//i.test(href)) return;
      node.properties = { ...node.properties, rel: [...rel], dir: 'auto' };
    });
  };
};

export default rehypeExternalLinks;
