import type { DataFrame, Field, Labels } from '@grafana/data';

import { FIELD, FrameKind, LABEL, type MlopsFrameMeta } from '../../shared/frameSchema';
import { Dimension } from './units';
import { FRAME_KINDS, PanelUse } from '../../shared/frameKinds';
import { FIELD_1X, MLOPS1X_FRAME_KINDS, Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { OperationalMetric } from '../../shared/operationalMetrics';

/**
 * How frames map onto the panel's signals: the frames of our data source by their FrameKind and
 * field names (`shared/frameSchema.ts`), frames of any other data source (Prometheus, SQL, CSV…)
 * by metric name and labels; the user's own names come from `aliases.ts`. Documented for users in
 * the README (panel data mapping); change both together.
 */

/** Everything the panel can read from a value. */
export enum Signal {
  Predictions = 'predictions',
  /** Predictions per unit of time: chart only, not summed into a total. */
  PredictionRate = 'predictionRate',
  Latency = 'latency',
  Availability = 'availability',
  FailureRate = 'failureRate',
  FailedPredictions = 'failedPredictions',
  SuccessfulPredictions = 'successfulPredictions',
  Accuracy = 'accuracy',
  DriftScore = 'drift',
  FeatureImportance = 'importance',
  DriftThreshold = 'driftThreshold',
  ImportanceThreshold = 'importanceThreshold',
  FeaturesDrifting = 'featuresDrifting',
  HighDrift = 'highDrift',
  MediumDrift = 'mediumDrift',
  LowDrift = 'lowDrift',
  /** Mean of a model output column (the prediction): compared per column, neither better nor worse. */
  PredictionMean = 'predictionMean',
  /** Share of one class of a categorical output column: compared per column and class, neutral. */
  PredictionShare = 'predictionShare',
}

/** How a time series becomes one value for the comparison. */
export enum Reducer {
  Last = 'last',
  Mean = 'mean',
  Sum = 'sum',
  /** Counter: increase over the range, tolerating resets. */
  Increase = 'increase',
}

interface SignalSpec {
  dimension: Dimension;
  /** Reducer for a series of this signal when no mapping says otherwise. */
  reducer: Reducer;
  /** Per-feature signals need a feature (label or column). */
  perFeature?: boolean;
  /** Per-output-column signals need the column as the feature label; one comparison row per column. */
  perOutputColumn?: boolean;
}

export const SIGNAL_SPECS: Record<Signal, SignalSpec> = {
  [Signal.Predictions]: { dimension: Dimension.Count, reducer: Reducer.Sum },
  [Signal.PredictionRate]: { dimension: Dimension.Count, reducer: Reducer.Mean },
  [Signal.Latency]: { dimension: Dimension.Time, reducer: Reducer.Mean },
  [Signal.Availability]: { dimension: Dimension.Percent, reducer: Reducer.Mean },
  [Signal.FailureRate]: { dimension: Dimension.Ratio, reducer: Reducer.Mean },
  [Signal.FailedPredictions]: { dimension: Dimension.Count, reducer: Reducer.Sum },
  [Signal.SuccessfulPredictions]: { dimension: Dimension.Count, reducer: Reducer.Sum },
  [Signal.Accuracy]: { dimension: Dimension.Ratio, reducer: Reducer.Last },
  [Signal.DriftScore]: { dimension: Dimension.Count, reducer: Reducer.Last, perFeature: true },
  [Signal.FeatureImportance]: { dimension: Dimension.Count, reducer: Reducer.Last, perFeature: true },
  [Signal.DriftThreshold]: { dimension: Dimension.Count, reducer: Reducer.Last },
  [Signal.ImportanceThreshold]: { dimension: Dimension.Count, reducer: Reducer.Last },
  [Signal.FeaturesDrifting]: { dimension: Dimension.Count, reducer: Reducer.Last },
  [Signal.HighDrift]: { dimension: Dimension.Count, reducer: Reducer.Last },
  [Signal.MediumDrift]: { dimension: Dimension.Count, reducer: Reducer.Last },
  [Signal.LowDrift]: { dimension: Dimension.Count, reducer: Reducer.Last },
  [Signal.PredictionMean]: { dimension: Dimension.Count, reducer: Reducer.Mean, perOutputColumn: true },
  [Signal.PredictionShare]: { dimension: Dimension.Ratio, reducer: Reducer.Mean, perOutputColumn: true },
};

export interface NameMapping {
  signal: Signal;
  reducer: Reducer;
  /** Unit of the source values unless the field's unit option says otherwise. */
  unit?: string;
}

const m = (signal: Signal, reducer: Reducer = SIGNAL_SPECS[signal].reducer, unit?: string): NameMapping => ({
  signal,
  reducer,
  unit,
});

/**
 * Metric names of other data sources (Prometheus naming), matched case-insensitively against the
 * `__name__` label, the series' legend (display name from the data source), the field name, the
 * frame name and the query's refId, in that order. Our own field names are included so frames
 * that lost their meta in a transformation still map.
 */
const METRIC_NAMES: Readonly<Record<string, NameMapping>> = {
  // predictions
  ml_predictions_total: m(Signal.Predictions, Reducer.Increase),
  ml_prediction_requests_total: m(Signal.Predictions, Reducer.Increase),
  ml_predictions: m(Signal.Predictions, Reducer.Sum),
  ml_prediction_count: m(Signal.Predictions, Reducer.Sum),
  [FIELD.totalPredictions]: m(Signal.Predictions, Reducer.Last),
  [FIELD.predictions]: m(Signal.Predictions, Reducer.Sum),
  ml_predictions_per_second: m(Signal.PredictionRate),
  ml_prediction_rate: m(Signal.PredictionRate),
  [FIELD.predictionsPerMinute]: m(Signal.PredictionRate),
  // latency
  ml_prediction_latency_seconds: m(Signal.Latency, Reducer.Mean, 's'),
  ml_scoring_latency_seconds: m(Signal.Latency, Reducer.Mean, 's'),
  ml_prediction_latency_ms: m(Signal.Latency, Reducer.Mean, 'ms'),
  ml_prediction_latency_milliseconds: m(Signal.Latency, Reducer.Mean, 'ms'),
  [FIELD.scoringLatencyMs]: m(Signal.Latency, Reducer.Mean, 'ms'),
  [FIELD.avgScoringLatencyMs]: m(Signal.Latency, Reducer.Mean, 'ms'),
  // failures
  ml_prediction_failure_ratio: m(Signal.FailureRate, Reducer.Mean, 'percentunit'),
  ml_prediction_error_ratio: m(Signal.FailureRate, Reducer.Mean, 'percentunit'),
  ml_prediction_error_rate: m(Signal.FailureRate, Reducer.Mean, 'percentunit'),
  ml_prediction_failures_total: m(Signal.FailedPredictions, Reducer.Increase),
  ml_prediction_errors_total: m(Signal.FailedPredictions, Reducer.Increase),
  ml_prediction_failures: m(Signal.FailedPredictions, Reducer.Sum),
  ml_prediction_successes_total: m(Signal.SuccessfulPredictions, Reducer.Increase),
  // availability
  ml_model_availability: m(Signal.Availability, Reducer.Mean, 'percentunit'),
  ml_model_uptime_ratio: m(Signal.Availability, Reducer.Mean, 'percentunit'),
  ml_model_availability_percent: m(Signal.Availability, Reducer.Mean, 'percent'),
  [FIELD.uptime]: m(Signal.Availability, Reducer.Mean, 'percent'),
  // accuracy
  ml_model_accuracy: m(Signal.Accuracy, Reducer.Last, 'percentunit'),
  ml_model_accuracy_ratio: m(Signal.Accuracy, Reducer.Last, 'percentunit'),
  // drift
  ml_data_drift_score: m(Signal.DriftScore),
  ml_feature_drift_score: m(Signal.DriftScore),
  [FIELD.drift]: m(Signal.DriftScore),
  ml_feature_importance: m(Signal.FeatureImportance),
  [FIELD.importance]: m(Signal.FeatureImportance),
  ml_data_drift_threshold: m(Signal.DriftThreshold),
  [FIELD.driftThreshold]: m(Signal.DriftThreshold),
  ml_feature_importance_threshold: m(Signal.ImportanceThreshold),
  [FIELD.importanceThreshold]: m(Signal.ImportanceThreshold),
  [FIELD.featuresDrifting]: m(Signal.FeaturesDrifting),
  [FIELD.highDrift]: m(Signal.HighDrift),
  [FIELD.mediumDrift]: m(Signal.MediumDrift),
  [FIELD.lowDrift]: m(Signal.LowDrift),
};

/** Our data source's fields, by frame kind. Fields not listed are ignored. */
const GATEWAY_FIELDS: Partial<Record<FrameKind, Record<string, NameMapping>>> = {
  [FrameKind.HealthSummary]: {
    [FIELD.totalPredictions]: m(Signal.Predictions, Reducer.Last),
    [FIELD.scoringLatencyMs]: m(Signal.Latency, Reducer.Last, 'ms'),
  },
  [FrameKind.OperationalSummary]: {
    [FIELD.uptime]: m(Signal.Availability, Reducer.Last, 'percent'),
    [FIELD.avgScoringLatencyMs]: m(Signal.Latency, Reducer.Last, 'ms'),
  },
  [FrameKind.PredictionsOverTime]: {
    [FIELD.predictions]: m(Signal.Predictions, Reducer.Sum),
    [FIELD.predictionsPerMinute]: m(Signal.PredictionRate, Reducer.Mean),
  },
  [FrameKind.DriftSummary]: {
    [FIELD.featuresDrifting]: m(Signal.FeaturesDrifting),
    [FIELD.highDrift]: m(Signal.HighDrift),
    [FIELD.mediumDrift]: m(Signal.MediumDrift),
    [FIELD.lowDrift]: m(Signal.LowDrift),
    [FIELD.driftThreshold]: m(Signal.DriftThreshold),
    [FIELD.importanceThreshold]: m(Signal.ImportanceThreshold),
  },
  [FrameKind.DriftOverTime]: {
    [FIELD.drift]: m(Signal.DriftScore, Reducer.Last),
  },
};

/**
 * H2O MLOps 1.x frames (`shared/frameKinds1x.ts`) the panel reads: scored rows as predictions,
 * per-column drift over time, the mean of numerical output columns and the class shares of
 * categorical output columns (prediction distribution); their model, role, feature (column) and
 * category come from the labels. Other 1.x kinds and fields (std, min, max) carry nothing the panel
 * compares yet.
 */
const MLOPS1X_FIELDS: Partial<Record<string, Record<string, NameMapping>>> = {
  [Mlops1xFrameKind.Volume]: { [FIELD_1X.rows]: m(Signal.Predictions, Reducer.Sum) },
  [Mlops1xFrameKind.DriftOverTime]: { [FIELD_1X.drift]: m(Signal.DriftScore, Reducer.Last) },
  [Mlops1xFrameKind.PredictionsOverTime]: {
    [FIELD_1X.mean]: m(Signal.PredictionMean, Reducer.Mean),
    [FIELD_1X.share]: m(Signal.PredictionShare, Reducer.Mean, 'percentunit'),
  },
};

/** The 1.x frame kind of a frame, if it is one. */
function mlops1xKind(frame: DataFrame): Mlops1xFrameKind | undefined {
  const kind = (frame.meta?.custom as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' && kind in MLOPS1X_FRAME_KINDS ? (kind as Mlops1xFrameKind) : undefined;
}

/** Operational time series of our data source, by `meta.custom.metric`. */
const GATEWAY_OPERATIONAL: Partial<Record<OperationalMetric, NameMapping>> = {
  [OperationalMetric.ScoringLatency]: m(Signal.Latency, Reducer.Mean, 'ms'),
  [OperationalMetric.Availability]: m(Signal.Availability, Reducer.Mean, 'percent'),
  [OperationalMetric.FailedPrediction]: m(Signal.FailedPredictions, Reducer.Sum),
  [OperationalMetric.SuccessPrediction]: m(Signal.SuccessfulPredictions, Reducer.Sum),
};

export function frameKind(frame: DataFrame): FrameKind | undefined {
  const custom = frame.meta?.custom as Partial<MlopsFrameMeta> | undefined;
  const kind = custom?.kind;
  // includes() compares without coercion, so a kind that is not one of our strings never matches.
  return (Object.values(FrameKind) as unknown[]).includes(kind) ? (kind as FrameKind) : undefined;
}

export function isIgnoredKind(kind: FrameKind | undefined): boolean {
  return kind !== undefined && FRAME_KINDS[kind].panelUse === PanelUse.Ignored;
}

// ---------------------------------------------------------------------------------------------
// Field classification

/** Label keys that identify a model, in preference order. */
export const MODEL_LABELS = {
  model: [LABEL.model, 'model_name', 'modelName'],
  version: [LABEL.modelVersion, 'version', 'modelVersion'],
  role: [LABEL.role],
  deploymentId: [LABEL.deploymentId],
  deployment: [LABEL.deploymentName],
  feature: [LABEL.feature],
} as const;

export function pickLabel(labels: Labels | undefined, keys: readonly string[]): string {
  if (!labels) {
    return '';
  }
  for (const key of keys) {
    const value = labels[key];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return '';
}

/** The names a field may be known by, in matching order. */
export function candidateNames(frame: DataFrame, field: Field): string[] {
  const names = [
    field.labels?.__name__,
    field.config?.displayNameFromDS,
    field.name === 'Value' || field.name === 'value' ? undefined : field.name,
    frame.name,
    frame.refId,
  ];
  return names.filter((n): n is string => typeof n === 'string' && n !== '').map((n) => n.trim().toLowerCase());
}

/** A mapping with the name it was found under (shown as the value's source). */
export interface MatchedMapping extends NameMapping {
  source: string;
}

export function lookupName(names: string[], aliases: Record<string, NameMapping>): MatchedMapping | undefined {
  for (const name of names) {
    const mapping = aliases[name] ?? METRIC_NAMES[name];
    if (mapping) {
      return { ...mapping, source: name };
    }
  }
  return undefined;
}

function withSource(mapping: NameMapping | undefined, source: string): MatchedMapping | undefined {
  return mapping ? { ...mapping, source } : undefined;
}

/**
 * The signal a numeric field of a non-table frame carries, or undefined when the panel has no use
 * for it. Frames of our data source map by kind and field name, the rest by metric name.
 */
export function classifyField(
  frame: DataFrame,
  field: Field,
  aliases: Record<string, NameMapping>
): MatchedMapping | undefined {
  const kind = frameKind(frame);
  if (kind === FrameKind.OperationalTimeSeries) {
    // The kind was read from meta.custom, so both exist here.
    const metric = (frame.meta!.custom as Partial<MlopsFrameMeta>).metric;
    return field.name === FIELD.value && metric
      ? withSource(GATEWAY_OPERATIONAL[metric], FRAME_KINDS[kind].label)
      : undefined;
  }
  if (kind !== undefined) {
    return withSource(GATEWAY_FIELDS[kind]?.[field.name], FRAME_KINDS[kind].label);
  }
  const kind1x = mlops1xKind(frame);
  if (kind1x !== undefined) {
    return withSource(MLOPS1X_FIELDS[kind1x]?.[field.name], MLOPS1X_FRAME_KINDS[kind1x].label);
  }
  return lookupName(candidateNames(frame, field), aliases);
}

export function kindSource(kind: FrameKind | undefined, fallback: string): string {
  return kind ? FRAME_KINDS[kind].label : fallback;
}
