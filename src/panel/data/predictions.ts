import {
  FieldType,
  formattedValueToString,
  getDisplayProcessor,
  type DisplayProcessor,
  type GrafanaTheme2,
} from '@grafana/data';

import { counterIncreases } from './collect';
import { Reducer, Signal } from './mapping';
import type { ModelData, ModelInfo, SeriesSample } from './types';
import { Dimension, chooseUnits } from './units';

/**
 * Predictions over time, one series per model on one shared time axis (and a shared value axis
 * when all series measure the same thing). Pure.
 */

export interface PredictionSeries {
  modelKey: string;
  modelName: string;
  role: string;
  /** Colour index (the model's position). */
  index: number;
  times: number[];
  values: Array<number | null>;
  /** Sum of counts, or mean of rates. */
  summary: number | null;
  summaryText: string;
  /** 'count' for counts per interval, 'rate' for rates. */
  kind: 'count' | 'rate';
  display: DisplayProcessor;
}

export interface PredictionChart {
  series: PredictionSeries[];
  /** Shared time domain. */
  from: number;
  to: number;
  /** Shared value domain, or null when series are scaled separately (mixed counts and rates). */
  yMax: number | null;
}

function pickSeries(data: ModelData): { series: SeriesSample; kind: 'count' | 'rate' } | undefined {
  const counts = data.series[Signal.Predictions];
  if (counts) {
    return { series: counts, kind: 'count' };
  }
  const rate = data.series[Signal.PredictionRate];
  return rate ? { series: rate, kind: 'rate' } : undefined;
}

export function buildPredictionChart(
  data: ModelData[],
  models: ModelInfo[],
  theme: GrafanaTheme2,
  range?: { from: number; to: number }
): PredictionChart | null {
  const series: PredictionSeries[] = [];
  let from = Infinity;
  let to = -Infinity;
  data.forEach((d, i) => {
    const picked = pickSeries(d);
    if (!picked) {
      return;
    }
    const { series: s, kind } = picked;
    const values = s.reducer === Reducer.Increase ? counterIncreases(s.values) : s.values;
    const times: number[] = [];
    const kept: Array<number | null> = [];
    for (let j = 0; j < s.times.length; j++) {
      const t = s.times[j];
      if (Number.isFinite(t)) {
        times.push(t);
        kept.push(values[j] ?? null);
        from = Math.min(from, t);
        to = Math.max(to, t);
      }
    }
    let sum = 0;
    let count = 0;
    for (const v of kept) {
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    const summary = count === 0 ? null : kind === 'count' ? sum : sum / count;
    // Same rule as the comparison: counts in full unless the field asks for another unit.
    const unit = chooseUnits(Dimension.Count, s.field.config?.unit, undefined).displayUnit;
    const display =
      unit === s.field.config?.unit && s.field.display
        ? s.field.display
        : getDisplayProcessor({
            field: { ...s.field, type: FieldType.number, config: { ...s.field.config, unit } },
            theme,
          });
    series.push({
      modelKey: models[i].key,
      modelName: models[i].name,
      role: models[i].role,
      index: models[i].index,
      times,
      values: kept,
      summary,
      summaryText: summary === null ? 'no data' : formattedValueToString(display(summary)),
      kind,
      display,
    });
  });
  if (series.length === 0) {
    return null;
  }
  if (range && Number.isFinite(range.from) && Number.isFinite(range.to) && range.to > range.from) {
    from = Math.min(from, range.from);
    to = Math.max(to, range.to);
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    from = 0;
    to = 1;
  }
  const sameKind = series.every((s) => s.kind === series[0].kind);
  let yMax: number | null = null;
  if (sameKind) {
    yMax = 0;
    for (const s of series) {
      for (const v of s.values) {
        if (v !== null && v > yMax) {
          yMax = v;
        }
      }
    }
  }
  return { series, from, to: to > from ? to : from + 1, yMax };
}
