import {
  DataFrameType,
  FieldType,
  ThresholdsMode,
  createDataFrame,
  type DataFrame,
  type FieldConfig,
  type FieldDTO,
  type QueryResultMetaNotice,
} from '@grafana/data';

import {
  FIELD,
  FrameKind,
  FRAME_SCHEMA_VERSION,
  type FrameLabels,
  type MlopsFrameMeta,
} from '../../shared/frameSchema';
import type {
  BoxPlot,
  Deployment,
  DriftMetrics,
  Feature,
  FeatureFrequency,
  HealthMetrics,
  Model,
  OperationalSummary,
  TimeHistogram,
} from '../parse/domain';
import { PredictionsUnit } from '../types';
import { OperationalMetric, OPERATIONAL_METRICS } from '../../shared/operationalMetrics';
import { featureStatus } from '../../shared/featureStatus';
import { worstGatewayStatus } from '../../shared/modelStatus';

/**
 * Pure builders from domain objects to data frames following `shared/frameSchema.ts`.
 * Labels go on every value field; display names come from the data source (displayNameFromDS)
 * so tables get readable headers and legends read "model v3 (champion)" instead of a label dump.
 */

/**
 * The most severe status over the drift and accuracy statuses of all models (rank in
 * `shared/modelStatus.ts`). Empty string when there are no models.
 */
export function worstModelStatus(models: Model[]): string {
  return worstGatewayStatus(models.flatMap((model) => [model.driftStatus, model.accuracy]));
}

/** The legend/series name of one model: "name vN (role)". */
export function seriesName(labels: FrameLabels): string {
  const model = labels.model || labels.deployment || labels.deployment_id;
  const version = labels.model_version ? ` v${labels.model_version}` : '';
  const role = labels.role ? ` (${labels.role})` : '';
  return `${model}${version}${role}`;
}

function meta(
  kind: FrameKind,
  extra: { type?: DataFrameType; metric?: OperationalMetric; notices?: QueryResultMetaNotice[] } = {}
) {
  const custom: MlopsFrameMeta = { kind, frameSchemaVersion: FRAME_SCHEMA_VERSION };
  if (extra.metric) {
    custom.metric = extra.metric;
  }
  return {
    type: extra.type,
    custom,
    notices: extra.notices && extra.notices.length > 0 ? extra.notices : undefined,
  };
}

function labelsOf(labels: FrameLabels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (value !== undefined && value !== '') {
      out[key] = value;
    }
  }
  return out;
}

function valueField(
  name: string,
  type: FieldType,
  values: unknown[],
  labels: FrameLabels | undefined,
  config: FieldConfig = {}
): FieldDTO {
  return { name, type, values, labels: labels ? labelsOf(labels) : undefined, config };
}

function timeField(values: number[], config: FieldConfig = {}): FieldDTO {
  return { name: FIELD.time, type: FieldType.time, values, config };
}

function frameName(base: string, labels: FrameLabels): string {
  return `${base} – ${seriesName(labels)}`;
}

/** Table of deployments: one row each, with monitoring flags, model count and worst model status. */
export function deploymentsFrame(deployments: Deployment[]): DataFrame {
  const col = <T>(pick: (d: Deployment) => T) => deployments.map(pick);
  return createDataFrame({
    name: 'Deployments',
    meta: meta(FrameKind.Deployments),
    fields: [
      { name: FIELD.id, type: FieldType.string, values: col((d) => d.id), config: { displayNameFromDS: 'ID' } },
      { name: FIELD.name, type: FieldType.string, values: col((d) => d.name), config: { displayNameFromDS: 'Name' } },
      { name: FIELD.type, type: FieldType.string, values: col((d) => d.type), config: { displayNameFromDS: 'Type' } },
      { name: FIELD.mode, type: FieldType.string, values: col((d) => d.mode), config: { displayNameFromDS: 'Mode' } },
      {
        name: FIELD.environment,
        type: FieldType.string,
        values: col((d) => d.environment),
        config: { displayNameFromDS: 'Environment' },
      },
      {
        name: FIELD.problemType,
        type: FieldType.string,
        values: col((d) => d.problemType),
        config: { displayNameFromDS: 'Problem type' },
      },
      {
        name: FIELD.deploymentDate,
        type: FieldType.time,
        values: col((d) => d.deploymentDate),
        config: { displayNameFromDS: 'Deployed' },
      },
      {
        name: FIELD.monitoringEnabled,
        type: FieldType.boolean,
        values: col((d) => d.monitoringEnabled),
        config: { displayNameFromDS: 'Monitoring' },
      },
      {
        name: FIELD.storeScoringData,
        type: FieldType.boolean,
        values: col((d) => d.storeScoringData),
        config: { displayNameFromDS: 'Stores scoring data' },
      },
      {
        name: FIELD.modelCount,
        type: FieldType.number,
        values: col((d) => d.models.length),
        config: { displayNameFromDS: 'Models', decimals: 0 },
      },
      {
        name: FIELD.worstStatus,
        type: FieldType.string,
        values: col((d) => worstModelStatus(d.models)),
        config: { displayNameFromDS: 'Worst model status' },
      },
      {
        name: FIELD.description,
        type: FieldType.string,
        values: col((d) => d.description),
        config: { displayNameFromDS: 'Description' },
      },
      {
        name: FIELD.projectId,
        type: FieldType.string,
        values: col((d) => d.projectId),
        config: { displayNameFromDS: 'Project' },
      },
    ],
  });
}

/** Table of the models of one deployment, with the role each plays in a comparison. */
export function modelsFrame(deployment: Deployment, models: Model[], roles: string[]): DataFrame {
  const labels: FrameLabels = {
    deployment_id: deployment.id,
    deployment: deployment.name,
    model: '',
    model_version: '',
  };
  return createDataFrame({
    name: `Models – ${deployment.name || deployment.id}`,
    meta: meta(FrameKind.Models),
    fields: [
      valueField(
        FIELD.model,
        FieldType.string,
        models.map((m) => m.name),
        labels,
        { displayNameFromDS: 'Model' }
      ),
      valueField(
        FIELD.modelVersion,
        FieldType.string,
        models.map((m) => m.version),
        labels,
        { displayNameFromDS: 'Version' }
      ),
      valueField(
        FIELD.role,
        FieldType.string,
        models.map((_, i) => roles[i] ?? ''),
        labels,
        { displayNameFromDS: 'Role' }
      ),
      valueField(
        FIELD.driftStatus,
        FieldType.string,
        models.map((m) => m.driftStatus),
        labels,
        { displayNameFromDS: 'Drift status' }
      ),
      valueField(
        FIELD.accuracyStatus,
        FieldType.string,
        models.map((m) => m.accuracy),
        labels,
        { displayNameFromDS: 'Accuracy' }
      ),
      valueField(
        FIELD.averageScoringRequests,
        FieldType.number,
        models.map((m) => m.averageScoringRequests),
        labels,
        {
          displayNameFromDS: 'Avg scoring requests',
        }
      ),
    ],
  });
}

/** One row with the totals of the range, suited to Stat panels. */
export function healthSummaryFrame(health: HealthMetrics, labels: FrameLabels): DataFrame {
  return createDataFrame({
    name: frameName('Health', labels),
    meta: meta(FrameKind.HealthSummary, { type: DataFrameType.NumericWide }),
    fields: [
      valueField(FIELD.totalPredictions, FieldType.number, [health.totalPredictions], labels, {
        displayNameFromDS: 'Total predictions',
        unit: 'short',
        decimals: 0,
      }),
      valueField(FIELD.scoringLatencyMs, FieldType.number, [health.scoringLatencyMs], labels, {
        displayNameFromDS: 'Avg scoring latency',
        unit: 'ms',
      }),
    ],
  });
}

/**
 * Predictions over time. Each row is one gateway bin: `time` is its start, `bin_end` and
 * `bin_minutes` keep its width, because bins may be unequal (the documented example mixes
 * 2-day, 3-day and partial bins). Counts per bin are therefore not comparable between bins of
 * different widths; the per-minute rate (count / width) is.
 */
export function predictionsOverTimeFrame(
  histogram: TimeHistogram | null,
  labels: FrameLabels,
  unit: PredictionsUnit
): DataFrame {
  const bins = histogram?.bins ?? [];
  const minutes = bins.map((b) => (b.end - b.start) / 60_000);
  const rate = unit === PredictionsUnit.RatePerMinute;
  const values = bins.map((b, i) =>
    b.count === null ? null : rate ? (minutes[i] > 0 ? b.count / minutes[i] : null) : b.count
  );
  return createDataFrame({
    name: frameName('Predictions over time', labels),
    meta: meta(FrameKind.PredictionsOverTime, { type: DataFrameType.TimeSeriesMulti }),
    fields: [
      timeField(bins.map((b) => b.start)),
      valueField(rate ? FIELD.predictionsPerMinute : FIELD.predictions, FieldType.number, values, labels, {
        displayNameFromDS: seriesName(labels),
        unit: rate ? 'suffix: /min' : 'short',
        description: rate
          ? 'Predictions per minute in each gateway bin'
          : 'Predictions in each gateway bin (bins may differ in width)',
      }),
      {
        name: FIELD.binEnd,
        type: FieldType.time,
        values: bins.map((b) => b.end),
        config: { custom: { hideFrom: { viz: true, legend: true } } },
      },
      {
        name: FIELD.binMinutes,
        type: FieldType.number,
        values: minutes,
        config: { custom: { hideFrom: { viz: true, legend: true } }, unit: 'm' },
      },
    ],
  });
}

/** Prediction values over time as a five-number summary per interval (regression deployments). */
export function predictionValuesFrame(plot: BoxPlot | null, labels: FrameLabels): DataFrame {
  const boxes = plot?.boxes ?? [];
  const stat = (name: string, display: string, pick: (b: (typeof boxes)[number]) => number | null) =>
    valueField(name, FieldType.number, boxes.map(pick), labels, {
      displayNameFromDS: `${display} – ${seriesName(labels)}`,
    });
  const notices: QueryResultMetaNotice[] = plot
    ? []
    : [{ severity: 'info', text: 'The gateway reports prediction values only for regression deployments.' }];
  return createDataFrame({
    name: frameName('Prediction values', labels),
    meta: meta(FrameKind.PredictionValues, { notices }),
    fields: [
      timeField(boxes.map((b) => b.start)),
      stat(FIELD.min, 'min', (b) => b.min),
      stat(FIELD.q1, 'q1', (b) => b.q1),
      stat(FIELD.median, 'median', (b) => b.median),
      stat(FIELD.q3, 'q3', (b) => b.q3),
      stat(FIELD.max, 'max', (b) => b.max),
    ],
  });
}

/** One row: uptime and average scoring latency, as the gateway reports them. */
export function operationalSummaryFrame(summary: OperationalSummary, labels: FrameLabels): DataFrame {
  return createDataFrame({
    name: frameName('Operational summary', labels),
    meta: meta(FrameKind.OperationalSummary, { type: DataFrameType.NumericWide }),
    fields: [
      valueField(FIELD.uptime, FieldType.number, [summary.uptime], labels, {
        displayNameFromDS: 'Uptime',
        description: 'Uptime as reported by the gateway',
      }),
      valueField(FIELD.avgScoringLatencyMs, FieldType.number, [summary.avgScoringLatencyMs], labels, {
        displayNameFromDS: 'Avg scoring latency',
        unit: 'ms',
      }),
    ],
  });
}

/** Operational graphs over time: one frame per metric, `meta.custom.metric` names it. */
export function operationalTimeSeriesFrames(
  summary: OperationalSummary,
  metrics: OperationalMetric[],
  labels: FrameLabels
): DataFrame[] {
  const selected = metrics.length > 0 ? metrics : Object.values(OperationalMetric);
  return selected.map((metric) => {
    const graph = summary.graphs[metric];
    const points = graph?.points ?? [];
    const display = OPERATIONAL_METRICS[metric];
    return createDataFrame({
      name: frameName(display.title, labels),
      meta: meta(FrameKind.OperationalTimeSeries, { type: DataFrameType.TimeSeriesMulti, metric }),
      fields: [
        timeField(points.map((p) => p.time)),
        valueField(
          FIELD.value,
          FieldType.number,
          points.map((p) => p.value),
          labels,
          {
            displayNameFromDS: `${display.title} – ${seriesName(labels)}`,
            unit: display.unit,
            description: graph?.yLabel || undefined,
          }
        ),
      ],
    });
  });
}

/** One row: drifting-feature counts by category and the two thresholds. */
export function driftSummaryFrame(drift: DriftMetrics, labels: FrameLabels): DataFrame {
  const count = (name: string, display: string, value: number | null) =>
    valueField(name, FieldType.number, [value], labels, { displayNameFromDS: display, decimals: 0 });
  return createDataFrame({
    name: frameName('Drift summary', labels),
    meta: meta(FrameKind.DriftSummary, {
      type: DataFrameType.NumericWide,
      notices: notCalculatedNotice(drift.features),
    }),
    fields: [
      count(FIELD.featuresDrifting, 'Features drifting', drift.countFeatureDrift),
      count(FIELD.highDrift, 'High drift', drift.highFeatureDrift),
      count(FIELD.mediumDrift, 'Medium drift', drift.mediumFeatureDrift),
      count(FIELD.lowDrift, 'Low drift', drift.lowFeatureDrift),
      valueField(FIELD.driftThreshold, FieldType.number, [drift.driftThreshold], labels, {
        displayNameFromDS: 'Drift threshold',
      }),
      valueField(FIELD.importanceThreshold, FieldType.number, [drift.importanceThreshold], labels, {
        displayNameFromDS: 'Importance threshold',
      }),
    ],
  });
}

function notCalculatedNotice(features: Feature[]): QueryResultMetaNotice[] {
  const missing = features.filter((f) => !f.driftCalculated).length;
  return missing > 0
    ? [
        {
          severity: 'info',
          text: `Drift is not calculated yet for ${missing} of ${features.length} features; they show no value.`,
        },
      ]
    : [];
}

/** Table: one row per feature with drift, importance, impact, missing values, type and status. */
export function featureDriftFrame(drift: DriftMetrics, labels: FrameLabels): DataFrame {
  const features = drift.features;
  const col = <T>(pick: (f: Feature) => T) => features.map(pick);
  return createDataFrame({
    name: frameName('Feature drift', labels),
    meta: meta(FrameKind.FeatureDrift, { notices: notCalculatedNotice(features) }),
    fields: [
      valueField(
        FIELD.feature,
        FieldType.string,
        col((f) => f.name),
        labels,
        { displayNameFromDS: 'Feature' }
      ),
      valueField(
        FIELD.drift,
        FieldType.number,
        col((f) => f.drift),
        labels,
        {
          displayNameFromDS: 'Drift',
          thresholds: drift.driftThreshold === null ? undefined : driftThresholds(drift.driftThreshold),
        }
      ),
      valueField(
        FIELD.importance,
        FieldType.number,
        col((f) => f.importance),
        labels,
        { displayNameFromDS: 'Importance' }
      ),
      valueField(
        FIELD.impact,
        FieldType.number,
        col((f) => f.impact),
        labels,
        { displayNameFromDS: 'Impact' }
      ),
      valueField(
        FIELD.missingValues,
        FieldType.number,
        col((f) => f.missingValues),
        labels,
        {
          displayNameFromDS: 'Missing values',
          decimals: 0,
        }
      ),
      valueField(
        FIELD.dataType,
        FieldType.string,
        col((f) => f.dataType),
        labels,
        { displayNameFromDS: 'Data type' }
      ),
      valueField(
        FIELD.driftStatusDerived,
        FieldType.string,
        col((f) =>
          featureStatus(f.driftCalculated ? f.drift : null, f.importance, {
            drift: drift.driftThreshold,
            importance: drift.importanceThreshold,
          })
        ),
        labels,
        { displayNameFromDS: 'Status' }
      ),
    ],
  });
}

function driftThresholds(threshold: number): FieldConfig['thresholds'] {
  return {
    mode: ThresholdsMode.Absolute,
    steps: [
      { value: -Infinity, color: 'green' },
      { value: threshold, color: 'red' },
    ],
  };
}

/** Drift over time: one frame per feature, labelled with `feature`. */
export function driftOverTimeFrames(drift: DriftMetrics, labels: FrameLabels, feature?: string): DataFrame[] {
  const series = feature ? drift.driftOverTime.filter((s) => s.feature.name === feature) : drift.driftOverTime;
  return series.map((s) => {
    const featureLabels: FrameLabels = { ...labels, feature: s.feature.name };
    return createDataFrame({
      name: `Drift of ${s.feature.name} – ${seriesName(labels)}`,
      meta: meta(FrameKind.DriftOverTime, { type: DataFrameType.TimeSeriesMulti }),
      fields: [
        timeField(s.points.map((p) => p.time)),
        valueField(
          FIELD.drift,
          FieldType.number,
          s.points.map((p) => p.value),
          featureLabels,
          {
            displayNameFromDS: `${s.feature.name} – ${seriesName(labels)}`,
          }
        ),
      ],
    });
  });
}

/**
 * The frequency distribution of one feature: a histogram frame (bin_start, bin_end, count) for
 * continuous features (named xMin/xMax as Grafana's Histogram panel expects), or a category/count table
 * for categorical ones (bar chart).
 */
export function featureFrequencyFrame(frequency: FeatureFrequency, labels: FrameLabels): DataFrame {
  const featureLabels: FrameLabels = { ...labels, feature: frequency.featureName };
  const name = `Frequency of ${frequency.featureName} – ${seriesName(labels)}`;
  if (frequency.kind === 'continuous') {
    return createDataFrame({
      name,
      meta: meta(FrameKind.FeatureFrequency, { type: DataFrameType.Histogram }),
      fields: [
        { name: FIELD.histogramMin, type: FieldType.number, values: frequency.bins.map((b) => b.min), config: {} },
        { name: FIELD.histogramMax, type: FieldType.number, values: frequency.bins.map((b) => b.max), config: {} },
        valueField(
          FIELD.count,
          FieldType.number,
          frequency.bins.map((b) => b.count),
          featureLabels,
          {
            displayNameFromDS: frequency.featureName,
          }
        ),
      ],
    });
  }
  const categories = frequency.kind === 'categorical' ? frequency.categories : [];
  return createDataFrame({
    name,
    meta: meta(FrameKind.FeatureFrequency, {
      notices:
        frequency.kind === 'empty'
          ? [{ severity: 'info', text: `No frequency data for ${frequency.featureName} in this range.` }]
          : [],
    }),
    fields: [
      {
        name: FIELD.category,
        type: FieldType.string,
        values: categories.map((c) => c.category),
        config: { displayNameFromDS: 'Category' },
      },
      valueField(
        FIELD.count,
        FieldType.number,
        categories.map((c) => c.value),
        featureLabels,
        {
          displayNameFromDS: frequency.featureName,
        }
      ),
    ],
  });
}
