/**
 * Persisted options of the champion/challenger panel. They live in dashboard JSON: change them
 * only together with a step in `migrations.ts` and a bump of {@link OPTIONS_SCHEMA_VERSION}.
 */

/** Version of the persisted options; 1 is the first release. */
export const OPTIONS_SCHEMA_VERSION = 2;

/** The metrics the comparison can show, in their default order. */
export enum MetricId {
  Predictions = 'predictions',
  Latency = 'latency',
  FailureRate = 'failureRate',
  Availability = 'availability',
  Accuracy = 'accuracy',
  DriftStatus = 'driftStatus',
}

export const ALL_METRICS: readonly MetricId[] = [
  MetricId.Predictions,
  MetricId.Latency,
  MetricId.FailureRate,
  MetricId.Availability,
  MetricId.Accuracy,
  MetricId.DriftStatus,
];

/** Which way a metric is better. Neutral deltas are shown but neither coloured nor counted in the verdict. */
export enum Direction {
  LowerIsBetter = 'lower',
  HigherIsBetter = 'higher',
  Neutral = 'neutral',
}

export enum LayoutMode {
  /** Side by side when the panel is wide enough, stacked otherwise. */
  Auto = 'auto',
  Horizontal = 'horizontal',
  Vertical = 'vertical',
}

/** How challenger deltas are written. */
export enum DeltaMode {
  Absolute = 'absolute',
  Relative = 'relative',
  Both = 'both',
}

/** Which model is the champion when no model carries the champion role label. */
export enum ChampionFallback {
  /** The first model in query order. */
  First = 'first',
  /** The model with the lowest version (the incumbent). */
  OldestVersion = 'oldestVersion',
  /** The model with the highest version. */
  NewestVersion = 'newestVersion',
  /** The model whose name, version, "name:version" or role equals `championMatch`. */
  Match = 'match',
}

export type MetricDirections = Record<MetricId, Direction>;

export interface PanelOptions {
  schemaVersion: number;

  // Layout
  layout: LayoutMode;
  showComparison: boolean;
  showPredictions: boolean;
  showDrift: boolean;

  // Comparison
  /** Shown metrics, in display order. */
  metrics: MetricId[];
  directions: MetricDirections;
  deltaMode: DeltaMode;
  /** Differences within this share of the champion's value count as "same" (percent). */
  equalTolerancePercent: number;
  /** Fewer predictions than this on either side: a row says "not enough data" instead of better/worse. */
  minPredictions: number;
  showVerdict: boolean;

  // Drift
  topN: number;
  showQuadrant: boolean;
  /** How many drifted-and-important features get a text label in the quadrant chart. */
  quadrantLabels: number;
  showFeatureComparison: boolean;
  /** Used when neither the data nor the drift field's thresholds carry a drift threshold. */
  driftThreshold: number;
  /** Used when neither the data nor the importance field's thresholds carry an importance threshold. */
  importanceThreshold: number;

  // Models and data mapping
  /** The `role` label value that marks the champion (case-insensitive). */
  championRole: string;
  championFallback: ChampionFallback;
  championMatch: string;
  /**
   * Extra metric names for other data sources, one `metric = name` pair per line
   * (e.g. `latency = scoring_time_ms`). See the README, "Metric aliases".
   */
  metricAliases: string;
}

const DEFAULT_DIRECTIONS: MetricDirections = {
  [MetricId.Predictions]: Direction.Neutral,
  [MetricId.Latency]: Direction.LowerIsBetter,
  [MetricId.FailureRate]: Direction.LowerIsBetter,
  [MetricId.Availability]: Direction.HigherIsBetter,
  [MetricId.Accuracy]: Direction.HigherIsBetter,
  [MetricId.DriftStatus]: Direction.LowerIsBetter,
};

/** Matches the simulator's and the gateway's defaults; used only when the data carries none. */
const DEFAULT_DRIFT_THRESHOLD = 0.1;
const DEFAULT_IMPORTANCE_THRESHOLD = 0.05;
export const MAX_TOP_N = 50;
/**
 * Below 100 predictions a failure ratio moves by a whole percent with one prediction, and latency
 * means are dominated by single requests: too few to call a challenger better or worse.
 */
export const DEFAULT_MIN_PREDICTIONS = 100;
export const MAX_QUADRANT_LABELS = 25;

export const DEFAULT_OPTIONS: PanelOptions = {
  schemaVersion: OPTIONS_SCHEMA_VERSION,
  layout: LayoutMode.Auto,
  showComparison: true,
  showPredictions: true,
  showDrift: true,
  metrics: [...ALL_METRICS],
  directions: { ...DEFAULT_DIRECTIONS },
  deltaMode: DeltaMode.Both,
  equalTolerancePercent: 1,
  minPredictions: DEFAULT_MIN_PREDICTIONS,
  showVerdict: true,
  topN: 10,
  showQuadrant: true,
  quadrantLabels: 5,
  showFeatureComparison: true,
  driftThreshold: DEFAULT_DRIFT_THRESHOLD,
  importanceThreshold: DEFAULT_IMPORTANCE_THRESHOLD,
  championRole: 'champion',
  championFallback: ChampionFallback.First,
  championMatch: '',
  metricAliases: '',
};

export const METRIC_LABELS: Record<MetricId, string> = {
  [MetricId.Predictions]: 'Total predictions',
  [MetricId.Latency]: 'Avg scoring latency',
  [MetricId.FailureRate]: 'Failed predictions',
  [MetricId.Availability]: 'Availability',
  [MetricId.Accuracy]: 'Accuracy',
  [MetricId.DriftStatus]: 'Drift status',
};
