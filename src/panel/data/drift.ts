import { FeatureStatus, featureStatus } from '../../shared/featureStatus';
import type { Direction, PanelOptions } from '../types';
import { badgeOf, hasDriftInfo, statusCounts, summaryCountsOf } from './driftBadge';
import { resolveThresholds } from './driftThresholds';
import type { DriftModel, FeatureComparison, FeatureComparisonRow, FeaturePoint, ModelDrift } from './driftTypes';
import { outcomeOf } from './outcome';
import { memoByObject, optionKey } from './memo';
import { quadrantModel, quadrantOf } from './quadrant';
import type { ModelData, ModelInfo } from './types';

export * from './driftTypes';

/**
 * Drift model: per model a badge, counts by category, the top-N drifting features, quadrant points
 * (drift vs importance) and, for challengers, per-feature drift against the champion. Pure.
 */

/** Most drifting first; ties by importance, then name; features without drift last. */
export function compareFeatures(a: FeaturePoint, b: FeaturePoint): number {
  if (a.drift === null || b.drift === null) {
    return a.drift === null ? (b.drift === null ? a.name.localeCompare(b.name) : 1) : -1;
  }
  return b.drift - a.drift || (b.importance ?? -Infinity) - (a.importance ?? -Infinity) || a.name.localeCompare(b.name);
}

type ModelDriftOptions = Pick<PanelOptions, 'driftThreshold' | 'importanceThreshold' | 'topN' | 'quadrantLabels'>;

/** What a model's drift is apart from who the model is and the top-N cut. */
type DriftCore = Pick<ModelDrift, 'thresholds' | 'badge' | 'counts' | 'summaryCounts' | 'features' | 'quadrant'>;

function driftCore(data: ModelData, options: Omit<ModelDriftOptions, 'topN'>): DriftCore {
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
    thresholds,
    badge: badgeOf(data, features, thresholds),
    counts: features.length > 0 ? statusCounts(features) : [],
    summaryCounts: summaryCountsOf(data),
    features,
    quadrant: quadrantModel(features, thresholds, options.quadrantLabels),
  };
}

function withModel(core: DriftCore, info: ModelInfo, topN: number): ModelDrift {
  return {
    modelKey: info.key,
    modelName: info.name,
    role: info.role,
    isChampion: info.isChampion,
    thresholds: core.thresholds,
    badge: core.badge,
    counts: core.counts,
    summaryCounts: core.summaryCounts,
    features: core.features,
    top: core.features.filter((f) => f.drift !== null).slice(0, topN),
    quadrant: core.quadrant,
  };
}

const coreMemo = memoByObject<ModelData, DriftCore>();

/** {@link driftCore} reused while the model's collected data and the options it reads are the same. */
function memoDriftCore(data: ModelData, options: Omit<ModelDriftOptions, 'topN'>): DriftCore {
  const key = optionKey(options.driftThreshold, options.importanceThreshold, options.quadrantLabels);
  return coreMemo(data, key, () => driftCore(data, options));
}

/** A comparison with all its rows, unsorted, and each row's peak drift (the sort key). */
interface FullComparison extends Omit<FeatureComparison, 'rows'> {
  rows: FeatureComparisonRow[];
  peaks: Float64Array;
}

/** Per-feature drift of a challenger against the champion, every row (the top-N cut is {@link topRows}). */
function compareFeatureDrift(
  champion: ModelDrift,
  challenger: ModelDrift,
  options: Pick<PanelOptions, 'equalTolerancePercent'>,
  direction: Direction
): FullComparison {
  const championByName = new Map(champion.features.map((f) => [f.name, f]));
  const challengerByName = new Map(challenger.features.map((f) => [f.name, f]));
  const tolerance = options.equalTolerancePercent / 100;
  const rows: FeatureComparisonRow[] = [];
  const peaks: number[] = [];
  let shared = 0;
  let better = 0;
  let worse = 0;
  const addRow = (name: string, a: FeaturePoint | undefined, b: FeaturePoint | undefined) => {
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
    peaks.push(Math.max(championDrift ?? -Infinity, challengerDrift ?? -Infinity));
  };
  for (const [name, a] of championByName) {
    addRow(name, a, challengerByName.get(name));
  }
  for (const [name, b] of challengerByName) {
    if (!championByName.has(name)) {
      addRow(name, undefined, b);
    }
  }
  return {
    championKey: champion.modelKey,
    challengerKey: challenger.modelKey,
    challengerName: challenger.modelName,
    rows,
    peaks: Float64Array.from(peaks),
    shared,
    better,
    worse,
  };
}

/**
 * The `n` rows drifting most in either model (ties by name), in that order — the first `n` of all
 * rows sorted so, without sorting all of them: only rows at or above the n-th largest peak are.
 */
function topRows({ rows, peaks }: FullComparison, n: number): FeatureComparisonRow[] {
  if (n <= 0 || rows.length === 0) {
    return [];
  }
  const sortedPeaks = Float64Array.from(peaks).sort();
  const cut = sortedPeaks[Math.max(0, rows.length - n)];
  const picked: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (peaks[i] >= cut) {
      picked.push(i);
    }
  }
  picked.sort((x, y) => peaks[y] - peaks[x] || rows[x].name.localeCompare(rows[y].name));
  return picked.slice(0, n).map((i) => rows[i]);
}

const comparisonMemo = new WeakMap<FeaturePoint[], ReturnType<typeof memoByObject<FeaturePoint[], FullComparison>>>();

/** {@link compareFeatureDrift} reused while both models' features and the options it reads are the same. */
function memoCompare(
  champion: ModelDrift,
  challenger: ModelDrift,
  options: Pick<PanelOptions, 'equalTolerancePercent'>,
  direction: Direction
): FullComparison {
  let memo = comparisonMemo.get(champion.features);
  if (!memo) {
    memo = memoByObject<FeaturePoint[], FullComparison>();
    comparisonMemo.set(champion.features, memo);
  }
  const key = optionKey(
    champion.modelKey,
    challenger.modelKey,
    challenger.modelName,
    options.equalTolerancePercent,
    direction
  );
  return memo(challenger.features, key, () => compareFeatureDrift(champion, challenger, options, direction));
}

type DriftOptions = ModelDriftOptions & Pick<PanelOptions, 'equalTolerancePercent' | 'directions'>;

/** Drift for all models (`data` and `infos` in the same, champion-first order). */
export function buildDrift(data: ModelData[], infos: ModelInfo[], options: DriftOptions): DriftModel {
  return assembleDrift(data, infos, options, driftCore, compareFeatureDrift);
}

/**
 * {@link buildDrift} for the panel: the same result, reusing (`memo.ts`) each model's drift and each
 * comparison while its collected data and the options it reads are unchanged, so that e.g. a new
 * top N re-cuts lists without re-deriving 2,000 features, and the quadrant keeps its model object.
 */
export function buildDriftMemo(data: ModelData[], infos: ModelInfo[], options: DriftOptions): DriftModel {
  return assembleDrift(data, infos, options, memoDriftCore, memoCompare);
}

function assembleDrift(
  data: ModelData[],
  infos: ModelInfo[],
  options: DriftOptions,
  core: typeof driftCore,
  compare: typeof compareFeatureDrift
): DriftModel {
  const models: ModelDrift[] = [];
  data.forEach((d, i) => {
    if (hasDriftInfo(d)) {
      models.push(withModel(core(d, options), infos[i], options.topN));
    }
  });
  const champion = models.find((m) => m.isChampion);
  const comparisons: FeatureComparison[] = [];
  if (champion && champion.features.length > 0) {
    // Per-feature drift: lower is better unless the drift-status direction says otherwise.
    const direction = options.directions.driftStatus;
    for (const model of models) {
      if (!model.isChampion && model.features.length > 0) {
        const { peaks, ...full } = compare(champion, model, options, direction);
        comparisons.push({ ...full, rows: topRows({ ...full, peaks }, options.topN) });
      }
    }
  }
  return { models, comparisons };
}
