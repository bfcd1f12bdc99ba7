/** @jest-environment node */
import {
  DRIFT_THRESHOLD,
  driftMetrics,
  healthMetrics,
  HIGH_DRIFT,
  operationalSummary,
  totalPredictions,
  type GenContext,
} from './generators';
import { deploymentDate, findScenario, MARKUP_FEATURE_NAME, SCENARIO_IDS, type ScenarioKey } from './scenarios';
import { DAY, HOUR, parseRfc3339 } from './time';

const START = Date.UTC(2026, 0, 10, 10, 17, 23);
const ctx = (start: number, end: number, seed = 42): GenContext => ({ seed, range: { start, end } });
const scenario = (key: ScenarioKey) => findScenario(SCENARIO_IDS[key])!;
const time = (text: string | null | undefined) => parseRfc3339(text ?? '')!;

describe('health', () => {
  const s = scenario('healthy');
  const m = s.models[0];

  it.each([
    ['an hour', HOUR],
    ['a day', DAY],
    ['30 days', 30 * DAY],
  ])('bins partition %s and add up to totalPredictions', (_, length) => {
    const h = healthMetrics(ctx(START, START + length), s, m);
    const bins = h.predictions!.bin!;
    expect(bins.length).toBeGreaterThan(1);
    expect(time(bins[0].xMin)).toBe(START);
    expect(time(bins[bins.length - 1].xMax)).toBe(START + length);
    for (let i = 1; i < bins.length; i++) {
      expect(bins[i].xMin).toBe(bins[i - 1].xMax);
    }
    const sum = bins.reduce((a, b) => a + Number(b.y), 0);
    expect(sum).toBe(h.totalPredictions);
    expect(sum).toBeGreaterThan(0);
    expect(h.scoringLatency).toBeGreaterThan(m.latencyMs * 0.7);
    expect(h.scoringLatency).toBeLessThan(m.latencyMs * 1.3);
  });

  it('mixes bin widths when the range is not aligned', () => {
    const bins = healthMetrics(ctx(START, START + 7 * DAY), s, m).predictions!.bin!;
    const widths = new Set(bins.map((b) => time(b.xMax) - time(b.xMin)));
    expect(widths.size).toBeGreaterThan(1);
  });

  it('counts more predictions over a longer range, roughly in proportion', () => {
    const day = healthMetrics(ctx(START, START + DAY), s, m);
    const week = healthMetrics(ctx(START, START + 7 * DAY), s, m);
    expect(Number(week.totalPredictions)).toBeGreaterThan(5 * Number(day.totalPredictions));
    // ~1800/h with seasonality: a day is tens of thousands of predictions.
    expect(Number(day.totalPredictions)).toBeGreaterThan(24 * 1800 * 0.6);
    expect(Number(day.totalPredictions)).toBeLessThan(24 * 1800 * 1.4);
  });

  it('agrees across adjacent ranges (the rate is a function of absolute time)', () => {
    const whole = totalPredictions(ctx(START, START + 2 * DAY), s, m);
    const parts =
      totalPredictions(ctx(START, START + DAY), s, m) + totalPredictions(ctx(START + DAY, START + 2 * DAY), s, m);
    expect(Math.abs(whole - parts)).toBeLessThanOrEqual(50); // per-bin rounding only
  });

  it('has no predictions before the deployment date', () => {
    const deployed = deploymentDate(42, s, START);
    const h = healthMetrics(ctx(deployed - 2 * DAY, deployed - DAY), s, m);
    expect(h.totalPredictions).toBe(0);
    expect(h.predictions!.bin).toEqual([]);
  });

  it('is a pure function of seed and range', () => {
    const a = JSON.stringify(healthMetrics(ctx(START, START + DAY), s, m));
    expect(JSON.stringify(healthMetrics(ctx(START, START + DAY), s, m))).toBe(a);
    expect(JSON.stringify(healthMetrics(ctx(START, START + DAY, 7), s, m))).not.toBe(a);
  });

  it('gives box plots only for regression', () => {
    const r = scenario('regression');
    const h = healthMetrics(ctx(START, START + DAY), r, r.models[0]);
    const boxes = h.predictionValues!.box!;
    expect(boxes.length).toBe(h.predictions!.bin!.length);
    for (const b of boxes) {
      const ys = [b.y0, b.y1, b.y2, b.y3, b.y4].map(Number);
      expect([...ys].sort((x, y) => x - y)).toEqual(ys);
      expect(ys[2]).toBeGreaterThan(200000);
      expect(time(b.xMax)).toBeGreaterThan(time(b.xMin));
    }
    expect(healthMetrics(ctx(START, START + DAY), s, m).predictionValues).toBeNull();
  });

  it('shows the shadow challenger on (almost) the same traffic, slower', () => {
    const sh = scenario('shadow');
    const [champion, challenger] = sh.models.map((x) => healthMetrics(ctx(START, START + DAY), sh, x));
    const ratio = Number(challenger.totalPredictions) / Number(champion.totalPredictions);
    expect(ratio).toBeGreaterThan(0.93);
    expect(ratio).toBeLessThan(1);
    expect(Number(challenger.scoringLatency)).toBeGreaterThan(Number(champion.scoringLatency) * 1.5);
  });

  it('splits A/B traffic 70/30', () => {
    const sp = scenario('split');
    const [a, b] = sp.models.map((x) => Number(healthMetrics(ctx(START, START + DAY), sp, x).totalPredictions));
    expect(a / (a + b)).toBeGreaterThan(0.67);
    expect(a / (a + b)).toBeLessThan(0.73);
  });

  it('is empty for the new deployment and the unmonitored one', () => {
    for (const key of ['empty', 'disabled'] as const) {
      const x = scenario(key);
      const h = healthMetrics(ctx(START, START + DAY), x, x.models[0]);
      expect(h.totalPredictions).toBe(0);
      expect(h.scoringLatency).toBe(0);
      expect(h.predictions!.bin).toEqual([]);
    }
  });
});

describe('drift', () => {
  const range = ctx(START, START + DAY);

  it('reports several high drifts, including important features, for the drifting deployment', () => {
    const s = scenario('drifting');
    const d = driftMetrics(range, s, s.models[0], {});
    const features = d.featureSummary!.feature!;
    expect(features.map((f) => f.name)).toContain(MARKUP_FEATURE_NAME);
    expect(d.countFeatureDrift).toBe(features.length);
    expect(Number(d.highFeatureDrift) + Number(d.mediumFeatureDrift) + Number(d.lowFeatureDrift)).toBe(d.countFeatureDrift);
    expect(d.highFeatureDrift).toBeGreaterThanOrEqual(2);
    const high = features.filter((f) => Number(f.drift) >= HIGH_DRIFT);
    expect(high).toHaveLength(Number(d.highFeatureDrift));
    expect(high.some((f) => f.importance! >= d.featureImportance!.importanceThreshold!)).toBe(true);
    expect(d.featureImportance!.driftThreshold).toBe(DRIFT_THRESHOLD);
    for (const f of features) {
      expect(f.driftCalculated).toBe(true);
      expect(f.impact).toBeCloseTo(Number(f.drift) * Number(f.importance), 3);
    }
  });

  it('keeps the healthy deployment under the threshold', () => {
    const s = scenario('healthy');
    const d = driftMetrics(range, s, s.models[0], {});
    expect(d.highFeatureDrift).toBe(0);
    expect(d.mediumFeatureDrift).toBe(0);
    expect(d.lowFeatureDrift).toBe(s.features.length);
  });

  it('gives drift-over-time points as time and value strings', () => {
    const s = scenario('drifting');
    const d = driftMetrics(range, s, s.models[0], {});
    const items = d.featureImportance!.featureDrift!;
    expect(items).toHaveLength(s.features.length);
    for (const item of items) {
      expect(item.drift!.length).toBeGreaterThan(1);
      for (const p of item.drift!) {
        expect(time(p.xAxis)).toBeGreaterThanOrEqual(START);
        expect(Number(p.yAxis)).toBeGreaterThanOrEqual(0);
        expect(p.value).toBe('');
      }
      const mean = item.drift!.reduce((a, p) => a + Number(p.yAxis), 0) / item.drift!.length;
      expect(item.Feature!.drift).toBeCloseTo(mean, 3);
    }
  });

  it('selects the importance feature and the frequency feature', () => {
    const s = scenario('drifting');
    const d = driftMetrics(range, s, s.models[0], {
      importanceFeature: 'country',
      frequencyFeature: MARKUP_FEATURE_NAME,
    });
    expect(d.featureImportance!.featureDrift!.map((x) => x.Feature!.name)).toEqual(['country']);
    const [density] = d.featureFrequency!.featureDensity!;
    expect(density.featureName).toBe(MARKUP_FEATURE_NAME);
    expect(density.continuous).toBeNull();
    expect(density.categorical!.point!.map((p) => p.xAxis)).toEqual(['a', 'b', '<b>bold</b>']);
  });

  it('defaults the frequency feature to the most important one, a histogram adding up to non-missing rows', () => {
    const s = scenario('healthy');
    const d = driftMetrics(range, s, s.models[0], {});
    const n = totalPredictions(range, s, s.models[0]);
    const [density] = d.featureFrequency!.featureDensity!;
    expect(density.featureName).toBe('credit_score');
    const bins = density.continuous!.bin!;
    expect(bins.length).toBe(12);
    expect(bins.reduce((a, b) => a + Number(b.y), 0)).toBe(n);
    expect(Number(bins[0].xMax)).toBeGreaterThan(Number(bins[0].xMin));
    const income = driftMetrics(range, s, s.models[0], { frequencyFeature: 'annual_income' });
    const missing = d.featureSummary!.feature!.find((f) => f.name === 'annual_income')!.missingValues as number;
    expect(missing).toBeGreaterThan(0);
    const incomeBins = income.featureFrequency!.featureDensity![0].continuous!.bin!;
    expect(incomeBins.reduce((a, b) => a + Number(b.y), 0)).toBe(n - missing);
  });

  it('lets the shadow challenger drift more than the champion', () => {
    const s = scenario('shadow');
    const [champion, challenger] = s.models.map((m) => driftMetrics(range, s, m, {}));
    expect(Number(challenger.highFeatureDrift)).toBeGreaterThan(Number(champion.highFeatureDrift));
  });

  it('marks drift as not calculated for the new deployment', () => {
    const s = scenario('empty');
    const d = driftMetrics(ctx(START, START + HOUR), s, s.models[0], {});
    expect(d.countFeatureDrift).toBe(0);
    const features = d.featureSummary!.feature!;
    expect(features.length).toBe(s.features.length);
    expect(features.every((f) => f.driftCalculated === false && f.drift === 0)).toBe(true);
    expect(d.featureImportance!.featureDrift!.every((x) => x.drift!.length === 0)).toBe(true);
    expect(d.featureFrequency!.featureDensity![0].continuous!.bin).toEqual([]);
  });

  it('has no features for the unmonitored deployment', () => {
    const s = scenario('disabled');
    const d = driftMetrics(range, s, s.models[0], {});
    expect(d.featureSummary!.feature).toEqual([]);
    expect(d.featureFrequency!.featureDensity).toEqual([]);
  });
});

describe('operational', () => {
  it('samples every graph at a regular step with numbers in yAxis', () => {
    const s = scenario('healthy');
    const o = operationalSummary(ctx(START, START + 6 * HOUR), s, s.models[0]);
    for (const g of [
      o.scoringLatency,
      o.memoryUsage,
      o.cpuUsage,
      o.availability,
      o.successPrediction,
      o.failedPrediction,
    ]) {
      const points = g!.point!;
      expect(points.length).toBeGreaterThan(10);
      const steps = new Set(points.slice(1).map((p, i) => time(p.xAxis) - time(points[i].xAxis)));
      expect(steps.size).toBe(1);
      for (const p of points) {
        expect(Number.isFinite(Number(p.yAxis))).toBe(true);
        expect(p.value).toBe('');
      }
    }
    expect(o.uptime!).toBeGreaterThan(99);
    expect(o.uptime!).toBeLessThanOrEqual(100);
    expect(o.avgScoringLatency).toBe(healthMetrics(ctx(START, START + 6 * HOUR), s, s.models[0]).scoringLatency);
    const failed = o.failedPrediction!.point!.reduce((a, p) => a + Number(p.yAxis), 0);
    const ok = o.successPrediction!.point!.reduce((a, p) => a + Number(p.yAxis), 0);
    expect(ok).toBeGreaterThan(100 * failed);
  });

  it('has no latency samples for the deployment without traffic', () => {
    const s = scenario('empty');
    const o = operationalSummary(ctx(START, START + HOUR), s, s.models[0]);
    expect(o.scoringLatency!.point).toEqual([]);
    expect(o.avgScoringLatency).toBe(0);
    // Deployed 7 minutes before the range end: only samples after that.
    expect(o.cpuUsage!.point!.length).toBeGreaterThan(0);
    expect(time(o.cpuUsage!.point![0].xAxis)).toBeGreaterThanOrEqual(START + HOUR - 8 * 60_000);
  });
});
