import { FeatureStatus } from '../../shared/featureStatus';
import { Direction } from '../types';
import { Quadrant, type FeaturePoint } from './driftTypes';
import { outcomeOf } from './outcome';
import { quadrantModel, quadrantOf } from './quadrant';

/**
 * Values exactly at a threshold or at the tolerance: "at or above the drift threshold" counts as
 * drifting, "importance ≥ threshold" as important, and a difference of exactly the tolerance as the
 * same. Each case pairs the boundary with a value just on the other side.
 */

const T = { drift: 0.3, importance: 0.5 };

describe('quadrantOf at the thresholds', () => {
  it.each([
    [0.3, 0.5, Quadrant.DriftingImportant],
    [0.3, 0.49, Quadrant.Drifting],
    [0.29, 0.5, Quadrant.Important],
    [0.29, 0.49, Quadrant.Stable],
    [0, 0, Quadrant.Stable],
    [0.9, 0.9, Quadrant.DriftingImportant],
  ])('drift %p, importance %p → %s', (drift, importance, quadrant) => {
    expect(quadrantOf(drift, importance, T)).toBe(quadrant);
  });

  it('is not plotted without drift or importance', () => {
    expect(quadrantOf(null, 0.9, T)).toBeNull();
    expect(quadrantOf(0.9, null, T)).toBeNull();
  });
});

function point(name: string, drift: number | null, importance: number | null): FeaturePoint {
  return { name, drift, importance, status: FeatureStatus.Stable, quadrant: quadrantOf(drift, importance, T) };
}

describe('quadrantModel', () => {
  const features = [
    point('a', 0.4, 0.6),
    point('b', 0.6, 0.8),
    point('c', 0.8, 0.6),
    point('d', 0.3, 0.5),
    point('e', 0.1, 0.9),
    point('f', 0.35, 0.1),
    point('g', 0.05, 0.05),
    point('h', null, 0.7),
  ];

  it('plots features with both values and counts each quadrant', () => {
    const model = quadrantModel(features, { ...T, driftSource: 'data', importanceSource: 'data' }, 3);
    expect(model.points.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(model.counts).toEqual({
      [Quadrant.DriftingImportant]: 4,
      [Quadrant.Drifting]: 1,
      [Quadrant.Important]: 1,
      [Quadrant.Stable]: 1,
    });
    expect(model.maxLabels).toBe(3);
  });

  it('labels drifted-and-important features by drift × importance, then drift, then name', () => {
    const tied = [...features, point('bb', 0.6, 0.8), point('c2', 0.48, 1)];
    const model = quadrantModel(tied, { ...T, driftSource: 'data', importanceSource: 'data' }, 2);
    // b, bb: 0.48 (tie → name); c: 0.48 but more drift than c2 (0.48 × 1 = 0.48); then a, d.
    expect(model.labelCandidates).toEqual(['c', 'b', 'bb', 'c2', 'a', 'd']);
    expect(quadrantModel(tied, { ...T, driftSource: 'data', importanceSource: 'data' }, 0).labelCandidates).toEqual([]);
  });

  it('axes reach 10 % beyond the largest value or threshold, and 1 when there is nothing', () => {
    const model = quadrantModel(features, { ...T, driftSource: 'data', importanceSource: 'data' }, 1);
    expect(model.xMax).toBeCloseTo(0.9 * 1.1);
    expect(model.yMax).toBeCloseTo(0.8 * 1.1);
    const low = quadrantModel([point('g', 0.05, 0.05)], { ...T, driftSource: 'data', importanceSource: 'data' }, 1);
    expect(low.xMax).toBeCloseTo(0.5 * 1.1);
    expect(low.yMax).toBeCloseTo(0.3 * 1.1);
    const empty = quadrantModel([], { drift: 0, importance: 0, driftSource: 'option', importanceSource: 'option' }, 1);
    expect(empty.xMax).toBe(1);
    expect(empty.yMax).toBe(1);
  });
});

describe('outcomeOf at the tolerance', () => {
  // Champion 200, tolerance 5 % → differences up to 10 count as the same.
  it.each([
    [200, 210, Direction.LowerIsBetter, 'same'],
    [200, 190, Direction.LowerIsBetter, 'same'],
    [200, 210.5, Direction.LowerIsBetter, 'worse'],
    [200, 189.5, Direction.LowerIsBetter, 'better'],
    [200, 210.5, Direction.HigherIsBetter, 'better'],
    [200, 189.5, Direction.HigherIsBetter, 'worse'],
    [-200, -210, Direction.HigherIsBetter, 'same'],
    [-200, -211, Direction.HigherIsBetter, 'worse'],
    [200, 200, Direction.HigherIsBetter, 'same'],
    [200, 500, Direction.Neutral, 'neutral'],
    [null, 1, Direction.HigherIsBetter, 'unknown'],
    [1, null, Direction.Neutral, 'unknown'],
  ])('champion %p, challenger %p, %s → %s', (champion, challenger, direction, outcome) => {
    expect(outcomeOf(champion, challenger, direction, 0.05)).toBe(outcome);
  });

  it('equal values are the same whatever the tolerance (also a missing or negative one)', () => {
    expect(outcomeOf(5, 5, Direction.HigherIsBetter, NaN)).toBe('same');
    expect(outcomeOf(5, 5, Direction.LowerIsBetter, -0.1)).toBe('same');
    expect(outcomeOf(0, 0, Direction.LowerIsBetter, 0)).toBe('same');
  });

  it('with a champion of 0 any difference counts, and no tolerance means exact', () => {
    expect(outcomeOf(0, 0.001, Direction.HigherIsBetter, 0.05)).toBe('better');
    expect(outcomeOf(0, -0.001, Direction.HigherIsBetter, 0.05)).toBe('worse');
    expect(outcomeOf(10, 10.0001, Direction.LowerIsBetter, 0)).toBe('worse');
  });
});
