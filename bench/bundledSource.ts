import { buildSync } from 'esbuild';
import { join } from 'node:path';

/**
 * The data source as one bundle, the way it ships: webpack concatenates the modules of
 * `module.js` into one scope, so a parser calls `plainDecimal` directly. Run from source by tsx,
 * every module is a CommonJS module of its own and each call to an imported function first reads a
 * getter on the exporting module — in hot loops (a conversion per bin, box and point) a cost the
 * product does not have. The bench measures this bundle (esbuild, node_modules left external).
 */
type DataSourceModule = typeof import('../src/datasource/datasource');

let loaded: DataSourceModule | undefined;

export function bundledDataSourceModule(): DataSourceModule {
  if (!loaded) {
    // Inside the project, so that the bundle's imports of node_modules resolve.
    const outfile = join(__dirname, '..', 'node_modules', '.cache', 'modelwatch-bench', 'datasource.cjs');
    buildSync({
      entryPoints: [join(__dirname, '..', 'src', 'datasource', 'datasource.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'error',
    });
    loaded = require(outfile) as DataSourceModule;
  }
  return loaded;
}
