import type { DataFrame } from '@grafana/data';

import { defaultDriftChoice, validateThresholds, type DriftRequest } from '../../shared/drift';
import { Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { driftOf, groupSeries, mergedOverRange, summaryOf, windows, type ColumnSeries } from './analysis';
import type { BaselineAggregation, Deployment, ScoringAggregation } from './domain';
import type { SeriesIdentity } from './frameCommon';
import { driftTableFrame, type ColumnDriftRow } from './framesTables';
import {
  categorySharesFrame,
  distributionFrames,
  driftOverTimeFrame,
  missingRateFrame,
  statsFrame,
  volumeFrame,
} from './framesSeries';
import type { Mlops1xQuery } from './queryModel';

/**
 * The aggregate-based 1.x query types, pure: a deployment, its baselines and the range's scoring
 * segments → frames. Roles come from the deployment (single/shadow/split, see parseDeployments.ts);
 * an experiment the deployment no longer serves keeps its id and gets no role.
 */

export interface AggregateData {
  deployment: Deployment;
  baselines: BaselineAggregation[];
  segments: ScoringAggregation[];
}

/** The query's drift settings; throws a RangeError (shown as a query error) on bad thresholds. */
export function driftRequestOf(query: Mlops1xQuery): DriftRequest {
  const { warningThreshold: warning, criticalThreshold: critical } = query;
  let thresholds: DriftRequest['thresholds'];
  if (warning !== undefined || critical !== undefined) {
    if (warning === undefined || critical === undefined) {
      throw new RangeError('Set both drift thresholds (warning and critical), or neither for the defaults.');
    }
    thresholds = { warning, critical };
    validateThresholds(thresholds);
  }
  return { method: query.method || undefined, textFacet: query.textFacet, thresholds };
}

function identityOf(deployment: Deployment, series?: ColumnSeries): SeriesIdentity {
  const role = series ? deployment.experiments.find((e) => e.experimentId === series.experimentId)?.role : undefined;
  return {
    workspaceId: deployment.workspaceId,
    deploymentId: deployment.id,
    deploymentName: deployment.displayName,
    experimentId: series?.experimentId,
    role,
    column: series?.column,
    logicalType: series?.logicalType,
    isModelOutput: series?.isModelOutput,
  };
}

/** Volume: rows of one column per experiment (the chosen column, else an output column, else the first). */
function volumeSeries(all: ColumnSeries[], column: string | undefined): ColumnSeries[] {
  const byExperiment = new Map<string, ColumnSeries[]>();
  for (const s of all) {
    byExperiment.set(s.experimentId, [...(byExperiment.get(s.experimentId) ?? []), s]);
  }
  return [...byExperiment.values()].map(
    (list) =>
      (column ? list.find((s) => s.column === column) : undefined) ?? list.find((s) => s.isModelOutput) ?? list[0]
  );
}

function driftRow(s: ColumnSeries, request: DriftRequest): ColumnDriftRow {
  const oov = s.segments.map((seg) => seg.oovRate).filter((v): v is number => v !== null);
  return {
    column: s.column,
    logicalType: s.logicalType,
    isModelOutput: s.isModelOutput,
    result: driftOf(s, mergedOverRange(s), request),
    // Served per segment: the range shows the mean of its segments' rates.
    oovRate: oov.length > 0 ? oov.reduce((a, b) => a + b, 0) / oov.length : null,
  };
}

/** A baseline column nothing was scored for in the range: listed, with why it has no value. */
function unscoredRow(b: BaselineAggregation, request: DriftRequest): ColumnDriftRow {
  const method = request.method ?? defaultDriftChoice(b.logicalType)?.method ?? 'tvd';
  return {
    column: b.column,
    logicalType: b.logicalType,
    isModelOutput: b.isModelOutput,
    result: { method, value: null, status: 'unknown', reason: 'no-scoring-data' },
    oovRate: null,
  };
}

/**
 * One table per experiment (champion first): every baseline column, scored or not, then columns
 * scored without a baseline. Without any segment in the range, the champion's table says so.
 */
function driftTables(query: Mlops1xQuery, data: AggregateData, series: ColumnSeries[], request: DriftRequest) {
  const experiments = [...new Set(series.map((s) => s.experimentId))];
  const fallback = query.experimentId || data.deployment.experiments[0]?.experimentId;
  if (experiments.length === 0 && fallback !== undefined) {
    experiments.push(fallback);
  }
  const baselineColumns = data.baselines.filter(
    (b, i) =>
      (!query.column || b.column === query.column) && data.baselines.findIndex((x) => x.column === b.column) === i
  );
  return experiments.map((experimentId) => {
    const own = series.filter((s) => s.experimentId === experimentId);
    const rows = baselineColumns.map((b) => {
      const scored = own.find((s) => s.column === b.column);
      return scored ? driftRow(scored, request) : unscoredRow(b, request);
    });
    rows.push(
      ...own.filter((s) => !baselineColumns.some((b) => b.column === s.column)).map((s) => driftRow(s, request))
    );
    const role = data.deployment.experiments.find((e) => e.experimentId === experimentId)?.role;
    const id = identityOf(data.deployment);
    return driftTableFrame(rows, { ...id, experimentId, role });
  });
}

/** Frames of an aggregate query type; `windowMs` is the over-time window. */
export function aggregateFrames(query: Mlops1xQuery, data: AggregateData, windowMs: number): DataFrame[] {
  const rank = (s: ColumnSeries) => {
    const at = data.deployment.experiments.findIndex((e) => e.experimentId === s.experimentId);
    return at < 0 ? Infinity : at;
  };
  const columnOrder = new Map(data.baselines.map((b, i) => [b.column, i]));
  const series = groupSeries(data.baselines, data.segments)
    .filter(
      (s) =>
        (!query.column || s.column === query.column) && (!query.experimentId || s.experimentId === query.experimentId)
    )
    // Champion first (the deployment's order), then columns in the baselines' order.
    .sort(
      (a, b) => rank(a) - rank(b) || (columnOrder.get(a.column) ?? Infinity) - (columnOrder.get(b.column) ?? Infinity)
    );
  const id = (s: ColumnSeries) => identityOf(data.deployment, s);
  switch (query.queryType) {
    case Mlops1xFrameKind.Volume:
      return volumeSeries(series, query.column).map((s) => volumeFrame(id(s), windows(s, windowMs)));
    case Mlops1xFrameKind.MissingOverTime:
      return series.map((s) => missingRateFrame(id(s), windows(s, windowMs)));
    case Mlops1xFrameKind.StatsOverTime:
      return series
        .filter((s) => s.logicalType === 'NUMERICAL' || s.logicalType === 'TEXT')
        .map((s) => statsFrame(Mlops1xFrameKind.StatsOverTime, id(s), windows(s, windowMs)));
    case Mlops1xFrameKind.PredictionsOverTime:
      return series
        .filter((s) => s.isModelOutput)
        .map((s) => {
          const w = windows(s, windowMs);
          return s.logicalType === 'CATEGORICAL' || !w.some((x) => summaryOf(x.aggregate))
            ? categorySharesFrame(id(s), w)
            : statsFrame(Mlops1xFrameKind.PredictionsOverTime, id(s), w);
        });
    case Mlops1xFrameKind.Distribution:
      return series.flatMap((s) => distributionFrames(id(s), s, mergedOverRange(s)));
    case Mlops1xFrameKind.Drift:
      return driftTables(query, data, series, driftRequestOf(query));
    case Mlops1xFrameKind.DriftOverTime: {
      const request = driftRequestOf(query);
      return series.map((s) => driftOverTimeFrame(id(s), s, windows(s, windowMs), request));
    }
    default:
      return [];
  }
}

/** The query types answered from aggregates (the others read workspaces or deployments only). */
export const AGGREGATE_QUERY_TYPES: readonly Mlops1xFrameKind[] = [
  Mlops1xFrameKind.Volume,
  Mlops1xFrameKind.Distribution,
  Mlops1xFrameKind.Drift,
  Mlops1xFrameKind.DriftOverTime,
  Mlops1xFrameKind.MissingOverTime,
  Mlops1xFrameKind.StatsOverTime,
  Mlops1xFrameKind.PredictionsOverTime,
];
