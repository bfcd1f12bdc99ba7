import fs from 'node:fs';
import path from 'node:path';

import { parseGoTemplate } from './goTemplate';

/**
 * The data source's `plugin.json` routes and how a proxied request finds one, as Grafana's
 * `pkg/api/pluginproxy/ds_proxy.go` does it (`validateRequest`: routes in order, method empty, `*`
 * or equal, cleaned route path a prefix of the cleaned proxy path; `reqRole` checked on the first
 * match) with `CleanRelativePath` of `pkg/plugins` and `JoinURLFragments` of `pkg/util`.
 */

export type OrgRole = 'Viewer' | 'Editor' | 'Admin';

const ROLE_RANK: Record<OrgRole, number> = { Viewer: 1, Editor: 2, Admin: 3 };

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
export function cleanRelative(p: string): string {
  const cleaned = path.posix.normalize(path.posix.join('/', p));
  const rel = cleaned.replace(/^\/+/, '');
  return rel === '' || rel === '.' ? '' : rel.replace(/\/+$/, '');
}

/** Go's util.JoinURLFragments. */
export function joinUrlFragments(a: string, b: string): string {
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

/** The outcome of route matching: a route, a refusal (the user's role is too low), or no route. */
export type RouteMatch = { route: PluginRoute } | { denied: PluginRoute } | undefined;

/** validateRequest: the first route whose method and cleaned path prefix match, role checked. */
export function matchRoute(routes: PluginRoute[], proxyPath: string, method: string, role: OrgRole): RouteMatch {
  const cleanedProxyPath = cleanRelative(proxyPath);
  for (const route of routes) {
    if (route.method && route.method !== '*' && route.method !== method) {
      continue;
    }
    if (!cleanedProxyPath.startsWith(cleanRelative(route.path))) {
      continue;
    }
    if (route.reqRole && ROLE_RANK[role] < ROLE_RANK[route.reqRole as OrgRole]) {
      return { denied: route };
    }
    return { route };
  }
  return undefined;
}
