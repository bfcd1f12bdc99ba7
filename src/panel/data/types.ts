import type { DisplayProcessor, Field, LinkModel } from '@grafana/data';

import type { Direction, MetricId } from '../types';
import type { Reducer, Signal } from './mapping';
import { type ModelStatus } from '../../shared/modelStatus';

/** What names a model: its model/version labels, else only its role, else only its query. */
export enum IdentityKind {
  Model = 'model',
  Role = 'role',
  /** Frames of a deployment that name no model (a deployment without models): one per deployment. */
  Deployment = 'deployment',
  Query = 'query',
}

/** Who a model is, as far as the labels tell. */
export interface ModelIdentity {
  kind: IdentityKind;
  /** Stable key: kind, then deployment|model|version, the role or the query name. */
  key: string;
  model: string;
  version: string;
  deploymentId: string;
  deployment: string;
  /** Role label as found in the data ('' when absent). */
  role: string;
  /** Name to show when model and version are absent (query refId or frame name). */
  fallbackName: string;
}

/** How directly a value was read; a higher rank replaces a lower one. */
export enum SampleRank {
  /** Reduced from a series (mean, sum, last point…). */
  ReducedSeries = 2,
  /** Read as is: a one-row summary, a table cell, an instant value. */
  Direct = 3,
}

/** One value of a signal for a model, with where it came from. */
export interface Sample {
  value: number | null;
  /** Higher wins (see {@link SampleRank}). */
  rank: SampleRank;
  /** The field it came from, for display (units, decimals, thresholds) and data links. */
  field?: Field;
  rowIndex?: number;
  /** Unit of the source values when the field's unit option does not say. */
  unit?: string;
  /** Human-readable source ("Health summary", "ml_model_accuracy"). */
  source: string;
}

export interface SeriesSample {
  times: number[];
  values: Array<number | null>;
  field: Field;
  reducer: Reducer;
  source: string;
}

export interface FeatureData {
  name: string;
  drift: number | null;
  importance: number | null;
  /** Rank of the drift value's source (a table beats the last point of a series); 0 before any. */
  rank: SampleRank | 0;
  driftField?: Field;
  importanceField?: Field;
}

/** Everything collected for one model, before roles are resolved. */
export interface ModelData {
  identity: ModelIdentity;
  /** Position of first appearance in the data (query order). */
  order: number;
  scalars: Partial<Record<Signal, Sample>>;
  series: Partial<Record<Signal, SeriesSample>>;
  features: Map<string, FeatureData>;
  /**
   * Per model output column (e.g. `prediction`): its prediction mean, and per class of a categorical
   * output its mean share (keyed by {@link outputShareKey}), for neutral comparison rows.
   */
  outputs?: Map<string, Sample>;
  /** Gateway model statuses (HEALTHY, AT_RISK, FAILING, UNKNOWN or other strings). */
  driftStatus: string;
  accuracyStatus: string;
}

/** A model with its resolved role, in comparison order (champion first). */
export interface ModelInfo {
  key: string;
  /** "model v3" (or the query name when unlabelled). */
  name: string;
  /** Role as shown: the role label, or "champion"/"challenger" when assigned by the panel. */
  role: string;
  isChampion: boolean;
  /** How the role was decided. */
  roleSource: 'label' | 'fallback';
  identity: ModelIdentity;
  /** 0 = champion; colour index. */
  index: number;
}

/** `insufficient`: a difference too few predictions back to call better or worse. */
export type Outcome = 'better' | 'worse' | 'same' | 'neutral' | 'unknown' | 'insufficient';

export interface FormattedValue {
  text: string;
  /** Colour from the field's thresholds, only when the field has thresholds beyond the base. */
  thresholdColor?: string;
  /** True when the value is at or above the field's first threshold step. */
  aboveThreshold?: boolean;
}

export interface MetricCell extends FormattedValue {
  /** Canonical value (ms, percent, ratio, count; status rank for status metrics). */
  value: number | null;
  status?: ModelStatus;
  source?: string;
  /** Data links of the source field, if any. */
  getLinks?: () => LinkModel[];
}

export interface Delta {
  outcome: Outcome;
  /** Challenger minus champion, canonical units; null for status metrics or missing values. */
  diff: number | null;
  /** diff / |champion| (0.12 = +12 %); null when not computable. */
  relative: number | null;
  /** "+3.20 ms (+12%)", "Failing vs Healthy", or "" when not comparable. */
  text: string;
}

/** Row id of an output column's prediction mean, or of a class share (`predictionShare:<column>:<class>`). */
export type OutputRowId = `predictionMean:${string}` | `predictionShare:${string}`;

const SHARE_KEY_SEPARATOR = '\u0000';

/** Key in {@link ModelData.outputs} of a categorical output column's class share. */
export function outputShareKey(column: string, category: string): string {
  return `${column}${SHARE_KEY_SEPARATOR}${category}`;
}

/** Column and class of a share key; undefined for a prediction-mean key (a plain column). */
export function parseOutputShareKey(key: string): { column: string; category: string } | undefined {
  const at = key.indexOf(SHARE_KEY_SEPARATOR);
  return at < 0 ? undefined : { column: key.slice(0, at), category: key.slice(at + 1) };
}

export interface MetricRow {
  id: MetricId | OutputRowId;
  label: string;
  direction: Direction;
  /** By model, in ComparisonModel.models order. */
  cells: MetricCell[];
  /** By model; null for the champion. */
  deltas: Array<Delta | null>;
  /** False when no model has a value: the metric is missing from the data. */
  available: boolean;
  /** Formats a canonical value like the champion's cell (for deltas, axes). */
  display?: DisplayProcessor;
}

export interface Verdict {
  modelKey: string;
  modelName: string;
  better: number;
  worse: number;
  same: number;
  compared: number;
  /** Metrics with a difference but too few predictions to judge it. */
  insufficient: number;
  tone: 'better' | 'worse' | 'mixed' | 'none';
  /** "better on 3 of 4 metrics" */
  text: string;
}

export interface ComparisonModel {
  models: ModelInfo[];
  rows: MetricRow[];
  /** One per challenger, in model order. */
  verdicts: Verdict[];
}
