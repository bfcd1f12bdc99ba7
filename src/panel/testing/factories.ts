import {
  FieldType,
  LoadingState,
  ThresholdsMode,
  createDataFrame,
  dateTime,
  type DataFrame,
  type FieldConfig,
  type PanelData,
} from '@grafana/data';

import { FIELD, FRAME_SCHEMA_VERSION, FrameKind, type FrameLabels } from '../../shared/frameSchema';

/**
 * Small frame factories for tests, mirroring `shared/frameSchema.ts` (the contract test in
 * `data/contract.test.ts` checks them against the data source's real frame builders).
 * Every timestamp derives from {@link T0}.
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

function meta(kind: FrameKind, metric?: string) {
  return { custom: { kind, frameSchemaVersion: FRAME_SCHEMA_VERSION, ...(metric ? { metric } : {}) } };
}

function clean(l: FrameLabels): Record<string, string> {
  return Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

const times = (n: number, step = HOUR) => Array.from({ length: n }, (_, i) => T0 + i * step);

export function healthFrame(l: FrameLabels, total: number | null, latencyMs: number | null, refId = 'A'): DataFrame {
  return createDataFrame({
    refId,
    name: 'Health',
    meta: meta(FrameKind.HealthSummary),
    fields: [
      {
        name: FIELD.totalPredictions,
        type: FieldType.number,
        values: [total],
        labels: clean(l),
        config: { unit: 'short', decimals: 0 },
      },
      {
        name: FIELD.scoringLatencyMs,
        type: FieldType.number,
        values: [latencyMs],
        labels: clean(l),
        config: { unit: 'ms' },
      },
    ],
  });
}

export function operationalFrame(
  l: FrameLabels,
  uptime: number | null,
  latencyMs: number | null,
  refId = 'B'
): DataFrame {
  return createDataFrame({
    refId,
    name: 'Operational summary',
    meta: meta(FrameKind.OperationalSummary),
    fields: [
      { name: FIELD.uptime, type: FieldType.number, values: [uptime], labels: clean(l), config: {} },
      {
        name: FIELD.avgScoringLatencyMs,
        type: FieldType.number,
        values: [latencyMs],
        labels: clean(l),
        config: { unit: 'ms' },
      },
    ],
  });
}

export function opSeriesFrame(l: FrameLabels, metric: string, values: Array<number | null>, refId = 'C'): DataFrame {
  return createDataFrame({
    refId,
    name: `Operational ${metric}`,
    meta: meta(FrameKind.OperationalTimeSeries, metric),
    fields: [
      { name: FIELD.time, type: FieldType.time, values: times(values.length), config: {} },
      { name: FIELD.value, type: FieldType.number, values, labels: clean(l), config: {} },
    ],
  });
}

export function predictionsFrame(
  l: FrameLabels,
  counts: Array<number | null>,
  refId = 'D',
  perMinute = false
): DataFrame {
  return createDataFrame({
    refId,
    name: 'Predictions over time',
    meta: meta(FrameKind.PredictionsOverTime),
    fields: [
      { name: FIELD.time, type: FieldType.time, values: times(counts.length), config: {} },
      {
        name: perMinute ? FIELD.predictionsPerMinute : FIELD.predictions,
        type: FieldType.number,
        values: counts,
        labels: clean(l),
        config: { unit: perMinute ? 'suffix: /min' : 'short' },
      },
      { name: FIELD.binEnd, type: FieldType.time, values: times(counts.length).map((t) => t + HOUR), config: {} },
      { name: FIELD.binMinutes, type: FieldType.number, values: counts.map(() => 60), config: { unit: 'm' } },
    ],
  });
}

export interface SummaryInput {
  drifting?: number | null;
  high?: number | null;
  medium?: number | null;
  low?: number | null;
  driftThreshold?: number | null;
  importanceThreshold?: number | null;
}

export function driftSummaryFrame(l: FrameLabels, s: SummaryInput, refId = 'E'): DataFrame {
  const f = (name: string, value: number | null | undefined) => ({
    name,
    type: FieldType.number,
    values: [value ?? null],
    labels: clean(l),
    config: {},
  });
  return createDataFrame({
    refId,
    name: 'Drift summary',
    meta: meta(FrameKind.DriftSummary),
    fields: [
      f(FIELD.featuresDrifting, s.drifting),
      f(FIELD.highDrift, s.high),
      f(FIELD.mediumDrift, s.medium),
      f(FIELD.lowDrift, s.low),
      f(FIELD.driftThreshold, s.driftThreshold),
      f(FIELD.importanceThreshold, s.importanceThreshold),
    ],
  });
}

/** [name, drift, importance] per feature; drift null = not calculated. */
export type FeatureRow = [string, number | null, number | null];

export function featureDriftFrame(
  l: FrameLabels,
  rows: FeatureRow[],
  threshold: number | null = 0.1,
  refId = 'F'
): DataFrame {
  const driftConfig: FieldConfig = {};
  if (threshold !== null) {
    driftConfig.thresholds = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: threshold, color: 'red' },
      ],
    };
  }
  return createDataFrame({
    refId,
    name: 'Feature drift',
    meta: meta(FrameKind.FeatureDrift),
    fields: [
      { name: FIELD.feature, type: FieldType.string, values: rows.map((r) => r[0]), labels: clean(l), config: {} },
      {
        name: FIELD.drift,
        type: FieldType.number,
        values: rows.map((r) => r[1]),
        labels: clean(l),
        config: driftConfig,
      },
      { name: FIELD.importance, type: FieldType.number, values: rows.map((r) => r[2]), labels: clean(l), config: {} },
      {
        name: FIELD.impact,
        type: FieldType.number,
        values: rows.map((r) => (r[1] ?? 0) * (r[2] ?? 0)),
        labels: clean(l),
        config: {},
      },
      {
        name: FIELD.driftStatusDerived,
        type: FieldType.string,
        values: rows.map(() => null),
        labels: clean(l),
        config: {},
      },
    ],
  });
}

export interface ModelRow {
  model: string;
  version: string;
  role?: string;
  drift?: string;
  accuracy?: string;
}

export function modelsFrame(rows: ModelRow[], deploymentId = DEPLOYMENT_ID, refId = 'G'): DataFrame {
  const l = clean(labels('', '', undefined, deploymentId));
  return createDataFrame({
    refId,
    name: 'Models',
    meta: meta(FrameKind.Models),
    fields: [
      { name: FIELD.model, type: FieldType.string, values: rows.map((r) => r.model), labels: l, config: {} },
      { name: FIELD.modelVersion, type: FieldType.string, values: rows.map((r) => r.version), labels: l, config: {} },
      { name: FIELD.role, type: FieldType.string, values: rows.map((r) => r.role ?? ''), labels: l, config: {} },
      {
        name: FIELD.driftStatus,
        type: FieldType.string,
        values: rows.map((r) => r.drift ?? 'UNKNOWN'),
        labels: l,
        config: {},
      },
      {
        name: FIELD.accuracyStatus,
        type: FieldType.string,
        values: rows.map((r) => r.accuracy ?? 'UNKNOWN'),
        labels: l,
        config: {},
      },
      { name: FIELD.averageScoringRequests, type: FieldType.number, values: rows.map(() => 1), labels: l, config: {} },
    ],
  });
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
