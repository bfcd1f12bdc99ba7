/** @jest-environment node */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { rawGatewayErrorSchema } from '../src/datasource/gateway/rawTypes';
import { createSimulator } from './server';
import { startTestSimulator, TEST_AUDIENCE, TEST_ISSUER, TEST_KID, type TestSimulator } from './testKit';

const LIST = '/model-monitoring/v1/deployment';

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

async function expectUnauthenticated(headers: Record<string, string>, reason: string | RegExp) {
  const res = await fetch(`${t.sim.url}${LIST}`, { headers });
  const text = await res.text();
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  const body = rawGatewayErrorSchema.parse(JSON.parse(text));
  expect(body.code).toBe(16);
  expect(body.details).toEqual([]);
  expect(body.message).toMatch(reason);
  // Never echo the credential back.
  const credential = (headers.authorization ?? '').replace(/^\S+\s+/, '');
  if (credential.length > 8) {
    expect(text).not.toContain(credential);
    expect(text).not.toContain(credential.split('.')[1] ?? credential);
  }
  return body;
}

describe('bearer auth', () => {
  it('accepts a valid token', async () => {
    expect((await t.get(LIST)).status).toBe(200);
  });

  it('rejects a missing Authorization header', async () => {
    await expectUnauthenticated({}, /missing bearer token/);
  });

  it('rejects a non-bearer scheme', async () => {
    await expectUnauthenticated(
      { authorization: `Basic ${Buffer.from('user:password-123').toString('base64')}` },
      /not a bearer token/
    );
  });

  it('rejects a malformed token', async () => {
    await expectUnauthenticated({ authorization: 'Bearer not-a-jwt-at-all' }, /malformed token/);
  });

  it('rejects a token signed by another key under the same kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await t.sign({ key: privateKey });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /signature verification failed/);
  });

  it('rejects a token whose kid is unknown', async () => {
    const token = await t.sign({ kid: 'someone-else' });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /no signing key/);
  });

  it('rejects an expired token', async () => {
    const token = await t.sign({ expiresAt: Math.floor(Date.now() / 1000) - 120 });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /^token expired$/);
  });

  it('rejects a token without exp', async () => {
    const token = await t.sign({ expiresAt: null });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /"exp"/);
  });

  it('rejects the wrong issuer', async () => {
    const token = await t.sign({ issuer: 'https://evil.example/realms/mlops' });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /unexpected token issuer/);
  });

  it('rejects the wrong audience', async () => {
    const token = await t.sign({ audience: 'another-client' });
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /unexpected token audience/);
  });

  it('rejects a shared-secret (HS256) token', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: TEST_KID })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough'));
    await expectUnauthenticated({ authorization: `Bearer ${token}` }, /algorithm not allowed/);
  });

  it('guards unknown API paths too, but not /healthz', async () => {
    expect((await fetch(`${t.sim.url}/model-monitoring/v9/x`)).status).toBe(401);
    expect((await fetch(`${t.sim.url}/healthz`)).status).toBe(200);
  });

  it('counts 401s in the stats', async () => {
    t.sim.reset();
    await fetch(`${t.sim.url}${LIST}`);
    await fetch(`${t.sim.url}${LIST}`, { headers: { authorization: 'Bearer x' } });
    await t.get(LIST);
    expect(t.sim.stats.unauthorized).toBe(2);
    expect(t.sim.stats.requests[`GET ${LIST}`]).toBe(3);
  });
});

describe('key sources', () => {
  it('refuses to start without a key set', async () => {
    await expect(createSimulator({ port: 0 })).rejects.toThrow(/no unauthenticated mode/);
  });

  it('fetches a remote JWKS (Keycloak certs endpoint)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'kc', alg: 'RS256', use: 'sig' }] };
    let fetched = 0;
    const keycloak = http.createServer((req, res) => {
      fetched++;
      res.writeHead(req.url === '/realms/mlops/protocol/openid-connect/certs' ? 200 : 404, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => keycloak.listen(0, '127.0.0.1', resolve));
    const port = (keycloak.address() as AddressInfo).port;
    const sim = await createSimulator({
      port: 0,
      jwksUrl: `http://127.0.0.1:${port}/realms/mlops/protocol/openid-connect/certs`,
    });
    try {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'kc' })
        .setExpirationTime('5m')
        .sign(privateKey);
      const res = await fetch(`${sim.url}${LIST}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(fetched).toBe(1);
    } finally {
      await sim.close();
      keycloak.closeAllConnections();
      await new Promise((resolve) => keycloak.close(resolve));
    }
  });

  it('answers 503 UNAVAILABLE when the key set cannot be fetched', async () => {
    const sim = await createSimulator({ port: 0, jwksUrl: 'http://127.0.0.1:1/certs' });
    try {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'kc' })
        .setExpirationTime('5m')
        .sign(privateKey);
      const res = await fetch(`${sim.url}${LIST}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 14 });
    } finally {
      await sim.close();
    }
  });
});
