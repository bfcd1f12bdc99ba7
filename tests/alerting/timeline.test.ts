/**
 * The same provisioned rule goes normal → firing → normal across evaluations while the simulator
 * plays an incident on its timeline (latency spike, predictions stop, failures, drift rises).
 * Queries run through Infinity's REAL backend with tokens from the real Keycloak; expressions in
 * the expression engine STAND-IN. Evaluation times are chosen around the incident window, the way
 * a rule evaluated every minute would see it.
 */
import { DEMO_TARGETS, type AlertTarget } from '../../scripts/alerting/targets';
import { targetRuleUid, type TargetSignal } from '../../scripts/alerting/targetRules';
import type { IncidentInput } from '../../simulator/incidents';
import { SCENARIO_IDS } from '../../simulator/scenarios';
import { simulator, startAlertingStack, type AlertingStack } from './support/alertingStack';
import { evaluateRule, provisionedRules, type Evaluation } from './support/ruleRunner';

const HOUR = 3_600_000;
const MINUTE = 60_000;
// Incidents start at a whole hour a week ago, away from the simulator's deployment dates.
const T = Math.floor((Date.now() - 7 * 24 * HOUR) / HOUR) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

let stack: AlertingStack;
beforeAll(async () => {
  stack = await startAlertingStack();
}, 15 * 60_000);
beforeEach(() => simulator.reset(stack.info));
afterAll(async () => {
  await simulator.reset(stack.info);
  await stack?.close();
});

const healthy = DEMO_TARGETS.find((t) => t.deploymentId === SCENARIO_IDS.healthy)!;
const challenger = DEMO_TARGETS.find((t) => t.deploymentId === SCENARIO_IDS.shadow && t.role === 'challenger')!;
const rules = provisionedRules().map((r) => r.rule);
const ruleFor = (signal: TargetSignal, target: AlertTarget) => {
  const rule = rules.find((r) => r.uid === targetRuleUid(signal, target));
  if (!rule) {
    throw new Error(`no provisioned ${signal} rule for ${target.deployment}`);
  }
  return rule;
};

/** Whether the rule fires at each time: any firing instance, or no data mapped to Alerting. */
async function firingAt(signal: TargetSignal, target: AlertTarget, times: number[], instance?: string) {
  const rule = ruleFor(signal, target);
  const out: boolean[] = [];
  for (const at of times) {
    const e: Evaluation = await evaluateRule(stack.harness, rule, new Date(at), (uid) => instance ?? uid);
    if (e.kind === 'error') {
      throw new Error(`${rule.uid} at ${iso(at)}: ${e.error}`);
    }
    out.push(e.kind === 'values' ? e.instances.some((i) => i.firing) : e.state === 'Alerting');
  }
  return out;
}

const incident = (target: AlertTarget, from: number, to: number, effect: Partial<IncidentInput>) =>
  simulator.addIncident(stack.info, {
    deploymentId: target.deploymentId,
    model: `${target.model}:${target.modelVersion}`,
    start: iso(from),
    end: iso(to),
    ...effect,
  });

it('latency spike: the latency rule fires only while scoring is slow', async () => {
  await incident(healthy, T, T + HOUR, { latencyFactor: 25 });
  expect(await firingAt('latency', healthy, [T - 30 * MINUTE, T + 30 * MINUTE, T + 2 * HOUR])).toEqual([
    false,
    true,
    false,
  ]);
});

it('predictions stop: the no-predictions rule fires once a whole window has none, and resolves when traffic returns', async () => {
  await incident(healthy, T, T + 2 * HOUR, { trafficFactor: 0 });
  expect(
    await firingAt(
      'no-predictions',
      healthy,
      [T - HOUR, T + 20 * MINUTE, T + HOUR, T + 3 * HOUR],
      'mlops-alerting-refresh'
    )
  ).toEqual([false, false, true, false]);
});

it('failures: the failed-prediction ratio rule fires for the challenger only, and only during the incident', async () => {
  await incident(challenger, T, T + HOUR, { failureRate: 0.4 });
  expect(await firingAt('failed-predictions', challenger, [T - HOUR, T + 30 * MINUTE, T + 2 * HOUR])).toEqual([
    false,
    true,
    false,
  ]);
  expect(await firingAt('failed-predictions', healthy, [T + 30 * MINUTE])).toEqual([false]);
});

it('drift rises: high-drift and important-feature rules fire over a day of drift and resolve a day later', async () => {
  await incident(healthy, T, T + 24 * HOUR, { driftFactor: 15 });
  const times = [T - HOUR, T + 24 * HOUR, T + 49 * HOUR];
  expect(await firingAt('high-drift', healthy, times)).toEqual([false, true, false]);
  expect(await firingAt('drifting-features', healthy, times)).toEqual([false, true, false]);
});
