import fc from 'fast-check';

import type { NumericSummary } from './types';
import {
  bucketSegments,
  mergeHistograms,
  mergeSummaries,
  mergeValueCounts,
  missingRate,
  parseSegmentDuration,
  windowStartOf,
} from './windows';

/** Summary of a list of numbers computed directly, as the reference for merging. */
function summaryOf(xs: readonly number[], ddof: 0 | 1): NumericSummary {
  const n = xs.length;
  const sum = xs.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  return {
    count: n,
    sum,
    mean,
    standardDeviation: n - ddof > 0 ? Math.sqrt(ss / (n - ddof)) : 0,
    min: Math.min(...xs),
    max: Math.max(...xs),
  };
}

function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('parseSegmentDuration', () => {
  it('reads protobuf JSON durations and the short forms', () => {
    expect(parseSegmentDuration('60s')).toBe(60_000);
    expect(parseSegmentDuration('0.5s')).toBe(500);
    expect(parseSegmentDuration('3600s')).toBe(3_600_000);
    expect(parseSegmentDuration('5m')).toBe(300_000);
    expect(parseSegmentDuration('1h30m')).toBe(5_400_000);
  });
  it('refuses anything else', () => {
    for (const bad of ['', '60', 's', '1 h', '-5s', '0s', '5x']) {
      expect(() => parseSegmentDuration(bad)).toThrow(RangeError);
    }
  });
});

describe('bucketSegments', () => {
  it('puts every segment in exactly one window that holds its start, windows ascending', () => {
    const segmentArb = fc.record({
      startMs: fc.integer({ min: 0, max: 10_000_000 }),
      durationMs: fc.constant(60_000),
      value: fc.nat(),
    });
    fc.assert(
      fc.property(
        fc.array(segmentArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        (segments, windowMs) => {
          const windows = bucketSegments(segments, windowMs);
          expect(windows.reduce((n, w) => n + w.segments.length, 0)).toBe(segments.length);
          for (let i = 0; i < windows.length; i++) {
            const w = windows[i];
            expect(w.segments.length).toBeGreaterThan(0);
            if (i > 0) {
              expect(w.startMs).toBeGreaterThan(windows[i - 1].startMs);
            }
            for (const s of w.segments) {
              expect(s.startMs).toBeGreaterThanOrEqual(w.startMs);
              expect(s.startMs).toBeLessThan(w.startMs + windowMs);
            }
          }
        }
      )
    );
  });

  it('aligns windows on the origin', () => {
    expect(windowStartOf(125, 60, 0)).toBe(120);
    expect(windowStartOf(125, 60, 10)).toBe(70);
    expect(windowStartOf(-1, 60, 0)).toBe(-60);
    expect(() => windowStartOf(1, 0)).toThrow(RangeError);
  });
});

describe('merging a window', () => {
  it('pools summaries exactly: merged parts equal the summary of the union (sample and population)', () => {
    const values = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 6 }), fc.constantFrom<0 | 1>(0, 1), (parts, ddof) => {
        const merged = mergeSummaries(
          parts.map((p) => summaryOf(p, ddof)),
          ddof
        );
        const whole = summaryOf(parts.flat(), ddof);
        expect(merged).not.toBeNull();
        expect(merged?.count).toBe(whole.count);
        expect(close(merged?.mean ?? NaN, whole.mean)).toBe(true);
        expect(close(merged?.standardDeviation ?? NaN, whole.standardDeviation, 1e-7)).toBe(true);
        expect(merged?.min).toBe(whole.min);
        expect(merged?.max).toBe(whole.max);
      })
    );
  });

  it('returns null when no part has rows and skips empty parts', () => {
    expect(mergeSummaries([])).toBeNull();
    const empty = { count: 0, sum: 0, mean: 0, standardDeviation: 0, min: 0, max: 0 };
    expect(mergeSummaries([empty, summaryOf([1, 3], 1)], 1)).toEqual(summaryOf([1, 3], 1));
  });

  it('sums histograms on the given edges and value counts key by key', () => {
    expect(
      mergeHistograms(
        [
          { edges: [0, 1], counts: [1, 2, 3] },
          { edges: [0, 1], counts: [4, 5, 6] },
        ],
        [0, 1]
      )
    ).toEqual({ edges: [0, 1], counts: [5, 7, 9] });
    expect(
      mergeValueCounts([
        { a: 1, b: 2 },
        { b: 3, c: 4 },
      ])
    ).toEqual({ a: 1, b: 5, c: 4 });
  });

  it('computes the missing-value rate over all rows', () => {
    expect(missingRate(5, 15)).toBe(0.25);
    expect(missingRate(0, 0)).toBeNull();
  });
});
