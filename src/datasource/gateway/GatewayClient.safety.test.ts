import { firstValueFrom, lastValueFrom } from 'rxjs';

import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import { gatewayClientFixture, gatewayFailureOf } from '../../test/gatewayClient';
import { FailureCause } from './errors';
import type { GatewayClientSettings } from './GatewayClient';
import { parseDriftMetrics, parseHealthMetrics } from '../parse/parseResponses';

/** What never reaches the gateway (escaping ids) and what never reaches a message (secrets). */

const range = { startDateTime: '2022-07-19T07:28:40.000Z', endDateTime: '2022-08-18T07:28:40.000Z' };
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJncmFmYW5hIiwiZXhwIjoxOTAwMDAwMDAwfQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

const setup = (overrides: Partial<GatewayClientSettings> = {}) =>
  gatewayClientFixture({ timeoutMs: 900, ...overrides });

describe('GatewayClient safety (network mocked at Grafana backendSrv boundary)', () => {
  describe('ids that would escape their route are rejected before any request', () => {
    it.each([
      ['.', 'it is a relative path segment'],
      ['..', 'it is a relative path segment'],
      ['%2e%2e', 'it decodes to the relative path segment ".."'],
      ['%2E.', 'it decodes to the relative path segment ".."'],
      ['.%2E', 'it decodes to the relative path segment ".."'],
      ['%252e%252e', 'it decodes to the relative path segment ".."'],
      ['%2e', 'it decodes to the relative path segment "."'],
      ['dep-1\u001fdep-2', 'it contains a control character'],
      ['dep\n1', 'it contains a control character'],
      ['dep%001', 'it contains a control character'],
    ])('deployment id %j', async (id, reason) => {
      const { backend, client } = setup();
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics(id, 'm', range, parseHealthMetrics)));
      expect(error.failure).toBe(FailureCause.InvalidId);
      expect(error.detail).toBe(
        `deployment ID "${id.replace('\u001f', '\\u001f').replace('\n', '\\u000a')}" is not sent to the gateway: ${reason}`
      );
      expect(backend.calls).toEqual([]);
    });

    it('checks model ids and every call that takes a deployment', async () => {
      const { backend, client } = setup();
      expect(
        (await gatewayFailureOf(firstValueFrom(client.driftMetrics('dep', '..', range, {}, parseDriftMetrics)))).detail
      ).toBe('model ID ".." is not sent to the gateway: it is a relative path segment');
      expect((await gatewayFailureOf(firstValueFrom(client.getDeployment('%2e%2e')))).failure).toBe(
        FailureCause.InvalidId
      );
      expect((await gatewayFailureOf(lastValueFrom(client.listModels('..')))).failure).toBe(FailureCause.InvalidId);
      expect(backend.calls).toEqual([]);
    });

    it('still sends ids that merely contain dots', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 200, data: healthExample });
      await firstValueFrom(client.healthMetrics('a..b', 'model:1.2', range, parseHealthMetrics));
      expect(backend.calls[0]).toContain('/v1/deployment/a..b/metrics/model%3A1.2/health');
    });
  });

  describe('secrets echoed by the gateway are redacted', () => {
    it('a token cut by the length limit is still redacted', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 500, data: { code: 13, message: `${'x'.repeat(120)} Bearer ${JWT}` } });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.message).not.toMatch(/eyJ/);
      expect(error.detail).toContain('Bearer [redacted]');
    });

    it('bearer tokens and JWT-shaped strings', async () => {
      const { backend, client } = setup();
      backend.on('/health', {
        status: 500,
        data: { code: 13, message: `echo: Bearer ${JWT} jwt ${JWT}` },
      });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.message).not.toContain('eyJ');
      expect(error.detail).toBe('gateway error (HTTP 500 "echo: Bearer [redacted] jwt [redacted]")');
    });

    it('configured secret values, also in a 200 error body and in statusText', async () => {
      const { backend, client } = setup({ knownSecrets: ['s3cr3t-client-value'] });
      backend.on('/health', {
        status: 200,
        data: { code: 'INVALID_ARGUMENT', message: 'bad client s3cr3t-client-value' },
      });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.detail).toBe('request rejected (HTTP 200 with gateway error code 3 "bad client [redacted]")');
    });

    it('a gateway echoing the request headers, an opaque (non-JWT) token included', async () => {
      const { backend, client } = setup();
      const echoed = JSON.stringify({ authorization: 'Bearer opaque-0123456789abcdef', accept: 'application/json' });
      backend.on('/health', { status: 400, data: { code: 3, message: `bad request, headers: ${echoed}` } });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.message).not.toContain('opaque-0123456789abcdef');
      expect(error.detail).toContain('"authorization":"Bearer [redacted]"');
    });

    it('a token-request form echoed back (client_secret=…, refresh_token=…)', async () => {
      const { backend, client } = setup();
      const form =
        'grant_type=refresh_token&client_id=grafana&client_secret=s3cr3t-value&refresh_token=opaque-rt-value';
      backend.on(/v1\/deployment(\?|$)/, { status: 500, data: { code: 13, message: `token call failed: ${form}` } });
      const error = await gatewayFailureOf(lastValueFrom(client.listDeployments()));
      expect(error.message).not.toMatch(/s3cr3t-value|opaque-rt-value/);
      expect(error.detail).toContain('client_secret=[redacted]&refresh_token=[redacted]');
    });

    it('a JWT in a body that is not the expected shape (quoted by the parser)', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 200, data: `Bearer ${JWT}` });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.failure).toBe(FailureCause.Malformed);
      expect(error.message).not.toContain('eyJ');
    });

    it('an HTML proxy page echoing the Authorization header', async () => {
      const { backend, client } = setup();
      backend.on('/health', {
        status: 502,
        data: `<html><body>upstream failed; request had Authorization: Bearer ${JWT}</body></html>`,
      });
      const error = await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      expect(error.message).not.toContain('eyJ');
      expect(`${error.detail} ${error.hint}`).not.toContain('eyJ');
    });
  });

  describe('grpc-gateway errors with HTTP 200', () => {
    it.each([
      [
        { code: 5, message: 'deployment d not found', details: [] },
        FailureCause.NotFound,
        'not found (HTTP 200 with gateway error code 5 "deployment d not found")',
      ],
      [
        { code: 'NOT_FOUND', message: 'deployment d not found' },
        FailureCause.NotFound,
        'not found (HTTP 200 with gateway error code 5 "deployment d not found")',
      ],
      [
        { code: 16, message: 'token expired' },
        FailureCause.Authentication,
        'authentication failed (HTTP 200 with gateway error code 16 "token expired")',
      ],
      [
        { code: 'PERMISSION_DENIED', message: 'no' },
        FailureCause.Forbidden,
        'forbidden (HTTP 200 with gateway error code 7 "no")',
      ],
      [{ code: 13, details: [] }, FailureCause.ServerError, 'gateway error (HTTP 200 with gateway error code 13)'],
    ])('%j', async (body, cause, detail) => {
      const { backend, client } = setup();
      backend.on(/v1\/deployment(\?|$)/, { status: 200, data: body });
      const error = await gatewayFailureOf(lastValueFrom(client.listDeployments()));
      expect(error.failure).toBe(cause);
      expect(error.detail).toBe(detail);
    });

    it('is not cached', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 200, data: { code: 13, message: 'x' } });
      await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)));
      backend.on('/health', { status: 200, data: healthExample });
      await expect(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics))).resolves.toMatchObject({
        totalPredictions: 17670,
      });
    });

    it('a body with code 0 or "OK" is data, not an error', async () => {
      const { backend, client } = setup();
      backend.on('/health', { status: 200, data: { ...healthExample, code: 0, message: '' } });
      await expect(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics))).resolves.toMatchObject({
        totalPredictions: 17670,
      });
    });
  });

  describe('messages fit the call', () => {
    it('a timeout of a call without a time range does not suggest a shorter one', async () => {
      const { backend, client } = setup({ timeoutMs: 20 });
      backend.on('/v1/deployment/d', 'never');
      const error = await gatewayFailureOf(firstValueFrom(client.getDeployment('d')));
      expect(error.message).toBe(
        'GET /v1/deployment/d: no answer within 0 s. The gateway did not answer in time. Raise the request timeout in the data source settings.'
      );
      backend.on('/health', 'never');
      expect(
        (await gatewayFailureOf(firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)))).hint
      ).toBe(
        'The gateway did not answer in time. Try a shorter time range, or raise the request timeout in the data source settings.'
      );
    });

    it('not-found of the deployment list speaks of a list', async () => {
      const { backend, client } = setup();
      backend.on(/v1\/deployment(\?|$)/, { status: 404, data: { code: 5, message: 'Not Found' } });
      const error = await gatewayFailureOf(lastValueFrom(client.listDeployments()));
      expect(error.message).toBe(
        'GET /v1/deployment (list deployments): not found (HTTP 404 "Not Found"). The gateway found no deployment list at this URL. ' +
          'Check that the gateway URL is the MLOps gateway\'s base URL (without "/model-monitoring") and that the account may list monitored deployments.'
      );
    });

    it('a malformed answer names its path once', async () => {
      const { backend, client } = setup();
      backend.on('/v1/deployment/d', { status: 200, data: { deployment: { id: 7 } } });
      const error = await gatewayFailureOf(firstValueFrom(client.getDeployment('d')));
      expect(error.detail).not.toMatch(/(\b[\w.]+: )\1/);
    });
  });
});
