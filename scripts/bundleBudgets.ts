import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

export interface BundleSize {
  name: string;
  file: string;
  budgetBytes: number;
  /** undefined when the file is not built. */
  gzipBytes?: number;
  rawBytes?: number;
}

export function bundleSizes(distDir: string): BundleSize[] {
  return BUNDLE_BUDGETS.map((bundle) => {
    const path = join(distDir, bundle.file);
    if (!existsSync(path)) {
      return { ...bundle };
    }
    const content = readFileSync(path);
    return { ...bundle, rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
