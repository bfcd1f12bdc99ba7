import { GatewayError } from '../datasource/gateway/errors';
import { GatewayClient, type GatewayClientSettings } from '../datasource/gateway/GatewayClient';
import { AuthMode } from '../datasource/types';
import { FakeBackendSrv } from './fakeBackendSrv';

/** Proxy URL of the test data source (uid `mlops`). */
export const TEST_PROXY_URL = '/api/datasources/proxy/uid/mlops';

/**
 * A GatewayClient over a FakeBackendSrv with a controllable clock (starting at `startAt`), and
 * test defaults for every setting: 5 s timeout, 10 s cache TTL, 100 pages.
 */
export function gatewayClientFixture(overrides: Partial<GatewayClientSettings> = {}, startAt = 1_000_000) {
  const backend = new FakeBackendSrv();
  let now = startAt;
  const client = new GatewayClient(
    {
      proxyUrl: TEST_PROXY_URL,
      authMode: AuthMode.RefreshToken,
      timeoutMs: 5_000,
      cacheTtlMs: 10_000,
      maxPages: 100,
      ...overrides,
    },
    backend,
    () => now
  );
  return { backend, client, advance: (ms: number) => (now += ms), now: () => now };
}

/** The GatewayError a call fails with; fails the test when it succeeds or fails otherwise. */
export async function gatewayFailureOf(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected the call to fail');
}
