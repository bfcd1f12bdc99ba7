/**
 * The SQL of the 1.x rules' SQL expressions (Grafana's server-side SQL expressions: MySQL dialect,
 * go-mysql-server; each earlier refId is a table). The Infinity queries only flatten API answers
 * into rows (mlops1xQueries.ts); these statements sum them across pages and segments, join baseline
 * and window, and compute one value per experiment (and column) — so the math is the data source's
 * (docs/h2o-mlops-1x-contract.md), restated in SQL and cross-checked against src/shared/drift in
 * tests/alerting. Only functions on the allow list of Grafana's oldest SQL-expression release are
 * used (IF, COALESCE, SUM, MAX, ABS, LOG), and every label column is a string.
 *
 * Tables (refIds): E experiments {experiment, role}; A baseline rows; B window rows, where A/B are
 * bin rows {experiment, column_name, bin, cnt} or row counts {experiment, column_name, present,
 * missing} (mlops1xQueries.ts). Placeholder rows carry experiment "" and column_name "".
 */

/**
 * PSI's floor for empty bins, as in src/shared/drift (PSI_EPSILON). Written as a DOUBLE literal:
 * MySQL types `0.0001` as DECIMAL(…,4), and IF(q < 0.0001, 0.0001, q) would then round every
 * share to four digits (and a bare `0` in IF makes the result an integer) — found on the engine.
 */
export const PSI_EPSILON_SQL = '1e-4';

/**
 * Rows scored per experiment in the window: for each column, present + missing summed over the
 * window's segments (every column sees every scored row), the largest over columns. Experiments of
 * the deployment without any aggregate in the window get 0 — the "volume stopped" case.
 */
export const VOLUME_SQL = `SELECT E.experiment, E.role, COALESCE(v.scored, 0e0) AS scored_rows
FROM E
LEFT JOIN (
  SELECT experiment, MAX(total) AS scored
  FROM (
    SELECT experiment, column_name, SUM(present + missing) AS total
    FROM B WHERE experiment <> '' GROUP BY experiment, column_name
  ) AS per_column
  GROUP BY experiment
) AS v ON v.experiment = E.experiment`;

/** Per experiment and column: window missing rows and all rows; baseline the same (shared baseline ""). */
const MISSING_CTE = `WITH
w AS (SELECT experiment, column_name, SUM(missing) AS missing, SUM(present + missing) AS total
      FROM B WHERE experiment <> '' GROUP BY experiment, column_name),
b AS (SELECT experiment, column_name, SUM(missing) AS missing, SUM(present + missing) AS total
      FROM A WHERE column_name <> '' GROUP BY experiment, column_name)`;

const missingSelect = (value: string, alias: string) => `${MISSING_CTE}
SELECT COALESCE(MAX(E.role), '') AS role, w.experiment, w.column_name AS \`column\`, ${value} AS ${alias}
FROM w
JOIN b ON b.column_name = w.column_name AND (b.experiment = w.experiment OR b.experiment = '')
LEFT JOIN E ON E.experiment = w.experiment
WHERE w.total > 0 AND b.total > 0
GROUP BY w.experiment, w.column_name, w.missing, w.total, b.missing, b.total`;

/** The window's missing-value rate per experiment and column: missing / (missing + present). */
export const MISSING_RATE_SQL = missingSelect('w.missing / w.total', 'missing_rate');

/** How far the window's missing-value rate is above the baseline's (negative: below). */
export const MISSING_INCREASE_SQL = missingSelect('w.missing / w.total - b.missing / b.total', 'missing_rate_increase');

/**
 * Aligned proportions per experiment, column and bin: p = baseline share, q = window share, over
 * the union of both sides' bins (a bin one side lacks counts 0 there). Columns without rows on
 * either side have no distribution and produce no row (never 0).
 */
const PROPORTIONS_CTE = `WITH
w AS (SELECT experiment, column_name, bin, SUM(cnt) AS cnt FROM B
      WHERE experiment <> '' GROUP BY experiment, column_name, bin),
wt AS (SELECT experiment, column_name, SUM(cnt) AS total FROM w GROUP BY experiment, column_name),
b AS (SELECT experiment, column_name, bin, SUM(cnt) AS cnt FROM A
      WHERE column_name <> '' GROUP BY experiment, column_name, bin),
bt AS (SELECT experiment, column_name, SUM(cnt) AS total FROM b GROUP BY experiment, column_name),
pairs AS (
  SELECT wt.experiment, wt.column_name, bt.experiment AS base_experiment, wt.total AS w_total, bt.total AS b_total
  FROM wt JOIN bt ON bt.column_name = wt.column_name AND (bt.experiment = wt.experiment OR bt.experiment = '')
  WHERE wt.total > 0 AND bt.total > 0),
bin_keys AS (
  SELECT pairs.experiment, pairs.column_name, w.bin FROM pairs
  JOIN w ON w.experiment = pairs.experiment AND w.column_name = pairs.column_name
  UNION
  SELECT pairs.experiment, pairs.column_name, b.bin FROM pairs
  JOIN b ON b.experiment = pairs.base_experiment AND b.column_name = pairs.column_name),
shares AS (
  SELECT bin_keys.experiment, bin_keys.column_name,
         COALESCE(b.cnt, 0e0) / pairs.b_total AS p, COALESCE(w.cnt, 0e0) / pairs.w_total AS q
  FROM bin_keys
  JOIN pairs ON pairs.experiment = bin_keys.experiment AND pairs.column_name = bin_keys.column_name
  LEFT JOIN b ON b.experiment = pairs.base_experiment AND b.column_name = bin_keys.column_name AND b.bin = bin_keys.bin
  LEFT JOIN w ON w.experiment = bin_keys.experiment AND w.column_name = bin_keys.column_name AND w.bin = bin_keys.bin)`;

const driftSelect = (perBin: string, alias: string) => `${PROPORTIONS_CTE}
SELECT COALESCE(MAX(E.role), '') AS role, d.experiment, d.column_name AS \`column\`, d.value AS ${alias}
FROM (SELECT experiment, column_name, ${perBin} AS value FROM shares GROUP BY experiment, column_name) AS d
LEFT JOIN E ON E.experiment = d.experiment
GROUP BY d.experiment, d.column_name, d.value`;

/** Total variation distance: ½ Σ |q − p|. */
export const TVD_SQL = driftSelect('0.5 * SUM(ABS(q - p))', 'tvd');

const floored = (x: string) => `IF(${x} < ${PSI_EPSILON_SQL}, ${PSI_EPSILON_SQL}, ${x})`;
/** Population stability index: Σ (q' − p') ln(q'/p'), each share floored at ε, never below 0. */
export const PSI_SQL = driftSelect(
  `IF(SUM((${floored('q')} - ${floored('p')}) * LOG(${floored('q')} / ${floored('p')})) < 0, 0e0, ` +
    `SUM((${floored('q')} - ${floored('p')}) * LOG(${floored('q')} / ${floored('p')})))`,
  'psi'
);
