import { FieldType, createDataFrame } from '@grafana/data';

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
