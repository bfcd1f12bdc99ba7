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

/** The samples with a finite time, counters already turned into increases. */
function finitePoints(s: SeriesSample): { times: number[]; values: Array<number | null> } {
  const values = s.reducer === Reducer.Increase ? counterIncreases(s.values) : s.values;
  const times: number[] = [];
  const kept: Array<number | null> = [];
  s.times.forEach((t, j) => {
    if (Number.isFinite(t)) {
      times.push(t);
      kept.push(values[j] ?? null);
    }
  });
  return { times, values: kept };
}

/** Sum of counts, or mean of rates; null without values. */
function summarise(values: Array<number | null>, kind: 'count' | 'rate'): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? null : kind === 'count' ? sum : sum / count;
}

/** Same rule as the comparison: counts in full unless the field asks for another unit. */
function displayFor(s: SeriesSample, theme: GrafanaTheme2): DisplayProcessor {
  const unit = chooseUnits(Dimension.Count, s.field.config.unit, undefined).displayUnit;
  return unit === s.field.config.unit && s.field.display
    ? s.field.display
    : getDisplayProcessor({
        field: { ...s.field, type: FieldType.number, config: { ...s.field.config, unit } },
        theme,
      });
}

function modelSeries(d: ModelData, model: ModelInfo, theme: GrafanaTheme2): PredictionSeries | undefined {
  const picked = pickSeries(d);
  if (!picked) {
    return undefined;
  }
  const { series: s, kind } = picked;
  const { times, values } = finitePoints(s);
  const summary = summarise(values, kind);
  const display = displayFor(s, theme);
  return {
    modelKey: model.key,
    modelName: model.name,
    role: model.role,
    index: model.index,
    times,
    values,
    summary,
    summaryText: summary === null ? 'no data' : formattedValueToString(display(summary)),
    kind,
    display,
  };
}

/** The series' time span widened to the dashboard range (when valid); 0–1 when there is none. */
function timeDomain(series: PredictionSeries[], range?: { from: number; to: number }): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const s of series) {
    for (const t of s.times) {
      from = Math.min(from, t);
      to = Math.max(to, t);
    }
  }
  if (range && Number.isFinite(range.from) && Number.isFinite(range.to) && range.to > range.from) {
    from = Math.min(from, range.from);
    to = Math.max(to, range.to);
  }
  // `from` and `to` are finite together: both come from a time or both from the range.
  if (!Number.isFinite(from)) {
    from = 0;
    to = 1;
  }
  return { from, to: to > from ? to : from + 1 };
}

/** The largest value of all series when they measure the same thing, else null (scaled apart). */
function sharedYMax(series: PredictionSeries[]): number | null {
  if (!series.every((s) => s.kind === series[0].kind)) {
    return null;
  }
  let yMax = 0;
  for (const s of series) {
    for (const v of s.values) {
      yMax = Math.max(yMax, v ?? 0);
    }
  }
  return yMax;
}

/** One series per model with predictions (counts, else rates); null when no model has any. */
export function buildPredictionChart(
  data: ModelData[],
  models: ModelInfo[],
  theme: GrafanaTheme2,
  range?: { from: number; to: number }
): PredictionChart | null {
  const series = data
    .map((d, i) => modelSeries(d, models[i], theme))
    .filter((s): s is PredictionSeries => s !== undefined);
  if (series.length === 0) {
    return null;
  }
  return { series, ...timeDomain(series, range), yMax: sharedYMax(series) };
}
