import { totalPredictions } from '../generators';
import { apportion, hash32, normalCdf, round, signedUnit, unit } from '../prng';
import type { FeatureSpec } from '../scenarios';
import { DAY, formatRfc3339, HOUR } from '../time';
import type { ColumnSpec, Deployment1x, ExperimentSpec, TextSpec } from './catalog';

/**
 * Aggregate generators for the 1.x monitoring service: a baseline per column from "training data",
 * and per hourly segment and experiment a scoring aggregate whose distribution drifts from the
 * baseline by the column's drift level (times the experiment's drift factor, on a weekly wave).
 * Pure functions of (seed, deployment, column, experiment, segment start), so overlapping requests
 * agree. JSON shapes follow h2o-mlops 1.6.5 `_client/models/monitoring.py` exactly.
 */

export const SEGMENT = HOUR;
export const SEGMENT_DURATION = '3600s';
/** Rows in each column's "training data". */
export const TRAINING_ROWS = 50_000;
/** Bin edges sit at the baseline's mean + z·sd for these z. */
const EDGE_Z = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];
const WEEK = 7 * DAY;

type Json = Record<string, unknown>;

/** Drift level of a column for an experiment at time t: the spec's level on a weekly wave. */
export function driftAt(column: ColumnSpec, experiment: ExperimentSpec, t: number): number {
  const wave = 0.75 + 0.25 * Math.sin((2 * Math.PI * (t % WEEK)) / WEEK);
  return Math.min(0.9, column.spec.drift * experiment.model.driftFactor * wave);
}

/** Missing-value rate at time t; the rising column climbs linearly over each week, then resets. */
export function missingRateAt(column: ColumnSpec, t: number): number {
  const base = column.spec.missingRate;
  if (column.risingMissingTo === undefined) {
    return base;
  }
  return base + (column.risingMissingTo - base) * ((t % WEEK) / WEEK);
}

function numericalEdges(spec: { mean: number; sd: number; decimals: number }): number[] {
  const edges = EDGE_Z.map((z) => round(spec.mean + z * spec.sd, spec.decimals));
  return edges.filter((e, i) => i === 0 || e > edges[i - 1]);
}

/** Counts and summaries of `n` values ~ Normal(mean, sd) binned on `edges` (sample sd). */
function normalAggregate(n: number, mean: number, sd: number, edges: number[], decimals: number, noise: number): Json {
  const cdf = edges.map((e) => normalCdf((e - mean) / sd));
  const probs = [cdf[0], ...cdf.slice(1).map((c, i) => c - cdf[i]), 1 - cdf[cdf.length - 1]];
  const observedMean = round(mean + (noise * sd) / Math.sqrt(Math.max(n, 1)), 6);
  return {
    binEdges: edges,
    binCount: apportion(n, probs),
    mean: n > 0 ? observedMean : 0,
    standardDeviation: n > 1 ? round(sd, 6) : 0,
    min: n > 0 ? round(mean - 3.2 * sd, decimals) : 0,
    max: n > 0 ? round(mean + 3.2 * sd, decimals) : 0,
    sum: n > 0 ? round(observedMean * n, 4) : 0,
  };
}

function numeric(spec: FeatureSpec): { mean: number; sd: number; decimals: number } {
  return { mean: spec.mean ?? 0, sd: spec.sd ?? 1, decimals: spec.decimals ?? 2 };
}

/** Categorical weights mixed towards their reverse by `drift` (0 = baseline). */
function categoryCounts(spec: FeatureSpec, n: number, drift: number): Record<string, number> {
  const cats = spec.categories ?? [];
  const total = cats.reduce((a, [, w]) => a + w, 0);
  const p = cats.map(([, w]) => w / total);
  const q = p.map((pi, i) => (1 - Math.min(1, 2 * drift)) * pi + Math.min(1, 2 * drift) * p[p.length - 1 - i]);
  const counts = apportion(n, q);
  return Object.fromEntries(cats.map(([name], i) => [name, counts[i]]));
}

function textAggregate(spec: TextSpec, n: number, drift: number, noise: number, scoring: boolean): Json {
  const mean = spec.meanLength * (1 + 0.8 * drift);
  const sd = spec.sdLength * (1 + 0.3 * drift);
  const lengths = normalAggregate(
    n,
    mean,
    sd,
    numericalEdges({ mean: spec.meanLength, sd: spec.sdLength, decimals: 0 }),
    0,
    noise
  );
  const totalWords = Math.round((n * mean) / 6);
  const words = [...spec.words, ...spec.driftWords.map(([w, x]) => [w, x * drift * 4] as const)];
  const weights = words.map(([, w]) => w);
  const counts = apportion(Math.round(totalWords * 0.45), weights);
  const topWords = Object.fromEntries(words.map(([w], i) => [w, counts[i]]).filter(([, c]) => Number(c) > 0));
  const out: Json = {
    ...lengths,
    min: n > 0 ? Math.max(1, Number(lengths.min)) : 0,
    topWords,
    vocabSize: n > 0 ? Math.round(4000 * (1 + drift) + 200 * noise) : 0,
    totalWords,
  };
  if (scoring) {
    out.oovRate = n > 0 ? round(Math.min(100, Math.max(0, 2 + 60 * drift + noise)), 3) : 0;
  }
  return out;
}

/** The aggregate fields (numericalAggregate / categoricalAggregate / textAggregate, missingValues). */
function aggregateFields(
  column: ColumnSpec,
  rows: number,
  missingRate: number,
  drift: number,
  noise: number,
  scoring: boolean
): Json {
  const missing = Math.round(rows * missingRate);
  const n = rows - missing;
  const spec = column.spec;
  const fields: Json = {};
  if (spec.kind === 'text') {
    fields.textAggregate = textAggregate(spec, n, drift, noise, scoring);
  } else if (spec.kind === 'numerical') {
    const s = numeric(spec);
    fields.numericalAggregate = normalAggregate(
      n,
      s.mean + 2.5 * drift * s.sd,
      s.sd * (1 + 0.2 * drift),
      numericalEdges(s),
      s.decimals,
      noise
    );
  } else {
    fields.categoricalAggregate = { valueCounts: categoryCounts(spec, n, drift) };
  }
  fields.missingValues = { rowCount: missing };
  return fields;
}

/** A UUID-shaped id from labels (aggregates' ids are server-generated). */
function aggregateId(...labels: Array<string | number>): string {
  const a = hash32(labels.join('|')).toString(16).padStart(8, '0');
  const b = hash32(`${labels.join('|')}|2`)
    .toString(16)
    .padStart(8, '0');
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a000-${hash32(String(labels[0])).toString(16).padStart(12, '0')}`;
}

/**
 * Baseline aggregates of a deployment: input columns share one baseline (the training data of all
 * experiments); each model output column has one per experiment (each model's own predictions).
 */
export function baselineAggregates(seed: number, d: Deployment1x): Json[] {
  const out: Json[] = [];
  for (const column of d.columns) {
    const groups = column.isModelOutput ? d.experiments.map((e) => [e]) : [d.experiments];
    for (const experiments of groups) {
      const ids = experiments.map((e) => e.id);
      out.push({
        id: aggregateId(d.id, 'baseline', column.spec.name, ...ids),
        column: column.spec.name,
        logicalType: column.logicalType,
        ...aggregateFields(
          column,
          TRAINING_ROWS,
          column.spec.missingRate,
          0,
          signedUnit(seed, d.id, column.spec.name, 'baseline'),
          false
        ),
        deploymentId: d.id,
        isModelOutput: column.isModelOutput,
        experimentIds: ids,
      });
    }
  }
  return out;
}

/** Rows one experiment scored in the segment starting at `start` (the legacy traffic model). */
export function segmentRows(seed: number, d: Deployment1x, experiment: ExperimentSpec, start: number): number {
  const range = { start, end: start + SEGMENT };
  return totalPredictions({ seed, range }, d.scenario, experiment.model);
}

/** Memo of segmentRows and segment aggregates: paging through two weeks re-reads the same hours. */
const memo = new Map<string, Json>();
const MEMO_LIMIT = 50_000;

function remember<T extends Json | number>(key: string, make: () => T): T {
  const hit = memo.get(key) as { v: T } | undefined;
  if (hit) {
    return hit.v;
  }
  if (memo.size >= MEMO_LIMIT) {
    memo.delete(memo.keys().next().value as string);
  }
  const v = make();
  memo.set(key, { v });
  return v;
}

/**
 * Scoring aggregates of one segment for one experiment: one per column (only `onlyColumn` when
 * given), none without traffic.
 */
export function segmentAggregates(
  seed: number,
  d: Deployment1x,
  experiment: ExperimentSpec,
  start: number,
  onlyColumn?: string
): Json[] {
  const rows = remember(`rows|${seed}|${d.id}|${experiment.id}|${start}`, () =>
    segmentRows(seed, d, experiment, start)
  );
  if (rows <= 0) {
    return [];
  }
  const columns = d.columns.filter((c) => onlyColumn === undefined || c.spec.name === onlyColumn);
  return columns.map((column) =>
    remember(`agg|${seed}|${d.id}|${experiment.id}|${start}|${column.spec.name}`, () =>
      scoringAggregate(seed, d, experiment, start, column, rows)
    )
  );
}

function scoringAggregate(
  seed: number,
  d: Deployment1x,
  experiment: ExperimentSpec,
  start: number,
  column: ColumnSpec,
  rows: number
): Json {
  const name = column.spec.name;
  const noise = signedUnit(seed, d.id, experiment.id, name, start);
  const missingRate = Math.min(
    1,
    missingRateAt(column, start) * (0.9 + 0.2 * unit(seed, d.id, name, start, 'missing'))
  );
  return {
    id: aggregateId(d.id, 'scoring', name, experiment.id, start),
    column: name,
    deploymentId: d.id,
    startTime: formatRfc3339(start),
    segmentDuration: SEGMENT_DURATION,
    ...aggregateFields(column, rows, missingRate, driftAt(column, experiment, start), noise, true),
    isModelOutput: column.isModelOutput,
    logicalType: column.logicalType,
    experimentIds: [experiment.id],
  };
}
