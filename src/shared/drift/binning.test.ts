import fc from 'fast-check';

import { alignCategorical, alignNumeric, binIndexOf, binLabels, rebinOntoEdges, validateHistogram } from './binning';

/** Strictly ascending finite edges (0–8 of them) on a coarse grid, so refinements are easy. */
const edgesArb = fc
  .uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 8 })
  .map((e) => [...e].sort((a, b) => a - b));

function histogramOf(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    counts[binIndexOf(edges, v)] += 1;
  }
  return counts;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('binIndexOf: bins are (-inf, e0], (e0, e1], …, (e_last, +inf)', () => {
  it('places values below, on and between edges', () => {
    const edges = [-3, 0, 3];
    expect([-10, -3, -2.9, 0, 0.1, 3, 3.1].map((x) => binIndexOf(edges, x))).toEqual([0, 0, 1, 1, 2, 2, 3]);
    expect(binIndexOf([], 42)).toBe(0);
  });
});

describe('rebinOntoEdges', () => {
  it('is the identity on the same edges', () => {
    fc.assert(
      fc.property(edgesArb, fc.array(fc.nat(100), { minLength: 9, maxLength: 9 }), (edges, raw) => {
        const counts = raw.slice(0, edges.length + 1);
        expect(rebinOntoEdges({ edges, counts }, edges)).toEqual(counts);
      })
    );
  });

  it('conserves the total count onto any edges', () => {
    fc.assert(
      fc.property(edgesArb, edgesArb, fc.array(fc.nat(1000), { minLength: 9, maxLength: 9 }), (source, target, raw) => {
        const counts = raw.slice(0, source.length + 1);
        const rebinned = rebinOntoEdges({ edges: source, counts }, target);
        expect(rebinned).toHaveLength(target.length + 1);
        expect(Math.abs(sum(rebinned) - sum(counts))).toBeLessThanOrEqual(1e-9 * Math.max(1, sum(counts)));
        expect(rebinned.every((c) => c >= 0)).toBe(true);
      })
    );
  });

  it('is exact when the source edges refine the target edges (merging bins)', () => {
    fc.assert(
      fc.property(
        edgesArb,
        fc.uniqueArray(fc.integer({ min: -60, max: 60 }), { maxLength: 6 }),
        fc.array(fc.double({ min: -80, max: 80, noNaN: true }), { maxLength: 200 }),
        (target, extra, values) => {
          const source = [...new Set([...target, ...extra])].sort((a, b) => a - b);
          const fromSource = rebinOntoEdges({ edges: source, counts: histogramOf(values, source) }, target);
          expect(fromSource).toEqual(histogramOf(values, target));
        }
      )
    );
  });

  it('spreads a finite bin uniformly by overlap and puts an open bin next to its finite edge', () => {
    // (0, 10] with 10 rows onto edges [0, 5, 10]: half in (0, 5], half in (5, 10].
    expect(rebinOntoEdges({ edges: [0, 10], counts: [0, 10, 0] }, [0, 5, 10])).toEqual([0, 5, 5, 0]);
    // (-inf, 2] with 4 rows onto edges [0, 5]: its finite edge 2 lies in (0, 5].
    expect(rebinOntoEdges({ edges: [2, 8], counts: [4, 0, 0] }, [0, 5])).toEqual([0, 4, 0]);
    // (8, +inf) with 3 rows onto edges [0, 5]: above 8 is (5, +inf).
    expect(rebinOntoEdges({ edges: [2, 8], counts: [0, 0, 3] }, [0, 5])).toEqual([0, 0, 3]);
    // (2, 8] with 6 rows onto [0, 5]: 3/6 of its width in (0, 5], 3/6 in (5, +inf).
    expect(rebinOntoEdges({ edges: [2, 8], counts: [0, 6, 0] }, [0, 5])).toEqual([0, 3, 3]);
  });

  it('refuses a source without edges when the target has some', () => {
    expect(() => rebinOntoEdges({ edges: [], counts: [5] }, [1])).toThrow(/no location/);
  });
});

describe('alignNumeric', () => {
  it('passes counts through on equal edges and re-bins the scoring side otherwise', () => {
    const same = alignNumeric({ edges: [0, 1], counts: [1, 2, 3] }, { edges: [0, 1], counts: [3, 2, 1] });
    expect(same).toEqual({
      labels: ['(-inf, 0]', '(0, 1]', '(1, +inf)'],
      baseline: [1, 2, 3],
      scoring: [3, 2, 1],
      rebinned: false,
    });
    const other = alignNumeric({ edges: [0, 10], counts: [1, 1, 1] }, { edges: [0, 5, 10], counts: [1, 2, 2, 1] });
    expect(other.scoring).toEqual([1, 4, 1]);
    expect(other.rebinned).toBe(true);
  });

  it('checks H2O’s invariant: counts = edges + 1, ascending finite edges, non-negative counts', () => {
    expect(() => validateHistogram({ edges: [1, 2], counts: [1, 2] }, 'x')).toThrow(/need 3 counts/);
    expect(() => validateHistogram({ edges: [2, 1], counts: [1, 2, 3] }, 'x')).toThrow(/ascending/);
    expect(() => validateHistogram({ edges: [1], counts: [1, -2] }, 'x')).toThrow(/non-negative/);
  });

  it('labels bins as intervals', () => {
    expect(binLabels([])).toEqual(['(-inf, +inf)']);
    expect(binLabels([-3, 0, 3])).toEqual(['(-inf, -3]', '(-3, 0]', '(0, 3]', '(3, +inf)']);
  });
});

describe('alignCategorical', () => {
  it('uses the sorted union of values, 0 where a side lacks one', () => {
    expect(alignCategorical({ b: 2, a: 1 }, { c: 5, a: 3 })).toEqual({
      labels: ['a', 'b', 'c'],
      baseline: [1, 2, 0],
      scoring: [3, 0, 5],
      rebinned: false,
    });
  });

  it('keeps every value and every count of both sides', () => {
    const countsArb = fc.dictionary(fc.string({ maxLength: 4 }), fc.nat(500), { maxKeys: 12 });
    fc.assert(
      fc.property(countsArb, countsArb, (b, s) => {
        const aligned = alignCategorical(b, s);
        expect(new Set(aligned.labels)).toEqual(new Set([...Object.keys(b), ...Object.keys(s)]));
        expect(sum(aligned.baseline)).toBe(sum(Object.values(b)));
        expect(sum(aligned.scoring)).toBe(sum(Object.values(s)));
      })
    );
  });

  it('does not read inherited properties as categories', () => {
    expect(alignCategorical({ toString: 1 }, { constructor: 2 }).baseline).toEqual([0, 1]);
  });
});
