/**
 * The Nunjucks compile cache (src/site/nunjucks-compile-cache.ts): a template's source is
 * compiled once per environment however many Template objects are made from it, as Eleventy
 * makes one per page of a paginated template, and what renders is unchanged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nunjucks from 'nunjucks';
import { installCompileCache } from '../src/site/nunjucks-compile-cache.ts';

installCompileCache(nunjucks as unknown as Parameters<typeof installCompileCache>[0]);

const compiler = nunjucks.compiler;

function countingCompiles<T>(run: () => T): { result: T; compiles: number } {
  const original = compiler.compile;
  let compiles = 0;
  compiler.compile = (...args: unknown[]) => {
    compiles++;
    return original(...args);
  };
  try {
    return { result: run(), compiles };
  } finally {
    compiler.compile = original;
  }
}

describe('the Nunjucks compile cache', () => {
  it('compiles a source once for any number of pages, each rendered with its own data', () => {
    const env = new nunjucks.Environment();
    const source = '<h1>{{ title }}</h1>{% for p in places %}<b>{{ p }}</b>{% endfor %}';
    const { result, compiles } = countingCompiles(() =>
      ['الرقة', 'الباغوز', '<script>'].map((title, i) => new nunjucks.Template(source, env, 'article.njk').render({ title, places: [i] })),
    );
    assert.equal(compiles, 1);
    assert.deepEqual(result, ['<h1>الرقة</h1><b>0</b>', '<h1>الباغوز</h1><b>1</b>', '<h1>&lt;script&gt;</h1><b>2</b>']);
  });

  it('keeps sources, paths and environments apart', () => {
    const env = new nunjucks.Environment();
    const other = new nunjucks.Environment(null, { autoescape: false });
    const { result, compiles } = countingCompiles(() => [
      new nunjucks.Template('{{ x }}', env, 'a.njk').render({ x: '<i>' }),
      new nunjucks.Template('{{ x }}!', env, 'a.njk').render({ x: '<i>' }),
      new nunjucks.Template('{{ x }}', env, 'b.njk').render({ x: '<i>' }),
      new nunjucks.Template('{{ x }}', other, 'a.njk').render({ x: '<i>' }),
    ]);
    assert.equal(compiles, 4);
    assert.deepEqual(result, ['&lt;i&gt;', '&lt;i&gt;!', '&lt;i&gt;', '<i>']);
  });

  it('gives cached templates their blocks, so layouts and inheritance still work', () => {
    const base = '<main>{% block body %}default{% endblock %}</main>';
    const loader = { getSource: (name: string) => ({ src: base, path: name, noCache: false }) };
    const env = new nunjucks.Environment(loader);
    const page = '{% extends "base.njk" %}{% block body %}{{ n }} {{ super() }}{% endblock %}';
    const { result, compiles } = countingCompiles(() => [1, 2].map((n) => new nunjucks.Template(page, env, 'page.njk').render({ n })));
    assert.deepEqual(result, ['<main>1 default</main>', '<main>2 default</main>']);
    assert.equal(compiles, 2, 'the page once, the layout once');
  });
});
