/**
 * Time-window aggregation of scoring segments: H2O stores scoring aggregates per time segment
 * (`startTime` + `segmentDuration`); its "TVD with time window aggregation" sums the segments of a
 * configurable time bucket before computing drift, so that small segments do not produce noisy
 * scores. These functions bucket segments and merge their aggregates; drift then runs per window.
 */
import { rebinOntoEdges } from './binning';
import type { NumericSummary, OpenHistogram, ValueCounts } from './types';

/** One scoring segment's aggregate of some kind, with its time span. */
export interface TimedSegment<T> {
  readonly startMs: number;
  readonly durationMs: number;
  readonly value: T;
}

/** A window of merged segments: its start, the window length, and the segments it holds. */
export interface SegmentWindow<T> {
  readonly startMs: number;
  readonly durationMs: number;
  readonly segments: ReadonlyArray<TimedSegment<T>>;
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a segment duration as the API sends it: a protobuf Duration in JSON ("60s", "0.5s",
 * "3600s") or the short forms the client's docs show ("5m", "1h", "1h30m"). Throws on anything else.
 */
export function parseSegmentDuration(text: string): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new RangeError(`not a duration: "${text}"`);
  }
  const ms = parts.reduce((total, p) => total + Number(p[1]) * DURATION_UNITS_MS[p[2]], 0);
  if (!(ms > 0)) {
    throw new RangeError(`duration must be positive: "${text}"`);
  }
  return ms;
}

/** Start of the window holding `ms`, windows being `windowMs` long and aligned on `originMs`. */
export function windowStartOf(ms: number, windowMs: number, originMs = 0): number {
  if (!(windowMs > 0)) {
    throw new RangeError(`window must be positive, got ${windowMs}`);
  }
  return originMs + Math.floor((ms - originMs) / windowMs) * windowMs;
}

/**
 * Groups segments into consecutive windows by each segment's start (a segment belongs wholly to
 * the window its start falls in), ascending by window start; empty windows are not produced.
 */
export function bucketSegments<T>(
  segments: ReadonlyArray<TimedSegment<T>>,
  windowMs: number,
  originMs = 0
): Array<SegmentWindow<T>> {
  const windows = new Map<number, Array<TimedSegment<T>>>();
  for (const s of segments) {
    const start = windowStartOf(s.startMs, windowMs, originMs);
    const list = windows.get(start) ?? [];
    list.push(s);
    windows.set(start, list);
  }
  return [...windows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([startMs, list]) => ({
      startMs,
      durationMs: windowMs,
      segments: [...list].sort((a, b) => a.startMs - b.startMs),
    }));
}

/** Sums histograms after aligning each onto `edges` (normally the baseline's). */
export function mergeHistograms(histograms: readonly OpenHistogram[], edges: readonly number[]): OpenHistogram {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const h of histograms) {
    const aligned = rebinOntoEdges(h, edges);
    for (let i = 0; i < counts.length; i++) {
      counts[i] += aligned[i];
    }
  }
  return { edges: [...edges], counts };
}

/** Sums value counts key by key. */
export function mergeValueCounts(list: readonly ValueCounts[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const counts of list) {
    for (const [value, count] of Object.entries(counts)) {
      merged[value] = (merged[value] ?? 0) + count;
    }
  }
  return merged;
}

/**
 * Merges summaries of disjoint segments into the summary of their union: counts and sums add,
 * min/max extend, the mean is Σsum / Σcount and the standard deviation is pooled exactly from
 * the parts (Chan et al.'s parallel formula). `ddof` says how each part's deviation was computed:
 * 1 for a sample deviation (n − 1), 0 for a population one; the result uses the same convention.
 * Returns null when no part has rows.
 */
export function mergeSummaries(parts: readonly NumericSummary[], ddof: 0 | 1 = 1): NumericSummary | null {
  const nonEmpty = parts.filter((p) => p.count > 0);
  const count = nonEmpty.reduce((n, p) => n + p.count, 0);
  if (count === 0) {
    return null;
  }
  const sum = nonEmpty.reduce((s, p) => s + p.sum, 0);
  const mean = sum / count;
  let m2 = 0;
  for (const p of nonEmpty) {
    const partMean = p.sum / p.count;
    m2 += Math.max(0, p.count - ddof) * p.standardDeviation ** 2 + p.count * (partMean - mean) ** 2;
  }
  const denominator = count - ddof;
  return {
    count,
    sum,
    mean,
    standardDeviation: denominator > 0 ? Math.sqrt(m2 / denominator) : 0,
    min: Math.min(...nonEmpty.map((p) => p.min)),
    max: Math.max(...nonEmpty.map((p) => p.max)),
  };
}

/** Share of rows with a missing value: missing / (missing + present); null without rows. */
export function missingRate(missingRows: number, presentRows: number): number | null {
  const total = missingRows + presentRows;
  return total > 0 ? missingRows / total : null;
}
