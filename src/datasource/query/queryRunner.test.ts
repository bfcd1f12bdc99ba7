import { dateTime } from '@grafana/data';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import { GatewayClient } from '../gateway/GatewayClient';
import { FakeBackendSrv } from '../../test/fakeBackendSrv';
import { FakeTemplateSrv } from '../../test/fakeTemplateSrv';
import { AuthMode, ModelScope, QUERY_SCHEMA_VERSION, QueryType, type MlopsQuery } from '../types';
import { PartialFailureError } from './fanOut';
import { MAX_CALLS_IN_FLIGHT_PER_QUERY } from './limiter';
import { QueryConfigError, QueryRunner } from './queryRunner';

/** Fan-out: partial results and bounded concurrency (network mocked at Grafana backendSrv boundary). */

const PROXY = '/api/datasources/proxy/uid/mlops';
const CREDIT = deploymentsPage1.deployment[0];
const SHADOW = deploymentsPage1.deployment[1];
const HINT_500 = "The gateway failed internally. Try again; if it persists, check the gateway's logs.";

function setup(variables: Record<string, string | string[]> = {}) {
  const backend = new FakeBackendSrv();
  backend
    .on(`/v1/deployment/${CREDIT.id}`, { status: 200, data: { deployment: CREDIT } })
    .on(`/v1/deployment/${SHADOW.id}`, { status: 200, data: { deployment: SHADOW } })
    .on('/health', { status: 200, data: healthExample });
  const client = new GatewayClient(
    { proxyUrl: PROXY, authMode: AuthMode.RefreshToken, timeoutMs: 5_000, cacheTtlMs: 0, maxPages: 100 },
    backend
  );
  const runner = new QueryRunner(client, new FakeTemplateSrv(variables));
  return { backend, runner };
}

const range = {
  from: dateTime('2022-07-19T07:28:40Z'),
  to: dateTime('2022-08-18T07:28:40Z'),
  raw: { from: 'now-30d', to: 'now' },
};

function run(runner: QueryRunner, query: Partial<MlopsQuery>) {
  const target = {
    refId: 'A',
    schemaVersion: QUERY_SCHEMA_VERSION,
    queryType: QueryType.HealthSummary,
    ...query,
  } as MlopsQuery;
  return lastValueFrom(runner.run(target, { range, scopedVars: {} }));
}

describe('QueryRunner fan-out (network mocked at Grafana backendSrv boundary)', () => {
  it('keeps the champion when the challenger fails, and names the challenger', async () => {
    const { backend, runner } = setup();
    backend.on('/metrics/churn-dnn%3A2/health', { status: 500, data: { code: 13, message: 'boom' } });
    const result = await run(runner, { deploymentId: SHADOW.id, modelScope: ModelScope.All });
    expect(result.frames).toHaveLength(1);
    expect(result.frames[0].refId).toBe('A');
    expect(result.frames[0].fields[0].labels).toMatchObject({ model: 'churn-gbm', role: 'champion' });
    expect(result.error).toBeInstanceOf(PartialFailureError);
    expect((result.error as Error).message).toBe(
      'Partial result: 1 part of this query failed, the rest is shown. — model "churn-dnn v2": ' +
        `GET /v1/deployment/${SHADOW.id}/metrics/churn-dnn:2/health: gateway error (HTTP 500 "boom"). ${HINT_500}`
    );
  });

  it('keeps the deployments that answered when one of a multi-value variable fails', async () => {
    const { backend, runner } = setup({ dep: [CREDIT.id, 'gone', SHADOW.id] });
    backend.on('/v1/deployment/gone', { status: 404, data: { code: 5, message: 'deployment gone not found' } });
    const result = await run(runner, { deploymentId: '$dep' });
    expect(result.frames.map((f) => f.fields[0].labels?.deployment_id)).toEqual([CREDIT.id, SHADOW.id]);
    expect((result.error as Error).message).toMatch(
      /^Partial result: 1 part of this query failed, the rest is shown\. — deployment "gone": GET \/v1\/deployment\/gone: not found \(HTTP 404 "deployment gone not found"\)\./
    );
  });

  it('names every failed part when nothing could be loaded', async () => {
    const { backend, runner } = setup({ dep: ['a', 'b'] });
    backend.on(/v1\/deployment\/[ab]$/, { status: 500, data: { code: 13, message: 'down' } });
    const result = await run(runner, { deploymentId: '$dep' });
    expect(result.frames).toEqual([]);
    expect((result.error as Error).message).toBe(
      `Every part of this query failed (2). — deployment "a": GET /v1/deployment/a: gateway error (HTTP 500 "down"). ${HINT_500}` +
        ` — deployment "b": GET /v1/deployment/b: gateway error (HTTP 500 "down"). ${HINT_500}`
    );
  });

  it('passes a model id unknown to the deployment through to the gateway and names it without a version', async () => {
    const { backend, runner } = setup({ m: ['churn-dnn:2', 'other:9'] });
    backend.on('/metrics/other%3A9/health', { status: 500, data: { code: 13, message: 'boom' } });
    const result = await run(runner, { deploymentId: SHADOW.id, modelId: '$m' });
    expect(result.frames.map((f) => f.fields[0].labels?.model)).toEqual(['churn-dnn']);
    expect((result.error as Error).message).toBe(
      'Partial result: 1 part of this query failed, the rest is shown. — model "other:9": ' +
        `GET /v1/deployment/${SHADOW.id}/metrics/other:9/health: gateway error (HTTP 500 "boom"). ${HINT_500}`
    );
    const otherCalls = backend.calls.filter((url) => url.includes('other')).map((url) => url.split('?')[0]);
    expect(otherCalls).toEqual([
      `${PROXY}/gateway/model-monitoring/v1/deployment/${SHADOW.id}/metrics/other%3A9/health`,
    ]);
  });

  it('refuses a query without a deployment with a named configuration error (as consoles and logs show it)', async () => {
    const { backend, runner } = setup();
    const { frames, error } = await run(runner, {});
    expect(frames).toEqual([]);
    expect(error).toBeInstanceOf(QueryConfigError);
    expect(String(error)).toBe(
      'QueryConfigError: Choose a deployment (or a template variable holding deployment IDs).'
    );
    expect(backend.calls).toEqual([]);
  });

  it('a query with a single part reports its error unchanged', async () => {
    const { backend, runner } = setup();
    backend.on('/health', { status: 500, data: { code: 13, message: 'boom' } });
    const result = await run(runner, { deploymentId: CREDIT.id });
    expect(result.frames).toEqual([]);
    expect((result.error as Error).message).toBe(
      `GET /v1/deployment/${CREDIT.id}/metrics/${CREDIT.id}/health: gateway error (HTTP 500 "boom"). ${HINT_500}`
    );
  });

  it(`runs at most ${MAX_CALLS_IN_FLIGHT_PER_QUERY} gateway calls of one query at a time, each sent once`, async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `dep-${i}`);
    const { backend, runner } = setup({ dep: [...ids, ...ids] });
    backend.on(/v1\/deployment\/dep-\d+$/, (url) => ({
      delayMs: 5,
      status: 200,
      data: { deployment: { ...CREDIT, id: url.split('/').pop() } },
    }));
    backend.on('/health', { delayMs: 5, status: 200, data: healthExample });
    let active = 0;
    let peak = 0;
    const fetch = backend.fetch;
    // In flight: from the request until its answer (or abort).
    backend.fetch = <T>(options: BackendSrvRequest) =>
      new Observable<FetchResponse<T>>((subscriber) => {
        let open = true;
        const settle = () => {
          if (open) {
            open = false;
            active--;
          }
        };
        peak = Math.max(peak, ++active);
        const subscription = fetch<T>(options).subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            settle();
            subscriber.error(error);
          },
          complete: () => {
            settle();
            subscriber.complete();
          },
        });
        return () => {
          settle();
          subscription.unsubscribe();
        };
      });
    const result = await run(runner, { deploymentId: '$dep' });
    expect(result.error).toBeUndefined();
    expect(result.frames).toHaveLength(30);
    expect(peak).toBe(MAX_CALLS_IN_FLIGHT_PER_QUERY);
    expect(backend.calls).toHaveLength(60);
  });
});
