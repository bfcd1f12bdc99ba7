import { firstValueFrom, lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import deploymentsPage2 from '../../../tests/fixtures/gateway/deployments-page2.json';
import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import type { FakeBackendSrv } from '../../test/fakeBackendSrv';
import { gatewayClientFixture, gatewayFailureOf } from '../../test/gatewayClient';
import { FailureCause } from './errors';
import { MAX_RESPONSE_BYTES, type GatewayClientSettings } from './GatewayClient';
import { MAX_LIST_ITEMS, Truncation } from './paging';
import { MAX_CACHE_ENTRIES } from './responseCache';
import { parseHealthMetrics } from '../parse/parseResponses';

/** Bounds of the client: cache size, page and item bounds, one deadline per call, retries. */

const LIST = /v1\/deployment(\?|$)/;

const setup = (overrides: Partial<GatewayClientSettings> = {}) =>
  gatewayClientFixture(overrides, Date.parse('2026-01-01T00:00:00Z'));

function rangeEnding(end: number) {
  return { startDateTime: new Date(end - 3600_000).toISOString(), endDateTime: new Date(end).toISOString() };
}

describe('GatewayClient bounds (network mocked at Grafana backendSrv boundary)', () => {
  describe('response cache', () => {
    it('evicts expired answers: 400 refreshes with a moving time range keep only the live ones', async () => {
      const { backend, client, advance, now } = setup({ cacheTtlMs: 10_000 });
      backend.on('/health', { status: 200, data: healthExample });
      for (let refresh = 0; refresh < 400; refresh++) {
        advance(5_000);
        await firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(now()), parseHealthMetrics));
      }
      expect(backend.calls).toHaveLength(400);
      // A 10 s TTL and a refresh every 5 s: at most the last two answers are alive.
      expect(client.cacheSize.entries).toBeLessThanOrEqual(2);
    });

    it('keeps at most MAX_CACHE_ENTRIES answers even when none has expired', async () => {
      const { backend, client, advance, now } = setup({ cacheTtlMs: 3600_000 });
      backend.on('/health', { status: 200, data: healthExample });
      for (let refresh = 0; refresh < MAX_CACHE_ENTRIES + 150; refresh++) {
        advance(1_000);
        await firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(now()), parseHealthMetrics));
      }
      expect(client.cacheSize.entries).toBe(MAX_CACHE_ENTRIES);
      // The most recent answer is still served from the cache.
      await firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(now()), parseHealthMetrics));
      expect(backend.calls).toHaveLength(MAX_CACHE_ENTRIES + 150);
    });
  });

  describe('huge answers', () => {
    it('reads a page of 125,000 deployments without overflowing the stack, keeping MAX_LIST_ITEMS', async () => {
      const { backend, client } = setup();
      const deployment = Array.from({ length: 125_000 }, (_, i) => ({
        id: `dep-${i}`,
        name: `model ${i}`,
        models: [],
      }));
      backend.on(LIST, { status: 200, data: { deployment, totalDeployments: '125000', nextPageToken: '' } });
      const list = await lastValueFrom(client.listDeployments());
      expect(list.items).toHaveLength(MAX_LIST_ITEMS);
      expect(list.items[MAX_LIST_ITEMS - 1].id).toBe(`dep-${MAX_LIST_ITEMS - 1}`);
      expect(list.truncated).toBe(true);
      expect(list.truncation).toBe(Truncation.ItemBound);
      expect(list.totalDeployments).toBe(125000);
    });

    it('fails an answer larger than MAX_RESPONSE_BYTES with a clear message and does not cache it', async () => {
      const { backend, client } = setup();
      backend.on('/health', {
        status: 200,
        data: { ...healthExample, padding: 'x'.repeat(MAX_RESPONSE_BYTES / 2 + 10) },
      });
      const error = await gatewayFailureOf(
        firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics))
      );
      expect(error.failure).toBe(FailureCause.TooLarge);
      expect(error.message).toBe(
        'GET /v1/deployment/d/metrics/d/health: the answer is larger than 32 MB, the most one query may load. ' +
          'Narrow the query: a shorter time range, fewer deployments or models, or one feature.'
      );
      expect(client.cacheSize.entries).toBe(0);
    });

    it('takes the total from the first page even when a later page announces another', async () => {
      const { backend, client } = setup();
      backend.on(LIST, (url) => ({
        status: 200,
        data: url.includes('pageToken=page-2')
          ? { ...deploymentsPage2, totalDeployments: '99' }
          : { ...deploymentsPage1, totalDeployments: undefined },
      }));
      const list = await lastValueFrom(client.listDeployments());
      expect(list.totalDeployments).toBeNull();
    });
  });

  describe('one deadline per call', () => {
    it('times out a paged list whose pages each answer within the timeout but together do not', async () => {
      const { backend, client } = setup({ timeoutMs: 100, cacheTtlMs: 0 });
      let page = 0;
      backend.on(LIST, () => ({
        delayMs: 40,
        status: 200,
        data: { ...deploymentsPage2, nextPageToken: page++ < 10 ? `p${page}` : '' },
      }));
      const error = await gatewayFailureOf(lastValueFrom(client.listDeployments()));
      expect(error.failure).toBe(FailureCause.Timeout);
      expect(error.message).toBe(
        'GET /v1/deployment (list deployments): no answer within 0 s. The gateway did not answer in time. Raise the request timeout in the data source settings.'
      );
      expect(backend.calls.length).toBeLessThan(5);
      expect(backend.aborted).toBe(1);
    });

    it('a list within a time range that times out suggests a shorter time range', async () => {
      const { backend, client } = setup({ timeoutMs: 20, cacheTtlMs: 0 });
      backend.on(LIST, 'never');
      const range = rangeEnding(Date.parse('2026-01-01T00:00:00Z'));
      const error = await gatewayFailureOf(lastValueFrom(client.listDeployments(range)));
      expect(error.failure).toBe(FailureCause.Timeout);
      expect(error.message).toBe(
        'GET /v1/deployment (list deployments): no answer within 0 s. The gateway did not answer in time. Try a shorter time range, or raise the request timeout in the data source settings.'
      );
      expect(backend.aborted).toBe(1);
    });
  });

  describe('retries', () => {
    function sequence(
      backend: FakeBackendSrv,
      replies: Array<{ status: number; data: unknown; headers?: Record<string, string> }>
    ) {
      let call = 0;
      backend.on('/health', () => replies[Math.min(call++, replies.length - 1)]);
    }

    it('retries a 429 after the Retry-After seconds it names', async () => {
      const { backend, client } = setup();
      sequence(backend, [
        { status: 429, data: { code: 8, message: 'slow down' }, headers: { 'Retry-After': '0' } },
        { status: 200, data: healthExample },
      ]);
      const health = await firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics));
      expect(health.totalPredictions).toBe(17670);
      expect(backend.calls).toHaveLength(2);
    });

    it('retries a 503 whose Retry-After is an HTTP date', async () => {
      const { backend, client, now } = setup();
      sequence(backend, [
        {
          status: 503,
          data: { code: 14, message: 'unavailable' },
          headers: { 'retry-after': new Date(now()).toUTCString() },
        },
        { status: 200, data: healthExample },
      ]);
      await firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics));
      expect(backend.calls).toHaveLength(2);
    });

    it('gives up after MAX_RETRIES retries with the last error', async () => {
      const { backend, client } = setup();
      sequence(backend, [{ status: 429, data: { code: 8, message: 'slow down' }, headers: { 'Retry-After': '0' } }]);
      const error = await gatewayFailureOf(
        firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics))
      );
      expect(error.failure).toBe(FailureCause.RateLimited);
      expect(backend.calls).toHaveLength(3);
    });

    it('does not retry when the server asks for a wait beyond the cap or the deadline', async () => {
      const { backend, client } = setup({ timeoutMs: 5_000 });
      sequence(backend, [{ status: 429, data: { code: 8, message: 'slow down' }, headers: { 'Retry-After': '7' } }]);
      await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics)));
      expect(backend.calls).toHaveLength(1);
      const capped = setup({ timeoutMs: 60_000 });
      sequence(capped.backend, [{ status: 503, data: { code: 14, message: 'x' }, headers: { 'Retry-After': '120' } }]);
      await gatewayFailureOf(firstValueFrom(capped.client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics)));
      expect(capped.backend.calls).toHaveLength(1);
    });

    it.each([400, 401, 403, 404, 409, 500])('never retries HTTP %i', async (status) => {
      const { backend, client } = setup();
      sequence(backend, [{ status, data: { code: 3, message: 'no' }, headers: { 'Retry-After': '0' } }]);
      await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics)));
      expect(backend.calls).toHaveLength(1);
    });

    it('retries once per identical request shared by several consumers', async () => {
      const { backend, client } = setup();
      sequence(backend, [
        { status: 429, data: { code: 8, message: 'slow down', details: [{ retryDelay: '0s' }] } },
        { status: 200, data: healthExample },
      ]);
      await Promise.all([
        firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics)),
        firstValueFrom(client.healthMetrics('d', 'd', rangeEnding(0), parseHealthMetrics)),
      ]);
      expect(backend.calls).toHaveLength(2);
    });
  });
});
