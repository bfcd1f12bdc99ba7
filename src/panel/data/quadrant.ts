import { Quadrant, type DriftThresholds, type FeaturePoint, type QuadrantModel } from './driftTypes';

/** Features by drift and importance: the four quadrants the thresholds make, and the chart's model. */

/** The quadrant of a feature; null when drift or importance is missing (not plotted). */
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

/** Plotted points, axis maxima, label candidates and counts per quadrant. */
export function quadrantModel(features: FeaturePoint[], t: DriftThresholds, labels: number): QuadrantModel {
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
