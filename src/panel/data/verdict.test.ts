import { badgeOf } from './driftBadge';
import type { DriftThresholds } from './driftTypes';
import { fallbackNameOf, makeIdentity } from './identity';
import { SampleRank, type Delta, type MetricRow, type ModelData, type ModelInfo } from './types';
import { judgedDelta, verdictFor } from './verdict';
import { modelDataOf } from '../../test/modelData';
import { Signal } from './mapping';
import { Direction, MetricId } from '../types';
import { createDataFrame } from '@grafana/data';

/** Rows whose challenger (index 1) delta has the given outcomes; only the outcome matters here. */
const rowsWith = (outcomes: Array<Delta['outcome']>) =>
  outcomes.map((outcome) => ({ deltas: [undefined, { outcome }] }) as unknown as MetricRow);
const challenger = { key: 'k', name: 'b v2', index: 1 } as ModelInfo;

describe('verdictFor', () => {
  it('counts same rows as compared and names the rows without enough data', () => {
    const v = verdictFor(challenger, rowsWith(['better', 'same', 'same', 'insufficient']));
    expect(v).toMatchObject({ better: 1, worse: 0, same: 2, compared: 3, insufficient: 1, tone: 'better' });
    expect(v.text).toBe('better on 1 of 3 metrics; not enough data on 1');
  });

  it('is "worse" when more metrics are worse than better, and skips rows without a delta for the model', () => {
    const rows = [
      ...rowsWith(['worse', 'worse', 'better']),
      { deltas: [undefined] } as unknown as MetricRow, // a row computed before this challenger came
    ];
    expect(verdictFor(challenger, rows)).toEqual({
      modelKey: 'k',
      modelName: 'b v2',
      better: 1,
      worse: 2,
      same: 0,
      compared: 3,
      insufficient: 0,
      tone: 'worse',
      text: 'better on 1 of 3 metrics, worse on 2',
    });
  });

  it('is "mixed" when as many metrics are worse as better', () => {
    expect(verdictFor(challenger, rowsWith(['worse', 'better'])).tone).toBe('mixed');
  });
});

/** A model whose only data is its prediction count over the range. */
function withPredictions(count: number): ModelData {
  return {
    identity: makeIdentity({ model: 'm', version: String(count) }, 'A'),
    order: 0,
    scalars: { [Signal.Predictions]: { value: count, rank: SampleRank.Direct, source: 'test' } },
    series: {},
    features: new Map(),
    driftStatus: '',
    accuracyStatus: '',
  };
}

describe('judgedDelta with too few predictions (minimum 100, challenger has 10)', () => {
  const judge = (delta: Delta) =>
    judgedDelta(MetricId.Accuracy, delta, withPredictions(500), withPredictions(10), Direction.HigherIsBetter, 100);
  const delta = (outcome: Delta['outcome'], diff: number | null): Delta => ({
    outcome,
    diff,
    relative: null,
    text: diff === null ? '' : `+${diff}`,
  });

  it.each(['better', 'worse', 'same'] as const)(
    'turns a %s row into "not enough data", keeping the difference',
    (outcome) => {
      expect(judge(delta(outcome, 0.02))).toEqual({
        outcome: 'insufficient',
        diff: 0.02,
        relative: null,
        text: '+0.02, not enough data',
      });
    }
  );

  it('leaves a row without a difference, and neutral or unknown rows, as they are', () => {
    expect(judge(delta('better', null))).toEqual(delta('better', null));
    expect(judge(delta('neutral', 0.02))).toEqual(delta('neutral', 0.02));
    expect(judge(delta('unknown', 0.02))).toEqual(delta('unknown', 0.02));
  });

  it('keeps the judgement when both sides have enough predictions', () => {
    const enough = judgedDelta(
      MetricId.Accuracy,
      delta('better', 0.02),
      withPredictions(500),
      withPredictions(400),
      Direction.HigherIsBetter,
      100
    );
    expect(enough).toEqual(delta('better', 0.02));
  });
});

describe('badgeOf without any drift information', () => {
  it('says so in the badge detail', () => {
    const data = modelDataOf({ model: 'm', version: '1' }, 'A');
    const t = { drift: 0.3, importance: 0.5 } as DriftThresholds;
    expect(badgeOf(data, [], t)).toMatchObject({ source: 'none', detail: 'No drift information for this model.' });
  });
});

describe('fallbackNameOf', () => {
  it('is empty for a frame with neither refId nor name', () => {
    expect(fallbackNameOf(createDataFrame({ fields: [] }))).toBe('');
    expect(fallbackNameOf(createDataFrame({ name: 'frame', fields: [] }))).toBe('frame');
  });
});
