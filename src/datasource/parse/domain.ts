import { type OperationalMetric } from '../../shared/operationalMetrics';

/**
 * Typed domain objects parsed from gateway responses: numbers are numbers, times are epoch
 * milliseconds, "no value" is `null` (never a fake 0). Frames are built from these, never from
 * raw JSON.
 */

type ModelStatus = 'UNKNOWN' | 'HEALTHY' | 'AT_RISK' | 'FAILING';

export interface Model {
  name: string;
  version: string;
  /** Unknown future values are kept verbatim. */
  driftStatus: ModelStatus | string;
  accuracy: ModelStatus | string;
  averageScoringRequests: number | null;
}

type DeploymentType = 'singleDeployment' | 'shadowDeployment' | 'splitDeployment';

export interface Deployment {
  id: string;
  /** "-" from the gateway (unnamed) is kept; display code falls back to the id. */
  name: string;
  description: string;
  mode: string;
  environment: string;
  type: DeploymentType | string;
  problemType: string;
  models: Model[];
  deploymentDate: number | null;
  projectId: string;
  /** null when the gateway is older than 0.65 and does not report it. */
  monitoringEnabled: boolean | null;
  storeScoringData: boolean | null;
  /** What the parser read leniently or replaced by no value (single-deployment responses only). */
  notices?: string[];
}

export interface DeploymentPage {
  deployments: Deployment[];
  totalDeployments: number | null;
  totalPredictions: number | null;
  nextPageToken: string;
  /** Rows left out, totals shown as no value, values read leniently. */
  notices: string[];
}

export interface ModelPage {
  models: Model[];
  nextPageToken: string;
  notices: string[];
}

export interface GraphLabels {
  name: string;
  description: string;
  xLabel: string;
  yLabel: string;
}

/** A histogram bin over a numeric interval (continuous feature frequency). */
interface NumericBin {
  min: number;
  max: number;
  count: number | null;
}

/**
 * A series over time as two columns sorted by time: frames take the arrays as they are, so a
 * drift answer's two hundred thousand points are not each made an object and copied again.
 */
export interface TimeColumns {
  times: number[];
  values: Array<number | null>;
}

export interface CategoryPoint {
  category: string;
  value: number | null;
}

/** Histogram bins over time intervals as columns, sorted by start then end, without copies. */
export interface TimeHistogram extends GraphLabels {
  starts: number[];
  ends: number[];
  counts: Array<number | null>;
}

/**
 * Five-number summaries of prediction values over time intervals, as columns sorted by start (one
 * entry per interval in each); a value the gateway left empty, or an out-of-order box, is null.
 */
export interface BoxPlot extends GraphLabels {
  starts: number[];
  /** null where the gateway marked the interval by `x` alone. */
  ends: Array<number | null>;
  min: Array<number | null>;
  q1: Array<number | null>;
  median: Array<number | null>;
  q3: Array<number | null>;
  max: Array<number | null>;
}

export interface TimeGraph extends GraphLabels, TimeColumns {}

/*
 * A metrics answer is read in parts (parse/health.ts, drift.ts, operational.ts): each query decodes
 * only the part it shows, once per answer, and each part carries the notices of what it read.
 */

/** The health answer's totals (the health summary query). */
export interface HealthSummary {
  totalPredictions: number | null;
  scoringLatencyMs: number | null;
  notices: string[];
}

/** The health answer's prediction histogram (the predictions-over-time query). */
export interface HealthPredictions {
  predictions: TimeHistogram | null;
  notices: string[];
}

/** The health answer's box plots (the prediction-values query); regression deployments only. */
export interface HealthPredictionValues {
  predictionValues: BoxPlot | null;
  notices: string[];
}

/** A whole health answer: every part, with all their notices. */
export interface HealthMetrics {
  totalPredictions: number | null;
  scoringLatencyMs: number | null;
  predictions: TimeHistogram | null;
  /** Regression deployments only; null otherwise. */
  predictionValues: BoxPlot | null;
  notices: string[];
}

/** The operational answer's totals (the operational summary query). */
export interface OperationalTotals {
  uptime: number | null;
  avgScoringLatencyMs: number | null;
  notices: string[];
}

/** One graph of the operational answer (one frame of the operational time-series query). */
export interface OperationalGraph {
  graph: TimeGraph | null;
  notices: string[];
}

/** A whole operational answer. */
export interface OperationalSummary {
  uptime: number | null;
  avgScoringLatencyMs: number | null;
  graphs: Record<OperationalMetric, TimeGraph | null>;
  notices: string[];
}

export interface Feature {
  name: string;
  dataType: string;
  driftCalculated: boolean;
  /** null when the gateway did not calculate drift: its zeros are defaults, not measurements. */
  drift: number | null;
  importance: number | null;
  impact: number | null;
  missingValues: number | null;
}

interface FeatureDriftSeries extends TimeColumns {
  feature: Feature;
}

/** `notices`: what the parser noted while reading this feature's distribution. */
export type FeatureFrequency = { notices?: string[] } & (
  | { featureName: string; kind: 'continuous'; histogram: GraphLabels; bins: NumericBin[] }
  | { featureName: string; kind: 'categorical'; graph: GraphLabels; categories: CategoryPoint[] }
  | { featureName: string; kind: 'empty' }
);

/** The drift answer's counts, thresholds and features (drift summary, feature drift, variables). */
export interface DriftSummary {
  countFeatureDrift: number | null;
  highFeatureDrift: number | null;
  mediumFeatureDrift: number | null;
  lowFeatureDrift: number | null;
  driftThreshold: number | null;
  importanceThreshold: number | null;
  /** From featureSummary, falling back to the features inside featureImportance. */
  features: Feature[];
  notices: string[];
}

/** The drift answer's drift over time, per feature (the drift-over-time query). */
export interface DriftSeries {
  driftOverTime: FeatureDriftSeries[];
  notices: string[];
}

/** The drift answer's frequency distributions, each with its own notices. */
export interface DriftFrequencies {
  frequencies: FeatureFrequency[];
}

/** A whole drift answer: every part; `notices` are those of the summary and the series. */
export interface DriftMetrics extends DriftSummary {
  driftOverTime: FeatureDriftSeries[];
  frequencies: FeatureFrequency[];
}
