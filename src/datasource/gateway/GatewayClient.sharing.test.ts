import { firstValueFrom, lastValueFrom } from 'rxjs';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import deploymentsPage2 from '../../../tests/fixtures/gateway/deployments-page2.json';
import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import { gatewayClientFixture } from '../../test/gatewayClient';
import { parseHealthMetrics } from '../parse/parseResponses';

const range = { startDateTime: '2022-07-19T07:28:40.000Z', endDateTime: '2022-08-18T07:28:40.000Z' };
const LISTED_ID = deploymentsPage1.deployment[0].id;

function withList(overrides = {}) {
  const fixture = gatewayClientFixture(overrides);
  fixture.backend.on('pageToken=page-2', { status: 200, data: deploymentsPage2 });
  fixture.backend.on('/v1/deployment', { status: 200, data: deploymentsPage1 });
  return fixture;
}

describe('GatewayClient shares decoded answers (network mocked at Grafana backendSrv boundary)', () => {
  it('decodes one answer once for every subscriber in flight and every cache hit', async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/health', { delayMs: 5, status: 200, data: healthExample });
    const first = await Promise.all(
      [1, 2, 3].map(() => firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics)))
    );
    const cached = await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    expect(backend.calls).toHaveLength(1);
    expect(client.stats).toMatchObject({ requests: 1, decodes: 1 });
    expect(cached).toBe(first[0]);
    expect(cached.totalPredictions).toBe(17670);
  });

  it('decodes again after the TTL, and when the cache is off', async () => {
    const { backend, client, advance } = gatewayClientFixture();
    backend.on('/health', { status: 200, data: healthExample });
    await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    advance(10_001);
    await firstValueFrom(client.healthMetrics('d', 'd', range, parseHealthMetrics));
    expect(client.stats).toMatchObject({ requests: 2, decodes: 2 });
  });

  it('answers a deployment a list returned without GET /v1/deployment/{id}, within the TTL', async () => {
    const { backend, client, advance } = withList();
    await lastValueFrom(client.listDeployments(range));
    const listCalls = backend.calls.length;
    const deployment = await firstValueFrom(client.getDeployment(LISTED_ID));
    expect(deployment.id).toBe(LISTED_ID);
    expect(deployment.notices).toEqual([]);
    expect(backend.calls).toHaveLength(listCalls);
    expect(client.stats.knownDeploymentHits).toBe(1);

    advance(10_001);
    backend.on(`/v1/deployment/${LISTED_ID}`, { status: 200, data: { deployment: deploymentsPage1.deployment[0] } });
    await firstValueFrom(client.getDeployment(LISTED_ID));
    expect(backend.calls).toHaveLength(listCalls + 1);
  });

  it('still asks the gateway for a deployment no list returned, and when the cache is off', async () => {
    const { backend, client } = withList({ cacheTtlMs: 0 });
    backend.on(`/v1/deployment/${LISTED_ID}`, { status: 200, data: { deployment: deploymentsPage1.deployment[0] } });
    await lastValueFrom(client.listDeployments(range));
    const listCalls = backend.calls.length;
    await firstValueFrom(client.getDeployment(LISTED_ID));
    expect(backend.calls).toHaveLength(listCalls + 1);
    expect(backend.calls[listCalls]).toContain(`/v1/deployment/${LISTED_ID}`);
  });
});
