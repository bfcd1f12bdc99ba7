import { join } from 'node:path';

import { type BundleSize, bundleSizes, chunkSizes, kb } from './bundleBudgets';

/**
 * `npm run check:bundle`: fails when a built bundle is missing or over its gzip budget, or a
 * chunk split off by a dynamic import is over its budget or not beside a module.js
 * (scripts/bundleBudgets.ts). Lists every chunk with its size, so code moved out of a module.js
 * stays visible. Runs in `npm test` right after `npm run build`.
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
    failures += report(bundle, bundle.gzipBytes);
  }
  for (const chunk of chunkSizes(dist)) {
    if (!chunk.besideModule) {
      console.error(`✗ ${chunk.name}: dist/${chunk.file} is not beside a module.js, so its module cannot load it`);
      failures++;
      continue;
    }
    failures += report(chunk, chunk.gzipBytes ?? 0);
  }
  return failures === 0 ? 0 : 1;
}

function report(bundle: BundleSize, gzipBytes: number): number {
  const line = `${bundle.name} dist/${bundle.file}: ${kb(gzipBytes)} gzip (budget ${kb(bundle.budgetBytes)})`;
  if (gzipBytes <= bundle.budgetBytes) {
    console.log(`✓ ${line}`);
    return 0;
  }
  console.error(`✗ ${line} — over by ${kb(gzipBytes - bundle.budgetBytes)}`);
  return 1;
}

process.exitCode = main();
