import { FieldType, createDataFrame, type DataFrame, type Labels } from '@grafana/data';

import { FIELD, FrameKind } from '../../shared/frameSchema';
import { collectModels } from './collect';
import { Signal } from './mapping';

/** A wide SQL-style table: one row per model plus one numeric column. */
function wideTable(
  numeric: { name: string; values: number[] },
  frameName?: string,
  versionColumn = 'version',
  extra: Array<{ name: string; values: string[] }> = []
) {
  return createDataFrame({
    refId: 'SQL',
    name: frameName,
    fields: [
      { name: 'model', type: FieldType.string, values: ['fraud', 'fraud'] },
      { name: versionColumn, type: FieldType.string, values: ['1', '2'] },
      ...extra.map((e) => ({ ...e, type: FieldType.string })),
      { name: numeric.name, type: FieldType.number, values: numeric.values },
    ],
  });
}

const latencyOf = (frame: ReturnType<typeof wideTable>) =>
  collectModels([frame]).models.map((m) => [m.identity.version, m.scalars[Signal.Latency]?.value ?? null]);

describe('model tables (wide, one row per model)', () => {
  it.each(['Value', 'value'])('names a generic "%s" column by the frame name', (column) => {
    expect(latencyOf(wideTable({ name: column, values: [0.2, 0.3] }, 'ml_prediction_latency_seconds'))).toEqual([
      ['1', 0.2],
      ['2', 0.3],
    ]);
  });

  it('does not name a specific column by the frame name', () => {
    const { models } = collectModels([
      wideTable({ name: 'requests', values: [5, 6] }, 'ml_prediction_latency_seconds'),
    ]);
    expect(models.map((m) => m.scalars[Signal.Latency])).toEqual([]);
  });

  it.each(['model_version', 'version', 'modelversion'])('reads the version from a "%s" column', (column) => {
    const { models } = collectModels([wideTable({ name: 'ml_model_accuracy', values: [0.9, 0.8] }, undefined, column)]);
    expect(models.map((m) => [m.identity.version, m.scalars[Signal.Accuracy]?.value])).toEqual([
      ['1', 0.9],
      ['2', 0.8],
    ]);
  });

  it.each(['model', 'model_name', 'modelName'])('reads the model from a "%s" column', (column) => {
    const frame = createDataFrame({
      fields: [
        { name: column, type: FieldType.string, values: ['fraud', 'churn'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9, 0.8] },
      ],
    });
    const { models } = collectModels([frame]);
    expect(models.map((m) => [m.identity.model, m.scalars[Signal.Accuracy]?.value])).toEqual([
      ['fraud', 0.9],
      ['churn', 0.8],
    ]);
  });

  it('shows a negative latency cell as no value with a notice, and plausible cells without one', () => {
    const bad = collectModels([wideTable({ name: 'ml_prediction_latency_seconds', values: [-1, 0.5] })]);
    expect(bad.models.map((m) => m.scalars[Signal.Latency]?.value ?? null)).toEqual([null, 0.5]);
    expect(bad.notices).toEqual([
      '"ml_prediction_latency_seconds" has negative values, which it cannot have; they are shown as no value.',
    ]);
    const good = collectModels([wideTable({ name: 'ml_prediction_latency_seconds', values: [0.1, 0.5] })]);
    expect(good.notices).toEqual([]);
  });

  it('keeps the deployment named by a deployment column', () => {
    const { models } = collectModels([
      wideTable({ name: 'ml_model_accuracy', values: [0.9, 0.8] }, undefined, 'version', [
        { name: 'deployment', values: ['shadow', 'shadow'] },
      ]),
    ]);
    expect(models.map((m) => m.identity.deployment)).toEqual(['shadow', 'shadow']);
  });
});

/** The identity, accuracy and statuses of each model read from a model table. */
const modelRows = (frames: DataFrame[], aliasText = '') => {
  const { models, recognisedFrames } = collectModels(frames, aliasText);
  return {
    recognisedFrames,
    rows: models.map((m) => ({
      model: m.identity.model,
      version: m.identity.version,
      role: m.identity.role,
      deploymentId: m.identity.deploymentId,
      deployment: m.identity.deployment,
      accuracy: m.scalars[Signal.Accuracy]?.value ?? null,
      latency: m.scalars[Signal.Latency]?.value ?? null,
    })),
  };
};

const model = (
  parts: Partial<{ model: string; version: string; role: string; deploymentId: string; deployment: string }>,
  accuracy: number | null = null,
  latency: number | null = null
) => ({ model: '', version: '', role: '', deploymentId: '', deployment: '', ...parts, accuracy, latency });

describe('model tables: which columns name the model', () => {
  it('reads a model column of a type other than text (e.g. an untyped JSON column)', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'Model', type: FieldType.other, values: ['fraud', 'churn'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9, 0.8] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([model({ model: 'fraud' }, 0.9), model({ model: 'churn' }, 0.8)]);
  });

  it('prefers a text column over an earlier column of another type with a model name', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'model', type: FieldType.other, values: [{ id: 1 }, { id: 2 }] },
        { name: 'MODEL_NAME', type: FieldType.string, values: ['fraud', 'churn'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9, 0.8] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([model({ model: 'fraud' }, 0.9), model({ model: 'churn' }, 0.8)]);
  });

  it('never names a model by a time column, nor by a number column other than the version', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'model', type: FieldType.string, values: ['fraud'] },
        { name: 'deployment', type: FieldType.time, values: [1_735_689_600_000] },
        { name: 'role', type: FieldType.number, values: [1] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([model({ model: 'fraud' }, 0.9)]);
  });

  it('reads a number version column (an SQL integer) as the version, not as a value: two versions stay two models', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'model', type: FieldType.string, values: ['fraud', 'fraud'] },
        { name: 'version', type: FieldType.number, values: [3, 4] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9, 0.8] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([
      model({ model: 'fraud', version: '3' }, 0.9),
      model({ model: 'fraud', version: '4' }, 0.8),
    ]);
  });

  it('never reads a number version column as a value, even on a row named by a metric-name column', () => {
    const frame = createDataFrame({
      fields: [
        { name: '__name__', type: FieldType.string, values: ['ml_model_accuracy'] },
        { name: 'model', type: FieldType.string, values: ['fraud'] },
        { name: 'version', type: FieldType.number, values: [3] },
        { name: 'Value', type: FieldType.number, values: [0.9] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([model({ model: 'fraud', version: '3' }, 0.9)]);
  });

  it('prefers a text version column to a number one of another accepted name', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'model', type: FieldType.string, values: ['fraud'] },
        { name: 'version', type: FieldType.number, values: [3] },
        { name: 'model_version', type: FieldType.string, values: ['7'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([model({ model: 'fraud', version: '7' }, 0.9)]);
  });

  it('reads the deployment id and name from their columns', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'model', type: FieldType.string, values: ['fraud'] },
        { name: 'deployment_id', type: FieldType.string, values: ['dep-7'] },
        { name: 'deployment', type: FieldType.string, values: ['scoring'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([
      model({ model: 'fraud', deploymentId: 'dep-7', deployment: 'scoring' }, 0.9),
    ]);
  });

  it('takes what the columns leave out from the labels of a value column', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'version', type: FieldType.string, values: ['1', '2'] },
        {
          name: 'ml_model_accuracy',
          type: FieldType.number,
          values: [0.9, 0.8],
          labels: { model: 'fraud', role: 'champion' },
        },
      ],
    });
    // Two rows, two models: nothing past the last row.
    expect(modelRows([frame]).rows).toEqual([
      model({ model: 'fraud', version: '1', role: 'champion' }, 0.9),
      model({ model: 'fraud', version: '2', role: 'champion' }, 0.8),
    ]);
  });

  it('skips rows that name no model, and a table of only such rows is not recognised', () => {
    const frame = createDataFrame({
      refId: 'SQL',
      fields: [
        { name: 'model', type: FieldType.string, values: ['', ''] },
        { name: 'deployment', type: FieldType.string, values: ['', 'scoring'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9, 0.8] },
      ],
    });
    expect(modelRows([frame])).toEqual({ recognisedFrames: 0, rows: [] });
  });
});

describe('model tables: which columns are values', () => {
  it('reads only number columns as values, not a text column with a metric name', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'model', type: FieldType.string, values: ['fraud'] },
        { name: 'ml_model_accuracy', type: FieldType.string, values: ['0.9'] },
        { name: 'ml_prediction_latency_seconds', type: FieldType.number, values: [0.2] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([model({ model: 'fraud' }, null, 0.2)]);
  });

  it('matches a column name with spaces around it', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'model', type: FieldType.string, values: ['fraud'] },
        { name: ' ML_Model_Accuracy ', type: FieldType.number, values: [0.9] },
      ],
    });
    expect(modelRows([frame]).rows).toEqual([model({ model: 'fraud' }, 0.9)]);
  });

  it.each(['Value', 'value'])(
    'never looks up a generic "%s" column by its own name, even when an alias is named "value"',
    (column) => {
      const frame = wideTable({ name: column, values: [0.2, 0.3] }, 'ml_prediction_latency_seconds');
      expect(modelRows([frame], 'accuracy = value').rows).toEqual([
        model({ model: 'fraud', version: '1' }, null, 0.2),
        model({ model: 'fraud', version: '2' }, null, 0.3),
      ]);
    }
  );

  it('reads a hand-built frame without length or field configs (rows from its first field)', () => {
    const frame = {
      fields: [
        { name: 'model', type: FieldType.string, values: ['fraud', 'churn'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9, 0.8] },
      ],
    } as unknown as DataFrame;
    expect(modelRows([frame])).toEqual({
      recognisedFrames: 1,
      rows: [model({ model: 'fraud' }, 0.9), model({ model: 'churn' }, 0.8)],
    });
  });

  it('reads a models frame without fields or length as empty', () => {
    const frame = { fields: [], meta: { custom: { kind: FrameKind.Models } } } as unknown as DataFrame;
    expect(modelRows([frame])).toEqual({ recognisedFrames: 0, rows: [] });
  });
});

/** Per model: its identity and [feature, drift, importance] of each feature. */
const featureRows = (frames: DataFrame[]) => {
  const { models, notices, recognisedFrames } = collectModels(frames);
  return {
    recognisedFrames,
    notices,
    models: models.map((m) => ({
      model: m.identity.model,
      version: m.identity.version,
      role: m.identity.role,
      deployment: m.identity.deploymentId || m.identity.deployment,
      features: [...m.features.values()].map((f) => [f.name, f.drift, f.importance]),
    })),
  };
};

const gatewayFeatureFrame = (fields: Array<{ name: string; type: FieldType; values: unknown[]; labels?: Labels }>) =>
  createDataFrame({ refId: 'A', meta: { custom: { kind: FrameKind.FeatureDrift } }, fields });

describe('feature tables (one row per feature)', () => {
  const fraud1 = { model: 'fraud', model_version: '1' };

  it('reads our feature-drift table and notes its negative drift under the frame kind', () => {
    const frame = gatewayFeatureFrame([
      { name: FIELD.feature, type: FieldType.string, values: ['age', '', 'income'] },
      { name: FIELD.drift, type: FieldType.number, values: [-0.1, 0.5, 0.3], labels: fraud1 },
      { name: FIELD.importance, type: FieldType.number, values: [0.7, 0.6, 0.2], labels: fraud1 },
    ]);
    expect(featureRows([frame])).toEqual({
      recognisedFrames: 1,
      notices: ['"Feature drift" has negative values, which it cannot have; they are shown as no value.'],
      // The row without a feature name is skipped.
      models: [
        {
          model: 'fraud',
          version: '1',
          role: '',
          deployment: '',
          features: [
            ['age', null, 0.7],
            ['income', 0.3, 0.2],
          ],
        },
      ],
    });
  });

  it('does not recognise a feature-drift frame without a feature column', () => {
    const frame = gatewayFeatureFrame([{ name: FIELD.drift, type: FieldType.number, values: [0.5], labels: fraud1 }]);
    expect(featureRows([frame])).toEqual({ recognisedFrames: 0, notices: [], models: [] });
  });

  it('takes the model from the labels of the feature column when the value columns have none', () => {
    const frame = gatewayFeatureFrame([
      { name: FIELD.feature, type: FieldType.string, values: ['age'], labels: fraud1 },
      { name: FIELD.drift, type: FieldType.number, values: [0.4] },
    ]);
    expect(featureRows([frame]).models).toEqual([
      { model: 'fraud', version: '1', role: '', deployment: '', features: [['age', 0.4, null]] },
    ]);
  });

  it('prefers the labels of the value columns over those of other columns', () => {
    const frame = gatewayFeatureFrame([
      { name: FIELD.feature, type: FieldType.string, values: ['age'], labels: { model: 'other' } },
      { name: FIELD.drift, type: FieldType.number, values: [0.4], labels: fraud1 },
    ]);
    expect(featureRows([frame]).models).toEqual([
      { model: 'fraud', version: '1', role: '', deployment: '', features: [['age', 0.4, null]] },
    ]);
  });

  it('does not recognise a feature table whose numbers are no drift or importance', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'feature', type: FieldType.string, values: ['age'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9], labels: fraud1 },
      ],
    });
    expect(featureRows([frame])).toEqual({ recognisedFrames: 0, notices: [], models: [] });
  });

  it('names each row by the metric-name column of a Prometheus table', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'feature', type: FieldType.string, values: ['age', 'age'] },
        { name: '__name__', type: FieldType.string, values: ['ML_Feature_Drift_Score', 'ml_feature_importance'] },
        { name: 'Value', type: FieldType.number, values: [0.4, 0.8], labels: fraud1 },
      ],
    });
    expect(featureRows([frame]).models).toEqual([
      { model: 'fraud', version: '1', role: '', deployment: '', features: [['age', 0.4, 0.8]] },
    ]);
  });

  it.each([
    ['model', 'model', ['fraud', 'churn']],
    ['version', 'version', ['1', '2']],
    ['role', 'role', ['champion', 'challenger']],
    ['deployment_id', 'deployment', ['dep-1', 'dep-2']],
    ['deployment', 'deployment', ['dep-1', 'dep-2']],
  ] as const)('names the model of each row by its "%s" column', (column, part, values) => {
    const frame = createDataFrame({
      fields: [
        { name: 'feature', type: FieldType.string, values: ['age', 'age'] },
        { name: column, type: FieldType.string, values: [...values] },
        { name: 'drift', type: FieldType.number, values: [0.1, 0.2] },
      ],
    });
    const blank = { model: '', version: '', role: '', deployment: '' };
    expect(featureRows([frame]).models).toEqual([
      { ...blank, [part]: values[0], features: [['age', 0.1, null]] },
      { ...blank, [part]: values[1], features: [['age', 0.2, null]] },
    ]);
  });

  it('puts each row into its own model when the models alternate row by row', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'feature', type: FieldType.string, values: ['age', 'age', 'income', 'income'] },
        { name: 'model', type: FieldType.string, values: ['fraud', 'churn', 'fraud', 'churn'] },
        { name: 'drift', type: FieldType.number, values: [0.1, 0.2, 0.3, 0.4] },
      ],
    });
    const blank = { version: '', role: '', deployment: '' };
    expect(featureRows([frame]).models).toEqual([
      {
        ...blank,
        model: 'fraud',
        features: [
          ['age', 0.1, null],
          ['income', 0.3, null],
        ],
      },
      {
        ...blank,
        model: 'churn',
        features: [
          ['age', 0.2, null],
          ['income', 0.4, null],
        ],
      },
    ]);
  });
});
