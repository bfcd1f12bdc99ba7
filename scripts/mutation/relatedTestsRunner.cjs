// Jest runner for `npm run mutation` only (stryker.config.mjs): runs just the test files that hold a
// test Stryker asked for.
//
// For each mutant Stryker's Jest runner passes the covering tests as a `testNamePattern` and lets
// Jest load every test file related to the mutated file; each file costs ~0.3 s to load (jsdom,
// @grafana/data) even when none of its tests match, so a mutant in a core parser cost ~15 s and the
// full run ~6 hours on 2 cores. This runner keeps only the files that contain a test matching the
// pattern — the same match Jest applies (circus: `new RegExp(pattern, 'i')` against the test's
// full name) — using the index that scripts/mutation/indexTests.ts writes before the run. Skipped
// files would run no test anyway. A file missing from the index always runs.
const { readFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const TestRunner = require('jest-runner').default;

const INDEX = join('reports', 'mutation', 'test-index.json');

let index;

/**
 * The project the sandbox was copied from: Stryker runs the tests in
 * <project>/.stryker-tmp/sandbox-…/ (tempDirName in stryker.config.mjs) and leaves reports/ out.
 */
function projectRoot(rootDir) {
  const at = rootDir.indexOf(`${sep}.stryker-tmp${sep}`);
  return at < 0 ? rootDir : rootDir.slice(0, at);
}

/** relative test path → full test names, from the index (read once per process). */
function testIndex(rootDir) {
  if (!index) {
    const entries = JSON.parse(readFileSync(join(projectRoot(rootDir), INDEX), 'utf8'));
    index = new Map(Object.entries(entries));
  }
  return index;
}

class RelatedTestsRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    const pattern = this._globalConfig.testNamePattern;
    if (!pattern) {
      return super.runTests(tests, watcher, options);
    }
    const rootDir = this._globalConfig.rootDir;
    const names = testIndex(rootDir);
    const wanted = new RegExp(pattern, 'i');
    const kept = tests.filter((test) => {
      const fullNames = names.get(relative(rootDir, test.path));
      return fullNames === undefined || fullNames.some((name) => wanted.test(name));
    });
    return super.runTests(kept, watcher, options);
  }
}

module.exports = RelatedTestsRunner;
