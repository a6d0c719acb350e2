/**
 * The part of Nunjucks (Eleventy's, not a direct dependency) that the compile-cache test uses;
 * Nunjucks ships no TypeScript types.
 */
declare module 'nunjucks' {
  interface ILoader {
    getSource(name: string): { src: string; path: string; noCache: boolean } | null;
  }
  class Environment {
    constructor(loader?: ILoader | null, options?: { autoescape?: boolean });
  }
  class Template {
    constructor(source: string, env: Environment, path?: string);
    render(context: Record<string, unknown>): string;
  }
  const nunjucks: {
    Environment: typeof Environment;
    Template: typeof Template;
    compiler: { compile: (...args: unknown[]) => string };
  };
  export type { ILoader };
  export { Environment, Template };
  export default nunjucks;
}
