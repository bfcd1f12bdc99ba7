/**
 * Cross-check of src/shared/drift against an independent implementation: the same deterministic
 * cases (tests/stack/support/driftCases.ts) computed by tests/stack/drift_crosscheck.py with numpy and
 * scipy, in the pinned venv the stack setup builds (scripts/setup/driftVenv.ts). Every value must
 * agree within 1e-9 relative (values that are 0 up to rounding: within 1e-12 absolute).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureDriftVenv } from '../../scripts/setup/driftVenv';
import {
  alignCategorical,
  bucketSegments,
  hellingerDistance,
  mergeHistograms,
  mergeSummaries,
  populationStabilityIndex,
  totalVariationDistance,
  zScore,
  type NumericSummary,
} from '../../src/shared/drift';
import { driftCases, type DriftCase } from './support/driftCases';
import { runCaptured } from './support/runCaptured';

const SCRIPT = path.join(__dirname, 'drift_crosscheck.py');
const REL = 1e-9;
const ABS = 1e-12;

type Result = Record<string, unknown>;

/** What an aggregator would store for a part: its summary (sample or population deviation). */
function summaryOf(values: readonly number[], ddof: 0 | 1): NumericSummary {
  const count = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / count;
  const ss = values.reduce((a, x) => a + (x - mean) ** 2, 0);
  return {
    count,
    sum,
    mean,
    standardDeviation: count > ddof ? Math.sqrt(ss / (count - ddof)) : 0,
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** The TypeScript library's answer for one case, in the Python script's result shape. */
function ours(c: DriftCase): Result {
  switch (c.kind) {
    case 'counts':
      return {
        tvd: totalVariationDistance(c.baseline, c.scoring),
        psi: populationStabilityIndex(c.baseline, c.scoring, c.epsilon),
        hellinger: hellingerDistance(c.baseline, c.scoring),
      };
    case 'categorical': {
      const a = alignCategorical(c.baseline, c.scoring);
      return {
        tvd: totalVariationDistance(a.baseline, a.scoring),
        psi: populationStabilityIndex(a.baseline, a.scoring, c.epsilon),
        hellinger: hellingerDistance(a.baseline, a.scoring),
      };
    }
    case 'windows': {
      const segments = c.segments.map((s) => ({
        startMs: s.startMs,
        durationMs: 60_000,
        value: { edges: c.edges, counts: s.counts },
      }));
      return {
        windows: bucketSegments(segments, c.windowMs).map((w) => {
          const merged = mergeHistograms(
            w.segments.map((s) => s.value),
            c.edges
          );
          const empty = merged.counts.every((x) => x === 0);
          return { startMs: w.startMs, tvd: empty ? null : totalVariationDistance(c.baseline, merged.counts) };
        }),
      };
    }
    case 'zscore': {
      const baseline = summaryOf(c.baselineValues, c.ddof);
      const window = mergeSummaries(
        c.parts.map((p) => summaryOf(p, c.ddof)),
        c.ddof
      );
      if (!window) {
        throw new Error('a z-score case needs rows');
      }
      return {
        windowMean: window.mean,
        windowSd: window.standardDeviation,
        z: zScore(baseline.mean, baseline.standardDeviation, window.mean),
      };
    }
  }
}

/** Pairs of numbers (or nulls) at the same path in both results; throws on a shape mismatch. */
function pairs(
  a: unknown,
  b: unknown,
  at: string,
  out: Array<{ at: string; a: number | null; b: number | null }>
): void {
  if (typeof a === 'number' || a === null) {
    if (!(typeof b === 'number' || b === null)) {
      throw new Error(`${at}: ours ${String(a)}, python ${JSON.stringify(b)}`);
    }
    out.push({ at, a, b });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => pairs(x, b[i], `${at}[${i}]`, out));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) {
      throw new Error(`${at}: keys differ: ${ka.join()} vs ${kb.join()}`);
    }
    for (const k of ka) {
      pairs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out);
    }
    return;
  }
  throw new Error(`${at}: shapes differ: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

it('every drift method, alignment and window merge agrees with numpy/scipy within 1e-9 relative', async () => {
  const python = await ensureDriftVenv();
  const cases = driftCases();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-drift-crosscheck-'));
  try {
    const file = path.join(dir, 'cases.json');
    fs.writeFileSync(file, JSON.stringify(cases));
    const run = await runCaptured(python, [SCRIPT, file], { PATH: process.env.PATH });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const theirs = (JSON.parse(run.stdout) as { results: Result[] }).results;
    expect(theirs).toHaveLength(cases.length);

    const compared: Array<{ at: string; a: number | null; b: number | null }> = [];
    cases.forEach((c, i) => pairs(ours(c), theirs[i], `case ${i} (${c.kind})`, compared));
    const off = compared.filter(
      ({ a, b }) =>
        (a === null) !== (b === null) ||
        (a !== null && b !== null && Math.abs(a - b) > Math.max(ABS, REL * Math.max(Math.abs(a), Math.abs(b))))
    );
    expect(off).toEqual([]);

    const kinds = new Set(cases.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['categorical', 'counts', 'windows', 'zscore']);
    const numbers = compared.filter((p) => p.a !== null);
    expect(numbers.length).toBeGreaterThan(1000);
    // Cases where drift is present at all, so agreement is not agreement on zeros.
    expect(numbers.filter((p) => (p.a ?? 0) > 0.1).length).toBeGreaterThan(300);
    const worst = Math.max(
      ...numbers.map(({ a, b }) => Math.abs((a ?? 0) - (b ?? 0)) / Math.max(ABS, Math.abs(a ?? 0), Math.abs(b ?? 0)))
    );
    process.stderr.write(
      `[drift cross-check] ${cases.length} cases, ${numbers.length} values, worst relative deviation ${worst.toExponential(2)}\n`
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
