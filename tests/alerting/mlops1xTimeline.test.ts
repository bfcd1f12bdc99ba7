/**
 * The 1.x rules over the simulator's seeded week (1.x routes have no incident control; their
 * aggregates are a pure function of time, so evaluating a rule at earlier instants is what Grafana
 * saw then): the column whose missing values rise over each week goes normal → firing → normal
 * (the weekly reset), and drifting columns go normal → firing as the weekly drift wave peaks.
 * Infinity's REAL backend, the REAL SQL engine, threshold in the stand-in; expected sets from
 * src/shared/drift on the same aggregates.
 */
import { aggregatesPath } from '../../scripts/alerting/mlops1xQueries';
import { mlops1xRuleUid, type Mlops1xSignal } from '../../scripts/alerting/mlops1xRules';
import { MLOPS1X_DEMO_TARGETS, type Mlops1xTarget } from '../../scripts/alerting/mlops1xTargets';
import { DEPLOYMENTS } from '../../simulator/mlops1x/catalog';
import { expectedColumns } from './support/mlops1xExpected';
import { baselineFilter, listAll, startMlops1xStack, windowFilter, type Mlops1xStack } from './support/mlops1xStack';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
// The simulator's weekly cycles restart at multiples of a week since the epoch; take the last week
// that lies wholly in the past (and within the simulator's 14 days of retention).
const WEEK_START = Math.floor((Date.now() - WEEK - HOUR) / WEEK) * WEEK;

let stack: Mlops1xStack;
beforeAll(async () => {
  stack = await startMlops1xStack();
}, 15 * 60_000);
afterAll(() => stack?.close());

const ruleFor = (signal: Mlops1xSignal, t: Mlops1xTarget) =>
  stack.rules.find((r) => r.uid === mlops1xRuleUid(signal, t))!;

/** Columns (`experiment / column`) the rule fires for at `at`, checked against src/shared/drift. */
async function firingAt(
  signal: Mlops1xSignal,
  t: Mlops1xTarget,
  at: number,
  expectedFiring: (c: ReturnType<typeof expectedColumns>[number]) => boolean
) {
  const rule = ruleFor(signal, t);
  const now = new Date(at);
  const e = await stack.evaluate(rule, now);
  if (e.kind === 'error') {
    throw new Error(`${rule.uid} at ${now.toISOString()}: ${e.error}`);
  }
  const got = (e.kind === 'values' ? e.instances : [])
    .filter((i) => i.firing)
    .map((i) => `${i.labels.experiment} / ${i.labels.column}`);
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
  const expected = expectedColumns(baseline, window)
    .filter(expectedFiring)
    .map((c) => `${c.experiment} / ${c.column}`);
  expect(got.sort()).toEqual(expected.sort());
  return new Set(got.map((k) => k.split(' / ')[1]));
}

it('missing values rising: the rising column fires late in the week, not early, and resolves after the weekly reset', async () => {
  const d = DEPLOYMENTS.find((x) => x.columns.some((c) => c.risingMissingTo !== undefined))!;
  const column = d.columns.find((c) => c.risingMissingTo !== undefined)!.spec.name;
  const target = MLOPS1X_DEMO_TARGETS.find((t) => t.deploymentId === d.id)!;
  const rising = (c: ReturnType<typeof expectedColumns>[number]) => (c.missingIncrease ?? 0) > 0.05;
  const times = [WEEK_START + 12 * HOUR, WEEK_START + 6 * DAY + 12 * HOUR, WEEK_START + WEEK + 12 * HOUR].filter(
    (at) => at < Date.now() - HOUR
  );
  const states = [];
  for (const at of times) {
    states.push((await firingAt('missing-rising', target, at, rising)).has(column));
  }
  expect(states).toEqual([false, true, false].slice(0, times.length));
});

it('drift above threshold: a drifting column is normal at the weekly drift wave’s low and fires at its peak', async () => {
  // The wave is lowest three quarters into the week and highest one quarter in (simulator/mlops1x/aggregates.ts).
  const low = WEEK_START + (3 * WEEK) / 4 + 3 * HOUR;
  const peak = WEEK_START + WEEK / 4 + 3 * HOUR;
  const drifting = (c: ReturnType<typeof expectedColumns>[number]) => c.drift.status === 'drift';
  let normalToFiring = 0;
  for (const t of MLOPS1X_DEMO_TARGETS) {
    for (const signal of ['drift-tvd', 'drift-psi'] as const) {
      const atLow = await firingAt(signal, t, low, drifting);
      const atPeak = await firingAt(signal, t, peak, drifting);
      normalToFiring += [...atPeak].filter((c) => !atLow.has(c)).length;
    }
  }
  expect(normalToFiring).toBeGreaterThan(0);
});
