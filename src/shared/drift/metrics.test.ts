import fc from 'fast-check';

import { hellingerDistance, populationStabilityIndex, toProportions, totalVariationDistance, zScore } from './metrics';

/** n non-negative integer counts with a positive total. */
const counts = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.nat({ max: 10_000 }), { minLength: n, maxLength: n }).filter((c) => c.some((x) => x > 0));

/** Two count vectors over the same number of bins (1–30). */
const pair = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(counts(n), counts(n)));
const triple = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(counts(n), counts(n), counts(n)));

const METHODS = {
  tvd: totalVariationDistance,
  psi: (a: readonly number[], b: readonly number[]) => populationStabilityIndex(a, b),
  hellinger: hellingerDistance,
} as const;

function closeRel(a: number, b: number, rel = 1e-12, abs = 1e-15): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

describe('drift metrics: properties', () => {
  it('TVD and Hellinger lie in [0, 1]; PSI is ≥ 0 and finite, even with empty bins', () => {
    fc.assert(
      fc.property(pair, ([b, s]) => {
        const tvd = totalVariationDistance(b, s);
        const h = hellingerDistance(b, s);
        const psi = populationStabilityIndex(b, s);
        return tvd >= 0 && tvd <= 1 && h >= 0 && h <= 1 && psi >= 0 && Number.isFinite(psi);
      })
    );
  });

  it.each(Object.keys(METHODS) as Array<keyof typeof METHODS>)('%s is symmetric', (name) => {
    fc.assert(fc.property(pair, ([b, s]) => closeRel(METHODS[name](b, s), METHODS[name](s, b))));
  });

  it.each(Object.keys(METHODS) as Array<keyof typeof METHODS>)('%s is 0 for identical distributions', (name) => {
    fc.assert(
      fc.property(counts(12), fc.integer({ min: 1, max: 1000 }), (c, k) => {
        expect(METHODS[name](c, c)).toBe(0);
        // Same proportions at another scale: zero up to rounding of the proportions.
        expect(
          METHODS[name](
            c,
            c.map((x) => x * k)
          )
        ).toBeLessThan(1e-12);
      })
    );
  });

  it.each(Object.keys(METHODS) as Array<keyof typeof METHODS>)('%s is invariant to scaling either side', (name) => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), ([b, s], kb, ks) =>
        closeRel(
          METHODS[name](b, s),
          METHODS[name](
            b.map((x) => x * kb),
            s.map((x) => x * ks)
          ),
          1e-9,
          1e-12
        )
      )
    );
  });

  it('TVD and Hellinger satisfy the triangle inequality (both are metrics)', () => {
    fc.assert(
      fc.property(triple, ([a, b, c]) => {
        const eps = 1e-12;
        return (
          totalVariationDistance(a, c) <= totalVariationDistance(a, b) + totalVariationDistance(b, c) + eps &&
          hellingerDistance(a, c) <= hellingerDistance(a, b) + hellingerDistance(b, c) + eps
        );
      })
    );
  });

  it('Hellinger and TVD bound each other: H² ≤ TVD ≤ √2·H', () => {
    fc.assert(
      fc.property(pair, ([b, s]) => {
        const tvd = totalVariationDistance(b, s);
        const h = hellingerDistance(b, s);
        return h * h <= tvd + 1e-12 && tvd <= Math.SQRT2 * h + 1e-12;
      })
    );
  });

  it('disjoint distributions: TVD = Hellinger = 1, PSI large but finite (the empty-bin floor)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (x, y) => {
        expect(totalVariationDistance([x, 0], [0, y])).toBe(1);
        expect(hellingerDistance([x, 0], [0, y])).toBeCloseTo(1, 12);
        // Two bins each moving 1 − 1e-4 of mass across a 1e4 ratio: 2 · (1 − 1e-4) · ln(1e4).
        expect(populationStabilityIndex([x, 0], [0, y])).toBeCloseTo(2 * (1 - 1e-4) * Math.log(1e4), 9);
      })
    );
  });
});

describe('drift metrics: worked example p = (0.5, 0.5), q = (0.9, 0.1)', () => {
  it('TVD = ½(0.4 + 0.4)', () => {
    expect(totalVariationDistance([5, 5], [9, 1])).toBeCloseTo(0.4, 15);
  });
  it('PSI = 0.4·ln(0.9/0.5) + (−0.4)·ln(0.1/0.5)', () => {
    expect(populationStabilityIndex([5, 5], [9, 1])).toBeCloseTo(0.4 * Math.log(1.8) - 0.4 * Math.log(0.2), 14);
  });
  it('Hellinger = √(½((√0.5 − √0.9)² + (√0.5 − √0.1)²))', () => {
    const expected = Math.sqrt(0.5 * ((Math.sqrt(0.5) - Math.sqrt(0.9)) ** 2 + (Math.sqrt(0.5) - Math.sqrt(0.1)) ** 2));
    expect(hellingerDistance([5, 5], [9, 1])).toBeCloseTo(expected, 15);
  });
  it('PSI with a custom floor changes only the empty-bin terms', () => {
    expect(populationStabilityIndex([1, 1], [2, 0], 0.01)).toBeCloseTo(
      (1 - 0.5) * Math.log(1 / 0.5) + (0.01 - 0.5) * Math.log(0.01 / 0.5),
      14
    );
  });
});

describe('zScore', () => {
  it('is the mean shift in baseline standard deviations, signed', () => {
    expect(zScore(10, 2, 13)).toBe(1.5);
    expect(zScore(10, 2, 4)).toBe(-3);
  });
  it('is null when the baseline has no spread', () => {
    expect(zScore(5, 0, 7)).toBeNull();
  });
  it('rejects non-finite inputs and a negative deviation', () => {
    expect(() => zScore(Number.NaN, 1, 1)).toThrow(RangeError);
    expect(() => zScore(1, -1, 1)).toThrow(RangeError);
  });
});

describe('input checks', () => {
  it('refuses bins of different lengths, empty vectors, zero totals and negative counts', () => {
    expect(() => totalVariationDistance([1, 2], [1, 2, 3])).toThrow(/align them first/);
    expect(() => hellingerDistance([], [])).toThrow(RangeError);
    expect(() => populationStabilityIndex([0, 0], [1, 1])).toThrow(/sum to zero/);
    expect(() => toProportions([1, -1, 2])).toThrow(/non-negative/);
    expect(() => populationStabilityIndex([1], [1], 0)).toThrow(/epsilon/);
  });
});
