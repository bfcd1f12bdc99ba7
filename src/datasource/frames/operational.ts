import { DataFrameType, FieldType, createDataFrame, type DataFrame } from '@grafana/data';

import { FIELD, FrameKind, type FrameLabels } from '../../shared/frameSchema';
import { OPERATIONAL_METRICS, OperationalMetric, UPTIME_UNIT, operationalUnit } from '../../shared/operationalMetrics';
import type { OperationalGraph, OperationalSummary, OperationalTotals } from '../parse/domain';
import { frameName, meta, seriesName, timeField, valueField } from './common';

/** One row: uptime and average scoring latency, as the gateway reports them. */
export function operationalSummaryFrame(summary: OperationalTotals, labels: FrameLabels): DataFrame {
  return createDataFrame({
    name: frameName('Operational summary', labels),
    meta: meta(FrameKind.OperationalSummary, { type: DataFrameType.NumericWide, parsed: summary.notices }),
    fields: [
      valueField(FIELD.uptime, FieldType.number, [summary.uptime], labels, {
        displayNameFromDS: 'Uptime',
        description: 'Uptime as reported by the gateway (percent: an assumption, the contract names no unit)',
        unit: UPTIME_UNIT,
      }),
      valueField(FIELD.avgScoringLatencyMs, FieldType.number, [summary.avgScoringLatencyMs], labels, {
        displayNameFromDS: 'Avg scoring latency',
        unit: 'ms',
      }),
    ],
  });
}

/** One operational graph over time as a frame; `meta.custom.metric` names the metric. */
export function operationalGraphFrame(
  metric: OperationalMetric,
  part: OperationalGraph,
  labels: FrameLabels
): DataFrame {
  const { graph, notices } = part;
  const display = OPERATIONAL_METRICS[metric];
  return createDataFrame({
    name: frameName(display.title, labels),
    meta: meta(FrameKind.OperationalTimeSeries, {
      type: DataFrameType.TimeSeriesMulti,
      metric,
      parsed: notices,
    }),
    fields: [
      timeField(graph?.times ?? []),
      valueField(FIELD.value, FieldType.number, graph?.values ?? [], labels, {
        displayNameFromDS: `${display.title} – ${seriesName(labels)}`,
        unit: operationalUnit(metric, graph?.yLabel),
        description: graph?.yLabel || undefined,
      }),
    ],
  });
}

/** The selected metrics' graphs of a whole operational answer (all six when none is selected). */
export function operationalTimeSeriesFrames(
  summary: OperationalSummary,
  metrics: OperationalMetric[],
  labels: FrameLabels
): DataFrame[] {
  return selectedMetrics(metrics).map((metric) =>
    operationalGraphFrame(metric, { graph: summary.graphs[metric], notices: summary.notices }, labels)
  );
}

/** The metrics a time-series query shows: those selected, or all six. */
export function selectedMetrics(metrics: OperationalMetric[]): OperationalMetric[] {
  return metrics.length > 0 ? metrics : Object.values(OperationalMetric);
}
