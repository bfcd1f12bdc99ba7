import { Direction } from '../types';
import { Signal } from './mapping';
import type { Delta, ModelData } from './types';

/**
 * Whether a difference between champion and challenger is evidence or noise. Two rules, both
 * written up in the README ("How the verdict is reached"):
 * - too few predictions on either side (fewer than the panel's "Minimum predictions" option): the
 *   row says "not enough data" instead of better or worse;
 * - failure ratios, when both models have success and failure counts: a two-proportion z-test at
 *   the 5 % level; a difference that is not significant is "same", whatever its size.
 */

/** Two-sided 5 % critical value of the standard normal distribution. */
export const Z_CRITICAL_95 = 1.959964;

/** The model's prediction count over the range: the predictions signal, else successful + failed; null when unknown. */
export function predictionCount(data: ModelData): number | null {
  const predictions = data.scalars[Signal.Predictions]?.value ?? null;
  if (predictions !== null) {
    return predictions;
  }
  const counts = failureCounts(data);
  return counts ? counts.total : null;
}

/** Failed and all predictions, when the data has both counts (success + failure, or all + failed). */
export function failureCounts(data: ModelData): { failed: number; total: number } | null {
  const failed = data.scalars[Signal.FailedPredictions]?.value ?? null;
  const succeeded = data.scalars[Signal.SuccessfulPredictions]?.value ?? null;
  if (failed === null) {
    return null;
  }
  if (succeeded !== null) {
    return { failed, total: failed + succeeded };
  }
  const all = data.scalars[Signal.Predictions]?.value ?? null;
  return all !== null && all >= failed ? { failed, total: all } : null;
}

/**
 * z statistic of the two-proportion test (pooled) for failedA/totalA against failedB/totalB; null
 * when a side has no predictions. 0 when the pooled ratio is 0 or 1 (no variation: no difference).
 */
export function twoProportionZ(failedA: number, totalA: number, failedB: number, totalB: number): number | null {
  if (totalA <= 0 || totalB <= 0) {
    return null;
  }
  const pooled = (failedA + failedB) / (totalA + totalB);
  const variance = pooled * (1 - pooled) * (1 / totalA + 1 / totalB);
  if (variance <= 0) {
    return 0;
  }
  return (failedB / totalB - failedA / totalA) / Math.sqrt(variance);
}

/** True when either model has a known prediction count below `minimum`. */
export function tooFewPredictions(champion: ModelData, challenger: ModelData, minimum: number): boolean {
  return [champion, challenger].some((data) => {
    const count = predictionCount(data);
    return count !== null && count < minimum;
  });
}

/** A delta whose outcome rests on too little data: the difference is shown, the judgement is not. */
export function notEnoughData(delta: Delta): Delta {
  return { ...delta, outcome: 'insufficient', text: delta.text ? `${delta.text}, not enough data` : 'not enough data' };
}

/** Whether a two-sided z statistic is significant at 5 %: |z| at or above the critical value. */
export function significantAt95(z: number): boolean {
  return Math.abs(z) >= Z_CRITICAL_95;
}

/**
 * The failure-ratio delta judged by the two-proportion test instead of the tolerance: "same" when
 * the difference is not significant at 5 %, else better/worse by the metric's direction.
 */
export function testedFailureDelta(
  delta: Delta,
  champion: ModelData,
  challenger: ModelData,
  direction: Direction
): Delta {
  const a = failureCounts(champion);
  const b = failureCounts(challenger);
  if (!a || !b || direction === Direction.Neutral || delta.diff === null) {
    return delta;
  }
  const z = twoProportionZ(a.failed, a.total, b.failed, b.total);
  if (z === null) {
    return delta;
  }
  if (!significantAt95(z)) {
    return { ...delta, outcome: 'same', text: `${delta.text}, not significant` };
  }
  // Stryker disable next-line EqualityOperator: |z| >= Z_CRITICAL_95 here, so z is never 0
  const challengerHigher = z > 0;
  const better = challengerHigher === (direction === Direction.HigherIsBetter);
  return { ...delta, outcome: better ? 'better' : 'worse' };
}
