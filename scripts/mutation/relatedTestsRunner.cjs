// Jest runner for `npm run mutation` only (stryker.config.mjs): runs just the test files that hold a
// test Stryker asked for.
//
// For each mutant Stryker's Jest runner passes the covering tests as a `testNamePattern` and lets
// Jest load every test file related to the mutated file; each file costs ~0.3 s to load (jsdom,
// @grafana/data) even when none of its tests match, so a mutant in a core parser cost ~15 s and the
// full run ~6 hours on 2 cores. This runner keeps only the files that contain a test matching the
// pattern — the same match Jest applies (circus: `new RegExp(pattern, 'i')` against the test's
// full name) — using the index that scripts/mutation/indexTests.ts writes before the run. Skipped
// files would run no test anyway. A file missing from the index always runs. Once a file has a
// failing test the mutant is killed and the remaining files are skipped (Stryker's bail).
const { readFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const TestRunner = require('jest-runner').default;

const INDEX = join('reports', 'mutation', 'test-index.json');
const DURATIONS = join('reports', 'mutation', 'test-durations.json');

let index;
let durations;

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

/** relative test path → milliseconds the file took in the indexing run (read once per process). */
function testDurations(rootDir) {
  if (!durations) {
    try {
      durations = new Map(Object.entries(JSON.parse(readFileSync(join(projectRoot(rootDir), DURATIONS), 'utf8'))));
    } catch {
      durations = new Map();
    }
  }
  return durations;
}

/**
 * Quickest files first: a mutant is usually killed by a small focused test file, and the run stops
 * there (Jest's own order, slowest first, suits parallel runs, not this one). Unknown files last.
 */
function quickestFirst(tests, rootDir) {
  const took = testDurations(rootDir);
  const cost = (test) => took.get(relative(rootDir, test.path)) ?? Number.POSITIVE_INFINITY;
  return [...tests].sort((a, b) => cost(a) - cost(b));
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
    if (!options.serial) {
      return super.runTests(kept, watcher, options);
    }
    return this.runUntilFirstFailure(quickestFirst(kept, rootDir), watcher, options);
  }

  /**
   * Stryker stops a mutant's run at its first failing test ("bail", its default), but cannot tell
   * Jest to do so programmatically, so every covering test file ran even after the mutant was
   * killed. Here the files run one by one (in band, as Stryker asks) and the rest are skipped once a
   * file has a failing test: the verdict is the same (killed), the remaining files cannot change it.
   */
  async runUntilFirstFailure(tests, watcher, options) {
    let failed = false;
    const unsubscribe = [
      this.on('test-file-success', ([, result]) => {
        failed = failed || result.numFailingTests > 0 || Boolean(result.testExecError);
      }),
      this.on('test-file-failure', () => {
        failed = true;
      }),
    ];
    try {
      for (const test of tests) {
        if (failed) {
          break;
        }
        await super.runTests([test], watcher, options);
      }
    } finally {
      unsubscribe.forEach((off) => off());
    }
  }
}

module.exports = RelatedTestsRunner;
