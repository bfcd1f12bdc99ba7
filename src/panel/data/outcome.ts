import { Direction } from '../types';
import type { Outcome } from './types';

/**
 * Better or worse: challenger against champion for a metric's direction. Differences within
 * `tolerance` (a share of the champion's value, 0.01 = 1 %) count as the same.
 */
export function outcomeOf(
  champion: number | null,
  challenger: number | null,
  direction: Direction,
  tolerance: number
): Outcome {
  if (champion === null || challenger === null) {
    return 'unknown';
  }
  if (direction === Direction.Neutral) {
    return 'neutral';
  }
  const diff = challenger - champion;
  if (diff === 0 || Math.abs(diff) <= tolerance * Math.abs(champion)) {
    return 'same';
  }
  // Stryker disable next-line EqualityOperator: diff 0 returned 'same' above, so `diff <= 0` gives the same outcome
  return diff < 0 === (direction === Direction.LowerIsBetter) ? 'better' : 'worse';
}
