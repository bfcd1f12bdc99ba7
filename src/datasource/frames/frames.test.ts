import { FieldType, type DataFrame } from '@grafana/data';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import drift from '../../../tests/fixtures/gateway/drift.json';
import healthExample from '../../../tests/fixtures/gateway/health-documented-example.json';
import healthRegression from '../../../tests/fixtures/gateway/health-regression.json';
import operational from '../../../tests/fixtures/gateway/operational.json';
import { FIELD, FrameKind, FRAME_SCHEMA_VERSION, type FrameLabels } from '../../shared/frameSchema';
import {
  parseDeploymentPage,
  parseDriftMetrics,
  parseHealthMetrics,
  parseOperationalSummary,
} from '../parse/parseResponses';
import { PredictionsUnit } from '../types';
import { seriesName } from './common';
import { deploymentsFrame, worstModelStatus } from './deployments';
import { driftOverTimeFrames, driftSummaryFrame, featureDriftFrame, featureFrequencyFrame } from './drift';
import { healthSummaryFrame, predictionValuesFrame, predictionsOverTimeFrame } from './health';
import { operationalSummaryFrame, operationalTimeSeriesFrames } from './operational';
import { OperationalMetric } from '../../shared/operationalMetrics';
import { FeatureStatus } from '../../shared/featureStatus';

const labels: FrameLabels = {
  deployment_id: 'd1',
  deployment: 'churn',
  model: 'churn-gbm',
  model_version: '7',
  role: 'champion',
};

const field = (frame: DataFrame, name: string) => {
  const found = frame.fields.find((f) => f.name === name);
  if (!found) {
    throw new Error(`no field ${name} in ${frame.fields.map((f) => f.name).join(', ')}`);
  }
  return found;
};

describe('frame schema', () => {
  it('marks every frame with its kind and the schema version, and labels value fields', () => {
    const frame = healthSummaryFrame(parseHealthMetrics(healthExample), labels);
    // Exactly these keys: a frame that is not an operational graph carries no `metric` key at all.
    expect(frame.meta?.custom).toStrictEqual({
      kind: FrameKind.HealthSummary,
      frameSchemaVersion: FRAME_SCHEMA_VERSION,
    });
    expect(field(frame, FIELD.totalPredictions).labels).toEqual(labels);
  });

  it('omits empty labels (role only when set)', () => {
    const frame = healthSummaryFrame(parseHealthMetrics(healthExample), {
      ...labels,
      role: undefined,
      model_version: '',
    });
    expect(field(frame, FIELD.totalPredictions).labels).toEqual({
      deployment_id: 'd1',
      deployment: 'churn',
      model: 'churn-gbm',
    });
  });

  it('names series "model vN (role)"', () => {
    expect(seriesName(labels)).toBe('churn-gbm v7 (champion)');
    expect(seriesName({ deployment_id: 'd1', deployment: 'churn', model: '', model_version: '' })).toBe('churn');
  });
});

describe('deploymentsFrame', () => {
  it('has one row per deployment with model count and worst status', () => {
    const frame = deploymentsFrame(parseDeploymentPage(deploymentsPage1).deployments);
    expect(frame.length).toBe(2);
    expect(field(frame, FIELD.modelCount).values).toEqual([1, 2]);
    expect(field(frame, FIELD.worstStatus).values).toEqual(['HEALTHY', 'FAILING']);
    expect(field(frame, FIELD.deploymentDate).type).toBe(FieldType.time);
    expect(field(frame, FIELD.monitoringEnabled).values).toEqual([true, null]);
  });

  it('ranks UNKNOWN below HEALTHY so unmeasured accuracy does not hide a status', () => {
    expect(
      worstModelStatus([
        { name: 'm', version: '1', driftStatus: 'HEALTHY', accuracy: 'UNKNOWN', averageScoringRequests: null },
      ])
    ).toBe('HEALTHY');
    expect(
      worstModelStatus([
        { name: 'm', version: '1', driftStatus: 'UNKNOWN', accuracy: 'UNKNOWN', averageScoringRequests: null },
      ])
    ).toBe('UNKNOWN');
    expect(worstModelStatus([])).toBe('');
  });
});

describe('health frames', () => {
  it('summary has totals with units (latency in ms)', () => {
    const frame = healthSummaryFrame(parseHealthMetrics(healthExample), labels);
    expect(field(frame, FIELD.totalPredictions).values).toEqual([17670]);
    expect(field(frame, FIELD.scoringLatencyMs).values).toEqual([1.756577830589034]);
    expect(field(frame, FIELD.scoringLatencyMs).config.unit).toBe('ms');
  });

  it('predictions over time keep each bin width', () => {
    const frame = predictionsOverTimeFrame(
      parseHealthMetrics(healthExample).predictions,
      labels,
      PredictionsUnit.CountPerBin
    );
    expect(field(frame, FIELD.time).values[0]).toBe(Date.UTC(2022, 6, 19, 7, 28, 40));
    expect(field(frame, FIELD.predictions).values).toEqual([0, 0, 0, 17670]);
    expect(field(frame, FIELD.binMinutes).values[0]).toBe(2 * 24 * 60);
    expect(field(frame, FIELD.binMinutes).values[1]).toBe(3 * 24 * 60);
    expect(field(frame, FIELD.binEnd).values[3]).toBe(Date.UTC(2022, 7, 18, 7, 28, 40));
  });

  it('per-minute rate divides each count by its own bin width', () => {
    const frame = predictionsOverTimeFrame(
      parseHealthMetrics(healthExample).predictions,
      labels,
      PredictionsUnit.RatePerMinute
    );
    const partialBinMinutes = 7 * 60 + 28 + 40 / 60;
    const rate = field(frame, FIELD.predictionsPerMinute).values[3] as number;
    expect(rate).toBeCloseTo(17670 / partialBinMinutes, 10);
    expect(field(frame, FIELD.predictionsPerMinute).config.unit).toBe('suffix: /min');
  });

  it('an empty histogram gives an empty series, not zeros', () => {
    const frame = predictionsOverTimeFrame(null, labels, PredictionsUnit.CountPerBin);
    expect(frame.length).toBe(0);
  });

  it('prediction values are min/q1/median/q3/max over time', () => {
    const frame = predictionValuesFrame(parseHealthMetrics(healthRegression).predictionValues, labels);
    expect(frame.fields.map((f) => f.name)).toEqual([
      FIELD.time,
      FIELD.min,
      FIELD.q1,
      FIELD.median,
      FIELD.q3,
      FIELD.max,
    ]);
    expect(field(frame, FIELD.median).values).toEqual([20, null]);
  });

  it('explains why a non-regression deployment has no prediction values', () => {
    const frame = predictionValuesFrame(null, labels);
    expect(frame.meta?.notices?.[0].text).toMatch(/regression/);
  });
});

describe('operational frames', () => {
  const summary = parseOperationalSummary(operational);

  it('summary has uptime and average latency', () => {
    const frame = operationalSummaryFrame(summary, labels);
    expect(field(frame, FIELD.uptime).values).toEqual([99.95]);
    expect(field(frame, FIELD.avgScoringLatencyMs).values).toEqual([12.5]);
  });

  it('one time series per metric, all metrics when none chosen', () => {
    const frames = operationalTimeSeriesFrames(summary, [], labels);
    expect(frames.map((f) => (f.meta?.custom as { metric: string }).metric)).toEqual(Object.values(OperationalMetric));
    const latency = frames[0];
    expect(field(latency, FIELD.value).values).toEqual([12, 13]);
    expect(field(latency, FIELD.value).config.unit).toBe('ms');
    // Absent graph: empty series, no fabricated points.
    expect(frames.find((f) => (f.meta?.custom as { metric: string }).metric === 'cpuUsage')!.length).toBe(0);
  });

  it('only the chosen metrics, in the chosen order', () => {
    const frames = operationalTimeSeriesFrames(
      summary,
      [OperationalMetric.FailedPrediction, OperationalMetric.MemoryUsage],
      labels
    );
    expect(frames.map((f) => (f.meta?.custom as { metric: string }).metric)).toEqual([
      'failedPrediction',
      'memoryUsage',
    ]);
  });
});

describe('drift frames', () => {
  const metrics = parseDriftMetrics(drift);

  it('summary has counts by category and thresholds', () => {
    const frame = driftSummaryFrame(metrics, labels);
    expect(field(frame, FIELD.featuresDrifting).values).toEqual([13]);
    expect(field(frame, FIELD.highDrift).values).toEqual([2]);
    expect(field(frame, FIELD.driftThreshold).values).toEqual([0.3]);
    expect(field(frame, FIELD.importanceThreshold).values).toEqual([0.5]);
    expect(frame.meta?.notices?.[0].text).toMatch(/not calculated yet for 1 of 4 features/);
    // Counts are whole numbers with a readable name; thresholds keep their decimals.
    expect(frame.fields.map((f) => f.config)).toEqual([
      { displayNameFromDS: 'Features drifting', decimals: 0 },
      { displayNameFromDS: 'High drift', decimals: 0 },
      { displayNameFromDS: 'Medium drift', decimals: 0 },
      { displayNameFromDS: 'Low drift', decimals: 0 },
      { displayNameFromDS: 'Drift threshold' },
      { displayNameFromDS: 'Importance threshold' },
    ]);
  });

  it('feature table derives status from both thresholds and leaves uncalculated drift empty', () => {
    const frame = featureDriftFrame(metrics, labels);
    expect(field(frame, FIELD.feature).values).toEqual([
      'income',
      'age',
      '<img src=x onerror=alert(1)>',
      'new_feature',
    ]);
    expect(field(frame, FIELD.drift).values).toEqual([0.35, 0.31, 0.05, null]);
    expect(field(frame, FIELD.driftStatusDerived).values).toEqual([
      FeatureStatus.DriftingImportant,
      FeatureStatus.Drifting,
      FeatureStatus.Stable,
      FeatureStatus.NotCalculated,
    ]);
    expect(field(frame, FIELD.drift).config.thresholds?.steps[1].value).toBe(0.3);
  });

  it('drift over time: one frame per feature, labelled with it', () => {
    const frames = driftOverTimeFrames(metrics, labels);
    expect(frames).toHaveLength(2);
    expect(field(frames[0], FIELD.drift).labels?.feature).toBe('income');
    expect(driftOverTimeFrames(metrics, labels, 'income')).toHaveLength(1);
  });

  it('drift over time: each frame has its own labels and meta; a feature without a name gets no feature label', () => {
    const unnamed = {
      ...metrics,
      driftOverTime: [{ ...metrics.driftOverTime[0], feature: { ...metrics.driftOverTime[0].feature, name: '' } }],
    };
    const [frame] = driftOverTimeFrames(unnamed, { ...labels, feature: 'stale' });
    expect(field(frame, FIELD.drift).labels).toEqual({
      deployment_id: 'd1',
      deployment: 'churn',
      model: 'churn-gbm',
      model_version: '7',
      role: 'champion',
    });
    expect(field(frame, FIELD.drift).config.displayNameFromDS).toBe(' – churn-gbm v7 (champion)');
    const [first, second] = driftOverTimeFrames(metrics, labels);
    expect(first.meta).toEqual(second.meta);
    expect(first.meta).not.toBe(second.meta);
    expect(first.meta?.custom).not.toBe(second.meta?.custom);
    expect(field(first, FIELD.drift).labels).not.toBe(field(second, FIELD.drift).labels);
  });

  it('continuous frequency is a histogram frame Grafana reads directly', () => {
    const frame = featureFrequencyFrame(metrics.frequencies[0], labels);
    expect(frame.fields.map((f) => f.name)).toEqual(['xMin', 'xMax', FIELD.count]);
    expect(frame.meta?.type).toBe('histogram');
    expect(field(frame, FIELD.count).values).toEqual([12, 30]);
  });

  it('categorical frequency is a category/count table', () => {
    const frame = featureFrequencyFrame(metrics.frequencies[1], labels);
    expect(field(frame, FIELD.category).values).toEqual(['retail', 'sme']);
    expect(field(frame, FIELD.count).labels?.feature).toBe('segment');
  });

  it('an empty frequency explains itself', () => {
    const frame = featureFrequencyFrame({ featureName: 'x', kind: 'empty' }, labels);
    expect(frame.length).toBe(0);
    expect(frame.meta?.notices?.[0].text).toMatch(/No frequency data for x/);
  });
});

describe('display names and columns users read', () => {
  it('prediction values: the q3 series is named "q3 – <series>" and carries the third quartiles', () => {
    const frame = predictionValuesFrame(parseHealthMetrics(healthRegression).predictionValues, labels);
    const q3 = field(frame, FIELD.q3);
    expect(q3.config.displayNameFromDS).toBe(`q3 – ${seriesName(labels)}`);
    expect(q3.values[0]).toBe(31.125);
  });

  it('feature table: the drift column is titled "Drift" and missing values are per feature', () => {
    const frame = featureDriftFrame(parseDriftMetrics(drift), labels);
    expect(field(frame, FIELD.drift).config.displayNameFromDS).toBe('Drift');
    expect(field(frame, FIELD.missingValues).values).toEqual([4, 0, 0, 0]);
  });
});
