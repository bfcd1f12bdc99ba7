import { FeatureStatus } from '../../shared/featureStatus';
import { Direction } from '../types';
import { featurePoint } from '../../test/modelData';
import { compareFeatureDrift } from './featureComparison';

/** The rows of the per-feature comparison and its "shared" count, as the panel's table shows them. */

const point = (name: string, drift: number | null, status: FeatureStatus) => featurePoint(name, drift, null, status);

describe('compareFeatureDrift rows', () => {
  it('counts only features with drift in both models as shared, and keeps each side’s status', () => {
    const result = compareFeatureDrift(
      [point('age', 0.4, FeatureStatus.Drifting), point('income', null, FeatureStatus.NotCalculated)],
      [point('age', 0.1, FeatureStatus.Stable), point('income', 0.5, FeatureStatus.DriftingImportant)],
      0.01,
      Direction.LowerIsBetter
    );
    expect({ shared: result.shared, better: result.better, worse: result.worse, rows: result.rows }).toEqual({
      shared: 1,
      better: 1,
      worse: 0,
      rows: [
        {
          name: 'age',
          champion: 0.4,
          challenger: 0.1,
          diff: expect.closeTo(-0.3, 10),
          outcome: 'better',
          importance: null,
          championStatus: FeatureStatus.Drifting,
          challengerStatus: FeatureStatus.Stable,
        },
        {
          name: 'income',
          champion: null,
          challenger: 0.5,
          diff: null,
          outcome: 'unknown',
          importance: null,
          championStatus: FeatureStatus.NotCalculated,
          challengerStatus: FeatureStatus.DriftingImportant,
        },
      ],
    });
  });
});
