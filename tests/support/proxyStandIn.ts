/**
 * A STAND-IN FOR GRAFANA'S DATA-SOURCE PROXY (`/api/datasources/proxy/uid/<uid>/…`).
 *
 * Grafana's server cannot run on this project's machines (its Go module is not served by the module
 * proxy they can reach), so the real-stack tests put this Node server where Grafana would be. It
 * reproduces, from the data source's own `plugin.json` `routes`, what Grafana's
 * `pkg/api/pluginproxy` (ds_proxy.go, ds_auth_provider.go, token_provider_generic.go) and
 * `pkg/util/proxyutil/reverse_proxy.go` do — as read in Grafana's source for 11.5+/12.x:
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
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export type OrgRole = 'Viewer' | 'Editor' | 'Admin';

const ROLE_RANK: Record<OrgRole, number> = { Viewer: 1, Editor: 2, Admin: 3 };

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

export interface TokenRequestFilter {
  uid?: string;
  /** Route path as in plugin.json, e.g. `refresh-token/model-monitoring/v1/deployment`. */
  routePath?: string;
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

// ---------------------------------------------------------------------------------------------
// Go text/template subset
// ---------------------------------------------------------------------------------------------

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'print'; pipeline: string[] | 'dot' }
  | { kind: 'with' | 'if'; pipeline: string[] | 'dot'; body: Node[]; otherwise: Node[] };

/** Raised for templates outside the supported subset (at start) or failing to execute. */
export class GoTemplateError extends Error {}

const MISSING = Symbol('no value');

function parsePipeline(source: string, template: string): string[] | 'dot' {
  const text = source.trim();
  if (text === '.') {
    return 'dot';
  }
  if (!/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(text)) {
    throw new GoTemplateError(`unsupported template pipeline "${text}" in "${template}"`);
  }
  return text.slice(1).split('.');
}

/**
 * Parses the subset of Go's text/template that data-source routes use: text, `{{ .A.b }}`,
 * `{{ . }}`, `{{ with .A.b }}…{{ else }}…{{ end }}`, `{{ if .A.b }}…{{ else }}…{{ end }}`, and the
 * `{{-`/`-}}` whitespace trimming. Anything else throws GoTemplateError.
 */
export function parseGoTemplate(template: string): Node[] {
  const tokens: Array<{ text: string } | { action: string }> = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      tokens.push({ text: rest });
      break;
    }
    let text = rest.slice(0, open);
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) {
      throw new GoTemplateError(`unclosed action in "${template}"`);
    }
    let action = rest.slice(open + 2, close);
    let after = rest.slice(close + 2);
    if (action.startsWith('- ')) {
      text = text.replace(/\s+$/, '');
      action = action.slice(1);
    }
    if (action.endsWith(' -')) {
      after = after.replace(/^\s+/, '');
      action = action.slice(0, -1);
    }
    if (text) {
      tokens.push({ text });
    }
    tokens.push({ action: action.trim() });
    rest = after;
  }

  let pos = 0;
  const parseList = (stopAt: string[]): { nodes: Node[]; stop?: string } => {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const token = tokens[pos++];
      if ('text' in token) {
        nodes.push({ kind: 'text', text: token.text });
        continue;
      }
      const [word, ...args] = token.action.split(/\s+/);
      if (stopAt.includes(word) && args.length === 0) {
        return { nodes, stop: word };
      }
      if (word === 'with' || word === 'if') {
        const pipeline = parsePipeline(args.join(' '), template);
        const body = parseList(['else', 'end']);
        let otherwise: Node[] = [];
        if (body.stop === 'else') {
          const tail = parseList(['end']);
          if (tail.stop !== 'end') {
            throw new GoTemplateError(`missing {{ end }} in "${template}"`);
          }
          otherwise = tail.nodes;
        } else if (body.stop !== 'end') {
          throw new GoTemplateError(`missing {{ end }} in "${template}"`);
        }
        nodes.push({ kind: word, pipeline, body: body.nodes, otherwise });
        continue;
      }
      if (word === 'end' || word === 'else') {
        throw new GoTemplateError(`unexpected {{ ${word} }} in "${template}"`);
      }
      nodes.push({ kind: 'print', pipeline: parsePipeline(token.action, template) });
    }
    return { nodes };
  };
  const { nodes, stop } = parseList([]);
  if (stop) {
    throw new GoTemplateError(`unexpected {{ ${stop} }} in "${template}"`);
  }
  return nodes;
}

function lookup(dot: unknown, fields: string[] | 'dot', template: string): unknown {
  if (fields === 'dot') {
    return dot;
  }
  let value: unknown = dot;
  for (const field of fields) {
    if (value === MISSING || value === null || value === undefined) {
      // Go: "nil pointer evaluating interface {}.field" — an execution error.
      throw new GoTemplateError(`nil value evaluating .${field} in "${template}"`);
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new GoTemplateError(`can't evaluate field ${field} in "${template}"`);
    }
    const record = value as Record<string, unknown>;
    // A missing map key is Go's invalid value: printed as "<no value>", false in with/if.
    value = Object.prototype.hasOwnProperty.call(record, field) ? record[field] : MISSING;
  }
  return value;
}

/** Go's `truth` for with/if. */
function truthy(value: unknown): boolean {
  if (value === MISSING || value === null || value === undefined) {
    return false;
  }
  if (typeof value === 'string') {
    return value.length > 0;
  }
  if (typeof value === 'number') {
    return value !== 0;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return Object.keys(value as object).length > 0;
}

/** fmt.Sprint of a decoded JSON value (float64 numbers, bools, strings; nil prints `<no value>`). */
function print(value: unknown): string {
  if (value === MISSING || value === null || value === undefined) {
    return '<no value>';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  // Go would print map[...] / [...]; nothing in a route template should print a whole object.
  return JSON.stringify(value);
}

function execute(nodes: Node[], dot: unknown, template: string): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'print':
        out += print(lookup(dot, node.pipeline, template));
        break;
      case 'with': {
        const value = lookup(dot, node.pipeline, template);
        out += truthy(value) ? execute(node.body, value, template) : execute(node.otherwise, dot, template);
        break;
      }
      case 'if': {
        const value = lookup(dot, node.pipeline, template);
        out += execute(truthy(value) ? node.body : node.otherwise, dot, template);
        break;
      }
    }
  }
  return out;
}

export interface TemplateData {
  JsonData: Record<string, unknown>;
  SecureJsonData: Record<string, string>;
}

/** Renders a route template the way Grafana's interpolateString does (subset, see parseGoTemplate). */
export function renderGoTemplate(template: string, data: TemplateData): string {
  return execute(parseGoTemplate(template), data, template);
}

// ---------------------------------------------------------------------------------------------
// plugin.json routes
// ---------------------------------------------------------------------------------------------

export interface PluginRoute {
  path: string;
  method?: string;
  reqRole?: string;
  url?: string;
  headers?: Array<{ name: string; content: string }>;
  tokenAuth?: { url: string; params?: Record<string, string>; scopes?: string[] };
}

const UNSUPPORTED_ROUTE_KEYS = ['reqAction', 'urlParams', 'body', 'jwtTokenAuth', 'authType'];

/** Reads and checks the routes of a data source's plugin.json; every template is parsed up front. */
export function loadRoutes(pluginJsonPath: string): PluginRoute[] {
  const json = JSON.parse(fs.readFileSync(pluginJsonPath, 'utf8')) as { type?: string; routes?: PluginRoute[] };
  if (json.type !== 'datasource') {
    throw new Error(
      `${pluginJsonPath}: not a data source plugin.json (routes with tokenAuth work for data sources only)`
    );
  }
  const routes = json.routes ?? [];
  for (const route of routes) {
    const unsupported = UNSUPPORTED_ROUTE_KEYS.filter((k) => k in route);
    if (unsupported.length > 0) {
      throw new Error(`route ${route.path}: ${unsupported.join(', ')} not supported by the proxy stand-in`);
    }
    if (route.reqRole !== undefined && !(route.reqRole in ROLE_RANK)) {
      throw new Error(`route ${route.path}: reqRole ${route.reqRole} not supported by the proxy stand-in`);
    }
    const templates = [
      route.url ?? '',
      ...(route.headers ?? []).map((h) => h.content),
      route.tokenAuth?.url ?? '',
      ...Object.values(route.tokenAuth?.params ?? {}),
    ];
    templates.forEach((t) => parseGoTemplate(t));
  }
  return routes;
}

/** Go's plugins.CleanRelativePath plus the "." special case of validateRequest. */
function cleanRelative(p: string): string {
  const cleaned = path.posix.normalize(path.posix.join('/', p));
  const rel = cleaned.replace(/^\/+/, '');
  return rel === '' || rel === '.' ? '' : rel.replace(/\/+$/, '');
}

/** Go's util.JoinURLFragments. */
function joinUrlFragments(a: string, b: string): string {
  if (b.length === 0) {
    return a;
  }
  const aSlash = a.endsWith('/');
  const bSlash = b.startsWith('/');
  if (aSlash && bSlash) {
    return a + b.slice(1);
  }
  if (!aSlash && !bSlash) {
    return `${a}/${b}`;
  }
  return a + b;
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

interface CachedToken {
  accessToken: string;
  expiresOn: number;
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

/** Starts the stand-in on a free loopback port. */
export async function startProxyStandIn(options: ProxyStandInOptions): Promise<ProxyStandIn> {
  const routes = loadRoutes(options.pluginJsonPath);
  const datasources = new Map<string, StandInDataSource & { updated: number }>();
  let clock = 0;
  for (const ds of options.datasources) {
    datasources.set(ds.uid, { ...ds, updated: ++clock });
  }
  let userRole = options.userRole;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const log = options.log ?? (() => undefined);
  const tokenCache = new Map<string, CachedToken>();
  const obtainedTokens: string[] = [];
  const tokenCounts = new Map<string, number>();
  const upstreamCounts: Record<string, number> = {};
  // Grafana holds one mutex over its whole token cache while fetching: concurrent requests wait
  // for the first fetch and then reuse its token.
  let tokenLock: Promise<unknown> = Promise.resolve();

  const getAccessToken = (ds: StandInDataSource & { updated: number }, route: PluginRoute, data: TemplateData) => {
    const run = async (): Promise<string | undefined> => {
      const key = `${ds.uid}_${ds.updated}_${route.path}_${route.method ?? ''}`;
      const cached = tokenCache.get(key);
      if (cached && cached.expiresOn > Date.now() + 10_000) {
        return cached.accessToken;
      }
      const tokenAuth = route.tokenAuth!;
      let url: string;
      const params = new URLSearchParams();
      try {
        url = renderGoTemplate(tokenAuth.url, data);
        // Go's url.Values.Encode sorts by key.
        for (const name of Object.keys(tokenAuth.params ?? {}).sort()) {
          params.append(name, renderGoTemplate(tokenAuth.params![name], data));
        }
      } catch {
        return undefined; // "Failed to resolve auth token provider": no Authorization header
      }
      const countKey = `${ds.uid} ${route.path}`;
      tokenCounts.set(countKey, (tokenCounts.get(countKey) ?? 0) + 1);
      let body: string;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: params.toString(),
          signal: AbortSignal.timeout(30_000),
        });
        body = await res.text(); // status deliberately not checked, as in Grafana
      } catch {
        return undefined; // "Failed to get access token": no Authorization header
      }
      let parsed: { access_token?: unknown; expires_on?: unknown; expires_in?: unknown };
      try {
        parsed = JSON.parse(body);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          return undefined;
        }
      } catch {
        return undefined;
      }
      const now = Date.now();
      let expiresOn = now;
      if (parsed.expires_on !== undefined && Number.isFinite(Number(parsed.expires_on))) {
        expiresOn = Number(parsed.expires_on) * 1000;
      } else if (parsed.expires_in !== undefined && Number.isFinite(Number(parsed.expires_in))) {
        expiresOn = now + Number(parsed.expires_in) * 1000;
      }
      const accessToken = typeof parsed.access_token === 'string' ? parsed.access_token : '';
      if (accessToken) {
        obtainedTokens.push(accessToken);
      }
      tokenCache.set(key, { accessToken, expiresOn });
      return accessToken;
    };
    const result = tokenLock.then(run, run);
    tokenLock = result.catch(() => undefined);
    return result;
  };

  const sendJson = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ message }));
  };

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

    // validateRequest: first route whose method and cleaned path prefix match.
    let matched: PluginRoute | undefined;
    const cleanedProxyPath = cleanRelative(proxyPath);
    for (const route of routes) {
      if (route.method && route.method !== '*' && route.method !== method) {
        continue;
      }
      if (!cleanedProxyPath.startsWith(cleanRelative(route.path))) {
        continue;
      }
      if (route.reqRole && ROLE_RANK[userRole] < ROLE_RANK[route.reqRole as OrgRole]) {
        log(`${method} ${proxyPath} -> 403 (route ${route.path}: role ${userRole} < ${route.reqRole})`);
        return sendJson(res, 403, 'plugin proxy route access denied');
      }
      matched = route;
      break;
    }

    const data: TemplateData = { JsonData: ds.jsonData, SecureJsonData: ds.secureJsonData };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      const lower = name.toLowerCase();
      // The browser's session (cookie) and any Authorization never reach the data source here.
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

    // director: the data source's own URL + proxy path; then ApplyRoute for a matched route.
    // Without a data-source URL Grafana targets "http://" (no host) and its transport fails → 502.
    let target = '';
    if (ds.url) {
      const dsUrl = new URL(ds.url);
      target = `${dsUrl.protocol}//${dsUrl.host}${joinUrlFragments(dsUrl.pathname, proxyPath)}`;
    }
    const routeLabel = matched?.path ?? '<none>';
    if (matched) {
      try {
        if (matched.url) {
          const routeUrl = new URL(renderGoTemplate(matched.url, data));
          const rest = proxyPath.startsWith(matched.path) ? proxyPath.slice(matched.path.length) : proxyPath;
          target = `${routeUrl.protocol}//${routeUrl.host}${joinUrlFragments(routeUrl.pathname, rest)}`;
        }
        for (const header of matched.headers ?? []) {
          headers[header.name.toLowerCase()] = renderGoTemplate(header.content, data);
        }
        if (matched.tokenAuth) {
          const token = await getAccessToken(ds, matched, data);
          if (token !== undefined) {
            headers.authorization = `Bearer ${token}`;
          }
        }
      } catch {
        // Grafana logs "Error interpolating proxy url" and forwards what it has.
      }
    }
    upstreamCounts[routeLabel] = (upstreamCounts[routeLabel] ?? 0) + 1;
    if (!target) {
      res.writeHead(502);
      res.end();
      log(`${method} ${proxyPath} -> 502 (route ${routeLabel}: data source has no URL)`);
      return;
    }

    const upstream = http.request(`${target}${rawQuery}`, { method, headers, timeout: upstreamTimeoutMs }, (up) => {
      let status = up.statusCode ?? 502;
      if (status === 401) {
        up.resume();
        status = 400;
        const msg = 'Authentication to data source failed';
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(msg) });
        res.end(msg);
        log(`${method} ${proxyPath} -> 400 (route ${routeLabel}: upstream 401)`);
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
      log(`${method} ${proxyPath} -> ${status} (route ${routeLabel})`);
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
      log(`${method} ${proxyPath} -> ${status} (route ${routeLabel}: upstream ${err.code ?? 'error'})`);
    });
    req.pipe(upstream);
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
    tokenRequests: (filter = {}) => {
      let total = 0;
      for (const [key, count] of tokenCounts) {
        const [uid, routePath] = key.split(' ');
        if (
          (filter.uid === undefined || filter.uid === uid) &&
          (filter.routePath === undefined || filter.routePath === routePath)
        ) {
          total += count;
        }
      }
      return total;
    },
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
    clearTokenCache: () => tokenCache.clear(),
    accessTokens: () => [...obtainedTokens],
  };
}
