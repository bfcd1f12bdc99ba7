import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      // Stryker's sandbox (left behind by an interrupted `npm run mutation`) and its reports.
      '.stryker-tmp*/',
      'reports/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // Node code outside src/ (the gateway simulator, the real-stack scripts, the demo's dev tools,
    // integration tests):
    // type-aware linting like the plugin's own code.
    files: [
      'simulator/**/*.ts',
      'scripts/**/*.ts',
      'devtools/**/*.ts',
      'tests/**/*.ts',
      'tests/**/*.tsx',
      'bench/**/*.ts',
      'bench/**/*.tsx',
    ],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
      },
    },
  },
]);
