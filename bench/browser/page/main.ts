/**
 * The query bench's page: the BUILT data source (dist/datasource/module.js, loaded through the
 * preview's AMD loader as Grafana loads it, with the packages Grafana shares) runs query() on the
 * bench's payloads (../../cases.ts), sampled as the in-process bench samples (../../ratios.ts):
 * after a collection and a 30 ms idle pause, interleaved with `JSON.parse` of the same text, a
 * fresh data source per run. The runner (../run.ts) does the statistics.
 */
import { setBackendSrv, setTemplateSrv, type BackendSrv, type TemplateSrv } from '@grafana/runtime';

import { installDefine, loadAmdModule } from '../../../devtools/preview/host/amd';
import { provideSharedModules } from '../../../devtools/preview/host/sharedModules';
import type { DataSourceModule } from '../../bundledSource';
import {
  caseNamed,
  makePayloads,
  perDeployment,
  prepareFixedCostQuery,
  prepareQuery,
  type Payloads,
  type RatioCase,
} from '../../cases';
import { ISSUE_SIZES } from '../../payloads';
import { interleavedSamples, settle, runRxjsOnce } from '../../sampling';
import { sameFrameColumns, stageOn, type Stage } from '../../stageOn';
import * as stagesEntry from '../../stagesEntry';
import type { FixedCostSamples, QueryBenchPage, QuerySamples } from '../protocol';

type Constructor = new (settings: unknown) => object;

/**
 * The built plugin as the bench's `DataSourceModule`: Grafana constructs the data source with its
 * settings only, and the class reads backendSrv and templateSrv from @grafana/runtime — which the
 * page shares with the plugin, so the services are set there just before construction.
 */
function builtModule(DataSourceClass: Constructor): DataSourceModule {
  function MlopsDataSource(settings: unknown, services: { backendSrv: unknown; templateSrv: unknown }) {
    setBackendSrv(services.backendSrv as BackendSrv);
    setTemplateSrv(services.templateSrv as TemplateSrv);
    return new DataSourceClass(settings);
  }
  return { MlopsDataSource } as unknown as DataSourceModule;
}

/**
 * Milliseconds of `work` by the page's clock, started after a collection and the idle pause and,
 * when given, the untimed `before` (../../sampling.ts, runRxjsOnce).
 */
async function sample(work: () => unknown, before?: () => Promise<unknown>): Promise<number> {
  await settle();
  await before?.();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * The stage of `c` (its parser and frames alone), on the page's bundle of them — checked first to
 * build the same frames as the query, as the in-process bench checks (../../stages.ts).
 */
async function checkedStage(module: DataSourceModule, payloads: Payloads, c: RatioCase): Promise<Stage> {
  const stage = stageOn(c, stagesEntry);
  const query = await (await prepareQuery(payloads, c, module, perDeployment(c)))();
  if (!sameFrameColumns(stage(payloads[c.payload]), query)) {
    throw new Error(`the ${c.name} stage builds other frames than the query`);
  }
  return stage;
}

async function measure(
  module: DataSourceModule,
  payloads: Payloads,
  c: RatioCase,
  runs: number,
  warmUpRuns: number
): Promise<QuerySamples> {
  const text = payloads[c.payload];
  const stage = await checkedStage(module, payloads, c);
  const floor = c.floor;
  const variants = async () => [
    await prepareQuery(payloads, c, module, perDeployment(c)),
    () => JSON.parse(text),
    () => stage(text),
    ...(floor ? [() => floor(text)] : []),
  ];
  const [ours, jsonParse, parserAndFrames, floorSamples] = await interleavedSamples(runs, variants, sample, warmUpRuns);
  return { ours, jsonParse, parserAndFrames, ...(floorSamples ? { floor: floorSamples } : {}) };
}

/** Cold samples of the fixed cost, and beside each one taken after rxjs's first use (runRxjsOnce). */
async function fixedCost(module: DataSourceModule, runs: number, warmUpRuns: number): Promise<FixedCostSamples> {
  const samples: FixedCostSamples = { cold: [], afterRxjs: [] };
  for (let run = 0; run < warmUpRuns + runs; run++) {
    const cold = await sample(await prepareFixedCostQuery(module));
    const after = await sample(await prepareFixedCostQuery(module), runRxjsOnce);
    if (run >= warmUpRuns) {
      samples.cold.push(cold);
      samples.afterRxjs.push(after);
    }
  }
  return samples;
}

async function start(page: QueryBenchPage): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    throw new Error('no gc(): launch Chromium with --js-flags=--expose-gc');
  }
  installDefine();
  provideSharedModules();
  const { plugin } = await loadAmdModule<{ plugin: { DataSourceClass: Constructor } }>('/plugin/datasource/module.js');
  const module = builtModule(plugin.DataSourceClass);
  const payloads = makePayloads(ISSUE_SIZES);
  page.measure = (name, runs, warmUpRuns) => measure(module, payloads, caseNamed(name), runs, warmUpRuns);
  page.fixedCost = (runs, warmUpRuns) => fixedCost(module, runs, warmUpRuns);
  page.state = 'ready';
}

/**
 * The step `performance.now()` counts in, measured: the smallest non-zero difference between two
 * readings in a row (Chromium counts in 5 µs steps on a cross-origin isolated page, 100 µs
 * otherwise; an assumed figure would hide a page that lost its isolation).
 */
function timerStepMs(): number {
  let step = Number.POSITIVE_INFINITY;
  let last = performance.now();
  for (let i = 0; i < 100_000 && step > 0.001; i++) {
    const now = performance.now();
    if (now > last) {
      step = Math.min(step, now - last);
      last = now;
    }
  }
  return step;
}

const notReady = () => Promise.reject(new Error('the page is not ready'));
const page: QueryBenchPage = {
  state: 'loading',
  measure: notReady,
  fixedCost: notReady,
  timerStepMs: timerStepMs(),
};
(window as unknown as { __bench: QueryBenchPage }).__bench = page;
start(page).catch((error: unknown) => {
  page.state = 'error';
  page.error = error instanceof Error ? error.message : String(error);
});
