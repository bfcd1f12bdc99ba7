import {
  bucketSegments,
  computeColumnDrift,
  mergeColumnAggregates,
  missingRate,
  type ColumnAggregate,
  type DriftRequest,
  type DriftResult,
  type LogicalType,
  type NumericSummary,
  type OpenHistogram,
} from '../../shared/drift';
import type { BaselineAggregation, ScoringAggregation } from './domain';

/**
 * From aggregates to the numbers the frames show, pure: scoring segments grouped by column and
 * experiment, merged per window (or over the whole range), compared with the column's baseline.
 * Windows follow docs/h2o-mlops-1x-contract.md ("Time windows"): a segment belongs to the window
 * its start falls in, windows are aligned on the Unix epoch, empty windows give no point.
 */

/** The segments of one column scored by one experiment, with the baseline they compare to. */
export interface ColumnSeries {
  column: string;
  experimentId: string;
  logicalType: LogicalType;
  isModelOutput: boolean;
  baseline: BaselineAggregation | undefined;
  segments: ScoringAggregation[];
}

/** The experiment a segment was scored by (the client shows experiment_ids[0]); "" when unnamed. */
export function experimentOf(segment: { experimentIds: string[] }): string {
  return segment.experimentIds[0] ?? '';
}

/** The column's baseline for an experiment: the one naming it, else one naming none, else the first. */
export function baselineFor(
  baselines: readonly BaselineAggregation[],
  column: string,
  experimentId: string
): BaselineAggregation | undefined {
  const ofColumn = baselines.filter((b) => b.column === column);
  return (
    ofColumn.find((b) => b.experimentIds.includes(experimentId)) ??
    ofColumn.find((b) => b.experimentIds.length === 0) ??
    ofColumn[0]
  );
}

/**
 * Groups segments by column and experiment, in baseline order then first appearance. The logical
 * type is the baseline's (required there); a segment's is used only when no baseline exists.
 */
export function groupSeries(
  baselines: readonly BaselineAggregation[],
  segments: readonly ScoringAggregation[]
): ColumnSeries[] {
  const groups = new Map<string, ColumnSeries>();
  for (const s of segments) {
    const experimentId = experimentOf(s);
    const key = JSON.stringify([s.column, experimentId]);
    let group = groups.get(key);
    if (!group) {
      const baseline = baselineFor(baselines, s.column, experimentId);
      group = {
        column: s.column,
        experimentId,
        logicalType: baseline?.logicalType ?? s.logicalType,
        isModelOutput: baseline?.isModelOutput ?? s.isModelOutput,
        baseline,
        segments: [],
      };
      groups.set(key, group);
    }
    group.segments.push(s);
  }
  const order = new Map(baselines.map((b, i) => [b.column, i]));
  return [...groups.values()].sort((a, b) => (order.get(a.column) ?? Infinity) - (order.get(b.column) ?? Infinity));
}

function baselineEdges(baseline: BaselineAggregation | undefined) {
  return {
    numerical: baseline?.aggregate.numerical?.histogram.edges,
    textLength: baseline?.aggregate.text?.lengthHistogram.edges,
  };
}

/** A histogram sent without bins (a segment without rows) as zeros on the baseline's edges. */
function onEdges(h: OpenHistogram, edges: readonly number[] | undefined): OpenHistogram {
  const empty = h.edges.length === 0 && h.counts.every((c) => c === 0);
  return empty && edges ? { edges, counts: new Array<number>(edges.length + 1).fill(0) } : h;
}

function mergeParts(parts: readonly ColumnAggregate[], baseline: BaselineAggregation | undefined): ColumnAggregate {
  const edges = baselineEdges(baseline);
  const aligned = parts.map((a) => ({
    ...a,
    numerical: a.numerical && { ...a.numerical, histogram: onEdges(a.numerical.histogram, edges.numerical) },
    text: a.text && { ...a.text, lengthHistogram: onEdges(a.text.lengthHistogram, edges.textLength) },
  }));
  return mergeColumnAggregates(aligned, edges);
}

/** All of a series' segments merged into one aggregate (the dashboard range). */
export function mergedOverRange(series: ColumnSeries): ColumnAggregate {
  return mergeParts(
    series.segments.map((s) => s.aggregate),
    series.baseline
  );
}

/** One window of a series: its start and its merged aggregate. */
export interface WindowAggregate {
  startMs: number;
  aggregate: ColumnAggregate;
}

/** The series' segments merged per window of `windowMs` (never shorter than a segment). */
export function windows(series: ColumnSeries, windowMs: number): WindowAggregate[] {
  const longest = Math.max(0, ...series.segments.map((s) => s.durationMs));
  const size = Math.max(windowMs, longest, 1);
  const timed = series.segments.map((s) => ({ startMs: s.startMs, durationMs: s.durationMs, value: s.aggregate }));
  return bucketSegments(timed, size).map((w) => ({
    startMs: w.startMs,
    aggregate: mergeParts(
      w.segments.map((s) => s.value),
      series.baseline
    ),
  }));
}

/** Drift of a merged aggregate against the series' baseline; unknown when there is no baseline. */
export function driftOf(series: ColumnSeries, scoring: ColumnAggregate, request: DriftRequest): DriftResult {
  if (!series.baseline) {
    return { method: request.method ?? 'tvd', value: null, status: 'unknown', reason: 'no-baseline-data' };
  }
  return computeColumnDrift(series.logicalType, series.baseline.aggregate, scoring, request);
}

/** Rows with a value: the histogram's total, or the value counts' total. */
export function presentRows(a: ColumnAggregate): number {
  const sum = (xs: readonly number[]) => xs.reduce((x, y) => x + y, 0);
  if (a.numerical) {
    return sum(a.numerical.histogram.counts);
  }
  if (a.text) {
    return sum(a.text.lengthHistogram.counts);
  }
  if (a.categorical) {
    return sum(Object.values(a.categorical.valueCounts));
  }
  return 0;
}

/** Scored rows of a window: present plus missing (every row has every column). */
export function rowsOf(a: ColumnAggregate): number {
  return presentRows(a) + (a.missingRows ?? 0);
}

/** Share of rows with the column missing; null without rows or without missing-value counts. */
export function missingRateOf(a: ColumnAggregate): number | null {
  return a.missingRows === undefined ? null : missingRate(a.missingRows, presentRows(a));
}

/** The numeric summary a column has: its values', or its text lengths'. */
export function summaryOf(a: ColumnAggregate): NumericSummary | null {
  return a.numerical?.summary ?? a.text?.lengthSummary ?? null;
}
