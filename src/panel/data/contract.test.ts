import { createTheme } from '@grafana/data';

import { modelsFrame } from '../../datasource/frames/deployments';
import { driftOverTimeFrames, driftSummaryFrame, featureDriftFrame } from '../../datasource/frames/drift';
import { healthSummaryFrame, predictionsOverTimeFrame } from '../../datasource/frames/health';
import { operationalSummaryFrame, operationalTimeSeriesFrames } from '../../datasource/frames/operational';
import type { Deployment, DriftMetrics, Model, OperationalSummary } from '../../datasource/parse/domain';
import { PredictionsUnit } from '../../datasource/types';
import type { FrameLabels } from '../../shared/frameSchema';
import { DEFAULT_OPTIONS, MetricId } from '../types';
import { T0 } from '../../test/panelFrames';
import { buildPanelView } from './panelModel';
import { OperationalMetric } from '../../shared/operationalMetrics';
import { ModelStatus } from '../../shared/modelStatus';

/**
 * Contract test: the panel reads the frames the data source really builds (not only this
 * panel's own factories), so a change on either side of `shared/frameSchema.ts` shows up here.
 */

const MIN = 60_000;
const graph = (points: Array<[number, number | null]>) => ({
  name: '',
  description: '',
  xLabel: '',
  yLabel: '',
  times: points.map(([time]) => time),
  values: points.map(([, value]) => value),
});

function operational(latency: number, failed: number, ok: number): OperationalSummary {
  return {
    uptime: 99.8,
    avgScoringLatencyMs: latency,
    graphs: {
      [OperationalMetric.ScoringLatency]: graph([[T0, latency]]),
      [OperationalMetric.MemoryUsage]: graph([[T0, 500]]),
      [OperationalMetric.CpuUsage]: graph([[T0, 20]]),
      [OperationalMetric.Availability]: graph([[T0, 99.8]]),
      [OperationalMetric.SuccessPrediction]: graph([
        [T0, ok],
        [T0 + MIN, ok],
      ]),
      [OperationalMetric.FailedPrediction]: graph([
        [T0, failed],
        [T0 + MIN, failed],
      ]),
    },
    notices: [],
  };
}

function drift(values: Array<[string, number, number]>): DriftMetrics {
  return {
    countFeatureDrift: values.length,
    highFeatureDrift: 0,
    mediumFeatureDrift: 1,
    lowFeatureDrift: values.length - 1,
    driftThreshold: 0.1,
    importanceThreshold: 0.05,
    features: values.map(([name, d, importance]) => ({
      name,
      dataType: 'NUMERICAL',
      driftCalculated: true,
      drift: d,
      importance,
      impact: d * importance,
      missingValues: 0,
    })),
    driftOverTime: values.map(([name, d, importance]) => ({
      feature: {
        name,
        dataType: 'NUMERICAL',
        driftCalculated: true,
        drift: d,
        importance,
        impact: 0,
        missingValues: 0,
      },
      times: [T0],
      values: [d],
    })),
    frequencies: [],
    notices: [],
  };
}

const models: Model[] = [
  { name: 'loan-glm', version: '2', driftStatus: 'HEALTHY', accuracy: 'HEALTHY', averageScoringRequests: 10 },
  { name: 'loan-dnn', version: '1', driftStatus: 'UNKNOWN', accuracy: 'AT_RISK', averageScoringRequests: 10 },
];
const deployment = { id: 'dep', name: 'loan', models } as unknown as Deployment;
const l = (model: Model, role?: string): FrameLabels => ({
  deployment_id: 'dep',
  deployment: 'loan',
  model: model.name,
  model_version: model.version,
  ...(role ? { role } : {}),
});

it('reads every frame kind the data source builds for a champion/challenger pair', () => {
  const champ = l(models[0]);
  const chall = l(models[1]);
  const histogram = {
    name: '',
    description: '',
    xLabel: '',
    yLabel: '',
    starts: [T0],
    ends: [T0 + 60 * MIN],
    counts: [100],
  };
  const frames = [
    modelsFrame(deployment, models, ['champion', 'challenger']),
    healthSummaryFrame({ totalPredictions: 1000, scoringLatencyMs: 5, notices: [] }, champ),
    healthSummaryFrame({ totalPredictions: 990, scoringLatencyMs: 8, notices: [] }, chall),
    operationalSummaryFrame(operational(5, 1, 499), champ),
    ...operationalTimeSeriesFrames(operational(5, 1, 499), [], champ),
    ...operationalTimeSeriesFrames(operational(8, 4, 491), [], chall),
    predictionsOverTimeFrame(histogram, champ, PredictionsUnit.CountPerBin),
    predictionsOverTimeFrame(histogram, chall, PredictionsUnit.RatePerMinute),
    driftSummaryFrame(drift([['a', 0.2, 0.3]]), champ),
    featureDriftFrame(
      drift([
        ['a', 0.05, 0.3],
        ['b', 0.2, 0.01],
      ]),
      champ
    ),
    featureDriftFrame(
      drift([
        ['a', 0.3, 0.3],
        ['b', 0.1, 0.01],
      ]),
      chall
    ),
    ...driftOverTimeFrames(drift([['c', 0.4, 0.2]]), chall),
  ];
  const view = buildPanelView({ series: frames }, DEFAULT_OPTIONS, createTheme());
  if (view.kind !== 'ready') {
    throw new Error(`expected a ready view, got ${view.kind}`);
  }
  const { comparison, drift: d, predictions } = view;
  expect(comparison.models.map((m) => [m.name, m.role])).toEqual([
    ['loan-glm v2', 'champion'],
    ['loan-dnn v1', 'challenger'],
  ]);
  const value = (id: MetricId) => comparison.rows.find((r) => r.id === id)!.cells.map((c) => c.value);
  expect(value(MetricId.Predictions)).toEqual([1000, 990]);
  expect(value(MetricId.Latency)).toEqual([5, 8]);
  expect(value(MetricId.FailureRate)).toEqual([2 / 1000, 8 / 990]);
  expect(value(MetricId.Availability)).toEqual([99.8, 99.8]);
  expect(value(MetricId.Accuracy)).toEqual([1, 2]);
  // The challenger's gateway drift status is UNKNOWN: derived from its features instead.
  expect(d.models.map((m) => [m.badge.status, m.badge.source])).toEqual([
    [ModelStatus.Healthy, 'gateway'],
    [ModelStatus.Failing, 'thresholds'],
  ]);
  expect(d.models[1].features.map((f) => f.name)).toEqual(['c', 'a', 'b']);
  expect(d.comparisons[0].rows.map((r) => r.name)).toEqual(['c', 'a', 'b']);
  expect(predictions?.series.map((s) => s.kind)).toEqual(['count', 'rate']);
});
