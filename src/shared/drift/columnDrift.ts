/**
 * Drift of one monitored column between its baseline aggregate and a scoring aggregate (one
 * segment, or several merged into a window with {@link mergeColumnAggregates}): picks the facet the
 * method compares, aligns the bins, computes the value and its status. Never throws on missing or
 * empty data — those come back as `unknown` with a reason, so a panel can say why.
 */
import { alignCategorical, alignNumeric } from './binning';
import { hellingerDistance, populationStabilityIndex, PSI_EPSILON, totalVariationDistance, zScore } from './metrics';
import { applicableMethods, DEFAULT_THRESHOLDS, defaultDriftChoice, statusOf } from './status';
import type {
  AlignedCounts,
  DriftMethod,
  DriftResult,
  DriftThresholds,
  LogicalType,
  NoDriftReason,
  NumericSummary,
  OpenHistogram,
  TextFacet,
  ValueCounts,
} from './types';
import { mergeHistograms, mergeSummaries, mergeValueCounts } from './windows';

/** The distribution facts of one column on one side (baseline, a segment or a window). */
export interface ColumnAggregate {
  readonly numerical?: { readonly histogram: OpenHistogram; readonly summary: NumericSummary | null };
  readonly categorical?: { readonly valueCounts: ValueCounts };
  readonly text?: {
    readonly lengthHistogram: OpenHistogram;
    readonly lengthSummary: NumericSummary | null;
    readonly topWords: ValueCounts;
  };
  /** Rows where the column was missing. */
  readonly missingRows?: number;
}

/** What to compute; omitted parts take the logical type's defaults. */
export interface DriftRequest {
  readonly method?: DriftMethod;
  readonly textFacet?: TextFacet;
  readonly thresholds?: DriftThresholds;
  readonly psiEpsilon?: number;
}

const total = (counts: readonly number[]): number => counts.reduce((a, b) => a + b, 0);

function unknown(method: DriftMethod, reason: NoDriftReason): DriftResult {
  return { method, value: null, status: 'unknown', reason };
}

type Facet =
  | { kind: 'histogram'; baseline: OpenHistogram; scoring: OpenHistogram }
  | { kind: 'counts'; baseline: ValueCounts; scoring: ValueCounts }
  | { kind: 'summary'; baseline: NumericSummary | null; scoring: NumericSummary | null };

/** The pair of facts a method compares for a logical type, or null when an aggregate lacks it. */
function facetFor(
  type: LogicalType,
  method: DriftMethod,
  textFacet: TextFacet,
  baseline: ColumnAggregate,
  scoring: ColumnAggregate
): Facet | null {
  if (type === 'NUMERICAL') {
    if (!baseline.numerical || !scoring.numerical) {
      return null;
    }
    return method === 'zscore'
      ? { kind: 'summary', baseline: baseline.numerical.summary, scoring: scoring.numerical.summary }
      : { kind: 'histogram', baseline: baseline.numerical.histogram, scoring: scoring.numerical.histogram };
  }
  if (type === 'CATEGORICAL') {
    return baseline.categorical && scoring.categorical
      ? { kind: 'counts', baseline: baseline.categorical.valueCounts, scoring: scoring.categorical.valueCounts }
      : null;
  }
  if (!baseline.text || !scoring.text) {
    return null;
  }
  if (method === 'zscore') {
    return { kind: 'summary', baseline: baseline.text.lengthSummary, scoring: scoring.text.lengthSummary };
  }
  return textFacet === 'topWords'
    ? { kind: 'counts', baseline: baseline.text.topWords, scoring: scoring.text.topWords }
    : { kind: 'histogram', baseline: baseline.text.lengthHistogram, scoring: scoring.text.lengthHistogram };
}

function distance(method: Exclude<DriftMethod, 'zscore'>, aligned: AlignedCounts, psiEpsilon: number): number {
  switch (method) {
    case 'tvd':
      return totalVariationDistance(aligned.baseline, aligned.scoring);
    case 'psi':
      return populationStabilityIndex(aligned.baseline, aligned.scoring, psiEpsilon);
    case 'hellinger':
      return hellingerDistance(aligned.baseline, aligned.scoring);
  }
}

function zScoreResult(
  baseline: NumericSummary | null,
  scoring: NumericSummary | null,
  thresholds: DriftThresholds
): DriftResult {
  if (!baseline || baseline.count === 0) {
    return unknown('zscore', 'no-baseline-data');
  }
  if (!scoring || scoring.count === 0) {
    return unknown('zscore', 'no-scoring-data');
  }
  const z = zScore(baseline.mean, baseline.standardDeviation, scoring.mean);
  if (z === null) {
    return unknown('zscore', 'baseline-zero-variance');
  }
  return { method: 'zscore', value: z, status: statusOf('zscore', z, thresholds), rebinned: false };
}

/** Drift of one column; see the module comment. */
export function computeColumnDrift(
  type: LogicalType,
  baseline: ColumnAggregate,
  scoring: ColumnAggregate,
  request: DriftRequest = {}
): DriftResult {
  const choice = defaultDriftChoice(type);
  const method = request.method ?? choice?.method ?? 'tvd';
  if (!applicableMethods(type).includes(method)) {
    return unknown(method, 'method-not-applicable');
  }
  const thresholds = request.thresholds ?? DEFAULT_THRESHOLDS[method];
  const facet = facetFor(type, method, request.textFacet ?? choice?.textFacet ?? 'length', baseline, scoring);
  if (!facet) {
    return unknown(method, 'missing-aggregate');
  }
  if (facet.kind === 'summary') {
    return zScoreResult(facet.baseline, facet.scoring, thresholds);
  }
  if (method === 'zscore') {
    return unknown(method, 'method-not-applicable');
  }
  const aligned =
    facet.kind === 'histogram'
      ? alignNumeric(facet.baseline, facet.scoring)
      : alignCategorical(facet.baseline, facet.scoring);
  if (total(aligned.baseline) <= 0) {
    return unknown(method, 'no-baseline-data');
  }
  if (total(aligned.scoring) <= 0) {
    return unknown(method, 'no-scoring-data');
  }
  const value = distance(method, aligned, request.psiEpsilon ?? PSI_EPSILON);
  return { method, value, status: statusOf(method, value, thresholds), rebinned: aligned.rebinned };
}

/**
 * Merges a window's scoring aggregates of one column into one: histograms summed on the
 * baseline's edges (when given) or the first part's, value counts and top words summed, summaries
 * pooled, missing rows added. `ddof` is the standard-deviation convention (see mergeSummaries).
 */
export function mergeColumnAggregates(
  parts: readonly ColumnAggregate[],
  baselineEdges?: { numerical?: readonly number[]; textLength?: readonly number[] },
  ddof: 0 | 1 = 1
): ColumnAggregate {
  const numerical = parts.flatMap((p) => (p.numerical ? [p.numerical] : []));
  const categorical = parts.flatMap((p) => (p.categorical ? [p.categorical] : []));
  const text = parts.flatMap((p) => (p.text ? [p.text] : []));
  const summaries = (list: Array<NumericSummary | null>): NumericSummary | null =>
    mergeSummaries(
      list.flatMap((s) => (s ? [s] : [])),
      ddof
    );
  return {
    numerical:
      numerical.length > 0
        ? {
            histogram: mergeHistograms(
              numerical.map((n) => n.histogram),
              baselineEdges?.numerical ?? numerical[0].histogram.edges
            ),
            summary: summaries(numerical.map((n) => n.summary)),
          }
        : undefined,
    categorical:
      categorical.length > 0 ? { valueCounts: mergeValueCounts(categorical.map((c) => c.valueCounts)) } : undefined,
    text:
      text.length > 0
        ? {
            lengthHistogram: mergeHistograms(
              text.map((t) => t.lengthHistogram),
              baselineEdges?.textLength ?? text[0].lengthHistogram.edges
            ),
            lengthSummary: summaries(text.map((t) => t.lengthSummary)),
            topWords: mergeValueCounts(text.map((t) => t.topWords)),
          }
        : undefined,
    missingRows: parts.some((p) => p.missingRows !== undefined)
      ? parts.reduce((n, p) => n + (p.missingRows ?? 0), 0)
      : undefined,
  };
}
