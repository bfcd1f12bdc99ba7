import { FieldType, createDataFrame, type Field } from '@grafana/data';

import { FIELD, FrameKind, FRAME_SCHEMA_VERSION } from '../../shared/frameSchema';
import { Mlops1xFrameKind, mlops1xFrameMeta } from '../../shared/frameKinds1x';
import {
  Reducer,
  Signal,
  candidateNames,
  classifyField,
  frameKind,
  isIgnoredKind,
  kindSource,
  lookupName,
  pickLabel,
} from './mapping';
import { parseAliases } from './aliases';

describe('parseAliases', () => {
  it('parses signal, unit, reducer and several names', () => {
    const { aliases, errors } = parseAliases(
      'latency(s) = Scoring_Time, other_time\npredictions:increase = requests_total\n# comment\n\n'
    );
    expect(errors).toEqual([]);
    expect(aliases.scoring_time).toEqual({ signal: Signal.Latency, reducer: Reducer.Mean, unit: 's' });
    expect(aliases.other_time).toEqual({ signal: Signal.Latency, reducer: Reducer.Mean, unit: 's' });
    expect(aliases.requests_total).toEqual({ signal: Signal.Predictions, reducer: Reducer.Increase, unit: undefined });
  });

  it('reports lines it does not understand and keeps the rest', () => {
    const { aliases, errors } = parseAliases('nonsense = x\naccuracy = acc\nlatency:median = y\nno equals sign');
    expect(Object.keys(aliases)).toEqual(['acc']);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('line 1');
  });

  it('accepts a multi-letter unit and a line written without spaces', () => {
    const { aliases, errors } = parseAliases('latency(ms)=scoring_ms\nlatency =tight_ms');
    expect(errors).toEqual([]);
    expect(aliases).toEqual({
      scoring_ms: { signal: Signal.Latency, reducer: Reducer.Mean, unit: 'ms' },
      tight_ms: { signal: Signal.Latency, reducer: Reducer.Mean, unit: undefined },
    });
  });

  it('rejects a line whose signal does not start it, or that holds a Unicode line separator', () => {
    const { aliases, errors } = parseAliases('1latency = a\nlatency = b\u2028c');
    expect(aliases).toEqual({});
    expect(errors).toEqual([
      'Metric alias line 1 is not understood: "1latency = a"',
      'Metric alias line 2 is not understood: "latency = b\u2028c"',
    ]);
  });

  it('accepts snake_case and camelCase signal names', () => {
    expect(parseAliases('failure_rate = a').aliases.a.signal).toBe(Signal.FailureRate);
    expect(parseAliases('failureRate = b').aliases.b.signal).toBe(Signal.FailureRate);
  });
});

describe('classifyField', () => {
  it('maps our frames by kind and field name, not by metric names', () => {
    const frame = createDataFrame({
      meta: { custom: { kind: FrameKind.HealthSummary, frameSchemaVersion: FRAME_SCHEMA_VERSION } },
      fields: [
        { name: FIELD.totalPredictions, type: FieldType.number, values: [1] },
        { name: 'ml_model_accuracy', type: FieldType.number, values: [1] },
      ],
    });
    expect(classifyField(frame, frame.fields[0], {})?.signal).toBe(Signal.Predictions);
    expect(classifyField(frame, frame.fields[1], {})).toBeUndefined();
  });

  it('maps H2O MLOps 1.x frames by kind: volume rows as predictions, drift over time as drift, output means and class shares; nothing else', () => {
    const frame = (kind: Mlops1xFrameKind, name: string) =>
      createDataFrame({
        meta: { custom: mlops1xFrameMeta(kind) },
        fields: [{ name, type: FieldType.number, values: [1] }],
      });
    const volume = frame(Mlops1xFrameKind.Volume, 'rows');
    expect(classifyField(volume, volume.fields[0], {})).toMatchObject({
      signal: Signal.Predictions,
      reducer: Reducer.Sum,
      source: 'Volume over time',
    });
    const drift = frame(Mlops1xFrameKind.DriftOverTime, 'drift');
    expect(classifyField(drift, drift.fields[0], {})).toMatchObject({
      signal: Signal.DriftScore,
      reducer: Reducer.Last,
    });
    const predictionMean = frame(Mlops1xFrameKind.PredictionsOverTime, 'mean');
    expect(classifyField(predictionMean, predictionMean.fields[0], {})).toMatchObject({
      signal: Signal.PredictionMean,
      reducer: Reducer.Mean,
      source: 'Prediction distribution over time',
    });
    const predictionShare = frame(Mlops1xFrameKind.PredictionsOverTime, 'share');
    expect(classifyField(predictionShare, predictionShare.fields[0], {})).toMatchObject({
      signal: Signal.PredictionShare,
      reducer: Reducer.Mean,
      unit: 'percentunit',
    });
    const predictionStd = frame(Mlops1xFrameKind.PredictionsOverTime, 'std');
    expect(classifyField(predictionStd, predictionStd.fields[0], {})).toBeUndefined();
    // Same field names in other 1.x kinds (or names foreign series would match) are not read.
    const stats = frame(Mlops1xFrameKind.StatsOverTime, 'mean');
    expect(classifyField(stats, stats.fields[0], {})).toBeUndefined();
    const missing = frame(Mlops1xFrameKind.MissingOverTime, 'ml_predictions');
    expect(classifyField(missing, missing.fields[0], {})).toBeUndefined();
  });

  it('maps operational time series by meta.custom.metric', () => {
    const frame = createDataFrame({
      meta: { custom: { kind: FrameKind.OperationalTimeSeries, frameSchemaVersion: 1, metric: 'failedPrediction' } },
      fields: [{ name: FIELD.value, type: FieldType.number, values: [1] }],
    });
    expect(classifyField(frame, frame.fields[0], {})?.signal).toBe(Signal.FailedPredictions);
    const cpu = createDataFrame({
      ...frame,
      meta: { custom: { kind: FrameKind.OperationalTimeSeries, metric: 'cpuUsage' } },
    });
    expect(classifyField(cpu, cpu.fields[0], {})).toBeUndefined();
  });

  it('maps foreign series by __name__, legend, field name, frame name, then refId', () => {
    const byName = createDataFrame({
      refId: 'A',
      fields: [
        { name: 'Value', type: FieldType.number, values: [1], labels: { __name__: 'ml_prediction_latency_seconds' } },
      ],
    });
    expect(classifyField(byName, byName.fields[0], {})).toMatchObject({
      signal: Signal.Latency,
      unit: 's',
      source: 'ml_prediction_latency_seconds',
    });
    const byRefId = createDataFrame({
      refId: 'ml_model_accuracy',
      fields: [{ name: 'Value', type: FieldType.number, values: [1] }],
    });
    expect(classifyField(byRefId, byRefId.fields[0], {})?.signal).toBe(Signal.Accuracy);
    const unknown = createDataFrame({ refId: 'A', fields: [{ name: 'Value', type: FieldType.number, values: [1] }] });
    expect(classifyField(unknown, unknown.fields[0], {})).toBeUndefined();
  });

  it('lets aliases win over built-in names', () => {
    const { aliases } = parseAliases('accuracy = ml_predictions_total');
    expect(lookupName(['ml_predictions_total'], aliases)?.signal).toBe(Signal.Accuracy);
  });

  it('skips generic "Value" field names but keeps others, lower-cased', () => {
    const frame = createDataFrame({
      name: 'Frame',
      refId: 'R',
      fields: [{ name: 'Value', type: FieldType.number, values: [] }],
    });
    expect(candidateNames(frame, frame.fields[0])).toEqual(['frame', 'r']);
  });
});

describe('helpers', () => {
  it('reads the frame kind only when it is one of ours', () => {
    expect(frameKind(createDataFrame({ meta: { custom: { kind: 'featureDrift' } }, fields: [] }))).toBe(
      FrameKind.FeatureDrift
    );
    expect(frameKind(createDataFrame({ meta: { custom: { kind: 'other' } }, fields: [] }))).toBeUndefined();
    expect(frameKind(createDataFrame({ fields: [] }))).toBeUndefined();
  });

  it('picks the first non-empty label of a list', () => {
    expect(pickLabel({ version: '3', model_version: '' }, ['model_version', 'version'])).toBe('3');
    expect(pickLabel(undefined, ['x'])).toBe('');
  });
});

describe('candidateNames of odd fields', () => {
  it('skips "value" in either case and empty names, trims and lower-cases the rest', () => {
    const frame = createDataFrame({
      name: ' Scoring Frame ',
      refId: '',
      fields: [
        { name: 'value', type: FieldType.number, values: [1], labels: { __name__: '' } },
        { name: ' Scoring_Time ', type: FieldType.number, values: [1] },
      ],
    });
    expect(candidateNames(frame, frame.fields[0])).toEqual(['scoring frame']);
    expect(candidateNames(frame, frame.fields[1])).toEqual(['scoring_time', 'scoring frame']);
  });

  it('reads a field that came without a config object', () => {
    const frame = createDataFrame({ refId: 'A', fields: [] });
    const bare = { name: 'ml_model_accuracy', type: FieldType.number, values: [0.9] } as unknown as Field;
    expect(candidateNames(frame, bare)).toEqual(['ml_model_accuracy', 'a']);
  });
});

describe('classifyField of frames that are neither ours nor 1.x', () => {
  const accuracyIn = (kind: unknown) =>
    createDataFrame({
      meta: { custom: { kind } },
      fields: [{ name: 'ml_model_accuracy', type: FieldType.number, values: [0.9] }],
    });

  it("maps by metric name when meta.custom.kind is some other plugin's kind", () => {
    const frame = accuracyIn('someOtherKind');
    expect(classifyField(frame, frame.fields[0], {})).toEqual({
      signal: Signal.Accuracy,
      reducer: Reducer.Last,
      unit: 'percentunit',
      source: 'ml_model_accuracy',
    });
  });

  it('does not take a non-string kind for a 1.x kind, even one that reads as one when coerced', () => {
    const frame = accuracyIn([Mlops1xFrameKind.Volume]);
    expect(classifyField(frame, frame.fields[0], {})?.signal).toBe(Signal.Accuracy);
    expect(frameKind(frame)).toBeUndefined();
  });
});

describe('classifyField of our frames that carry no values by field', () => {
  it('maps only the value field of an operational time series', () => {
    const frame = createDataFrame({
      meta: { custom: { kind: FrameKind.OperationalTimeSeries, frameSchemaVersion: 1, metric: 'failedPrediction' } },
      fields: [
        { name: 'count', type: FieldType.number, values: [1] },
        { name: FIELD.value, type: FieldType.number, values: [1] },
      ],
    });
    expect(classifyField(frame, frame.fields[0], {})).toBeUndefined();
    expect(classifyField(frame, frame.fields[1], {})).toEqual({
      signal: Signal.FailedPredictions,
      reducer: Reducer.Sum,
      unit: undefined,
      source: 'Operational time series',
    });
  });

  it('maps no field of a kind the panel reads as rows or ignores', () => {
    for (const kind of [
      FrameKind.Models,
      FrameKind.FeatureDrift,
      FrameKind.Deployments,
      FrameKind.PredictionValues,
      FrameKind.FeatureFrequency,
      FrameKind.DeploymentEvents,
    ]) {
      const frame = createDataFrame({
        meta: { custom: { kind, frameSchemaVersion: FRAME_SCHEMA_VERSION } },
        fields: [{ name: FIELD.totalPredictions, type: FieldType.number, values: [1] }],
      });
      expect(classifyField(frame, frame.fields[0], {})).toBeUndefined();
    }
  });
});

describe('frame kinds the panel skips, and the source a kind names', () => {
  it('ignores deployments, prediction values, feature frequency and events; reads the rest', () => {
    const ignored = Object.values(FrameKind).filter((kind) => isIgnoredKind(kind));
    expect(ignored.sort()).toEqual(
      [FrameKind.Deployments, FrameKind.PredictionValues, FrameKind.FeatureFrequency, FrameKind.DeploymentEvents].sort()
    );
    expect(isIgnoredKind(undefined)).toBe(false);
  });

  it("names a value by its kind's label, else by the fallback", () => {
    expect(kindSource(FrameKind.FeatureDrift, 'drift')).toBe('Feature drift');
    expect(kindSource(undefined, 'drift')).toBe('drift');
  });
});
