import { firstValueFrom } from 'rxjs';

import { gatewayClientFixture } from '../../test/gatewayClient';
import { FailureCause, GatewayError } from './errors';
import { MAX_RESPONSE_BYTES } from './transport';

/** Transport behaviour seen through GatewayClient (network mocked at Grafana's backendSrv boundary). */

const range = { startDateTime: '2022-07-19T07:28:40.000Z', endDateTime: '2022-08-18T07:28:40.000Z' };
const length = (body: unknown) => (body as string).length;

describe('transport (network mocked at Grafana backendSrv boundary)', () => {
  it('accepts an answer of exactly the byte bound and refuses one character more', async () => {
    // An answer's text counts 2 bytes a character.
    const atBound = 'x'.repeat(MAX_RESPONSE_BYTES / 2);
    const { backend, client } = gatewayClientFixture({ cacheTtlMs: 0 });
    backend.on('/health', (url) => ({ status: 200, data: url.includes('/d2/') ? `${atBound}x` : atBound }));
    await expect(firstValueFrom(client.healthMetrics('d', 'm', range, length))).resolves.toBe(atBound.length);
    const failure = await firstValueFrom(client.healthMetrics('d2', 'm', range, length)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GatewayError);
    expect((failure as GatewayError).failure).toBe(FailureCause.TooLarge);
  });

  it('a later call of the same URL gets its own deadline for retries, not the finished call’s', async () => {
    const { backend, client, advance } = gatewayClientFixture({ cacheTtlMs: 0 });
    let replies = 0;
    backend.on('/health', () => {
      replies += 1;
      // The 2nd request is refused with a RetryInfo of 0 s, the retry answers.
      return replies === 2
        ? { status: 429, data: { code: 8, message: 'slow down', details: [{ retryDelay: '0s' }] } }
        : { status: 200, data: 'ok' };
    });
    await expect(firstValueFrom(client.healthMetrics('d', 'm', range, length))).resolves.toBe(2);
    advance(60_000); // far past the first call's deadline
    await expect(firstValueFrom(client.healthMetrics('d', 'm', range, length))).resolves.toBe(2);
    expect(replies).toBe(3);
  });
});
