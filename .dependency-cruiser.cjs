/**
 * Dependency rules for Arshif (`npm run lint:deps`, part of `npm test`).
 *
 * src/ is layered: a module imports only from its own folder or from a lower tier, so one
 * article's way through the code points one direction (README, "How the pieces fit"). The tiers,
 * bottom to top, are the table below; folders in one tier are peers and do not import each other.
 * Type-only imports count (`tsPreCompilationDeps: true`): a cycle closed by `import type` is still
 * a cycle a reader has to hold in their head.
 *
 * Peer exceptions: none today. No peer in any tier imports another (arabic/markdown,
 * analysis/ingest, search/export/package, site/bench), so the rule holds without one; add an
 * exception here, with its reason, only when a peer import is right.
 *
 * src/types/ holds ambient declarations (.d.ts) for untyped packages: any tier may use them.
 * tests/ and .eleventy.ts sit above every tier (they may import anything in src/), but src/
 * never imports tests/.
 */

const path = require('node:path');

/** The tiers, bottom (0) to top. A folder name is the first folder under src/. */
const TIERS = [['core'], ['cache'], ['arabic', 'markdown'], ['content'], ['analysis', 'ingest'], ['model'], ['search', 'export', 'package'], ['site', 'bench'], ['cli']];

/** Folders any tier may import. */
const SHARED = ['types'];

const folderPattern = (folders) => `^src/(${folders.join('|')})/`;

/** One rule per folder against importing a higher tier, one against importing a peer. */
function layerRules() {
  const rules = [];
  TIERS.forEach((tier, level) => {
    const higher = TIERS.slice(level + 1).flat();
    for (const folder of tier) {
      if (higher.length > 0) {
        rules.push({
          name: 'no-upward-import',
          comment: `src/${folder}/ is tier ${level}: it may import only its own folder and lower tiers, so that the code points one way, from cli/ down to core/.`,
          severity: 'error',
          from: { path: folderPattern([folder]) },
          to: { path: folderPattern(higher) },
        });
      }
      const peers = tier.filter((other) => other !== folder);
      if (peers.length > 0) {
        rules.push({
          name: 'no-peer-import',
          comment: `src/${folder}/ and ${peers.map((peer) => `src/${peer}/`).join(', ')} are peers in tier ${level}: each stands on the tiers below, not on the other, so that either can change alone.`,
          severity: 'error',
          from: { path: folderPattern([folder]) },
          to: { path: folderPattern(peers) },
        });
      }
    }
  });
  return rules;
}

const KNOWN = [...TIERS.flat(), ...SHARED];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules(),
    {
      name: 'no-unknown-folder',
      comment: 'Every module in src/ lives in a folder of the tier table in .dependency-cruiser.cjs, so that the layer rules cover it; a new folder gets its tier there first.',
      severity: 'error',
      from: { path: '^src/', pathNot: folderPattern(KNOWN) },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No module may reach itself through its imports, type-only ones included: a cycle makes two modules one, to be read and changed together.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-src-to-tests',
      comment: 'The program must not depend on its tests: what src/ and tests/ both need lives in src/, and tests/ imports it from there.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import must resolve to a file or an installed package; one that does not fails at run time, or only in a clean install.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-package',
      comment: "src/ may use only packages package.json declares; one that is installed only as another package's dependency can vanish with an update.",
      severity: 'error',
      from: { path: '^src/' },
      // A type-only import of a types package (topojson-specification comes with
      // @types/topojson-client) is erased before run time, so it is allowed.
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-dev-dependency-in-src',
      comment:
        'What the build and the CLIs run must be in dependencies, because a production install (npm ci --omit=dev) lacks devDependencies; only src/bench/, the measuring tool, may run a devDependency (playwright-core).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bench/' },
      // Type-only imports of @types packages are erased before run time.
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The dependency-rule fixtures break the rules on purpose (tests/dependency-rules.test.ts).
    exclude: { path: '^tests/fixtures/deps/' },
    tsPreCompilationDeps: true,
    // By absolute path, so that the rules also run from a fixture tree (tests/dependency-rules.test.ts).
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
