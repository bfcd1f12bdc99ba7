/**
 * Every provisioned alert rule, evaluated through Infinity's REAL backend (both provisioned auth
 * variants, tokens from the real Keycloak) against the simulator, with the expression engine STOOD
 * IN (Grafana's server cannot run here). For each rule: the query frames have the shape Grafana
 * needs (one number column, unique label sets), the values equal what the gateway says when asked
 * directly, and the firing instances are exactly the ones the data source's own rules call failing
 * (feature status, statuses) — so alerts and dashboards agree.
 */
import { FieldType } from '@grafana/data';

import { ALERTING_DS_UID } from '../../scripts/alerting/infinity';
import { NO_MODEL_MONITOR, STATUS_LEVELS } from '../../scripts/alerting/fleetRules';
import { THRESHOLDS } from '../../scripts/alerting/targetRules';
import type { ProvisionedRule } from '../../scripts/alerting/model';
import type {
  RawDriftMetrics,
  RawHealthMetrics,
  RawListMonitoredDeployments,
  RawOperationalSummary,
} from '../../src/datasource/gateway/rawTypes';
import { parseDriftMetrics, STATUS_BY_NUMBER } from '../../src/datasource/parse/parseResponses';
import { FeatureStatus, featureStatus } from '../../src/shared/featureStatus';
import { SCENARIO_IDS, SCENARIOS } from '../../simulator/scenarios';
import { gatewayJson, simulator, startAlertingStack, windowQuery, type AlertingStack } from './support/alertingStack';
import { evaluateRule, provisionedRules, type Evaluation, type Instance } from './support/ruleRunner';

let stack: AlertingStack;
beforeAll(async () => {
  stack = await startAlertingStack();
  await simulator.reset(stack.info);
}, 15 * 60_000);
afterAll(() => stack?.close());

// A whole minute, a little in the past, so direct reads ask for exactly the same window.
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
const rules = provisionedRules().map((r) => r.rule);
const windowOf = (rule: ProvisionedRule) => rule.data.find((q) => q.refId === 'A')!.relativeTimeRange.from;
const pathOf = (rule: ProvisionedRule) => String(rule.data.find((q) => q.refId === 'A')!.model.url);
const sortByLabels = (xs: Array<Record<string, unknown>>) =>
  [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

function expectNumericTables(e: Evaluation): void {
  if (e.kind === 'error') {
    throw new Error(`query failed: ${e.error}`);
  }
  for (const [refId, frames] of Object.entries(e.frames)) {
    // An empty result (no rows) is "no data" to Grafana, whatever its fields.
    for (const frame of frames.filter((f) => f.length > 0)) {
      const numbers = frame.fields.filter((f) => f.type === FieldType.number);
      const others = frame.fields.filter((f) => f.type !== FieldType.number);
      expect({ refId, numbers: numbers.length }).toEqual({ refId, numbers: 1 });
      expect(others.every((f) => f.type === FieldType.string)).toBe(true);
    }
  }
}

const values = (e: Evaluation): Instance[] => (e.kind === 'values' ? e.instances : []);

/** What each rule kind should see, from the gateway's own answer to the same request. */
async function expectedFor(rule: ProvisionedRule): Promise<{
  instances: Array<{ labels: Record<string, string>; A: number; firing: boolean }>;
  nodata?: boolean;
}> {
  const q = windowQuery(NOW, windowOf(rule));
  const path = pathOf(rule);
  const one = (A: number, firing: boolean) => ({ instances: [{ labels: {}, A, firing }] });
  switch (rule.labels.signal) {
    case 'gateway':
      return one(SCENARIOS.length, false);
    case 'model_status': {
      const list = await gatewayJson<RawListMonitoredDeployments>(stack.info, `${path}?pageSize=1000&${q}`);
      const level = (s?: string | number | null) =>
        s === 'FAILING' || s === STATUS_BY_NUMBER.indexOf('FAILING')
          ? 2
          : s === 'AT_RISK' || s === STATUS_BY_NUMBER.indexOf('AT_RISK')
            ? 1
            : 0;
      const wanted = rule.uid.endsWith('failing') ? STATUS_LEVELS.FAILING : STATUS_LEVELS.AT_RISK;
      const instances = (list.deployment ?? [])
        .filter((d) => d.monitoringEnabled !== false)
        .flatMap((d) =>
          (d.models ?? []).flatMap((m) =>
            (['drift_status', 'accuracy'] as const).map((monitor) => {
              const A = level(monitor === 'drift_status' ? m.driftStatus : m.accuracy);
              const labels = {
                deployment: d.name!,
                deployment_id: d.id!,
                model: m.registeredModelName!,
                model_version: m.registeredModelVersion!,
                monitor,
              };
              return { labels, A, firing: A === wanted };
            })
          )
        );
      return { instances };
    }
    case 'no_predictions': {
      const health = await gatewayJson<RawHealthMetrics>(stack.info, `${path}?${q}`);
      return one(Number(health.totalPredictions), Number(health.totalPredictions) < 1);
    }
    case 'latency': {
      const health = await gatewayJson<RawHealthMetrics>(stack.info, `${path}?${q}`);
      const latency = Number(health.scoringLatency);
      return Number(health.totalPredictions) > 0
        ? one(latency, latency > THRESHOLDS.latencyMs)
        : { instances: [], nodata: true };
    }
    case 'failed_predictions': {
      const ops = await gatewayJson<RawOperationalSummary>(stack.info, `${path}?${q}`);
      const sum = (g: RawOperationalSummary['failedPrediction']) =>
        (g?.point ?? []).reduce((a, p) => a + Number(p.yAxis !== '' ? p.yAxis : p.value), 0);
      const failed = sum(ops.failedPrediction);
      const total = failed + sum(ops.successPrediction);
      return total > 0 ? one(failed / total, failed / total > THRESHOLDS.failedRatio) : { instances: [], nodata: true };
    }
    case 'drift': {
      const raw = await gatewayJson<RawDriftMetrics>(stack.info, `${path}?${q}`);
      if (rule.uid.startsWith('mlops-high-drift')) {
        return one(Number(raw.highFeatureDrift), Number(raw.highFeatureDrift) > 0);
      }
      const drift = parseDriftMetrics(raw);
      const important = drift.features.filter(
        (f) => f.driftCalculated && f.importance !== null && f.importance >= drift.importanceThreshold!
      );
      const instances = important.map((f) => ({
        labels: { feature: f.name },
        A: f.drift!,
        firing:
          featureStatus(f.drift, f.importance, {
            drift: drift.driftThreshold,
            importance: drift.importanceThreshold,
          }) === FeatureStatus.DriftingImportant,
      }));
      return instances.length > 0 ? { instances } : { instances: [], nodata: true };
    }
    default:
      throw new Error(`no expectation for signal ${rule.labels.signal} (${rule.uid})`);
  }
}

describe.each([
  ['service account (client credentials)', 'mlops-alerting'],
  ['refresh token (grant_type override)', 'mlops-alerting-refresh'],
])('every provisioned rule through Infinity, %s', (_name, uid) => {
  it.each(rules.map((r) => [r.title, r] as const))('%s', async (_title, rule) => {
    const e = await evaluateRule(stack.harness, rule, NOW, (ds) => (ds === ALERTING_DS_UID ? uid : ds));
    expectNumericTables(e);
    const expected = await expectedFor(rule);
    if (expected.nodata) {
      expect(e).toMatchObject({ kind: 'nodata', state: rule.noDataState });
      return;
    }
    expect(e.kind).toBe('values');
    const got = values(e).map((i) => ({ labels: i.labels, A: i.values.A, firing: i.firing }));
    const close = (xs: typeof got) => xs.map((x) => ({ ...x, A: Number(x.A?.toFixed(9)) }));
    expect(sortByLabels(close(got))).toEqual(sortByLabels(close(expected.instances)));
  });
});

describe('the demo scenarios fire what they are built to fire', () => {
  const firing = async (uidPrefix: string) => {
    const out: Array<Record<string, string>> = [];
    for (const rule of rules.filter((r) => r.uid.startsWith(uidPrefix))) {
      const e = await evaluateRule(stack.harness, rule, NOW);
      out.push(
        ...values(e)
          .filter((i) => i.firing)
          .map((i) => ({ ...rule.labels, ...i.labels }))
      );
      if (e.kind === 'nodata' && e.state === 'Alerting') {
        out.push(rule.labels);
      }
    }
    return out;
  };

  it('drift: the drifting deployment has high-drift and important drifting features; the healthy one none', async () => {
    const high = await firing('mlops-high-drift');
    const features = await firing('mlops-drifting-features');
    expect(high.map((l) => l.deployment)).toContain('fraud-detection-eu');
    expect(features.filter((l) => l.deployment === 'fraud-detection-eu').length).toBeGreaterThan(0);
    expect(features.every((l) => l.feature)).toBe(true);
    expect([...high, ...features].filter((l) => l.deployment === 'credit-card-approval')).toEqual([]);
  });

  it('status: FAILING and AT_RISK models fire their rule, HEALTHY ones none', async () => {
    const failing = await firing('mlops-model-status-failing');
    const atRisk = await firing('mlops-model-status-at-risk');
    expect(failing).toContainEqual(
      expect.objectContaining({ deployment: 'fraud-detection-eu', monitor: 'drift_status' })
    );
    expect(atRisk).toContainEqual(expect.objectContaining({ deployment: 'fraud-detection-eu', monitor: 'accuracy' }));
    expect([...failing, ...atRisk].filter((l) => l.deployment === 'credit-card-approval')).toEqual([]);
  });

  it('traffic: only the deployment without traffic has no predictions; nothing is slow or failing', async () => {
    const none = await firing('mlops-no-predictions');
    expect([...new Set(none.map((l) => l.deployment_id))]).toEqual([SCENARIO_IDS.empty]);
    expect(await firing('mlops-latency')).toEqual([]);
    expect(await firing('mlops-failed-predictions')).toEqual([]);
    expect(await firing('mlops-gateway-unreachable')).toEqual([]);
  });
});

it('the fleet status query follows nextPageToken: pages of 2 deployments give the same instances as one page', async () => {
  const rule = rules.find((r) => r.uid === 'mlops-model-status-failing')!;
  const paged = structuredClone(rule);
  const model = paged.data[0].model as { url_options: { params: Array<{ key: string; value: string }> } };
  model.url_options.params = model.url_options.params.map((p) => (p.key === 'pageSize' ? { ...p, value: '2' } : p));
  await simulator.reset(stack.info);
  const whole = values(await evaluateRule(stack.harness, rule, NOW));
  const pages = values(await evaluateRule(stack.harness, paged, NOW));
  // A page without a monitored model (here: the last, with only the unmonitored deployment) yields
  // one placeholder that never fires, so that Infinity can merge the pages.
  const placeholders = pages.filter((i) => i.labels.monitor === NO_MODEL_MONITOR);
  expect(placeholders.map((i) => [i.labels.deployment_id, i.firing])).toEqual([[SCENARIO_IDS.disabled, false]]);
  const real = pages.filter((i) => i.labels.monitor !== NO_MODEL_MONITOR);
  expect(sortByLabels(real.map((i) => ({ ...i.labels, firing: i.firing })))).toEqual(
    sortByLabels(whole.map((i) => ({ ...i.labels, firing: i.firing })))
  );
  expect(whole.some((i) => i.firing)).toBe(true);
  const stats = (await simulator.stats(stack.info)) as unknown as { requests: Record<string, number> };
  const listCalls = Object.keys(stats.requests).filter((k) => k.includes('pageSize=2'));
  expect(listCalls.length).toBe(Math.ceil(SCENARIOS.length / 2));
  expect(listCalls.filter((k) => k.includes('pageToken=')).length).toBe(Math.ceil(SCENARIOS.length / 2) - 1);
});
