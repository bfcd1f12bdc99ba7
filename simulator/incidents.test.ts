/** @jest-environment node */
import type { RawDriftMetrics, RawHealthMetrics, RawOperationalSummary } from '../src/datasource/gateway/rawTypes';
import { effectsFor, incidentSchema, NO_EFFECT, toIncident } from './incidents';
import { NOTIFICATIONS_PATH } from './notifications';
import { SCENARIO_IDS } from './scenarios';
import { startTestSimulator, type TestSimulator } from './testKit';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const window = (from: number, to: number) =>
  `startDateTime=${encodeURIComponent(iso(from))}&endDateTime=${encodeURIComponent(iso(to))}`;
const healthy = SCENARIO_IDS.healthy;
const metrics = (metric: string, from: number, to: number) =>
  `/model-monitoring/v1/deployment/${healthy}/metrics/${healthy}/${metric}?${window(from, to)}`;

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator({ seed: 42 });
});
afterEach(() => t.sim.reset());
afterAll(() => t.close());

async function get<T>(path: string): Promise<T> {
  const res = await t.get(path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${t.sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('effectsFor', () => {
  const incident = toIncident(
    incidentSchema.parse({ deploymentId: 'd', start: iso(T0), end: iso(T0 + HOUR), latencyFactor: 3, trafficFactor: 0 })
  );

  it('applies inside the half-open window only, and only to the deployment named', () => {
    const effect = effectsFor([incident], 'd', 'm:1');
    expect(effect(T0 - 1)).toBe(NO_EFFECT);
    expect(effect(T0)).toEqual({ traffic: 0, latency: 3, drift: 1, failureRate: undefined });
    expect(effect(T0 + HOUR)).toBe(NO_EFFECT);
    expect(effectsFor([incident], 'other', 'm:1')(T0)).toBe(NO_EFFECT);
  });

  it('multiplies overlapping factors and targets one model when a model is given', () => {
    const second = { ...incident, model: 'm:2', latencyFactor: 2, failureRate: 0.5 };
    expect(effectsFor([incident, second], 'd', 'm:2')(T0)).toEqual({
      traffic: 0,
      latency: 6,
      drift: 1,
      failureRate: 0.5,
    });
    expect(effectsFor([incident, second], 'd', 'm:1')(T0).latency).toBe(3);
  });

  it('refuses windows that end before they start and times without an offset', () => {
    expect(incidentSchema.safeParse({ deploymentId: 'd', start: iso(T0), end: iso(T0 - 1) }).success).toBe(false);
    expect(incidentSchema.safeParse({ deploymentId: 'd', start: '2026-06-01T12:00:00', end: iso(T0) }).success).toBe(
      false
    );
  });
});

describe('incidents through the admin API', () => {
  it('stopping traffic empties only the windows that overlap the incident', async () => {
    const before = await get<RawHealthMetrics>(metrics('health', T0 - HOUR, T0));
    expect(before.totalPredictions).toBeGreaterThan(0);
    const res = await post('/__simulator/incidents', {
      deploymentId: healthy,
      start: iso(T0),
      end: iso(T0 + 2 * HOUR),
      trafficFactor: 0,
    });
    expect(res.status).toBe(201);
    const during = await get<RawHealthMetrics>(metrics('health', T0, T0 + HOUR));
    expect(during.totalPredictions).toBe(0);
    expect(await get<RawHealthMetrics>(metrics('health', T0 - HOUR, T0))).toEqual(before);
  });

  it('latency, failure rate and drift incidents change the numbers the rules read', async () => {
    const ops = Number((await get<RawOperationalSummary>(metrics('operational', T0, T0 + HOUR))).avgScoringLatency);
    const drift = (await get<RawDriftMetrics>(metrics('drift', T0, T0 + HOUR))).highFeatureDrift;
    expect(drift).toBe(0);
    await post('/__simulator/incidents', {
      deploymentId: healthy,
      start: iso(T0 - HOUR),
      end: iso(T0 + 2 * HOUR),
      latencyFactor: 10,
      failureRate: 0.5,
      driftFactor: 20,
    });
    const after = await get<RawOperationalSummary>(metrics('operational', T0, T0 + HOUR));
    expect(after.avgScoringLatency).toBeGreaterThan(ops * 9);
    const sum = (graph: typeof after.failedPrediction) => (graph?.point ?? []).reduce((a, p) => a + Number(p.yAxis), 0);
    const failed = sum(after.failedPrediction);
    const ok = sum(after.successPrediction);
    expect(failed).toBeGreaterThan(0);
    expect(failed / (failed + ok)).toBeGreaterThan(0.2);
    expect((await get<RawDriftMetrics>(metrics('drift', T0, T0 + HOUR))).highFeatureDrift).toBeGreaterThan(0);
  });

  it('lists, clears and validates incidents', async () => {
    expect((await post('/__simulator/incidents', { deploymentId: healthy })).status).toBe(400);
    await post('/__simulator/incidents', { deploymentId: healthy, start: iso(T0), end: iso(T0 + 1), trafficFactor: 0 });
    const listed = (await (await fetch(`${t.sim.url}/__simulator/incidents`)).json()) as { incidents: unknown[] };
    expect(listed.incidents).toHaveLength(1);
    const cleared = await fetch(`${t.sim.url}/__simulator/incidents`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ cleared: 1 });
  });
});

describe('notification sink and token statistics', () => {
  it('keeps posted notifications until reset', async () => {
    const body = { status: 'firing', title: '[FIRING:1] test', alerts: [{ labels: { severity: 'critical' } }] };
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect((await post(NOTIFICATIONS_PATH, body)).status).toBe(200);
      expect(spy).toHaveBeenCalledWith('notification: firing · 1 alert(s) · [FIRING:1] test\n');
    } finally {
      spy.mockRestore();
    }
    expect(t.sim.notifications().map((n) => n.body)).toEqual([body]);
    t.sim.reset();
    expect(t.sim.notifications()).toEqual([]);
  });

  it('counts distinct bearer tokens without keeping them', async () => {
    await t.get(`/model-monitoring/v1/deployment`);
    await t.get(`/model-monitoring/v1/deployment`);
    expect(t.sim.stats.distinctTokens).toBe(1);
    await t.get(`/model-monitoring/v1/deployment`, { authorization: `Bearer ${await t.sign()}x` });
    expect(t.sim.stats.distinctTokens).toBe(2);
    expect(JSON.stringify(t.sim.stats)).not.toContain(t.token);
  });
});
