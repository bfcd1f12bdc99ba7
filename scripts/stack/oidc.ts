/**
 * Token helpers against Keycloak's token endpoint. Errors carry only Keycloak's `error` and
 * `error_description`, never the request parameters, so secrets and tokens stay out of logs.
 */

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  refresh_expires_in?: number;
  token_type: string;
  scope?: string;
}

/** POSTs a form to the token endpoint, the way Grafana's data-proxy tokenAuth does. */
export async function requestToken(tokenUrl: string, params: Record<string, string>): Promise<TokenResponse> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: reported below by status
  }
  if (!res.ok || typeof json.access_token !== 'string') {
    throw new Error(
      `token request (grant_type=${params.grant_type}) failed: HTTP ${res.status} ` +
        `${String(json.error ?? '')} ${String(json.error_description ?? '')}`.trim()
    );
  }
  return json as unknown as TokenResponse;
}

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Service-account token (client_credentials grant). */
export function clientCredentialsToken(c: ClientCredentials): Promise<TokenResponse> {
  return requestToken(c.tokenUrl, {
    grant_type: 'client_credentials',
    client_id: c.clientId,
    client_secret: c.clientSecret,
  });
}

/**
 * Offline refresh token for a user via the password grant with `scope=offline_access`. An offline
 * token is reusable and survives SSO session expiry, which Grafana's tokenAuth needs because it
 * ignores rotated refresh tokens.
 */
export async function offlineRefreshToken(c: ClientCredentials, username: string, password: string): Promise<string> {
  const res = await requestToken(c.tokenUrl, {
    grant_type: 'password',
    client_id: c.clientId,
    client_secret: c.clientSecret,
    username,
    password,
    scope: 'offline_access',
  });
  if (!res.refresh_token || !(res.scope ?? '').split(' ').includes('offline_access')) {
    throw new Error('password grant did not return an offline refresh token (is offline_access granted?)');
  }
  return res.refresh_token;
}

/** Exchanges a refresh token for an access token (refresh_token grant), as the data source will. */
export function refreshAccessToken(c: ClientCredentials, refreshToken: string): Promise<TokenResponse> {
  return requestToken(c.tokenUrl, {
    grant_type: 'refresh_token',
    client_id: c.clientId,
    client_secret: c.clientSecret,
    refresh_token: refreshToken,
  });
}

/** Verifies an access token's signature against the realm JWKS and checks issuer and audience. */
export async function verifyAccessToken(
  token: string,
  expected: { jwksUrl: string; issuer: string; audience: string }
): Promise<Record<string, unknown>> {
  // jose is ESM-only; a dynamic import keeps this module loadable from CommonJS.
  const { createRemoteJWKSet, jwtVerify } = await import('jose');
  const jwks = createRemoteJWKSet(new URL(expected.jwksUrl));
  const { payload } = await jwtVerify(token, jwks, { issuer: expected.issuer, audience: expected.audience });
  return payload as Record<string, unknown>;
}
