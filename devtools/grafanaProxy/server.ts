/**
 * A STAND-IN FOR GRAFANA'S DATA-SOURCE PROXY (`/api/datasources/proxy/uid/<uid>/…`).
 *
 * Grafana's server cannot run on this project's machines (its Go module is not served by the module
 * proxy they can reach), so the demo's preview and the real-stack tests put this Node server where Grafana would be. It
 * reproduces, from the data source's own `plugin.json` `routes`, what Grafana's
 * `pkg/api/pluginproxy` (ds_proxy.go, ds_auth_provider.go, token_provider_generic.go) and
 * `pkg/util/proxyutil/reverse_proxy.go` do — as read in Grafana's source for 11.5+/12.x. Modules:
 * `goTemplate.ts` (route templates, `pluginproxy/utils.go` InterpolateString), `routes.ts` (route
 * matching, `ds_proxy.go` validateRequest), `tokenProvider.ts` (`ds_auth_provider.go`,
 * `token_provider_generic.go`) and this server (`ds_proxy.go` director and error handling,
 * `proxyutil/reverse_proxy.go`):
 *
 * - the proxy path is the *escaped* request path after `/api/datasources/proxy/uid/<uid>/`; the query
 *   string is forwarded unchanged; encoded characters reach the upstream still encoded (Grafana
 *   PR 98494);
 * - routes are tried in order: a route matches when its `method` is empty, `*` or equal to the
 *   request's, and its cleaned `path` is a string prefix of the cleaned proxy path (`..` resolved
 *   first). The first match wins; a matched route whose `reqRole` the user lacks is refused with
 *   403 `{"message":"plugin proxy route access denied"}`;
 * - NO matching route is *not* refused by Grafana: the request goes to the data source's own `url`
 *   with no route applied (no token, no route headers). Our data source has no `url`, so Grafana
 *   fails to reach "http://" and answers **502 with an empty body** — which is what you get here too;
 * - route `url`, `headers[].content` and `tokenAuth.url`/`params` are Go templates over `.JsonData`
 *   and `.SecureJsonData` (subset: see `renderGoTemplate`); a missing key renders `<no value>`;
 * - tokenAuth POSTs the params as a form; the token is cached per data source + its last update +
 *   route path + method and reused while more than 10 s remain of `expires_in`; the token
 *   endpoint's **status is not checked**: an error body yields `Bearer ` with an empty token, a
 *   network error or non-JSON body yields no Authorization header, and the upstream request goes out
 *   anyway; a rotated `refresh_token` in the answer is ignored;
 * - an upstream 401 becomes **400 with the plain-text body `Authentication to data source failed`**
 *   (not JSON: Grafana's browser backendSrv turns it into `data.message`); an upstream that cannot
 *   be reached gives **502 with an empty body**, a timeout 504 (empty body); `Set-Cookie` is dropped;
 * - the request must come from a signed-in user: none (anonymous) → 401 `{"message":"Unauthorized"}`.
 *
 * Not reproduced: RBAC `reqAction`, `urlParams`, `body`, `jwtTokenAuth`/Azure/GCE auth (a plugin.json
 * using them is rejected at start, so this never silently diverges), the data-proxy allow-list,
 * per-data-source TLS, the `X-Grafana-*` user headers.
 *
 * Never logs secrets: the optional `log` gets method, proxy path, route and status only.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { renderGoTemplate, type TemplateData } from './goTemplate';
import { joinUrlFragments, loadRoutes, matchRoute, type OrgRole, type PluginRoute } from './routes';
import { TokenProvider, type TokenRequestFilter } from './tokenProvider';

export { GoTemplateError, renderGoTemplate } from './goTemplate';
export type { OrgRole } from './routes';

export interface StandInDataSource {
  uid: string;
  /** The data source's own URL (Grafana's `url` field); used only when no route matches. Default none. */
  url?: string;
  jsonData: Record<string, unknown>;
  /** Decrypted secrets, as Grafana hands them to the templates. */
  secureJsonData: Record<string, string>;
}

export interface ProxyStandInOptions {
  pluginJsonPath: string;
  datasources: StandInDataSource[];
  /** The signed-in user's org role; undefined = anonymous (refused with 401). Changeable later. */
  userRole?: OrgRole;
  /** Grafana's [dataproxy] timeout (default 30 s): upstream requests running longer get 504. */
  upstreamTimeoutMs?: number;
  /** Progress lines without secrets: `GET <proxy path> -> <status> (route …)`. */
  log?: (line: string) => void;
}

export interface ProxyStandIn {
  /** Base URL of the stand-in (what Grafana's root URL would be), e.g. http://127.0.0.1:PORT */
  url: string;
  /** `${url}/api/datasources/proxy/uid/${uid}` — the data source's `instanceSettings.url` equivalent. */
  proxyUrl(uid: string): string;
  close(): Promise<void>;
  /** Token-endpoint requests made so far (all, or for one data source / route). */
  tokenRequests(filter?: TokenRequestFilter): number;
  /** Requests sent upstream (after route matching), by route path (`<none>` when no route matched). */
  upstreamRequests(): Record<string, number>;
  setUserRole(role: OrgRole | undefined): void;
  /** Replaces settings of a data source, as saving it in Grafana does (drops its cached tokens). */
  updateDataSource(uid: string, patch: Partial<Omit<StandInDataSource, 'uid'>>): void;
  /** Forgets every cached access token. */
  clearTokenCache(): void;
  /** Every access token obtained so far — for tests proving none of them leaks to the browser. */
  accessTokens(): string[];
}

const PROXY_PREFIX = /^\/api\/datasources\/proxy\/uid\/([\w-]+)\/?/;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

type Stored = StandInDataSource & { updated: number };

function sendJson(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ message }));
}

/** The browser's headers that go upstream: never its session (cookie) nor any Authorization. */
function forwardedHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    if (
      HOP_BY_HOP.has(lower) ||
      ['cookie', 'authorization', 'origin', 'referer'].includes(lower) ||
      value === undefined
    ) {
      continue;
    }
    headers[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers['user-agent'] = 'Grafana/proxy-stand-in';
  return headers;
}

/**
 * ds_proxy.go's director: the data source's own URL + proxy path, then ApplyRoute for a matched
 * route (route URL, route headers, token). Without a data-source URL Grafana targets "http://" (no
 * host): '' here, which the caller answers with 502. Template errors are logged by Grafana
 * ("Error interpolating proxy url") and the request goes on with what it has.
 */
async function applyRoute(
  ds: Stored,
  route: PluginRoute | undefined,
  proxyPath: string,
  headers: Record<string, string>,
  tokens: TokenProvider
): Promise<string> {
  let target = '';
  if (ds.url) {
    const dsUrl = new URL(ds.url);
    target = `${dsUrl.protocol}//${dsUrl.host}${joinUrlFragments(dsUrl.pathname, proxyPath)}`;
  }
  if (!route) {
    return target;
  }
  const data: TemplateData = { JsonData: ds.jsonData, SecureJsonData: ds.secureJsonData };
  try {
    if (route.url) {
      const routeUrl = new URL(renderGoTemplate(route.url, data));
      const rest = proxyPath.startsWith(route.path) ? proxyPath.slice(route.path.length) : proxyPath;
      target = `${routeUrl.protocol}//${routeUrl.host}${joinUrlFragments(routeUrl.pathname, rest)}`;
    }
    for (const header of route.headers ?? []) {
      headers[header.name.toLowerCase()] = renderGoTemplate(header.content, data);
    }
    if (route.tokenAuth) {
      const token = await tokens.getAccessToken(ds, route, data);
      if (token !== undefined) {
        headers.authorization = `Bearer ${token}`;
      }
    }
  } catch {
    // Grafana logs "Error interpolating proxy url" and forwards what it has.
  }
  return target;
}

/**
 * proxyutil/reverse_proxy.go: forwards the request; an upstream 401 becomes 400 "Authentication to
 * data source failed" (plain text), an unreachable upstream 502 and a timeout 504 (empty bodies);
 * Set-Cookie is dropped.
 */
function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  request: { url: string; method: string; headers: Record<string, string>; timeoutMs: number },
  log: (status: number, why?: string) => void
) {
  const { url, method, headers, timeoutMs } = request;
  const upstream = http.request(url, { method, headers, timeout: timeoutMs }, (up) => {
    const status = up.statusCode ?? 502;
    if (status === 401) {
      up.resume();
      const msg = 'Authentication to data source failed';
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(msg) });
      res.end(msg);
      log(400, 'upstream 401');
      return;
    }
    const outHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(up.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'set-cookie') {
        outHeaders[name] = value;
      }
    }
    res.writeHead(status, outHeaders);
    up.pipe(res);
    log(status);
  });
  upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_STANDIN' })));
  upstream.on('error', (err: NodeJS.ErrnoException) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = err.code === 'ETIMEDOUT_STANDIN' ? 504 : 502;
    res.writeHead(status);
    res.end();
    log(status, `upstream ${err.code ?? 'error'}`);
  });
  req.pipe(upstream);
}

/** Starts the stand-in on a free loopback port. */
export async function startProxyStandIn(options: ProxyStandInOptions): Promise<ProxyStandIn> {
  const routes = loadRoutes(options.pluginJsonPath);
  const datasources = new Map<string, Stored>();
  let clock = 0;
  for (const ds of options.datasources) {
    datasources.set(ds.uid, { ...ds, updated: ++clock });
  }
  let userRole = options.userRole;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const log = options.log ?? (() => undefined);
  const tokens = new TokenProvider();
  const upstreamCounts: Record<string, number> = {};

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt >= 0 ? rawUrl.slice(0, queryAt) : rawUrl;
    const rawQuery = queryAt >= 0 ? rawUrl.slice(queryAt) : '';
    const method = req.method ?? 'GET';
    const prefix = PROXY_PREFIX.exec(rawPath);
    if (!prefix) {
      return sendJson(res, 404, 'Not found');
    }
    if (!userRole) {
      return sendJson(res, 401, 'Unauthorized');
    }
    const ds = datasources.get(prefix[1]);
    if (!ds) {
      return sendJson(res, 404, 'Unable to find datasource');
    }
    const proxyPath = rawPath.slice(prefix[0].length);
    const match = matchRoute(routes, proxyPath, method, userRole);
    if (match && 'denied' in match) {
      log(`${method} ${proxyPath} -> 403 (route ${match.denied.path}: role ${userRole} < ${match.denied.reqRole})`);
      return sendJson(res, 403, 'plugin proxy route access denied');
    }
    const matched = match?.route;
    const headers = forwardedHeaders(req);
    const target = await applyRoute(ds, matched, proxyPath, headers, tokens);
    const routeLabel = matched?.path ?? '<none>';
    upstreamCounts[routeLabel] = (upstreamCounts[routeLabel] ?? 0) + 1;
    if (!target) {
      res.writeHead(502);
      res.end();
      log(`${method} ${proxyPath} -> 502 (route ${routeLabel}: data source has no URL)`);
      return;
    }
    const request = { url: `${target}${rawQuery}`, method, headers, timeoutMs: upstreamTimeoutMs };
    forward(req, res, request, (status, why) =>
      log(`${method} ${proxyPath} -> ${status} (route ${routeLabel}${why ? `: ${why}` : ''})`)
    );
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500);
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    proxyUrl: (uid) => `${url}/api/datasources/proxy/uid/${uid}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    tokenRequests: (filter) => tokens.requests(filter),
    upstreamRequests: () => ({ ...upstreamCounts }),
    setUserRole: (role) => {
      userRole = role;
    },
    updateDataSource: (uid, patch) => {
      const ds = datasources.get(uid);
      if (!ds) {
        throw new Error(`no data source ${uid}`);
      }
      datasources.set(uid, { ...ds, ...patch, uid, updated: ++clock });
    },
    clearTokenCache: () => tokens.clear(),
    accessTokens: () => tokens.accessTokens(),
  };
}
