import type { BackendSrvRequest } from '@grafana/runtime';
import { firstValueFrom, lastValueFrom } from 'rxjs';

import deploymentsPage2 from '../../../tests/fixtures/gateway/deployments-page2.json';
import driftFixture from '../../../tests/fixtures/gateway/drift.json';
import modelsFixture from '../../../tests/fixtures/gateway/models.json';
import operationalFixture from '../../../tests/fixtures/gateway/operational.json';
import { gatewayClientFixture, gatewayFailureOf, TEST_PROXY_URL } from '../../test/gatewayClient';
import { OperationalMetric } from '../../shared/operationalMetrics';
import { parseOperationalTotals } from '../parse/operational';

/** The exact request each call sends and the endpoint its failures name (network mocked at Grafana's backendSrv). */

const range = { startDateTime: '2022-07-19T07:28:40.000Z', endDateTime: '2022-08-18T07:28:40.000Z' };
const RANGE_QUERY = 'endDateTime=2022-08-18T07%3A28%3A40.000Z&startDateTime=2022-07-19T07%3A28%3A40.000Z';
const GATEWAY = `${TEST_PROXY_URL}/gateway/model-monitoring`;

describe('GatewayClient requests (network mocked at Grafana backendSrv boundary)', () => {
  it('sends the range with a list of deployments', async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/v1/deployment', { status: 200, data: deploymentsPage2 });
    await lastValueFrom(client.listDeployments(range));
    expect(backend.calls[0]).toBe(`${GATEWAY}/v1/deployment?${RANGE_QUERY}`);
  });

  it('sends the range to the operational route for the summary and the graphs', async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/operational', { status: 200, data: operationalFixture });
    await firstValueFrom(client.operationalSummary('d', 'm', range, parseOperationalTotals));
    await firstValueFrom(client.operationalGraphs('d2', 'm', range, [OperationalMetric.ScoringLatency]));
    expect(backend.calls).toEqual([
      `${GATEWAY}/v1/deployment/d/metrics/m/operational?${RANGE_QUERY}`,
      `${GATEWAY}/v1/deployment/d2/metrics/m/operational?${RANGE_QUERY}`,
    ]);
  });

  it("names the models route in a listing's failure", async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/models', { status: 500, data: { code: 13, message: 'boom' } });
    const failure = await gatewayFailureOf(lastValueFrom(client.listModels('d')));
    expect(failure.endpoint).toBe('GET /v1/deployment/d/models');
  });

  it('counts a known-deployment hit only when the deployment was known', async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/v1/deployment/', { status: 500, data: { code: 13, message: 'boom' } });
    await gatewayFailureOf(firstValueFrom(client.getDeployment('unknown')));
    expect(client.stats.knownDeploymentHits).toBe(0);
  });

  it('healthz sends a plain GET without pop-ups and names its route in a failure', async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/gateway-healthz', { status: 503, data: 'down' });
    const sent: BackendSrvRequest[] = [];
    const fetch = backend.fetch;
    backend.fetch = <T>(options: BackendSrvRequest) => {
      sent.push(options);
      return fetch<T>(options);
    };
    const failure = await gatewayFailureOf(firstValueFrom(client.healthz()));
    expect(failure.endpoint).toBe('GET /healthz');
    expect(sent[0]).toEqual({
      url: `${TEST_PROXY_URL}/gateway-healthz`,
      method: 'GET',
      showErrorAlert: false,
      showSuccessAlert: false,
    });
  });

  it('reports no total for a list of models (the gateway gives none)', async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/models', { status: 200, data: modelsFixture });
    const list = await lastValueFrom(client.listModels('d'));
    expect(list.totalDeployments).toBeNull();
  });

  it('leaves out empty and absent parameters (no drift feature selected)', async () => {
    const { backend, client } = gatewayClientFixture();
    backend.on('/drift', { status: 200, data: driftFixture });
    await firstValueFrom(client.driftMetrics('d', 'm', range, { importanceFeature: '' }, (body) => body));
    expect(backend.calls).toEqual([`${GATEWAY}/v1/deployment/d/metrics/m/drift?${RANGE_QUERY}`]);
  });
});
