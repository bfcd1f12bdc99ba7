/**
 * The provisioned H2O MLOps 1.x rules (provisioning/alerting/mlops1x-rules.yaml) against the
 * simulator's 1.x routes: their Infinity queries through Infinity's REAL backend (the Go harness,
 * tokens from the real Keycloak), their SQL expressions on the REAL SQL engine Grafana embeds
 * (go-mysql-server, tests/alerting/sql-expression-harness), threshold in the expression STAND-IN.
 * Every value and firing set equals what the project's drift library (src/shared/drift) computes
 * from the same aggregates, read directly from the API.
 */
import { aggregatesPath } from '../../scripts/alerting/mlops1xQueries';
import {
  MLOPS1X_THRESHOLDS,
  mlops1xRuleUid,
  volumeStoppedRule,
  type Mlops1xSignal,
} from '../../scripts/alerting/mlops1xRules';
import { MLOPS1X_DEMO_TARGETS, type Mlops1xTarget } from '../../scripts/alerting/mlops1xTargets';
import { DEPLOYMENTS } from '../../simulator/mlops1x/catalog';
import { expectedColumns, expectedVolume } from './support/mlops1xExpected';
import { baselineFilter, listAll, startMlops1xStack, windowFilter, type Mlops1xStack } from './support/mlops1xStack';
import type { Evaluation, Instance } from './support/ruleRunner';

const HOUR = 3_600_000;
// A little in the past, so every segment of every window exists (segments are hourly).
const NOW = new Date(Math.floor(Date.now() / HOUR) * HOUR - 90 * 60_000);

let stack: Mlops1xStack;
beforeAll(async () => {
  stack = await startMlops1xStack();
}, 15 * 60_000);
afterAll(() => stack?.close());

const ruleFor = (signal: Mlops1xSignal, t: Mlops1xTarget) => {
  const rule = stack.rules.find((r) => r.uid === mlops1xRuleUid(signal, t));
  if (!rule) {
    throw new Error(`no provisioned ${signal} rule for ${t.deployment}`);
  }
  return rule;
};

/** Roles from the simulator's catalogue (champion first), independent of the rules' JSONata. */
const rolesOf = (t: Mlops1xTarget) =>
  Object.fromEntries(
    DEPLOYMENTS.find((d) => d.id === t.deploymentId)!.experiments.map((e, i) => [
      e.id,
      i === 0 ? 'champion' : 'challenger',
    ])
  );

function instancesOf(e: Evaluation, rule: string): Instance[] {
  if (e.kind === 'error') {
    throw new Error(`${rule}: ${e.error}`);
  }
  return e.kind === 'values' ? e.instances : [];
}

const key = (experiment: string, column: string) => `${experiment} / ${column}`;

/** The API's baseline and window aggregates exactly as the rule's queries select them at `now`. */
async function aggregatesFor(signal: Mlops1xSignal, t: Mlops1xTarget, now: Date) {
  const rule = ruleFor(signal, t);
  const baseline = await listAll(
    stack.info,
    aggregatesPath(t, 'baselineAggregates'),
    baselineFilter(rule),
    'baselineAggregates'
  );
  const window = await listAll(
    stack.info,
    aggregatesPath(t, 'aggregates'),
    { filter: windowFilter(rule, now) },
    'aggregates'
  );
  return { rule, baseline, window };
}

async function checkDrift(signal: 'drift-tvd' | 'drift-psi', t: Mlops1xTarget, now: Date) {
  const { rule, baseline, window } = await aggregatesFor(signal, t, now);
  const method = signal === 'drift-tvd' ? 'tvd' : 'psi';
  const critical = method === 'tvd' ? MLOPS1X_THRESHOLDS.tvdCritical : MLOPS1X_THRESHOLDS.psiCritical;
  const expected = expectedColumns(baseline, window).filter((c) => c.drift.method === method && c.drift.value !== null);
  const instances = instancesOf(await stack.evaluate(rule, now), rule.uid);
  const got = Object.fromEntries(instances.map((i) => [key(i.labels.experiment, i.labels.column), i]));
  expect(Object.keys(got).sort()).toEqual(expected.map((c) => key(c.experiment, c.column)).sort());
  const roles = rolesOf(t);
  for (const c of expected) {
    const i = got[key(c.experiment, c.column)];
    expect(i.labels.role).toBe(roles[c.experiment]);
    expect(i.values.D).toBeCloseTo(c.drift.value!, 9);
    // The data source's status "drift" (above critical) is exactly the firing set.
    expect({ column: c.column, firing: i.firing }).toEqual({ column: c.column, firing: c.drift.status === 'drift' });
    expect(i.firing).toBe(c.drift.value! > critical);
  }
  return expected;
}

describe.each(MLOPS1X_DEMO_TARGETS.map((t) => [t.deployment, t] as const))('%s', (_name, t) => {
  it('drift (TVD on numerical columns and text lengths, PSI on categorical ones) equals src/shared/drift, and fires above the critical threshold', async () => {
    const tvd = await checkDrift('drift-tvd', t, NOW);
    const psi = await checkDrift('drift-psi', t, NOW);
    // Every experiment of the deployment is covered, input and output columns alike.
    expect(new Set([...tvd, ...psi].map((c) => c.experiment))).toEqual(new Set(Object.keys(rolesOf(t))));
    expect([...tvd, ...psi].some((c) => c.column === 'prediction')).toBe(true);
  });

  it('missing-value rate and its increase over the baseline equal src/shared/drift; fires above +5 points', async () => {
    const { rule, baseline, window } = await aggregatesFor('missing-rising', t, NOW);
    const expected = expectedColumns(baseline, window).filter((c) => c.missingIncrease !== null);
    const instances = instancesOf(await stack.evaluate(rule, NOW), rule.uid);
    expect(instances.map((i) => key(i.labels.experiment, i.labels.column)).sort()).toEqual(
      expected.map((c) => key(c.experiment, c.column)).sort()
    );
    for (const c of expected) {
      const i = instances.find((x) => x.labels.experiment === c.experiment && x.labels.column === c.column)!;
      expect(i.values.R).toBeCloseTo(c.missingRate!, 12);
      expect(i.values.I).toBeCloseTo(c.missingIncrease!, 12);
      expect(i.firing).toBe(c.missingIncrease! > MLOPS1X_THRESHOLDS.missingIncrease);
    }
  });

  it('scoring volume: one instance per experiment with the rows of the window, not firing while traffic flows', async () => {
    const rule = ruleFor('volume-stopped', t);
    const window = await listAll(
      stack.info,
      aggregatesPath(t, 'aggregates'),
      { filter: windowFilter(rule, NOW) },
      'aggregates'
    );
    const roles = rolesOf(t);
    const expected = expectedVolume(window, Object.keys(roles));
    const instances = instancesOf(await stack.evaluate(rule, NOW), rule.uid);
    expect(Object.fromEntries(instances.map((i) => [i.labels.experiment, i.values.V]))).toEqual(expected);
    expect(Object.fromEntries(instances.map((i) => [i.labels.experiment, i.labels.role]))).toEqual(roles);
    expect(Object.values(expected).every((rows) => rows > 0)).toBe(true);
    expect(instances.filter((i) => i.firing)).toEqual([]);
  });
});

it('scoring volume stopped: a deployment whose experiments score nothing fires for each experiment', async () => {
  // The catalogue's monitoring-disabled deployment has no scoring aggregates at all.
  const d = DEPLOYMENTS.find((x) => !x.scenario.monitoringEnabled)!;
  const target = { workspaceId: d.workspaceId, deploymentId: d.id, deployment: d.scenario.name };
  const instances = instancesOf(await stack.evaluate(volumeStoppedRule(target), NOW), 'volume');
  expect(instances.map((i) => [i.labels.experiment, i.values.V, i.firing])).toEqual(
    d.experiments.map((e) => [e.id, 0, true])
  );
});
