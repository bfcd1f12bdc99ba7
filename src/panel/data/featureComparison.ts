import { FeatureStatus } from '../../shared/featureStatus';
import type { Direction } from '../types';
import type { FeatureComparison, FeatureComparisonRow, FeaturePoint } from './driftTypes';
import { outcomeOf } from './outcome';

/** Per-feature drift of a challenger against the champion: all rows, and the top-N cut of them. */

/** A comparison's numbers over all shared features, every row (unsorted) and each row's peak drift. */
export interface FullComparison extends Pick<FeatureComparison, 'shared' | 'better' | 'worse'> {
  rows: FeatureComparisonRow[];
  peaks: Float64Array;
}

/** Every row of the comparison; the order of `champion` and `challenger` does not matter. */
export function compareFeatureDrift(
  champion: FeaturePoint[],
  challenger: FeaturePoint[],
  tolerance: number,
  direction: Direction
): FullComparison {
  const championByName = new Map(champion.map((f) => [f.name, f]));
  const challengerByName = new Map(challenger.map((f) => [f.name, f]));
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
  return { rows, peaks: Float64Array.from(peaks), shared, better, worse };
}

/**
 * The `n` rows drifting most in either model (ties by name), in that order — the first `n` of all
 * rows sorted so, without sorting all of them: only rows at or above the n-th largest peak are.
 */
export function topRows({ rows, peaks }: FullComparison, n: number): FeatureComparisonRow[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: fast path; for n <= 0 or no rows the cut index is past the end, so nothing is picked either
  if (n <= 0 || rows.length === 0) {
    return [];
  }
  const sortedPeaks = Float64Array.from(peaks).sort();
  const cut = sortedPeaks[Math.max(0, rows.length - n)];
  const picked: number[] = [];
  // Stryker disable next-line EqualityOperator: peaks[rows.length] is undefined, never >= cut
  for (let i = 0; i < rows.length; i++) {
    // Stryker disable next-line ConditionalExpression: the cut only saves sorting; peaks are finite or -Infinity (toNumber drops NaN), so picking all rows gives the same first n
    if (peaks[i] >= cut) {
      picked.push(i);
    }
  }
  picked.sort((x, y) => peaks[y] - peaks[x] || rows[x].name.localeCompare(rows[y].name));
  return picked.slice(0, n).map((i) => rows[i]);
}
