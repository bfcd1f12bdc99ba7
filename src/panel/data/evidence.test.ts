import { DEFAULT_OPTIONS, MetricId, type PanelOptions } from '../types';
import { healthFrame, labels, opSeriesFrame } from '../../test/panelFrames';
import { createTheme } from '@grafana/data';
import { collectModels } from './collect';
import { buildComparison } from './comparison';
import { buildDrift } from './drift';
import { Z_CRITICAL_95, significantAt95, twoProportionZ } from './evidence';
import { resolveRoles } from './roles';

const theme = createTheme();

function compare(frames: Parameters<typeof collectModels>[0], o: Partial<PanelOptions> = {}) {
  const options: PanelOptions = { ...DEFAULT_OPTIONS, ...o };
  const roles = resolveRoles(collectModels(frames).models, options);
  return buildComparison(roles.data, roles.models, buildDrift(roles.data, roles.models, options), options, theme);
}
const champ = labels('glm', '2', 'champion');
const chall = labels('dnn', '1', 'challenger');
const rowOf = (c: ReturnType<typeof compare>, id: MetricId) => c.rows.find((r) => r.id === id)!;

/** Two models with the given failure and success counts over the range, and latencies. */
function pair(champion: [number, number], challenger: [number, number], latency: [number, number] = [5, 9]) {
  return [
    healthFrame(champ, null, latency[0]),
    healthFrame(chall, null, latency[1]),
    opSeriesFrame(champ, 'failedPrediction', [champion[0]]),
    opSeriesFrame(champ, 'successPrediction', [champion[1]]),
    opSeriesFrame(chall, 'failedPrediction', [challenger[0]]),
    opSeriesFrame(chall, 'successPrediction', [challenger[1]]),
  ];
}

describe('twoProportionZ', () => {
  it('matches a textbook value: 20/10000 against 58/9700 → z ≈ 4.45', () => {
    expect(twoProportionZ(20, 10_000, 58, 9_700)).toBeCloseTo(4.45, 2);
  });
  it('is 0 without variation and null without predictions', () => {
    expect(twoProportionZ(0, 100, 0, 200)).toBe(0);
    expect(twoProportionZ(1, 0, 1, 10)).toBeNull();
  });
  it('uses the two-sided 5 % critical value', () => {
    expect(Z_CRITICAL_95).toBeCloseTo(1.96, 2);
  });
});

describe('the verdict does not conclude from noise', () => {
  it('too few predictions on either side: rows say "not enough data" instead of better/worse', () => {
    const c = compare(pair([1, 49], [3, 47]));
    expect(rowOf(c, MetricId.Latency).deltas[1]).toMatchObject({ outcome: 'insufficient' });
    expect(rowOf(c, MetricId.Latency).deltas[1]!.text).toMatch(/not enough data$/);
    expect(rowOf(c, MetricId.FailureRate).deltas[1]!.outcome).toBe('insufficient');
    expect(c.verdicts[0]).toMatchObject({
      compared: 0,
      insufficient: 2,
      tone: 'none',
      text: 'not enough data to compare',
    });
  });

  it('the minimum is an option: at or above it the rows are judged', () => {
    const c = compare(pair([1, 49], [3, 47]), { minPredictions: 50 });
    expect(rowOf(c, MetricId.Latency).deltas[1]!.outcome).toBe('worse');
  });

  it('failure ratios are compared with a two-proportion test: a large but insignificant difference is "same"', () => {
    // 2/200 against 5/200: 150 % more failures, p ≈ 0.25.
    const c = compare(pair([2, 198], [5, 195]));
    expect(rowOf(c, MetricId.FailureRate).deltas[1]).toMatchObject({ outcome: 'same' });
    expect(rowOf(c, MetricId.FailureRate).deltas[1]!.text).toMatch(/not significant$/);
  });

  it('a significant difference is judged by the direction', () => {
    const worse = compare(pair([100, 9_900], [200, 9_800]));
    expect(rowOf(worse, MetricId.FailureRate).deltas[1]!.outcome).toBe('worse');
    const better = compare(pair([200, 9_800], [100, 9_900]));
    expect(rowOf(better, MetricId.FailureRate).deltas[1]!.outcome).toBe('better');
  });
});

describe('significantAt95', () => {
  it('is significant from the critical value on, on either side, and not just below it', () => {
    const below = Z_CRITICAL_95 - 1e-9;
    expect([Z_CRITICAL_95, -Z_CRITICAL_95, 3, -3].map(significantAt95)).toEqual([true, true, true, true]);
    expect([below, -below, 0].map(significantAt95)).toEqual([false, false, false]);
  });
});
