import fs from 'node:fs';

import { goCleanRelativePath } from './goPaths';
import { parseGoTemplate } from './goTemplate';

/**
 * The data source's `plugin.json` routes and how a proxied request finds one, as Grafana's
 * `pkg/api/pluginproxy/ds_proxy.go` does it (`validateRequest`: routes in order, method empty, `*`
 * or equal, cleaned route path a string prefix of the cleaned proxy path; `reqRole` checked on the
 * first match), with `CleanRelativePath` of `pkg/plugins` on the ESCAPED proxy path (goPaths.ts).
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

/** The outcome of route matching: a route, a refusal (the user's role is too low), or no route. */
export type RouteMatch = { route: PluginRoute } | { denied: PluginRoute } | undefined;

/**
 * validateRequest: the first route whose method and cleaned path prefix match, role checked. As in
 * Grafana (issues/116273), a path that cleans to "." counts as "" unless it was literally ".".
 */
export function matchRoute(routes: PluginRoute[], proxyPath: string, method: string, role: OrgRole): RouteMatch {
  const relative = (p: string) => {
    const cleaned = goCleanRelativePath(p);
    return cleaned === '.' && p !== '.' ? '' : cleaned;
  };
  const cleanedProxyPath = relative(proxyPath);
  for (const route of routes) {
    if (route.method && route.method !== '*' && route.method !== method) {
      continue;
    }
    if (!cleanedProxyPath.startsWith(relative(route.path))) {
      continue;
    }
    if (route.reqRole && ROLE_RANK[role] < ROLE_RANK[route.reqRole as OrgRole]) {
      return { denied: route };
    }
    return { route };
  }
  return undefined;
}
