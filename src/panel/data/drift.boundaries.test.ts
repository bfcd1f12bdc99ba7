import { FeatureStatus } from '../../shared/featureStatus';
import { ModelStatus } from '../../shared/modelStatus';
import { driftSummaryFrame, featureDriftFrame, labels } from '../../test/panelFrames';
import { DEFAULT_OPTIONS, type PanelOptions } from '../types';
import { collectModels } from './collect';
import { Quadrant, buildDrift } from './drift';
import { resolveRoles } from './roles';

/**
 * The panel's drift model at its boundaries, from the data source's own frames: a feature exactly
 * at the drift or importance threshold, a challenger exactly at the tolerance, and the badge from
 * summary counts at 0 and 1.
 */

const opts = (o: Partial<PanelOptions> = {}): PanelOptions => ({ ...DEFAULT_OPTIONS, ...o });

function driftOf(frames: Parameters<typeof collectModels>[0], o: Partial<PanelOptions> = {}) {
  const options = opts(o);
  const roles = resolveRoles(collectModels(frames).models, options);
  return buildDrift(roles.data, roles.models, options);
}

describe('features at the thresholds (drift 0.2 from the field, importance 0.3 from the options)', () => {
  const champion = labels('m', '1', 'champion');
  const model = driftOf(
    [
      featureDriftFrame(
        champion,
        [
          ['at-both', 0.2, 0.3],
          ['at-drift', 0.2, 0.29],
          ['at-importance', 0.19, 0.3],
          ['below-both', 0.19, 0.29],
        ],
        0.2
      ),
    ],
    { importanceThreshold: 0.3 }
  ).models[0];
  const byName = new Map(model.features.map((f) => [f.name, f]));

  it('at or above counts: status and quadrant of each feature', () => {
    expect(model.thresholds).toMatchObject({ drift: 0.2, importance: 0.3 });
    expect([...byName.values()].map((f) => [f.name, f.status, f.quadrant])).toEqual([
      ['at-both', FeatureStatus.DriftingImportant, Quadrant.DriftingImportant],
      ['at-drift', FeatureStatus.Drifting, Quadrant.Drifting],
      ['at-importance', FeatureStatus.Stable, Quadrant.Important],
      ['below-both', FeatureStatus.Stable, Quadrant.Stable],
    ]);
  });

  it('the badge fails on a drifting important feature and says how many drift', () => {
    expect(model.badge.status).toBe(ModelStatus.Failing);
    expect(model.badge.source).toBe('thresholds');
    expect(model.badge.detail).toBe(
      '2 of 4 features at or above the drift threshold 0.2, 1 of them important (importance ≥ 0.3).'
    );
    expect(model.counts.map((c) => [c.key, c.count])).toEqual([
      ['driftingImportant', 1],
      ['drifting', 1],
      ['stable', 2],
      ['notCalculated', 0],
    ]);
  });

  it('a feature just below both thresholds leaves the model healthy', () => {
    const healthy = driftOf([featureDriftFrame(champion, [['x', 0.19, 0.29]], 0.2)], { importanceThreshold: 0.3 });
    expect(healthy.models[0].badge.status).toBe(ModelStatus.Healthy);
    expect(healthy.models[0].badge.detail).toBe('No feature at or above the drift threshold 0.2.');
    const atRisk = driftOf([featureDriftFrame(champion, [['x', 0.2, 0.29]], 0.2)], { importanceThreshold: 0.3 });
    expect(atRisk.models[0].badge.status).toBe(ModelStatus.AtRisk);
    expect(atRisk.models[0].badge.detail).toBe(
      '1 of 1 features at or above the drift threshold 0.2, none of them important.'
    );
  });

  it('thresholds that are not round are shown with three significant digits', () => {
    const odd = driftOf([featureDriftFrame(champion, [['x', 0.5, 0.5]], 0.123456)], {
      importanceThreshold: 0.0456789,
    });
    expect(odd.models[0].badge.detail).toBe(
      '1 of 1 features at or above the drift threshold 0.123, 1 of them important (importance ≥ 0.0457).'
    );
  });
});

describe('challenger drift against the champion at the tolerance', () => {
  // Champion drift 0.5, tolerance 25 % → a challenger within 0.125 drifts the same (exact in binary).
  const frames = (challengerDrift: number) => [
    featureDriftFrame(labels('a', '1', 'champion'), [['x', 0.5, 0.5]]),
    featureDriftFrame(labels('b', '1', 'challenger'), [['x', challengerDrift, 0.5]]),
  ];
  it.each([
    [0.625, 'same', 0, 0],
    [0.375, 'same', 0, 0],
    [0.6251, 'worse', 0, 1],
    [0.3749, 'better', 1, 0],
  ])('challenger %p → %s', (challengerDrift, outcome, better, worse) => {
    const [comparison] = driftOf(frames(challengerDrift), { equalTolerancePercent: 25 }).comparisons;
    expect(comparison.rows.map((r) => r.outcome)).toEqual([outcome]);
    expect(comparison).toMatchObject({ shared: 1, better, worse });
  });

  it('without tolerance any difference counts', () => {
    const [comparison] = driftOf(frames(0.5001), { equalTolerancePercent: 0 }).comparisons;
    expect(comparison.rows[0].outcome).toBe('worse');
  });

  it('rows are ordered by the larger drift of the two and cut at top N; shared counts every row', () => {
    const [comparison] = driftOf(
      [
        featureDriftFrame(labels('a', '1', 'champion'), [
          ['low', 0.01, 0.5],
          ['high', 0.5, 0.5],
          ['mid', 0.2, 0.5],
          ['only-champion', 0.9, 0.5],
        ]),
        featureDriftFrame(labels('b', '1', 'challenger'), [
          ['low', 0.6, 0.5],
          ['high', 0.5, 0.5],
          ['mid', 0.2, 0.5],
        ]),
      ],
      { topN: 3 }
    ).comparisons;
    expect(comparison.rows.map((r) => r.name)).toEqual(['only-champion', 'low', 'high']);
    expect(comparison.rows[0]).toMatchObject({ champion: 0.9, challenger: null, diff: null, outcome: 'unknown' });
    expect(comparison.rows[0].challengerStatus).toBe(FeatureStatus.NotCalculated);
    expect(comparison).toMatchObject({ shared: 3, better: 0, worse: 1 });
  });
});

describe('badge from the gateway summary counts', () => {
  it.each([
    [{ high: 1, medium: 0, low: 0 }, ModelStatus.Failing],
    [{ high: 0, medium: 1, low: 0 }, ModelStatus.AtRisk],
    [{ high: 0, medium: 0, low: 5 }, ModelStatus.Healthy],
    [{ low: 0 }, ModelStatus.Healthy],
    [{ medium: 1 }, ModelStatus.AtRisk],
  ])('%p → %s', (counts, status) => {
    const model = driftOf([driftSummaryFrame(labels('m', '1'), counts)]).models[0];
    expect(model.badge).toMatchObject({ status, source: 'summary' });
    expect(model.badge.detail).toBe("From the gateway's high/medium drift counts.");
  });

  it('lists only the counts the gateway sent', () => {
    const model = driftOf([driftSummaryFrame(labels('m', '1'), { medium: 2 })]).models[0];
    expect(model.summaryCounts).toEqual([{ key: 'medium', label: 'Medium drift', count: 2, severity: 'warning' }]);
    expect(model.counts).toEqual([]);
  });
});
