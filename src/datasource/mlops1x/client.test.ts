import { lastValueFrom } from 'rxjs';

import { FailureCause, GatewayError } from '../gateway/errors';
import { TEST_PROXY_URL, gatewayClientFixture } from '../../test/gatewayClient';
import { mlops1xFixture } from '../../test/mlops1xFixtures';
import { Mlops1xClient } from './client';

function setup() {
  const { backend, client } = gatewayClientFixture();
  return { backend, client: new Mlops1xClient(client) };
}

const RANGE = { fromMs: Date.UTC(2026, 0, 5, 10), toMs: Date.UTC(2026, 0, 5, 11) };

describe('Mlops1xClient (FakeBackendSrv at the Grafana proxy boundary)', () => {
  it('lists scoring aggregates under the monitoring route with the client filter and order', async () => {
    const { backend, client } = setup();
    backend.on('/aggregates', { status: 200, data: mlops1xFixture('list-aggregates.json') });
    const list = await lastValueFrom(client.listScoringAggregates('w1', 'd1', { column: 'age', range: RANGE }));
    expect(list.items).toHaveLength(21);
    const url = new URL(backend.calls[0], 'http://grafana');
    expect(url.pathname).toBe(
      `${TEST_PROXY_URL}/mlops1x/monitoring/v2/workspaces/w1/deployments/d1/experiments/-/aggregates`
    );
    expect(url.searchParams.get('filter')).toBe(
      "column_name = 'age' AND (timestamp >= timestamp('2026-01-05T10:00:00.000000Z') AND timestamp < timestamp('2026-01-05T11:00:00.000000Z'))"
    );
    expect(url.searchParams.get('orderBy')).toBe('timestamp desc');
    expect(url.searchParams.get('pageSize')).toBe('1000');
  });

  it('follows nextPageToken until it is empty', async () => {
    const { backend, client } = setup();
    const [first, second] = (mlops1xFixture('list-deployments.json') as { deployments: unknown[] }).deployments;
    backend.on('/deployments', { status: 200, data: { deployments: [first], nextPageToken: 'p2' } });
    backend.on('pageToken=p2', { status: 200, data: { deployments: [second] } });
    const list = await lastValueFrom(client.listDeployments('w1'));
    expect(list.items.map((d) => d.id)).toEqual(['dep-single', 'dep-shadow']);
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[0]).toContain('/mlops1x/deployer/v2/workspaces/w1/deployments?');
  });

  it('reads workspaces, one deployment, its status and the monitoring configuration from their routes', async () => {
    const { backend, client } = setup();
    backend.on('/authz/v1/workspaces', { status: 200, data: mlops1xFixture('list-workspaces.json') });
    backend.on(/deployments\/dep-shadow$/, { status: 200, data: mlops1xFixture('get-deployment-shadow.json') });
    backend.on('/dep-shadow/status', { status: 200, data: mlops1xFixture('get-deployment-status.json') });
    backend.on('/configuration/monitoring', { status: 200, data: mlops1xFixture('get-monitoring-config.json') });
    expect((await lastValueFrom(client.listWorkspaces())).items).toHaveLength(2);
    expect((await lastValueFrom(client.getDeployment('w1', 'dep-shadow'))).deployment.mode).toBe('shadow');
    expect((await lastValueFrom(client.getDeploymentStatus('w1', 'dep-shadow'))).state).toBe('HEALTHY');
    expect((await lastValueFrom(client.monitoringConfig())).enabled).toBe(true);
    expect(backend.calls.map((c) => c.split('?')[0].slice(TEST_PROXY_URL.length))).toEqual([
      '/mlops1x/authz/v1/workspaces',
      '/mlops1x/deployer/v2/workspaces/w1/deployments/dep-shadow',
      '/mlops1x/deployer/v2/workspaces/w1/deployments/dep-shadow/status',
      '/mlops1x/deployer/v2/configuration/monitoring',
    ]);
  });

  it.each([['..'], ['a/b'], ['']])('never sends the id %j', async (id) => {
    const { backend, client } = setup();
    await expect(lastValueFrom(client.getDeployment('w1', id))).rejects.toMatchObject({
      failure: FailureCause.InvalidId,
    });
    expect(backend.calls).toHaveLength(0);
  });

  it('refuses a filter value with a quote before sending', async () => {
    const { backend, client } = setup();
    const failure = lastValueFrom(client.listBaselineAggregates('w1', 'd1', { column: "a'b" }));
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    expect(backend.calls).toHaveLength(0);
  });

  it('turns a shape error into a malformed-response error naming the endpoint and the JSON path', async () => {
    const { backend, client } = setup();
    backend.on('/baselineAggregates', { status: 200, data: { baselineAggregates: [{ column: 'age' }] } });
    const failure = lastValueFrom(client.listBaselineAggregates('w1', 'd1'));
    await expect(failure).rejects.toMatchObject({ failure: FailureCause.Malformed });
    await expect(lastValueFrom(client.listBaselineAggregates('w1', 'd1'))).rejects.toThrow(
      /GET monitoring \/v2\/workspaces\/w1\/deployments\/d1\/experiments\/-\/baselineAggregates: .*logicalType/
    );
  });

  it('maps a 403 from MLOps to a forbidden failure', async () => {
    const { backend, client } = setup();
    backend.on('/configuration/monitoring', { status: 403, data: { code: 7, message: 'permission denied' } });
    await expect(lastValueFrom(client.monitoringConfig())).rejects.toMatchObject({ failure: FailureCause.Forbidden });
  });
});
