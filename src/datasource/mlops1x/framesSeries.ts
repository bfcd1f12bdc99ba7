import { DataFrameType, FieldType, createDataFrame, type DataFrame } from '@grafana/data';

import {
  DEFAULT_THRESHOLDS,
  alignCategorical,
  alignNumeric,
  binLabels,
  type DriftRequest,
  type OpenHistogram,
  type ValueCounts,
} from '../../shared/drift';
import { FIELD_1X, Mlops1xFrameKind } from '../../shared/frameKinds1x';
import { driftOf, missingRateOf, rowsOf, summaryOf, type ColumnSeries, type WindowAggregate } from './analysis';
import { field, labels1x, meta1x, seriesName1x, time1x, type SeriesIdentity } from './frameCommon';

/**
 * Time-series and distribution frames of the 1.x query types: one frame per column and
 * experiment, each value field labelled (see frameCommon.ts), pure from analysed windows.
 */

function timeSeries(
  kind: Mlops1xFrameKind,
  title: string,
  id: SeriesIdentity,
  windows: WindowAggregate[],
  values: Array<{ name: string; display: string; pick: (w: WindowAggregate) => number | null; unit?: string }>,
  notices: string[] = []
): DataFrame {
  const labels = labels1x(id);
  return createDataFrame({
    name: `${title} – ${seriesName1x(id)}`,
    meta: { ...meta1x(kind, notices), type: DataFrameType.TimeSeriesMulti },
    fields: [
      time1x(windows.map((w) => w.startMs)),
      ...values.map((v) =>
        field(v.name, FieldType.number, windows.map(v.pick), labels, {
          displayNameFromDS: `${v.display} ${seriesName1x(id)}`,
          unit: v.unit,
        })
      ),
    ],
  });
}

export function volumeFrame(id: SeriesIdentity, windows: WindowAggregate[]): DataFrame {
  return timeSeries(Mlops1xFrameKind.Volume, 'Volume', id, windows, [
    { name: FIELD_1X.rows, display: 'Rows', pick: (w) => rowsOf(w.aggregate) },
  ]);
}

export function missingRateFrame(id: SeriesIdentity, windows: WindowAggregate[]): DataFrame {
  return timeSeries(Mlops1xFrameKind.MissingOverTime, 'Missing values', id, windows, [
    { name: FIELD_1X.missingRate, display: 'Missing', pick: (w) => missingRateOf(w.aggregate), unit: 'percentunit' },
  ]);
}

/** Mean, standard deviation, min and max per window (values, or text lengths). */
export function statsFrame(kind: Mlops1xFrameKind, id: SeriesIdentity, windows: WindowAggregate[]): DataFrame {
  const stat = (pick: (s: NonNullable<ReturnType<typeof summaryOf>>) => number) => (w: WindowAggregate) => {
    const s = summaryOf(w.aggregate);
    return s ? pick(s) : null;
  };
  return timeSeries(kind, kind === Mlops1xFrameKind.PredictionsOverTime ? 'Predictions' : 'Statistics', id, windows, [
    { name: FIELD_1X.mean, display: 'Mean', pick: stat((s) => s.mean) },
    { name: FIELD_1X.standardDeviation, display: 'Std', pick: stat((s) => s.standardDeviation) },
    { name: FIELD_1X.min, display: 'Min', pick: stat((s) => s.min) },
    { name: FIELD_1X.max, display: 'Max', pick: stat((s) => s.max) },
  ]);
}

/** Categorical output columns: the share of each category per window, one field per category. */
export function categorySharesFrame(id: SeriesIdentity, windows: WindowAggregate[]): DataFrame {
  const categories = [
    ...new Set(windows.flatMap((w) => Object.keys(w.aggregate.categorical?.valueCounts ?? {}))),
  ].sort();
  return createDataFrame({
    name: `Predictions – ${seriesName1x(id)}`,
    meta: { ...meta1x(Mlops1xFrameKind.PredictionsOverTime), type: DataFrameType.TimeSeriesMulti },
    fields: [
      time1x(windows.map((w) => w.startMs)),
      ...categories.map((category) =>
        field(
          FIELD_1X.share,
          FieldType.number,
          windows.map((w) => {
            const counts = w.aggregate.categorical?.valueCounts ?? {};
            const total = Object.values(counts).reduce((a, b) => a + b, 0);
            return total > 0 ? (counts[category] ?? 0) / total : null;
          }),
          { ...labels1x(id), category },
          { displayNameFromDS: `${category} ${seriesName1x(id)}`, unit: 'percentunit' }
        )
      ),
    ],
  });
}

/** Drift per window with its status as a second field; thresholds drawn from the request. */
export function driftOverTimeFrame(
  id: SeriesIdentity,
  series: ColumnSeries,
  windows: WindowAggregate[],
  request: DriftRequest
): DataFrame {
  const results = windows.map((w) => driftOf(series, w.aggregate, request));
  const method = results[0]?.method ?? request.method ?? 'tvd';
  const thresholds = request.thresholds ?? DEFAULT_THRESHOLDS[method];
  const labels = { ...labels1x(id), method };
  return createDataFrame({
    name: `Drift – ${seriesName1x(id)}`,
    meta: { ...meta1x(Mlops1xFrameKind.DriftOverTime), type: DataFrameType.TimeSeriesMulti },
    fields: [
      time1x(windows.map((w) => w.startMs)),
      field(
        FIELD_1X.drift,
        FieldType.number,
        results.map((r) => r.value),
        labels,
        {
          displayNameFromDS: `${method.toUpperCase()} ${seriesName1x(id)}`,
          custom: { thresholdsStyle: { mode: 'line+area' } },
          thresholds: {
            mode: 'absolute' as never,
            steps: [
              { value: -Infinity, color: 'green' },
              { value: thresholds.warning, color: 'orange' },
              { value: thresholds.critical, color: 'red' },
            ],
          },
        }
      ),
      field(
        FIELD_1X.status,
        FieldType.string,
        results.map((r) => r.status),
        labels,
        {
          displayNameFromDS: `Status ${seriesName1x(id)}`,
        }
      ),
    ],
  });
}

function histogramFrame(title: string, id: SeriesIdentity, baseline: OpenHistogram, scoring: OpenHistogram): DataFrame {
  const aligned = alignNumeric(baseline, scoring);
  const edges = baseline.edges;
  const bounds = binLabels(edges).map((_, i) => ({
    min: i === 0 ? null : edges[i - 1],
    max: i === edges.length ? null : edges[i],
  }));
  return distributionFrame(title, id, aligned.labels, aligned.baseline, aligned.scoring, bounds);
}

function countsFrame(title: string, id: SeriesIdentity, baseline: ValueCounts, scoring: ValueCounts): DataFrame {
  const aligned = alignCategorical(baseline, scoring);
  return distributionFrame(title, id, aligned.labels, aligned.baseline, aligned.scoring);
}

function distributionFrame(
  title: string,
  id: SeriesIdentity,
  bins: readonly string[],
  baseline: readonly number[],
  scoring: readonly number[],
  bounds?: Array<{ min: number | null; max: number | null }>
): DataFrame {
  const labels = labels1x(id);
  const share = (counts: readonly number[]) => {
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.map((c) => (total > 0 ? c / total : null));
  };
  return createDataFrame({
    name: `${title} – ${seriesName1x(id)}`,
    meta: meta1x(Mlops1xFrameKind.Distribution),
    fields: [
      field(bounds ? FIELD_1X.bin : FIELD_1X.category, FieldType.string, [...bins], undefined, {
        displayNameFromDS: bounds ? 'Bin' : 'Value',
      }),
      ...(bounds
        ? [
            field(
              FIELD_1X.xMin,
              FieldType.number,
              bounds.map((b) => b.min)
            ),
            field(
              FIELD_1X.xMax,
              FieldType.number,
              bounds.map((b) => b.max)
            ),
          ]
        : []),
      field(FIELD_1X.baseline, FieldType.number, share(baseline), labels, {
        displayNameFromDS: 'Baseline',
        unit: 'percentunit',
      }),
      field(FIELD_1X.scoring, FieldType.number, share(scoring), labels, {
        displayNameFromDS: 'Time range',
        unit: 'percentunit',
      }),
      field(FIELD_1X.baselineCount, FieldType.number, [...baseline], labels, {
        displayNameFromDS: 'Baseline rows',
        decimals: 0,
      }),
      field(FIELD_1X.scoringCount, FieldType.number, [...scoring], labels, {
        displayNameFromDS: 'Time range rows',
        decimals: 0,
      }),
    ],
  });
}

/**
 * Baseline vs the range for one column: a histogram (numerical), value counts (categorical), or a
 * text-length histogram plus top words (text). Empty when the baseline lacks the aggregate.
 */
export function distributionFrames(
  id: SeriesIdentity,
  series: ColumnSeries,
  merged: WindowAggregate['aggregate']
): DataFrame[] {
  const base = series.baseline?.aggregate;
  if (!base) {
    return [];
  }
  const empty = (h: OpenHistogram): OpenHistogram => ({ edges: h.edges, counts: h.counts.map(() => 0) });
  const frames: DataFrame[] = [];
  if (base.numerical) {
    frames.push(
      histogramFrame(
        'Distribution',
        id,
        base.numerical.histogram,
        merged.numerical?.histogram ?? empty(base.numerical.histogram)
      )
    );
  }
  if (base.categorical) {
    frames.push(countsFrame('Value counts', id, base.categorical.valueCounts, merged.categorical?.valueCounts ?? {}));
  }
  if (base.text) {
    frames.push(
      histogramFrame(
        'Text length',
        id,
        base.text.lengthHistogram,
        merged.text?.lengthHistogram ?? empty(base.text.lengthHistogram)
      )
    );
    frames.push(countsFrame('Top words', id, base.text.topWords, merged.text?.topWords ?? {}));
  }
  return frames;
}
