/** @jest-environment node */
import { apportion, hash32, mulberry32, normalCdf, round, stream } from './prng';

describe('prng', () => {
  it('is deterministic per seed and label, and differs across them', () => {
    const a = stream(42, 'x');
    const b = stream(42, 'x');
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(stream(43, 'x')()).not.toBe(seqA[0]);
    expect(stream(42, 'y')()).not.toBe(seqA[0]);
    expect(hash32('abc')).toBe(hash32('abc'));
  });

  it('mulberry32 stays in [0, 1)', () => {
    const r = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 3);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
  });

  it('apportion sums exactly to the total', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1001, [0.2, 0.3, 0.5]).reduce((a, b) => a + b, 0)).toBe(1001);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('round leaves no floating noise', () => {
    expect(round(0.1 + 0.2, 4)).toBe(0.3);
  });
});
