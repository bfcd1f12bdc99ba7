import type { DataFrame } from '@grafana/data';
import { lastValueFrom, map, of } from 'rxjs';

import { bundledDataSourceModule, type DataSourceModule } from './bundledSource';
import { CASES, perDeployment, prepareQuery, type Payloads, type RatioCase } from './cases';
import { checkFloors } from './floorCheck';
import { checkStage, stageOf } from './stages';
import { interleavedSamples, settle } from './sampling';
import { cpuMs, summarize, type Spread } from './stats';

/**
 * CPU time of the full `query()` per query type — data source, in-process fetch (which runs
 * JSON.parse like backendSrv), parsing, frames — against `JSON.parse` of the same text and against
 * the hand-built baseline (baselines.ts). Each run measures the three variants back to back in a
 * rotating order, with a garbage collection before each sample, and yields two ratios; a fresh
 * data source per run, so no sample is answered from the cache.
 */

/**
 * A fresh data source of `module` (this working tree's bundle unless named) and the full query()
 * on it (cases.ts); `listKnown`: the deployment list was loaded first, as on a dashboard.
 */
export function prepareOurs(
  payloads: Payloads,
  c: RatioCase,
  { module, listKnown = false }: { module?: DataSourceModule; listKnown?: boolean } = {}
): Promise<() => Promise<DataFrame[]>> {
  return prepareQuery(payloads, c, module ?? bundledDataSourceModule(), listKnown);
}

export interface RatioResult {
  name: string;
  payloadBytes: number;
  summary: boolean;
  oursMs: Spread;
  jsonParseMs: Spread;
  baselineMs: Spread;
  oursOverJsonParse: Spread;
  oursOverBaseline: Spread;
  /** JSON.parse, the parser and the frames without the query around them (stages.ts). */
  parserAndFrameOverJsonParse: Spread;
  /** Series queries and the list: the conversion floor (floors.ts) against `JSON.parse`. */
  floorOverJsonParse?: Spread;
  /** The same floor inside the least a query is (inMinimalQuery), against `JSON.parse`. */
  floorInQueryOverJsonParse?: Spread;
  /**
   * Per-deployment queries: ours on a fresh data source that does not know the deployment yet (so
   * it also sends and parses `GET /v1/deployment/{id}`), against `JSON.parse` of the metrics.
   */
  freshOverJsonParse?: Spread;
}

/**
 * The CPU time of `work`, started after a collection and the idle pause (sampling.ts) and, when
 * given, the untimed `before` (the fixed cost's sample after rxjs's first use: runRxjsOnce).
 */
export async function sample(work: () => unknown, before?: () => Promise<unknown>): Promise<number> {
  await settle();
  await before?.();
  return cpuTimeOf(work);
}

/** The CPU time of `work`, started at once. */
export async function cpuTimeOf(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  return cpuMs(process.cpuUsage(start));
}

/**
 * The least a data source's query() is around its conversion: the answer's text as an observable,
 * one operator, and the caller's wait for the last value — cold, as every sample. What a query's
 * ratio cannot go below, whatever it checks; ours adds the deadline, the retry, the shared and
 * cached answer, the limiter and the fan-out (the fixed cost, bench/fixedCost.ts).
 */
function inMinimalQuery(text: string, floor: (text: string) => unknown): Promise<unknown> {
  return lastValueFrom(of(text).pipe(map(floor)));
}

export async function measureRatios(payloads: Payloads, runs: number, cases = CASES): Promise<RatioResult[]> {
  checkFloors(payloads);
  const results: RatioResult[] = [];
  for (const c of cases) {
    const text = payloads[c.payload];
    // Per-deployment queries are measured as on a dashboard (the deployment list known); the
    // fresh data source's extra lookup is measured beside them.
    const listKnown = perDeployment(c);
    const floorOf = c.floor;
    const stage = stageOf(c);
    checkStage(c, payloads, await (await prepareOurs(payloads, c, { listKnown }))());
    const [ours, json, baseline, parserAndFrame, ...more] = await interleavedSamples(
      runs,
      async () => [
        await prepareOurs(payloads, c, { listKnown }),
        () => JSON.parse(text),
        () => c.baseline(text),
        () => stage(text),
        ...(floorOf ? [() => floorOf(text), () => inMinimalQuery(text, floorOf)] : []),
        ...(listKnown ? [await prepareOurs(payloads, c)] : []),
      ],
      sample
    );
    const floor = floorOf ? more[0] : [];
    const floorQuery = floorOf ? more[1] : [];
    const fresh = listKnown ? more[more.length - 1] : [];
    const overJson = (samples: number[]) => summarize(samples.map((o, i) => o / json[i]));
    results.push({
      name: c.name,
      payloadBytes: text.length,
      summary: c.summary,
      oursMs: summarize(ours),
      jsonParseMs: summarize(json),
      baselineMs: summarize(baseline),
      oursOverJsonParse: overJson(ours),
      oursOverBaseline: summarize(ours.map((o, i) => o / baseline[i])),
      parserAndFrameOverJsonParse: overJson(parserAndFrame),
      ...(floor.length > 0
        ? { floorOverJsonParse: overJson(floor), floorInQueryOverJsonParse: overJson(floorQuery) }
        : {}),
      ...(fresh.length > 0 ? { freshOverJsonParse: overJson(fresh) } : {}),
    });
  }
  return results;
}
