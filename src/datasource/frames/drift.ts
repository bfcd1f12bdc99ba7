import {
  DataFrameType,
  FieldType,
  ThresholdsMode,
  createDataFrame,
  type DataFrame,
  type FieldConfig,
  type QueryResultMetaNotice,
} from '@grafana/data';

import { featureStatus } from '../../shared/featureStatus';
import { FIELD, FrameKind, type FrameLabels } from '../../shared/frameSchema';
import type { DriftSeries, DriftSummary, Feature, FeatureFrequency } from '../parse/domain';
import { frameName, labelsOf, meta, seriesName, timeField, valueField } from './common';

/** One row: drifting-feature counts by category and the two thresholds. */
export function driftSummaryFrame(drift: DriftSummary, labels: FrameLabels): DataFrame {
  const count = (name: string, display: string, value: number | null) =>
    valueField(name, FieldType.number, [value], labels, { displayNameFromDS: display, decimals: 0 });
  return createDataFrame({
    name: frameName('Drift summary', labels),
    meta: meta(FrameKind.DriftSummary, {
      type: DataFrameType.NumericWide,
      notices: notCalculatedNotice(drift.features),
      parsed: drift.notices,
    }),
    fields: [
      count(FIELD.featuresDrifting, 'Features drifting', drift.countFeatureDrift),
      count(FIELD.highDrift, 'High drift', drift.highFeatureDrift),
      count(FIELD.mediumDrift, 'Medium drift', drift.mediumFeatureDrift),
      count(FIELD.lowDrift, 'Low drift', drift.lowFeatureDrift),
      valueField(FIELD.driftThreshold, FieldType.number, [drift.driftThreshold], labels, {
        displayNameFromDS: 'Drift threshold',
      }),
      valueField(FIELD.importanceThreshold, FieldType.number, [drift.importanceThreshold], labels, {
        displayNameFromDS: 'Importance threshold',
      }),
    ],
  });
}

function notCalculatedNotice(features: Feature[]): QueryResultMetaNotice[] {
  const missing = features.filter((f) => !f.driftCalculated).length;
  return missing > 0
    ? [
        {
          severity: 'info',
          text: `Drift is not calculated yet for ${missing} of ${features.length} features; they show no value.`,
        },
      ]
    : [];
}

/** Table: one row per feature with drift, importance, impact, missing values, type and status. */
export function featureDriftFrame(drift: DriftSummary, labels: FrameLabels): DataFrame {
  const features = drift.features;
  const col = <T>(pick: (f: Feature) => T) => features.map(pick);
  return createDataFrame({
    name: frameName('Feature drift', labels),
    meta: meta(FrameKind.FeatureDrift, { notices: notCalculatedNotice(features), parsed: drift.notices }),
    fields: [
      valueField(
        FIELD.feature,
        FieldType.string,
        col((f) => f.name),
        labels,
        { displayNameFromDS: 'Feature' }
      ),
      valueField(
        FIELD.drift,
        FieldType.number,
        col((f) => f.drift),
        labels,
        {
          displayNameFromDS: 'Drift',
          thresholds: drift.driftThreshold === null ? undefined : driftThresholds(drift.driftThreshold),
        }
      ),
      valueField(
        FIELD.importance,
        FieldType.number,
        col((f) => f.importance),
        labels,
        { displayNameFromDS: 'Importance' }
      ),
      valueField(
        FIELD.impact,
        FieldType.number,
        col((f) => f.impact),
        labels,
        { displayNameFromDS: 'Impact' }
      ),
      valueField(
        FIELD.missingValues,
        FieldType.number,
        col((f) => f.missingValues),
        labels,
        {
          displayNameFromDS: 'Missing values',
          decimals: 0,
        }
      ),
      valueField(
        FIELD.dataType,
        FieldType.string,
        col((f) => f.dataType),
        labels,
        { displayNameFromDS: 'Data type' }
      ),
      valueField(
        FIELD.driftStatusDerived,
        FieldType.string,
        col((f) =>
          featureStatus(f.driftCalculated ? f.drift : null, f.importance, {
            drift: drift.driftThreshold,
            importance: drift.importanceThreshold,
          })
        ),
        labels,
        { displayNameFromDS: 'Status' }
      ),
    ],
  });
}

function driftThresholds(threshold: number): FieldConfig['thresholds'] {
  return {
    mode: ThresholdsMode.Absolute,
    steps: [
      { value: -Infinity, color: 'green' },
      { value: threshold, color: 'red' },
    ],
  };
}

/**
 * Drift over time: one frame per feature, labelled with `feature`. The frames are written whole,
 * not through createDataFrame: an answer has thousands of features, and createDataFrame copies
 * every field it is given (an object rest, a call into the runtime), which was most of the cost of
 * each frame. A test checks that createDataFrame leaves each frame as it is.
 */
export function driftOverTimeFrames(drift: DriftSeries, labels: FrameLabels, feature?: string): DataFrame[] {
  const series = feature ? drift.driftOverTime.filter((s) => s.feature.name === feature) : drift.driftOverTime;
  // Thousands of features share the model's name, labels and notices: built once, copied per frame.
  const model = seriesName(labels);
  const modelLabels = labelsOf({ ...labels, feature: undefined });
  const frameMeta = meta(FrameKind.DriftOverTime, { type: DataFrameType.TimeSeriesMulti, parsed: drift.notices });
  // A loop, not a callback per query: V8 keeps a closure's optimised code only while it lives.
  const frames: DataFrame[] = [];
  for (const s of series) {
    const name = s.feature.name;
    frames.push({
      name: `Drift of ${name} – ${model}`,
      meta: { ...frameMeta, custom: { ...frameMeta.custom } },
      fields: [
        timeField(s.times),
        {
          name: FIELD.drift,
          type: FieldType.number,
          values: s.values,
          labels: name === '' ? { ...modelLabels } : { ...modelLabels, feature: name },
          config: { displayNameFromDS: `${name} – ${model}` },
        },
      ],
      length: s.times.length,
    });
  }
  return frames;
}

/**
 * The frequency distribution of one feature: a histogram frame (bin_start, bin_end, count) for
 * continuous features (named xMin/xMax as Grafana's Histogram panel expects), or a category/count table
 * for categorical ones (bar chart).
 */
export function featureFrequencyFrame(frequency: FeatureFrequency, labels: FrameLabels): DataFrame {
  const featureLabels: FrameLabels = { ...labels, feature: frequency.featureName };
  const name = `Frequency of ${frequency.featureName} – ${seriesName(labels)}`;
  if (frequency.kind === 'continuous') {
    return createDataFrame({
      name,
      meta: meta(FrameKind.FeatureFrequency, { type: DataFrameType.Histogram, parsed: frequency.notices }),
      fields: [
        { name: FIELD.histogramMin, type: FieldType.number, values: frequency.bins.map((b) => b.min), config: {} },
        { name: FIELD.histogramMax, type: FieldType.number, values: frequency.bins.map((b) => b.max), config: {} },
        valueField(
          FIELD.count,
          FieldType.number,
          frequency.bins.map((b) => b.count),
          featureLabels,
          {
            displayNameFromDS: frequency.featureName,
          }
        ),
      ],
    });
  }
  const categories = frequency.kind === 'categorical' ? frequency.categories : [];
  return createDataFrame({
    name,
    meta: meta(FrameKind.FeatureFrequency, {
      notices:
        frequency.kind === 'empty'
          ? [{ severity: 'info', text: `No frequency data for ${frequency.featureName} in this range.` }]
          : [],
      parsed: frequency.notices,
    }),
    fields: [
      {
        name: FIELD.category,
        type: FieldType.string,
        values: categories.map((c) => c.category),
        config: { displayNameFromDS: 'Category' },
      },
      valueField(
        FIELD.count,
        FieldType.number,
        categories.map((c) => c.value),
        featureLabels,
        {
          displayNameFromDS: frequency.featureName,
        }
      ),
    ],
  });
}
