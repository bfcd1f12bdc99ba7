/**
 * Grafana's file-provisioning format for alerting (`provisioning/alerting/*.yaml`, apiVersion 1):
 * rule groups, contact points, notification policies and templates — the subset this project
 * provisions — and builders for the server-side expressions the rules use.
 * Format: Grafana docs, "Provision alerting resources → file provisioning".
 */

/** Grafana's uid of server-side expressions. */
export const EXPRESSION_UID = '__expr__';

/** Relative range of a query in seconds before the evaluation time (`to` 0 = now). */
export interface RelativeTimeRange {
  from: number;
  to: number;
}

export interface RuleQuery {
  refId: string;
  relativeTimeRange: RelativeTimeRange;
  datasourceUid: string;
  model: Record<string, unknown>;
}

/** What an alert rule does when its queries return nothing / fail. */
export type NoDataState = 'Alerting' | 'NoData' | 'OK' | 'KeepLast';
export type ExecErrState = 'Alerting' | 'Error' | 'OK' | 'KeepLast';

export interface ProvisionedRule {
  uid: string;
  title: string;
  condition: string;
  data: RuleQuery[];
  noDataState: NoDataState;
  execErrState: ExecErrState;
  /** Pending period: how long the condition must hold before the alert fires. */
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  isPaused: boolean;
}

export interface RuleGroup {
  orgId: number;
  name: string;
  folder: string;
  interval: string;
  rules: ProvisionedRule[];
}

export interface AlertingFile {
  apiVersion: 1;
  groups?: RuleGroup[];
  contactPoints?: unknown[];
  policies?: unknown[];
  templates?: Array<{ orgId: number; name: string; template: string }>;
}

/** Threshold comparisons Grafana's threshold expression offers (the kinds these rules use). */
export type ThresholdType = 'gt' | 'lt' | 'within_range' | 'outside_range';

const expressionQuery = (refId: string, model: Record<string, unknown>): RuleQuery => ({
  refId,
  relativeTimeRange: { from: 0, to: 0 },
  datasourceUid: EXPRESSION_UID,
  model: { refId, datasource: { type: EXPRESSION_UID, uid: EXPRESSION_UID }, ...model },
});

/** `threshold` expression: one alert instance per series/row of `input`, firing where the comparison holds. */
export function threshold(refId: string, input: string, type: ThresholdType, params: number[]): RuleQuery {
  return expressionQuery(refId, {
    type: 'threshold',
    expression: input,
    conditions: [{ evaluator: { type, params } }],
  });
}

/** `math` expression over other refIds, e.g. `$A >= $B` (1 where true, 0 where false, per label set). */
export function math(refId: string, expression: string): RuleQuery {
  return expressionQuery(refId, { type: 'math', expression });
}

/**
 * `sql` expression (Grafana's SQL expressions, go-mysql-server's MySQL dialect) over earlier
 * refIds, which it reads as tables. `format: alerting` makes Grafana turn the result into one
 * number per row: exactly one numeric column, the string columns its labels. On by default from
 * Grafana 13.3; the `sqlExpressions` feature toggle before (see the README).
 */
export function sqlExpression(refId: string, expression: string): RuleQuery {
  return expressionQuery(refId, { type: 'sql', expression, format: 'alerting' });
}
