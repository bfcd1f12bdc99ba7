import type {
  RawBox,
  RawDeployment,
  RawDriftMetrics,
  RawHealthMetrics,
  RawListMonitoredDeployments,
  RawOperationalSummary,
  RawPoint,
} from '../src/datasource/gateway/rawTypes';
import { SCENARIOS, deploymentView } from '../simulator/scenarios';
import { stream } from '../simulator/prng';
import { formatRfc3339 } from '../simulator/time';

/**
 * The benchmark's large gateway answers, generated deterministically (seeded with the simulator's
 * PRNG, times written by the simulator's formatter, deployments built by its deploymentView), at
 * the sizes issue #11 measured: health with 10,000 bins and 10,000 boxes, drift with 2,000
 * features × 100 points, a list of 1,000 deployments × 3 models. The simulator's own generators
 * cap their output (24 bins, 30 drift points) to stay realistic, so only the scale is ours.
 */

const SEED = 11;
const START = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;

export interface PayloadSizes {
  bins: number;
  features: number;
  pointsPerFeature: number;
  deployments: number;
  modelsPerDeployment: number;
}

export const ISSUE_SIZES: PayloadSizes = {
  bins: 10_000,
  features: 2_000,
  pointsPerFeature: 100,
  deployments: 1_000,
  modelsPerDeployment: 3,
};

/** A tiny answer of each kind (a few hundred bytes): a query on it costs only its fixed cost. */
export const TINY_SIZES: PayloadSizes = {
  bins: 10,
  features: 2,
  pointsPerFeature: 5,
  deployments: 2,
  modelsPerDeployment: 2,
};

const fixed = (value: number, digits: number) => value.toFixed(digits);

export function healthPayload(bins: number): RawHealthMetrics {
  const random = stream(SEED, 'health', bins);
  const bin = [];
  const box: RawBox[] = [];
  let total = 0;
  for (let i = 0; i < bins; i++) {
    const xMin = formatRfc3339(START + i * MINUTE);
    const xMax = formatRfc3339(START + (i + 1) * MINUTE);
    const count = Math.round(100 + 50 * random());
    total += count;
    bin.push({ xMin, xMax, y: String(count) });
    const median = 50 + 10 * random();
    box.push({
      x: xMin,
      xMin,
      xMax,
      y0: fixed(median - 20, 2),
      y1: fixed(median - 5, 2),
      y2: fixed(median, 2),
      y3: fixed(median + 5, 2),
      y4: fixed(median + 20, 2),
    });
  }
  return {
    totalPredictions: String(total),
    scoringLatency: 12.5,
    predictions: { name: 'Predictions Over Time', description: '', xLabel: 'Time', yLabel: 'Predictions', bin },
    predictionValues: { name: 'Prediction Values', description: '', xLabel: 'Time', yLabel: 'Value', box },
  };
}

const featureName = (i: number) => `feature_${String(i).padStart(4, '0')}`;

export function driftPayload(features: number, pointsPerFeature: number): RawDriftMetrics {
  const random = stream(SEED, 'drift', features, pointsPerFeature);
  const times = Array.from({ length: pointsPerFeature }, (_, k) => formatRfc3339(START + k * 15 * MINUTE));
  const summary = [];
  const featureDrift = [];
  let high = 0;
  let medium = 0;
  for (let i = 0; i < features; i++) {
    const level = 0.3 * random();
    const points: RawPoint[] = times.map((xAxis) => ({
      xAxis,
      yAxis: fixed(level * (0.8 + 0.4 * random()), 4),
      value: '',
    }));
    const feature = {
      name: featureName(i),
      dataType: i % 4 === 0 ? 'CATEGORICAL' : 'NUMERICAL',
      drift: Number(fixed(level, 4)),
      importance: Number(fixed(random(), 4)),
      impact: Number(fixed(level * random(), 4)),
      missingValues: String(Math.round(100 * random())),
      driftCalculated: true,
    };
    high += level >= 0.25 ? 1 : 0;
    medium += level >= 0.1 && level < 0.25 ? 1 : 0;
    summary.push(feature);
    featureDrift.push({ drift: points, Feature: feature });
  }
  const bins = Array.from({ length: 12 }, (_, k) => ({
    xMin: fixed(k * 0.5, 2),
    xMax: fixed((k + 1) * 0.5, 2),
    y: String(Math.round(1000 * random())),
  }));
  return {
    countFeatureDrift: features,
    highFeatureDrift: high,
    mediumFeatureDrift: medium,
    lowFeatureDrift: features - high - medium,
    featureImportance: { featureDrift, driftThreshold: 0.1, importanceThreshold: 0.05, description: '' },
    featureSummary: { feature: summary, description: '' },
    featureFrequency: {
      description: '',
      featureDensity: [
        { featureName: featureName(0), continuous: { name: featureName(0), xLabel: 'x', yLabel: 'Count', bin: bins } },
      ],
    },
  };
}

/** One operational summary with `points` samples in each of its six graphs. */
export function operationalPayload(points: number): RawOperationalSummary {
  const random = stream(SEED, 'operational', points);
  const graph = (name: string, scale: number) => ({
    name,
    description: '',
    xLabel: 'Time',
    yLabel: name,
    point: Array.from({ length: points }, (_, k) => ({
      xAxis: formatRfc3339(START + k * MINUTE),
      yAxis: fixed(scale * random(), 3),
      value: '',
    })),
  });
  return {
    uptime: 99.9,
    avgScoringLatency: 12.5,
    scoringLatency: graph('Scoring latency', 50),
    memoryUsage: graph('Memory usage', 2048),
    cpuUsage: graph('CPU usage', 100),
    availability: graph('Availability', 1),
    successPrediction: graph('Successful predictions', 500),
    failedPrediction: graph('Failed predictions', 5),
  };
}

/** `count` deployments, each a copy of the simulator's shadow scenario with `models` models. */
export function deploymentList(count: number, models: number): RawListMonitoredDeployments {
  const template = SCENARIOS.find((s) => s.models.length >= 2) ?? SCENARIOS[0];
  const deployment: RawDeployment[] = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`;
    const modelSpecs = Array.from({ length: models }, (_, k) => ({
      ...template.models[k % template.models.length],
      registeredModelName: `model-${i}-${k}`,
      registeredModelVersion: String(k + 1),
    }));
    deployment.push(deploymentView(SEED, { ...template, id, name: `deployment-${i}`, models: modelSpecs }, START));
  }
  return { deployment, totalDeployments: String(count), totalPredictions: '123456789', nextPageToken: '' };
}

/** The same deployment as GET /v1/deployment/{id} returns it. */
export function singleDeployment(list: RawListMonitoredDeployments, id: string): { deployment: RawDeployment } {
  const found = (list.deployment ?? []).find((d) => d.id === id);
  if (!found) {
    throw new Error(`bench: no deployment ${id}`);
  }
  return { deployment: found };
}
