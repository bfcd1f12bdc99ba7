// Browser tests (tests/browser/): the BUILT plugins in headless Chromium through the preview page
// (tests/preview/). They need `npm run build` (npm test builds first) and Debian's Chromium, which
// `pretest:browser` installs (scripts/setup/chromium.sh; CHROMIUM_PATH overrides /usr/bin/chromium). Run with
// `npm run test:browser`. One worker: each file starts its own simulator, servers and browser.
const rootConfig = require('./jest.config');

module.exports = {
  ...rootConfig,
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  testEnvironment: 'node',
  testTimeout: 60_000,
  maxWorkers: 1,
};
