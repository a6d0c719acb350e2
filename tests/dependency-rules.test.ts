/**
 * The dependency rules bite: the project's own .dependency-cruiser.cjs, run over small trees in
 * tests/fixtures/deps/ (one broken rule a tree), reports each with the rule's name, and passes a
 * tree that keeps them all. Each tree is cruised from its own folder, so its src/ is the src/ the
 * rules speak of.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const CRUISER = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'deps');

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
}

/** The violations the real config finds in one fixture tree. */
async function cruise(tree: string): Promise<Violation[]> {
  const cwd = join(FIXTURES, tree);
  const roots = ['src', 'tests'].filter((folder) => existsSync(join(cwd, folder)));
  // dependency-cruiser exits with the number of errors; the JSON on stdout is what is read.
  const run = await promisify(execFile)(process.execPath, [CRUISER, ...roots, '--config', CONFIG, '--output-type', 'json'], { cwd }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`dependency-cruiser failed on ${tree}: ${error.stderr ?? error}`);
      return { stdout: error.stdout };
    },
  );
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

const brokenTrees: Array<{ tree: string; rule: string; from: string; to: RegExp }> = [
  { tree: 'upward', rule: 'no-upward-import', from: 'src/core/paths.ts', to: /^src\/model\/page\.ts$/ },
  { tree: 'upward-type-only', rule: 'no-upward-import', from: 'src/cache/store.ts', to: /^src\/analysis\/derive\.ts$/ },
  { tree: 'peer', rule: 'no-peer-import', from: 'src/arabic/normalise.ts', to: /^src\/markdown\/render\.ts$/ },
  { tree: 'cycle-type-only', rule: 'no-circular', from: 'src/content/load.ts', to: /^src\/content\/references\.ts$/ },
  { tree: 'src-to-tests', rule: 'no-src-to-tests', from: 'src/bench/search-bytes.ts', to: /^tests\/helpers\/server\.ts$/ },
  { tree: 'unresolvable', rule: 'no-unresolvable', from: 'src/core/paths.ts', to: /^\.\/slug\.ts$/ },
  { tree: 'dev-dependency', rule: 'no-dev-dependency-in-src', from: 'src/site/screenshot.ts', to: /playwright-core/ },
  { tree: 'unknown-folder', rule: 'no-unknown-folder', from: 'src/helpers/format.ts', to: /^src\/core\/slug\.ts$/ },
];

// The trees are cruised at once: each run is a separate process, mostly waiting on its start-up.
describe('dependency rules (.dependency-cruiser.cjs)', { concurrency: true }, () => {
  it('pass a tree that keeps them: downward imports, src/types/, a dependency, playwright-core in src/bench/, tests/ importing src/', async () => {
    assert.deepEqual(await cruise('clean'), []);
  });

  for (const { tree, rule, from, to } of brokenTrees) {
    it(`fail ${tree} with ${rule}`, async () => {
      const violations = await cruise(tree);
      assert.equal(violations.length >= 1, true, `no violation in ${tree}`);
      for (const violation of violations) {
        assert.equal(violation.rule.name, rule, `${tree}: ${violation.from} → ${violation.to}`);
        assert.equal(violation.rule.severity, 'error');
      }
      assert.ok(
        violations.some((violation) => violation.from === from && to.test(violation.to)),
        `${tree}: expected ${from} → ${to}, got ${violations.map((violation) => `${violation.from} → ${violation.to}`).join(', ')}`,
      );
    });
  }
});
