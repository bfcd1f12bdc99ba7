// Extends create-plugin's Jest config (never edit .config/): run in UTC so time-based
// parsers and fixtures are deterministic, transform ESM-only dependencies of @grafana/* 13,
// and also pick up tests beside the simulator's and scripts' code, and the integration and fault-matrix tests under tests/.
process.env.TZ = 'UTC';

const baseConfig = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const swcTransform = baseConfig.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...baseConfig,
  testMatch: [
    ...baseConfig.testMatch,
    '<rootDir>/simulator/**/*.test.ts',
    '<rootDir>/tests/integration/**/*.test.ts',
    '<rootDir>/tests/faults/**/*.test.ts',
    '<rootDir>/scripts/**/*.test.ts',
  ],
  transform: {
    ...baseConfig.transform,
    '^.+\\.mjs$': swcTransform,
  },
  // React editor tests drive user-event through Grafana's components and take seconds each on a
  // loaded 2-core machine; a slow machine is not a failure.
  testTimeout: 60000,
  transformIgnorePatterns: [
    nodeModulesToTransform([...grafanaESModules, '@react-hookz', '@ver0/deep-equal', 'jose', 'uuid', 'marked', '@marcbachmann/cel-js']),
  ],
};
