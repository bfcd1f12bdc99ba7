/**
 * Aligning a baseline and a scoring distribution onto the same bins before a drift method runs:
 * numerical (and text-length) histograms onto the baseline's bin edges, categorical value counts
 * (and top words) onto the union of both sides' values. Decisions are in
 * docs/h2o-mlops-1x-contract.md ("Binning and alignment").
 *
 * Bin convention: with finite edges e_0 < … < e_{n-1}, bin 0 is (-inf, e_0], bin j is
 * (e_{j-1}, e_j], bin n is (e_{n-1}, +inf) — H2O documents the bins as "[-inf, p], [p, q], …" without
 * saying which side is closed; only values exactly on an edge depend on the choice.
 */
import type { AlignedCounts, OpenHistogram, ValueCounts } from './types';

/** Checks H2O's open-histogram invariants; throws a RangeError naming the broken one. */
export function validateHistogram(h: OpenHistogram, side: string): void {
  if (h.counts.length !== h.edges.length + 1) {
    throw new RangeError(`${side}: ${h.edges.length} edges need ${h.edges.length + 1} counts, got ${h.counts.length}`);
  }
  for (let i = 0; i < h.edges.length; i++) {
    if (!Number.isFinite(h.edges[i]) || (i > 0 && h.edges[i] < h.edges[i - 1])) {
      throw new RangeError(`${side}: edges must be finite and ascending (at index ${i})`);
    }
  }
  for (const c of h.counts) {
    if (!Number.isFinite(c) || c < 0) {
      throw new RangeError(`${side}: counts must be finite and non-negative, got ${c}`);
    }
  }
}

/** Index of the bin holding a value x: the number of edges strictly below x. */
export function binIndexOf(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Index of the bin holding the values just above x: the number of edges at or below x. */
function binIndexAbove(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function sameEdges(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/** Spreads one finite source bin [a, b]'s mass over the target bins in proportion to overlap. */
function spreadFiniteBin(target: number[], edges: readonly number[], a: number, b: number, mass: number): void {
  if (b <= a) {
    target[binIndexOf(edges, a)] += mass;
    return;
  }
  const first = binIndexOf(edges, a);
  const last = binIndexOf(edges, b);
  for (let j = first; j <= last; j++) {
    const lo = j === 0 ? -Infinity : edges[j - 1];
    const hi = j === edges.length ? Infinity : edges[j];
    const overlap = Math.min(b, hi) - Math.max(a, lo);
    if (overlap > 0) {
      target[j] += (mass * overlap) / (b - a);
    }
  }
}

/**
 * Redistributes a histogram's counts onto other edges, conserving the total. Finite source bins are
 * spread in proportion to their overlap with each target bin (uniform density inside a bin); an
 * open source bin has no width to spread over, so its mass goes to the target bin next to its
 * finite edge on the open side. Exact whenever the source edges refine the target's.
 */
export function rebinOntoEdges(source: OpenHistogram, targetEdges: readonly number[]): number[] {
  validateHistogram(source, 'source histogram');
  validateHistogram({ edges: targetEdges, counts: new Array<number>(targetEdges.length + 1).fill(0) }, 'target');
  if (sameEdges(source.edges, targetEdges)) {
    return [...source.counts];
  }
  const target = new Array<number>(targetEdges.length + 1).fill(0);
  const n = source.edges.length;
  if (n === 0) {
    throw new RangeError('a histogram without edges has no location to re-bin from');
  }
  target[binIndexOf(targetEdges, source.edges[0])] += source.counts[0];
  for (let i = 1; i < n; i++) {
    spreadFiniteBin(target, targetEdges, source.edges[i - 1], source.edges[i], source.counts[i]);
  }
  target[binIndexAbove(targetEdges, source.edges[n - 1])] += source.counts[n];
  return target;
}

/** Interval labels of open-histogram bins: "(-inf, 0]", "(0, 3]", "(3, +inf)". */
export function binLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) {
    return ['(-inf, +inf)'];
  }
  const labels = [`(-inf, ${edges[0]}]`];
  for (let i = 1; i < edges.length; i++) {
    labels.push(`(${edges[i - 1]}, ${edges[i]}]`);
  }
  labels.push(`(${edges[edges.length - 1]}, +inf)`);
  return labels;
}

/**
 * Aligns a scoring histogram onto the baseline's bins. H2O's aggregator bins scoring data with the
 * edges it derived from the baseline, so the edges normally agree and counts pass through; when
 * they do not (a baseline replaced after scoring began), the scoring side is re-binned.
 */
export function alignNumeric(baseline: OpenHistogram, scoring: OpenHistogram): AlignedCounts {
  validateHistogram(baseline, 'baseline');
  validateHistogram(scoring, 'scoring');
  const rebinned = !sameEdges(baseline.edges, scoring.edges);
  return {
    labels: binLabels(baseline.edges),
    baseline: [...baseline.counts],
    scoring: rebinned ? rebinOntoEdges(scoring, baseline.edges) : [...scoring.counts],
    rebinned,
  };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Aligns value counts on the union of both sides' values (sorted), a value absent on one side
 * counting 0 there — a category new in production is exactly the drift PSI should see.
 */
export function alignCategorical(baseline: ValueCounts, scoring: ValueCounts): AlignedCounts {
  const values = [...new Set([...Object.keys(baseline), ...Object.keys(scoring)])].sort(byCodeUnit);
  const countOf = (counts: ValueCounts, v: string): number => {
    const c = Object.prototype.hasOwnProperty.call(counts, v) ? counts[v] : 0;
    if (!Number.isFinite(c) || c < 0) {
      throw new RangeError(`count of "${v}" must be finite and non-negative, got ${c}`);
    }
    return c;
  };
  return {
    labels: values,
    baseline: values.map((v) => countOf(baseline, v)),
    scoring: values.map((v) => countOf(scoring, v)),
    rebinned: false,
  };
}
