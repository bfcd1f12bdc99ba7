import type { OperationalMetric } from './operationalMetrics';

/**
 * The frame schema: the contract between the data source (which produces these frames) and the
 * champion/challenger panel (which reads them, alongside frames from other data sources through
 * its own mapping). It is restated in the README; change both together and bump
 * FRAME_SCHEMA_VERSION when a field or label is renamed or removed.
 *
 * Every frame:
 * - has `name` set to a stable, human-readable series name and `refId` of its query;
 * - carries `meta.custom` of type {@link MlopsFrameMeta} with its {@link FrameKind};
 * - puts the {@link FrameLabels} on every value field (not on the time field), so Grafana's
 *   legends, "Labels to fields" and joins work on them, and so the panel can tell the models
 *   apart without knowing where a frame came from.
 */

export const FRAME_SCHEMA_VERSION = 1;

/** Label keys; snake_case like Prometheus labels, so exported metrics map onto the same names. */
export const LABEL = {
  deploymentId: 'deployment_id',
  deploymentName: 'deployment',
  model: 'model',
  modelVersion: 'model_version',
  role: 'role',
  feature: 'feature',
} as const;

export interface FrameLabels {
  deployment_id: string;
  deployment: string;
  model: string;
  model_version: string;
  /** Present only when the query sets a role or fans out over a shadow/split deployment. */
  role?: string;
  /** Present on per-feature series (drift over time, feature frequency). */
  feature?: string;
}

/** Well-known role values. Any other string set by a query is passed through unchanged. */
export const ROLE = {
  champion: 'champion',
  challenger: 'challenger',
} as const;

/** What a frame holds; one per query type. Shape, label and panel use: `frameKinds.ts`. */
export enum FrameKind {
  /** Table: one row per deployment. */
  Deployments = 'deployments',
  /** Table: one row per model of a deployment. */
  Models = 'models',
  /** One row: total predictions, average scoring latency. */
  HealthSummary = 'healthSummary',
  /** Time series: predictions per bin (or per minute). */
  PredictionsOverTime = 'predictionsOverTime',
  /** Time series: five-number summary of prediction values per interval. */
  PredictionValues = 'predictionValues',
  /** One row: uptime, average scoring latency. */
  OperationalSummary = 'operationalSummary',
  /** Time series, one frame per operational metric. */
  OperationalTimeSeries = 'operationalTimeSeries',
  /** One row: drifting feature counts by category and the two thresholds. */
  DriftSummary = 'driftSummary',
  /** Table: one row per feature. */
  FeatureDrift = 'featureDrift',
  /** Time series, one frame per feature. */
  DriftOverTime = 'driftOverTime',
  /** Histogram (continuous) or category/count table (categorical) of one feature. */
  FeatureFrequency = 'featureFrequency',
  /** Annotation events: when each deployment went live (time, title, text, tags). */
  DeploymentEvents = 'deploymentEvents',
}

export interface MlopsFrameMeta {
  kind: FrameKind;
  frameSchemaVersion: number;
  /** For operational time series: which gateway graph the frame holds. */
  metric?: OperationalMetric;
}

/** Field names per frame kind. The panel and provisioned dashboards refer to these. */
export const FIELD = {
  time: 'time',
  // deployments
  id: 'id',
  name: 'name',
  description: 'description',
  type: 'type',
  mode: 'mode',
  environment: 'environment',
  problemType: 'problem_type',
  deploymentDate: 'deployment_date',
  projectId: 'project_id',
  monitoringEnabled: 'monitoring_enabled',
  storeScoringData: 'store_scoring_data',
  modelCount: 'model_count',
  worstStatus: 'worst_status',
  // models
  model: 'model',
  modelVersion: 'model_version',
  driftStatus: 'drift_status',
  accuracyStatus: 'accuracy_status',
  averageScoringRequests: 'average_scoring_requests',
  role: 'role',
  // health and operational
  totalPredictions: 'total_predictions',
  scoringLatencyMs: 'scoring_latency_ms',
  predictions: 'predictions',
  predictionsPerMinute: 'predictions_per_minute',
  binEnd: 'bin_end',
  binMinutes: 'bin_minutes',
  min: 'min',
  q1: 'q1',
  median: 'median',
  q3: 'q3',
  max: 'max',
  uptime: 'uptime',
  avgScoringLatencyMs: 'avg_scoring_latency_ms',
  value: 'value',
  // drift
  featuresDrifting: 'features_drifting',
  highDrift: 'high_drift',
  mediumDrift: 'medium_drift',
  lowDrift: 'low_drift',
  driftThreshold: 'drift_threshold',
  importanceThreshold: 'importance_threshold',
  feature: 'feature',
  dataType: 'data_type',
  drift: 'drift',
  importance: 'importance',
  impact: 'impact',
  missingValues: 'missing_values',
  driftStatusDerived: 'status',
  /** Histogram bucket bounds use Grafana's own names so the Histogram panel reads them directly. */
  histogramMin: 'xMin',
  histogramMax: 'xMax',
  category: 'category',
  count: 'count',
  // deployment events: Grafana's annotation field names
  title: 'title',
  text: 'text',
  tags: 'tags',
} as const;
