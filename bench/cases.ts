import type { DataFrame } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { ModelScope, QueryType, type MlopsQuery } from '../src/datasource/types';
import * as base from './baselines';
import * as floors from './floors';
import type { DataSourceModule } from './bundledSource';
import { benchDataSource, benchRequest } from './dataSource';
import { TextBackendSrv } from './inProcess';
import {
  deploymentList,
  driftPayload,
  healthPayload,
  operationalPayload,
  singleDeployment,
  TINY_SIZES,
  type PayloadSizes,
} from './payloads';

/**
 * The query types the bench measures, their payloads and how one query of each is prepared — what
 * the in-process ratios (ratios.ts) and the ratios in Chromium (browser/) share. Nothing here
 * needs Node: the browser page bundles it.
 */

export interface RatioCase {
  name: string;
  /** Which payload the query reads. */
  payload: 'health' | 'drift' | 'list' | 'operational';
  target: Partial<MlopsQuery>;
  baseline: (text: string) => DataFrame[];
  /** The conversion floor of a series query or the list (floors.ts). */
  floor?: (text: string) => unknown;
  /** Summaries have the stricter goal. */
  summary: boolean;
}

const one = { deploymentId: 'bench-0000-0000-4000-8000-000000000000', modelScope: ModelScope.Single };

export const CASES: RatioCase[] = [
  {
    name: 'deployments',
    payload: 'list',
    target: { queryType: QueryType.Deployments },
    baseline: base.deploymentsBaseline,
    floor: floors.deploymentsFloor,
    summary: false,
  },
  {
    name: 'healthSummary',
    payload: 'health',
    target: { ...one, queryType: QueryType.HealthSummary },
    baseline: base.healthSummaryBaseline,
    summary: true,
  },
  {
    name: 'predictionsOverTime',
    payload: 'health',
    target: { ...one, queryType: QueryType.PredictionsOverTime },
    baseline: base.predictionsBaseline,
    floor: floors.predictionsFloor,
    summary: false,
  },
  {
    name: 'predictionValues',
    payload: 'health',
    target: { ...one, queryType: QueryType.PredictionValues },
    baseline: base.predictionValuesBaseline,
    floor: floors.predictionValuesFloor,
    summary: false,
  },
  {
    name: 'operationalSummary',
    payload: 'operational',
    target: { ...one, queryType: QueryType.OperationalSummary },
    baseline: base.operationalSummaryBaseline,
    summary: true,
  },
  {
    name: 'operationalTimeSeries',
    payload: 'operational',
    target: {
      ...one,
      queryType: QueryType.OperationalTimeSeries,
      operationalMetrics: [
        'scoringLatency',
        'memoryUsage',
        'cpuUsage',
        'availability',
        'successPrediction',
        'failedPrediction',
      ],
    } as Partial<MlopsQuery>,
    baseline: base.operationalSeriesBaseline,
    floor: floors.operationalSeriesFloor,
    summary: false,
  },
  {
    name: 'driftSummary',
    payload: 'drift',
    target: { ...one, queryType: QueryType.DriftSummary },
    baseline: base.driftSummaryBaseline,
    summary: true,
  },
  {
    name: 'featureDrift',
    payload: 'drift',
    target: { ...one, queryType: QueryType.FeatureDrift },
    baseline: base.featureDriftBaseline,
    summary: false,
  },
  {
    name: 'driftOverTime',
    payload: 'drift',
    target: { ...one, queryType: QueryType.DriftOverTime },
    baseline: base.driftOverTimeBaseline,
    floor: floors.driftOverTimeFloor,
    summary: false,
  },
  {
    name: 'featureFrequency',
    payload: 'drift',
    target: { ...one, queryType: QueryType.FeatureFrequency, feature: 'feature_0000' },
    baseline: base.featureFrequencyBaseline,
    summary: false,
  },
];

/**
 * What an A/B compares (`bench:ab`, `bench:ab:browser`): the query types named and `fixed` (the
 * fixed cost of a query), every query type when none is named; an unknown name is refused.
 */
export function abTargets(names: string[]): string[] {
  const unknown = names.filter((name) => name !== 'fixed' && !CASES.some((c) => c.name === name));
  if (unknown.length > 0) {
    const known = CASES.map((c) => c.name).join(', ');
    throw new Error(`unknown: ${unknown.join(', ')} (query types: ${known}, or fixed)`);
  }
  return names.length > 0 ? names : CASES.map((c) => c.name);
}

/** The query type named `name`; an unknown name is refused, naming it. */
export function caseNamed(name: string): RatioCase {
  const found = CASES.find((c) => c.name === name);
  if (!found) {
    throw new Error(`unknown query type ${name}`);
  }
  return found;
}

export interface Payloads {
  health: string;
  drift: string;
  list: string;
  operational: string;
  /** GET /v1/deployment/{id} of the deployment the per-model queries name. */
  single: string;
}

export function makePayloads(sizes: PayloadSizes, operationalPoints = 5_000): Payloads {
  const list = deploymentList(sizes.deployments, sizes.modelsPerDeployment);
  return {
    health: JSON.stringify(healthPayload(sizes.bins)),
    drift: JSON.stringify(driftPayload(sizes.features, sizes.pointsPerFeature)),
    list: JSON.stringify(list),
    operational: JSON.stringify(operationalPayload(operationalPoints)),
    single: JSON.stringify(singleDeployment(list, one.deploymentId)),
  };
}

function route(payloads: Payloads, path: string): string | undefined {
  if (/\/metrics\/[^/]+\/health(\?|$)/.test(path)) {
    return payloads.health;
  }
  if (/\/metrics\/[^/]+\/drift(\?|$)/.test(path)) {
    return payloads.drift;
  }
  if (/\/metrics\/[^/]+\/operational(\?|$)/.test(path)) {
    return payloads.operational;
  }
  if (/^\/v1\/deployment(\?|$)/.test(path)) {
    return payloads.list;
  }
  if (/^\/v1\/deployment\/[^/?]+(\?|$)/.test(path)) {
    return payloads.single;
  }
  return undefined;
}

/** Whether the query names one deployment (and so looks it up before its metrics). */
export function perDeployment(c: RatioCase): boolean {
  return c.target.deploymentId !== undefined;
}

/**
 * A fresh data source (constructed outside the measurement: building the class is not part of
 * query()) and the full query() on it; the query fails loudly if it reports an error.
 *
 * `listKnown`: the data source has first listed the deployments (unmeasured), as on a dashboard,
 * whose deployment variable lists them before any panel queries — a per-deployment query then
 * finds its deployment in that list and sends only its metrics request (checked: exactly one
 * request). Without it, the query also sends `GET /v1/deployment/{id}` and parses the answer.
 */
export async function prepareQuery(
  payloads: Payloads,
  c: RatioCase,
  module: DataSourceModule,
  listKnown = false
): Promise<() => Promise<DataFrame[]>> {
  const backend = new TextBackendSrv((path) => route(payloads, path));
  const ds = benchDataSource(module, backend);
  if (listKnown) {
    await lastValueFrom(ds.query(benchRequest([{ queryType: QueryType.Deployments }])));
  }
  const sentBefore = backend.requests;
  const request = benchRequest([c.target]);
  return async () => {
    const response = await lastValueFrom(ds.query(request));
    if (response.errors?.length) {
      throw new Error(`bench ${c.name}: ${response.errors.map((e) => e.message).join('; ')}`);
    }
    if (listKnown && backend.requests - sentBefore !== 1) {
      throw new Error(`bench ${c.name}: ${backend.requests - sentBefore} requests with the list known, expected 1`);
    }
    return response.data as DataFrame[];
  };
}

/** The query whose cost is all fixed (fixedCost.ts): the health summary of a tiny answer. */
export const FIXED_COST_CASE = caseNamed('healthSummary');

/** The tiny answers of every kind, a few hundred bytes each. */
export const TINY_PAYLOADS = makePayloads(TINY_SIZES, 10);

/** The fixed-cost query on a fresh data source of `module` that has listed the deployments. */
export function prepareFixedCostQuery(module: DataSourceModule): Promise<() => Promise<DataFrame[]>> {
  return prepareQuery(TINY_PAYLOADS, FIXED_COST_CASE, module, true);
}
