import { buildSync } from 'esbuild';
import { join } from 'node:path';

/**
 * The data source as one bundle: esbuild puts every module in one scope, so a parser calls
 * `plainDecimal` directly. Run from source by tsx, every module is a CommonJS module of its own and
 * each call to an imported function first reads a getter on the exporting module. The shipped
 * module.js is between the two: webpack cannot hoist the parsers into one scope (the lazy chunks
 * import them too: "referenced from different chunks" in its stats), so its calls go through
 * webpack's export getters — which V8 inlines: the built dist/datasource/module.js, loaded in Node,
 * measured 0.97–1.04× this bundle end to end (ninth session, 41 runs each of three query types).
 * The bench measures this bundle (esbuild, node_modules left external); browser/ measures the
 * built one in Chromium.
 */
export type DataSourceModule = typeof import('../src/datasource/datasource');

const ROOT = join(__dirname, '..');

/**
 * Bundles `src/datasource/datasource.ts` under `root` (the project, or a checkout of another
 * revision, ab.ts) as `<name>.cjs` and loads it.
 */
export function bundleDataSource(root: string, name: string): DataSourceModule {
  return bundleFile(join(root, 'src', 'datasource', 'datasource.ts'), name);
}

/**
 * Bundles `entry` as the data source is bundled (esbuild, node_modules left external) and loads it.
 * The bundle is written inside the project, so that its imports of node_modules resolve to the
 * project's.
 */
export function bundleFile<T>(entry: string, name: string): T {
  const outfile = join(ROOT, 'node_modules', '.cache', 'modelwatch-bench', `${name}.cjs`);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return require(outfile) as T;
}

let loaded: DataSourceModule | undefined;

/** This working tree's data source, bundled once per process. */
export function bundledDataSourceModule(): DataSourceModule {
  loaded ??= bundleDataSource(ROOT, 'datasource');
  return loaded;
}
