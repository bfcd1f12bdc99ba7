import { bundledDataSourceModule, type DataSourceModule } from './bundledSource';
import { FIXED_COST_CASE, TINY_PAYLOADS, prepareFixedCostQuery } from './cases';
import { cpuTimeOf, sample } from './ratios';
import { WARM_UP_RUNS, interleavedSamples, runRxjsOnce } from './sampling';
import { stageOf } from './stages';
import { summarize, type Spread } from './stats';

/**
 * The fixed cost of one query, apart from its answer: the health summary of a tiny answer (ten
 * bins, a few hundred bytes of JSON), on a fresh data source that has listed the deployments, as
 * the ratios measure it. Sampled:
 * - **cold**, as every ratio sample is taken: after a collection and the idle pause (ratios.ts);
 * - **cold after rxjs's first use**: the same, with one untimed subscription of rxjs between the
 *   pause and the query (sampling.ts, runRxjsOnce) — the part of the cold figure that is rxjs's own
 *   first use after a collection, which in Grafana its pipeline around query() pays first;
 * - **warm**: at once after the unmeasured list query of the same fresh data source. Same code,
 *   same work; what lies between is the processor's state after a pause (caches, branch
 *   predictors). A summary's ratio to `JSON.parse` is mostly the cold figure;
 * - **its parser and frame alone**, cold (stages.ts): what the cold query costs beyond it is the
 *   query's own machinery — migrations, fan-out, limiter, deadline, retry, sharing and cache.
 */
export interface FixedCost {
  runs: number;
  coldMs: Spread;
  /** Cold, after one untimed subscription of rxjs (sampling.ts, runRxjsOnce). */
  afterRxjsMs: Spread;
  warmMs: Spread;
  /** The same answer's parser and frame alone (stages.ts), cold: what is left is the query's own. */
  stageColdMs: Spread;
}

/** The fixed-cost query (cases.ts) on `module`, this working tree's bundle unless named. */
function tinyQuery(module: DataSourceModule = bundledDataSourceModule()) {
  return () => prepareFixedCostQuery(module);
}

export async function measureFixedCost(runs: number): Promise<FixedCost> {
  const prepared = tinyQuery();
  const text = TINY_PAYLOADS.health;
  const stage = stageOf(FIXED_COST_CASE);
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    await (
      await prepared()
    )();
    stage(text);
  }
  const cold: number[] = [];
  const afterRxjs: number[] = [];
  const warm: number[] = [];
  const stageCold: number[] = [];
  for (let run = 0; run < runs; run++) {
    cold.push(await sample(await prepared()));
    afterRxjs.push(await sample(await prepared(), runRxjsOnce));
    warm.push(await cpuTimeOf(await prepared()));
    stageCold.push(await sample(() => stage(text)));
  }
  return {
    runs,
    coldMs: summarize(cold),
    afterRxjsMs: summarize(afterRxjs),
    warmMs: summarize(warm),
    stageColdMs: summarize(stageCold),
  };
}

/**
 * The fixed cost of two bundles of the data source (`npm run bench:ab -- <revision> fixed`), cold
 * samples interleaved: per sample B / A. A change of a few per cent needs about a thousand samples
 * to show (the spread of one sample is ±15 %).
 */
export async function fixedCostAb(a: DataSourceModule, b: DataSourceModule, runs: number): Promise<number[][]> {
  const queryA = tinyQuery(a);
  const queryB = tinyQuery(b);
  return interleavedSamples(runs, async () => [await queryA(), await queryB()], sample);
}
