import { FieldType, type Field } from '@grafana/data';

import { modelDataOf } from '../../test/modelData';

import { makeIdentity, type IdentityParts } from './identity';
import { Reducer, Signal } from './mapping';
import { mergeOrphans, setFeature, setOutput, setScalar } from './samples';
import { SampleRank, type FeatureData, type ModelData, type Sample, type SeriesSample } from './types';

/** A value field of a frame, named for what it holds (a sample keeps it for display and links). */
function field(name: string): Field {
  return { name, type: FieldType.number, config: {}, values: [] };
}

function series(source: string): SeriesSample {
  return { times: [1, 2], values: [0.5, 0.6], field: field(source), reducer: Reducer.Last, source };
}

function model(parts: IdentityParts, refId: string, order: number, more: Partial<ModelData> = {}): ModelData {
  return modelDataOf(parts, refId, { order, ...more });
}

/** A deployed model and the same model's frames that name no deployment (e.g. a Prometheus query). */
function deployedAndOrphan(deployed: Partial<ModelData>, orphan: Partial<ModelData>) {
  const full = model({ model: 'churn', version: '3', deploymentId: 'dep-1' }, 'A', 0, deployed);
  const partial = model({ model: 'churn', version: '3' }, 'B', 1, orphan);
  const byKey = new Map([full, partial].map((d) => [d.identity.key, d]));
  mergeOrphans(byKey);
  return [...byKey.values()];
}

describe('mergeOrphans', () => {
  it('folds the frames of a model without deployment into the deployed model', () => {
    const merged = deployedAndOrphan({}, { accuracyStatus: 'AT_RISK' });
    expect(merged).toHaveLength(1);
    expect(merged[0].identity.deploymentId).toBe('dep-1');
    expect(merged[0].accuracyStatus).toBe('AT_RISK');
  });

  it('keeps the accuracy status the deployed model already has', () => {
    const merged = deployedAndOrphan({ accuracyStatus: 'HEALTHY' }, { accuracyStatus: 'FAILING' });
    expect(merged.map((d) => d.accuracyStatus)).toEqual(['HEALTHY']);
  });

  it('keeps an empty accuracy status when neither has one', () => {
    const merged = deployedAndOrphan({}, {});
    expect(merged.map((d) => d.accuracyStatus)).toEqual(['']);
  });

  it('adds no output rows when the folded frames have no outputs', () => {
    const prediction = { value: 0.4, rank: SampleRank.Direct, source: 'Prediction mean' };
    const merged = deployedAndOrphan({ outputs: new Map([['prediction', prediction]]) }, {});
    expect([...(merged[0].outputs ?? new Map()).entries()]).toEqual([['prediction', prediction]]);
  });

  it('takes the outputs of the folded frames', () => {
    const prediction = { value: 0.4, rank: SampleRank.Direct, source: 'Prediction mean' };
    const merged = deployedAndOrphan({}, { outputs: new Map([['prediction', prediction]]) });
    expect([...(merged[0].outputs ?? new Map()).entries()]).toEqual([['prediction', prediction]]);
  });
});

describe('mergeOrphans of deployment-level frames', () => {
  it("folds a deployment's frames into its only model, never into a model of another deployment", () => {
    const deployed = model({ model: 'churn', version: '3', deploymentId: 'dep-1' }, 'A', 0);
    const own = model({ deploymentId: 'dep-1' }, 'B', 1, { accuracyStatus: 'AT_RISK' });
    const other = model({ deploymentId: 'dep-2' }, 'C', 2, { driftStatus: 'FAILING' });
    const byKey = new Map([deployed, own, other].map((d) => [d.identity.key, d]));
    mergeOrphans(byKey);
    expect([...byKey.values()].map((d) => [d.identity.key, d.accuracyStatus, d.driftStatus])).toEqual([
      ['model|dep-1|churn|3', 'AT_RISK', ''],
      ['deployment|dep-2', '', 'FAILING'],
    ]);
  });
});

describe('mergeOrphans folding a model without deployment', () => {
  it('gives the deployed model what it lacks and keeps what it has, at the earlier position', () => {
    const [ownDrift, latency, drift, importance, nullImportance, nullDrift, regionImportance] = [
      'own drift',
      'latency',
      'drift',
      'importance',
      'null importance',
      'null drift',
      'region importance',
    ].map(field);
    // The folded frames: an importance, a drift with a null importance cell, a null drift cell, and a
    // feature with nothing but a null importance cell (which adds no feature).
    const orphanFeatures = new Map<string, FeatureData>();
    setFeature(orphanFeatures, 'age', Signal.FeatureImportance, 0.5, SampleRank.Direct, importance);
    setFeature(orphanFeatures, 'income', Signal.DriftScore, 0.3, SampleRank.Direct, drift);
    setFeature(orphanFeatures, 'income', Signal.FeatureImportance, null, SampleRank.Direct, nullImportance);
    setFeature(orphanFeatures, 'tenure', Signal.DriftScore, null, SampleRank.Direct, nullDrift);
    setFeature(orphanFeatures, 'region', Signal.FeatureImportance, null, SampleRank.Direct, regionImportance);
    const ownAccuracy: Sample = { value: 0.9, rank: SampleRank.Direct, source: 'Health summary' };
    const orphanLatency: Sample = { value: 12, rank: SampleRank.Direct, field: latency, source: 'latency' };
    const deployed = model({ model: 'churn', version: '3', deploymentId: 'dep-1' }, 'A', 1, {
      scalars: { [Signal.Accuracy]: ownAccuracy },
      series: { [Signal.Accuracy]: series('own accuracy') },
      features: new Map([
        ['age', { name: 'age', drift: 0.1, importance: null, rank: SampleRank.Direct, driftField: ownDrift }],
      ]),
    });
    const orphan = model({ model: 'churn', version: '3', role: 'challenger' }, 'B', 0, {
      scalars: {
        [Signal.Accuracy]: { value: 0.8, rank: SampleRank.ReducedSeries, source: 'ml_model_accuracy' },
        [Signal.Latency]: orphanLatency,
      },
      series: { [Signal.Accuracy]: series('ml_model_accuracy'), [Signal.Latency]: series('ml_model_latency') },
      features: orphanFeatures,
      driftStatus: 'AT_RISK',
    });
    const byKey = new Map([orphan, deployed].map((d) => [d.identity.key, d]));

    mergeOrphans(byKey);

    expect([...byKey.values()]).toEqual([
      {
        identity: { ...makeIdentity({ model: 'churn', version: '3', deploymentId: 'dep-1' }, 'A'), role: 'challenger' },
        order: 0,
        scalars: { [Signal.Accuracy]: ownAccuracy, [Signal.Latency]: orphanLatency },
        series: { [Signal.Accuracy]: series('own accuracy'), [Signal.Latency]: series('ml_model_latency') },
        features: new Map<string, FeatureData>([
          [
            'age',
            {
              name: 'age',
              drift: 0.1,
              importance: 0.5,
              rank: SampleRank.Direct,
              driftField: ownDrift,
              importanceField: importance,
            },
          ],
          ['income', { name: 'income', drift: 0.3, importance: null, rank: SampleRank.Direct, driftField: drift }],
          ['tenure', { name: 'tenure', drift: null, importance: null, rank: SampleRank.Direct, driftField: nullDrift }],
        ]),
        driftStatus: 'AT_RISK',
        accuracyStatus: '',
      },
    ]);
  });

  it('folds into the deployed model of the same name only, not into another model of that version', () => {
    const churn = model({ model: 'churn', version: '3', deploymentId: 'dep-1' }, 'A', 0);
    const fraud = model({ model: 'fraud', version: '3', deploymentId: 'dep-2' }, 'B', 1);
    const orphan = model({ model: 'churn', version: '3' }, 'C', 2, { accuracyStatus: 'AT_RISK' });
    const byKey = new Map([churn, fraud, orphan].map((d) => [d.identity.key, d]));
    mergeOrphans(byKey);
    expect([...byKey.values()].map((d) => [d.identity.key, d.accuracyStatus])).toEqual([
      ['model|dep-1|churn|3', 'AT_RISK'],
      ['model|dep-2|fraud|3', ''],
    ]);
  });
});

describe('mergeOrphans of role-only frames', () => {
  it('folds them into the one model with that role, whatever its case, once its undeployed twin is folded', () => {
    const deployed = model({ model: 'churn', version: '3', deploymentId: 'dep-1' }, 'A', 0);
    const undeployed = model({ model: 'churn', version: '3', role: 'Challenger' }, 'B', 1);
    const roleOnly = model({ role: 'challenger' }, 'C', 2, { accuracyStatus: 'AT_RISK' });
    const byKey = new Map([deployed, undeployed, roleOnly].map((d) => [d.identity.key, d]));
    mergeOrphans(byKey);
    expect([...byKey.values()].map((d) => [d.identity.key, d.identity.role, d.accuracyStatus])).toEqual([
      ['model|dep-1|churn|3', 'Challenger', 'AT_RISK'],
    ]);
  });
});

/** The two sample keepers, which choose alike: per signal and per output column. */
const keepers: Array<[string, (data: ModelData, sample: Sample) => void, (data: ModelData) => Sample | undefined]> = [
  ['setScalar', (data, sample) => setScalar(data, Signal.Accuracy, sample), (data) => data.scalars[Signal.Accuracy]],
  ['setOutput', (data, sample) => setOutput(data, 'prediction', sample), (data) => data.outputs?.get('prediction')],
];

describe.each(keepers)('%s', (_name, keep, kept) => {
  const { Direct, ReducedSeries } = SampleRank;
  it.each([
    ['a value over no value of a higher rank', [null, Direct], [0.4, ReducedSeries], 'second'],
    ['no value over no value of a lower rank', [null, Direct], [null, ReducedSeries], 'first'],
    ['no value over no value of a higher rank', [null, ReducedSeries], [null, Direct], 'first'],
    ['a value over a value of a lower rank', [0.3, Direct], [0.4, ReducedSeries], 'first'],
    ['a value of a higher rank over a value', [0.3, ReducedSeries], [0.4, Direct], 'second'],
    ['a value over a later no value of a higher rank', [0.3, ReducedSeries], [null, Direct], 'first'],
    ['the first of two values of the same rank', [0.3, Direct], [0.4, Direct], 'first'],
  ] as Array<[string, [number | null, SampleRank], [number | null, SampleRank], 'first' | 'second']>)(
    'keeps %s',
    (_case, [firstValue, firstRank], [secondValue, secondRank], winner) => {
      const data = model({ model: 'churn', version: '3' }, 'A', 0);
      const first: Sample = { value: firstValue, rank: firstRank, source: 'first' };
      const second: Sample = { value: secondValue, rank: secondRank, source: 'second' };
      keep(data, first);
      keep(data, second);
      expect(kept(data)).toBe(winner === 'first' ? first : second);
    }
  );
});

describe('setFeature', () => {
  const { Direct, ReducedSeries } = SampleRank;
  const [first, second] = [field('first'), field('second')];

  it.each([
    [
      'a series-reduced drift after a direct one',
      0.3,
      Direct,
      0.5,
      ReducedSeries,
      { drift: 0.3, rank: Direct, driftField: first },
    ],
    [
      'a later drift of a higher rank',
      0.3,
      ReducedSeries,
      0.5,
      Direct,
      { drift: 0.5, rank: Direct, driftField: second },
    ],
    ['a later drift of the same rank', 0.3, Direct, 0.5, Direct, { drift: 0.3, rank: Direct, driftField: first }],
    [
      'a later null drift of a higher rank',
      0.3,
      ReducedSeries,
      null,
      Direct,
      { drift: 0.3, rank: ReducedSeries, driftField: first },
    ],
    [
      'a drift of a lower rank after a null one',
      null,
      Direct,
      0.5,
      ReducedSeries,
      { drift: 0.5, rank: Direct, driftField: second },
    ],
  ] as Array<[string, number | null, SampleRank, number | null, SampleRank, Partial<FeatureData>]>)(
    'keeps the best drift given %s',
    (_case, firstValue, firstRank, secondValue, secondRank, expected) => {
      const features = new Map<string, FeatureData>();
      setFeature(features, 'age', Signal.DriftScore, firstValue, firstRank, first);
      setFeature(features, 'age', Signal.DriftScore, secondValue, secondRank, second);
      expect(features.get('age')).toEqual({ name: 'age', importance: null, ...expected });
    }
  );

  it('keeps the first importance, and the first value after a null one', () => {
    const features = new Map<string, FeatureData>();
    setFeature(features, 'age', Signal.FeatureImportance, 0.2, Direct, first);
    setFeature(features, 'age', Signal.FeatureImportance, 0.4, Direct, second);
    setFeature(features, 'income', Signal.FeatureImportance, null, Direct, first);
    setFeature(features, 'income', Signal.FeatureImportance, 0.4, ReducedSeries, second);
    expect([...features.values()]).toEqual([
      { name: 'age', drift: null, importance: 0.2, rank: 0, importanceField: first },
      { name: 'income', drift: null, importance: 0.4, rank: 0, importanceField: second },
    ]);
  });

  it('takes neither drift nor importance from a signal that is not per feature', () => {
    const features = new Map<string, FeatureData>();
    setFeature(features, 'age', Signal.Accuracy, 0.9, Direct, first);
    expect(features.get('age')).toEqual({ name: 'age', drift: null, importance: null, rank: 0 });
  });
});
