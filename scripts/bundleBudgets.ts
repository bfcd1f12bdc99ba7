import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzip budgets of the built bundles (issue #11): what Grafana downloads when a dashboard opens.
 * Measured at gzip level 9 on dist/ after `npm run build`.
 */
export const BUNDLE_BUDGETS: ReadonlyArray<{ name: string; file: string; budgetBytes: number }> = [
  { name: 'data source', file: 'datasource/module.js', budgetBytes: 25 * 1024 },
  { name: 'panel', file: 'panel/module.js', budgetBytes: 30 * 1024 },
  { name: 'app', file: 'module.js', budgetBytes: 2 * 1024 },
];

/**
 * Budget of each chunk split off by a dynamic `import()` (the data source's editors and its H2O
 * MLOps 1.x code): downloaded only when needed, but code moved out of a module.js is still
 * measured and bounded here rather than hidden.
 */
export const CHUNK_BUDGET_BYTES = 20 * 1024;

export interface BundleSize {
  name: string;
  file: string;
  budgetBytes: number;
  /** undefined when the file is not built. */
  gzipBytes?: number;
  rawBytes?: number;
}

export function bundleSizes(distDir: string): BundleSize[] {
  return BUNDLE_BUDGETS.map((bundle) => ({ ...bundle, ...sizeOf(join(distDir, bundle.file)) }));
}

/**
 * Every other JavaScript file of dist/ (the chunks), with its size and the chunk budget. A chunk
 * must sit beside a module.js: that is where the module's runtime fetches it (see the root
 * webpack.config.ts, NestedPluginChunks); `besideModule` is false for one that would 404.
 */
export function chunkSizes(distDir: string): Array<BundleSize & { besideModule: boolean }> {
  const modules = new Set(BUNDLE_BUDGETS.map((bundle) => bundle.file));
  return javascriptFiles(distDir)
    .filter((file) => !modules.has(file))
    .map((file) => ({
      name: `chunk ${posix.basename(file, '.js')}`,
      file,
      budgetBytes: CHUNK_BUDGET_BYTES,
      besideModule: existsSync(join(distDir, posix.dirname(file), 'module.js')) && posix.dirname(file) !== '.',
      ...sizeOf(join(distDir, file)),
    }));
}

function sizeOf(path: string): { gzipBytes?: number; rawBytes?: number } {
  if (!existsSync(path)) {
    return {};
  }
  const content = readFileSync(path);
  return { rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Paths (posix, relative to dir) of the .js files under dir, sorted. */
function javascriptFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        return javascriptFiles(join(dir, entry.name), rel);
      }
      return entry.name.endsWith('.js') ? [rel] : [];
    })
    .sort();
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
