/**
 * Real Keycloak (demo realm) ↔ real gateway simulator (validating against Keycloak's JWKS).
 * No Grafana involved: tokens are requested and presented directly.
 */
import { SCENARIO_IDS } from '../../simulator/scenarios';
import { accessToken, claims, tokenRequest } from './support/oidc';
import { stackInfo } from './support/stackInfo';

const info = stackInfo();
const { tokenUrl } = info.keycloak;
const demo = info.demo;
const LIST = `${info.simulatorUrl}/model-monitoring/v1/deployment`;

const call = (token?: string) =>
  fetch(LIST, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

async function expectGrpc401(res: Response) {
  expect(res.status).toBe(401);
  const body = (await res.json()) as { code: number; message: string; details: unknown[] };
  expect(body.code).toBe(16); // UNAUTHENTICATED
  expect(typeof body.message).toBe('string');
  expect(Array.isArray(body.details)).toBe(true);
  return body.message;
}

describe('Keycloak issues tokens that the gateway simulator accepts', () => {
  it('client credentials: a token for the gateway audience, accepted (200, seven deployments)', async () => {
    const token = await accessToken(tokenUrl, {
      grant_type: 'client_credentials',
      client_id: demo.clientId,
      client_secret: demo.clientSecret,
    });
    const c = claims(token);
    expect(c.iss).toBe(info.keycloak.issuer);
    expect([c.aud].flat()).toContain(demo.audience);
    expect(c.azp).toBe(demo.clientId);
    const res = await call(token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { deployment: Array<{ id: string }>; totalDeployments: string };
    expect(body.totalDeployments).toBe('7');
    expect(body.deployment.map((d) => d.id).sort()).toEqual(Object.values(SCENARIO_IDS).sort());
  });

  it('the demo user’s offline refresh token (from the stack) is reusable for the refresh_token grant', async () => {
    const form = {
      grant_type: 'refresh_token',
      client_id: demo.clientId,
      client_secret: demo.clientSecret,
      refresh_token: info.provisioningEnv.MLOPS_REFRESH_TOKEN,
    };
    for (let i = 0; i < 2; i++) {
      const answer = await tokenRequest(tokenUrl, form);
      expect(answer.status).toBe(200);
      expect(String(answer.body.scope).split(' ')).toContain('offline_access');
      const c = claims(answer.body.access_token as string);
      expect(c.preferred_username).toBe(demo.username);
      expect((await call(answer.body.access_token as string)).status).toBe(200);
    }
  });

  it('no token → 401 in grpc-gateway’s error format', async () => {
    await expectGrpc401(await call());
  });

  it('garbage token → 401', async () => {
    await expectGrpc401(await call('not-a-jwt'));
  });

  it('expired token (1-second test client, past the 5 s clock tolerance) → 401', async () => {
    const { clientId, clientSecret } = info.testClients.shortLived;
    const token = await accessToken(tokenUrl, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    const c = claims(token);
    expect(Number(c.exp) - Number(c.iat)).toBe(1);
    expect((await call(token)).status).toBe(200); // still within the tolerance
    await new Promise((r) => setTimeout(r, 7000));
    expect(await expectGrpc401(await call(token))).toMatch(/exp/i);
  });

  it('token without the gateway audience → 401', async () => {
    const { clientId, clientSecret } = info.testClients.otherAudience;
    const token = await accessToken(tokenUrl, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect([claims(token).aud].flat()).not.toContain(demo.audience);
    expect(await expectGrpc401(await call(token))).toMatch(/aud/i);
  });

  it('Keycloak refuses a wrong client secret and a garbage refresh token (what Grafana’s proxy will not check)', async () => {
    const wrongSecret = await tokenRequest(tokenUrl, {
      grant_type: 'client_credentials',
      client_id: demo.clientId,
      client_secret: 'wrong',
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe('unauthorized_client');
    const garbage = await tokenRequest(tokenUrl, {
      grant_type: 'refresh_token',
      client_id: demo.clientId,
      client_secret: demo.clientSecret,
      refresh_token: 'garbage',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toBe('invalid_grant');
  });
});
