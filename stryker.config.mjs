// Mutation testing of the data layers (issue #9): `npm run mutation`. Not part of `npm test` — a full
// run takes long on 2 cores; the incremental file makes reruns only test what changed.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // The plain unit tests of the data source and the panel. The React component tests (*.tsx) take
    // seconds each through user-event and would dominate the run; the data layers are meant to be
    // pinned down by their own unit tests.
    config: {
      testMatch: ['<rootDir>/src/datasource/**/*.test.ts', '<rootDir>/src/panel/**/*.test.ts'],
    },
  },
  coverageAnalysis: 'perTest',
  mutate: ['src/datasource/{parse,frames,gateway,query}/**/*.ts', 'src/panel/data/**/*.ts', '!**/*.test.ts'],
  // 2 cores shared with other work.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'docs', 'provisioning', 'reports', 'artifacts', 'build', 'coverage'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: 85 },
  // A loaded machine is slow, not wrong: a mutant counts as "timed out" (detected) only after
  // 3× the test's normal time plus 30 s, so a busy CPU is not taken for an endless loop.
  timeoutMS: 30000,
  timeoutFactor: 3,
};

export default config;
