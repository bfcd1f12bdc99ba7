import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CHUNK_BUDGET_BYTES, bundleSizes, chunkSizes } from './bundleBudgets';

describe('bundle budgets', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'bundle-budgets-'));
    mkdirSync(join(dist, 'datasource'));
    writeFileSync(join(dist, 'module.js'), 'app();');
    writeFileSync(join(dist, 'datasource', 'module.js'), 'datasource();'.repeat(100));
    writeFileSync(join(dist, 'datasource', 'editors.js'), 'editors();'.repeat(50));
    writeFileSync(join(dist, 'datasource', 'editors.js.map'), '{}');
    writeFileSync(join(dist, 'stray.js'), 'stray();');
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('measures the module bundles and reports the unbuilt one as missing', () => {
    const sizes = bundleSizes(dist);
    const datasource = sizes.find((b) => b.file === 'datasource/module.js');
    expect(datasource?.rawBytes).toBe('datasource();'.length * 100);
    expect(datasource?.gzipBytes).toBeGreaterThan(0);
    expect(datasource?.gzipBytes).toBeLessThan(datasource?.rawBytes ?? 0);
    expect(sizes.find((b) => b.file === 'panel/module.js')?.gzipBytes).toBeUndefined();
  });

  it('lists every chunk with its size, and flags one that is not beside a module.js', () => {
    const chunks = chunkSizes(dist);
    expect(chunks.map((c) => [c.file, c.besideModule])).toEqual([
      ['datasource/editors.js', true],
      ['stray.js', false],
    ]);
    expect(chunks[0]).toMatchObject({ name: 'chunk editors', budgetBytes: CHUNK_BUDGET_BYTES, rawBytes: 500 });
    expect(chunks[0].gzipBytes).toBeGreaterThan(0);
  });
});
