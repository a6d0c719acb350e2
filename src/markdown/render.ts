/**
 * The Markdown pipeline: remark-parse → (raw HTML shown as text) → remark-rehype →
 * (images as links) → rehype-sanitize → our rehype plugins → rehype-stringify. One processor, frozen, used for
 * article bodies, event summaries and as Eleventy's Markdown library. A render gives the HTML and
 * the body's numbered paragraphs (paragraphs.ts), taken from the syntax tree it rendered.
 */
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkHtmlAsText from './remark-html-as-text.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeImagesAsLinks from './rehype-images-as-links.ts';
import rehypeParagraphIds from './rehype-paragraph-ids.ts';
import { renderPlainParagraphs } from './plain-paragraphs.ts';
import type { Paragraph } from './paragraphs.ts';

/**
 * GitHub's sanitising schema, narrowed: links only to http(s), mailto and in-page anchors;
 * no images (an archive page must not load anything from the source's servers).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'picture', 'source', 'input'].includes(t)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkHtmlAsText)
  .use(remarkRehype)
  .use(rehypeImagesAsLinks)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeExternalLinks)
  .use(rehypeParagraphIds)
  .use(rehypeStringify)
  .freeze();

/** What a render gives: the safe HTML, and its top-level paragraphs (anchor and plain text) in order. */
export interface RenderedMarkdown {
  html: string;
  paragraphs: Paragraph[];
}

/** Renders untrusted Markdown to safe HTML, with its paragraphs. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  // Most article bodies are plain paragraphs, which plain-paragraphs.ts renders to the same result without the pipeline.
  return renderPlainParagraphs(markdown) ?? renderFullPipeline(markdown);
}

/** The whole pipeline, whatever the body (what the shortcut is held to: tests/markdown-plain.unit.test.ts). */
export function renderFullPipeline(markdown: string): RenderedMarkdown {
  const file = processor.processSync(markdown);
  return { html: String(file), paragraphs: file.data.paragraphs ?? [] };
}

/** Eleventy's Markdown library interface (`eleventyConfig.setLibrary('md', …)`). */
export const markdownLibrary = {
  render: (markdown: string): string => renderMarkdown(markdown).html,
};
