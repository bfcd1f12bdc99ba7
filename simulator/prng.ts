/**
 * Seeded randomness for the simulator. Every number the simulator serves is derived from a hash of
 * (seed, labels…) so that the same request always yields the same bytes and different parts of the
 * data (a model, a feature, an hour) never share a random stream by accident.
 */

/** 32-bit FNV-1a over a string; cheap, stable across platforms, good enough to seed mulberry32. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny PRNG with a 32-bit state; returns a generator of floats in [0, 1). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random stream keyed by the seed and labels, e.g. `stream(seed, deploymentId, 'latency')`. */
export function stream(seed: number, ...labels: Array<string | number>): () => number {
  return mulberry32(hash32(`${seed}|${labels.join('|')}`));
}

/** One uniform draw in [0, 1) keyed by the seed and labels; the workhorse for per-hour noise. */
export function unit(seed: number, ...labels: Array<string | number>): number {
  return stream(seed, ...labels)();
}

/** A draw in [-1, 1) keyed like `unit`. */
export function signedUnit(seed: number, ...labels: Array<string | number>): number {
  return unit(seed, ...labels) * 2 - 1;
}

/**
 * Standard normal CDF via the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7),
 * used to turn a (shifted) normal distribution into histogram bin probabilities.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Splits an integer total over weights so the parts are integers that sum exactly to the total
 * (largest remainder), which keeps histogram counts consistent with prediction totals.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0 || weights.length === 0) {
    return weights.map(() => 0);
  }
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    parts[order[k].i]++;
  }
  return parts;
}

/** Rounds to a fixed number of decimals so JSON output carries no floating-point noise. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * A fast keyed family of uniforms: hashes the labels once, then mixes in an integer index per draw
 * (murmur3's finaliser). Used for per-knot traffic noise, where long ranges need millions of draws.
 */
export function indexedUnit(seed: number, ...labels: Array<string | number>): (index: number) => number {
  const base = hash32(`${seed}|${labels.join('|')}`);
  return (index) => {
    const high = Math.floor(index / 4294967296);
    let h = (base ^ Math.imul(index | 0, 0x9e3779b1) ^ Math.imul(high | 0, 0x7feb352d)) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}
