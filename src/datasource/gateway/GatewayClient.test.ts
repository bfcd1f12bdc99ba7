import type { BackendSrvRequest } from '@grafana/runtime';
import { firstValueFrom, lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import deploymentsPage2 from '../../../tests/fixtures/gateway/deployments-page2.json';
import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import { gatewayClientFixture, gatewayFailureOf, TEST_PROXY_URL } from '../../test/gatewayClient';
import { AuthMode } from '../types';
import { FailureCause } from './errors';
import type { GatewayClientSettings } from './GatewayClient';
import { parseHealthMetrics } from '../parse/parseResponses';

const PROXY = TEST_PROXY_URL;
const range = { startDateTime: '2022-07-19T07:28:40.000Z', endDateTime: '2022-08-18T07:28:40.000Z' };

const setup = (overrides: Partial<GatewayClientSettings> = {}) => gatewayClientFixture(overrides, 1_000_000);

describe('GatewayClient (network mocked at Grafana backendSrv boundary)', () => {
  it('calls the one gateway route, whatever the auth mode, with the range as RFC 3339 parameters', async () => {
    const { backend, client } = setup();
    backend.on('/health', { status: 200, data: healthExample });
    const health = await firstValueFrom(client.healthMetrics('dep 1', 'dep 1', range, parseHealthMetrics));
    expect(health.totalPredictions).toBe(17670);
    expect(backend.calls).toEqual([
      `${PROXY}/gateway/model-monitoring/v1/deployment/dep%201/metrics/dep%201/health?endDateTime=2022-08-18T07%3A28%3A40.000Z&startDateTime=2022-07-19T07%3A28%3A40.000Z`,
    ]);

    // The grant is chosen by the proxy route from jsonData, never by the path the browser calls.
    const cc = setup({ authMode: AuthMode.ClientCredentials });
    cc.backend.on('/health', { status: 200, data: healthExample });
    await firstValueFrom(cc.client.healthMetrics('d', 'd', range, parseHealthMetrics));
    expect(cc.backend.calls).toEqual([
      `${PROXY}/gateway/model-monitoring/v1/deployment/d/metrics/d/health?endDateTime=2022-08-18T07%3A28%3A40.000Z&startDateTime=2022-07-19T07%3A28%3A40.000Z`,
    ]);
  });

  it('asks Grafana for a plain JSON GET, read as text, without its own error or success pop-ups (errors show on the panel)', async () => {
    const { backend, client } = setup();
    backend.on('/health', { status: 500, data: { code: 13, message: 'boom' } });
    const sent: unknown[] = [];
    const fetch = backend.fetch;
    backend.fetch = <T>(options: BackendSrvRequest) => {
      sent.push(options);
      return fetch<T>(options);
    };
    const failure = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
    // The gateway's JSON error body, wrapped as text by backendSrv, still names its code's message.
    expect(failure.message).toContain('gateway error (HTTP 500 "boom")');
    expect(sent).toEqual([
      {
        url: `${PROXY}/gateway/model-monitoring/v1/deployment/d/metrics/d/health?endDateTime=2022-08-18T07%3A28%3A40.000Z&startDateTime=2022-07-19T07%3A28%3A40.000Z`,
        method: 'GET',
        headers: { Accept: 'application/json' },
        responseType: 'text',
        showErrorAlert: false,
        showSuccessAlert: false,
      },
    ]);
  });

  it('sends identical requests in flight once', async () => {
    const { backend, client } = setup();
    backend.on('/health', { delayMs: 5, status: 200, data: healthExample });
    const results = await Promise.all([
      firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)),
      firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)),
      firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)),
    ]);
    expect(results.map((r) => r.totalPredictions)).toEqual([17670, 17670, 17670]);
    expect(backend.calls).toHaveLength(1);
  });

  it('reuses answers for the cache TTL, then asks again', async () => {
    const { backend, client, advance } = setup({ cacheTtlMs: 10_000 });
    backend.on('/health', { status: 200, data: healthExample });
    await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    advance(9_000);
    await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    expect(backend.calls).toHaveLength(1);
    advance(2_000);
    await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    expect(backend.calls).toHaveLength(2);
  });

  it('does not cache with a TTL of 0, nor failures', async () => {
    const { backend, client } = setup({ cacheTtlMs: 0 });
    backend.on('/health', { status: 200, data: healthExample });
    await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    expect(backend.calls).toHaveLength(2);

    const failing = setup();
    failing.backend.on('/health', { status: 500, data: { code: 13, message: 'internal' } });
    await gatewayFailureOf(firstValueFrom(failing.client.healthMetrics('d', 'd', range, parseHealthMetrics)));
    await gatewayFailureOf(firstValueFrom(failing.client.healthMetrics('d', 'd', range, parseHealthMetrics)));
    expect(failing.backend.calls).toHaveLength(2);
  });

  it('aborts the HTTP request when the last subscriber unsubscribes, but not before', () => {
    const { backend, client } = setup();
    backend.on('/health', 'never');
    const first = client.healthMetrics('d', 'd', range, parseHealthMetrics).subscribe();
    const second = client.healthMetrics('d', 'd', range, parseHealthMetrics).subscribe();
    expect(backend.calls).toHaveLength(1);
    first.unsubscribe();
    expect(backend.aborted).toBe(0);
    second.unsubscribe();
    expect(backend.aborted).toBe(1);
    // A new subscription after the abort sends a new request.
    client.healthMetrics('d', 'd', range, parseHealthMetrics).subscribe().unsubscribe();
    expect(backend.calls).toHaveLength(2);
  });

  it('fails with a timeout message after the configured time', async () => {
    const { backend, client } = setup({ timeoutMs: 20 });
    backend.on('/health', 'never');
    const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
    expect(error.failure).toBe(FailureCause.Timeout);
    expect(error.message).toMatch(/health: no answer within 0 s/);
    expect(backend.aborted).toBe(1);
  });

  it('follows nextPageToken across pages', async () => {
    const { backend, client } = setup();
    backend.on(/v1\/deployment(\?|$)/, (url) => ({
      status: 200,
      data: url.includes('pageToken=page-2') ? deploymentsPage2 : deploymentsPage1,
    }));
    const list = await lastValueFrom(client.listDeployments(range));
    expect(list.items.map((d) => d.id)).toEqual([
      '6f1c2a4e-0000-4000-8000-000000000001',
      '6f1c2a4e-0000-4000-8000-000000000003',
      '6f1c2a4e-0000-4000-8000-000000000007',
    ]);
    expect(list.totalDeployments).toBe(3);
    expect(list.truncated).toBe(false);
    expect(backend.calls).toHaveLength(2);
  });

  it('stops at the page bound and says the list is truncated', async () => {
    const { backend, client } = setup({ maxPages: 3 });
    let page = 0;
    backend.on(/v1\/deployment(\?|$)/, () => ({
      status: 200,
      data: { ...deploymentsPage2, nextPageToken: `t${++page}` },
    }));
    const list = await lastValueFrom(client.listDeployments());
    expect(backend.calls).toHaveLength(3);
    expect(list.items).toHaveLength(3);
    expect(list.truncated).toBe(true);
  });

  it('stops when the server repeats a page token instead of looping forever', async () => {
    const { backend, client } = setup({ cacheTtlMs: 0 });
    backend.on(/v1\/deployment(\?|$)/, () => ({ status: 200, data: { ...deploymentsPage2, nextPageToken: 'same' } }));
    const list = await lastValueFrom(client.listDeployments());
    expect(backend.calls).toHaveLength(2);
    expect(list.truncated).toBe(true);
  });

  it('fails the whole list if one page fails', async () => {
    const { backend, client } = setup();
    backend.on(/v1\/deployment(\?|$)/, (url) =>
      url.includes('pageToken')
        ? { status: 500, data: { code: 13, message: 'boom' } }
        : { status: 200, data: deploymentsPage1 }
    );
    const error = await gatewayFailureOf(lastValueFrom(client.listDeployments()));
    expect(error.failure).toBe(FailureCause.ServerError);
    expect(error.message).toContain('GET /v1/deployment (list deployments): gateway error (HTTP 500 "boom")');
  });

  describe('failure causes and messages', () => {
    const cases: Array<[string, number, unknown, FailureCause, RegExp]> = [
      [
        'proxy rewrite of an upstream 401',
        400,
        { message: 'Authentication to data source failed' },
        FailureCause.Authentication,
        /token URL, client ID and client secret/,
      ],
      [
        'upstream 401 in grpc format',
        401,
        { code: 16, message: 'token expired' },
        FailureCause.Authentication,
        /refresh token may have expired/,
      ],
      ['403', 403, { code: 7, message: 'denied' }, FailureCause.Forbidden, /permission to read model monitoring/],
      [
        '404 with a grpc body',
        404,
        { code: 5, message: 'deployment x not found' },
        FailureCause.NotFound,
        /Check the deployment and model IDs/,
      ],
      [
        '404 HTML page',
        404,
        '<html><body>Not Found</body></html>',
        FailureCause.WrongBasePath,
        /without "\/model-monitoring"/,
      ],
      ['429', 429, { code: 8, message: 'slow down' }, FailureCause.RateLimited, /raise the cache TTL/],
      ['503', 503, { code: 14, message: 'unavailable' }, FailureCause.Unavailable, /Try again shortly/],
      ['500', 500, { code: 13, message: 'internal' }, FailureCause.ServerError, /gateway's logs/],
      [
        '502 from the proxy (connection refused)',
        502,
        { message: 'Bad Gateway' },
        FailureCause.Unreachable,
        /could not reach the gateway/,
      ],
      ['504 from the proxy', 504, '', FailureCause.Timeout, /did not answer in time/],
      [
        '400 invalid argument',
        400,
        { code: 3, message: 'bad startDateTime' },
        FailureCause.BadRequest,
        /bad startDateTime/,
      ],
    ];
    it.each(cases)('%s', async (_name, status, data, cause, hint) => {
      // A deadline shorter than the default retry backoff: 429/503 fail without a retry here.
      const { backend, client } = setup({ timeoutMs: 900 });
      backend.on('/health', { status, data });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d1', 'd1', range, parseHealthMetrics)));
      expect(error.failure).toBe(cause);
      expect(error.message).toMatch(hint);
      expect(error.message).toContain('GET /v1/deployment/d1/metrics/d1/health');
    });

    it('a 200 with an HTML page (wrong base path behind a login page)', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 200, data: '<!DOCTYPE html><title>Sign in</title>' });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.failure).toBe(FailureCause.WrongBasePath);
    });

    it('a 200 with truncated JSON or a wrong shape', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 200, data: '{"totalPredictions": 17' });
      expect(
        (await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)))).failure
      ).toBe(FailureCause.Malformed);
      const other = setup();
      other.backend.on('/health', { status: 200, data: { totalPredictions: 'lots' } });
      const error = await gatewayFailureOf(
        firstValueFrom(other.client.healthMetrics('d', 'd', range, parseHealthMetrics))
      );
      expect(error.failure).toBe(FailureCause.Malformed);
      expect(error.message).toMatch(/malformed response \(totalPredictions: expected an integer string, got "lots"\)/);
    });

    it('never puts a huge upstream body into the message', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 500, data: { code: 13, message: 'x'.repeat(5000) } });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.message.length).toBeLessThan(600);
    });
  });

  it('healthz uses the unauthenticated liveness route', async () => {
    const { backend, client } = setup();
    backend.on('/gateway-healthz', { status: 200, data: { status: 'SERVING' } });
    await expect(firstValueFrom(client.healthz())).resolves.toBe(200);
    expect(backend.calls).toEqual([`${PROXY}/gateway-healthz`]);
  });
});
