import { dateTime, type DataQueryRequest } from '@grafana/data';

import { QUERY_SCHEMA_VERSION, QueryType, type MlopsQuery } from '../datasource/types';

/**
 * The request Grafana's query runner hands `query()` for legacy-gateway targets over the `hours`
 * before `end`: each target gets a refId (Q0, Q1, …), the current schema version and, unless it
 * says otherwise, the deployments query type.
 */
export function legacyRequest(
  targets: Array<Partial<MlopsQuery>>,
  { requestId, end, hours = 24 }: { requestId: string; end: number; hours?: number }
): DataQueryRequest<MlopsQuery> {
  return {
    requestId,
    interval: '1m',
    intervalMs: 60_000,
    range: { from: dateTime(end - hours * 3600_000), to: dateTime(end), raw: { from: `now-${hours}h`, to: 'now' } },
    scopedVars: {},
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
    targets: targets.map((t, i) => ({
      refId: `Q${i}`,
      schemaVersion: QUERY_SCHEMA_VERSION,
      queryType: QueryType.Deployments,
      ...t,
    })),
  };
}
