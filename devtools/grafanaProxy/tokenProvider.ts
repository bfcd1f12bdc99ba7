import { renderGoTemplate, type TemplateData } from './goTemplate';
import type { PluginRoute } from './routes';

/**
 * A route's `tokenAuth`, as Grafana's `pkg/api/pluginproxy/ds_auth_provider.go` and
 * `token_provider_generic.go` do it: POST the rendered params as a form (keys sorted, as Go's
 * `url.Values.Encode`), cache the token per data source + its last update + route path + method and
 * reuse it while more than 10 s remain; the token endpoint's **status is not checked** (an error body
 * gives an empty token), a network error or non-JSON body gives no token at all, and a rotated
 * `refresh_token` is ignored. One lock over the whole cache while fetching, as Grafana holds one
 * mutex: concurrent requests wait for the first fetch and reuse its token.
 */

/** A data source as the token provider keys it. */
export interface TokenSource {
  uid: string;
  /** Bumped when the data source is saved: its cached tokens no longer apply. */
  updated: number;
}

interface CachedToken {
  accessToken: string;
  expiresOn: number;
}

export interface TokenRequestFilter {
  uid?: string;
  /** Route path as in plugin.json, e.g. `gateway/model-monitoring/v1/deployment`. */
  routePath?: string;
}

/** A token request as sent, secret parameter values masked as `[set]` (empty ones stay empty). */
export interface TokenForm {
  uid: string;
  routePath: string;
  params: Record<string, string>;
}

const SECRET_PARAMS = new Set(['client_secret', 'refresh_token', 'password', 'assertion']);

export class TokenProvider {
  private readonly cache = new Map<string, CachedToken>();
  private readonly obtained: string[] = [];
  private readonly sentForms: TokenForm[] = [];
  private readonly counts = new Map<string, number>();
  private lock: Promise<unknown> = Promise.resolve();

  /** The access token for a route; undefined means "send no Authorization header". */
  getAccessToken(ds: TokenSource, route: PluginRoute, data: TemplateData): Promise<string | undefined> {
    const run = () => this.fetchOrReuse(ds, route, data);
    const result = this.lock.then(run, run);
    this.lock = result.catch(() => undefined);
    return result;
  }

  /** Token-endpoint requests made so far (all, or for one data source / route). */
  requests(filter: TokenRequestFilter = {}): number {
    let total = 0;
    for (const [key, count] of this.counts) {
      const [uid, routePath] = key.split(' ');
      if (
        (filter.uid === undefined || filter.uid === uid) &&
        (filter.routePath === undefined || filter.routePath === routePath)
      ) {
        total += count;
      }
    }
    return total;
  }

  /** Every access token obtained so far. */
  accessTokens(): string[] {
    return [...this.obtained];
  }

  /** The token requests sent so far, in order, secrets masked. */
  forms(): TokenForm[] {
    return this.sentForms.map((form) => ({ ...form, params: { ...form.params } }));
  }

  clear() {
    this.cache.clear();
  }

  private async fetchOrReuse(ds: TokenSource, route: PluginRoute, data: TemplateData): Promise<string | undefined> {
    const key = `${ds.uid}_${ds.updated}_${route.path}_${route.method ?? ''}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresOn > Date.now() + 10_000) {
      return cached.accessToken;
    }
    const tokenAuth = route.tokenAuth!;
    let url: string;
    const params = new URLSearchParams();
    try {
      url = renderGoTemplate(tokenAuth.url, data);
      for (const name of Object.keys(tokenAuth.params ?? {}).sort()) {
        params.append(name, renderGoTemplate(tokenAuth.params![name], data));
      }
    } catch {
      return undefined; // "Failed to resolve auth token provider": no Authorization header
    }
    const masked = [...params].map(([k, v]) => [k, SECRET_PARAMS.has(k) && v !== '' ? '[set]' : v]);
    this.sentForms.push({ uid: ds.uid, routePath: route.path, params: Object.fromEntries(masked) });
    const countKey = `${ds.uid} ${route.path}`;
    this.counts.set(countKey, (this.counts.get(countKey) ?? 0) + 1);
    const parsed = await postForm(url, params);
    if (!parsed) {
      return undefined; // "Failed to get access token": no Authorization header
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
      this.obtained.push(accessToken);
    }
    this.cache.set(key, { accessToken, expiresOn });
    return accessToken;
  }
}

type TokenAnswer = { access_token?: unknown; expires_on?: unknown; expires_in?: unknown };

/** POSTs the form; the answer's JSON object whatever the status, or undefined (network error, not JSON). */
async function postForm(url: string, params: URLSearchParams): Promise<TokenAnswer | undefined> {
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
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as TokenAnswer)
      : undefined;
  } catch {
    return undefined;
  }
}
