import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createSimulator, type Simulator, type SimulatorOptions } from './server';

/**
 * Test helpers: a simulator on a free port trusting a freshly generated RS256 key, and a way to
 * mint tokens (valid or deliberately broken) for it. Used by the simulator's tests and usable by
 * the data source's integration tests.
 */

export const TEST_ISSUER = 'https://keycloak.test/realms/mlops';
export const TEST_AUDIENCE = 'mlops-gateway';
export const TEST_KID = 'sim-test-key';

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  /** jose time span or epoch seconds; pass a past time for an expired token, null for no exp. */
  expiresAt?: string | number | null;
  /** Sign with another key (bad signature) or advertise another kid. */
  key?: CryptoKey;
  kid?: string;
}

export interface TestSimulator {
  sim: Simulator;
  /** A valid token for this simulator. */
  token: string;
  sign(options?: TokenOptions): Promise<string>;
  /** GET `path` (relative to the simulator URL) with the valid token unless `headers` overrides it. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a simulator that trusts a new key pair; the caller closes it. */
export async function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<TestSimulator> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: TEST_KID, alg: 'RS256', use: 'sig' };
  const sim = await createSimulator({
    jwks: { keys: [jwk] },
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    port: 0,
    ...options,
  });
  const sign = async (o: TokenOptions = {}) => {
    const jwt = new SignJWT({ sub: 'tester', preferred_username: 'tester' })
      .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? TEST_KID, typ: 'JWT' })
      .setIssuer(o.issuer ?? TEST_ISSUER)
      .setAudience(o.audience ?? TEST_AUDIENCE)
      .setIssuedAt();
    const exp = o.expiresAt === undefined ? '5m' : o.expiresAt;
    if (exp !== null) {
      jwt.setExpirationTime(exp);
    }
    return jwt.sign(o.key ?? privateKey);
  };
  const token = await sign();
  return {
    sim,
    token,
    sign,
    get: (path, headers = {}) =>
      fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } }),
    close: () => sim.close(),
  };
}
