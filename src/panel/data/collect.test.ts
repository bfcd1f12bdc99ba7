import { FieldType, createDataFrame } from '@grafana/data';

import {
  featureDriftFrame,
  gatewayPair,
  healthFrame,
  labels,
  modelsFrame,
  opSeriesFrame,
  predictionsFrame,
  promInstant,
  promSeries,
} from '../../test/panelFrames';
import { collectModels, counterIncreases, identityFromLabels, makeIdentity, reduceValues, toNumber } from './collect';
import { Reducer, Signal } from './mapping';
import { FIELD } from '../../shared/frameSchema';
import { FeatureStatus } from '../../shared/featureStatus';
import { IdentityKind } from './types';

describe('value helpers', () => {
  it('reduces series with nulls', () => {
    const v = [1, null, 3, 2];
    expect(reduceValues(v, Reducer.Sum)).toBe(6);
    expect(reduceValues(v, Reducer.Mean)).toBe(2);
    expect(reduceValues(v, Reducer.Last)).toBe(2);
    expect(reduceValues([null, null], Reducer.Sum)).toBeNull();
    expect(reduceValues([], Reducer.Last)).toBeNull();
  });

  it('adds nothing for a counter that stays flat', () => {
    expect(reduceValues([10, 10, 15], Reducer.Increase)).toBe(5);
  });

  it('computes counter increases across resets', () => {
    expect(reduceValues([10, 15, 3, 8], Reducer.Increase)).toBe(5 + 3 + 5);
    expect(reduceValues([42], Reducer.Increase)).toBe(42);
    expect(counterIncreases([10, 15, null, 3, 8])).toEqual([null, 5, null, 3, 5]);
    // A counter that stays flat adds nothing (not its whole value, as a reset would).
    expect(counterIncreases([10, 10, 12])).toEqual([null, 0, 2]);
  });

  it('parses numbers defensively', () => {
    expect(toNumber('1.5')).toBe(1.5);
    expect(toNumber('')).toBeNull();
    expect(toNumber(NaN)).toBeNull();
    expect(toNumber(undefined)).toBeNull();
  });
});

describe('identity', () => {
  it('keys by deployment, model and version, falling back to role and then query', () => {
    expect(makeIdentity({ model: 'm', version: '1', deploymentId: 'd' }, 'A').key).toBe('model|d|m|1');
    expect(makeIdentity({ role: 'Champion' }, 'A').key).toBe('role|champion');
    expect(makeIdentity({}, 'A').key).toBe('query|A');
    expect(makeIdentity({ version: '2', role: 'champion' }, 'A').kind).toBe(IdentityKind.Model);
    expect(makeIdentity({ role: 'champion' }, 'A').kind).toBe(IdentityKind.Role);
    expect(makeIdentity({}, 'A').kind).toBe(IdentityKind.Query);
  });

  it('reads Prometheus-style labels (version, model_name)', () => {
    const id = identityFromLabels({ model_name: 'fraud', version: '7', role: 'challenger' }, 'A');
    expect(id).toMatchObject({ model: 'fraud', version: '7', role: 'challenger' });
  });
});

describe('collectModels', () => {
  it('groups our frames by model and keeps query order', () => {
    const { models, recognisedFrames } = collectModels(gatewayPair());
    expect(models.map((m) => m.identity.model)).toEqual(['loan-glm', 'loan-dnn']);
    expect(recognisedFrames).toBe(gatewayPair().length);
    const [champ, chall] = models;
    expect(champ.scalars[Signal.Predictions]?.value).toBe(10_000);
    expect(champ.scalars[Signal.Latency]?.value).toBe(6.1);
    expect(champ.scalars[Signal.Availability]?.value).toBe(99.9);
    expect(chall.scalars[Signal.FailedPredictions]?.value).toBe(58);
    expect(chall.scalars[Signal.SuccessfulPredictions]?.value).toBe(9642);
    expect(champ.driftStatus).toBe('HEALTHY');
    expect(chall.driftStatus).toBe('AT_RISK');
    expect(champ.features.get('revolving_utilization')).toMatchObject({ drift: 0.17, importance: 0.05 });
    expect(champ.series[Signal.Predictions]?.values).toEqual([4000, 3000, 3000]);
  });

  it('prefers direct summaries over reduced series, whatever the order', () => {
    const l = labels('m', '1');
    const { models } = collectModels([predictionsFrame(l, [1, 2, 3]), healthFrame(l, 100, 5)]);
    expect(models[0].scalars[Signal.Predictions]).toMatchObject({ value: 100, rank: 3, source: 'Health summary' });
  });

  it('falls back to the sum of predictions per bin when there is no health summary', () => {
    const { models } = collectModels([predictionsFrame(labels('m', '1'), [1, null, 3])]);
    expect(models[0].scalars[Signal.Predictions]?.value).toBe(4);
  });

  it('takes roles from the models table when series carry none', () => {
    const { models } = collectModels([
      healthFrame(labels('a', '1'), 1, 1),
      healthFrame(labels('b', '2'), 1, 1),
      modelsFrame([
        { model: 'a', version: '1', role: 'challenger' },
        { model: 'b', version: '2', role: 'champion' },
      ]),
    ]);
    expect(models.map((m) => m.identity.role)).toEqual(['challenger', 'champion']);
  });

  it('reads Prometheus series by metric name and model labels', () => {
    const { models } = collectModels([
      promSeries(
        'ml_prediction_latency_seconds',
        { model: 'fraud', model_version: '7', role: 'champion' },
        [0.01, 0.02]
      ),
      promSeries(
        'ml_prediction_latency_seconds',
        { model: 'fraud', model_version: '8', role: 'challenger' },
        [0.03, 0.05]
      ),
      promSeries('ml_predictions_total', { model: 'fraud', model_version: '7' }, [100, 150, 10]),
      promSeries('ml_data_drift_score', { model: 'fraud', model_version: '8', feature: 'amount' }, [0.1, 0.3]),
      promSeries('ml_feature_importance', { model: 'fraud', model_version: '8', feature: 'amount' }, [0.2]),
      promSeries('process_cpu_seconds_total', { model: 'fraud', model_version: '7' }, [1, 2]),
    ]);
    expect(models).toHaveLength(2);
    const [v7, v8] = models;
    expect(v7.scalars[Signal.Latency]).toMatchObject({ value: 0.015, unit: 's' });
    expect(v7.scalars[Signal.Predictions]?.value).toBe(60);
    expect(v8.features.get('amount')).toMatchObject({ drift: 0.3, importance: 0.2 });
    expect(v7.identity.role).toBe('champion');
  });

  it('reads instant queries named by their legend', () => {
    const { models } = collectModels([promInstant('ml_model_accuracy', { version: '3' }, 0.91)]);
    expect(models[0].identity.version).toBe('3');
    expect(models[0].scalars[Signal.Accuracy]).toMatchObject({ value: 0.91, rank: 3 });
  });

  it('notes per-feature series without a feature label', () => {
    const { models, notices } = collectModels([promSeries('ml_data_drift_score', { model: 'm' }, [0.1])]);
    expect(models).toHaveLength(0);
    expect(notices[0]).toContain('no feature label');
  });

  it('merges a series without deployment into the one model with the same name and version', () => {
    const { models } = collectModels([
      healthFrame(labels('fraud', '7', 'champion'), 10, 5),
      promInstant('ml_model_accuracy', { model: 'fraud', model_version: '7' }, 0.9),
    ]);
    expect(models).toHaveLength(1);
    expect(models[0].scalars[Signal.Accuracy]?.value).toBe(0.9);
  });

  it('merges role-only series into the model with that role', () => {
    const { models } = collectModels([
      healthFrame(labels('fraud', '7', 'champion'), 10, 5),
      promInstant('ml_model_accuracy', { role: 'champion' }, 0.9),
      promInstant('ml_model_accuracy', { role: 'challenger' }, 0.8),
    ]);
    expect(models).toHaveLength(2);
    expect(models[0].scalars[Signal.Accuracy]?.value).toBe(0.9);
    expect(models[1].identity.key).toBe('role|challenger');
  });

  it('treats unlabelled series as one model per query', () => {
    const { models } = collectModels([
      promInstant('ml_model_accuracy', {}, 0.9, 'A'),
      promInstant('ml_model_accuracy', {}, 0.8, 'B'),
    ]);
    expect(models.map((m) => m.identity.fallbackName)).toEqual(['A', 'B']);
  });

  it('reads generic feature tables and Prometheus table rows with __name__', () => {
    const table = createDataFrame({
      refId: 'T',
      fields: [
        { name: 'Time', type: FieldType.time, values: [1, 1, 1, 1] },
        {
          name: '__name__',
          type: FieldType.string,
          values: ['ml_data_drift_score', 'ml_feature_importance', 'ml_data_drift_score', 'ml_feature_importance'],
        },
        { name: 'feature', type: FieldType.string, values: ['a', 'a', 'b', 'b'] },
        { name: 'model_version', type: FieldType.string, values: ['1', '1', '1', '1'] },
        { name: 'Value', type: FieldType.number, values: [0.2, 0.3, 0.05, 0.01] },
      ],
    });
    const { models } = collectModels([table]);
    expect(models).toHaveLength(1);
    expect(models[0].features.get('a')).toMatchObject({ drift: 0.2, importance: 0.3 });
    expect(models[0].features.get('b')).toMatchObject({ drift: 0.05, importance: 0.01 });
  });

  it('reads wide tables with one row per model', () => {
    const table = createDataFrame({
      refId: 'SQL',
      fields: [
        { name: 'model', type: FieldType.string, values: ['a', 'b'] },
        { name: 'version', type: FieldType.string, values: ['1', '2'] },
        { name: 'role', type: FieldType.string, values: ['champion', 'challenger'] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9, 0.95] },
        { name: 'unrelated', type: FieldType.number, values: [1, 2] },
      ],
    });
    const { models } = collectModels([table]);
    expect(models.map((m) => [m.identity.model, m.identity.role, m.scalars[Signal.Accuracy]?.value])).toEqual([
      ['a', 'champion', 0.9],
      ['b', 'challenger', 0.95],
    ]);
  });

  it('shows a model-table row that names only a version when it carries a status, not when it carries nothing', () => {
    const table = createDataFrame({
      refId: 'SQL',
      fields: [
        { name: 'version', type: FieldType.string, values: ['3', '4'] },
        { name: FIELD.accuracyStatus, type: FieldType.string, values: ['OK', ''] },
      ],
    });
    const { models } = collectModels([table]);
    expect(models.map((m) => [m.identity.version, m.accuracyStatus])).toEqual([['3', 'OK']]);
  });

  it('shows a model-table row that names only a role', () => {
    const table = createDataFrame({
      refId: 'SQL',
      fields: [
        { name: 'version', type: FieldType.string, values: [''] },
        { name: 'role', type: FieldType.string, values: ['champion'] },
      ],
    });
    const { models } = collectModels([table]);
    expect(models.map((m) => [m.identity.key, m.identity.role])).toEqual([['role|champion', 'champion']]);
  });

  it('skips model-table rows that name no model', () => {
    const { models } = collectModels([modelsFrame([{ model: '', version: '', drift: 'UNKNOWN' }])]);
    expect(models).toEqual([]);
  });

  it('keeps not-calculated features with null drift', () => {
    const { models } = collectModels([featureDriftFrame(labels('m', '1'), [['x', null, null]])]);
    expect(models[0].features.get('x')).toMatchObject({ drift: null, importance: null });
    expect(FeatureStatus.NotCalculated).toBe('not calculated');
  });

  it('shows a negative importance of the feature-drift table as no value, naming the table', () => {
    const { models, notices } = collectModels([featureDriftFrame(labels('m', '1'), [['age', 0.2, -0.3]])]);
    expect(models[0].features.get('age')).toMatchObject({ drift: 0.2, importance: null });
    expect(notices).toEqual(['"Feature drift" has negative values, which it cannot have; they are shown as no value.']);
  });

  it('skips unknown frames and tolerates empty input', () => {
    expect(collectModels([]).models).toEqual([]);
    const junk = createDataFrame({ refId: 'A', fields: [{ name: 'Value', type: FieldType.number, values: [1] }] });
    expect(collectModels([junk])).toMatchObject({ models: [], recognisedFrames: 0 });
    expect(collectModels([opSeriesFrame(labels('m', '1'), 'cpuUsage', [1, 2])]).models).toEqual([]);
  });
});
