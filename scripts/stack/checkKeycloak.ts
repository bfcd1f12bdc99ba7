/**
 * Proof that the real Keycloak works as the data source needs it:
 *   npx tsx scripts/stack/checkKeycloak.ts
 * Starts Keycloak, gets a client_credentials token, an offline refresh token (password grant),
 * exchanges it with the refresh_token grant and verifies the access token against the realm JWKS.
 * Prints claims (iss, aud, azp, exp), never tokens or secrets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKeycloak } from './keycloak';
import { clientCredentialsToken, offlineRefreshToken, refreshAccessToken, verifyAccessToken } from './oidc';
import { installCleanupHandlers } from './processes';
import { loadDemoRealm } from './realm';

async function main(): Promise<void> {
  installCleanupHandlers();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-kc-check-'));
  const started = Date.now();
  const kc = await startKeycloak({ runDir });
  console.log(`keycloak ready in ${Math.round((Date.now() - started) / 1000)} s at ${kc.baseUrl}`);
  try {
    const demo = loadDemoRealm();
    const client = { tokenUrl: kc.tokenUrl, clientId: demo.clientId, clientSecret: demo.clientSecret };
    const expected = { jwksUrl: kc.jwksUrl, issuer: kc.issuer, audience: demo.audience };
    const show = (c: Record<string, unknown>) =>
      JSON.stringify({
        iss: c.iss,
        aud: c.aud,
        azp: c.azp,
        sub: c.sub,
        typ: c.typ,
        ttl: Number(c.exp) - Number(c.iat),
      });

    const cc = await clientCredentialsToken(client);
    console.log(
      `client_credentials: expires_in=${cc.expires_in}, verified claims ${show(await verifyAccessToken(cc.access_token, expected))}`
    );

    const refresh = await offlineRefreshToken(client, demo.username, demo.password);
    console.log('password grant + scope=offline_access: got an offline refresh token');

    for (const attempt of [1, 2]) {
      // Twice: the same offline token must be reusable, because Grafana ignores rotated ones.
      const rt = await refreshAccessToken(client, refresh);
      console.log(
        `refresh_token grant #${attempt}: expires_in=${rt.expires_in}, scope="${rt.scope}", ` +
          `verified claims ${show(await verifyAccessToken(rt.access_token, expected))}`
      );
    }
    const wrongAudience = await verifyAccessToken(cc.access_token, { ...expected, audience: 'someone-else' }).then(
      () => undefined,
      (err: Error) => err.message
    );
    if (!wrongAudience) {
      throw new Error('a token was accepted for a wrong audience');
    }
    console.log(`negative check, wrong audience rejected: ${wrongAudience}`);
    console.log('KEYCLOAK CHECK OK');
  } finally {
    await kc.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
