/** @jest-environment node */
import { startTestSimulator, type TestSimulator } from '../testKit';
import { DEPLOYMENTS, WORKSPACES } from './catalog';
import { deploymentName } from './resources';

/** The 1.x routes through the real HTTP server: same JWT validation as the legacy routes. */

const NOW = Date.UTC(2026, 0, 15, 12, 30);
let t: TestSimulator;

beforeAll(async () => {
  t = await startTestSimulator({ now: () => NOW, defaultPageSize: 4 });
});
afterAll(() => t.close());

const json = async (path: string, expectedStatus = 200) => {
  const res = await t.get(path);
  expect({ path, status: res.status }).toEqual({ path, status: expectedStatus });
  return (await res.json()) as Record<string, any>;
};
const shadow = DEPLOYMENTS.find((d) => d.kind === 'shadow')!;
const parent = `/monitoring/v2/${deploymentName(shadow)}/experiments`;
const q = (p: Record<string, string>) => `?${new URLSearchParams(p).toString()}`;

it('refuses requests without a valid bearer token on every 1.x prefix, like the legacy routes', async () => {
  for (const path of ['/v1/workspaces', '/deployer/v2/workspaces/-/deployments', `${parent}/-/aggregates`]) {
    const res = await t.get(path, { authorization: '' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 16, details: [] });
  }
  const expired = await t.sign({ expiresAt: Math.floor(Date.now() / 1000) - 3600 });
  expect((await t.get('/v1/workspaces', { authorization: `Bearer ${expired}` })).status).toBe(401);
});

it('answers unknown names and paths with grpc-gateway RpcStatus, and only GET', async () => {
  expect(await json('/deployer/v2/workspaces/-/deployments/nope', 404)).toMatchObject({
    code: 5,
    message: expect.stringContaining('nope'),
  });
  expect(await json('/v1/workspaces/nope', 404)).toMatchObject({ code: 5 });
  expect(await json(`${parent}/not-an-experiment/aggregates`, 404)).toMatchObject({ code: 5 });
  expect(await json('/monitoring/v2/unknown', 404)).toMatchObject({ code: 5 });
  expect(await json(`${parent}/-/aggregates${q({ filter: "colour = 'red'" })}`, 400)).toMatchObject({ code: 3 });
  const post = await fetch(`${t.sim.url}/v1/workspaces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.token}` },
  });
  expect(post.status).toBe(405);
});

it('lists workspaces and deployments across pages, counts them, filters and orders them', async () => {
  expect((await json('/v1/workspaces')).workspaces.map((w: { name: string }) => w.name)).toEqual(
    WORKSPACES.map((w) => `workspaces/${w.id}`)
  );
  const names: string[] = [];
  let token = '';
  do {
    const page = await json(
      `/deployer/v2/workspaces/-/deployments${q({ pageSize: '2', ...(token ? { pageToken: token } : {}) })}`
    );
    names.push(...page.deployments.map((d: { name: string }) => d.name));
    token = page.nextPageToken ?? '';
  } while (token);
  expect(names).toEqual(DEPLOYMENTS.map(deploymentName));
  expect(await json('/deployer/v2/workspaces/-/deployments:count')).toEqual({ count: String(DEPLOYMENTS.length) });
  const ws = WORKSPACES[1].id;
  const growth = await json(`/deployer/v2/workspaces/${ws}/deployments${q({ orderBy: 'display_name desc' })}`);
  const expected = DEPLOYMENTS.filter((d) => d.workspaceId === ws)
    .map((d) => d.scenario.name)
    .sort()
    .reverse();
  expect(growth.deployments.map((d: { displayName: string }) => d.displayName)).toEqual(expected);
  const shadowOnly = await json(
    `/deployer/v2/workspaces/-/deployments:count${q({ filter: `display_name = '${shadow.scenario.name}'` })}`
  );
  expect(shadowOnly).toEqual({ count: '1' });
});

it('serves the shadow topology, statuses and the batch status errors map', async () => {
  const { deployment } = await json(`/deployer/v2/${deploymentName(shadow)}`);
  expect(deployment.shadow.primaryElement.deploymentComposition.experimentId).toBe(shadow.experiments[0].id);
  expect(deployment.shadow.secondaryElement.deploymentComposition.experimentId).toBe(shadow.experiments[1].id);
  const status = await json(`/deployer/v2/${deploymentName(shadow)}/status`);
  expect(status.deploymentStatus).toMatchObject({ name: `${deploymentName(shadow)}/status`, state: 'HEALTHY' });
  const names = [`${deploymentName(shadow)}/status`, 'workspaces/-/deployments/nope/status'];
  const batch = await json(
    `/deployer/v2/workspaces/-/deployments/status:batchGet?${names.map((n) => `names=${encodeURIComponent(n)}`).join('&')}`
  );
  expect(batch.deploymentStatuses).toHaveLength(1);
  expect(Object.keys(batch.errors)).toEqual([names[1]]);
});

it('serves hourly scoring aggregates for the retention window with a capped page size and a matching count', async () => {
  const window =
    "timestamp >= timestamp('2026-01-15T00:00:00.000000Z') AND timestamp < timestamp('2026-01-16T00:00:00.000000Z')";
  const count = await json(`${parent}/-/aggregates:count${q({ filter: window })}`);
  // 12 completed hours before 12:30 × 2 experiments × every column.
  expect(count).toEqual({ count: String(12 * 2 * shadow.columns.length) });
  const first = await json(
    `${parent}/-/aggregates${q({ filter: window, pageSize: '1000', orderBy: 'timestamp desc' })}`
  );
  expect(first.aggregates).toHaveLength(100);
  expect(first.nextPageToken).toEqual(expect.any(String));
  expect(first.aggregates[0].startTime).toBe('2026-01-15T11:00:00Z');
  const one = await json(
    `${parent}/${shadow.experiments[1].id}/aggregates:count${q({ filter: `column_name = 'prediction' AND (${window})` })}`
  );
  expect(one).toEqual({ count: '12' });
  // Without a time filter: the whole retention (14 days of completed hours).
  const all = await json(`${parent}/-/aggregates:count${q({ filter: "column_name = 'prediction'" })}`);
  expect(all).toEqual({ count: String(14 * 24 * 2) });
});

it('serves nothing for a deployment whose monitoring is disabled', async () => {
  const disabled = DEPLOYMENTS.find((d) => !d.scenario.monitoringEnabled)!;
  const base = `/monitoring/v2/${deploymentName(disabled)}/experiments/-`;
  expect(await json(`${base}/baselineAggregates`)).toEqual({ baselineAggregates: [] });
  expect(await json(`${base}/aggregates:count`)).toEqual({ count: '0' });
});
