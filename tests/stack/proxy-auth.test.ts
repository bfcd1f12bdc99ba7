/**
 * Authentication through Grafana's data-source proxy — STOOD IN by devtools/grafanaProxy/,
 * because Grafana's server cannot run on these machines — with the real plugin.json routes, the real
 * provisioning/datasources/mlops.yaml, real Keycloak and the real gateway simulator.
 */
import http from 'node:http';

import { SCENARIO_IDS } from '../../simulator/scenarios';
import type { ProxyStandIn } from '../../devtools/grafanaProxy/server';
import {
  dataSourceThroughProxy,
  provisionedDataSources,
  startGrafanaProxyStandIn,
  type ProvisionedDataSource,
} from './support/grafanaLike';
import { claims, revokeRefreshToken, tokenRequest } from './support/oidc';
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

/** The one gateway route of plugin.json; its grant comes from jsonData.authMode. */
const ROUTE = 'gateway/model-monitoring/v1/deployment';

const MODES = [
  {
    mode: 'refresh token',
    uid: 'mlops-gateway',
    route: ROUTE,
    authMode: 'refreshToken',
    grant: 'refresh_token',
  },
  {
    mode: 'client credentials',
    uid: 'mlops-gateway-cc',
    route: ROUTE,
    authMode: 'clientCredentials',
    grant: 'client_credentials',
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
    ['mlops-1x', 'modelwatch-mlopsgateway-datasource', 'proxy', 'refreshToken'],
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
      'gateway/deployer/v1/project',
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
  const route = ROUTE;

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

    expect(await revokeRefreshToken(info.keycloak.issuer, demo, refreshToken)).toBe(200);
    // Saving the data source drops the cached access token (as Grafana does on save).
    proxy.updateDataSource(uid, { secureJsonData: { ...byUid(uid).secureJsonData, refreshToken } });
    await expectExplainedFailure();
    // The stack's own offline token is untouched.
    proxy.updateDataSource(uid, { secureJsonData: byUid(uid).secureJsonData });
    expect((await fetch(`${proxy.proxyUrl(uid)}/${route}`)).status).toBe(200);
  });
});

/**
 * Issue #9, identity switch: the grant is chosen by the data source's stored jsonData.authMode,
 * not by any path the browser calls. Real Keycloak tells the identities apart: a refresh-token
 * access token is the demo user's (with a session id), a client-credentials one is the client's
 * service account (no user session).
 */
describe('only the configured identity is reachable (real Keycloak, Grafana proxy stood in)', () => {
  function expectIdentity(token: string, grant: 'refresh_token' | 'client_credentials') {
    const c = claims(token);
    expect(c.azp).toBe(info.demo.clientId);
    if (grant === 'refresh_token') {
      expect(c.preferred_username).toBe(info.demo.username);
      expect(typeof c.sid).toBe('string');
    } else {
      expect(c.preferred_username).toBe(`service-account-${info.demo.clientId}`);
      expect(c.sid).toBeUndefined();
    }
  }

  it.each(MODES)(
    '$mode: the token request carries the configured grant, and the token is that identity’s',
    async ({ uid, grant }) => {
      expect((await fetch(`${proxy.proxyUrl(uid)}/${ROUTE}?pageSize=1`)).status).toBe(200);
      const forms = proxy.tokenForms();
      expect(forms).toHaveLength(1);
      expect(forms[0]).toEqual({
        uid,
        routePath: ROUTE,
        params: {
          client_id: info.demo.clientId,
          client_secret: '[set]',
          grant_type: grant,
          // Grafana sends every declared param; in client-credentials mode the refresh token is
          // rendered empty, and Keycloak ignores an empty refresh_token for that grant.
          refresh_token: grant === 'refresh_token' ? '[set]' : '',
          scope: 'openid',
        },
      });
      const tokens = proxy.accessTokens();
      expect(tokens).toHaveLength(1);
      expectIdentity(tokens[0], grant);
    }
  );

  it('a data source without authMode (settings saved before modes existed) uses the refresh token', async () => {
    const { authMode: _dropped, ...legacy } = byUid('mlops-gateway').jsonData;
    proxy.updateDataSource('mlops-gateway', { jsonData: legacy });
    expect((await fetch(`${proxy.proxyUrl('mlops-gateway')}/${ROUTE}`)).status).toBe(200);
    expect(proxy.tokenForms().map((f) => f.params.grant_type)).toEqual(['refresh_token']);
    expectIdentity(proxy.accessTokens()[0], 'refresh_token');
  });

  /** Paths a Viewer could try to reach another grant: the old per-grant routes and variations. */
  const OTHER_PATHS = [
    'client-credentials/model-monitoring/v1/deployment',
    'refresh-token/model-monitoring/v1/deployment',
    'client_credentials/model-monitoring/v1/deployment',
    'gateway/../client-credentials/model-monitoring/v1/deployment',
    'client-credentials/../client-credentials/model-monitoring/v1/deployment',
    '%67ateway/model-monitoring/v1/deployment',
    'gateway%2Fmodel-monitoring%2Fv1%2Fdeployment',
    'GATEWAY/model-monitoring/v1/deployment',
    'gateway-healthz/../client-credentials/model-monitoring/v1/deployment',
  ];

  it.each(MODES)(
    '$mode: no path a Viewer can call yields a token of the other grant (old prefixes → 502, no token request)',
    async ({ uid, grant }) => {
      const before = await simStats();
      for (const rest of OTHER_PATHS) {
        const res = await rawGet(`/api/datasources/proxy/uid/${uid}/${rest}`);
        expect({ rest, status: res.status }).toEqual({ rest, status: 502 });
      }
      expect(proxy.tokenRequests()).toBe(0);
      expect((await simStats()).total).toBe(before.total);

      // Paths that do reach the gateway route — however spelled — get the configured identity only.
      for (const rest of [
        ROUTE,
        `gateway-healthz/../${ROUTE}`,
        `gateway/./model-monitoring/v1/deployment`,
        `${ROUTE}/../deployment`,
      ]) {
        const res = await rawGet(`/api/datasources/proxy/uid/${uid}/${rest}`);
        expect({ rest, status: res.status }).not.toEqual({ rest, status: 502 });
      }
      expect(proxy.tokenForms().map((f) => f.params.grant_type)).toEqual([grant]);
      for (const token of proxy.accessTokens()) {
        expectIdentity(token, grant);
      }
    }
  );
});

/** GET with the path exactly as given (fetch would resolve `..` and `%2e%2e` itself). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${proxy.url}/`, { method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.path = rawPath;
    req.on('error', reject);
    req.end();
  });
}
