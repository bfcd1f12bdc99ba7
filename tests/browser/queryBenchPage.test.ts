import path from 'node:path';

import { openBenchPage } from '../../bench/browserPage';
import type { QueryBenchPage, QuerySamples } from '../../bench/browser/protocol';
import { useBenchPage } from '../support/benchPage';

/**
 * The query bench's page in Chromium (bench/browser/, #11) keeps working: the BUILT data source
 * loads through the AMD loader, every query type runs on the bench's payloads without an error,
 * its parser-and-frames stage builds the same frames as the query (the page checks before it
 * measures, and throws otherwise), and the page is cross-origin isolated, so its clock counts in
 * 5 µs steps. One run of each, no timing assertions. Needs `npm run build` and Chromium.
 */

const bench = useBenchPage(
  (browser, outdir) => openBenchPage(browser, path.join(__dirname, '../../bench/browser/page/main.ts'), outdir),
  ['--js-flags=--expose-gc']
);

function measureOnce(queryType: string): Promise<QuerySamples> {
  return bench.page.evaluate(
    (name) => (window as unknown as { __bench: QueryBenchPage }).__bench.measure(name, 1, 0),
    queryType
  );
}

it('is cross-origin isolated, so performance.now() counts in 5 µs steps', async () => {
  const isolated = await bench.page.evaluate(() => globalThis.crossOriginIsolated);
  expect(isolated).toBe(true);
  const step = await bench.page.evaluate(() => (window as unknown as { __bench: QueryBenchPage }).__bench.timerStepMs);
  // Measured by the page (the smallest step between two readings): 5 µs, not Chromium's 100 µs.
  expect(step).toBeCloseTo(0.005, 6);
});

it.each(['deployments', 'predictionValues', 'operationalTimeSeries', 'driftOverTime', 'featureFrequency'])(
  'runs the built data source’s %s query, its stage and JSON.parse, one sample each',
  async (queryType) => {
    const samples = await measureOnce(queryType);
    for (const times of [samples.ours, samples.jsonParse, samples.parserAndFrames]) {
      expect(times).toHaveLength(1);
      expect(times[0]).toBeGreaterThan(0);
    }
    expect(bench.errors).toEqual([]);
  }
);

it('refuses a query type the bench does not know, naming it', async () => {
  await expect(measureOnce('noSuchQuery')).rejects.toThrow('unknown query type noSuchQuery');
});
