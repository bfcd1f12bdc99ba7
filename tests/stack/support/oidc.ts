/** Token requests against the stack's Keycloak; errors never contain the form (secrets). */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function tokenRequest(tokenUrl: string, form: Record<string, string>): Promise<TokenAnswer> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function accessToken(tokenUrl: string, form: Record<string, string>): Promise<string> {
  const answer = await tokenRequest(tokenUrl, form);
  if (answer.status !== 200 || typeof answer.body.access_token !== 'string') {
    throw new Error(
      `token request (${form.grant_type}) failed: HTTP ${answer.status} ${String(answer.body.error ?? '')}`
    );
  }
  return answer.body.access_token;
}

/** The claims of a JWT (no verification: the gateway simulator verifies). */
export function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Revokes a refresh token at Keycloak's revocation endpoint (RFC 7009) with the client it was issued to. */
export async function revokeRefreshToken(
  issuer: string,
  client: { clientId: string; clientSecret: string },
  refreshToken: string
): Promise<number> {
  const res = await fetch(`${issuer}/protocol/openid-connect/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: refreshToken,
      token_type_hint: 'refresh_token',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  return res.status;
}
