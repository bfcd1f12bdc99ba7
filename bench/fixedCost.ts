import type { DataSourceModule } from './bundledSource';
import { type PayloadSizes } from './payloads';
import { CASES, WARM_UP_RUNS, cpuTimeOf, interleavedSamples, makePayloads, prepareOurs, sample } from './ratios';
import { summarize, type Spread } from './stats';

/**
 * The fixed cost of one query, apart from its answer: the health summary of a tiny answer (ten
 * bins, a few hundred bytes of JSON), on a fresh data source that has listed the deployments, as
 * the ratios measure it. Sampled twice:
 * - **cold**, as every ratio sample is taken: after a collection and the idle pause (ratios.ts);
 * - **warm**: at once after the unmeasured list query of the same fresh data source.
 * Same code, same work; what lies between is the processor's state after a pause (caches, branch
 * predictors). A summary's ratio to `JSON.parse` is mostly the cold figure.
 */
export interface FixedCost {
  runs: number;
  coldMs: Spread;
  warmMs: Spread;
}

const TINY: PayloadSizes = { bins: 10, features: 2, pointsPerFeature: 5, deployments: 2, modelsPerDeployment: 2 };

/** The query whose cost is all fixed: the health summary of the tiny answer, on a fresh data source. */
function tinyQuery(module?: DataSourceModule) {
  const payloads = makePayloads(TINY, 10);
  const healthSummary = CASES.find((c) => c.name === 'healthSummary')!;
  return () => prepareOurs(payloads, healthSummary, { module, listKnown: true });
}

export async function measureFixedCost(runs: number): Promise<FixedCost> {
  const prepared = tinyQuery();
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    await (
      await prepared()
    )();
  }
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    cold.push(await sample(await prepared()));
    warm.push(await cpuTimeOf(await prepared()));
  }
  return { runs, coldMs: summarize(cold), warmMs: summarize(warm) };
}

/**
 * The fixed cost of two bundles of the data source (`npm run bench:ab -- <revision> fixed`), cold
 * samples interleaved: per sample B / A. A change of a few per cent needs about a thousand samples
 * to show (the spread of one sample is ±15 %).
 */
export async function fixedCostAb(a: DataSourceModule, b: DataSourceModule, runs: number): Promise<number[][]> {
  const queryA = tinyQuery(a);
  const queryB = tinyQuery(b);
  return interleavedSamples(runs, async () => [await queryA(), await queryB()]);
}
