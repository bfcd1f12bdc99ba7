// Real-stack tests (tests/stack/): Keycloak + the gateway simulator started once by globalSetup,
// Grafana's data-source proxy stood in by devtools/grafanaProxy/ (Grafana's server cannot run
// on this project's machines). Run with `npm run test:stack` (its pretest step installs what the
// stack needs: Keycloak, the h2o-mlops venv, docker compose, and Chromium for tests/browser).
const base = require('./jest.config');

module.exports = {
  ...base,
  displayName: 'stack',
  testEnvironment: 'node',
  // The browser tests run here too, so that one Keycloak serves both (see jest.browser.config.js).
  testMatch: ['<rootDir>/tests/stack/**/*.test.ts', '<rootDir>/tests/browser/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/stack/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/stack/globalTeardown.ts',
  // Keycloak answers in tens of milliseconds once up; the slow parts are the official client's
  // Python run and 1-second token expiry waits.
  testTimeout: 180000,
  maxWorkers: 1,
};
