/**
 * The drift methods H2O MLOps documents for its monitoring aggregates ("Analyze drift in Superset",
 * https://docs.h2o.ai/mlops/model-monitoring/analyze-drift-in-superset), as pure functions of two
 * aligned count vectors (baseline first, scoring second). Counts are normalised to proportions
 * here, so every method is invariant to scaling either side's counts. Formulas and decisions are
 * restated in docs/h2o-mlops-1x-contract.md ("Drift methods").
 */

/**
 * Floor applied to empty-bin proportions in PSI, whose log term is undefined for a zero. 1e-4 is
 * the customary PSI floor (also Evidently's); H2O's page does not name one, see the contract page.
 */
export const PSI_EPSILON = 1e-4;

/** Proportions of each bin; throws on negative, non-finite or all-zero counts. */
export function toProportions(counts: readonly number[]): number[] {
  let total = 0;
  for (const c of counts) {
    if (!Number.isFinite(c) || c < 0) {
      throw new RangeError(`counts must be finite and non-negative, got ${c}`);
    }
    total += c;
  }
  if (total <= 0) {
    throw new RangeError('counts sum to zero: there is no distribution to compare');
  }
  return counts.map((c) => c / total);
}

function proportionsOf(baseline: readonly number[], scoring: readonly number[]): [number[], number[]] {
  if (baseline.length !== scoring.length) {
    throw new RangeError(`bins differ: baseline has ${baseline.length}, scoring ${scoring.length}; align them first`);
  }
  if (baseline.length === 0) {
    throw new RangeError('no bins to compare');
  }
  return [toProportions(baseline), toProportions(scoring)];
}

const clampUnit = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Total variation distance: ½ Σ |p_i − q_i| over the bins' proportions. 0 for identical
 * distributions, 1 for disjoint ones; symmetric.
 */
export function totalVariationDistance(baseline: readonly number[], scoring: readonly number[]): number {
  const [p, q] = proportionsOf(baseline, scoring);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    sum += Math.abs(p[i] - q[i]);
  }
  return clampUnit(sum / 2);
}

/**
 * Population stability index: Σ (q_i − p_i) · ln(q_i / p_i), p the baseline's proportions and q
 * the scoring's, each floored at `epsilon` first so that an empty bin contributes a large but
 * finite term. Every term is ≥ 0, so PSI ≥ 0; it is symmetric in p and q.
 */
export function populationStabilityIndex(
  baseline: readonly number[],
  scoring: readonly number[],
  epsilon: number = PSI_EPSILON
): number {
  if (!(epsilon > 0 && epsilon < 1)) {
    throw new RangeError(`epsilon must be in (0, 1), got ${epsilon}`);
  }
  const [p, q] = proportionsOf(baseline, scoring);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = Math.max(p[i], epsilon);
    const qi = Math.max(q[i], epsilon);
    sum += (qi - pi) * Math.log(qi / pi);
  }
  return Math.max(0, sum);
}

/**
 * Hellinger distance: √(½ Σ (√p_i − √q_i)²). 0 for identical distributions, 1 for disjoint ones;
 * symmetric; needs no smoothing. Computed as a norm of differences rather than √(1 − Σ √(p_i q_i))
 * because the latter loses all precision for nearly identical distributions.
 */
export function hellingerDistance(baseline: readonly number[], scoring: readonly number[]): number {
  const [p, q] = proportionsOf(baseline, scoring);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
    sum += d * d;
  }
  return clampUnit(Math.sqrt(sum / 2));
}

/**
 * Z-score of a window's mean against the baseline: (mean_window − mean_baseline) / sd_baseline —
 * "how many baseline standard deviations the mean moved". Signed; statuses compare |z|. Returns
 * null when the baseline has no spread (sd 0), where a shift has no scale.
 */
export function zScore(baselineMean: number, baselineStandardDeviation: number, windowMean: number): number | null {
  for (const [name, v] of [
    ['baseline mean', baselineMean],
    ['baseline standard deviation', baselineStandardDeviation],
    ['window mean', windowMean],
  ] as const) {
    if (!Number.isFinite(v)) {
      throw new RangeError(`${name} must be finite, got ${v}`);
    }
  }
  if (baselineStandardDeviation < 0) {
    throw new RangeError(`standard deviation must be ≥ 0, got ${baselineStandardDeviation}`);
  }
  if (baselineStandardDeviation === 0) {
    return null;
  }
  return (windowMean - baselineMean) / baselineStandardDeviation;
}
