import { FeatureStatus, featureStatus } from './featureStatus';

describe('featureStatus', () => {
  const t = { drift: 0.1, importance: 0.05 };

  it('drifts at or above the drift threshold, important at or above the importance threshold', () => {
    expect(featureStatus(null, 0.5, t)).toBe(FeatureStatus.NotCalculated);
    expect(featureStatus(0.09, 0.5, t)).toBe(FeatureStatus.Stable);
    expect(featureStatus(0.1, 0.01, t)).toBe(FeatureStatus.Drifting);
    expect(featureStatus(0.1, 0.05, t)).toBe(FeatureStatus.DriftingImportant);
    expect(featureStatus(0.2, null, t)).toBe(FeatureStatus.Drifting);
  });

  it('is unknown without a drift threshold, and not important without an importance threshold', () => {
    expect(featureStatus(0.35, 0.5, { drift: null, importance: 0.5 })).toBeNull();
    expect(featureStatus(0.35, 0.5, { drift: 0.3, importance: null })).toBe(FeatureStatus.Drifting);
    expect(featureStatus(null, 0.5, { drift: null, importance: null })).toBe(FeatureStatus.NotCalculated);
  });
});
