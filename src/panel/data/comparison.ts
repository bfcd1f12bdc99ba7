import {
  FieldType,
  ThresholdsMode,
  formattedValueToString,
  getActiveThreshold,
  getDisplayProcessor,
  type DisplayProcessor,
  type Field,
  type GrafanaTheme2,
} from '@grafana/data';

import { Direction, DeltaMode, METRIC_LABELS, MetricId, type PanelOptions } from '../types';
import type { DriftModel } from './drift';
import { SIGNAL_SPECS, Signal } from './mapping';
import { judgedDelta, verdictFor } from './verdict';
import { outcomeOf } from './outcome';
import { Dimension, chooseUnits } from './units';
import {
  type ComparisonModel,
  type Delta,
  type FormattedValue,
  type MetricCell,
  type MetricRow,
  type ModelData,
  type ModelInfo,
  type OutputRowId,
  type Sample,
  parseOutputShareKey,
} from './types';
import { type ModelStatus, MODEL_STATUS_LABELS, MODEL_STATUS_RANK, parseGatewayStatus } from '../../shared/modelStatus';

export { verdictFor } from './verdict';

/**
 * Models → comparison: one row per selected metric with a cell per model, the delta of each
 * challenger to the champion (better/worse for the metric's direction) and a verdict per
 * challenger. Pure: the theme only feeds Grafana's display processors.
 */

interface Formatter {
  display: DisplayProcessor;
  /** canonical → display unit */
  displayFactor: number;
  format: (canonical: number) => FormattedValue;
}

/** A formatter for canonical values using the field's display config (decimals, thresholds, mappings). */
export function makeFormatter(
  field: Field | undefined,
  dimension: Dimension,
  defaultUnit: string | undefined,
  theme: GrafanaTheme2
) {
  const units = chooseUnits(dimension, field?.config.unit, defaultUnit);
  const config = { ...(field?.config ?? {}), unit: units.displayUnit };
  const display = getDisplayProcessor({
    field: { type: FieldType.number, name: field?.name, config },
    theme,
  });
  const steps =
    config.thresholds && config.thresholds.mode !== ThresholdsMode.Percentage ? config.thresholds.steps : undefined;
  const hasThresholds = steps !== undefined && steps.length > 1;
  const formatter: Formatter = {
    display,
    displayFactor: units.displayFactor,
    format: (canonical) => {
      const value = canonical / units.displayFactor;
      const text = formattedValueToString(display(value));
      if (!hasThresholds) {
        return { text };
      }
      const active = getActiveThreshold(value, steps);
      return {
        text,
        thresholdColor: theme.visualization.getColorByName(active.color),
        aboveThreshold: active !== steps[0] && active.value !== -Infinity,
      };
    },
  };
  return { formatter, sourceFactor: units.sourceFactor };
}

interface NumericValue {
  canonical: number | null;
  formatter: Formatter;
  sample?: Sample;
  source: string;
}

/** The signal behind each numeric metric (drift status is a status, never a number). */
type NumericMetric = Exclude<MetricId, MetricId.DriftStatus>;

const METRIC_SIGNAL: Record<NumericMetric, Signal> = {
  [MetricId.Predictions]: Signal.Predictions,
  [MetricId.Latency]: Signal.Latency,
  [MetricId.FailureRate]: Signal.FailureRate,
  [MetricId.Availability]: Signal.Availability,
  [MetricId.Accuracy]: Signal.Accuracy,
};

function fromSample(sample: Sample | undefined, signal: Signal, theme: GrafanaTheme2): NumericValue | undefined {
  if (!sample) {
    return undefined;
  }
  const { formatter, sourceFactor } = makeFormatter(sample.field, SIGNAL_SPECS[signal].dimension, sample.unit, theme);
  return {
    canonical: sample.value === null ? null : sample.value * sourceFactor,
    formatter,
    sample,
    source: sample.source,
  };
}

/** The number behind a metric for one model, including values derived from other signals. */
function numericValue(metric: NumericMetric, data: ModelData, theme: GrafanaTheme2): NumericValue | undefined {
  const signal = METRIC_SIGNAL[metric];
  const direct = fromSample(data.scalars[signal], signal, theme);
  if (direct && direct.canonical !== null) {
    return direct;
  }
  const failed = data.scalars[Signal.FailedPredictions]?.value ?? null;
  const succeeded = data.scalars[Signal.SuccessfulPredictions]?.value ?? null;
  if (metric === MetricId.FailureRate && failed !== null) {
    // A missing total counts as zero predictions: no rate to derive.
    const total = succeeded !== null ? failed + succeeded : (data.scalars[Signal.Predictions]?.value ?? 0);
    if (total > 0) {
      // Without a field the ratio shows in its canonical unit (percentunit).
      const { formatter } = makeFormatter(undefined, Dimension.Ratio, undefined, theme);
      return { canonical: failed / total, formatter, source: 'failed / all predictions' };
    }
  }
  if (metric === MetricId.Predictions && failed !== null && succeeded !== null) {
    const { formatter } = makeFormatter(
      // Stryker disable next-line OptionalChaining: succeeded !== null means this sample exists
      data.scalars[Signal.SuccessfulPredictions]?.field,
      Dimension.Count,
      undefined,
      theme
    );
    return { canonical: failed + succeeded, formatter, source: 'successful + failed predictions' };
  }
  return direct;
}

function statusCell(status: ModelStatus | undefined, source: string): MetricCell {
  if (!status) {
    return { value: null, text: '', source };
  }
  return { value: MODEL_STATUS_RANK[status], text: MODEL_STATUS_LABELS[status], status, source };
}

function linksOf(value: NumericValue): MetricCell['getLinks'] {
  const field = value.sample?.field;
  if (!field?.getLinks || !(field.config.links?.length ?? 0)) {
    return undefined;
  }
  // Stryker disable next-line OptionalChaining: a field (checked above) comes with its sample
  const rowIndex = value.sample?.rowIndex;
  const getLinks = field.getLinks;
  // Grafana's supplier treats an undefined row like none (the calculated value's links).
  return () => getLinks({ valueRowIndex: rowIndex });
}

function metricCell(
  metric: MetricId,
  data: ModelData,
  drift: DriftModel,
  modelKey: string,
  theme: GrafanaTheme2
): { cell: MetricCell; formatter?: Formatter } {
  if (metric === MetricId.DriftStatus) {
    const gateway = parseGatewayStatus(data.driftStatus);
    if (gateway) {
      return { cell: statusCell(gateway, "gateway's model status") };
    }
    const badge = drift.models.find((m) => m.modelKey === modelKey)?.badge;
    return {
      cell: statusCell(
        badge && badge.source !== 'none' ? badge.status : undefined,
        'derived from the drift thresholds'
      ),
    };
  }
  const numeric = numericValue(metric, data, theme);
  if (numeric && numeric.canonical !== null) {
    return {
      cell: {
        value: numeric.canonical,
        ...numeric.formatter.format(numeric.canonical),
        source: numeric.source,
        getLinks: linksOf(numeric),
      },
      formatter: numeric.formatter,
    };
  }
  if (metric === MetricId.Accuracy) {
    const status = parseGatewayStatus(data.accuracyStatus);
    if (status) {
      return { cell: statusCell(status, "gateway's model accuracy status") };
    }
  }
  return { cell: { value: null, text: '', source: numeric?.source }, formatter: numeric?.formatter };
}

function signed(text: string, diff: number): string {
  return diff > 0 && !text.startsWith('+') ? `+${text}` : text;
}

export function formatRelative(relative: number): string {
  const pct = relative * 100;
  const digits = Math.abs(pct) < 10 ? 1 : 0;
  const text = pct.toFixed(digits);
  // Only a one-decimal text can round to minus zero (|pct| < 10).
  return `${pct > 0 ? '+' : ''}${text === '-0.0' ? text.slice(1) : text}%`;
}

export function computeDelta(
  champion: MetricCell,
  challenger: MetricCell,
  direction: Direction,
  options: Pick<PanelOptions, 'deltaMode' | 'equalTolerancePercent'>,
  formatter: Formatter | undefined
): Delta {
  const outcome = outcomeOf(champion.value, challenger.value, direction, options.equalTolerancePercent / 100);
  if (champion.value === null || challenger.value === null) {
    return { outcome: 'unknown', diff: null, relative: null, text: '' };
  }
  const isStatus = champion.status !== undefined || challenger.status !== undefined;
  if (isStatus) {
    if (champion.status === undefined || challenger.status === undefined) {
      // A number on one side, a status on the other: nothing to compare.
      return { outcome: 'unknown', diff: null, relative: null, text: 'not comparable' };
    }
    const text = champion.status === challenger.status ? 'same status' : `${challenger.text} vs ${champion.text}`;
    return { outcome, diff: null, relative: null, text };
  }
  const diff = challenger.value - champion.value;
  const relative = champion.value !== 0 ? diff / Math.abs(champion.value) : null;
  const absolute = formatter
    ? signed(formattedValueToString(formatter.display(diff / formatter.displayFactor)), diff)
    : signed(String(diff), diff);
  let text: string;
  switch (options.deltaMode) {
    case DeltaMode.Absolute:
      text = absolute;
      break;
    case DeltaMode.Relative:
      text = relative !== null ? formatRelative(relative) : absolute;
      break;
    default:
      text = relative !== null ? `${absolute} (${formatRelative(relative)})` : absolute;
  }
  return { outcome, diff, relative, text };
}

/** Most classes of one categorical output column shown as share rows (top by champion share). */
export const MAX_SHARE_ROWS_PER_COLUMN = 5;

function neutralRow(
  id: OutputRowId,
  label: string,
  samples: Array<Sample | undefined>,
  signal: Signal,
  options: Pick<PanelOptions, 'deltaMode' | 'equalTolerancePercent'>,
  theme: GrafanaTheme2
): MetricRow {
  const values = samples.map((sample) => fromSample(sample, signal, theme));
  const cells: MetricCell[] = values.map((v) =>
    v && v.canonical !== null
      ? { value: v.canonical, ...v.formatter.format(v.canonical), source: v.source, getLinks: linksOf(v) }
      : { value: null, text: '', source: v?.source }
  );
  const formatter = values[0]?.formatter;
  return {
    id,
    label,
    direction: Direction.Neutral,
    cells,
    // In the champion's format; without a champion number there is no difference to format.
    deltas: cells.map((cell, i) =>
      i === 0 ? null : computeDelta(cells[0], cell, Direction.Neutral, options, formatter)
    ),
    available: cells.some((c) => c.value !== null),
    display: formatter?.display,
  };
}

/**
 * Neutral rows of the 1.x prediction distribution: per numerical output column its prediction
 * mean, per categorical output column the mean share of its classes (a percentage; the difference
 * in percentage points). The difference is shown, never called better or worse, so these rows stay
 * out of the verdict. At most {@link MAX_SHARE_ROWS_PER_COLUMN} classes per column are shown: the
 * largest by champion share (then by the best challenger share), to keep the table bounded.
 */
function outputRows(
  data: ModelData[],
  options: Pick<PanelOptions, 'deltaMode' | 'equalTolerancePercent'>,
  theme: GrafanaTheme2
): MetricRow[] {
  const keys = [...new Set(data.flatMap((d) => [...(d.outputs?.keys() ?? [])]))];
  const rows: MetricRow[] = [];
  const shareKeys = new Map<string, Array<{ key: string; category: string }>>();
  for (const key of keys) {
    const share = parseOutputShareKey(key);
    if (share) {
      const list = shareKeys.get(share.column) ?? [];
      list.push({ key, category: share.category });
      shareKeys.set(share.column, list);
      continue;
    }
    const samples = data.map((d) => d.outputs?.get(key));
    rows.push(
      neutralRow(`predictionMean:${key}`, `Prediction mean (${key})`, samples, Signal.PredictionMean, options, theme)
    );
  }
  for (const [column, classes] of shareKeys) {
    // data[0] exists: the keys come from the models' outputs.
    const shareOf = (d: ModelData, key: string) => d.outputs?.get(key)?.value ?? -1;
    const ranked = [...classes].sort(
      (a, b) =>
        shareOf(data[0], b.key) - shareOf(data[0], a.key) ||
        Math.max(...data.slice(1).map((d) => shareOf(d, b.key)), -1) -
          Math.max(...data.slice(1).map((d) => shareOf(d, a.key)), -1) ||
        a.category.localeCompare(b.category)
    );
    for (const { key, category } of ranked.slice(0, MAX_SHARE_ROWS_PER_COLUMN)) {
      const samples = data.map((d) => d.outputs?.get(key));
      rows.push(
        neutralRow(
          `predictionShare:${column}:${category}`,
          `Share of ${category} (${column})`,
          samples,
          Signal.PredictionShare,
          options,
          theme
        )
      );
    }
  }
  return rows;
}

/** The comparison model (`data` and `models` in the same, champion-first order). */
export function buildComparison(
  data: ModelData[],
  models: ModelInfo[],
  drift: DriftModel,
  options: Pick<PanelOptions, 'metrics' | 'directions' | 'deltaMode' | 'equalTolerancePercent' | 'minPredictions'>,
  theme: GrafanaTheme2
): ComparisonModel {
  const rows: MetricRow[] = options.metrics.map((metric) => {
    const direction = options.directions[metric] ?? Direction.Neutral;
    const built = data.map((d, i) => metricCell(metric, d, drift, models[i].key, theme));
    const cells = built.map((b) => b.cell);
    const championFormatter = built[0]?.formatter;
    const deltas = cells.map((cell, i) => {
      if (i === 0) {
        return null;
      }
      // In the champion's format; without a champion number there is no difference to format.
      const delta = computeDelta(cells[0], cell, direction, options, championFormatter);
      return judgedDelta(metric, delta, data[0], data[i], direction, options.minPredictions);
    });
    return {
      id: metric,
      label: METRIC_LABELS[metric],
      direction,
      cells,
      deltas,
      available: cells.some((c) => c.value !== null),
      display: championFormatter?.display,
    };
  });
  rows.push(...outputRows(data, options, theme));
  const verdicts = models.filter((m) => !m.isChampion).map((m) => verdictFor(m, rows));
  return { models, rows, verdicts };
}
