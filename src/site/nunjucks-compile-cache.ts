/**
 * Compiles each Nunjucks template once per build, not once per page.
 *
 * Eleventy 3.1's Nunjucks engine turned its own compile cache off (it relies on Nunjucks' cache,
 * which only templates loaded by name use) and makes a new `nunjucks.Template` from the source
 * for every page a paginated template writes. So article.njk was parsed and compiled again for
 * each of 10,000 articles: about 3 ms a page, 30 s of a build (tests/nunjucks-compile-cache.unit.test.ts
 * counts the compilations). Here `Template#_compile` keeps the compiled code of each (source,
 * path) pair per environment and hands it to every later Template with the same pair.
 *
 * The compiled code is the same functions Nunjucks' own loader cache shares between renders of
 * one template; it depends on the source, the path (error messages), and the environment's async
 * filters and extensions, which are all set before the first page renders. The patch is on the
 * prototype of the Nunjucks that Eleventy uses (handed over by its `eleventy.engine.njk`
 * event), installed once, and keeps Nunjucks' behaviour when the source is precompiled.
 */

interface NunjucksTemplate {
  tmplProps?: unknown;
  tmplStr?: string;
  path?: string | null;
  env: object;
  blocks: unknown;
  rootRenderFunc: unknown;
  compiled: boolean;
  _compile(): void;
  _getBlocks(props: Record<string, unknown>): unknown;
}

interface NunjucksLib {
  Template: { prototype: NunjucksTemplate };
}

const INSTALLED = Symbol.for('arshif.nunjucksCompileCache');

/** Per environment: `path \0 source` → what compiling the source returned. */
const compiled = new WeakMap<object, Map<string, Record<string, unknown>>>();

export function installCompileCache(nunjucks: NunjucksLib): void {
  const proto = nunjucks.Template.prototype as NunjucksTemplate & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const original = proto._compile;
  proto._compile = function (this: NunjucksTemplate) {
    if (this.tmplProps || typeof this.tmplStr !== 'string') return original.call(this);
    let byEnv = compiled.get(this.env);
    if (!byEnv) compiled.set(this.env, (byEnv = new Map()));
    const key = `${this.path ?? ''}\u0000${this.tmplStr}`;
    const props = byEnv.get(key);
    if (!props) {
      original.call(this);
      // What _compile built: read back through a Template that is given the code itself.
      byEnv.set(key, compiledProps(this));
      return;
    }
    this.blocks = this._getBlocks(props);
    this.rootRenderFunc = props.root;
    this.compiled = true;
  };
  proto[INSTALLED] = true;
}

/** The props object of a compiled template: its root render function and its blocks (b_NAME). */
function compiledProps(template: NunjucksTemplate): Record<string, unknown> {
  const props: Record<string, unknown> = { root: template.rootRenderFunc };
  for (const [name, block] of Object.entries(template.blocks as Record<string, unknown>)) props[`b_${name}`] = block;
  return props;
}
