/**
 * Drift statuses from thresholds, the default thresholds per method and the default method per
 * logical type. Where H2O's documentation gives a reading (PSI: "< 0.10 no drift, > 0.25 significant
 * drift") it is the default; the others are this project's decisions, recorded with their reasons in
 * docs/h2o-mlops-1x-contract.md ("Thresholds"). All are configurable per query.
 */
import type { DriftMethod, DriftStatus, DriftThresholds, LogicalType, TextFacet } from './types';

/** Default thresholds per method (Z-score thresholds apply to |z|). */
export const DEFAULT_THRESHOLDS: Readonly<Record<DriftMethod, DriftThresholds>> = {
  // H2O's documented PSI reading.
  psi: { warning: 0.1, critical: 0.25 },
  // Project decisions: TVD and Hellinger share PSI's scale of "small / moderate / large" shifts on
  // [0, 1]; |z| of 2 and 3 are the customary control-chart limits.
  tvd: { warning: 0.1, critical: 0.2 },
  hellinger: { warning: 0.1, critical: 0.2 },
  zscore: { warning: 2, critical: 3 },
};

/** Checks that thresholds are finite, non-negative and ordered. */
export function validateThresholds(t: DriftThresholds): void {
  if (!Number.isFinite(t.warning) || !Number.isFinite(t.critical) || t.warning < 0 || t.critical < t.warning) {
    throw new RangeError(`thresholds need 0 ≤ warning ≤ critical, got warning ${t.warning}, critical ${t.critical}`);
  }
}

/**
 * Status of a drift value: `ok` below `warning`, `drift` above `critical`, `warning` in between
 * (both ends inclusive, so PSI 0.10 and 0.25 are warnings). Z-scores are compared by magnitude.
 */
export function statusOf(
  method: DriftMethod,
  value: number,
  thresholds: DriftThresholds = DEFAULT_THRESHOLDS[method]
): Exclude<DriftStatus, 'unknown'> {
  validateThresholds(thresholds);
  if (Number.isNaN(value)) {
    throw new RangeError('a drift value cannot be NaN');
  }
  const magnitude = method === 'zscore' ? Math.abs(value) : value;
  if (magnitude > thresholds.critical) {
    return 'drift';
  }
  return magnitude >= thresholds.warning ? 'warning' : 'ok';
}

/** {@link statusOf}, with `unknown` for a value that could not be computed (null or NaN). */
export function driftStatus(
  method: DriftMethod,
  value: number | null,
  thresholds: DriftThresholds = DEFAULT_THRESHOLDS[method]
): DriftStatus {
  validateThresholds(thresholds);
  return value === null || Number.isNaN(value) ? 'unknown' : statusOf(method, value, thresholds);
}

/** How a column's drift is computed by default: a method, and for text columns which facet. */
export interface DefaultDriftChoice {
  readonly method: DriftMethod;
  readonly textFacet?: TextFacet;
}

/**
 * Default method per logical type, following H2O's "choosing the right drift method": TVD for
 * numerical columns, PSI for categorical ones; text columns compare their length histograms with
 * TVD (the numeric view H2O's text monitoring builds). Types without distributions H2O aggregates
 * (datetime, timestamp, id, image, unspecified) have none.
 */
export function defaultDriftChoice(type: LogicalType): DefaultDriftChoice | null {
  switch (type) {
    case 'NUMERICAL':
      return { method: 'tvd' };
    case 'CATEGORICAL':
      return { method: 'psi' };
    case 'TEXT':
      return { method: 'tvd', textFacet: 'length' };
    default:
      return null;
  }
}

/** Methods that make sense for a logical type (Z-score needs a mean, so not for categories). */
export function applicableMethods(type: LogicalType): DriftMethod[] {
  switch (type) {
    case 'NUMERICAL':
      return ['tvd', 'psi', 'hellinger', 'zscore'];
    case 'CATEGORICAL':
      return ['psi', 'tvd', 'hellinger'];
    case 'TEXT':
      return ['tvd', 'psi', 'hellinger', 'zscore'];
    default:
      return [];
  }
}
