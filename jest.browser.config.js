// Browser tests (tests/browser/) alone: the BUILT plugins in headless Chromium through the preview
// page (devtools/preview/), on the real Keycloak that the stack tests' globalSetup starts. `npm test`
// runs them inside `npm run test:stack` (one Keycloak for both); this config is for running them
// by themselves with `npm run test:browser`. They need `npm run build` and Debian's Chromium
// (scripts/setup/chromium.sh; CHROMIUM_PATH overrides /usr/bin/chromium).
const stackConfig = require('./jest.stack.config');

module.exports = {
  ...stackConfig,
  displayName: 'browser',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
};
