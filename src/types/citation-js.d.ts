/** The part of citation-js 0.8 that Arshif uses (the package ships no TypeScript types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string | unknown[];
  }
  export const plugins: {
    config: { get(name: string): unknown };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
