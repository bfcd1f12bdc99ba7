/** @jest-environment node */
import { rawGatewayErrorSchema } from '../src/datasource/gateway/rawTypes';
import { SCENARIO_IDS } from './scenarios';
import { startTestSimulator, type TestSimulator } from './testKit';

const LIST = '/model-monitoring/v1/deployment';
const HEALTH = `${LIST}/${SCENARIO_IDS.healthy}/metrics/${SCENARIO_IDS.healthy}/health`;

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator({ now: () => Date.UTC(2026, 0, 15) });
});
afterAll(() => t.close());
afterEach(async () => {
  expect((await fetch(`${t.sim.url}/__simulator/reset`, { method: 'POST' })).status).toBe(200);
});

async function addFault(rule: object): Promise<string> {
  const res = await fetch(`${t.sim.url}/__simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect(id).toMatch(/^fault-\d+$/);
  return id;
}

describe('fault injection over the admin API', () => {
  it('grpc: status with a grpc-gateway body mapped from the status', async () => {
    await addFault({ path: '/v1/deployment', status: 503, body: 'grpc' });
    const res = await t.get(LIST);
    expect(res.status).toBe(503);
    const body = rawGatewayErrorSchema.parse(await res.json());
    expect(body.code).toBe(14);
    expect(body.details).toEqual([]);
  });

  it.each([
    [429, 8],
    [403, 7],
    [500, 13],
    [401, 16],
  ])('status %i alone gives grpc code %i', async (status, code) => {
    await addFault({ status });
    const res = await t.get(LIST);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ code });
  });

  it('malformed: a 200 whose body is not JSON', async () => {
    await addFault({ body: 'malformed' });
    const res = await t.get(LIST);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('truncated: the first half of the real response', async () => {
    const full = await (await t.get(`${HEALTH}?startDateTime=2026-01-14T00:00:00Z`)).text();
    await addFault({ path: '/health', body: 'truncated' });
    const res = await t.get(`${HEALTH}?startDateTime=2026-01-14T00:00:00Z`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(() => JSON.parse(text)).toThrow();
  });

  it('html: a proxy error page', async () => {
    await addFault({ body: 'html' });
    const res = await t.get(LIST);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<html>/);
  });

  it('empty: no body at all, with the given status', async () => {
    await addFault({ body: 'empty', status: 504 });
    const res = await t.get(LIST);
    expect(res.status).toBe(504);
    expect(await res.text()).toBe('');
  });

  it('latency: delays an otherwise normal response', async () => {
    await addFault({ path: '/v1/deployment', latencyMs: 300 });
    const started = Date.now();
    const res = await t.get(LIST);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(await res.json()).toHaveProperty('deployment');
  });

  it('times: expires after the given number of matching requests', async () => {
    await addFault({ path: '/health', status: 500, times: 2 });
    expect((await t.get(LIST)).status).toBe(200); // does not match, does not count
    expect((await t.get(HEALTH)).status).toBe(500);
    expect((await t.get(HEALTH)).status).toBe(500);
    expect((await t.get(HEALTH)).status).toBe(200);
    const list = (await (await fetch(`${t.sim.url}/__simulator/faults`)).json()) as { faults: unknown[] };
    expect(list.faults).toEqual([]);
  });

  it('matches a regular expression against path and query', async () => {
    await addFault({ path: 'pageSize=[0-9]+$', status: 429 });
    expect((await t.get(`${LIST}?pageSize=3`)).status).toBe(429);
    expect((await t.get(LIST)).status).toBe(200);
  });

  it('the first matching rule wins', async () => {
    await addFault({ path: '/health', status: 503 });
    await addFault({ status: 500 });
    expect((await t.get(HEALTH)).status).toBe(503);
    expect((await t.get(LIST)).status).toBe(500);
  });

  it('fails before auth, like a proxy in front of the gateway', async () => {
    await addFault({ status: 503 });
    expect((await fetch(`${t.sim.url}${LIST}`)).status).toBe(503);
  });

  it('DELETE clears the rules', async () => {
    await addFault({ status: 500 });
    await addFault({ status: 503 });
    const res = await fetch(`${t.sim.url}/__simulator/faults`, { method: 'DELETE' });
    expect(await res.json()).toEqual({ cleared: 2 });
    expect((await t.get(LIST)).status).toBe(200);
  });

  it.each([
    ['an unknown body kind', { body: 'teapot' }],
    ['an out-of-range status', { status: 42 }],
    ['an unknown field', { path: '/x', statusCode: 500 }],
    ['a negative latency', { latencyMs: -1 }],
  ])('rejects %s', async (_, rule) => {
    const res = await fetch(`${t.sim.url}/__simulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 3 });
  });

  it('requires a JSON content type (no cross-origin simple requests)', async () => {
    const res = await fetch(`${t.sim.url}/__simulator/faults`, { method: 'POST', body: '{"status":500}' });
    expect(res.status).toBe(400);
    expect((await t.get(LIST)).status).toBe(200);
  });
});

describe('programmatic faults and stats', () => {
  it('adds, lists and clears rules on the simulator object', async () => {
    const id = t.sim.faults.add({ path: '/models', status: 404, times: 1 });
    expect(t.sim.faults.list()).toEqual([{ id, path: '/models', status: 404, times: 1, remaining: 1, hits: 0 }]);
    expect((await t.get(`${LIST}/${SCENARIO_IDS.shadow}/models`)).status).toBe(404);
    expect((await t.get(`${LIST}/${SCENARIO_IDS.shadow}/models`)).status).toBe(200);
    t.sim.faults.add({ status: 500 });
    expect(t.sim.faults.clear()).toBe(1);
    expect(() => t.sim.faults.add({ status: 1000 })).toThrow();
  });

  it('counts requests per method, path and query, excluding admin calls', async () => {
    await t.get(`${LIST}?pageSize=3`);
    await t.get(`${LIST}?pageSize=3`);
    await t.get(HEALTH);
    await fetch(`${t.sim.url}${LIST}`);
    const stats = (await (await fetch(`${t.sim.url}/__simulator/stats`)).json()) as {
      total: number;
      unauthorized: number;
      requests: Record<string, number>;
      statuses: Record<string, number>;
    };
    expect(stats).toEqual({
      total: 4,
      unauthorized: 1,
      requests: { [`GET ${LIST}?pageSize=3`]: 2, [`GET ${HEALTH}`]: 1, [`GET ${LIST}`]: 1 },
      statuses: { '200': 3, '401': 1 },
      distinctTokens: 1,
    });
    expect(t.sim.stats).toEqual(stats);
  });

  it('reset clears stats and faults', async () => {
    t.sim.faults.add({ status: 500 });
    await t.get(LIST);
    t.sim.reset();
    expect(t.sim.stats).toEqual({ total: 0, unauthorized: 0, requests: {}, statuses: {}, distinctTokens: 0 });
    expect((await t.get(LIST)).status).toBe(200);
  });

  it('close() does not wait for a slow faulted request', async () => {
    const slow = await startTestSimulator();
    slow.sim.faults.add({ latencyMs: 60_000 });
    const pending = slow.get(LIST).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await slow.close();
    expect(Date.now() - started).toBeLessThan(1000);
    // fetch's TypeError comes from Node's realm, not Jest's, so match it by shape.
    expect(await pending).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});
