import { Direction } from '../types';
import {
  failureCounts,
  notEnoughData,
  predictionCount,
  testedFailureDelta,
  tooFewPredictions,
  twoProportionZ,
} from './evidence';
import { Signal } from './mapping';
import { SampleRank, type Delta, type ModelData } from './types';

/** Evidence rules at their edges: which counts are used, the minimum exactly met, z either side of the critical value. */

type Counts = Partial<Record<Signal.Predictions | Signal.FailedPredictions | Signal.SuccessfulPredictions, number>>;

function model(counts: Counts): ModelData {
  const scalars: ModelData['scalars'] = {};
  for (const [signal, value] of Object.entries(counts) as Array<[Signal, number]>) {
    scalars[signal] = { value, rank: SampleRank.Direct, source: 'test' };
  }
  return {
    identity: {} as ModelData['identity'],
    order: 0,
    scalars,
    series: {},
    features: new Map(),
    driftStatus: '',
    accuracyStatus: '',
  };
}

const delta: Delta = { outcome: 'worse', diff: 0.01, relative: 0.5, text: '+1.0 pp' };

describe('counts', () => {
  it('the predictions signal wins; else failed + successful; else unknown', () => {
    expect(predictionCount(model({ [Signal.Predictions]: 7, [Signal.FailedPredictions]: 1 }))).toBe(7);
    expect(predictionCount(model({ [Signal.FailedPredictions]: 2, [Signal.SuccessfulPredictions]: 8 }))).toBe(10);
    expect(predictionCount(model({ [Signal.SuccessfulPredictions]: 8 }))).toBeNull();
    expect(predictionCount(model({}))).toBeNull();
  });

  it('failure counts from failed + successful, or failed out of all predictions when all ≥ failed', () => {
    expect(failureCounts(model({ [Signal.FailedPredictions]: 2, [Signal.SuccessfulPredictions]: 8 }))).toEqual({
      failed: 2,
      total: 10,
    });
    expect(failureCounts(model({ [Signal.FailedPredictions]: 2, [Signal.Predictions]: 2 }))).toEqual({
      failed: 2,
      total: 2,
    });
    expect(failureCounts(model({ [Signal.FailedPredictions]: 3, [Signal.Predictions]: 2 }))).toBeNull();
    expect(failureCounts(model({ [Signal.FailedPredictions]: 3 }))).toBeNull();
    expect(failureCounts(model({ [Signal.SuccessfulPredictions]: 3, [Signal.Predictions]: 5 }))).toBeNull();
  });
});

describe('tooFewPredictions', () => {
  const n = (count: number) => model({ [Signal.Predictions]: count });
  it('exactly the minimum is enough; one less on either side is not; unknown counts do not block', () => {
    expect(tooFewPredictions(n(100), n(100), 100)).toBe(false);
    expect(tooFewPredictions(n(99), n(100), 100)).toBe(true);
    expect(tooFewPredictions(n(100), n(99), 100)).toBe(true);
    expect(tooFewPredictions(model({}), model({}), 100)).toBe(false);
  });

  it('"not enough data" keeps the difference text', () => {
    expect(notEnoughData(delta)).toEqual({ ...delta, outcome: 'insufficient', text: '+1.0 pp, not enough data' });
    expect(notEnoughData({ ...delta, text: '' }).text).toBe('not enough data');
  });
});

describe('testedFailureDelta', () => {
  const counts = (failed: number, total: number) =>
    model({ [Signal.FailedPredictions]: failed, [Signal.SuccessfulPredictions]: total - failed });

  it('a significant rise in failures is worse when lower is better, better when higher is better', () => {
    const a = counts(20, 10_000);
    const b = counts(58, 9_700);
    expect(testedFailureDelta(delta, a, b, Direction.LowerIsBetter)).toEqual({ ...delta, outcome: 'worse' });
    expect(testedFailureDelta(delta, a, b, Direction.HigherIsBetter)).toEqual({ ...delta, outcome: 'better' });
    expect(testedFailureDelta(delta, b, a, Direction.LowerIsBetter).outcome).toBe('better');
  });

  it('an insignificant difference is "same", however large', () => {
    const judged = testedFailureDelta(delta, counts(1, 10), counts(3, 10), Direction.LowerIsBetter);
    expect(judged).toEqual({ ...delta, outcome: 'same', text: '+1.0 pp, not significant' });
  });

  it('leaves the delta alone without counts, for a neutral metric, without a difference or without predictions', () => {
    const a = counts(20, 10_000);
    const b = counts(58, 9_700);
    expect(testedFailureDelta(delta, model({}), b, Direction.LowerIsBetter)).toBe(delta);
    expect(testedFailureDelta(delta, a, model({}), Direction.LowerIsBetter)).toBe(delta);
    expect(testedFailureDelta(delta, a, b, Direction.Neutral)).toBe(delta);
    expect(testedFailureDelta({ ...delta, diff: null }, a, b, Direction.LowerIsBetter)).toEqual({
      ...delta,
      diff: null,
    });
    expect(testedFailureDelta(delta, counts(0, 0), b, Direction.LowerIsBetter)).toBe(delta);
  });

  it('z just below the critical value is "same", just above it is judged (z ≈ 1.71 and 2.06)', () => {
    const justBelow = testedFailureDelta(delta, counts(50, 1000), counts(68, 1000), Direction.LowerIsBetter);
    const justAbove = testedFailureDelta(delta, counts(50, 1000), counts(72, 1000), Direction.LowerIsBetter);
    expect(justBelow.outcome).toBe('same');
    expect(justAbove.outcome).toBe('worse');
  });
});

describe('evidence guards', () => {
  it('has no failure counts when only a failed count is known (no total to compare it with)', () => {
    expect(failureCounts(model({ [Signal.FailedPredictions]: 0 }))).toBeNull();
  });
  it('has no z statistic when the challenger has no predictions', () => {
    expect(twoProportionZ(1, 10, 1, 0)).toBeNull();
  });
  it('leaves a delta without a difference as it is, even with counts on both sides', () => {
    const delta: Delta = { outcome: 'unknown', diff: null, relative: null, text: '' };
    const counts = { [Signal.FailedPredictions]: 10, [Signal.SuccessfulPredictions]: 990 };
    const challenger = { [Signal.FailedPredictions]: 90, [Signal.SuccessfulPredictions]: 910 };
    expect(testedFailureDelta(delta, model(counts), model(challenger), Direction.LowerIsBetter)).toBe(delta);
  });
});
