/**
 * URL slugs for names that have no Latin key (agencies, tags): Arabic letters are kept, as
 * browsers show them readably; punctuation and spaces become single hyphens.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'x';
}
