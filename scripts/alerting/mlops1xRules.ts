import { createHash } from 'node:crypto';

import { sqlExpression, threshold, type ProvisionedRule, type RuleQuery } from './model';
import {
  aggregatesPath,
  BIN_COLUMNS,
  BIN_ROWS_SELECTOR,
  deploymentPath,
  EXPERIMENT_COLUMNS,
  EXPERIMENTS_SELECTOR,
  logicalTypeFilter,
  mlops1xQuery,
  ROW_COUNT_COLUMNS,
  ROW_COUNT_SELECTOR,
  WINDOW_FILTER,
} from './mlops1xQueries';
import { MISSING_INCREASE_SQL, MISSING_RATE_SQL, PSI_SQL, TVD_SQL, VOLUME_SQL } from './mlops1xSql';
import { mlops1xTargetLabels, type Mlops1xTarget } from './mlops1xTargets';

/**
 * Rules on H2O MLOps 1.x signals, per deployment: scoring volume stopped, missing values rising,
 * and drift above threshold with the default method per logical type (TVD for numerical columns
 * and text lengths, PSI for categorical ones — docs/h2o-mlops-1x-contract.md). Each rule: Infinity
 * queries that flatten API answers into rows (E experiments, A baseline, B window), SQL
 * expressions that compute one value per experiment (and column), and a threshold expression.
 * Windows and thresholds are defined once here; the README explains each choice.
 */
export const MLOPS1X_THRESHOLDS = {
  /** Two hours always hold the last completed hourly segment. */
  volumeWindowHours: 2,
  missingWindowHours: 6,
  /** Missing-value rate this far above the baseline's (5 percentage points). */
  missingIncrease: 0.05,
  driftWindowHours: 6,
  /** H2O's "critical" reading (the data source's `drift` status starts above it). */
  tvdCritical: 0.2,
  psiCritical: 0.25,
} as const;

export type Mlops1xSignal = 'volume-stopped' | 'missing-rising' | 'drift-tvd' | 'drift-psi';

const HOUR = 3600;

/** Stable, short (≤ 40 characters) rule uid for a signal and deployment. */
export function mlops1xRuleUid(signal: Mlops1xSignal, t: Mlops1xTarget): string {
  const hash = createHash('sha256').update(`${t.workspaceId}|${t.deploymentId}`).digest('hex').slice(0, 10);
  return `mlops1x-${signal}-${hash}`;
}

const experimentsQuery = (t: Mlops1xTarget, windowSeconds: number) =>
  mlops1xQuery({
    refId: 'E',
    path: deploymentPath(t),
    windowSeconds,
    rootSelector: EXPERIMENTS_SELECTOR,
    columns: EXPERIMENT_COLUMNS,
    paged: false,
  });

type Rows = 'bins' | 'counts';
const rowsOf = (rows: Rows) =>
  rows === 'bins'
    ? { rootSelector: BIN_ROWS_SELECTOR, columns: BIN_COLUMNS }
    : { rootSelector: ROW_COUNT_SELECTOR, columns: ROW_COUNT_COLUMNS };

/** A: the baseline aggregates (optionally of some logical types only), as rows. */
const baselineQuery = (t: Mlops1xTarget, windowSeconds: number, rows: Rows, types?: readonly string[]) =>
  mlops1xQuery({
    refId: 'A',
    path: aggregatesPath(t, 'baselineAggregates'),
    windowSeconds,
    filter: types ? logicalTypeFilter(types) : undefined,
    paged: true,
    ...rowsOf(rows),
  });

/** B: the scoring aggregates whose segment starts in the window, newest first, as rows. */
const windowQuery = (t: Mlops1xTarget, windowSeconds: number, rows: Rows, types?: readonly string[]) =>
  mlops1xQuery({
    refId: 'B',
    path: aggregatesPath(t, 'aggregates'),
    windowSeconds,
    filter: types ? `${logicalTypeFilter(types)} AND ${WINDOW_FILTER}` : WINDOW_FILTER,
    orderBy: 'timestamp desc',
    paged: true,
    ...rowsOf(rows),
  });

interface Spec {
  signal: Mlops1xSignal;
  title: string;
  data: RuleQuery[];
  condition: string;
  noDataState: ProvisionedRule['noDataState'];
  pending: string;
  severity: 'critical' | 'warning';
  summary: string;
  description: string;
  value: string;
  threshold: string;
}

const who = '{{ $labels.deployment }} / {{ $labels.role }} experiment {{ $labels.experiment }}';

function rule(t: Mlops1xTarget, spec: Spec): ProvisionedRule {
  return {
    uid: mlops1xRuleUid(spec.signal, t),
    title: `${spec.title} (1.x): ${t.deployment}`,
    condition: spec.condition,
    data: spec.data,
    noDataState: spec.noDataState,
    // An API or credential failure keeps the rule's last state; the failing query is in the rule's health.
    execErrState: 'KeepLast',
    for: spec.pending,
    labels: { ...mlops1xTargetLabels(t), severity: spec.severity, signal: spec.signal.replace('-', '_') },
    annotations: {
      summary: spec.summary,
      description: spec.description,
      value: spec.value,
      threshold: spec.threshold,
    },
    isPaused: false,
  };
}

/** No scored row in the window for an experiment of the deployment (every experiment gets a row). */
export function volumeStoppedRule(t: Mlops1xTarget): ProvisionedRule {
  const window = MLOPS1X_THRESHOLDS.volumeWindowHours * HOUR;
  return rule(t, {
    signal: 'volume-stopped',
    title: 'Scoring volume stopped',
    data: [
      experimentsQuery(t, window),
      windowQuery(t, window, 'counts'),
      sqlExpression('V', VOLUME_SQL),
      threshold('C', 'V', 'lt', [1]),
    ],
    condition: 'C',
    // No experiment at all: the deployment is gone or has nothing deployed — say so.
    noDataState: 'Alerting',
    pending: '10m',
    severity: 'critical',
    summary: `${who}: no scored rows in the last ${MLOPS1X_THRESHOLDS.volumeWindowHours} hours`,
    description: `The monitoring service has {{ humanize $values.V.Value }} scored rows for this experiment in the last ${MLOPS1X_THRESHOLDS.volumeWindowHours} hours (scoring aggregates' rows per segment). Traffic stopped, or the scorer stopped reporting to monitoring.`,
    value: '{{ humanize $values.V.Value }} rows',
    threshold: `fewer than 1 row in ${MLOPS1X_THRESHOLDS.volumeWindowHours} h`,
  });
}

/** The window's missing-value rate of a column is more than 5 points above the baseline's. */
export function missingRisingRule(t: Mlops1xTarget): ProvisionedRule {
  const { missingWindowHours: hours, missingIncrease } = MLOPS1X_THRESHOLDS;
  const window = hours * HOUR;
  return rule(t, {
    signal: 'missing-rising',
    title: 'Missing values rising',
    data: [
      experimentsQuery(t, window),
      baselineQuery(t, window, 'counts'),
      windowQuery(t, window, 'counts'),
      sqlExpression('R', MISSING_RATE_SQL),
      sqlExpression('I', MISSING_INCREASE_SQL),
      threshold('C', 'I', 'gt', [missingIncrease]),
    ],
    condition: 'C',
    noDataState: 'OK',
    pending: '30m',
    severity: 'warning',
    summary: `${who}: column {{ $labels.column }} is missing {{ humanizePercentage $values.R.Value }} of values`,
    description: `Column {{ $labels.column }} was missing in {{ humanizePercentage $values.R.Value }} of the rows scored in the last ${hours} hours, {{ humanizePercentage $values.I.Value }} more than in the baseline (training data).`,
    value: '{{ humanizePercentage $values.R.Value }} missing',
    threshold: `more than ${missingIncrease * 100} points above the baseline's rate over ${hours} h`,
  });
}

function driftRule(t: Mlops1xTarget, method: 'tvd' | 'psi'): ProvisionedRule {
  const hours = MLOPS1X_THRESHOLDS.driftWindowHours;
  const window = hours * HOUR;
  const tvd = method === 'tvd';
  const types = tvd ? ['NUMERICAL', 'TEXT'] : ['CATEGORICAL'];
  const critical = tvd ? MLOPS1X_THRESHOLDS.tvdCritical : MLOPS1X_THRESHOLDS.psiCritical;
  const name = tvd ? 'TVD' : 'PSI';
  return rule(t, {
    signal: tvd ? 'drift-tvd' : 'drift-psi',
    title: `Drift above threshold (${name})`,
    data: [
      experimentsQuery(t, window),
      baselineQuery(t, window, 'bins', types),
      windowQuery(t, window, 'bins', types),
      sqlExpression('D', tvd ? TVD_SQL : PSI_SQL),
      threshold('C', 'D', 'gt', [critical]),
    ],
    condition: 'C',
    // No scoring data in the window: the volume rule covers it.
    noDataState: 'OK',
    pending: '30m',
    severity: 'warning',
    summary: `${who}: column {{ $labels.column }} drifts (${name} {{ humanize $values.D.Value }})`,
    description: `${name} between the baseline and the last ${hours} hours of column {{ $labels.column }} (${tvd ? 'numerical, or text lengths' : 'categorical'}) is {{ humanize $values.D.Value }}, above ${critical}.`,
    value: `${name} {{ humanize $values.D.Value }}`,
    threshold: `${name} above ${critical} over ${hours} h`,
  });
}

export const driftTvdRule = (t: Mlops1xTarget) => driftRule(t, 'tvd');
export const driftPsiRule = (t: Mlops1xTarget) => driftRule(t, 'psi');

/** Every 1.x rule kind, by evaluation group. */
export const MLOPS1X_RULES: ReadonlyArray<{ group: string; build: (t: Mlops1xTarget) => ProvisionedRule }> = [
  { group: 'mlops1x-traffic', build: volumeStoppedRule },
  { group: 'mlops1x-data-quality', build: missingRisingRule },
  { group: 'mlops1x-drift', build: driftTvdRule },
  { group: 'mlops1x-drift', build: driftPsiRule },
];
