import { makeIdentity, type IdentityParts } from './identity';
import { Signal } from './mapping';
import { mergeOrphans, setFeature } from './samples';
import { SampleRank, type FeatureData, type ModelData } from './types';

function model(parts: IdentityParts, refId: string, order: number, more: Partial<ModelData> = {}): ModelData {
  return {
    identity: makeIdentity(parts, refId),
    order,
    scalars: {},
    series: {},
    features: new Map(),
    driftStatus: '',
    accuracyStatus: '',
    ...more,
  };
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

describe('setFeature', () => {
  it('keeps the drift of the best source when a series-reduced drift comes after a direct one', () => {
    const features = new Map<string, FeatureData>();
    setFeature(features, 'age', Signal.DriftScore, 0.3, SampleRank.Direct);
    setFeature(features, 'age', Signal.DriftScore, 0.5, SampleRank.ReducedSeries);
    expect(features.get('age')).toMatchObject({ drift: 0.3, rank: SampleRank.Direct });
  });
});
