import { FieldType, createDataFrame, type DataFrame, type Field } from '@grafana/data';

import { Mlops1xFrameKind, mlops1xFrameMeta } from '../../shared/frameKinds1x';
import { FRAME_SCHEMA_VERSION } from '../../shared/frameSchema';
import { HOUR, T0, healthFrame, labels } from '../../test/panelFrames';
import { emptyModelData } from '../../test/modelData';
import { collectModels } from './collect';
import { identityFromLabels } from './identity';
import { Signal } from './mapping';
import { SampleRank, outputShareKey, type ModelData, type Sample } from './types';

/**
 * collectModels on the edges of foreign and 1.x frames: instant values next to series, text
 * columns, missing labels, tables that only name a model. Each test pins the whole result.
 */

const MODEL = { model: 'fraud', model_version: '3' };

/** A frame without our kind: an optional Time field, then numeric (or text) value fields. */
function frameOf(
  fields: Array<{ name: string; values: unknown[]; labels?: Record<string, string>; type?: FieldType }>,
  time = true
): DataFrame {
  const rows = fields[0].values.length;
  return createDataFrame({
    refId: 'A',
    fields: [
      ...(time
        ? [{ name: 'Time', type: FieldType.time, values: Array.from({ length: rows }, (_, i) => T0 + i * HOUR) }]
        : []),
      ...fields.map((f) => ({ name: f.name, type: f.type ?? FieldType.number, values: f.values, labels: f.labels })),
    ],
  });
}

/** The collected data of the model in MODEL with nothing but the given parts. */
function fraud(parts: Partial<ModelData>): ModelData {
  return emptyModelData(identityFromLabels(MODEL, 'A'), parts);
}

const accuracy = (field: Field, value: number | null, rowIndex?: number): Sample => ({
  value,
  rank: SampleRank.Direct,
  field,
  rowIndex,
  unit: 'percentunit',
  source: 'ml_model_accuracy',
});

const ACCURACY = { __name__: 'ml_model_accuracy', ...MODEL };

describe('collectModels: single values', () => {
  it('reads an instant query (one point with a time field) as a direct value with its row, not a series', () => {
    const frame = frameOf([{ name: 'Value', values: [0.91], labels: ACCURACY }]);
    expect(collectModels([frame])).toEqual({
      models: [fraud({ scalars: { [Signal.Accuracy]: accuracy(frame.fields[1], 0.91, 0) } })],
      notices: [],
      recognisedFrames: 1,
    });
  });

  it('reads a column of a table without a time field as its last value with its row, not a series', () => {
    const frame = frameOf([{ name: 'Value', values: [0.8, 0.9], labels: ACCURACY }], false);
    expect(collectModels([frame])).toEqual({
      models: [fraud({ scalars: { [Signal.Accuracy]: accuracy(frame.fields[0], 0.9, 1) } })],
      notices: [],
      recognisedFrames: 1,
    });
  });

  it('keeps a field without rows as no value, without a row', () => {
    const frame = frameOf([{ name: 'Value', values: [], labels: ACCURACY }], false);
    expect(collectModels([frame])).toEqual({
      models: [fraud({ scalars: { [Signal.Accuracy]: accuracy(frame.fields[0], null) } })],
      notices: [],
      recognisedFrames: 1,
    });
  });

  it('does not read a text column as values, even when it is named like a metric', () => {
    const frame = frameOf([{ name: 'ml_model_accuracy', values: ['0.9'], labels: MODEL, type: FieldType.string }]);
    expect(collectModels([frame])).toEqual({ models: [], notices: [], recognisedFrames: 0 });
  });
});

describe('collectModels: our frames', () => {
  const champion = labels('loan-glm', '2', 'champion');
  const withColumn = (name: string) => {
    const frame = healthFrame(champion, 100, 5);
    frame.fields.push({ name, type: FieldType.string, values: ['other'], config: {} });
    return frame;
  };

  it.each(['model', 'feature'])('reads a frame by its kind even when it has a "%s" text column', (column) => {
    const { models, notices, recognisedFrames } = collectModels([withColumn(column)]);
    expect(models.map((m) => [m.identity.model, m.scalars[Signal.Predictions]?.value, m.features.size])).toEqual([
      ['loan-glm', 100, 0],
    ]);
    expect([notices, recognisedFrames]).toEqual([[], 1]);
  });

  it('keeps a one-row summary a single value even when it carries a time field', () => {
    const frame = healthFrame(champion, 100, 5);
    frame.fields.unshift({ name: 'Time', type: FieldType.time, values: [T0], config: {} });
    const [model] = collectModels([frame]).models;
    expect([
      model.series,
      model.scalars[Signal.Predictions]?.rank,
      model.scalars[Signal.Predictions]?.rowIndex,
    ]).toEqual([{}, SampleRank.Direct, 0]);
  });

  it('says a newer frame schema needs a plugin update only when the version is a number', () => {
    const versioned = (frameSchemaVersion: unknown) => {
      const frame = healthFrame(champion, 100, 5);
      frame.meta = { ...frame.meta, custom: { ...frame.meta?.custom, frameSchemaVersion } };
      return frame;
    };
    expect(collectModels([versioned(`${FRAME_SCHEMA_VERSION + 1}`)]).notices).toEqual([]);
    expect(collectModels([versioned(FRAME_SCHEMA_VERSION + 1)]).notices).toEqual([
      `The data follows frame schema ${FRAME_SCHEMA_VERSION + 1}, newer than this panel understands (${FRAME_SCHEMA_VERSION}); ` +
        'update the plugin. Values the panel does not recognise are left out.',
    ]);
  });
});

describe('collectModels: labels that per-feature and output-column values need', () => {
  const predictions1x = (fields: Array<{ name: string; values: number[]; labels: Record<string, string> }>) => {
    const frame = frameOf(fields);
    frame.meta = { custom: mlops1xFrameMeta(Mlops1xFrameKind.PredictionsOverTime) };
    return frame;
  };

  it('skips output columns without a feature label and class shares without a category label, saying so once each', () => {
    const frame = predictions1x([
      { name: 'mean', values: [0.4, 0.6], labels: MODEL },
      { name: 'mean', values: [0.5, 0.7], labels: MODEL },
      { name: 'share', values: [0.2, 0.3], labels: { ...MODEL, feature: 'label' } },
    ]);
    expect(collectModels([frame])).toEqual({
      models: [],
      notices: [
        '"Prediction distribution over time" has no feature label; output column values need one.',
        '"Prediction distribution over time" has no category label; class shares need one.',
      ],
      recognisedFrames: 0,
    });
  });

  it('reads a class share by its column and category, as the mean over the range', () => {
    const frame = predictions1x([
      { name: 'share', values: [0.2, 0.4], labels: { ...MODEL, feature: 'label', category: 'yes' } },
    ]);
    const share: Sample = {
      value: expect.closeTo(0.3, 10),
      rank: SampleRank.ReducedSeries,
      field: frame.fields[1],
      unit: 'percentunit',
      source: 'Prediction distribution over time',
    };
    const { models, notices, recognisedFrames } = collectModels([frame]);
    expect(models.map((m) => [m.identity.model, [...(m.outputs ?? [])]])).toEqual([
      ['fraud', [[outputShareKey('label', 'yes'), share]]],
    ]);
    expect([notices, recognisedFrames]).toEqual([[], 1]);
  });

  it('skips a per-feature series without a feature label, saying so, and reads one with it', () => {
    const drift = (l: Record<string, string>) =>
      frameOf([{ name: 'Value', values: [0.1, 0.25], labels: { __name__: 'ml_feature_drift_score', ...MODEL, ...l } }]);
    expect(collectModels([drift({})])).toEqual({
      models: [],
      notices: ['"ml_feature_drift_score" has no feature label; per-feature values need one.'],
      recognisedFrames: 0,
    });
    const { models, notices, recognisedFrames } = collectModels([drift({ feature: 'age' })]);
    expect(models.map((m) => [m.identity.model, m.features.get('age')?.drift])).toEqual([['fraud', 0.25]]);
    expect([notices, recognisedFrames]).toEqual([[], 1]);
  });
});

describe('collectModels: tables that only name a model', () => {
  const table = (columns: Record<string, string>) =>
    createDataFrame({
      refId: 'T',
      fields: Object.entries(columns).map(([name, value]) => ({ name, type: FieldType.string, values: [value] })),
    });

  it('lists a model named by a table row without values', () => {
    const { models, recognisedFrames } = collectModels([table({ model: 'fraud', version: '3' })]);
    expect(models.map((m) => [m.identity.model, m.identity.version, Object.keys(m.scalars)])).toEqual([
      ['fraud', '3', []],
    ]);
    expect(recognisedFrames).toBe(1);
  });

  it('lists a model known only by its version and drift status', () => {
    const { models } = collectModels([table({ version: '3', drift_status: 'HEALTHY' })]);
    expect(models.map((m) => [m.identity.model, m.identity.version, m.driftStatus])).toEqual([['', '3', 'HEALTHY']]);
  });
});
