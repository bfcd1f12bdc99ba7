import {
  FieldType,
  LoadingState,
  createDataFrame,
  dateTime,
  type DataFrame,
  type FieldConfig,
  type PanelData,
} from '@grafana/data';

import { modelsFrame as buildModelsFrame } from '../datasource/frames/deployments';
import {
  driftSummaryFrame as buildDriftSummaryFrame,
  featureDriftFrame as buildFeatureDriftFrame,
} from '../datasource/frames/drift';
import { healthSummaryFrame, predictionsOverTimeFrame } from '../datasource/frames/health';
import { operationalSummaryFrame, operationalTimeSeriesFrames } from '../datasource/frames/operational';
import type { Deployment, DriftMetrics, Feature, Model, OperationalSummary } from '../datasource/parse/domain';
import { PredictionsUnit } from '../datasource/types';
import type { FrameLabels } from '../shared/frameSchema';
import { OperationalMetric } from '../shared/operationalMetrics';

/**
 * Panel test data: frames of our data source made by its real frame builders (`datasource/frames/`)
 * from small inputs, frames of other data sources (Prometheus series and instant values), and
 * PanelData / PanelProps. Every timestamp derives from {@link T0}.
 */

export const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
export const HOUR = 3_600_000;
export const DEPLOYMENT_ID = 'dep-1';

export function labels(model: string, version: string, role?: string, deploymentId = DEPLOYMENT_ID): FrameLabels {
  const out: FrameLabels = {
    deployment_id: deploymentId,
    deployment: `deployment-${deploymentId}`,
    model,
    model_version: version,
  };
  if (role) {
    out.role = role;
  }
  return out;
}

function withRefId(frame: DataFrame, refId: string): DataFrame {
  frame.refId = refId;
  return frame;
}

const times = (n: number, step = HOUR) => Array.from({ length: n }, (_, i) => T0 + i * step);

const NO_LABELS = { name: '', description: '', xLabel: '', yLabel: '' };

export function healthFrame(l: FrameLabels, total: number | null, latencyMs: number | null, refId = 'A'): DataFrame {
  const health = {
    totalPredictions: total,
    scoringLatencyMs: latencyMs,
    predictions: null,
    predictionValues: null,
    notices: [],
  };
  return withRefId(healthSummaryFrame(health, l), refId);
}

function operationalSummary(uptime: number | null, latencyMs: number | null): OperationalSummary {
  const graphs = Object.fromEntries(
    Object.values(OperationalMetric).map((m) => [m, null])
  ) as OperationalSummary['graphs'];
  return { uptime, avgScoringLatencyMs: latencyMs, graphs, notices: [] };
}

export function operationalFrame(
  l: FrameLabels,
  uptime: number | null,
  latencyMs: number | null,
  refId = 'B'
): DataFrame {
  return withRefId(operationalSummaryFrame(operationalSummary(uptime, latencyMs), l), refId);
}

/** One operational graph over time (one point per hour from {@link T0}). */
export function opSeriesFrame(
  l: FrameLabels,
  metric: `${OperationalMetric}`,
  values: Array<number | null>,
  refId = 'C'
): DataFrame {
  const summary = operationalSummary(null, null);
  summary.graphs[metric as OperationalMetric] = { ...NO_LABELS, times: times(values.length), values };
  return withRefId(operationalTimeSeriesFrames(summary, [metric as OperationalMetric], l)[0], refId);
}

/** Hourly bins from {@link T0}; `perMinute` gives the values as per-minute rates instead of counts. */
export function predictionsFrame(
  l: FrameLabels,
  counts: Array<number | null>,
  refId = 'D',
  perMinute = false
): DataFrame {
  const starts = times(counts.length);
  const histogram = {
    ...NO_LABELS,
    starts,
    ends: starts.map((start) => start + HOUR),
    counts: counts.map((value) => (value === null ? null : perMinute ? value * 60 : value)),
  };
  const unit = perMinute ? PredictionsUnit.RatePerMinute : PredictionsUnit.CountPerBin;
  return withRefId(predictionsOverTimeFrame(histogram, l, unit), refId);
}

export interface SummaryInput {
  drifting?: number | null;
  high?: number | null;
  medium?: number | null;
  low?: number | null;
  driftThreshold?: number | null;
  importanceThreshold?: number | null;
}

function driftMetrics(s: SummaryInput, features: Feature[] = []): DriftMetrics {
  return {
    countFeatureDrift: s.drifting ?? null,
    highFeatureDrift: s.high ?? null,
    mediumFeatureDrift: s.medium ?? null,
    lowFeatureDrift: s.low ?? null,
    driftThreshold: s.driftThreshold ?? null,
    importanceThreshold: s.importanceThreshold ?? null,
    features,
    driftOverTime: [],
    frequencies: [],
    notices: [],
  };
}

export function driftSummaryFrame(l: FrameLabels, s: SummaryInput, refId = 'E'): DataFrame {
  return withRefId(buildDriftSummaryFrame(driftMetrics(s), l), refId);
}

/** [name, drift, importance] per feature; drift null = not calculated. */
export type FeatureRow = [string, number | null, number | null];

/** The feature-drift table; `threshold` becomes the drift field's threshold step, as the data source sets it. */
export function featureDriftFrame(
  l: FrameLabels,
  rows: FeatureRow[],
  threshold: number | null = 0.1,
  refId = 'F'
): DataFrame {
  const features: Feature[] = rows.map(([name, drift, importance]) => ({
    name,
    dataType: 'numeric',
    driftCalculated: drift !== null,
    drift,
    importance,
    impact: (drift ?? 0) * (importance ?? 0),
    missingValues: 0,
  }));
  return withRefId(buildFeatureDriftFrame(driftMetrics({ driftThreshold: threshold }, features), l), refId);
}

export interface ModelRow {
  model: string;
  version: string;
  role?: string;
  drift?: string;
  accuracy?: string;
}

export function modelsFrame(rows: ModelRow[], deploymentId = DEPLOYMENT_ID, refId = 'G'): DataFrame {
  const models: Model[] = rows.map((r) => ({
    name: r.model,
    version: r.version,
    driftStatus: r.drift ?? 'UNKNOWN',
    accuracy: r.accuracy ?? 'UNKNOWN',
    averageScoringRequests: 1,
  }));
  const deployment: Deployment = {
    id: deploymentId,
    name: labels('', '', undefined, deploymentId).deployment,
    description: '',
    mode: '',
    environment: '',
    type: 'shadowDeployment',
    problemType: '',
    models,
    deploymentDate: null,
    projectId: '',
    monitoringEnabled: true,
    storeScoringData: true,
  };
  return withRefId(
    buildModelsFrame(
      deployment,
      models,
      rows.map((r) => r.role ?? '')
    ),
    refId
  );
}

/** A Prometheus range-query series: Time + Value, labels including __name__. */
export function promSeries(
  name: string,
  l: Record<string, string>,
  values: Array<number | null>,
  refId = 'P',
  config: FieldConfig = {}
): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: times(values.length, 60_000), config: {} },
      { name: 'Value', type: FieldType.number, values, labels: { __name__: name, ...l }, config },
    ],
  });
}

/** A Prometheus instant-query result without __name__ (e.g. after a function), named by legend. */
export function promInstant(legend: string, l: Record<string, string>, value: number, refId = 'Q'): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [T0], config: {} },
      { name: 'Value', type: FieldType.number, values: [value], labels: l, config: { displayNameFromDS: legend } },
    ],
  });
}

/** A champion and a challenger with health, operational, drift and model-status frames. */
export function gatewayPair(): DataFrame[] {
  const champ = labels('loan-glm', '2', 'champion');
  const chall = labels('loan-dnn', '1', 'challenger');
  return [
    healthFrame(champ, 10_000, 6.1),
    healthFrame(chall, 9_700, 11.8),
    operationalFrame(champ, 99.9, 6.1),
    operationalFrame(chall, 99.5, 11.8),
    opSeriesFrame(champ, 'failedPrediction', [10, 10]),
    opSeriesFrame(champ, 'successPrediction', [4990, 4990]),
    opSeriesFrame(chall, 'failedPrediction', [30, 28]),
    opSeriesFrame(chall, 'successPrediction', [4820, 4822]),
    predictionsFrame(champ, [4000, 3000, 3000]),
    predictionsFrame(chall, [3900, 2900, 2900]),
    driftSummaryFrame(champ, {
      drifting: 5,
      high: 0,
      medium: 1,
      low: 4,
      driftThreshold: 0.1,
      importanceThreshold: 0.05,
    }),
    driftSummaryFrame(chall, {
      drifting: 5,
      high: 1,
      medium: 1,
      low: 3,
      driftThreshold: 0.1,
      importanceThreshold: 0.05,
    }),
    featureDriftFrame(champ, [
      ['debt_to_income', 0.06, 0.31],
      ['loan_amount', 0.07, 0.22],
      ['revolving_utilization', 0.17, 0.05],
      ['annual_income', 0.03, 0.11],
    ]),
    featureDriftFrame(chall, [
      ['debt_to_income', 0.12, 0.31],
      ['loan_amount', 0.07, 0.22],
      ['revolving_utilization', 0.27, 0.05],
      ['annual_income', 0.02, 0.11],
    ]),
    modelsFrame([
      { model: 'loan-glm', version: '2', role: 'champion', drift: 'HEALTHY', accuracy: 'HEALTHY' },
      { model: 'loan-dnn', version: '1', role: 'challenger', drift: 'AT_RISK', accuracy: 'HEALTHY' },
    ]),
  ];
}

/** `count` features for each of `models` models (model 0 is the champion). */
export function largeDataset(models: number, count: number): DataFrame[] {
  const frames: DataFrame[] = [];
  for (let m = 0; m < models; m++) {
    const l = labels(`model-${m}`, String(m + 1), m === 0 ? 'champion' : 'challenger');
    const rows: FeatureRow[] = Array.from({ length: count }, (_, i) => {
      const x = ((i * 7919 + m * 104729) % 1000) / 1000;
      return [
        `feature_${String(i).padStart(4, '0')}`,
        Number((x * 0.4).toFixed(4)),
        Number((((i * 31) % 97) / 300).toFixed(4)),
      ];
    });
    frames.push(
      healthFrame(l, 1000 * (m + 1), 5 + m),
      featureDriftFrame(l, rows),
      predictionsFrame(l, [10 + m, 20, 15, 30])
    );
  }
  return frames;
}

export function panelData(
  series: DataFrame[],
  state: LoadingState = LoadingState.Done,
  extra: Partial<PanelData> = {}
): PanelData {
  const from = dateTime(T0);
  const to = dateTime(T0 + 24 * HOUR);
  return { series, state, timeRange: { from, to, raw: { from, to } }, ...extra };
}

/** Props for rendering the panel in tests. */
export function panelProps<T>(
  options: T,
  data: PanelData,
  overrides: { width?: number; height?: number } = {}
): import('@grafana/data').PanelProps<T> {
  return {
    id: 1,
    data,
    timeRange: data.timeRange,
    timeZone: 'utc',
    options,
    transparent: false,
    width: overrides.width ?? 1200,
    height: overrides.height ?? 600,
    fieldConfig: { defaults: {}, overrides: [] },
    renderCounter: 0,
    title: 'Champion vs challenger',
    eventBus: {
      publish: jest.fn(),
      subscribe: jest.fn(),
      getStream: jest.fn(),
      removeAllListeners: jest.fn(),
      newScopedBus: jest.fn(),
    } as never,
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (s: string) => s,
    onChangeTimeRange: jest.fn(),
  };
}
