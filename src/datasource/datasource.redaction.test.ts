import type { DataQueryResponse } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../tests/fixtures/gateway/deployments-page1.json';
import healthExample from '../../tests/fixtures/gateway/health-documented-example.json';
import { MlopsDataSource } from './datasource';
import { FakeBackendSrv } from '../test/fakeBackendSrv';
import { FakeTemplateSrv } from '../test/fakeTemplateSrv';
import { instanceSettings } from '../test/instanceSettings';
import { DOCUMENTED_EXAMPLE_RANGE, legacyTargets, queryRequest } from '../test/queryRequest';
import { QueryType } from './types';

/**
 * No user-visible message shows a token a gateway echoed back (network mocked at Grafana backendSrv
 * boundary). The browser never holds the configured secrets (secureJsonData is write-only), so it
 * redacts by shape (Bearer/Basic values, JWT-shaped strings) and by field name (client_secret=…).
 */

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJncmFmYW5hLXVzZXIifQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc';
const ECHO = { code: 13, message: `internal error; request headers: {"Authorization":"Bearer ${JWT}"}` };

const healthRequest = (deploymentId: string) =>
  queryRequest(legacyTargets([{ queryType: QueryType.HealthSummary, deploymentId }]), DOCUMENTED_EXAMPLE_RANGE, {
    requestId: 'r',
  });

describe('echoed tokens never reach a message', () => {
  it('Save & test, gateway error', async () => {
    const backend = new FakeBackendSrv().on(/v1\/deployment(\?|$)/, { status: 500, data: ECHO });
    const ds = new MlopsDataSource(instanceSettings(), { backendSrv: backend, templateSrv: new FakeTemplateSrv() });
    const result = await ds.testDatasource();
    expect(result.status).toBe('error');
    expect(JSON.stringify(result)).not.toContain('eyJ');
    expect(JSON.stringify(result)).toContain('Bearer [redacted]');
  });

  it('Save & test, authentication failure (grpc code 16) quoting the token', async () => {
    const backend = new FakeBackendSrv()
      .on(/v1\/deployment(\?|$)/, { status: 401, data: { code: 16, message: `token ${JWT} expired` } })
      .on('/gateway-healthz', { status: 200, data: { status: 'ok' } });
    const ds = new MlopsDataSource(instanceSettings(), { backendSrv: backend, templateSrv: new FakeTemplateSrv() });
    const result = await ds.testDatasource();
    expect(result.status).toBe('error');
    expect(JSON.stringify(result)).not.toContain('eyJ');
  });

  it('a panel query, including a partial failure of a multi-value variable', async () => {
    const good = deploymentsPage1.deployment[0];
    const backend = new FakeBackendSrv()
      .on(`/v1/deployment/${good.id}`, { status: 200, data: { deployment: good } })
      .on('/health', { status: 200, data: healthExample })
      .on('/v1/deployment/bad', { status: 500, data: ECHO });
    const ds = new MlopsDataSource(instanceSettings(), {
      backendSrv: backend,
      templateSrv: new FakeTemplateSrv({ dep: [good.id, 'bad'] }),
    });
    const single: DataQueryResponse = await lastValueFrom(ds.query(healthRequest('bad')));
    const partial: DataQueryResponse = await lastValueFrom(ds.query(healthRequest('$dep')));
    for (const response of [single, partial]) {
      expect(response.errors).toHaveLength(1);
      expect(JSON.stringify(response.errors)).toContain('Bearer [redacted]');
      expect(JSON.stringify(response.errors)).not.toContain('eyJ');
    }
    expect(partial.errors?.[0].message).toMatch(/^Partial result/);
    expect(partial.data.length).toBeGreaterThan(0);
  });
});
