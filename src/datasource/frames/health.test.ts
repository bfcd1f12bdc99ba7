import { FieldType, type DataFrame } from '@grafana/data';

import { FIELD, type FrameLabels } from '../../shared/frameSchema';
import type { BoxPlot, TimeHistogram } from '../parse/domain';
import { PredictionsUnit } from '../types';
import { healthSummaryFrame, notesAbout, predictionValuesFrame, predictionsOverTimeFrame } from './health';

/**
 * The health frames as dashboards, the panel and alert rules read them: frame names, field names,
 * types, display names, units, hidden helper columns and notices are the contract, so each is pinned whole.
 */

const labels: FrameLabels = { deployment_id: 'd1', deployment: 'churn', model: 'gbm', model_version: '2' };
const model = 'gbm v2';
const columns = (frame: DataFrame) =>
  frame.fields.map(({ name, type, config, labels }) => ({ name, type, config, labels }));
const values = (frame: DataFrame) => frame.fields.map((f) => f.values);
const graph = { name: '', description: '', xLabel: '', yLabel: '' };

describe('health summary frame', () => {
  it('has the total as a whole count and the latency in ms, each with its header', () => {
    const frame = healthSummaryFrame({ totalPredictions: 1200, scoringLatencyMs: 3.5, notices: [] }, labels);
    expect(frame.name).toBe(`Health – ${model}`);
    expect(columns(frame)).toEqual([
      {
        name: FIELD.totalPredictions,
        type: FieldType.number,
        config: { displayNameFromDS: 'Total predictions', unit: 'short', decimals: 0 },
        labels,
      },
      {
        name: FIELD.scoringLatencyMs,
        type: FieldType.number,
        config: { displayNameFromDS: 'Avg scoring latency', unit: 'ms' },
        labels,
      },
    ]);
    expect(values(frame)).toEqual([[1200], [3.5]]);
  });
});

describe('predictions over time frame', () => {
  // Two bins of unequal width: 2 minutes, then 1 minute.
  const histogram: TimeHistogram = { ...graph, starts: [0, 120_000], ends: [120_000, 180_000], counts: [4, 6] };
  const hidden = { custom: { hideFrom: { viz: true, legend: true } } };
  const helperColumns = [
    { name: FIELD.binEnd, type: FieldType.time, config: hidden, labels: undefined },
    { name: FIELD.binMinutes, type: FieldType.number, config: { ...hidden, unit: 'm' }, labels: undefined },
  ];

  it('counts per bin: the counts as short numbers, and the bin end and width as hidden columns', () => {
    const frame = predictionsOverTimeFrame(histogram, labels, PredictionsUnit.CountPerBin);
    expect(frame.name).toBe(`Predictions over time – ${model}`);
    expect(columns(frame)).toEqual([
      { name: FIELD.time, type: FieldType.time, config: {}, labels: undefined },
      {
        name: FIELD.predictions,
        type: FieldType.number,
        config: {
          displayNameFromDS: model,
          unit: 'short',
          description: 'Predictions in each gateway bin (bins may differ in width)',
        },
        labels,
      },
      ...helperColumns,
    ]);
    expect(values(frame)).toEqual([
      [0, 120_000],
      [4, 6],
      [120_000, 180_000],
      [2, 1],
    ]);
  });

  it('rate per minute: each count over its own bin width, described as such', () => {
    const frame = predictionsOverTimeFrame(histogram, labels, PredictionsUnit.RatePerMinute);
    expect(columns(frame).slice(1)).toEqual([
      {
        name: FIELD.predictionsPerMinute,
        type: FieldType.number,
        config: {
          displayNameFromDS: model,
          unit: 'suffix: /min',
          description: 'Predictions per minute in each gateway bin',
        },
        labels,
      },
      ...helperColumns,
    ]);
    expect(frame.fields[1].values).toEqual([2, 6]);
  });
});

describe('prediction values frame', () => {
  it('names each of the five series "<statistic> – <model>"', () => {
    const plot: BoxPlot = {
      ...graph,
      starts: [0],
      ends: [60_000],
      min: [1],
      q1: [2],
      median: [3],
      q3: [4],
      max: [5],
    };
    const frame = predictionValuesFrame(plot, labels);
    expect(frame.name).toBe(`Prediction values – ${model}`);
    expect(frame.meta?.notices).toBeUndefined();
    expect(columns(frame)).toEqual([
      { name: FIELD.time, type: FieldType.time, config: {}, labels: undefined },
      ...(['min', 'q1', 'median', 'q3', 'max'] as const).map((stat) => ({
        name: FIELD[stat],
        type: FieldType.number,
        config: { displayNameFromDS: `${stat} – ${model}` },
        labels,
      })),
    ]);
    expect(values(frame)).toEqual([[0], [1], [2], [3], [4], [5]]);
  });

  it('without box plots, says as information that only regression deployments have them', () => {
    const frame = predictionValuesFrame(null, labels);
    expect(frame.meta?.notices).toEqual([
      { severity: 'info', text: 'The gateway reports prediction values only for regression deployments.' },
    ]);
  });
});

describe('notesAbout', () => {
  it('keeps the notes at the path itself or inside it, not at paths that merely start with its name', () => {
    const notes = [
      'a (at predictions)',
      'b (at predictions.bin[0].y)',
      'c (at predictions[2])',
      'd (at predictionsTotal)',
      'e (at predictionValues.box[0])',
    ];
    expect(notesAbout(notes, 'predictions')).toEqual(notes.slice(0, 3));
  });

  it('keeps grouped notes whatever their count, since they may cover any path', () => {
    const grouped = ['a (2 values, first at totalPredictions)', 'b (12 values, first at scoringLatency)'];
    expect(notesAbout([...grouped, 'c (at scoringLatency)'], 'predictions')).toEqual(grouped);
  });
});
