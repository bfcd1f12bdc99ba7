import { ThresholdsMode, type Field } from '@grafana/data';

import type { Direction, PanelOptions } from '../types';
import { Signal } from './mapping';
import { outcomeOf } from './outcome';
import { type ModelData, type ModelInfo, type Outcome } from './types';
import { FeatureStatus, featureStatus } from '../../shared/featureStatus';
import { ModelStatus, MODEL_STATUS_LABELS, parseGatewayStatus } from '../../shared/modelStatus';

/**
 * Drift model: per model a badge, counts by category, the top-N drifting features, quadrant points
 * (drift vs importance) and, for challengers, per-feature drift against the champion. Pure.
 */

export enum Quadrant {
  DriftingImportant = 'driftingImportant',
  Drifting = 'drifting',
  Important = 'important',
  Stable = 'stable',
}

type ThresholdSource = 'data' | 'field' | 'option';

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

interface ModelDrift {
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

interface FeatureComparisonRow {
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

/** The first step above the base of a field's absolute thresholds, if the field has one. */
export function firstThresholdStep(field: Field | undefined): number | undefined {
  const thresholds = field?.config?.thresholds;
  if (!thresholds || thresholds.mode === ThresholdsMode.Percentage) {
    return undefined;
  }
  const values = thresholds.steps.map((s) => s.value).filter((v) => Number.isFinite(v));
  return values.length > 0 ? Math.min(...values) : undefined;
}

function resolveThresholds(
  data: ModelData,
  options: Pick<PanelOptions, 'driftThreshold' | 'importanceThreshold'>
): DriftThresholds {
  const pick = (
    scalar: number | null | undefined,
    fields: Array<Field | undefined>,
    fallback: number
  ): [number, ThresholdSource] => {
    if (scalar !== null && scalar !== undefined && Number.isFinite(scalar)) {
      return [scalar, 'data'];
    }
    for (const field of fields) {
      const step = firstThresholdStep(field);
      if (step !== undefined) {
        return [step, 'field'];
      }
    }
    return [fallback, 'option'];
  };
  // One field per source frame is enough: features of a table share their fields.
  const driftFields = new Set<Field>();
  const importanceFields = new Set<Field>();
  for (const f of data.features.values()) {
    if (f.driftField) {
      driftFields.add(f.driftField);
    }
    if (f.importanceField) {
      importanceFields.add(f.importanceField);
    }
  }
  const [drift, driftSource] = pick(
    data.scalars[Signal.DriftThreshold]?.value,
    [...driftFields],
    options.driftThreshold
  );
  const [importance, importanceSource] = pick(
    data.scalars[Signal.ImportanceThreshold]?.value,
    [...importanceFields],
    options.importanceThreshold
  );
  return { drift, importance, driftSource, importanceSource };
}

export function quadrantOf(
  drift: number | null,
  importance: number | null,
  t: Pick<DriftThresholds, 'drift' | 'importance'>
): Quadrant | null {
  if (drift === null || importance === null) {
    return null;
  }
  const drifting = drift >= t.drift;
  const important = importance >= t.importance;
  if (drifting) {
    return important ? Quadrant.DriftingImportant : Quadrant.Drifting;
  }
  return important ? Quadrant.Important : Quadrant.Stable;
}

/** Most drifting first; ties by importance, then name; features without drift last. */
export function compareFeatures(a: FeaturePoint, b: FeaturePoint): number {
  if (a.drift === null || b.drift === null) {
    return a.drift === null ? (b.drift === null ? a.name.localeCompare(b.name) : 1) : -1;
  }
  return b.drift - a.drift || (b.importance ?? -Infinity) - (a.importance ?? -Infinity) || a.name.localeCompare(b.name);
}

function statusCounts(features: FeaturePoint[]): DriftCount[] {
  const n = (s: FeatureStatus) => features.filter((f) => f.status === s).length;
  return [
    {
      key: 'driftingImportant',
      label: 'Drifting & important',
      count: n(FeatureStatus.DriftingImportant),
      severity: 'critical',
    },
    { key: 'drifting', label: 'Drifting', count: n(FeatureStatus.Drifting), severity: 'warning' },
    { key: 'stable', label: 'Stable', count: n(FeatureStatus.Stable), severity: 'ok' },
    { key: 'notCalculated', label: 'Not calculated', count: n(FeatureStatus.NotCalculated), severity: 'info' },
  ];
}

function summaryCountsOf(data: ModelData): DriftCount[] {
  const v = (s: Signal) => data.scalars[s]?.value;
  const high = v(Signal.HighDrift);
  const medium = v(Signal.MediumDrift);
  const low = v(Signal.LowDrift);
  const out: DriftCount[] = [];
  if (high !== null && high !== undefined) {
    out.push({ key: 'high', label: 'High drift', count: high, severity: 'critical' });
  }
  if (medium !== null && medium !== undefined) {
    out.push({ key: 'medium', label: 'Medium drift', count: medium, severity: 'warning' });
  }
  if (low !== null && low !== undefined) {
    out.push({ key: 'low', label: 'Low drift', count: low, severity: 'ok' });
  }
  return out;
}

function badgeOf(data: ModelData, features: FeaturePoint[], t: DriftThresholds): DriftBadge {
  const gateway = parseGatewayStatus(data.driftStatus);
  if (gateway) {
    return {
      status: gateway,
      label: MODEL_STATUS_LABELS[gateway],
      source: 'gateway',
      detail: "From the gateway's model drift status.",
    };
  }
  const calculated = features.filter((f) => f.status !== FeatureStatus.NotCalculated);
  if (calculated.length > 0) {
    const important = calculated.filter((f) => f.status === FeatureStatus.DriftingImportant).length;
    const drifting = important + calculated.filter((f) => f.status === FeatureStatus.Drifting).length;
    const status = important > 0 ? ModelStatus.Failing : drifting > 0 ? ModelStatus.AtRisk : ModelStatus.Healthy;
    const detail =
      drifting === 0
        ? `No feature at or above the drift threshold ${formatNumber(t.drift)}.`
        : `${drifting} of ${calculated.length} features at or above the drift threshold ${formatNumber(t.drift)}` +
          (important > 0
            ? `, ${important} of them important (importance ≥ ${formatNumber(t.importance)}).`
            : ', none of them important.');
    return { status, label: MODEL_STATUS_LABELS[status], source: 'thresholds', detail };
  }
  const high = data.scalars[Signal.HighDrift]?.value;
  const medium = data.scalars[Signal.MediumDrift]?.value;
  const low = data.scalars[Signal.LowDrift]?.value;
  if ([high, medium, low].some((v) => v !== null && v !== undefined)) {
    const status = (high ?? 0) > 0 ? ModelStatus.Failing : (medium ?? 0) > 0 ? ModelStatus.AtRisk : ModelStatus.Healthy;
    return {
      status,
      label: MODEL_STATUS_LABELS[status],
      source: 'summary',
      detail: "From the gateway's high/medium drift counts.",
    };
  }
  return {
    status: ModelStatus.Unknown,
    label: MODEL_STATUS_LABELS[ModelStatus.Unknown],
    source: 'none',
    detail: 'No drift information for this model.',
  };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3)));
}

function hasDriftInfo(data: ModelData): boolean {
  return (
    data.features.size > 0 ||
    parseGatewayStatus(data.driftStatus) !== undefined ||
    [Signal.HighDrift, Signal.MediumDrift, Signal.LowDrift, Signal.FeaturesDrifting].some(
      (s) => data.scalars[s] !== undefined
    )
  );
}

function quadrantModel(features: FeaturePoint[], t: DriftThresholds, labels: number): QuadrantModel {
  const points = features.filter((f) => f.quadrant !== null);
  let maxDrift = 0;
  let maxImportance = 0;
  const counts: Record<Quadrant, number> = {
    [Quadrant.DriftingImportant]: 0,
    [Quadrant.Drifting]: 0,
    [Quadrant.Important]: 0,
    [Quadrant.Stable]: 0,
  };
  for (const p of points) {
    maxDrift = Math.max(maxDrift, p.drift!);
    maxImportance = Math.max(maxImportance, p.importance!);
    counts[p.quadrant!]++;
  }
  const labelCandidates = points
    .filter((p) => p.quadrant === Quadrant.DriftingImportant)
    .sort(
      (a, b) =>
        b.drift! * b.importance! - a.drift! * a.importance! || b.drift! - a.drift! || a.name.localeCompare(b.name)
    )
    .map((p) => p.name);
  return {
    points,
    xMax: Math.max(maxImportance, t.importance) * 1.1 || 1,
    yMax: Math.max(maxDrift, t.drift) * 1.1 || 1,
    labelCandidates: labels > 0 ? labelCandidates : [],
    maxLabels: labels,
    counts,
  };
}

function buildModelDrift(
  data: ModelData,
  info: ModelInfo,
  options: Pick<PanelOptions, 'driftThreshold' | 'importanceThreshold' | 'topN' | 'quadrantLabels'>
): ModelDrift {
  const thresholds = resolveThresholds(data, options);
  const features: FeaturePoint[] = [];
  for (const f of data.features.values()) {
    features.push({
      name: f.name,
      drift: f.drift,
      importance: f.importance,
      status: featureStatus(f.drift, f.importance, thresholds),
      quadrant: quadrantOf(f.drift, f.importance, thresholds),
    });
  }
  features.sort(compareFeatures);
  return {
    modelKey: info.key,
    modelName: info.name,
    role: info.role,
    isChampion: info.isChampion,
    thresholds,
    badge: badgeOf(data, features, thresholds),
    counts: features.length > 0 ? statusCounts(features) : [],
    summaryCounts: summaryCountsOf(data),
    features,
    top: features.filter((f) => f.drift !== null).slice(0, options.topN),
    quadrant: quadrantModel(features, thresholds, options.quadrantLabels),
  };
}

function compareFeatureDrift(
  champion: ModelDrift,
  challenger: ModelDrift,
  options: Pick<PanelOptions, 'topN' | 'equalTolerancePercent' | 'directions'>,
  direction: Direction
): FeatureComparison {
  const championByName = new Map(champion.features.map((f) => [f.name, f]));
  const challengerByName = new Map(challenger.features.map((f) => [f.name, f]));
  const names = new Set([...championByName.keys(), ...challengerByName.keys()]);
  const tolerance = options.equalTolerancePercent / 100;
  const rows: FeatureComparisonRow[] = [];
  let shared = 0;
  let better = 0;
  let worse = 0;
  for (const name of names) {
    const a = championByName.get(name);
    const b = challengerByName.get(name);
    const championDrift = a?.drift ?? null;
    const challengerDrift = b?.drift ?? null;
    const outcome = outcomeOf(championDrift, challengerDrift, direction, tolerance);
    if (championDrift !== null && challengerDrift !== null) {
      shared++;
      better += outcome === 'better' ? 1 : 0;
      worse += outcome === 'worse' ? 1 : 0;
    }
    rows.push({
      name,
      champion: championDrift,
      challenger: challengerDrift,
      diff: championDrift !== null && challengerDrift !== null ? challengerDrift - championDrift : null,
      outcome,
      importance: a?.importance ?? b?.importance ?? null,
      championStatus: a?.status ?? FeatureStatus.NotCalculated,
      challengerStatus: b?.status ?? FeatureStatus.NotCalculated,
    });
  }
  const peak = (r: FeatureComparisonRow) => Math.max(r.champion ?? -Infinity, r.challenger ?? -Infinity);
  rows.sort((x, y) => peak(y) - peak(x) || x.name.localeCompare(y.name));
  return {
    championKey: champion.modelKey,
    challengerKey: challenger.modelKey,
    challengerName: challenger.modelName,
    rows: rows.slice(0, options.topN),
    shared,
    better,
    worse,
  };
}

/** Drift for all models (`data` and `infos` in the same, champion-first order). */
export function buildDrift(
  data: ModelData[],
  infos: ModelInfo[],
  options: Pick<
    PanelOptions,
    'driftThreshold' | 'importanceThreshold' | 'topN' | 'quadrantLabels' | 'equalTolerancePercent' | 'directions'
  >
): DriftModel {
  const models: ModelDrift[] = [];
  data.forEach((d, i) => {
    if (hasDriftInfo(d)) {
      models.push(buildModelDrift(d, infos[i], options));
    }
  });
  const champion = models.find((m) => m.isChampion);
  const comparisons: FeatureComparison[] = [];
  if (champion && champion.features.length > 0) {
    // Per-feature drift: lower is better unless the drift-status direction says otherwise.
    const direction = options.directions.driftStatus;
    for (const model of models) {
      if (!model.isChampion && model.features.length > 0) {
        comparisons.push(compareFeatureDrift(champion, model, options, direction));
      }
    }
  }
  return { models, comparisons };
}
