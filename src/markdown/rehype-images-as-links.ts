/**
 * rehype plugin: an image in an article body becomes a link to it, labelled with its
 * description. Archive pages load nothing from a source's servers (privacy, and addresses rot),
 * but the reference and its alt text are kept rather than silently dropped.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export interface Options {
  /** Text put before the image's description. Default: `صورة: `. */
  label?: string;
}

const rehypeImagesAsLinks: Plugin<[Options?], Root> = (options) => {
  const label = options?.label ?? 'صورة: ';
  return (tree) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const alt = typeof node.properties?.alt === 'string' ? node.properties.alt : '';
      const src = typeof node.properties?.src === 'string' ? node.properties.src : '';
      node.tagName = 'a';
      node.properties = { href: src };
      node.children = [{ type: 'text', value: `[${label}${alt || src}]` }];
    });
  };
};

export default rehypeImagesAsLinks;
