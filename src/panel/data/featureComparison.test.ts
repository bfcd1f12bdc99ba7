import { Direction } from '../types';
import { featurePoint as point } from '../../test/modelData';
import { compareFeatureDrift, topRows } from './featureComparison';

describe('compareFeatureDrift importance column', () => {
  it("shows the champion's importance, else the challenger's, else none", () => {
    const { rows } = compareFeatureDrift(
      [point('both', 0.2, 0.4), point('championOnly', 0.1, null), point('fromChallenger', 0.1, null)],
      [point('both', 0.3, 0.1), point('fromChallenger', 0.2, 0.7), point('challengerOnly', 0.3, 0.5)],
      0,
      Direction.LowerIsBetter
    );
    expect(rows.map((r) => [r.name, r.importance])).toEqual([
      ['both', 0.4],
      ['championOnly', null],
      ['fromChallenger', 0.7],
      ['challengerOnly', 0.5],
    ]);
  });
});

describe('topRows ranking of features missing in one model', () => {
  it('ranks a champion-only feature by its champion drift', () => {
    const full = compareFeatureDrift(
      [point('high', 0.5, null), point('championOnly', 0.1, null)],
      [point('high', 0.5, null)],
      0,
      Direction.LowerIsBetter
    );
    expect(topRows(full, 1).map((r) => r.name)).toEqual(['high']);
    expect(topRows(full, 2).map((r) => r.name)).toEqual(['high', 'championOnly']);
  });

  it('ranks a challenger-only feature by its challenger drift', () => {
    const full = compareFeatureDrift(
      [point('high', 0.5, null)],
      [point('high', 0.5, null), point('challengerOnly', 0.1, null)],
      0,
      Direction.LowerIsBetter
    );
    expect(topRows(full, 1).map((r) => r.name)).toEqual(['high']);
  });
});
