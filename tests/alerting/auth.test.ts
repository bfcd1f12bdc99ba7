/**
 * Both provisioned auth variants of the alerting data source against the REAL Keycloak, through
 * Infinity's REAL backend: one access token serves evaluations for its whole lifetime; expiring
 * tokens are replaced rather than sent expired; a wrong secret, a garbage or revoked refresh token
 * fail the query with a message naming the cause, so the gateway rule's error state fires
 * (expressions: the STAND-IN for Grafana's expression engine).
 */
import { offlineRefreshToken } from '../../scripts/stack/oidc';
import { revokeRefreshToken, tokenRequest } from '../stack/support/oidc';
import {
  infinityDataSources,
  instanceSettings,
  simulator,
  startAlertingStack,
  type AlertingStack,
} from './support/alertingStack';
import { evaluateRule, provisionedRules } from './support/ruleRunner';

let stack: AlertingStack;
beforeAll(async () => {
  stack = await startAlertingStack();
}, 15 * 60_000);
beforeEach(() => simulator.reset(stack.info));
afterAll(() => stack?.close());

const rules = provisionedRules().map((r) => r.rule);
const gatewayRule = rules.find((r) => r.uid === 'mlops-gateway-unreachable')!;
const statusRule = rules.find((r) => r.uid === 'mlops-model-status-failing')!;

/** A fresh harness instance of a provisioned data source, with environment overrides. */
async function instance(name: string, uid: string, env: Record<string, string> = {}): Promise<string> {
  const ds = infinityDataSources(stack.info, env).find((d) => d.uid === uid)!;
  await stack.harness.newInstance(name, instanceSettings(ds));
  return name;
}

const evaluate = (rule: typeof gatewayRule, name: string) => evaluateRule(stack.harness, rule, new Date(), () => name);

describe.each([['mlops-alerting'], ['mlops-alerting-refresh']])('%s', (uid) => {
  it('one access token serves many evaluations within its lifetime', async () => {
    const name = await instance(`${uid}-reuse`, uid);
    for (let i = 0; i < 10; i++) {
      expect(await evaluate(i % 2 ? statusRule : gatewayRule, name)).toMatchObject({ kind: 'values' });
    }
    expect((await simulator.stats(stack.info)).distinctTokens).toBe(1);
  });
});

it('an access token close to expiry is replaced, never sent expired (1-second tokens: one per evaluation)', async () => {
  const { clientId, clientSecret } = stack.info.testClients.shortLived;
  const name = await instance('short-lived', 'mlops-alerting', {
    MLOPS_ALERTING_CLIENT_ID: clientId,
    MLOPS_ALERTING_CLIENT_SECRET: clientSecret,
  });
  for (let i = 0; i < 3; i++) {
    expect(await evaluate(gatewayRule, name)).toMatchObject({ kind: 'values' });
  }
  const stats = await simulator.stats(stack.info);
  expect(stats.distinctTokens).toBe(3);
});

it('a wrong client secret: the query names the refusal; the gateway rule alerts, model rules keep their state', async () => {
  const secret = 'wrong-secret-5f3a9c';
  const name = await instance('wrong-secret', 'mlops-alerting', { MLOPS_ALERTING_CLIENT_SECRET: secret });
  const gateway = await evaluate(gatewayRule, name);
  // Keycloak 26 answers a wrong client secret with unauthorized_client ("Invalid client or Invalid
  // client credentials"); Infinity quotes it.
  expect(gateway).toMatchObject({
    kind: 'error',
    state: 'Alerting',
    error: expect.stringMatching(/oauth2: "unauthorized_client" "Invalid client or Invalid client credentials"/),
  });
  expect(await evaluate(statusRule, name)).toMatchObject({ kind: 'error', state: 'KeepLast' });
  expect(JSON.stringify(gateway)).not.toContain(secret);
});

it('a garbage refresh token: the query names invalid_grant', async () => {
  const name = await instance('garbage-refresh', 'mlops-alerting-refresh', { MLOPS_REFRESH_TOKEN: 'garbage' });
  expect(await evaluate(gatewayRule, name)).toMatchObject({
    kind: 'error',
    state: 'Alerting',
    error: expect.stringContaining('invalid_grant'),
  });
});

it('a revoked offline token fails once the cached access token is gone (new instance, as after a restart)', async () => {
  const { demo, keycloak } = stack.info;
  const client = { tokenUrl: keycloak.tokenUrl, clientId: demo.clientId, clientSecret: demo.clientSecret };
  const refreshToken = await offlineRefreshToken(client, demo.username, demo.password);
  const before = await instance('revoked-before', 'mlops-alerting-refresh', { MLOPS_REFRESH_TOKEN: refreshToken });
  expect(await evaluate(gatewayRule, before)).toMatchObject({ kind: 'values' });

  expect(await revokeRefreshToken(keycloak.issuer, demo, refreshToken)).toBe(200);
  // Keycloak itself now refuses the token…
  const refused = await tokenRequest(keycloak.tokenUrl, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: demo.clientId,
    client_secret: demo.clientSecret,
  });
  expect(refused.status).toBe(400);
  // …and so does every evaluation that needs a new access token.
  const after = await instance('revoked-after', 'mlops-alerting-refresh', { MLOPS_REFRESH_TOKEN: refreshToken });
  expect(await evaluate(gatewayRule, after)).toMatchObject({
    kind: 'error',
    state: 'Alerting',
    error: expect.stringContaining('invalid_grant'),
  });
  // The stack's own offline token is untouched.
  expect(await evaluate(gatewayRule, 'mlops-alerting-refresh')).toMatchObject({ kind: 'values' });
});
