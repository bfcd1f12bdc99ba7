import { createHash } from 'node:crypto';

import { gatewayQuery } from './infinity';
import { DASHBOARDS, dashboardUrl, runbookUrl, type RunbookSection } from './links';
import { math, threshold, type ProvisionedRule, type RuleQuery } from './model';
import { metricsPath, targetLabels, type AlertTarget } from './targets';

/**
 * Rules on one model's endpoints (health, operational summary, drift). Each returns one row per
 * model — or per feature — and is provisioned per target (alert rules cannot use dashboard
 * variables). Thresholds and windows are defined once here; the README explains each choice.
 */

export const THRESHOLDS = {
  /** Window of the no-predictions rule: data lands about five minutes after scoring. */
  noPredictionsWindowMinutes: 30,
  latencyMs: 100,
  latencyWindowMinutes: 10,
  failedRatio: 0.05,
  failedRatioWindowMinutes: 15,
  driftWindowHours: 24,
} as const;

/** Per-target rule kinds, in the order they are provisioned. */
export type TargetSignal = 'no-predictions' | 'latency' | 'failed-predictions' | 'high-drift' | 'drifting-features';

const MINUTE = 60;

/** Stable, short (≤ 40 characters) rule uid for a signal and target. */
export function targetRuleUid(signal: TargetSignal, t: AlertTarget): string {
  const hash = createHash('sha256').update(`${t.deploymentId}|${t.modelId}`).digest('hex').slice(0, 10);
  return `mlops-${signal}-${hash}`;
}

const who = (t: AlertTarget) => `${t.deployment} / ${t.model} v${t.modelVersion}`;
const whoTemplate = '{{ $labels.model }} v{{ $labels.model_version }} on {{ $labels.deployment }}';

interface RuleSpec {
  signal: TargetSignal;
  title: string;
  data: RuleQuery[];
  condition: string;
  noDataState: ProvisionedRule['noDataState'];
  pending: string;
  severity: 'critical' | 'warning';
  labelSignal: string;
  summary: string;
  description: string;
  value: string;
  threshold: string;
  panel: { uid: string; id: number };
  runbook: RunbookSection;
}

function rule(t: AlertTarget, spec: RuleSpec): ProvisionedRule {
  const range = spec.panel.uid === DASHBOARDS.drift.uid ? 'now-7d' : 'now-6h';
  return {
    uid: targetRuleUid(spec.signal, t),
    title: `${spec.title}: ${who(t)}`,
    condition: spec.condition,
    data: spec.data,
    noDataState: spec.noDataState,
    // A gateway or credential failure raises the gateway rule's alert; this rule keeps its state.
    execErrState: 'KeepLast',
    for: spec.pending,
    labels: { ...targetLabels(t), severity: spec.severity, signal: spec.labelSignal },
    annotations: {
      summary: spec.summary,
      description: spec.description,
      runbook_url: runbookUrl(spec.runbook),
      __dashboardUid__: spec.panel.uid,
      __panelId__: String(spec.panel.id),
      dashboard_url: dashboardUrl(spec.panel.uid, t.deploymentId, t.modelId, range),
      value: spec.value,
      threshold: spec.threshold,
    },
    isPaused: false,
  };
}

/** Total predictions in the window is 0. An answer without the count is treated as none (NoData → Alerting). */
export function noPredictionsRule(t: AlertTarget): ProvisionedRule {
  const minutes = THRESHOLDS.noPredictionsWindowMinutes;
  return rule(t, {
    signal: 'no-predictions',
    title: 'No predictions',
    data: [
      gatewayQuery({
        refId: 'A',
        path: metricsPath(t, 'health'),
        windowSeconds: minutes * MINUTE,
        rootSelector: '( $exists(totalPredictions) ? [{"predictions": $number(totalPredictions)}] : [] )',
        columns: [{ selector: 'predictions', type: 'number' }],
      }),
      threshold('C', 'A', 'lt', [1]),
    ],
    condition: 'C',
    noDataState: 'Alerting',
    pending: '10m',
    severity: 'critical',
    labelSignal: 'no_predictions',
    summary: `${whoTemplate} scored no predictions in the last ${minutes} minutes`,
    description: `The gateway counts {{ humanize $values.A.Value }} predictions for this model in the last ${minutes} minutes. Scoring traffic stopped, or the scorer stopped reporting to the monitoring service.`,
    value: '{{ humanize $values.A.Value }} predictions',
    threshold: `fewer than 1 prediction in ${minutes} min`,
    panel: { uid: DASHBOARDS.deployment.uid, id: DASHBOARDS.deployment.panels.predictionsOverTime },
    runbook: 'no-predictions',
  });
}

/** Average scoring latency over the window above the threshold; no traffic → no value (NoData → OK). */
export function latencyRule(t: AlertTarget): ProvisionedRule {
  const { latencyMs, latencyWindowMinutes: minutes } = THRESHOLDS;
  return rule(t, {
    signal: 'latency',
    title: `Scoring latency above ${latencyMs} ms`,
    data: [
      gatewayQuery({
        refId: 'A',
        path: metricsPath(t, 'health'),
        windowSeconds: minutes * MINUTE,
        rootSelector:
          '( $number(totalPredictions) > 0 and $exists(scoringLatency) ? [{"latency_ms": $number(scoringLatency)}] : [] )',
        columns: [{ selector: 'latency_ms', type: 'number' }],
      }),
      threshold('C', 'A', 'gt', [latencyMs]),
    ],
    condition: 'C',
    noDataState: 'OK',
    pending: '5m',
    severity: 'warning',
    labelSignal: 'latency',
    summary: `${whoTemplate}: average scoring latency {{ humanize $values.A.Value }} ms`,
    description: `Average scoring latency over the last ${minutes} minutes is {{ humanize $values.A.Value }} ms, above ${latencyMs} ms.`,
    value: '{{ humanize $values.A.Value }} ms',
    threshold: `${latencyMs} ms over ${minutes} min`,
    panel: { uid: DASHBOARDS.deployment.uid, id: DASHBOARDS.deployment.panels.avgLatency },
    runbook: 'latency',
  });
}

/**
 * Failed predictions / all predictions over the window (operational summary graphs; the number is
 * in `yAxis`, `value` the fallback, as in the data source). No predictions → no ratio (NoData → OK).
 */
export const FAILED_RATIO_SELECTOR = `(
  $n := function($p) { $number($p.yAxis != "" ? $p.yAxis : $p.value) };
  $failed := $sum(failedPrediction.point.$n($));
  $ok := $sum(successPrediction.point.$n($));
  $failed + $ok > 0 ? [{"failed_ratio": $failed / ($failed + $ok)}] : []
)`;

export function failedRatioRule(t: AlertTarget): ProvisionedRule {
  const { failedRatio, failedRatioWindowMinutes: minutes } = THRESHOLDS;
  const percent = `${failedRatio * 100}%`;
  return rule(t, {
    signal: 'failed-predictions',
    title: `Failed predictions above ${percent}`,
    data: [
      gatewayQuery({
        refId: 'A',
        path: metricsPath(t, 'operational'),
        windowSeconds: minutes * MINUTE,
        rootSelector: FAILED_RATIO_SELECTOR,
        columns: [{ selector: 'failed_ratio', type: 'number' }],
      }),
      threshold('C', 'A', 'gt', [failedRatio]),
    ],
    condition: 'C',
    noDataState: 'OK',
    pending: '5m',
    severity: 'critical',
    labelSignal: 'failed_predictions',
    summary: `${whoTemplate}: {{ humanizePercentage $values.A.Value }} of predictions failed`,
    description: `{{ humanizePercentage $values.A.Value }} of scoring requests failed in the last ${minutes} minutes (threshold ${percent}).`,
    value: '{{ humanizePercentage $values.A.Value }} failed',
    threshold: `${percent} over ${minutes} min`,
    panel: { uid: DASHBOARDS.deployment.uid, id: DASHBOARDS.deployment.panels.availabilityAndPredictions },
    runbook: 'failed-predictions',
  });
}

const driftQuery = (
  t: AlertTarget,
  refId: string,
  rootSelector: string,
  columns: Parameters<typeof gatewayQuery>[0]['columns']
) =>
  gatewayQuery({
    refId,
    path: metricsPath(t, 'drift'),
    windowSeconds: THRESHOLDS.driftWindowHours * 3600,
    rootSelector,
    columns,
  });

/** The gateway's count of high-drift features is above zero. */
export function highDriftRule(t: AlertTarget): ProvisionedRule {
  const hours = THRESHOLDS.driftWindowHours;
  return rule(t, {
    signal: 'high-drift',
    title: 'High-drift features',
    data: [
      driftQuery(t, 'A', '( $exists(highFeatureDrift) ? [{"high_drift_features": $number(highFeatureDrift)}] : [] )', [
        { selector: 'high_drift_features', type: 'number' },
      ]),
      threshold('C', 'A', 'gt', [0]),
    ],
    condition: 'C',
    noDataState: 'OK',
    pending: '30m',
    severity: 'warning',
    labelSignal: 'drift',
    summary: `${whoTemplate}: {{ humanize $values.A.Value }} features with high drift`,
    description: `The gateway classifies {{ humanize $values.A.Value }} input features of this model as high drift over the last ${hours} hours.`,
    value: '{{ humanize $values.A.Value }} features',
    threshold: `more than 0 high-drift features over ${hours} h`,
    panel: { uid: DASHBOARDS.drift.uid, id: DASHBOARDS.drift.panels.summary },
    runbook: 'high-drift',
  });
}

/**
 * Important features (importance ≥ the gateway's importance threshold, drift calculated), as in
 * the data source's feature status. A: their drift; B: the gateway's drift threshold beside each.
 */
const IMPORTANT_FEATURES = `featureSummary.feature[driftCalculated = true and importance >= $importance]`;
export const FEATURE_DRIFT_SELECTOR = `(
  $importance := featureImportance.importanceThreshold;
  [${IMPORTANT_FEATURES}.{"feature": name, "drift": drift}]
)`;
export const FEATURE_THRESHOLD_SELECTOR = `(
  $importance := featureImportance.importanceThreshold;
  $threshold := featureImportance.driftThreshold;
  [${IMPORTANT_FEATURES}.{"feature": name, "drift_threshold": $threshold}]
)`;

/** Per feature: drifting (drift ≥ the gateway's drift threshold) and important — one alert per feature. */
export function driftingFeaturesRule(t: AlertTarget): ProvisionedRule {
  const hours = THRESHOLDS.driftWindowHours;
  return rule(t, {
    signal: 'drifting-features',
    title: 'Important feature drifting',
    data: [
      driftQuery(t, 'A', FEATURE_DRIFT_SELECTOR, [
        { selector: 'feature', type: 'string' },
        { selector: 'drift', type: 'number' },
      ]),
      driftQuery(t, 'B', FEATURE_THRESHOLD_SELECTOR, [
        { selector: 'feature', type: 'string' },
        { selector: 'drift_threshold', type: 'number' },
      ]),
      math('C', '$A >= $B'),
      threshold('D', 'C', 'gt', [0]),
    ],
    condition: 'D',
    // No important feature with calculated drift (e.g. no predictions in the window) is not an incident.
    noDataState: 'OK',
    pending: '30m',
    severity: 'warning',
    labelSignal: 'drift',
    summary: `${whoTemplate}: important feature {{ $labels.feature }} is drifting`,
    description: `Feature {{ $labels.feature }} drifts {{ humanize $values.A.Value }} over the last ${hours} hours, at or above the gateway's drift threshold {{ humanize $values.B.Value }}, and its importance is at or above the gateway's importance threshold.`,
    value: 'drift {{ humanize $values.A.Value }}',
    threshold: 'drift threshold {{ humanize $values.B.Value }} (the gateway’s)',
    panel: { uid: DASHBOARDS.drift.uid, id: DASHBOARDS.drift.panels.driftOverTime },
    runbook: 'drifting-features',
  });
}

/** Every per-target rule, grouped by evaluation group. */
export const TARGET_RULES: ReadonlyArray<{ group: string; build: (t: AlertTarget) => ProvisionedRule }> = [
  { group: 'traffic', build: noPredictionsRule },
  { group: 'traffic', build: latencyRule },
  { group: 'operations', build: failedRatioRule },
  { group: 'drift', build: highDriftRule },
  { group: 'drift', build: driftingFeaturesRule },
];
