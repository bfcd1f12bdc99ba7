/**
 * Per-feature drift status, derived from the two thresholds of a drift response. The data source
 * writes it into its feature-drift table; the panel derives it again for features from any data
 * source (and with thresholds from field config or options). One rule for both.
 */

/** Drifted-and-important features are the ones a model owner must look at first. */
export enum FeatureStatus {
  NotCalculated = 'not calculated',
  Stable = 'stable',
  Drifting = 'drifting',
  DriftingImportant = 'drifting, important',
}

interface StatusThresholds<T extends number | null> {
  drift: T;
  importance: T;
}

/**
 * Status of one feature: no drift value is "not calculated"; drift at or above the drift threshold
 * is drifting, and "drifting, important" when its importance is also at or above the importance
 * threshold. null when the drift threshold is missing (nothing to derive from).
 */
export function featureStatus(
  drift: number | null,
  importance: number | null,
  t: StatusThresholds<number>
): FeatureStatus;
// eslint-disable-next-line no-redeclare -- an overload: known thresholds always give a status
export function featureStatus(
  drift: number | null,
  importance: number | null,
  t: StatusThresholds<number | null>
): FeatureStatus | null;
// eslint-disable-next-line no-redeclare -- the implementation of the overloads above
export function featureStatus(
  drift: number | null,
  importance: number | null,
  t: StatusThresholds<number | null>
): FeatureStatus | null {
  if (drift === null) {
    return FeatureStatus.NotCalculated;
  }
  if (t.drift === null) {
    return null;
  }
  if (drift < t.drift) {
    return FeatureStatus.Stable;
  }
  const important = t.importance !== null && importance !== null && importance >= t.importance;
  return important ? FeatureStatus.DriftingImportant : FeatureStatus.Drifting;
}
