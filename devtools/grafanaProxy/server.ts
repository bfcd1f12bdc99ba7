/**
 * A STAND-IN FOR GRAFANA'S DATA-SOURCE PROXY (`/api/datasources/proxy/uid/<uid>/…`).
 *
 * Grafana's server cannot run on this project's machines (its Go module is not served by the module
 * proxy they can reach), so the demo's preview and the real-stack tests put this Node server where Grafana would be. It
 * reproduces, from the data source's own `plugin.json` `routes`, what Grafana's
 * `pkg/api/pluginproxy` (ds_proxy.go, ds_auth_provider.go, token_provider_generic.go) and
 * `pkg/util/proxyutil/reverse_proxy.go` do — as read in Grafana's source for 11.5+/12.x. Modules:
 * `goTemplate.ts` + `goValues.ts` (route templates, `pluginproxy/utils.go` interpolateString over Go's
 * text/template), `goPaths.ts` (how Go and Grafana escape, clean and join paths), `routes.ts` (route
 * matching, `ds_proxy.go` validateRequest), `tokenProvider.ts` (`ds_auth_provider.go`,
 * `token_provider_generic.go`), `reverseProxy.ts` (`proxyutil/reverse_proxy.go`, director headers)
 * and this server (`ds_proxy.go` HandleRequest/director, `ds_auth_provider.go` ApplyRoute):
 *
 * - the proxy path is the *escaped* request path after `/api/datasources/proxy/uid/<uid>/` (Go's
 *   `URL.EscapedPath`); the query string is forwarded unchanged. Nothing is path-cleaned on the
 *   way: `..`, `%2e%2e`, `%2F`, `%252e` reach the upstream exactly as sent (Grafana PR 98494;
 *   see goPaths.ts for the Go source this follows), and an invalid `%` escape is a 400 from Go's
 *   HTTP server before Grafana sees the request;
 * - routes are tried in order: a route matches when its `method` is empty, `*` or equal to the
 *   request's, and its cleaned `path` is a string prefix of the cleaned proxy path (cleaning
 *   resolves a literal `..` but not `%2e%2e`, which is no dot segment in an escaped path). The
 *   first match wins; a matched route whose `reqRole` the user lacks is refused with
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
 * Never logs secrets and never puts them in its own answers: the optional `log` gets method, proxy
 * path, route and status only, and every error this server writes itself is a fixed text (or
 * empty), as Grafana's are. (An upstream's own body is passed through unchanged, as Grafana does —
 * a gateway echoing the Authorization header is redacted by the data source, see gateway/redact.ts.)
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { renderGoTemplate, type TemplateData } from './goTemplate';
import { goEscapedPath, joinUrlFragments } from './goPaths';
import { forward, forwardedHeaders, type Upstream } from './reverseProxy';
import { loadRoutes, matchRoute, type OrgRole, type PluginRoute } from './routes';
import { TokenProvider, type TokenForm, type TokenRequestFilter } from './tokenProvider';

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
  /**
   * The token requests' forms, secret values replaced by their parameter names' placeholders
   * (`<client_secret>`, `<refresh_token>` when non-empty) — for tests asserting which grant was sent.
   */
  tokenForms(): TokenForm[];
}

const PROXY_PREFIX = /^\/api\/datasources\/proxy\/uid\/([\w-]+)\/?/;
type Stored = StandInDataSource & { updated: number };

function sendJson(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ message }));
}

/** The data source's own URL + proxy path (ds_proxy.go director); none without a data-source URL. */
function dataSourceTarget(ds: Stored, proxyPath: string): Upstream | undefined {
  if (!ds.url) {
    return undefined; // Grafana targets "http://" (no host) and answers 502
  }
  const dsUrl = new URL(ds.url);
  return { origin: `${dsUrl.protocol}//${dsUrl.host}`, path: joinUrlFragments(dsUrl.pathname, proxyPath) };
}

/**
 * ds_auth_provider.go ApplyRoute, in its order: route URL (an interpolation error logs "Error
 * interpolating proxy url" and stops: no headers, no token), route headers (an error is logged and
 * skipped), then the token (no token: no Authorization header). The route path is trimmed off the
 * UNCLEANED proxy path, as strings.TrimPrefix does.
 */
async function applyRoute(
  ds: Stored,
  route: PluginRoute,
  proxyPath: string,
  headers: Record<string, string>,
  tokens: TokenProvider
): Promise<Upstream | undefined> {
  const data: TemplateData = { JsonData: ds.jsonData, SecureJsonData: ds.secureJsonData };
  let target = dataSourceTarget(ds, proxyPath);
  if (route.url) {
    try {
      const routeUrl = new URL(renderGoTemplate(route.url, data));
      const rest = proxyPath.startsWith(route.path) ? proxyPath.slice(route.path.length) : proxyPath;
      target = { origin: `${routeUrl.protocol}//${routeUrl.host}`, path: joinUrlFragments(routeUrl.pathname, rest) };
    } catch {
      return target;
    }
  }
  for (const header of route.headers ?? []) {
    try {
      headers[header.name.toLowerCase()] = renderGoTemplate(header.content, data);
    } catch {
      // "Failed to render plugin headers"
    }
  }
  if (route.tokenAuth) {
    const token = await tokens.getAccessToken(ds, route, data);
    if (token !== undefined) {
      headers.authorization = `Bearer ${token}`;
    }
  }
  return target;
}

/** What one stand-in instance knows and can change. */
interface StandInState {
  routes: PluginRoute[];
  datasources: Map<string, Stored>;
  userRole: OrgRole | undefined;
  upstreamTimeoutMs: number;
  log: (line: string) => void;
  tokens: TokenProvider;
  upstreamCounts: Record<string, number>;
}

/** Splits the request-target as Go's server and Grafana's getProxyPath do (escaped path, raw query). */
function parseTarget(rawUrl: string): { path: string | undefined; rawQuery: string } {
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt >= 0 ? rawUrl.slice(0, queryAt) : rawUrl;
  return { path: goEscapedPath(rawPath), rawQuery: queryAt >= 0 ? rawUrl.slice(queryAt) : '' };
}

/** One request: Go's server, Grafana's auth and data-source lookup, validateRequest, director, proxy. */
async function handleRequest(state: StandInState, req: http.IncomingMessage, res: http.ServerResponse) {
  const { path: escapedPath, rawQuery } = parseTarget(req.url ?? '/');
  const method = req.method ?? 'GET';
  if (escapedPath === undefined) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    return res.end('400 Bad Request');
  }
  const prefix = PROXY_PREFIX.exec(escapedPath);
  if (!prefix) {
    return sendJson(res, 404, 'Not found');
  }
  if (!state.userRole) {
    return sendJson(res, 401, 'Unauthorized');
  }
  const ds = state.datasources.get(prefix[1]);
  if (!ds) {
    return sendJson(res, 404, 'Unable to find datasource');
  }
  const proxyPath = escapedPath.slice(prefix[0].length);
  const match = matchRoute(state.routes, proxyPath, method, state.userRole);
  if (match && 'denied' in match) {
    state.log(
      `${method} ${proxyPath} -> 403 (route ${match.denied.path}: role ${state.userRole} < ${match.denied.reqRole})`
    );
    return sendJson(res, 403, 'plugin proxy route access denied');
  }
  const matched = match?.route;
  const headers = forwardedHeaders(req);
  const upstream = matched
    ? await applyRoute(ds, matched, proxyPath, headers, state.tokens)
    : dataSourceTarget(ds, proxyPath);
  const routeLabel = matched?.path ?? '<none>';
  state.upstreamCounts[routeLabel] = (state.upstreamCounts[routeLabel] ?? 0) + 1;
  if (!upstream) {
    res.writeHead(502);
    res.end();
    state.log(`${method} ${proxyPath} -> 502 (route ${routeLabel}: data source has no URL)`);
    return;
  }
  const request = { upstream, rawQuery, method, headers, timeoutMs: state.upstreamTimeoutMs };
  forward(req, res, request, (status, why) =>
    state.log(`${method} ${proxyPath} -> ${status} (route ${routeLabel}${why ? `: ${why}` : ''})`)
  );
}

/** The test/preview handle on a running stand-in. */
function controls(state: StandInState, server: http.Server, url: string): ProxyStandIn {
  let clock = Math.max(0, ...[...state.datasources.values()].map((ds) => ds.updated));
  return {
    url,
    proxyUrl: (uid) => `${url}/api/datasources/proxy/uid/${uid}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    tokenRequests: (filter) => state.tokens.requests(filter),
    upstreamRequests: () => ({ ...state.upstreamCounts }),
    setUserRole: (role) => {
      state.userRole = role;
    },
    updateDataSource: (uid, patch) => {
      const ds = state.datasources.get(uid);
      if (!ds) {
        throw new Error(`no data source ${uid}`);
      }
      state.datasources.set(uid, { ...ds, ...patch, uid, updated: ++clock });
    },
    clearTokenCache: () => state.tokens.clear(),
    accessTokens: () => state.tokens.accessTokens(),
    tokenForms: () => state.tokens.forms(),
  };
}

/** Starts the stand-in on a free loopback port. */
export async function startProxyStandIn(options: ProxyStandInOptions): Promise<ProxyStandIn> {
  const state: StandInState = {
    routes: loadRoutes(options.pluginJsonPath),
    datasources: new Map(options.datasources.map((ds, i) => [ds.uid, { ...ds, updated: i + 1 }])),
    userRole: options.userRole,
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? 30_000,
    log: options.log ?? (() => undefined),
    tokens: new TokenProvider(),
    upstreamCounts: {},
  };
  const server = http.createServer((req, res) => {
    handleRequest(state, req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500);
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return controls(state, server, `http://127.0.0.1:${port}`);
}
