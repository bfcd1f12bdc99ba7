import type { DataFrame, DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { HttpBackendSrv } from '../../../devtools/httpBackendSrv';
import { MlopsDataSource } from '../../../src/datasource/datasource';
import { QueryType, type MlopsQuery } from '../../../src/datasource/types';
import { FakeTemplateSrv } from '../../../src/test/fakeTemplateSrv';
import { instanceSettings } from '../../../src/test/instanceSettings';
import { legacyRequest } from '../../../src/test/queryRequest';
import type { FaultGateway } from './faultGateway';
import { SIBLING, TARGET } from './gatewayData';
import { isListRow, type Row } from './rows';

/**
 * One cell of the matrix: a data source of its own (its proxy URL names the cell) sends one
 * request with three targets through its real query() path over HTTP to the fault gateway:
 * Q0 the row's query on the faulted deployment, Q1 a sibling target on another deployment, and —
 * for rows about one deployment — Q2 the row's query fanned out over both deployments.
 * Grafana's data-source proxy is replaced by a URL rewrite (the only stand-in: Grafana's server
 * cannot run here; the proxy's own behaviour is tested in tests/integration/proxyStandIn.test.ts).
 */

const END = Date.parse('2026-11-22T12:00:00Z');

/** `/api/datasources/proxy/uid/<uid>/<route…>/model-monitoring/…` → the gateway's cell path. */
function gatewayUrl(gateway: FaultGateway, url: string): string {
  return url.replace(
    /^\/api\/datasources\/proxy\/uid\/([^/]+)\/(?:[^?]*?\/)?model-monitoring\//,
    `${gateway.url}/cell/$1/model-monitoring/`
  );
}

export function dataSourceFor(
  gateway: FaultGateway,
  cellId: string,
  options: { timeoutSeconds?: number; cacheTtlSeconds?: number } = {}
): MlopsDataSource {
  const backend = new HttpBackendSrv((url) => gatewayUrl(gateway, url));
  return new MlopsDataSource(
    instanceSettings(
      {
        gatewayUrl: 'http://gateway',
        requestTimeoutSeconds: options.timeoutSeconds ?? 10,
        cacheTtlSeconds: options.cacheTtlSeconds ?? 0,
      },
      { uid: cellId }
    ),
    { backendSrv: backend, templateSrv: new FakeTemplateSrv({ pair: [TARGET, SIBLING] }) }
  );
}

/** A request of `targets` over the 24 hours before `end`. */
export function requestOf(targets: Array<Partial<MlopsQuery>>, end = END): DataQueryRequest<MlopsQuery> {
  return legacyRequest(targets, { requestId: 'faults', end });
}

/** The three targets of a cell for `row`. */
export function targetsFor(row: Row): Array<Partial<MlopsQuery>> {
  if (isListRow(row)) {
    return [row.query, { queryType: QueryType.HealthSummary, deploymentId: SIBLING }];
  }
  return [
    { ...row.query, deploymentId: TARGET },
    { ...row.query, deploymentId: SIBLING },
    { ...row.query, deploymentId: '$pair' },
  ];
}

/** A frame as the cells compare it: name, labels, every field's values, and its notices. */
export interface FrameDigest {
  name?: string;
  labels: Record<string, string>;
  fields: Record<string, unknown[]>;
  notices: string[];
}

/** What one target of a request produced. */
export interface TargetOutcome {
  frames: FrameDigest[];
  error?: string;
}

export function digest(frame: DataFrame): FrameDigest {
  return {
    name: frame.name,
    labels: { ...(frame.fields.find((f) => f.labels)?.labels ?? {}) },
    fields: Object.fromEntries(frame.fields.map((f) => [f.name, Array.from(f.values)])),
    notices: (frame.meta?.notices ?? []).map((n) => n.text),
  };
}

/** The outcome of each target, by refId. */
export function outcomesOf(response: DataQueryResponse, refIds: string[]): Record<string, TargetOutcome> {
  return Object.fromEntries(
    refIds.map((refId) => [
      refId,
      {
        frames: (response.data as DataFrame[]).filter((f) => f.refId === refId).map(digest),
        error: response.errors?.find((e) => e.refId === refId)?.message,
      },
    ])
  );
}

/** Runs one request through the data source's query(); the response, and how long it took. */
export async function runQuery(
  ds: MlopsDataSource,
  targets: Array<Partial<MlopsQuery>>
): Promise<Record<string, TargetOutcome>> {
  const response = await lastValueFrom(ds.query(requestOf(targets)));
  return outcomesOf(
    response,
    targets.map((_, i) => `Q${i}`)
  );
}

/** Every number in every field: finite, or no value. Anything else is a silently wrong number. */
export function nonFiniteValues(outcomes: Record<string, TargetOutcome>): string[] {
  const bad: string[] = [];
  for (const [refId, outcome] of Object.entries(outcomes)) {
    for (const frame of outcome.frames) {
      for (const [name, values] of Object.entries(frame.fields)) {
        values.forEach((v, i) => {
          if (typeof v === 'number' && !Number.isFinite(v)) {
            bad.push(`${refId} ${frame.name ?? ''} ${name}[${i}] = ${v}`);
          }
        });
      }
    }
  }
  return bad;
}
