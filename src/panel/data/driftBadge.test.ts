import { FeatureStatus } from '../../shared/featureStatus';
import { ModelStatus } from '../../shared/modelStatus';
import { badgeOf, hasDriftInfo, statusCounts, summaryCountsOf } from './driftBadge';
import type { DriftThresholds } from './driftTypes';
import { Signal } from './mapping';
import type { ModelData } from './types';
import { emptyModelData, featurePoint, scalarsOf } from '../../test/modelData';

/** The drift badge, the count chips and whether a model has any drift information, as the panel shows them. */

function model(
  scalars: Partial<Record<Signal, number | null>> = {},
  driftStatus = '',
  featureNames: string[] = []
): ModelData {
  return emptyModelData({} as ModelData['identity'], {
    scalars: scalarsOf(scalars, 'test'),
    features: new Map(featureNames.map((name) => [name, { name, drift: 0.1, importance: null, rank: 0 }])),
    driftStatus,
  });
}

const point = (name: string, status: FeatureStatus) => featurePoint(name, 0.1, 0.1, status);
const thresholds: DriftThresholds = { drift: 0.3, importance: 0.05, driftSource: 'option', importanceSource: 'option' };

describe('statusCounts', () => {
  it('counts features by status, with the labels and severities of the chips', () => {
    const features = [
      point('a', FeatureStatus.DriftingImportant),
      point('b', FeatureStatus.Drifting),
      point('c', FeatureStatus.Drifting),
      point('d', FeatureStatus.Stable),
      point('e', FeatureStatus.Stable),
      point('f', FeatureStatus.Stable),
      point('g', FeatureStatus.NotCalculated),
    ];
    expect(statusCounts(features)).toEqual([
      { key: 'driftingImportant', label: 'Drifting & important', count: 1, severity: 'critical' },
      { key: 'drifting', label: 'Drifting', count: 2, severity: 'warning' },
      { key: 'stable', label: 'Stable', count: 3, severity: 'ok' },
      { key: 'notCalculated', label: 'Not calculated', count: 1, severity: 'info' },
    ]);
  });
});

describe('summaryCountsOf', () => {
  it("shows the gateway's high/medium/low counts with their labels and severities", () => {
    const data = model({ [Signal.HighDrift]: 3, [Signal.MediumDrift]: 2, [Signal.LowDrift]: 0 });
    expect(summaryCountsOf(data)).toEqual([
      { key: 'high', label: 'High drift', count: 3, severity: 'critical' },
      { key: 'medium', label: 'Medium drift', count: 2, severity: 'warning' },
      { key: 'low', label: 'Low drift', count: 0, severity: 'ok' },
    ]);
  });
  it('leaves out counts that are absent', () => {
    expect(summaryCountsOf(model())).toEqual([]);
  });
  it('leaves out counts whose value is null', () => {
    const data = model({ [Signal.HighDrift]: null, [Signal.MediumDrift]: null, [Signal.LowDrift]: null });
    expect(summaryCountsOf(data)).toEqual([]);
  });
});

describe('badgeOf', () => {
  it("takes the gateway's drift status first, saying so", () => {
    expect(badgeOf(model({}, 'AT_RISK'), [point('a', FeatureStatus.Stable)], thresholds)).toEqual({
      status: ModelStatus.AtRisk,
      label: 'At risk',
      source: 'gateway',
      detail: "From the gateway's model drift status.",
    });
  });
  it('is Unknown when the summary counts are there but hold no value', () => {
    const noCounts = model({ [Signal.HighDrift]: null, [Signal.MediumDrift]: null, [Signal.LowDrift]: null });
    expect(badgeOf(noCounts, [], thresholds)).toMatchObject({ status: ModelStatus.Unknown, source: 'none' });
  });
  it('is Unknown without status, calculated features or summary counts', () => {
    expect(badgeOf(model(), [point('a', FeatureStatus.NotCalculated)], thresholds)).toEqual({
      status: ModelStatus.Unknown,
      label: 'Unknown',
      source: 'none',
      detail: 'No drift information for this model.',
    });
  });
});

describe('hasDriftInfo', () => {
  it('is false for a model with neither features, a drift status nor drift counts', () => {
    expect(hasDriftInfo(model({ [Signal.Predictions]: 100 }, 'UNKNOWN'))).toBe(false);
  });
  it('is true for features alone', () => {
    expect(hasDriftInfo(model({}, '', ['age']))).toBe(true);
  });
  it('is true for a drift status alone', () => {
    expect(hasDriftInfo(model({}, 'HEALTHY'))).toBe(true);
  });
  it('is true for one drift count alone, even a null one', () => {
    expect(hasDriftInfo(model({ [Signal.HighDrift]: 2 }))).toBe(true);
    expect(hasDriftInfo(model({ [Signal.FeaturesDrifting]: null }))).toBe(true);
  });
});
