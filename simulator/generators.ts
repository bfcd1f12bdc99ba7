import type {
  RawBox,
  RawDriftMetrics,
  RawFeature,
  RawFeatureDrift,
  RawHealthMetrics,
  RawHistogram,
  RawOperationalSummary,
  RawPoint,
  RawSimpleGraph,
} from '../src/datasource/gateway/rawTypes';
import { effectsFor, incidentBoundaries, type Effect, type Incident } from './incidents';
import { apportion, indexedUnit, normalCdf, round, signedUnit, unit } from './prng';
import { deploymentDate, modelKey, type FeatureSpec, type ModelSpec, type ScenarioSpec } from './scenarios';
import { binEdges, DAY, formatRfc3339, HOUR, MINUTE, pointTimes } from './time';

/**
 * Metric generators: pure functions of (seed, scenario, model, time range). Traffic is a
 * deterministic rate (daily and weekly seasonality times seeded noise at knots keyed by absolute
 * time, linear in between), so a bin's count is the integral of that rate over the bin and
 * overlapping ranges agree.
 */

export interface TimeRange {
  start: number;
  end: number;
}

/** Everything a generator needs besides the scenario and model. */
export interface GenContext {
  seed: number;
  range: TimeRange;
  /** Incidents on the simulated timeline (see incidents.ts); none = every scenario as specified. */
  incidents?: readonly Incident[];
}

/** The incidents' effect on one model over time. */
const effectsOf = (ctx: GenContext, scenario: ScenarioSpec, model: ModelSpec): ((t: number) => Readonly<Effect>) =>
  effectsFor(ctx.incidents, scenario.id, modelKey(model));

/** Drift below this is "low"; the gateway's driftThreshold. */
export const DRIFT_THRESHOLD = 0.1;
/** Drift at or above this is "high". */
export const HIGH_DRIFT = 0.25;
/** Features below this importance are minor; the gateway's importanceThreshold. */
export const IMPORTANCE_THRESHOLD = 0.05;

const MAX_BINS = 24;
const MAX_OPERATIONAL_POINTS = 60;
const MAX_DRIFT_POINTS = 30;
const HISTOGRAM_BINS = 12;
const WEEK = 7 * DAY;

/** Spacing of the rate's knots; the rate is linear between knots, so integrals are exact trapezoids. */
const KNOT = 15 * MINUTE;

/**
 * The traffic and latency curves of one model: values at knots k (time k·KNOT since the Unix
 * epoch), predictions per hour and milliseconds.
 */
function curves(seed: number, scenario: ScenarioSpec, model: ModelSpec) {
  // Deployment-level noise is shared by all models, so a shadow challenger sees the same traffic.
  const shared = indexedUnit(seed, scenario.id, 'traffic');
  const own = indexedUnit(seed, scenario.id, model.registeredModelName, model.registeredModelVersion, 'traffic');
  const latencyNoise = indexedUnit(
    seed,
    scenario.id,
    model.registeredModelName,
    model.registeredModelVersion,
    'latency'
  );
  const base = scenario.trafficPerHour * model.trafficShare;
  const dailyWave = (k: number) => Math.sin((2 * Math.PI * (((k * KNOT) % DAY) / HOUR - 9)) / 24);
  return {
    rate(k: number): number {
      if (base <= 0) {
        return 0;
      }
      const dayOfWeek = (Math.floor((k * KNOT) / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
      const weekly = dayOfWeek === 0 || dayOfWeek === 6 ? 0.75 : 1;
      return base * (1 + 0.4 * dailyWave(k)) * weekly * (0.85 + 0.3 * shared(k)) * (0.98 + 0.04 * own(k));
    },
    /** Busier times of day are a little slower. */
    latency(k: number): number {
      return model.latencyMs * (1 + 0.2 * dailyWave(k)) * (0.9 + 0.2 * latencyNoise(k));
    },
  };
}

interface Integral {
  /** Expected predictions (not yet rounded). */
  count: number;
  /** Prediction-weighted latency sum; divide by count for the mean. */
  latencyWeight: number;
}

/** Integrates the rate over [a, b), clipped to the deployment's lifetime. */
function integrate(
  ctx: GenContext,
  scenario: ScenarioSpec,
  model: ModelSpec,
  deployedAt: number,
  a: number,
  b: number
): Integral {
  const from = Math.max(a, deployedAt);
  let count = 0;
  let latencyWeight = 0;
  if (b <= from || scenario.trafficPerHour <= 0) {
    return { count, latencyWeight };
  }
  const c = curves(ctx.seed, scenario, model);
  const effect = effectsOf(ctx, scenario, model);
  const cuts = incidentBoundaries(ctx.incidents, scenario.id, modelKey(model));
  let k = Math.floor(from / KNOT);
  let r0 = c.rate(k);
  let l0 = c.latency(k);
  for (; k * KNOT < b; k++) {
    const r1 = c.rate(k + 1);
    const l1 = c.latency(k + 1);
    const lo = Math.max(from, k * KNOT);
    const hi = Math.min(b, (k + 1) * KNOT);
    // Incidents switch on and off at their boundaries, so a knot interval is cut there and each
    // piece gets the effect in force over it.
    for (const [p, q] of pieces(lo, hi, cuts)) {
      // Linear between knots: the mean over [p, q] is the value at its midpoint.
      const f = ((p + q) / 2 - k * KNOT) / KNOT;
      const e = effect((p + q) / 2);
      const w = (((r0 + (r1 - r0) * f) * (q - p)) / HOUR) * e.traffic;
      count += w;
      latencyWeight += w * (l0 + (l1 - l0) * f) * e.latency;
    }
    r0 = r1;
    l0 = l1;
  }
  return { count, latencyWeight };
}

/** [lo, hi) split at the given sorted cut points (empty when hi <= lo). */
function pieces(lo: number, hi: number, cuts: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = lo;
  for (const cut of cuts) {
    if (cut > start && cut < hi) {
      out.push([start, cut]);
      start = cut;
    }
  }
  if (hi > start) {
    out.push([start, hi]);
  }
  return out;
}

const deployedAt = (ctx: GenContext, scenario: ScenarioSpec) => deploymentDate(ctx.seed, scenario, ctx.range.end);

const point = (xAxis: string, y: number | string): RawPoint => ({ xAxis, yAxis: String(y), value: '' });

const graph = (
  name: string,
  description: string,
  xLabel: string,
  yLabel: string,
  points: RawPoint[]
): RawSimpleGraph => ({
  name,
  description,
  xLabel,
  yLabel,
  point: points,
});

/** Total predictions a model scored in the range (0 when the deployment is not monitored). */
export function totalPredictions(ctx: GenContext, scenario: ScenarioSpec, model: ModelSpec): number {
  if (!scenario.monitoringEnabled) {
    return 0;
  }
  const edges = binEdges(ctx.range.start, ctx.range.end, MAX_BINS);
  const at = deployedAt(ctx, scenario);
  let total = 0;
  for (let i = 1; i < edges.length; i++) {
    total += Math.round(integrate(ctx, scenario, model, at, edges[i - 1], edges[i]).count);
  }
  return total;
}

/**
 * Health: predictions over time as a histogram whose bins partition the range (aligned steps with
 * partial ends), total = sum of bins, latency = prediction-weighted mean. No data → no bins.
 */
export function healthMetrics(ctx: GenContext, scenario: ScenarioSpec, model: ModelSpec): RawHealthMetrics {
  const { range } = ctx;
  const at = deployedAt(ctx, scenario);
  const edges = binEdges(range.start, range.end, MAX_BINS);
  const bins: Array<{ a: number; b: number; count: number }> = [];
  let total = 0;
  let latencyWeight = 0;
  let exact = 0;
  for (let i = 1; i < edges.length && scenario.monitoringEnabled; i++) {
    const part = integrate(ctx, scenario, model, at, edges[i - 1], edges[i]);
    const count = Math.round(part.count);
    bins.push({ a: edges[i - 1], b: edges[i], count });
    total += count;
    exact += part.count;
    latencyWeight += part.latencyWeight;
  }
  const hasData = total > 0;
  const predictions: RawHistogram = {
    name: 'Predictions Over Time',
    description: 'Number of predictions made by the model in each time interval.',
    xLabel: 'Time',
    yLabel: 'Predictions',
    bin: hasData ? bins.map((x) => ({ xMin: formatRfc3339(x.a), xMax: formatRfc3339(x.b), y: String(x.count) })) : [],
  };
  return {
    totalPredictions: total,
    scoringLatency: hasData ? round(latencyWeight / exact, 6) : 0,
    predictions,
    predictionValues:
      scenario.regression && scenario.monitoringEnabled ? predictionValues(ctx, scenario, model, bins) : null,
  };
}

/** Box plots of regression outputs per prediction bin (bins without predictions get no box). */
function predictionValues(
  ctx: GenContext,
  scenario: ScenarioSpec,
  model: ModelSpec,
  bins: Array<{ a: number; b: number; count: number }>
) {
  const { center, spread } = scenario.regression ?? { center: 0, spread: 0 };
  const label = `${model.registeredModelName}:${model.registeredModelVersion}`;
  const boxes: RawBox[] = bins
    .filter((x) => x.count > 0)
    .map((x) => {
      const mid = (x.a + x.b) / 2;
      const u = (k: string) => unit(ctx.seed, scenario.id, label, 'box', k, x.a, x.b);
      const median =
        center * (1 + 0.05 * Math.sin((2 * Math.PI * mid) / (30 * DAY))) + spread * 0.05 * (u('m') * 2 - 1);
      const iqr = spread * (0.9 + 0.2 * u('iqr'));
      const f = (v: number) => v.toFixed(2);
      return {
        x: formatRfc3339(x.a),
        xMin: formatRfc3339(x.a),
        xMax: formatRfc3339(x.b),
        y0: f(Math.max(0, median - iqr * (1.6 + 0.4 * u('lo')))),
        y1: f(median - iqr * 0.45),
        y2: f(median),
        y3: f(median + iqr * 0.55),
        y4: f(median + iqr * (2.4 + 0.8 * u('hi'))),
      };
    });
  return {
    name: 'Prediction Values',
    description: 'Distribution of predicted values in each time interval (min, quartiles, max).',
    xLabel: 'Time',
    yLabel: 'Predicted value',
    box: boxes,
  };
}

/**
 * Operational summary: graphs sampled at aligned times; each sample describes the step ending at
 * it (so a sample depends only on its time and step, not on where the range starts). Samples exist
 * only after deployment; latency samples only where predictions were scored.
 */
export function operationalSummary(ctx: GenContext, scenario: ScenarioSpec, model: ModelSpec): RawOperationalSummary {
  const { seed, range } = ctx;
  const label = `${model.registeredModelName}:${model.registeredModelVersion}`;
  const at = deployedAt(ctx, scenario);
  const { step, times } = pointTimes(range.start, range.end, MAX_OPERATIONAL_POINTS);
  const effect = effectsOf(ctx, scenario, model);
  const latency: RawPoint[] = [];
  const memory: RawPoint[] = [];
  const cpu: RawPoint[] = [];
  const availability: RawPoint[] = [];
  const success: RawPoint[] = [];
  const failed: RawPoint[] = [];
  let availabilitySum = 0;
  for (const t of scenario.monitoringEnabled ? times : []) {
    if (t < at) {
      continue;
    }
    const x = formatRfc3339(t);
    const u = (k: string) => unit(seed, scenario.id, label, 'ops', k, t, step);
    const part = integrate(ctx, scenario, model, at, t - step, t);
    const total = Math.round(part.count);
    const failureRate = effect(t).failureRate ?? model.failureRate;
    const failures = Math.min(total, Math.round(total * failureRate * (0.5 + u('fail'))));
    if (total > 0) {
      latency.push(point(x, round(part.latencyWeight / part.count, 3)));
    }
    const capacity = scenario.trafficPerHour * model.trafficShare * (step / HOUR) * 1.6;
    const utilisation = capacity > 0 ? Math.min(1, part.count / capacity) : 0;
    cpu.push(point(x, round(4 + 55 * utilisation + 3 * u('cpu'), 2)));
    memory.push(point(x, round(model.memoryMb * (1 + 0.06 * Math.sin((2 * Math.PI * t) / DAY)) + 25 * u('mem'), 1)));
    const dip = u('dip') < 0.04 ? 1.5 * u('dipDepth') : 0;
    const avail = round(100 - dip, 3);
    availabilitySum += avail;
    availability.push(point(x, avail));
    success.push(point(x, total - failures));
    failed.push(point(x, failures));
  }
  const health = healthMetrics(ctx, scenario, model);
  const timeLabel = 'Time';
  return {
    uptime: availability.length > 0 ? round(availabilitySum / availability.length, 3) : 0,
    avgScoringLatency: health.scoringLatency,
    scoringLatency: graph('Scoring Latency', 'Mean scoring latency per interval.', timeLabel, 'Milliseconds', latency),
    memoryUsage: graph('Memory Usage', 'Resident memory of the scorer.', timeLabel, 'MB', memory),
    cpuUsage: graph('CPU Usage', 'CPU utilisation of the scorer.', timeLabel, 'Percent', cpu),
    availability: graph('Availability', 'Share of health checks that passed.', timeLabel, 'Percent', availability),
    successPrediction: graph(
      'Successful Predictions',
      'Successful scoring requests per interval.',
      timeLabel,
      'Predictions',
      success
    ),
    failedPrediction: graph(
      'Failed Predictions',
      'Failed scoring requests per interval.',
      timeLabel,
      'Predictions',
      failed
    ),
  };
}

/** Drift of one feature at time t: baseline until onset, a one-week ramp, then the feature's level. */
function driftAt(
  ctx: GenContext,
  scenario: ScenarioSpec,
  model: ModelSpec,
  f: FeatureSpec,
  at: number,
  t: number
): number {
  const level = f.drift * model.driftFactor;
  const baseline = Math.min(level, 0.015);
  const onset = scenario.driftOnsetDays === undefined ? undefined : at + scenario.driftOnsetDays * DAY;
  const ramp = onset === undefined ? 1 : Math.min(1, Math.max(0, (t - onset) / WEEK));
  const phase = unit(ctx.seed, scenario.id, f.name, 'phase') * 2 * Math.PI;
  const wave = 1 + 0.12 * Math.sin((2 * Math.PI * t) / WEEK + phase);
  const noise =
    1 +
    0.15 *
      signedUnit(ctx.seed, scenario.id, model.registeredModelName, model.registeredModelVersion, f.name, 'drift', t);
  const incident = effectsOf(ctx, scenario, model)(t).drift;
  return Math.max(0, (baseline + (level - baseline) * ramp) * wave * noise * incident);
}

export interface DriftSelection {
  importanceFeature?: string;
  frequencyFeature?: string;
}

/**
 * Drift: one summary per feature (mean drift over the sampled points), drift-over-time points,
 * low/medium/high counts (count = all features whose drift was calculated), and the frequency
 * distribution of one selected feature whose counts add up to the non-missing predictions.
 * With no predictions in the range nothing can be calculated: driftCalculated=false, empty arrays.
 */
export function driftMetrics(
  ctx: GenContext,
  scenario: ScenarioSpec,
  model: ModelSpec,
  selection: DriftSelection
): RawDriftMetrics {
  const at = deployedAt(ctx, scenario);
  const features = scenario.monitoringEnabled ? [...scenario.features].sort((a, b) => b.importance - a.importance) : [];
  const n = features.length > 0 ? totalPredictions(ctx, scenario, model) : 0;
  const times = n > 0 ? pointTimes(ctx.range.start, ctx.range.end, MAX_DRIFT_POINTS).times.filter((t) => t >= at) : [];
  const calculated = n > 0 && times.length > 0;

  const rows = features.map((f) => {
    const values = calculated ? times.map((t) => driftAt(ctx, scenario, model, f, at, t)) : [];
    const drift = calculated ? round(values.reduce((a, b) => a + b, 0) / values.length, 4) : 0;
    const feature: RawFeature = {
      name: f.name,
      dataType: f.kind === 'numerical' ? 'NUMERICAL' : 'CATEGORICAL',
      drift,
      importance: calculated ? f.importance : 0,
      impact: calculated ? round(drift * f.importance, 4) : 0,
      missingValues: Math.round(n * f.missingRate),
      driftCalculated: calculated,
    };
    const driftPoints = values.map((v, i) => point(formatRfc3339(times[i]), v.toFixed(4)));
    const present = calculated ? n - Math.round(n * f.missingRate) : 0;
    return { spec: f, feature, drift, present, driftPoints };
  });

  const done = calculated ? rows : [];
  const high = done.filter((r) => r.drift >= HIGH_DRIFT).length;
  const medium = done.filter((r) => r.drift >= DRIFT_THRESHOLD && r.drift < HIGH_DRIFT).length;

  const importanceRows = selection.importanceFeature
    ? rows.filter((r) => r.spec.name === selection.importanceFeature)
    : rows;
  const featureDrift: RawFeatureDrift[] = importanceRows.map((r) => ({ drift: r.driftPoints, Feature: r.feature }));
  const frequencyRow = selection.frequencyFeature
    ? rows.find((r) => r.spec.name === selection.frequencyFeature)
    : rows[0];

  return {
    countFeatureDrift: done.length,
    highFeatureDrift: high,
    mediumFeatureDrift: medium,
    lowFeatureDrift: done.length - high - medium,
    featureImportance: {
      featureDrift,
      driftThreshold: DRIFT_THRESHOLD,
      importanceThreshold: IMPORTANCE_THRESHOLD,
      description: 'Drift of each feature over time, compared with the training baseline.',
    },
    featureSummary: { feature: rows.map((r) => r.feature), description: 'Drift, importance and impact per feature.' },
    featureFrequency: {
      description: 'Distribution of the selected feature in the scoring data.',
      featureDensity: frequencyRow ? [density(frequencyRow.spec, frequencyRow.drift, frequencyRow.present)] : [],
    },
  };
}

/** Frequency distribution of a feature; drift shifts it away from the baseline. */
function density(f: FeatureSpec, drift: number, present: number) {
  const shift = hashSign(f.name) * drift * 1.5;
  if (f.kind === 'categorical') {
    const categories = f.categories ?? [];
    const weights = categories.map(([name, w]) => w * Math.exp(hashSign(`${f.name}|${name}`) * drift * 4));
    const counts = apportion(present, weights);
    return {
      featureName: f.name,
      continuous: null,
      categorical: graph(
        f.name,
        `Frequency of each ${f.name} category.`,
        f.name,
        'Count',
        present > 0 ? categories.map(([name], i) => point(name, counts[i])) : []
      ),
    };
  }
  const mean = f.mean ?? 0;
  const sd = f.sd ?? 1;
  const lo = mean - 3 * sd;
  const width = (6 * sd) / HISTOGRAM_BINS;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => lo + i * width);
  // Edge bins absorb the tails, so every non-missing value lands in some bin.
  const probs = edges.slice(1).map((b, i) => {
    const zHi = i === HISTOGRAM_BINS - 1 ? Infinity : (b - mean) / sd - shift;
    const zLo = i === 0 ? -Infinity : (edges[i] - mean) / sd - shift;
    return normalCdf(zHi) - normalCdf(zLo);
  });
  const counts = apportion(present, probs);
  const fmt = (v: number) => v.toFixed(f.decimals ?? 2);
  return {
    featureName: f.name,
    continuous: {
      name: f.name,
      description: `Histogram of ${f.name}.`,
      xLabel: f.name,
      yLabel: 'Count',
      bin: present > 0 ? counts.map((y, i) => ({ xMin: fmt(edges[i]), xMax: fmt(edges[i + 1]), y: String(y) })) : [],
    },
    categorical: null,
  };
}

/** +1 or -1, fixed per name (not per seed), so a feature always drifts the same way. */
function hashSign(name: string): number {
  return unit(0, 'sign', name) < 0.5 ? -1 : 1;
}
