import { dateTime, rangeUtil, type DataQueryRequest, type TimeRange } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

import type { Mlops1xQuery } from '../datasource/mlops1x/queryModel';
import { QUERY_SCHEMA_VERSION, QueryType, type MlopsQuery } from '../datasource/types';
import { Mlops1xFrameKind } from '../shared/frameKinds1x';

const HOUR_MS = 3600_000;

/**
 * The request Grafana's query runner hands `query()` (or a variable's query): `targets` as given,
 * over `range`, with points `intervalMs` apart (one minute unless given). The data source reads
 * the range, the scoped variables and the interval; the rest is as Grafana fills it.
 */
export function queryRequest<T extends DataQuery>(
  targets: T[],
  range: TimeRange,
  { requestId = 'test', intervalMs = 60_000 }: { requestId?: string; intervalMs?: number } = {}
): DataQueryRequest<T> {
  return {
    requestId,
    interval: rangeUtil.secondsToHms(intervalMs / 1000),
    intervalMs,
    range,
    scopedVars: {},
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
    targets,
  };
}

/**
 * The thirty days the gateway's documented health example covers
 * (tests/fixtures/gateway/health-documented-example.json), as `now-30d` … `now`.
 */
export const DOCUMENTED_EXAMPLE_RANGE: TimeRange = {
  from: dateTime('2022-07-19T07:28:40Z'),
  to: dateTime('2022-08-18T07:28:40Z'),
  raw: { from: 'now-30d', to: 'now' },
};

/** The `hours` before `end` (epoch ms), as a dashboard's `now-<hours>h` … `now` resolves. */
function hoursBefore(end: number, hours = 24): TimeRange {
  return { from: dateTime(end - hours * HOUR_MS), to: dateTime(end), raw: { from: `now-${hours}h`, to: 'now' } };
}

/** Refs as Grafana's query editor rows name them: A, B, C, … */
const letter = (index: number) => String.fromCharCode(65 + index);
/** Refs by position, Q0, Q1, … (the fault matrix names its targets so). */
const numbered = (index: number) => `Q${index}`;

/**
 * Legacy-gateway targets as a saved panel holds them: a refId, the current schema version and,
 * unless the target says otherwise, the deployments query type.
 */
export function legacyTargets(targets: Array<Partial<MlopsQuery>>, refId = letter): MlopsQuery[] {
  return targets.map((target, i) => ({
    refId: refId(i),
    schemaVersion: QUERY_SCHEMA_VERSION,
    queryType: QueryType.Deployments,
    ...target,
  }));
}

/** H2O MLOps 1.x targets: each query under `mlops1x`, at its schema, the deployments kind unless given. */
export function mlops1xTargets(queries: Array<Partial<Mlops1xQuery>>): MlopsQuery[] {
  return queries.map((query, i) => ({
    refId: letter(i),
    schemaVersion: QUERY_SCHEMA_VERSION,
    queryType: QueryType.Deployments,
    mlops1x: { schemaVersion: 1, queryType: Mlops1xFrameKind.Deployments, ...query },
  }));
}

/** A request of legacy-gateway targets, Q0, Q1, …, over the `hours` before `end`. */
export function legacyRequest(
  targets: Array<Partial<MlopsQuery>>,
  { requestId, end, hours = 24 }: { requestId: string; end: number; hours?: number }
): DataQueryRequest<MlopsQuery> {
  return queryRequest(legacyTargets(targets, numbered), hoursBefore(end, hours), { requestId });
}
