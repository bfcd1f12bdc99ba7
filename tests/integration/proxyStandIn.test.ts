/** @jest-environment node */
import '../support/nodeGlobals';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { SCENARIO_IDS } from '../../simulator/scenarios';
import { startTestSimulator, type TestSimulator } from '../../simulator/testKit';
import { MlopsDataSource } from '../../src/datasource/datasource';
import { FakeTemplateSrv } from '../../src/test/fakeTemplateSrv';
import { AuthMode, type MlopsDataSourceOptions } from '../../src/datasource/types';
import { HttpBackendSrv } from '../../devtools/httpBackendSrv';
import {
  GoTemplateError,
  renderGoTemplate,
  startProxyStandIn,
  type ProxyStandIn,
} from '../../devtools/grafanaProxy/server';
import { instanceSettings } from '../../src/test/instanceSettings';

/**
 * The stand-in for Grafana's data-source proxy (devtools/grafanaProxy/) against the real
 * simulator (trusting a local key pair from simulator/testKit.ts) and a tiny token endpoint defined
 * here. Grafana's server cannot run on these machines; these tests pin the stand-in to Grafana's
 * documented/source behaviour so the real-stack tests built on it mean something.
 */

const PLUGIN_JSON = path.resolve(__dirname, '../../src/datasource/plugin.json');
const CLIENT_ID = 'grafana-mlops';
const CLIENT_SECRET = 'test-only-secret-value';
const REFRESH_TOKEN = 'test-only-refresh-token';
/** The one gateway route: its grant comes from the data source's jsonData.authMode. */
const ROUTE = 'gateway/model-monitoring/v1/deployment';
const REFRESH_ROUTE = ROUTE;

/** A minimal OIDC token endpoint: checks the form like Keycloak would and mints simulator tokens. */
interface TokenEndpoint {
  url: string;
  forms: URLSearchParams[];
  expiresIn: number;
  mode: 'ok' | 'html' | 'rotate';
  close(): Promise<void>;
}

async function startTokenEndpoint(sim: TestSimulator): Promise<TokenEndpoint> {
  const endpoint: TokenEndpoint = { url: '', forms: [], expiresIn: 300, mode: 'ok', close: async () => undefined };
  let rotated = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const form = new URLSearchParams(body);
        endpoint.forms.push(form);
        if (endpoint.mode === 'html') {
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html>bad gateway</html>');
          return;
        }
        const grant = form.get('grant_type');
        const clientOk = form.get('client_id') === CLIENT_ID && form.get('client_secret') === CLIENT_SECRET;
        const grantOk =
          grant === 'client_credentials' || (grant === 'refresh_token' && form.get('refresh_token') === REFRESH_TOKEN);
        if (!clientOk || !grantOk || req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
          res.writeHead(clientOk ? 400 : 401, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ error: clientOk ? 'invalid_grant' : 'unauthorized_client', error_description: 'rejected' })
          );
          return;
        }
        const token = await sim.sign({ expiresAt: '10m' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            access_token: token,
            expires_in: endpoint.expiresIn,
            token_type: 'Bearer',
            refresh_token: endpoint.mode === 'rotate' ? `rotated-${++rotated}` : undefined,
          })
        );
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/mlops/protocol/openid-connect/token`;
  endpoint.close = () => new Promise((r) => server.close(() => r()));
  return endpoint;
}

let sim: TestSimulator;
let kc: TokenEndpoint;
let proxy: ProxyStandIn;
let logLines: string[];

function jsonData(extra: Partial<MlopsDataSourceOptions> = {}): Record<string, unknown> {
  return {
    gatewayUrl: sim.sim.url,
    tokenUrl: kc.url,
    clientId: CLIENT_ID,
    scope: '',
    authMode: AuthMode.RefreshToken,
    ...extra,
  };
}

beforeAll(async () => {
  sim = await startTestSimulator();
  kc = await startTokenEndpoint(sim);
});
afterAll(async () => {
  await kc.close();
  await sim.close();
});

beforeEach(async () => {
  sim.sim.reset();
  kc.forms.length = 0;
  kc.expiresIn = 300;
  kc.mode = 'ok';
  logLines = [];
  proxy = await startProxyStandIn({
    pluginJsonPath: PLUGIN_JSON,
    datasources: [
      {
        uid: 'mlops',
        jsonData: jsonData(),
        secureJsonData: { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
      },
      { uid: 'no-refresh', jsonData: jsonData(), secureJsonData: { clientSecret: CLIENT_SECRET } },
      {
        uid: 'mlops-cc',
        jsonData: jsonData({ authMode: AuthMode.ClientCredentials }),
        secureJsonData: { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
      },
    ],
    userRole: 'Viewer',
    log: (line) => logLines.push(line),
  });
});
afterEach(() => proxy.close());

const get = (uid: string, rest: string, init: RequestInit = {}) => fetch(`${proxy.proxyUrl(uid)}/${rest}`, init);

/** GET with a raw, un-normalised path (fetch would resolve `..` itself). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${proxy.url}${rawPath}`, { method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.path = rawPath;
    req.on('error', reject);
    req.end();
  });
}

describe('Go template subset (route url, headers, tokenAuth)', () => {
  const data = { JsonData: { a: 'x', n: '30', empty: '', flag: false }, SecureJsonData: { s: 'secret' } };
  it.each([
    ['{{ .JsonData.a }}/p', 'x/p'],
    ['{{.JsonData.n}}', '30'],
    ['{{ .JsonData.missing }}', '<no value>'],
    ['{{ .SecureJsonData.missing }}', '<no value>'],
    ['{{ with .SecureJsonData.s }}{{ . }}{{ end }}', 'secret'],
    ['{{ with .JsonData.empty }}{{ . }}{{ end }}', ''],
    ['{{ with .JsonData.missing }}{{ . }}{{ else }}none{{ end }}', 'none'],
    ['{{ if .JsonData.flag }}yes{{ else }}no{{ end }}', 'no'],
    ['a {{- .JsonData.a -}} b', 'axb'],
  ])('%s → %s', (template, expected) => {
    expect(renderGoTemplate(template, data)).toBe(expected);
  });

  it('refuses syntax outside the subset instead of rendering it wrongly', () => {
    expect(() => renderGoTemplate('{{ .JsonData.a | urlquery }}', data)).toThrow(GoTemplateError);
    expect(() => renderGoTemplate('{{ with .JsonData.a }}x', data)).toThrow(GoTemplateError);
  });
});

describe('proxy stand-in (standing in for Grafana’s data-source proxy) ↔ simulator + token endpoint', () => {
  it('gateway route, refresh-token mode: forwards with a bearer from the token endpoint, form built from the templates', async () => {
    const res = await get('mlops', `${REFRESH_ROUTE}?pageSize=2`, {
      headers: { Cookie: 'grafana_session=abc', Authorization: 'Bearer browser' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { deployment: unknown[]; nextPageToken: string };
    expect(body.deployment).toHaveLength(2);
    expect(kc.forms).toHaveLength(1);
    expect(Object.fromEntries(kc.forms[0])).toEqual({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
      // plugin.json renders an empty scope as openid (Keycloak refuses `scope=`).
      scope: 'openid',
    });
    // The query string reached the gateway unchanged.
    expect(Object.keys(sim.sim.stats.requests)).toEqual(['GET /model-monitoring/v1/deployment?pageSize=2']);
  });

  it('gateway route, client-credentials mode: the same path, the grant from jsonData, an empty refresh_token', async () => {
    expect((await get('mlops-cc', `${ROUTE}?pageSize=1`)).status).toBe(200);
    expect(kc.forms).toHaveLength(1);
    expect(Object.fromEntries(kc.forms[0])).toEqual({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_type: 'client_credentials',
      // Grafana sends every declared param; the template renders the refresh token empty here.
      refresh_token: '',
      scope: 'openid',
    });
    expect(proxy.tokenForms()).toEqual([
      {
        uid: 'mlops-cc',
        routePath: ROUTE,
        params: {
          client_id: CLIENT_ID,
          client_secret: '[set]',
          grant_type: 'client_credentials',
          refresh_token: '',
          scope: 'openid',
        },
      },
    ]);
  });

  it('an authMode Go cannot compare with a string: no token (Grafana logs the template error), the gateway refuses', async () => {
    proxy.updateDataSource('mlops', { jsonData: { ...jsonData(), authMode: ['clientCredentials'] } });
    const res = await get('mlops', ROUTE);
    expect(res.status).toBe(400);
    expect(kc.forms).toHaveLength(0);
  });

  it('reuses the token while more than 10 s of expires_in remain, per data source + route + method', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await get('mlops', `${ROUTE}/${SCENARIO_IDS.healthy}`)).status).toBe(200);
    }
    expect(proxy.tokenRequests()).toBe(1);
    expect((await get('mlops-cc', `${ROUTE}/${SCENARIO_IDS.healthy}`)).status).toBe(200);
    expect(proxy.tokenRequests({ uid: 'mlops-cc', routePath: ROUTE })).toBe(1);
    // Saving the data source drops its tokens.
    proxy.updateDataSource('mlops', { jsonData: jsonData({ scope: '' }) });
    await get('mlops', ROUTE);
    expect(proxy.tokenRequests({ uid: 'mlops', routePath: ROUTE })).toBe(2);
  });

  it('concurrent requests wait for one token fetch', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => get('mlops', REFRESH_ROUTE).then((r) => r.status))
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(proxy.tokenRequests()).toBe(1);
  });

  it('a token with 10 s or less left is fetched again every time', async () => {
    kc.expiresIn = 10;
    await get('mlops', REFRESH_ROUTE);
    await get('mlops', REFRESH_ROUTE);
    await get('mlops', REFRESH_ROUTE);
    expect(proxy.tokenRequests()).toBe(3);
  });

  it('ignores a rotated refresh token: keeps sending the configured one', async () => {
    kc.mode = 'rotate';
    kc.expiresIn = 5;
    await get('mlops', REFRESH_ROUTE);
    await get('mlops', REFRESH_ROUTE);
    expect(kc.forms.map((f) => f.get('refresh_token'))).toEqual([REFRESH_TOKEN, REFRESH_TOKEN]);
  });

  it('wrong client secret: token error unchecked, upstream 401 rewritten to 400 plain text, nothing cached', async () => {
    proxy.updateDataSource('mlops', { secureJsonData: { clientSecret: 'wrong', refreshToken: REFRESH_TOKEN } });
    for (let i = 0; i < 2; i++) {
      const res = await get('mlops', REFRESH_ROUTE);
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('Authentication to data source failed');
    }
    expect(proxy.tokenRequests()).toBe(2);
    expect(sim.sim.stats.unauthorized).toBe(2);
  });

  it('missing secure key renders <no value> into the form, and the gateway refuses', async () => {
    const res = await get('no-refresh', REFRESH_ROUTE);
    expect(kc.forms[0].get('refresh_token')).toBe('<no value>');
    expect(res.status).toBe(400);
  });

  it('token endpoint down or answering HTML: request still goes upstream, without a bearer', async () => {
    kc.mode = 'html';
    expect((await get('mlops', REFRESH_ROUTE)).status).toBe(400);
    proxy.updateDataSource('mlops', { jsonData: jsonData({ tokenUrl: 'http://127.0.0.1:1/token' }) });
    expect((await get('mlops', REFRESH_ROUTE)).status).toBe(400);
    expect(sim.sim.stats.unauthorized).toBe(2);
  });

  it('encoded path characters reach the gateway still encoded (model id name:version)', async () => {
    const modelId = encodeURIComponent('loan-default-dnn:1');
    const res = await get('mlops', `${REFRESH_ROUTE}/${SCENARIO_IDS.shadow}/metrics/${modelId}/health`);
    expect(res.status).toBe(200);
    expect(Object.keys(sim.sim.stats.requests)[0]).toBe(
      `GET /model-monitoring/v1/deployment/${SCENARIO_IDS.shadow}/metrics/${modelId}/health`
    );
  });

  it('the liveness route carries no token and needs none', async () => {
    const res = await get('mlops', 'gateway-healthz');
    expect(res.status).toBe(200);
    expect(proxy.tokenRequests()).toBe(0);
  });

  it('no matching route (other method, other path, `..` escape): goes to the data source URL, which is unset → 502, gateway untouched', async () => {
    const post = await get('mlops', REFRESH_ROUTE, { method: 'POST', body: '{}' });
    expect(post.status).toBe(502);
    expect(await post.text()).toBe('');
    expect((await get('mlops', 'model-monitoring/v1/deployment')).status).toBe(502);
    const escape = await rawGet(`/api/datasources/proxy/uid/mlops/${REFRESH_ROUTE}/../../../../__simulator/stats`);
    expect(escape.status).toBe(502);
    expect(sim.sim.stats.total).toBe(0);
    expect(proxy.tokenRequests()).toBe(0);
    expect(proxy.upstreamRequests()).toEqual({ '<none>': 3 });
  });

  it('anonymous → 401, unknown data source → 404, route role above the user’s → 403', async () => {
    proxy.setUserRole(undefined);
    expect((await get('mlops', REFRESH_ROUTE)).status).toBe(401);
    proxy.setUserRole('Viewer');
    expect((await get('nope', REFRESH_ROUTE)).status).toBe(404);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-'));
    const adminOnly = JSON.parse(fs.readFileSync(PLUGIN_JSON, 'utf8'));
    adminOnly.routes[0].reqRole = 'Admin';
    fs.writeFileSync(path.join(dir, 'plugin.json'), JSON.stringify(adminOnly));
    const strict = await startProxyStandIn({
      pluginJsonPath: path.join(dir, 'plugin.json'),
      datasources: [
        {
          uid: 'mlops',
          jsonData: jsonData(),
          secureJsonData: { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
        },
      ],
      userRole: 'Editor',
    });
    try {
      const res = await fetch(`${strict.proxyUrl('mlops')}/${REFRESH_ROUTE}`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ message: 'plugin proxy route access denied' });
      strict.setUserRole('Admin');
      expect((await fetch(`${strict.proxyUrl('mlops')}/${REFRESH_ROUTE}`)).status).toBe(200);
    } finally {
      await strict.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gateway unreachable → 502 with an empty body', async () => {
    proxy.updateDataSource('mlops', { jsonData: jsonData({ gatewayUrl: 'http://127.0.0.1:1' }) });
    const res = await get('mlops', REFRESH_ROUTE);
    expect(res.status).toBe(502);
    expect(await res.text()).toBe('');
  });

  it('logs neither secrets nor tokens', async () => {
    await get('mlops', REFRESH_ROUTE);
    proxy.updateDataSource('mlops', { secureJsonData: { clientSecret: 'wrong', refreshToken: REFRESH_TOKEN } });
    await get('mlops', REFRESH_ROUTE);
    const text = logLines.join('\n');
    expect(logLines.length).toBeGreaterThanOrEqual(2);
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, 'wrong', 'eyJ']) {
      expect(text).not.toContain(secret);
    }
  });

  it('the data source itself explains a credential failure (Save & test) through the stand-in', async () => {
    proxy.updateDataSource('mlops', { secureJsonData: { clientSecret: 'wrong', refreshToken: REFRESH_TOKEN } });
    const ds = new MlopsDataSource(instanceSettings(jsonData() as MlopsDataSourceOptions, { replaceJsonData: true }), {
      backendSrv: new HttpBackendSrv((url) => `${proxy.url}${url}`),
      templateSrv: new FakeTemplateSrv(),
    });
    const result = await ds.testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^Authentication failed\. .*client secret/);
    expect((result.details as { message: string }).message).toMatch(/gateway itself is reachable/);
  });
});

/**
 * Issue #9, route escape: what Grafana does with dot segments and encoded characters in a proxied
 * path (devtools/grafanaProxy/goPaths.ts cites the Go source): route matching cleans the ESCAPED
 * path (a literal `..` is resolved, `%2e%2e` is not), and the request goes upstream with the path
 * exactly as sent, bearer token included. A recording upstream shows what leaves the proxy.
 */
describe('path escapes through the proxy stand-in, as Grafana handles them', () => {
  interface Seen {
    url: string;
    bearer: boolean;
  }
  let recorder: http.Server;
  let recorderUrl: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    recorder = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', bearer: /^Bearer \S+/.test(req.headers.authorization ?? '') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', r));
    recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => recorder.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
    proxy.updateDataSource('mlops', { jsonData: jsonData({ gatewayUrl: recorderUrl }) });
  });

  const base = '/api/datasources/proxy/uid/mlops';
  const upstreamBase = '/model-monitoring/v1/deployment';

  it.each([
    ['`..` inside the route', `/${ROUTE}/a/../b`, `${upstreamBase}/a/../b`],
    [
      '`%2e%2e` (not a dot segment for Grafana)',
      `/${ROUTE}/%2e%2e/%2e%2e/%2e%2e/healthz`,
      `${upstreamBase}/%2e%2e/%2e%2e/%2e%2e/healthz`,
    ],
    ['`%2E%2e`', `/${ROUTE}/%2E%2e/x`, `${upstreamBase}/%2E%2e/x`],
    ['`.%2e`', `/${ROUTE}/.%2e/x`, `${upstreamBase}/.%2e/x`],
    ['double-encoded `%252e%252e`', `/${ROUTE}/%252e%252e/x`, `${upstreamBase}/%252e%252e/x`],
    ['encoded slashes `..%2F..%2F`', `/${ROUTE}/..%2F..%2Fx`, `${upstreamBase}/..%2F..%2Fx`],
    ['`..` back into the route', `/${ROUTE}/../deployment/d`, `${upstreamBase}/../deployment/d`],
    ['a segment needing escape is escaped as Go does', `/${ROUTE}/a"b`, `${upstreamBase}/a%22b`],
  ])('%s: matches the route and is forwarded verbatim, with the token', async (_name, path, forwarded) => {
    const res = await rawGet(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ url: forwarded, bearer: true }]);
    expect(proxy.upstreamRequests()).toEqual({ [ROUTE]: 1 });
  });

  it.each([
    ['`..` out of the route', `/${ROUTE}/../../../../__simulator/stats`],
    ['`..` to a sibling route prefix', `/${ROUTE}/../../v2/deployment`],
    ['`%2e%2e` before the route name', `/%2e%2e/${ROUTE}`],
    ['encoded route name', `/gateway%2Fmodel-monitoring%2Fv1%2Fdeployment`],
  ])('%s: no route matches → the data source URL (unset) → 502, nothing forwarded, no token', async (_n, path) => {
    const res = await rawGet(`${base}${path}`);
    expect(res.status).toBe(502);
    expect(seen).toEqual([]);
    expect(proxy.tokenRequests()).toBe(0);
  });

  it('an invalid percent escape is refused by Go’s HTTP server (400) before Grafana sees it', async () => {
    const res = await rawGet(`${base}/${ROUTE}/%zz`);
    expect(res.status).toBe(400);
    expect(seen).toEqual([]);
    expect(proxy.tokenRequests()).toBe(0);
  });

  it('why ids are checked in the browser: a gateway whose router resolves `%2e%2e` is left with the token', async () => {
    // The simulator (like many routers) resolves %2e%2e: the route's bearer reaches /healthz.
    proxy.updateDataSource('mlops', { jsonData: jsonData() });
    const res = await rawGet(`${base}/${ROUTE}/%2e%2e/%2e%2e/%2e%2e/healthz`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual(expect.objectContaining({ status: expect.any(String) }));
    expect(proxy.tokenRequests()).toBe(1);
  });
});
