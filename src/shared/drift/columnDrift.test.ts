import fc from 'fast-check';

import { computeColumnDrift, mergeColumnAggregates, type ColumnAggregate } from './columnDrift';
import { hellingerDistance, populationStabilityIndex, totalVariationDistance } from './metrics';

const summary = (count: number, mean: number, sd: number) => ({
  count,
  mean,
  standardDeviation: sd,
  min: mean - 2 * sd,
  max: mean + 2 * sd,
  sum: count * mean,
});

const numeric = (counts: number[], mean = 0, sd = 1): ColumnAggregate => ({
  numerical: {
    histogram: { edges: [-1, 0, 1], counts },
    summary: summary(
      counts.reduce((a, b) => a + b, 0),
      mean,
      sd
    ),
  },
});

const text = (lengths: number[], topWords: Record<string, number>, meanLength = 40): ColumnAggregate => ({
  text: {
    lengthHistogram: { edges: [10, 50, 100], counts: lengths },
    lengthSummary: summary(
      lengths.reduce((a, b) => a + b, 0),
      meanLength,
      10
    ),
    topWords,
  },
});

describe('computeColumnDrift', () => {
  it('defaults to TVD on the histogram for numerical columns', () => {
    const result = computeColumnDrift('NUMERICAL', numeric([10, 40, 40, 10]), numeric([40, 40, 10, 10]));
    expect(result).toEqual({
      method: 'tvd',
      value: totalVariationDistance([10, 40, 40, 10], [40, 40, 10, 10]),
      status: 'drift',
      rebinned: false,
    });
  });

  it('defaults to PSI on the union of categories; a new category shows as drift', () => {
    const result = computeColumnDrift(
      'CATEGORICAL',
      { categorical: { valueCounts: { a: 50, b: 50 } } },
      { categorical: { valueCounts: { a: 50, b: 40, c: 10 } } }
    );
    expect(result.value).toBeCloseTo(populationStabilityIndex([50, 50, 0], [50, 40, 10]), 15);
    expect(result.status).toBe('drift');
  });

  it('compares text length histograms by default and top words on request', () => {
    const b = text([5, 50, 40, 5], { the: 30, model: 10 });
    const s = text([5, 50, 40, 5], { the: 30, drift: 10 });
    expect(computeColumnDrift('TEXT', b, s)).toMatchObject({ method: 'tvd', value: 0, status: 'ok' });
    const words = computeColumnDrift('TEXT', b, s, { method: 'hellinger', textFacet: 'topWords' });
    expect(words.value).toBeCloseTo(hellingerDistance([10, 0, 30], [0, 10, 30]), 15);
  });

  it('computes the Z-score of the mean from the summaries, for numbers and text lengths', () => {
    expect(
      computeColumnDrift('NUMERICAL', numeric([1, 1, 1, 1], 10, 2), numeric([1, 1, 1, 1], 16, 5), { method: 'zscore' })
    ).toEqual({ method: 'zscore', value: 3, status: 'warning', rebinned: false });
    expect(
      computeColumnDrift('TEXT', text([1, 1, 1, 1], {}, 40), text([1, 1, 1, 1], {}, 80), { method: 'zscore' }).value
    ).toBe(4);
  });

  it('says why there is no value instead of throwing', () => {
    expect(computeColumnDrift('NUMERICAL', numeric([0, 0, 0, 0]), numeric([1, 0, 0, 0]))).toMatchObject({
      value: null,
      reason: 'no-baseline-data',
    });
    expect(computeColumnDrift('NUMERICAL', numeric([1, 0, 0, 0]), numeric([0, 0, 0, 0]))).toMatchObject({
      value: null,
      reason: 'no-scoring-data',
    });
    expect(computeColumnDrift('NUMERICAL', numeric([1, 0, 0, 0]), {})).toMatchObject({
      status: 'unknown',
      reason: 'missing-aggregate',
    });
    expect(
      computeColumnDrift('NUMERICAL', numeric([1, 1, 1, 1], 3, 0), numeric([1, 1, 1, 1], 4, 1), { method: 'zscore' })
    ).toMatchObject({
      reason: 'baseline-zero-variance',
    });
    expect(computeColumnDrift('CATEGORICAL', {}, {}, { method: 'zscore' })).toMatchObject({
      reason: 'method-not-applicable',
    });
    expect(computeColumnDrift('DATETIME', {}, {})).toMatchObject({ reason: 'method-not-applicable' });
  });

  it('marks a result whose scoring histogram had to be re-binned', () => {
    const scoring: ColumnAggregate = {
      numerical: { histogram: { edges: [-1, -0.5, 0, 1], counts: [1, 1, 1, 1, 1] }, summary: null },
    };
    expect(computeColumnDrift('NUMERICAL', numeric([1, 2, 1, 1]), scoring)).toMatchObject({ rebinned: true, value: 0 });
  });
});

describe('mergeColumnAggregates', () => {
  it('a window’s drift equals drift on the summed histograms of its segments', () => {
    const bins = fc.array(fc.nat(200), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(bins, fc.array(bins, { minLength: 1, maxLength: 8 }), (baseline, segments) => {
        const baseAgg = numeric(baseline.map((c) => c + 1));
        const merged = mergeColumnAggregates(
          segments.map((c) => ({ ...numeric(c), missingRows: 1 })),
          { numerical: [-1, 0, 1] }
        );
        const summed = [0, 1, 2, 3].map((i) => segments.reduce((n, c) => n + c[i], 0));
        expect(merged.numerical?.histogram.counts).toEqual(summed);
        expect(merged.missingRows).toBe(segments.length);
        const result = computeColumnDrift('NUMERICAL', baseAgg, merged);
        if (summed.some((c) => c > 0)) {
          expect(result.value).toBe(
            totalVariationDistance(
              baseline.map((c) => c + 1),
              summed
            )
          );
        } else {
          expect(result).toMatchObject({ reason: 'no-scoring-data' });
        }
      })
    );
  });

  it('sums categorical counts and top words, pools text-length summaries', () => {
    const merged = mergeColumnAggregates([text([1, 0, 0, 0], { a: 1 }, 10), text([0, 0, 0, 1], { a: 2, b: 1 }, 30)]);
    expect(merged.text?.topWords).toEqual({ a: 3, b: 1 });
    expect(merged.text?.lengthSummary?.mean).toBe(20);
    expect(
      mergeColumnAggregates([{ categorical: { valueCounts: { x: 1 } } }, { categorical: { valueCounts: { x: 2 } } }])
    ).toEqual({
      categorical: { valueCounts: { x: 3 } },
      numerical: undefined,
      text: undefined,
      missingRows: undefined,
    });
  });
});
