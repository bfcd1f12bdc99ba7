import type { FeatureStatus } from '../../shared/featureStatus';
import type { ModelStatus } from '../../shared/modelStatus';
import type { Outcome } from './types';

/** The shapes of the drift model (built in `drift.ts`). */

export enum Quadrant {
  DriftingImportant = 'driftingImportant',
  Drifting = 'drifting',
  Important = 'important',
  Stable = 'stable',
}

export type ThresholdSource = 'data' | 'field' | 'option';

export interface DriftThresholds {
  drift: number;
  importance: number;
  driftSource: ThresholdSource;
  importanceSource: ThresholdSource;
}

export interface FeaturePoint {
  name: string;
  drift: number | null;
  importance: number | null;
  status: FeatureStatus;
  /** Null when drift or importance is missing (not plotted). */
  quadrant: Quadrant | null;
}

export interface DriftCount {
  key: string;
  label: string;
  count: number;
  severity: 'critical' | 'warning' | 'ok' | 'info';
}

export interface DriftBadge {
  status: ModelStatus;
  label: string;
  source: 'gateway' | 'thresholds' | 'summary' | 'none';
  /** One sentence on where the status comes from. */
  detail: string;
}

export interface QuadrantModel {
  points: FeaturePoint[];
  xMax: number;
  yMax: number;
  /**
   * Names of the features that may get a text label, in priority order: the drifted-and-important
   * ones, most impactful (drift × importance) first. The chart labels at most `maxLabels` of them,
   * skipping any whose label would overlap another (see `placeLabels`).
   */
  labelCandidates: string[];
  /** The "labelled features" option. */
  maxLabels: number;
  counts: Record<Quadrant, number>;
}

export interface ModelDrift {
  modelKey: string;
  modelName: string;
  role: string;
  isChampion: boolean;
  thresholds: DriftThresholds;
  badge: DriftBadge;
  /** Counts by feature status (derived from the thresholds). */
  counts: DriftCount[];
  /** The gateway's own high/medium/low counts, when a drift summary is present. */
  summaryCounts: DriftCount[];
  /** All features, most drifting first (features without drift last). */
  features: FeaturePoint[];
  top: FeaturePoint[];
  quadrant: QuadrantModel;
}

export interface FeatureComparisonRow {
  name: string;
  champion: number | null;
  challenger: number | null;
  diff: number | null;
  outcome: Outcome;
  importance: number | null;
  championStatus: FeatureStatus;
  challengerStatus: FeatureStatus;
}

export interface FeatureComparison {
  championKey: string;
  challengerKey: string;
  challengerName: string;
  /** Top-N rows, most drifting (in either model) first. */
  rows: FeatureComparisonRow[];
  /** Over all shared features, not only the top N. */
  shared: number;
  better: number;
  worse: number;
}

export interface DriftModel {
  /** Models with any drift information, in comparison order. */
  models: ModelDrift[];
  /** One per challenger that has features, when the champion has features too. */
  comparisons: FeatureComparison[];
}
