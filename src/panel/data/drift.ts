import { featureStatus } from '../../shared/featureStatus';
import type { PanelOptions } from '../types';
import { badgeOf, hasDriftInfo, statusCounts, summaryCountsOf } from './driftBadge';
import { resolveThresholds } from './driftThresholds';
import type { DriftModel, FeatureComparison, FeaturePoint, ModelDrift } from './driftTypes';
import { compareFeatureDrift, topRows, type FullComparison } from './featureComparison';
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
type DriftOptions = ModelDriftOptions & Pick<PanelOptions, 'equalTolerancePercent' | 'directions'>;

/**
 * Sets `key` on `target` to `compute()`: right away (`eager`), or as an enumerable getter that
 * computes it on first read — for the parts of the drift model that only the shown model needs.
 */
function define<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K], eager: boolean): void {
  if (eager) {
    target[key] = compute();
    return;
  }
  Object.defineProperty(target, key, { enumerable: true, get: once(compute) });
}

/** What a model's drift is apart from who the model is and the top-N cut. */
interface DriftCore extends Pick<
  ModelDrift,
  'thresholds' | 'badge' | 'counts' | 'summaryCounts' | 'features' | 'quadrant'
> {
  /** The same features in collection order (for counts and comparisons, where order does not matter). */
  unsorted: FeaturePoint[];
}

/**
 * A model's drift core; its sorted features and quadrant are computed when first read — at once by
 * {@link withModel} when eager, so the core itself need not know.
 */
function driftCore(data: ModelData, options: Omit<ModelDriftOptions, 'topN'>): DriftCore {
  const thresholds = resolveThresholds(data, options);
  const unsorted: FeaturePoint[] = [];
  for (const f of data.features.values()) {
    unsorted.push({
      name: f.name,
      drift: f.drift,
      importance: f.importance,
      status: featureStatus(f.drift, f.importance, thresholds),
      quadrant: quadrantOf(f.drift, f.importance, thresholds),
    });
  }
  const core = {
    thresholds,
    badge: badgeOf(data, unsorted, thresholds),
    counts: unsorted.length > 0 ? statusCounts(unsorted) : [],
    summaryCounts: summaryCountsOf(data),
    unsorted,
  } as DriftCore;
  // Stryker disable next-line BooleanLiteral: sorting at once or on first read gives the same list, only sooner
  define(core, 'features', () => [...unsorted].sort(compareFeatures), false);
  define(core, 'quadrant', () => quadrantModel(core.features, thresholds, options.quadrantLabels), false);
  return core;
}

function withModel(core: DriftCore, info: ModelInfo, topN: number, eager: boolean): ModelDrift {
  const model = {
    modelKey: info.key,
    modelName: info.name,
    role: info.role,
    isChampion: info.isChampion,
    thresholds: core.thresholds,
    badge: core.badge,
    counts: core.counts,
    summaryCounts: core.summaryCounts,
  } as ModelDrift;
  define(model, 'features', () => core.features, eager);
  define(model, 'top', () => core.features.filter((f) => f.drift !== null).slice(0, topN), eager);
  define(model, 'quadrant', () => core.quadrant, eager);
  return model;
}

function withRows(
  champion: ModelDrift,
  challenger: ModelDrift,
  full: () => FullComparison,
  topN: number,
  eager: boolean
): FeatureComparison {
  const comparison = {
    championKey: champion.modelKey,
    challengerKey: challenger.modelKey,
    challengerName: challenger.modelName,
  } as FeatureComparison;
  define(comparison, 'rows', () => topRows(full(), topN), eager);
  define(comparison, 'shared', () => full().shared, eager);
  define(comparison, 'better', () => full().better, eager);
  define(comparison, 'worse', () => full().worse, eager);
  return comparison;
}

/** Drift for all models (`data` and `infos` in the same, champion-first order). */
export function buildDrift(data: ModelData[], infos: ModelInfo[], options: DriftOptions): DriftModel {
  return assembleDrift(data, infos, options, true);
}

const coreMemo = memoByObject<ModelData, DriftCore>();
const comparisonMemo = new WeakMap<FeaturePoint[], ReturnType<typeof memoByObject<FeaturePoint[], FullComparison>>>();

/**
 * {@link buildDrift} for the panel: equal to it, but each model's drift and each comparison is
 * reused (`memo.ts`) while its collected data and the options it reads are unchanged — a new top N
 * re-cuts lists without re-deriving 2,000 features, and the quadrant keeps its model object — and
 * the sorted features, quadrant and comparison rows are computed when first read, so only for the
 * model and challenger the panel shows.
 */
export function buildDriftMemo(data: ModelData[], infos: ModelInfo[], options: DriftOptions): DriftModel {
  return assembleDrift(data, infos, options, false);
}

function coreOf(data: ModelData, options: DriftOptions, eager: boolean): DriftCore {
  if (eager) {
    return driftCore(data, options);
  }
  const key = optionKey(options.driftThreshold, options.importanceThreshold, options.quadrantLabels);
  return coreMemo(data, key, () => driftCore(data, options));
}

/** Once, then the same value. */
function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/**
 * The challenger's full comparison with the champion, computed on first call and memoised by the
 * two cores' feature lists (new lists for each eager build, so it only ever hits for memoised cores).
 */
function fullComparison(champion: DriftCore, challenger: DriftCore, options: DriftOptions): () => FullComparison {
  const direction = options.directions.driftStatus; // lower drift is better unless this says otherwise
  const compute = () =>
    compareFeatureDrift(champion.unsorted, challenger.unsorted, options.equalTolerancePercent / 100, direction);
  const memo = comparisonMemo.get(champion.unsorted) ?? memoByObject<FeaturePoint[], FullComparison>();
  comparisonMemo.set(champion.unsorted, memo);
  const key = optionKey(options.equalTolerancePercent, direction);
  return once(() => memo(challenger.unsorted, key, compute));
}

function assembleDrift(data: ModelData[], infos: ModelInfo[], options: DriftOptions, eager: boolean): DriftModel {
  const cores: DriftCore[] = [];
  const models: ModelDrift[] = [];
  data.forEach((d, i) => {
    if (hasDriftInfo(d)) {
      const core = coreOf(d, options, eager);
      cores.push(core);
      models.push(withModel(core, infos[i], options.topN, eager));
    }
  });
  const at = models.findIndex((m) => m.isChampion);
  const comparisons: FeatureComparison[] = [];
  if (at >= 0 && cores[at].unsorted.length > 0) {
    models.forEach((model, i) => {
      if (!model.isChampion && cores[i].unsorted.length > 0) {
        const full = fullComparison(cores[at], cores[i], options);
        comparisons.push(withRows(models[at], model, full, options.topN, eager));
      }
    });
  }
  return { models, comparisons };
}
