/**
 * remark plugin: raw HTML written in a Markdown body is shown as the text it is, never
 * interpreted. Copied web pages often carry stray tags (`<br>`, `<script>`, `<img onerror>`);
 * showing them keeps the record whole, and nothing a source wrote can run in a reader's browser.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** No options: the plugin has one behaviour. */
export type Options = Record<string, never>;

const remarkHtmlAsText: Plugin<[Options?], Root> = () => (tree) => {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    // A block of HTML becomes a paragraph of text; inline HTML becomes inline text.
    const replacement =
      parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem'
        ? { type: 'paragraph' as const, children: [{ type: 'text' as const, value: node.value }], position: node.position }
        : { type: 'text' as const, value: node.value, position: node.position };
    parent.children.splice(index, 1, replacement as never);
  });
};

export default remarkHtmlAsText;
