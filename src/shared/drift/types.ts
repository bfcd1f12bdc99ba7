/**
 * Input and output types of the drift library. They restate, structurally and in camelCase, the
 * parts of H2O MLOps 1.x monitoring aggregates that drift needs (h2o-mlops 1.6.x,
 * `h2o_mlops/_client/models/monitoring.py`: V2NumericalAggregate, V2CategoricalAggregate,
 * V2TextAggregate, V2MissingValues), so that the data source's parsers and the panel can both feed
 * them without this module knowing about HTTP or frames. See docs/h2o-mlops-1x-contract.md.
 */

/**
 * A histogram in H2O's open-ended convention: `edges` are the finite, ascending bin boundaries and
 * `counts` has `edges.length + 1` entries — the first counts (-inf, edges[0]], the last
 * [edges[n-1], +inf). An empty `edges` means one bin holding everything.
 */
export interface OpenHistogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

/** Value counts of a categorical column (or the top words of a text column): value → count. */
export type ValueCounts = Readonly<Record<string, number>>;

/** Summary statistics H2O stores beside a numerical histogram (or of text lengths). */
export interface NumericSummary {
  /** Rows with a (non-missing) value; the sum of the histogram's counts. */
  readonly count: number;
  readonly mean: number;
  readonly standardDeviation: number;
  readonly min: number;
  readonly max: number;
  readonly sum: number;
}

/** The logical types of H2O MLOps 1.x (V2LogicalType), without the enum's prefix noise. */
export type LogicalType =
  'LOGICAL_TYPE_UNSPECIFIED' | 'NUMERICAL' | 'CATEGORICAL' | 'DATETIME' | 'TEXT' | 'IMAGE' | 'TIMESTAMP' | 'ID';

/** The drift methods H2O documents for its monitoring aggregates. */
export type DriftMethod = 'tvd' | 'psi' | 'hellinger' | 'zscore';

/** What a method compares for a text column: its length histogram or its top-words counts. */
export type TextFacet = 'length' | 'topWords';

/** Two aligned probability vectors over the same bins (each sums to 1). */
export interface AlignedDistributions {
  /** Bin labels, for display: interval notation for numeric bins, the value for categories. */
  readonly labels: readonly string[];
  readonly baseline: readonly number[];
  readonly scoring: readonly number[];
}

/** Two aligned count vectors over the same bins, before normalisation. */
export interface AlignedCounts {
  readonly labels: readonly string[];
  readonly baseline: readonly number[];
  readonly scoring: readonly number[];
  /** True when the scoring histogram had other edges and was redistributed onto the baseline's. */
  readonly rebinned: boolean;
}

/** Drift status from thresholds. `unknown` when the value could not be computed. */
export type DriftStatus = 'ok' | 'warning' | 'drift' | 'unknown';

/**
 * Thresholds of one method: a value at or above `warning` is a warning, above `critical` is drift
 * (PSI's documented reading: below 0.10 no drift, above 0.25 significant). Z-score compares |z|.
 */
export interface DriftThresholds {
  readonly warning: number;
  readonly critical: number;
}

/** Why a drift value is missing. */
export type NoDriftReason =
  'no-baseline-data' | 'no-scoring-data' | 'baseline-zero-variance' | 'method-not-applicable' | 'missing-aggregate';

/** The result of one drift computation. */
export type DriftResult =
  | {
      readonly method: DriftMethod;
      readonly value: number;
      readonly status: Exclude<DriftStatus, 'unknown'>;
      readonly rebinned: boolean;
    }
  | {
      readonly method: DriftMethod;
      readonly value: null;
      readonly status: 'unknown';
      readonly reason: NoDriftReason;
    };
