/**
 * Deterministic drift cases for the cross-check (tests/stack/drift-crosscheck.test.ts): random
 * histograms and value counts from a seeded generator plus the edge cases drift math gets wrong —
 * identical, scaled, disjoint, single-bin, empty bins on either side, extreme skew, near-identical,
 * many sparse bins, new and vanished categories, empty windows, zero-variance baselines.
 */

/** Small seeded PRNG (mulberry32) so every run checks the same cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CountsCase {
  kind: 'counts';
  baseline: number[];
  scoring: number[];
  epsilon: number;
}
export interface CategoricalCase {
  kind: 'categorical';
  baseline: Record<string, number>;
  scoring: Record<string, number>;
  epsilon: number;
}
export interface WindowsCase {
  kind: 'windows';
  edges: number[];
  baseline: number[];
  windowMs: number;
  segments: Array<{ startMs: number; counts: number[] }>;
}
export interface ZScoreCase {
  kind: 'zscore';
  ddof: 0 | 1;
  baselineValues: number[];
  parts: number[][];
}
export type DriftCase = CountsCase | CategoricalCase | WindowsCase | ZScoreCase;

const EPSILONS = [1e-4, 1e-3, 1e-6];

function countsCases(rnd: () => number): CountsCase[] {
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const vector = (n: number, max: number, zeroShare = 0.2) =>
    Array.from({ length: n }, () => (rnd() < zeroShare ? 0 : int(max)));
  const positive = (v: number[]) => (v.some((x) => x > 0) ? v : v.map((x, i) => (i === 0 ? 1 : x)));
  const cases: CountsCase[] = [];
  const add = (baseline: number[], scoring: number[], epsilon = 1e-4) =>
    cases.push({ kind: 'counts', baseline: positive(baseline), scoring: positive(scoring), epsilon });
  for (let i = 0; i < 200; i++) {
    const n = 1 + int(39);
    add(vector(n, 1000), vector(n, 1000), EPSILONS[i % EPSILONS.length]);
  }
  const c = vector(12, 500, 0);
  add(c, c);
  add(
    c,
    c.map((x) => x * 7)
  );
  add([5], [9]);
  add([10, 0, 0], [0, 0, 4]);
  add([0, 3, 0, 9], [2, 0, 0, 9]);
  add([1, 1e9], [1e9, 1]);
  add([1e6, 1e6, 1e6], [1e6, 1e6 + 1, 1e6]);
  add(vector(200, 3, 0.9), vector(200, 3, 0.9));
  add([1, 0], [0, 1], 1e-6);
  add([100, 0, 0, 0], [97, 1, 1, 1], 1e-3);
  return cases;
}

function categoricalCases(rnd: () => number): CategoricalCase[] {
  const pool = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow', 'black', 'white', 'n/a', 'ÄÖÜ'];
  const dict = (keys: number, max: number) => {
    const d: Record<string, number> = {};
    for (let k = 0; k < keys; k++) {
      d[pool[Math.floor(rnd() * pool.length)]] = 1 + Math.floor(rnd() * max);
    }
    return d;
  };
  const cases: CategoricalCase[] = [];
  for (let i = 0; i < 60; i++) {
    cases.push({
      kind: 'categorical',
      baseline: dict(1 + (i % 7), 500),
      scoring: dict(1 + ((i * 3) % 8), 500),
      epsilon: EPSILONS[i % 3],
    });
  }
  cases.push({ kind: 'categorical', baseline: { a: 5, b: 5 }, scoring: { c: 5, d: 5 }, epsilon: 1e-4 });
  cases.push({ kind: 'categorical', baseline: { a: 50, b: 50 }, scoring: { a: 50, b: 40, new: 10 }, epsilon: 1e-4 });
  cases.push({ kind: 'categorical', baseline: { a: 50, gone: 50 }, scoring: { a: 80 }, epsilon: 1e-4 });
  return cases;
}

function windowsCases(rnd: () => number): WindowsCase[] {
  const cases: WindowsCase[] = [];
  const windowsMs = [300_000, 900_000, 3_600_000];
  for (let i = 0; i < 30; i++) {
    const edges = [-2, -1, 0, 1, 2];
    const baseline = edges.map(() => 1 + Math.floor(rnd() * 500)).concat([1 + Math.floor(rnd() * 500)]);
    const start = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    const segments = Array.from({ length: 20 + Math.floor(rnd() * 100) }, (_, k) => ({
      startMs: start + k * 60_000 + (rnd() < 0.3 ? 3_600_000 : 0),
      counts: baseline.map(() => (rnd() < 0.15 ? 0 : Math.floor(rnd() * 20))),
    }));
    if (i === 0) {
      segments.push({ startMs: start + 10 * 3_600_000, counts: baseline.map(() => 0) });
    }
    cases.push({ kind: 'windows', edges, baseline, windowMs: windowsMs[i % windowsMs.length], segments });
  }
  return cases;
}

function zScoreCases(rnd: () => number): ZScoreCase[] {
  const normal = (mean: number, sd: number) => {
    const u = Math.max(rnd(), 1e-12);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const sample = (n: number, mean: number, sd: number) => Array.from({ length: n }, () => normal(mean, sd));
  const cases: ZScoreCase[] = [];
  for (let i = 0; i < 40; i++) {
    const shift = (i % 5) * 0.7;
    cases.push({
      kind: 'zscore',
      ddof: (i % 2) as 0 | 1,
      baselineValues: sample(50 + (i % 13) * 10, 100, 15),
      parts: Array.from({ length: 1 + (i % 6) }, () => sample(2 + Math.floor(rnd() * 30), 100 + shift * 15, 15 + i)),
    });
  }
  cases.push({ kind: 'zscore', ddof: 1, baselineValues: [4, 4, 4], parts: [[5, 6]] });
  cases.push({
    kind: 'zscore',
    ddof: 1,
    baselineValues: [1, 2, 3, 4],
    parts: [
      [1, 2],
      [3, 4],
    ],
  });
  return cases;
}

/** All cross-check cases, the same on every run. */
export function driftCases(seed = 20260112): DriftCase[] {
  const rnd = seededRandom(seed);
  return [...countsCases(rnd), ...categoricalCases(rnd), ...windowsCases(rnd), ...zScoreCases(rnd)];
}
