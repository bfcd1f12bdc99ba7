import { infinityUrlQuery, type Column } from './infinity';
import type { RuleQuery } from './model';

/**
 * Infinity queries against the H2O MLOps 1.x API (docs/h2o-mlops-1x-contract.md): the deployer's
 * deployment (its experiments and their roles) and the monitoring service's baseline and scoring
 * aggregates. Infinity's backend parser evaluates one URL per query, so every query here only
 * FLATTENS one answer into rows — one row per aggregate and histogram bin, or per aggregate — and
 * the rules' SQL expressions (mlops1xSql.ts) join and sum them. That also makes the results
 * independent of pagination: Infinity follows `nextPageToken` and concatenates the pages' rows, and
 * SQL sums across pages.
 */

/** The provisioned Infinity data source for the MLOps 1.x API (service account, client credentials). */
export const MLOPS1X_DS_UID = 'mlops1x-alerting';
/** The same API through the refresh-token variant (see README "Alerting on H2O MLOps 1.x"). */
export const MLOPS1X_REFRESH_DS_UID = 'mlops1x-alerting-refresh';

/** The server caps pages at 100 items (grpc-gateway list semantics); we ask for that many. */
export const PAGE_SIZE = 100;
/** Infinity 3.11.1 follows a cursor at most this many times after the first page (its cap is 5). */
export const MAX_EXTRA_PAGES = 5;

/** One 1.x deployment, as its resource names need it. */
export interface DeploymentRef {
  workspaceId: string;
  deploymentId: string;
}

const deploymentName = (d: DeploymentRef) =>
  `workspaces/${encodeURIComponent(d.workspaceId)}/deployments/${encodeURIComponent(d.deploymentId)}`;

/** Deployer path of a deployment (GET → {deployment}). */
export const deploymentPath = (d: DeploymentRef) => `/deployer/v2/${deploymentName(d)}`;

/** Monitoring path of a deployment's aggregates across every experiment (`experiments/-`). */
export const aggregatesPath = (d: DeploymentRef, kind: 'baselineAggregates' | 'aggregates') =>
  `/monitoring/v2/${deploymentName(d)}/experiments/-/${kind}`;

/** Scoring aggregates whose segment starts inside the rule's range, in the client's filter language. */
export const WINDOW_FILTER =
  "timestamp >= timestamp('${__timeFrom:date:iso}') AND timestamp < timestamp('${__timeTo:date:iso}')";

/** Restricts a list to columns of the given logical types (`logical_type` filter field). */
export function logicalTypeFilter(types: readonly string[]): string {
  return `(${types.map((t) => `logical_type = '${t}'`).join(' OR ')})`;
}

/**
 * JSONata helpers every selector starts with. int64 fields may arrive as JSON strings
 * (grpc-gateway), so every count goes through `$n`; absent values count 0.
 */
const HELPERS = `
  $n := function($v) { $exists($v) ? $number($v) : 0 };
  $total := function($xs) { $exists($xs) ? $sum($xs.$n($)) : 0 };
  $present := function($a) {
    $total($a.numericalAggregate.binCount) + $total($a.textAggregate.binCount) +
    ($exists($a.categoricalAggregate.valueCounts) ? $sum($each($a.categoricalAggregate.valueCounts, function($v) { $n($v) })) : 0)
  };
  $edge := function($edges, $i) { $i < 0 ? "-inf" : $i >= $count($edges) ? "+inf" : $string($edges[$i]) };
  $bins := function($a) {(
    $h := $exists($a.numericalAggregate.binCount) ? $a.numericalAggregate : $a.textAggregate;
    $exists($a.categoricalAggregate.valueCounts)
      ? $each($a.categoricalAggregate.valueCounts, function($v, $k) { {"bin": "=" & $k, "cnt": $n($v)} })
      : $exists($h.binCount)
        ? $map($h.binCount, function($c, $i) { {"bin": "(" & $edge($h.binEdges, $i - 1) & "," & $edge($h.binEdges, $i) & "]", "cnt": $n($c)} })
        : []
  )};
  $experiments := function($a) { $exists($a.experimentIds) and $count($a.experimentIds) > 0 ? $a.experimentIds : [""] };`;

/**
 * Rows of a page of aggregates, one per aggregate, experiment and histogram bin (or category):
 * `experiment`, `column_name`, `bin`, `cnt`. Numerical and text-length bins are named by their
 * edges (`(lo,hi]`, open ends `-inf`/`+inf`), categories by `=value`, so that a baseline and a
 * window join on the bin itself; histograms with other edges than the baseline's share no bin and
 * read as fully drifted (the data source re-bins them instead, see the README). Baseline
 * aggregates list every experiment they serve (one row set each; none → `""`, every experiment);
 * scoring aggregates name the experiment that scored them. An empty page yields one placeholder
 * row (`experiment` ""), because Infinity refuses a page without rows.
 */
export const BIN_ROWS_SELECTOR = `(${HELPERS}
  $rows := [$append(aggregates, baselineAggregates).(
    $a := $;
    $experiments($a).(
      $e := $;
      $bins($a).{"experiment": $e, "column_name": $a.column, "bin": bin, "cnt": cnt}
    )
  )];
  $count($rows) > 0 ? $rows : [{"experiment": "", "column_name": "", "bin": "", "cnt": 0}]
)`;
export const BIN_COLUMNS: Column[] = [
  { selector: 'experiment', type: 'string' },
  { selector: 'column_name', type: 'string' },
  { selector: 'bin', type: 'string' },
  { selector: 'cnt', type: 'number' },
];

/**
 * Rows of a page of aggregates, one per aggregate and experiment: `experiment`, `column_name`,
 * `present` (rows with a value: the histogram's or the value counts' total) and `missing`
 * (`missingValues.rowCount`). Every column of a segment sees every scored row, so present + missing
 * of any column is the segment's volume. Placeholder row on an empty page, as above.
 */
export const ROW_COUNT_SELECTOR = `(${HELPERS}
  $rows := [$append(aggregates, baselineAggregates).(
    $a := $;
    $experiments($a).(
      $e := $;
      {"experiment": $e, "column_name": $a.column, "present": $present($a), "missing": $n($a.missingValues.rowCount)}
    )
  )];
  $count($rows) > 0 ? $rows : [{"experiment": "", "column_name": "", "present": 0, "missing": 0}]
)`;
export const ROW_COUNT_COLUMNS: Column[] = [
  { selector: 'experiment', type: 'string' },
  { selector: 'column_name', type: 'string' },
  { selector: 'present', type: 'number' },
  { selector: 'missing', type: 'number' },
];

/**
 * The deployment's experiments and their roles (contract "Roles"): single → champion; shadow
 * primary → champion, secondary → challenger; split → by descending weight, champion first.
 */
export const EXPERIMENTS_SELECTOR = `(
  $d := deployment;
  $exp := function($c) { $string($c.deploymentComposition.experimentId) };
  $split := $sort($d.split.splitElements, function($a, $b) { $number($a.weight) < $number($b.weight) });
  $rows := $exists($d.single) ? [{"experiment": $exp($d.single), "role": "champion"}]
    : $exists($d.shadow) ? [
        {"experiment": $exp($d.shadow.primaryElement), "role": "champion"},
        {"experiment": $exp($d.shadow.secondaryElement), "role": "challenger"}
      ]
    : $exists($d.split) ? $map($split, function($e, $i) { {"experiment": $exp($e), "role": $i = 0 ? "champion" : "challenger"} })
    : [];
  [$rows[experiment != ""]]
)`;
export const EXPERIMENT_COLUMNS: Column[] = [
  { selector: 'experiment', type: 'string' },
  { selector: 'role', type: 'string' },
];

/**
 * Where Infinity finds the next page's token. grpc-gateway OMITS `nextPageToken` on the last page,
 * and Infinity 3.11.1 fails the whole query ("error while extracting the cursor value") when the
 * path matches nothing (it falls back to JSONata, which yields no value). This GJSON multipath with
 * an empty-string literal yields the token, or "" — which ends the pagination — when it is absent.
 */
export const CURSOR_PATH = '[nextPageToken,!""]|0';

export interface Mlops1xQuery {
  refId: string;
  path: string;
  /** Seconds of history before the evaluation time (the scoring window; nominal for the others). */
  windowSeconds: number;
  filter?: string;
  /** e.g. `timestamp desc`: if a window ever exceeds the pages Infinity follows, the newest segments count. */
  orderBy?: string;
  rootSelector: string;
  columns: Column[];
  /** List endpoints follow `nextPageToken`. */
  paged: boolean;
}

/** A rule query against the 1.x API through the 1.x alerting Infinity data source. */
export function mlops1xQuery(q: Mlops1xQuery, datasourceUid = MLOPS1X_DS_UID): RuleQuery {
  const params = [
    ...(q.paged ? [{ key: 'pageSize', value: String(PAGE_SIZE) }] : []),
    ...(q.filter ? [{ key: 'filter', value: q.filter }] : []),
    ...(q.orderBy ? [{ key: 'orderBy', value: q.orderBy }] : []),
  ];
  return infinityUrlQuery(
    {
      ...q,
      params,
      cursor: q.paged ? { maxExtraPages: MAX_EXTRA_PAGES, extractionPath: CURSOR_PATH } : undefined,
    },
    datasourceUid
  );
}
