import { join } from 'node:path';

import { bundleSizes, kb } from './bundleBudgets';

/**
 * `npm run check:bundle`: fails when a built bundle is missing or over its gzip budget
 * (scripts/bundleBudgets.ts). Runs in `npm test` right after `npm run build`.
 */
function main(): number {
  const dist = join(__dirname, '..', 'dist');
  let failures = 0;
  for (const bundle of bundleSizes(dist)) {
    if (bundle.gzipBytes === undefined) {
      console.error(`✗ ${bundle.name}: dist/${bundle.file} is not built (run npm run build first)`);
      failures++;
      continue;
    }
    const within = bundle.gzipBytes <= bundle.budgetBytes;
    const line = `${bundle.name} dist/${bundle.file}: ${kb(bundle.gzipBytes)} gzip (budget ${kb(bundle.budgetBytes)})`;
    if (within) {
      console.log(`✓ ${line}`);
    } else {
      console.error(`✗ ${line} — over by ${kb(bundle.gzipBytes - bundle.budgetBytes)}`);
      failures++;
    }
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
