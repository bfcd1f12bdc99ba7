import { DEFAULT_OPTIONS, type PanelOptions } from '../types';
import { driftSummaryFrame, featureDriftFrame, labels, predictionsFrame } from '../../test/panelFrames';
import { collectModels } from './collect';
import { buildDrift, compareFeatures, type FeaturePoint } from './drift';
import { resolveRoles } from './roles';
import { featurePoint as point } from '../../test/modelData';

/**
 * The order of the drift lists (features without drift or importance included), which features the
 * top N may show, and which models and challengers the drift model has at all.
 */

/** The sign of compareFeatures(a, b): -1 when `a` comes first. */
const order = (a: FeaturePoint, b: FeaturePoint) => Math.sign(compareFeatures(a, b));

function driftOf(frames: Parameters<typeof collectModels>[0], o: Partial<PanelOptions> = {}) {
  const options = { ...DEFAULT_OPTIONS, ...o };
  const roles = resolveRoles(collectModels(frames).models, options);
  return buildDrift(roles.data, roles.models, options);
}

describe('compareFeatures', () => {
  const noDriftA = point('a', null, 0.9);
  const noDriftB = point('b', null, 0.1);
  const zeroDrift = point('z', 0, 0.1);
  const unimportant = point('u', 0.2, null);
  const important = point('v', 0.2, 0.01);

  it('puts a feature without drift after one with drift 0, whatever their importance and names', () => {
    expect([order(noDriftA, zeroDrift), order(zeroDrift, noDriftA)]).toEqual([1, -1]);
    expect([order(noDriftB, zeroDrift), order(zeroDrift, noDriftB)]).toEqual([1, -1]);
    expect([
      order(point('a', null, null), point('b', 0.1, null)),
      order(point('b', 0.1, null), point('a', null, null)),
    ]).toEqual([1, -1]);
  });

  it('orders features without drift by name only', () => {
    expect([order(noDriftA, noDriftB), order(noDriftB, noDriftA)]).toEqual([-1, 1]);
  });

  it('puts a feature without importance after one with importance at equal drift', () => {
    expect([order(important, unimportant), order(unimportant, important)]).toEqual([-1, 1]);
  });

  it('orders features with equal drift and no importance by name', () => {
    expect([
      order(point('a', 0.2, null), point('b', 0.2, null)),
      order(point('b', 0.2, null), point('a', 0.2, null)),
    ]).toEqual([-1, 1]);
  });

  it('sorts a mixed list: drift descending, then importance, then name, features without drift last by name', () => {
    const sorted = [noDriftB, unimportant, noDriftA, zeroDrift, important].sort(compareFeatures);
    expect(sorted.map((f) => f.name)).toEqual(['v', 'u', 'z', 'a', 'b']);
  });
});

describe('the top N and the models and comparisons of the drift model', () => {
  it('never shows a feature without drift in the top N, even when N exceeds the drifting features', () => {
    const drift = driftOf(
      [
        featureDriftFrame(labels('m', '1', 'champion'), [
          ['a', null, 0.9],
          ['b', 0.05, 0.1],
          ['c', 0, null],
        ]),
      ],
      { topN: 10 }
    );
    expect(drift.models[0].top.map((f) => [f.name, f.drift])).toEqual([
      ['b', 0.05],
      ['c', 0],
    ]);
    expect(drift.models[0].features.map((f) => f.name)).toEqual(['b', 'c', 'a']);
  });

  it('leaves out models without any drift information', () => {
    const drift = driftOf([
      featureDriftFrame(labels('a', '1', 'champion'), [['x', 0.1, 0.1]]),
      predictionsFrame(labels('b', '1', 'challenger'), [5, 6]),
    ]);
    expect(drift.models.map((m) => m.modelName)).toEqual(['a v1']);
    expect(drift.comparisons).toEqual([]);
  });

  it('compares only challengers that have per-feature drift', () => {
    const drift = driftOf([
      featureDriftFrame(labels('a', '1', 'champion'), [['x', 0.1, 0.1]]),
      driftSummaryFrame(labels('b', '1', 'challenger'), { high: 1, medium: 0, low: 3 }),
      featureDriftFrame(labels('c', '1', 'challenger'), [['x', 0.3, 0.1]]),
    ]);
    expect(drift.models.map((m) => [m.modelName, m.badge.source])).toEqual([
      ['a v1', 'thresholds'],
      ['b v1', 'summary'],
      ['c v1', 'thresholds'],
    ]);
    expect(drift.comparisons.map((c) => [c.challengerName, c.shared, c.worse])).toEqual([['c v1', 1, 1]]);
  });
});
