/** @jest-environment node */
import {
  rawDriftMetricsSchema,
  rawGatewayErrorSchema,
  rawGetMonitoredDeploymentSchema,
  rawGetMonitoredModelsSchema,
  rawHealthMetricsSchema,
  rawListMonitoredDeploymentsSchema,
  rawOperationalSummarySchema,
  rawStatusValues,
  type RawDeployment,
  type RawHealthMetrics,
  type RawListMonitoredDeployments,
} from '../src/datasource/gateway/rawTypes';
import { MARKUP_FEATURE_NAME, modelKey, SCENARIO_IDS, SCENARIOS } from './scenarios';
import { startTestSimulator, type TestSimulator } from './testKit';
import { parseRfc3339 } from './time';

const NOW = Date.UTC(2026, 0, 15, 12, 34, 56);
const BASE = '/model-monitoring/v1/deployment';
const RANGE = `startDateTime=${encodeURIComponent('2026-01-10T10:17:00+01:00')}&endDateTime=${encodeURIComponent('2026-01-12T03:00:00Z')}`;

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator({ seed: 42, defaultPageSize: 3, now: () => NOW });
});
afterAll(() => t.close());

async function getJson(path: string, expectedStatus = 200): Promise<unknown> {
  const res = await t.get(path);
  const text = await res.text();
  expect({ path, status: res.status }).toEqual({ path, status: expectedStatus });
  expect(res.headers.get('content-type')).toBe('application/json');
  return JSON.parse(text);
}

/** Exact key sets, so a typo'd or extra field fails even though the zod schemas are lenient. */
const DEPLOYMENT_KEYS = [
  'deploymentDate',
  'description',
  'environment',
  'id',
  'mode',
  'models',
  'monitoringEnabled',
  'name',
  'problemType',
  'projectId',
  'storeScoringData',
  'type',
];
const MODEL_KEYS = [
  'accuracy',
  'averageScoringRequests',
  'driftStatus',
  'registeredModelName',
  'registeredModelVersion',
];
const keys = (o: object) => Object.keys(o).sort();

function checkDeployment(d: RawDeployment) {
  expect(keys(d)).toEqual(DEPLOYMENT_KEYS);
  expect({ date: d.deploymentDate, parsed: parseRfc3339(d.deploymentDate!) }).toEqual({
    date: d.deploymentDate,
    parsed: expect.any(Number),
  });
  expect(['singleDeployment', 'shadowDeployment', 'splitDeployment']).toContain(d.type);
  for (const m of d.models!) {
    expect(keys(m)).toEqual(MODEL_KEYS);
    expect(rawStatusValues).toContain(m.driftStatus);
    expect(rawStatusValues).toContain(m.accuracy);
    expect(Number.isInteger(m.averageScoringRequests)).toBe(true);
  }
}

describe('endpoints answer for every scenario and match the raw schemas', () => {
  it('lists deployments', async () => {
    const body = rawListMonitoredDeploymentsSchema.parse(await getJson(`${BASE}?pageSize=100&${RANGE}`));
    expect(body.deployment).toHaveLength(SCENARIOS.length);
    expect(typeof body.totalDeployments).toBe('string');
    expect(body.totalDeployments).toBe(String(SCENARIOS.length));
    expect(typeof body.totalPredictions).toBe('string');
    expect(Number(body.totalPredictions)).toBeGreaterThan(1000);
    expect(body.nextPageToken).toBe('');
    body.deployment!.forEach(checkDeployment);
    expect(body.deployment!.map((d) => d.name)).toContain('-');
  });

  describe.each(SCENARIOS.map((s) => [s.key, s] as const))('%s', (_, s) => {
    it('gets the deployment and its models', async () => {
      const d = rawGetMonitoredDeploymentSchema.parse(await getJson(`${BASE}/${s.id}`));
      checkDeployment(d.deployment!);
      expect(d.deployment!.id).toBe(s.id);
      expect(d.deployment!.type).toBe(s.type);
      expect(d.deployment!.monitoringEnabled).toBe(s.monitoringEnabled);
      const m = rawGetMonitoredModelsSchema.parse(await getJson(`${BASE}/${s.id}/models`));
      expect(m.model!.map(modelKey)).toEqual(s.models.map(modelKey));
      expect(m.nextPageToken).toBe('');
    });

    it.each(s.models.map((m) => [modelKey(m)]))('serves health, drift and operational metrics for %s', async (key) => {
      const prefix = `${BASE}/${s.id}/metrics/${encodeURIComponent(key)}`;
      const health = rawHealthMetricsSchema.parse(await getJson(`${prefix}/health?${RANGE}`));
      expect(keys(health)).toEqual(['predictionValues', 'predictions', 'scoringLatency', 'totalPredictions']);
      expect(typeof health.totalPredictions).toBe('number'); // int32, a JSON number
      const drift = rawDriftMetricsSchema.parse(await getJson(`${prefix}/drift?${RANGE}`));
      for (const item of drift.featureImportance!.featureDrift!) {
        expect(keys(item)).toEqual(['Feature', 'drift']);
        expect(typeof item.Feature!.missingValues).toBe('number');
      }
      const ops = rawOperationalSummarySchema.parse(await getJson(`${prefix}/operational?${RANGE}`));
      expect(keys(ops)).toEqual([
        'availability',
        'avgScoringLatency',
        'cpuUsage',
        'failedPrediction',
        'memoryUsage',
        'scoringLatency',
        'successPrediction',
        'uptime',
      ]);
      if (s.monitoringEnabled && s.trafficPerHour > 0) {
        expect(Number(health.totalPredictions)).toBeGreaterThan(0);
        expect(drift.countFeatureDrift).toBe(s.features.length);
        expect(ops.scoringLatency!.point!.length).toBeGreaterThan(0);
      } else {
        expect(health.totalPredictions).toBe(0);
        expect(health.predictions!.bin).toEqual([]);
      }
      expect(health.predictionValues === null).toBe(s.regression === undefined);
    });
  });
});

describe('determinism', () => {
  const paths = [
    `${BASE}`,
    `${BASE}?${RANGE}`,
    `${BASE}/${SCENARIO_IDS.empty}`,
    `${BASE}/${SCENARIO_IDS.healthy}/metrics/${SCENARIO_IDS.healthy}/health?${RANGE}`,
    `${BASE}/${SCENARIO_IDS.drifting}/metrics/${SCENARIO_IDS.drifting}/drift?${RANGE}`,
    `${BASE}/${SCENARIO_IDS.shadow}/metrics/loan-default-dnn:1/operational?${RANGE}`,
    `${BASE}/${SCENARIO_IDS.regression}/metrics/${SCENARIO_IDS.regression}/health`,
  ];
  const bodies = async (sim: TestSimulator) => Promise.all(paths.map(async (p) => (await sim.get(p)).text()));

  it('gives byte-identical answers for the same seed and different ones for another seed', async () => {
    const same = await startTestSimulator({ seed: 42, defaultPageSize: 3, now: () => NOW });
    const other = await startTestSimulator({ seed: 7, defaultPageSize: 3, now: () => NOW });
    try {
      const [a, b, c] = await Promise.all([bodies(t), bodies(same), bodies(other)]);
      expect(b).toEqual(a);
      // Health, drift, operational and the list totals all change with the seed.
      for (const i of [1, 3, 4, 5, 6]) {
        expect(c[i]).not.toEqual(a[i]);
      }
    } finally {
      await Promise.all([same.close(), other.close()]);
    }
  });
});

describe('time awareness', () => {
  const health = async (start: string, end: string) =>
    (await getJson(
      `${BASE}/${SCENARIO_IDS.healthy}/metrics/${SCENARIO_IDS.healthy}/health?startDateTime=${encodeURIComponent(start)}&endDateTime=${encodeURIComponent(end)}`
    )) as RawHealthMetrics;

  it('partitions the range into bins (unequal widths) that sum to the total', async () => {
    const h = await health('2026-01-10T10:17:00Z', '2026-01-13T08:45:00Z');
    const bins = h.predictions!.bin!;
    expect(bins[0].xMin).toBe('2026-01-10T10:17:00Z');
    expect(bins[bins.length - 1].xMax).toBe('2026-01-13T08:45:00Z');
    bins.slice(1).forEach((b, i) => expect(b.xMin).toBe(bins[i].xMax));
    expect(bins.reduce((a, b) => a + Number(b.y), 0)).toBe(h.totalPredictions);
    const widths = new Set(bins.map((b) => parseRfc3339(b.xMax!)! - parseRfc3339(b.xMin!)!));
    expect(widths.size).toBeGreaterThan(1);
  });

  it('gives more bins and predictions for a longer range', async () => {
    const short = await health('2026-01-10T00:00:00Z', '2026-01-10T06:00:00Z');
    const long = await health('2026-01-10T00:00:00Z', '2026-01-12T00:00:00Z');
    expect(Number(long.totalPredictions)).toBeGreaterThan(4 * Number(short.totalPredictions));
    expect(short.predictions!.bin!.length).toBeGreaterThan(1);
  });

  it('defaults to the past hour ending now', async () => {
    const h = (await getJson(
      `${BASE}/${SCENARIO_IDS.healthy}/metrics/${SCENARIO_IDS.healthy}/health`
    )) as RawHealthMetrics;
    const bins = h.predictions!.bin!;
    expect(bins[0].xMin).toBe('2026-01-15T11:34:56Z');
    expect(bins[bins.length - 1].xMax).toBe('2026-01-15T12:34:56Z');
  });

  it('keeps the new deployment a few minutes old relative to the range end', async () => {
    const list = (await getJson(`${BASE}?pageSize=10&endDateTime=2026-03-01T10:00:30Z`)) as RawListMonitoredDeployments;
    const empty = list.deployment!.find((d) => d.id === SCENARIO_IDS.empty)!;
    expect(empty.deploymentDate).toBe('2026-03-01T09:53:00Z');
    const others = list.deployment!.filter((d) => d.id !== SCENARIO_IDS.empty);
    expect(others.every((d) => parseRfc3339(d.deploymentDate!)! < Date.UTC(2024, 0, 2))).toBe(true);
  });
});

describe('pagination and ordering', () => {
  it('follows nextPageToken through every deployment exactly once (server default page size 3)', async () => {
    const seen: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const body = (await getJson(
        `${BASE}?pageSize=0&pageToken=${encodeURIComponent(token)}`
      )) as RawListMonitoredDeployments;
      expect(body.deployment!.length).toBeLessThanOrEqual(3);
      expect(body.totalDeployments).toBe(String(SCENARIOS.length));
      seen.push(...body.deployment!.map((d) => d.id!));
      token = body.nextPageToken!;
      pages++;
    } while (token !== '' && pages < 10);
    expect(pages).toBe(Math.ceil(SCENARIOS.length / 3));
    expect(seen).toEqual(SCENARIOS.map((s) => s.id));
  });

  it('honours an explicit page size', async () => {
    const body = (await getJson(`${BASE}?pageSize=5`)) as RawListMonitoredDeployments;
    expect(body.deployment).toHaveLength(5);
    expect(body.nextPageToken).not.toBe('');
  });

  it('refuses a forged or foreign page token', async () => {
    const first = (await getJson(`${BASE}?orderBy=name`)) as RawListMonitoredDeployments;
    const err = rawGatewayErrorSchema.parse(
      await getJson(`${BASE}?orderBy=env&pageToken=${encodeURIComponent(first.nextPageToken!)}`, 400)
    );
    expect(err.code).toBe(3);
    expect((await getJson(`${BASE}?pageToken=garbage`, 400)) as object).toMatchObject({ code: 3 });
    expect((await getJson(`${BASE}?pageSize=-1`, 400)) as object).toMatchObject({ code: 3 });
  });

  it.each([
    ['name', (a: string[]) => [...a].sort()],
    ['name desc', (a: string[]) => [...a].sort().reverse()],
  ])('orders by %s', async (orderBy, expected) => {
    const body = (await getJson(
      `${BASE}?pageSize=50&orderBy=${encodeURIComponent(orderBy)}`
    )) as RawListMonitoredDeployments;
    const names = body.deployment!.map((d) => d.name!);
    expect(names).toEqual(expected(SCENARIOS.map((s) => s.name)));
  });

  it('orders by several fields', async () => {
    const body = (await getJson(
      `${BASE}?pageSize=50&orderBy=${encodeURIComponent('env, modelName desc')}`
    )) as RawListMonitoredDeployments;
    const rows = body.deployment!.map((d) => `${d.environment}/${d.models![0].registeredModelName}`);
    expect(rows).toEqual([
      'DEV/support-ticket-router',
      'DEV/house-price-rf',
      'PROD/loan-default-glm',
      'PROD/legacy-risk-score',
      'PROD/fraud-xgb',
      'PROD/credit-approval-gbm',
      'PROD/churn-predictor',
    ]);
  });

  it('orders models and pages them', async () => {
    const desc = (await getJson(
      `${BASE}/${SCENARIO_IDS.shadow}/models?orderBy=${encodeURIComponent('modelName desc')}`
    )) as {
      model: Array<{ registeredModelName: string }>;
    };
    expect(desc.model.map((m) => m.registeredModelName)).toEqual(['loan-default-glm', 'loan-default-dnn']);
    const page = (await getJson(`${BASE}/${SCENARIO_IDS.split}/models?pageSize=1`)) as {
      model: unknown[];
      nextPageToken: string;
    };
    expect(page.model).toHaveLength(1);
    const rest = (await getJson(`${BASE}/${SCENARIO_IDS.split}/models?pageSize=1&pageToken=${page.nextPageToken}`)) as {
      model: Array<{ registeredModelVersion: string }>;
      nextPageToken: string;
    };
    expect(rest.model.map((m) => m.registeredModelVersion)).toEqual(['6']);
    expect(rest.nextPageToken).toBe('');
    expect(await getJson(`${BASE}/${SCENARIO_IDS.split}/models?orderBy=name`, 400)).toMatchObject({ code: 3 });
  });

  it('rejects an unknown orderBy field', async () => {
    const err = rawGatewayErrorSchema.parse(await getJson(`${BASE}?orderBy=${encodeURIComponent('owner desc')}`, 400));
    expect(err).toEqual({ code: 3, message: expect.stringContaining('orderBy'), details: [] });
  });
});

describe('modelId', () => {
  const health = (dep: string, model: string, status = 200) =>
    getJson(`${BASE}/${dep}/metrics/${model}/health?${RANGE}`, status) as Promise<RawHealthMetrics>;

  it('treats the deployment id as the primary model', async () => {
    const byDeployment = await health(SCENARIO_IDS.shadow, SCENARIO_IDS.shadow);
    const byKey = await health(SCENARIO_IDS.shadow, encodeURIComponent('loan-default-glm:2'));
    expect(byDeployment).toEqual(byKey);
  });

  it('selects the challenger or the B version by name:version, raw or encoded', async () => {
    const champion = await health(SCENARIO_IDS.shadow, 'loan-default-glm:2');
    const challenger = await health(SCENARIO_IDS.shadow, 'loan-default-dnn:1');
    expect(challenger.scoringLatency).not.toBe(champion.scoringLatency);
    const a = await health(SCENARIO_IDS.split, 'churn-predictor%3A5');
    const b = await health(SCENARIO_IDS.split, 'churn-predictor%3A6');
    expect(Number(a.totalPredictions)).toBeGreaterThan(2 * Number(b.totalPredictions));
  });

  it.each([
    ['an unknown version', `${SCENARIO_IDS.split}`, 'churn-predictor:7'],
    ['a name without version', `${SCENARIO_IDS.split}`, 'churn-predictor'],
    ['another deployment id', `${SCENARIO_IDS.split}`, SCENARIO_IDS.healthy],
  ])('answers 404 NOT_FOUND for %s', async (_, dep, model) => {
    const err = rawGatewayErrorSchema.parse(await health(dep, encodeURIComponent(model), 404));
    expect(err.code).toBe(5);
    expect(err.message).toContain('not found in deployment');
  });
});

describe('errors', () => {
  it('answers 404 with a grpc body for an unknown deployment and unknown paths', async () => {
    expect(await getJson(`${BASE}/00000000-0000-4000-8000-000000000000`, 404)).toEqual({
      code: 5,
      message: 'deployment "00000000-0000-4000-8000-000000000000" not found',
      details: [],
    });
    expect(await getJson('/model-monitoring/v2/deployment', 404)).toMatchObject({ code: 5 });
    expect(
      await getJson(`${BASE}/${SCENARIO_IDS.healthy}/metrics/${SCENARIO_IDS.healthy}/accuracy`, 404)
    ).toMatchObject({ code: 5 });
    expect(await getJson('/nope', 404)).toMatchObject({ code: 5 });
  });

  it.each([
    ['a naive date-time', 'startDateTime=2026-01-10T10:00:00'],
    ['a non-date', 'endDateTime=yesterday'],
    ['start after end', 'startDateTime=2026-01-10T10:00:00Z&endDateTime=2026-01-10T09:00:00Z'],
    ['an unknown drift feature', 'featureFrequencySelectedFeature=nope'],
  ])('answers 400 INVALID_ARGUMENT for %s', async (_, query) => {
    const err = rawGatewayErrorSchema.parse(
      await getJson(`${BASE}/${SCENARIO_IDS.drifting}/metrics/${SCENARIO_IDS.drifting}/drift?${query}`, 400)
    );
    expect(err.code).toBe(3);
    expect(err.details).toEqual([]);
  });

  it('answers 405 for other methods', async () => {
    const res = await fetch(`${t.sim.url}${BASE}`, { method: 'POST', headers: { authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(await res.json()).toEqual({ code: 12, message: 'Method Not Allowed', details: [] });
    const del = await fetch(`${t.sim.url}${BASE}/${SCENARIO_IDS.healthy}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(del.status).toBe(405);
  });

  it('serves /healthz without a token', async () => {
    const res = await fetch(`${t.sim.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'SERVING' });
  });
});

describe('content', () => {
  it('carries the markup feature name verbatim in the drifting deployment', async () => {
    const text = await (
      await t.get(`${BASE}/${SCENARIO_IDS.drifting}/metrics/${SCENARIO_IDS.drifting}/drift?${RANGE}`)
    ).text();
    // JSON.stringify leaves < and > alone, so the raw markup is on the wire.
    expect(text).toContain(JSON.stringify(MARKUP_FEATURE_NAME));
    const selected = rawDriftMetricsSchema.parse(
      await getJson(
        `${BASE}/${SCENARIO_IDS.drifting}/metrics/${SCENARIO_IDS.drifting}/drift?${RANGE}&featureFrequencySelectedFeature=${encodeURIComponent(MARKUP_FEATURE_NAME)}`
      )
    );
    expect(selected.featureFrequency!.featureDensity![0].featureName).toBe(MARKUP_FEATURE_NAME);
  });

  it('reports driftCalculated=false for the empty deployment', async () => {
    const d = rawDriftMetricsSchema.parse(
      await getJson(`${BASE}/${SCENARIO_IDS.empty}/metrics/${SCENARIO_IDS.empty}/drift`)
    );
    expect(d.featureSummary!.feature!.length).toBeGreaterThan(0);
    expect(d.featureSummary!.feature!.every((f) => f.driftCalculated === false)).toBe(true);
    expect(d.countFeatureDrift).toBe(0);
  });
});
