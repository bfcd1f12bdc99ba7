import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { TestSimulator } from '../../simulator/testKit';
import { startProxyStandIn, type ProxyStandIn } from '../grafanaProxy/server';
import { PROXY_PREFIX } from './shared';

/**
 * Where the preview server sends the browser's `/api/datasources/proxy/uid/<uid>/…` requests —
 * i.e. what plays Grafana's data-source proxy. Two implementations behind one interface, so
 * switching is one line in stack.ts:
 *
 * - {@link proxyStandInUpstream}: devtools/grafanaProxy/, which applies the routes and
 *   tokenAuth of src/datasource/plugin.json (secrets in its secureJsonData, tokens from a token
 *   endpoint) exactly as Grafana's proxy does. The default.
 * - {@link directSimulatorUpstream}: straight to the simulator with a bearer token minted by
 *   simulator/testKit.ts, mapping the route prefixes by hand. No plugin.json involved.
 */
export interface ProxyUpstream {
  readonly description: string;
  /** The upstream request for a browser request to `/api/datasources/proxy/uid/…` (path + query), or undefined for 404. */
  target(pathAndQuery: string): { url: string; headers: Record<string, string> } | undefined;
  close(): Promise<void>;
}

export interface PreviewDataSource {
  uid: string;
  name: string;
  jsonData: Record<string, unknown>;
  /** Decrypted secrets: held by the server side only, never sent to the browser. */
  secureJsonData: Record<string, string>;
}

export async function proxyStandInUpstream(
  datasources: PreviewDataSource[]
): Promise<ProxyUpstream & { standIn: ProxyStandIn }> {
  const standIn = await startProxyStandIn({
    pluginJsonPath: path.resolve(__dirname, '../../src/datasource/plugin.json'),
    datasources: datasources.map(({ uid, jsonData, secureJsonData }) => ({ uid, jsonData, secureJsonData })),
    userRole: 'Viewer',
  });
  return {
    description: `Grafana proxy stand-in at ${standIn.url}`,
    standIn,
    target: (pathAndQuery) =>
      pathAndQuery.startsWith(PROXY_PREFIX) ? { url: `${standIn.url}${pathAndQuery}`, headers: {} } : undefined,
    close: () => standIn.close(),
  };
}

/** Route prefixes of src/datasource/plugin.json and the gateway paths they map to. */
const DIRECT_ROUTES: Array<[RegExp, string]> = [
  [/^gateway\/model-monitoring\//, '/model-monitoring/'],
  [/^gateway-healthz(?=$|\?)/, '/healthz'],
];

export function directSimulatorUpstream(simulator: TestSimulator): ProxyUpstream {
  return {
    description: `simulator at ${simulator.sim.url} (bearer token, no proxy)`,
    target: (pathAndQuery) => {
      const match = /^\/api\/datasources\/proxy\/uid\/[\w-]+\/(.*)$/.exec(pathAndQuery);
      if (!match) {
        return undefined;
      }
      for (const [pattern, replacement] of DIRECT_ROUTES) {
        if (pattern.test(match[1])) {
          return {
            url: `${simulator.sim.url}${match[1].replace(pattern, replacement)}`,
            headers: { authorization: `Bearer ${simulator.token}` },
          };
        }
      }
      return undefined;
    },
    close: async () => undefined,
  };
}

export interface TokenEndpoint {
  /** The token endpoint URL (Keycloak-shaped: `<base>/realms/<realm>/protocol/openid-connect/token`). */
  url: string;
  baseUrl: string;
  realm: string;
  /** Grant requests received, by outcome. */
  counts: { issued: number; rejected: number };
  /** Every access token issued (secrets too: they must never reach the browser). */
  issuedTokens: string[];
  close(): Promise<void>;
}

/**
 * A minimal OIDC token endpoint for the stand-in's tokenAuth: checks client id/secret and the
 * refresh token like Keycloak would, and answers with an access token the simulator trusts.
 */
export async function startTokenEndpoint(
  simulator: TestSimulator,
  expected: { clientId: string; clientSecret: string; refreshToken: string },
  realm = 'mlops'
): Promise<TokenEndpoint> {
  const counts = { issued: 0, rejected: 0 };
  const issuedTokens: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const grant = form.get('grant_type');
      const clientOk =
        form.get('client_id') === expected.clientId && form.get('client_secret') === expected.clientSecret;
      const grantOk =
        grant === 'client_credentials' ||
        (grant === 'refresh_token' && form.get('refresh_token') === expected.refreshToken);
      if (req.method !== 'POST' || !clientOk || !grantOk) {
        counts.rejected++;
        res.writeHead(clientOk ? 400 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: clientOk ? 'invalid_grant' : 'unauthorized_client' }));
        return;
      }
      simulator
        .sign({ expiresAt: '10m' })
        .then((token) => {
          counts.issued++;
          issuedTokens.push(token);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ access_token: token, expires_in: 300, token_type: 'Bearer' }));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${baseUrl}/realms/${realm}/protocol/openid-connect/token`,
    baseUrl,
    realm,
    counts,
    issuedTokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
