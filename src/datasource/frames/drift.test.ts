import { FieldType, ThresholdsMode, createDataFrame, type DataFrame } from '@grafana/data';

import { FeatureStatus } from '../../shared/featureStatus';
import { FIELD, FRAME_SCHEMA_VERSION, FrameKind, type FrameLabels } from '../../shared/frameSchema';
import type { DriftSummary, Feature, FeatureFrequency } from '../parse/domain';
import { driftOverTimeFrames, driftSummaryFrame, featureDriftFrame, featureFrequencyFrame } from './drift';

/**
 * The drift frames as dashboards, the panel and alert rules read them: frame names, field names,
 * types, display names, thresholds, labels and notices are the contract, so each is pinned whole.
 */

const labels: FrameLabels = { deployment_id: 'd1', deployment: 'churn', model: 'gbm', model_version: '2' };
const model = 'gbm v2';
const columns = (frame: DataFrame) =>
  frame.fields.map(({ name, type, config, labels }) => ({ name, type, config, labels }));
const values = (frame: DataFrame) => frame.fields.map((f) => f.values);

const feature = (name: string, over: Partial<Feature> = {}): Feature => ({
  name,
  dataType: 'numeric',
  driftCalculated: true,
  drift: 0.1,
  importance: 0.2,
  impact: 0.3,
  missingValues: 0,
  ...over,
});

const summary = (features: Feature[], driftThreshold: number | null = 0.3): DriftSummary => ({
  countFeatureDrift: 1,
  highFeatureDrift: 1,
  mediumFeatureDrift: 0,
  lowFeatureDrift: 0,
  driftThreshold,
  importanceThreshold: 0.5,
  features,
  notices: [],
});

describe('drift summary frame', () => {
  it('is named after the model and says nothing when every feature has drift', () => {
    const frame = driftSummaryFrame(summary([feature('a'), feature('b')]), labels);
    expect(frame.name).toBe(`Drift summary – ${model}`);
    expect(frame.meta?.notices).toBeUndefined();
  });

  it('tells how many features have no drift yet, as information', () => {
    const frame = driftSummaryFrame(summary([feature('a'), feature('b', { driftCalculated: false })]), labels);
    expect(frame.meta?.notices).toEqual([
      { severity: 'info', text: 'Drift is not calculated yet for 1 of 2 features; they show no value.' },
    ]);
  });
});

describe('feature drift frame', () => {
  const features = [
    feature('income', { drift: 0.35, importance: 0.8, impact: 0.25, missingValues: 4, dataType: 'numeric' }),
    feature('segment', { drift: 0.05, importance: 0.1, impact: 0.5, missingValues: 1, dataType: 'categorical' }),
  ];

  it('has one named column per feature property, each with its header, and the drift threshold colours', () => {
    const frame = featureDriftFrame(summary(features), labels);
    expect(frame.name).toBe(`Feature drift – ${model}`);
    expect(frame.meta).toEqual({
      custom: { kind: FrameKind.FeatureDrift, frameSchemaVersion: FRAME_SCHEMA_VERSION },
    });
    expect(columns(frame)).toEqual([
      { name: FIELD.feature, type: FieldType.string, config: { displayNameFromDS: 'Feature' }, labels },
      {
        name: FIELD.drift,
        type: FieldType.number,
        config: {
          displayNameFromDS: 'Drift',
          thresholds: {
            mode: ThresholdsMode.Absolute,
            steps: [
              { value: -Infinity, color: 'green' },
              { value: 0.3, color: 'red' },
            ],
          },
        },
        labels,
      },
      { name: FIELD.importance, type: FieldType.number, config: { displayNameFromDS: 'Importance' }, labels },
      { name: FIELD.impact, type: FieldType.number, config: { displayNameFromDS: 'Impact' }, labels },
      {
        name: FIELD.missingValues,
        type: FieldType.number,
        config: { displayNameFromDS: 'Missing values', decimals: 0 },
        labels,
      },
      { name: FIELD.dataType, type: FieldType.string, config: { displayNameFromDS: 'Data type' }, labels },
      { name: FIELD.driftStatusDerived, type: FieldType.string, config: { displayNameFromDS: 'Status' }, labels },
    ]);
    expect(values(frame)).toEqual([
      ['income', 'segment'],
      [0.35, 0.05],
      [0.8, 0.1],
      [0.25, 0.5],
      [4, 1],
      ['numeric', 'categorical'],
      [FeatureStatus.DriftingImportant, FeatureStatus.Stable],
    ]);
  });

  it('without a drift threshold the drift column has no threshold colours', () => {
    const frame = featureDriftFrame(summary(features, null), labels);
    expect(frame.fields[1].config).toEqual({ displayNameFromDS: 'Drift' });
  });
});

describe('drift over time frames', () => {
  it('name each frame after its feature and the model', () => {
    const frames = driftOverTimeFrames(
      { driftOverTime: [{ feature: feature('income'), times: [1000], values: [0.2] }], notices: [] },
      labels
    );
    expect(frames.map((f) => f.name)).toEqual([`Drift of income – ${model}`]);
  });

  it('are whole frames: createDataFrame leaves each as it is (they are written without it, for speed)', () => {
    const frames = driftOverTimeFrames(
      {
        driftOverTime: [
          { feature: feature('income'), times: [1000, 2000, 3000], values: [0.2, null, 0.4] },
          { feature: feature(''), times: [], values: [] },
        ],
        notices: ['a note'],
      },
      labels
    );
    expect(frames.map((f) => f.length)).toEqual([3, 0]);
    for (const frame of frames) {
      expect(createDataFrame(frame)).toEqual(frame);
      for (const field of frame.fields) {
        expect(field.values).toHaveLength(frame.length);
      }
    }
    expect(frames[0].fields.map((f) => [f.name, f.type])).toEqual([
      [FIELD.time, FieldType.time],
      [FIELD.drift, FieldType.number],
    ]);
  });
});

describe('feature frequency frame', () => {
  const featureLabels = { ...labels, feature: 'segment' };

  it('continuous: xMin/xMax bounds and a count named after the feature', () => {
    const frequency: FeatureFrequency = {
      featureName: 'income',
      kind: 'continuous',
      histogram: { name: '', description: '', xLabel: '', yLabel: '' },
      bins: [{ min: 0, max: 10, count: 3 }],
    };
    const frame = featureFrequencyFrame(frequency, labels);
    expect(frame.name).toBe(`Frequency of income – ${model}`);
    expect(columns(frame)).toEqual([
      { name: FIELD.histogramMin, type: FieldType.number, config: {}, labels: undefined },
      { name: FIELD.histogramMax, type: FieldType.number, config: {}, labels: undefined },
      {
        name: FIELD.count,
        type: FieldType.number,
        config: { displayNameFromDS: 'income' },
        labels: { ...labels, feature: 'income' },
      },
    ]);
    expect(values(frame)).toEqual([[0], [10], [3]]);
  });

  it('categorical: a category column and counts named after the feature, with no notice', () => {
    const frequency: FeatureFrequency = {
      featureName: 'segment',
      kind: 'categorical',
      graph: { name: '', description: '', xLabel: '', yLabel: '' },
      categories: [
        { category: 'retail', value: 70 },
        { category: 'sme', value: null },
      ],
    };
    const frame = featureFrequencyFrame(frequency, labels);
    expect(frame.name).toBe(`Frequency of segment – ${model}`);
    expect(frame.meta?.notices).toBeUndefined();
    expect(columns(frame)).toEqual([
      { name: FIELD.category, type: FieldType.string, config: { displayNameFromDS: 'Category' }, labels: undefined },
      { name: FIELD.count, type: FieldType.number, config: { displayNameFromDS: 'segment' }, labels: featureLabels },
    ]);
    expect(values(frame)).toEqual([
      ['retail', 'sme'],
      [70, null],
    ]);
  });

  it('empty: says so as information', () => {
    const frame = featureFrequencyFrame({ featureName: 'segment', kind: 'empty' }, labels);
    expect(frame.meta?.notices).toEqual([{ severity: 'info', text: 'No frequency data for segment in this range.' }]);
  });
});
