import { DataFrameType, FieldType, createDataFrame, type DataFrame, type QueryResultMetaNotice } from '@grafana/data';

import { FIELD, FrameKind, type FrameLabels } from '../../shared/frameSchema';
import type { BoxPlot, HealthSummary, TimeHistogram } from '../parse/domain';
import { PredictionsUnit } from '../types';
import { frameName, meta, seriesName, timeField, valueField } from './common';

/** One row with the totals of the range, suited to Stat panels. */
export function healthSummaryFrame(health: HealthSummary, labels: FrameLabels): DataFrame {
  return createDataFrame({
    name: frameName('Health', labels),
    meta: meta(FrameKind.HealthSummary, { type: DataFrameType.NumericWide, parsed: health.notices }),
    fields: [
      valueField(FIELD.totalPredictions, FieldType.number, [health.totalPredictions], labels, {
        displayNameFromDS: 'Total predictions',
        unit: 'short',
        decimals: 0,
      }),
      valueField(FIELD.scoringLatencyMs, FieldType.number, [health.scoringLatencyMs], labels, {
        displayNameFromDS: 'Avg scoring latency',
        unit: 'ms',
      }),
    ],
  });
}

/**
 * Predictions over time. Each row is one gateway bin: `time` is its start, `bin_end` and
 * `bin_minutes` keep its width, because bins may be unequal (the documented example mixes
 * 2-day, 3-day and partial bins). Counts per bin are therefore not comparable between bins of
 * different widths; the per-minute rate (count / width) is.
 */
export function predictionsOverTimeFrame(
  histogram: TimeHistogram | null,
  labels: FrameLabels,
  unit: PredictionsUnit,
  parsed: string[] = []
): DataFrame {
  const starts = histogram?.starts ?? [];
  const ends = histogram?.ends ?? [];
  const counts = histogram?.counts ?? [];
  // A loop, not a callback made per query: V8 keeps a closure's optimised code only while it lives.
  // Stryker disable next-line ArrayDeclaration: presized only for speed; filled from index 0 up, an unsized array ends the same
  const minutes = new Array<number>(starts.length);
  for (let i = 0; i < starts.length; i++) {
    minutes[i] = (ends[i] - starts[i]) / 60_000;
  }
  const rate = unit === PredictionsUnit.RatePerMinute;
  const values = rate
    ? counts.map((count, i) => (count === null ? null : minutes[i] > 0 ? count / minutes[i] : null))
    : counts;
  return createDataFrame({
    name: frameName('Predictions over time', labels),
    meta: meta(FrameKind.PredictionsOverTime, { type: DataFrameType.TimeSeriesMulti, parsed }),
    fields: [
      timeField(starts),
      valueField(rate ? FIELD.predictionsPerMinute : FIELD.predictions, FieldType.number, values, labels, {
        displayNameFromDS: seriesName(labels),
        unit: rate ? 'suffix: /min' : 'short',
        description: rate
          ? 'Predictions per minute in each gateway bin'
          : 'Predictions in each gateway bin (bins may differ in width)',
      }),
      {
        name: FIELD.binEnd,
        type: FieldType.time,
        values: ends,
        config: { custom: { hideFrom: { viz: true, legend: true } } },
      },
      {
        name: FIELD.binMinutes,
        type: FieldType.number,
        values: minutes,
        config: { custom: { hideFrom: { viz: true, legend: true } }, unit: 'm' },
      },
    ],
  });
}

/** Prediction values over time as a five-number summary per interval (regression deployments). */
export function predictionValuesFrame(plot: BoxPlot | null, labels: FrameLabels, parsed: string[] = []): DataFrame {
  const stat = (name: string, display: string, values: Array<number | null>) =>
    valueField(name, FieldType.number, values, labels, {
      displayNameFromDS: `${display} – ${seriesName(labels)}`,
    });
  const notices: QueryResultMetaNotice[] = plot
    ? []
    : [{ severity: 'info', text: 'The gateway reports prediction values only for regression deployments.' }];
  return createDataFrame({
    name: frameName('Prediction values', labels),
    meta: meta(FrameKind.PredictionValues, { notices, parsed }),
    fields: [
      timeField(plot?.starts ?? []),
      stat(FIELD.min, 'min', plot?.min ?? []),
      stat(FIELD.q1, 'q1', plot?.q1 ?? []),
      stat(FIELD.median, 'median', plot?.median ?? []),
      stat(FIELD.q3, 'q3', plot?.q3 ?? []),
      stat(FIELD.max, 'max', plot?.max ?? []),
    ],
  });
}

/**
 * The parser's notes of a health answer that may concern the values under `path` (e.g.
 * "predictions"): those naming it, and grouped notes ("3 values, first at …"), which may include it
 * whatever their first path. A count shown as no value always comes with its notice.
 */
export function notesAbout(notes: string[], path: string): string[] {
  const at = `at ${path}`;
  return notes.filter(
    (note) => /\(\d+ values, first at /.test(note) || [')', '.', '['].some((end) => note.includes(`${at}${end}`))
  );
}
