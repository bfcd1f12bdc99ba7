import { FieldType, toDataFrame, type DataFrame } from '@grafana/data';

import type {
  RawDriftMetrics,
  RawHealthMetrics,
  RawListMonitoredDeployments,
  RawOperationalSummary,
  RawSimpleGraph,
} from '../src/datasource/gateway/rawTypes';

/**
 * The hand-built baselines: what the least a data source could do — `JSON.parse`, `Number` and
 * `Date.parse` on the fields a query returns, `toDataFrame` — with no checks, notes or messages.
 * Ours / baseline is the price of everything the data source checks and explains.
 */

const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
const time = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : null);

function frame(fields: Record<string, unknown[]>): DataFrame {
  return toDataFrame({
    fields: Object.entries(fields).map(([name, values]) => ({
      name,
      type: name === 'time' ? FieldType.time : undefined,
      values,
    })),
  });
}

export function deploymentsBaseline(text: string): DataFrame[] {
  const raw = JSON.parse(text) as RawListMonitoredDeployments;
  const rows = raw.deployment ?? [];
  return [
    frame({
      id: rows.map((d) => d.id),
      name: rows.map((d) => d.name),
      type: rows.map((d) => d.type),
      environment: rows.map((d) => d.environment),
      deployed: rows.map((d) => time(d.deploymentDate)),
      models: rows.map((d) => (d.models ?? []).map((m) => m.registeredModelName).join(', ')),
      monitoring: rows.map((d) => d.monitoringEnabled),
    }),
  ];
}

export function healthSummaryBaseline(text: string): DataFrame[] {
  const raw = JSON.parse(text) as RawHealthMetrics;
  return [frame({ total: [num(raw.totalPredictions)], latency: [num(raw.scoringLatency)] })];
}

export function predictionsBaseline(text: string): DataFrame[] {
  const bins = (JSON.parse(text) as RawHealthMetrics).predictions?.bin ?? [];
  return [
    frame({
      time: bins.map((b) => time(b.xMin)),
      predictions: bins.map((b) => num(b.y)),
      end: bins.map((b) => time(b.xMax)),
    }),
  ];
}

export function predictionValuesBaseline(text: string): DataFrame[] {
  const boxes = (JSON.parse(text) as RawHealthMetrics).predictionValues?.box ?? [];
  return [
    frame({
      time: boxes.map((b) => time(b.xMin)),
      min: boxes.map((b) => num(b.y0)),
      q1: boxes.map((b) => num(b.y1)),
      median: boxes.map((b) => num(b.y2)),
      q3: boxes.map((b) => num(b.y3)),
      max: boxes.map((b) => num(b.y4)),
    }),
  ];
}

export function operationalSummaryBaseline(text: string): DataFrame[] {
  const raw = JSON.parse(text) as RawOperationalSummary;
  return [frame({ uptime: [num(raw.uptime)], latency: [num(raw.avgScoringLatency)] })];
}

/** The six graphs of an operational answer, in the order the operational-series query lists them. */
export function operationalGraphs(raw: RawOperationalSummary): Array<RawSimpleGraph | null | undefined> {
  return [
    raw.scoringLatency,
    raw.memoryUsage,
    raw.cpuUsage,
    raw.availability,
    raw.successPrediction,
    raw.failedPrediction,
  ];
}

export function operationalSeriesBaseline(text: string): DataFrame[] {
  return operationalGraphs(JSON.parse(text) as RawOperationalSummary).map((g) => {
    const points = g?.point ?? [];
    return frame({ time: points.map((p) => time(p.xAxis)), value: points.map((p) => num(p.yAxis)) });
  });
}

export function driftSummaryBaseline(text: string): DataFrame[] {
  const raw = JSON.parse(text) as RawDriftMetrics;
  return [
    frame({
      drifting: [num(raw.countFeatureDrift)],
      high: [num(raw.highFeatureDrift)],
      medium: [num(raw.mediumFeatureDrift)],
      low: [num(raw.lowFeatureDrift)],
      driftThreshold: [num(raw.featureImportance?.driftThreshold)],
      importanceThreshold: [num(raw.featureImportance?.importanceThreshold)],
    }),
  ];
}

export function featureDriftBaseline(text: string): DataFrame[] {
  const features = (JSON.parse(text) as RawDriftMetrics).featureSummary?.feature ?? [];
  return [
    frame({
      feature: features.map((f) => f.name),
      drift: features.map((f) => num(f.drift)),
      importance: features.map((f) => num(f.importance)),
      impact: features.map((f) => num(f.impact)),
      missing: features.map((f) => num(f.missingValues)),
      type: features.map((f) => f.dataType),
    }),
  ];
}

export function driftOverTimeBaseline(text: string): DataFrame[] {
  const series = (JSON.parse(text) as RawDriftMetrics).featureImportance?.featureDrift ?? [];
  return series.map((s) => {
    const points = s.drift ?? [];
    return frame({ time: points.map((p) => time(p.xAxis)), drift: points.map((p) => num(p.yAxis)) });
  });
}

export function featureFrequencyBaseline(text: string): DataFrame[] {
  const density = (JSON.parse(text) as RawDriftMetrics).featureFrequency?.featureDensity?.[0];
  const bins = density?.continuous?.bin ?? [];
  return [
    frame({
      xMin: bins.map((b) => num(b.xMin)),
      xMax: bins.map((b) => num(b.xMax)),
      count: bins.map((b) => num(b.y)),
    }),
  ];
}
