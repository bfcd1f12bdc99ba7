/**
 * Authentication through Grafana's data-source proxy — STOOD IN by devtools/grafanaProxy/,
 * because Grafana's server cannot run on these machines — with the real plugin.json routes, the real
 * provisioning/datasources/mlops.yaml, real Keycloak and the real gateway simulator.
 */
import { SCENARIO_IDS } from '../../simulator/scenarios';
import type { ProxyStandIn } from '../../devtools/grafanaProxy/server';
import {
  dataSourceThroughProxy,
  provisionedDataSources,
  startGrafanaProxyStandIn,
  type ProvisionedDataSource,
} from './support/grafanaLike';
import { tokenRequest } from './support/oidc';
import { stackInfo } from './support/stackInfo';

const info = stackInfo();
const provisioned = provisionedDataSources({ ...info.provisioningEnv });
const byUid = (uid: string) => provisioned.find((ds) => ds.uid === uid)!;

interface SimStats {
  total: number;
  unauthorized: number;
  requests: Record<string, number>;
}
const simStats = async () => (await (await fetch(`${info.simulatorUrl}/__simulator/stats`)).json()) as SimStats;

let proxy: ProxyStandIn;
beforeEach(async () => {
  proxy = await startGrafanaProxyStandIn(info);
});
afterEach(() => proxy.close());

const MODES = [
  {
    mode: 'refresh token',
    uid: 'mlops-gateway',
    route: 'refresh-token/model-monitoring/v1/deployment',
    authMode: 'refreshToken',
  },
  {
    mode: 'client credentials',
    uid: 'mlops-gateway-cc',
    route: 'client-credentials/model-monitoring/v1/deployment',
    authMode: 'clientCredentials',
  },
] as const;

const ENDPOINTS = [
  '',
  '?pageSize=3',
  `/${SCENARIO_IDS.shadow}`,
  `/${SCENARIO_IDS.shadow}/models`,
  `/${SCENARIO_IDS.healthy}/metrics/${SCENARIO_IDS.healthy}/health`,
  `/${SCENARIO_IDS.drifting}/metrics/${SCENARIO_IDS.drifting}/drift?featureFrequencySelectedFeature=transaction_amount`,
  `/${SCENARIO_IDS.regression}/metrics/${SCENARIO_IDS.regression}/operational`,
  `/${SCENARIO_IDS.shadow}/metrics/${encodeURIComponent('loan-default-dnn:1')}/health`,
];

it('provisioning declares both auth modes against the stack (uid, type, access, no data-source url)', () => {
  expect(provisioned.map((ds) => [ds.uid, ds.type, ds.access, ds.jsonData.authMode])).toEqual([
    ['mlops-gateway', 'modelwatch-mlopsgateway-datasource', 'proxy', 'refreshToken'],
    ['mlops-gateway-cc', 'modelwatch-mlopsgateway-datasource', 'proxy', 'clientCredentials'],
  ]);
  expect(provisioned.every((ds) => ds.url === undefined)).toBe(true);
  expect(byUid('mlops-gateway').jsonData.gatewayUrl).toBe(info.simulatorUrl);
  expect(byUid('mlops-gateway').secureJsonData.refreshToken).toBe(info.provisioningEnv.MLOPS_REFRESH_TOKEN);
  expect(byUid('mlops-gateway-cc').secureJsonData.refreshToken).toBeUndefined();
});

describe.each(MODES)('$mode mode through the Grafana proxy stand-in', ({ uid, route, authMode }) => {
  const ds: () => ProvisionedDataSource = () => byUid(uid);
  const url = (rest: string) => `${proxy.proxyUrl(uid)}/${route}${rest}`;

  it('the provisioned data source is in this mode', () => {
    expect(ds().jsonData.authMode).toBe(authMode);
  });

  it('every gateway endpoint answers 200, with one token fetched and reused', async () => {
    const before = await simStats();
    for (const rest of ENDPOINTS) {
      const res = await fetch(url(rest));
      expect({ rest, status: res.status }).toEqual({ rest, status: 200 });
      expect(await res.json()).toEqual(expect.any(Object));
    }
    const healthz = await fetch(`${proxy.proxyUrl(uid)}/gateway-healthz`);
    expect(healthz.status).toBe(200);
    expect(proxy.tokenRequests({ uid, routePath: route })).toBe(1);
    expect(proxy.tokenRequests()).toBe(1);
    const after = await simStats();
    expect(after.total - before.total).toBe(ENDPOINTS.length + 1);
    expect(after.unauthorized).toBe(before.unauthorized);
  });

  it('Save & test succeeds: "Connected: 7 monitored deployments"', async () => {
    const { ds: source } = dataSourceThroughProxy(proxy, ds());
    await expect(source.testDatasource()).resolves.toEqual({
      status: 'success',
      message: 'Connected: 7 monitored deployments',
    });
  });

  it('a wrong client secret: 400 "Authentication to data source failed", and Save & test explains it', async () => {
    proxy.updateDataSource(uid, { secureJsonData: { ...ds().secureJsonData, clientSecret: 'wrong-secret' } });
    const res = await fetch(url(''));
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Authentication to data source failed');
    const { ds: source } = dataSourceThroughProxy(proxy, ds());
    const result = await source.testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^Authentication failed\. Check the token URL, client ID and client secret/);
    expect((result.details as { message: string }).message).toMatch(/gateway itself is reachable/);
  });

  it('non-GET methods and paths outside the routes never reach the gateway (502: the data source has no URL)', async () => {
    const before = await simStats();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(url(''), { method, body: method === 'DELETE' ? undefined : '{}' });
      expect({ method, status: res.status }).toEqual({ method, status: 502 });
    }
    for (const rest of [
      'model-monitoring/v1/deployment',
      'healthz',
      '__simulator/stats',
      `${route.split('/')[0]}/deployer/v1/project`,
    ]) {
      const res = await fetch(`${proxy.proxyUrl(uid)}/${rest}`);
      expect({ rest, status: res.status }).toEqual({ rest, status: 502 });
    }
    expect((await simStats()).total).toBe(before.total);
    expect(proxy.tokenRequests()).toBe(0);
  });

  it('anonymous calls are refused (401) before any token or gateway request', async () => {
    proxy.setUserRole(undefined);
    const res = await fetch(url(''));
    expect(res.status).toBe(401);
    expect(proxy.tokenRequests()).toBe(0);
  });
});

it('an empty scope works: the routes send "openid" because Keycloak 26 refuses an empty scope (Grafana proxy stood in)', async () => {
  // Keycloak itself refuses `scope=` ("invalid_scope") and Grafana's tokenAuth cannot leave a
  // declared form field out, so plugin.json renders an empty scope as openid.
  const direct = await tokenRequest(info.keycloak.tokenUrl, {
    grant_type: 'client_credentials',
    client_id: info.demo.clientId,
    client_secret: info.demo.clientSecret,
    scope: '',
  });
  expect([direct.status, direct.body.error]).toEqual([400, 'invalid_scope']);
  for (const { uid, route } of MODES) {
    proxy.updateDataSource(uid, { jsonData: { ...byUid(uid).jsonData, scope: '' } });
    expect({ uid, status: (await fetch(`${proxy.proxyUrl(uid)}/${route}`)).status }).toEqual({ uid, status: 200 });
    proxy.updateDataSource(uid, { jsonData: byUid(uid).jsonData });
  }
});

describe('refresh-token mode: bad refresh tokens through the Grafana proxy stand-in', () => {
  const uid = 'mlops-gateway';
  const route = 'refresh-token/model-monitoring/v1/deployment';

  async function expectExplainedFailure() {
    const res = await fetch(`${proxy.proxyUrl(uid)}/${route}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Authentication to data source failed');
    const { ds } = dataSourceThroughProxy(proxy, byUid(uid));
    const result = await ds.testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^Authentication failed\. .*refresh token may have expired or been revoked/);
  }

  it('a garbage refresh token', async () => {
    proxy.updateDataSource(uid, { secureJsonData: { ...byUid(uid).secureJsonData, refreshToken: 'garbage' } });
    await expectExplainedFailure();
  });

  it('a revoked offline token (fresh one revoked at Keycloak’s revocation endpoint)', async () => {
    const { demo } = info;
    const fresh = await tokenRequest(info.keycloak.tokenUrl, {
      grant_type: 'password',
      client_id: demo.clientId,
      client_secret: demo.clientSecret,
      username: demo.username,
      password: demo.password,
      scope: 'offline_access',
    });
    expect(fresh.status).toBe(200);
    const refreshToken = fresh.body.refresh_token as string;
    proxy.updateDataSource(uid, { secureJsonData: { ...byUid(uid).secureJsonData, refreshToken } });
    expect((await fetch(`${proxy.proxyUrl(uid)}/${route}`)).status).toBe(200);

    const revoke = await fetch(`${info.keycloak.issuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: refreshToken,
        token_type_hint: 'refresh_token',
        client_id: demo.clientId,
        client_secret: demo.clientSecret,
      }),
    });
    expect(revoke.status).toBe(200);
    // Saving the data source drops the cached access token (as Grafana does on save).
    proxy.updateDataSource(uid, { secureJsonData: { ...byUid(uid).secureJsonData, refreshToken } });
    await expectExplainedFailure();
    // The stack's own offline token is untouched.
    proxy.updateDataSource(uid, { secureJsonData: byUid(uid).secureJsonData });
    expect((await fetch(`${proxy.proxyUrl(uid)}/${route}`)).status).toBe(200);
  });
});
