import { STATUS_BY_NUMBER } from '../../src/datasource/parse/parseResponses';
import { API, gatewayQuery } from './infinity';
import { threshold, type ProvisionedRule } from './model';
import { DASHBOARDS, runbookUrl } from './links';

/**
 * Rules over the whole fleet, each one request per evaluation: model status from the deployments
 * list (every model of every monitored deployment), and the gateway itself (reachable, credentials
 * accepted). Labels are those of our data frames: deployment, deployment_id, model, model_version.
 */

/** Status → alert level: FAILING 2 (critical), AT_RISK 1 (warning), HEALTHY / UNKNOWN / other 0. */
export const STATUS_LEVELS = { FAILING: 2, AT_RISK: 1 } as const;

/** A status sent as its enum number, read as the data source reads it (parseResponses.ts). */
const STATUS_NUMBER = {
  FAILING: STATUS_BY_NUMBER.indexOf('FAILING'),
  AT_RISK: STATUS_BY_NUMBER.indexOf('AT_RISK'),
};

/**
 * One row per monitored model and monitor (drift status, accuracy). Deployments whose
 * `monitoringEnabled` is false are left out (gateways before 0.65 do not send the flag: kept).
 *
 * Infinity merges the pages of a paged list by field, and a page that yields no row has no fields,
 * which fails the whole query ("unable to merge fields due to different fields"). A page without
 * any monitored model therefore yields one placeholder row — `monitor` "none", level 0, never
 * firing — labelled with the page's first deployment id so that rows stay unique.
 */
export const NO_MODEL_MONITOR = 'none';
export const MODEL_STATUS_SELECTOR = `(
  $level := function($s) {
    $s = "FAILING" or $s = ${STATUS_NUMBER.FAILING} ? ${STATUS_LEVELS.FAILING} :
    ($s = "AT_RISK" or $s = ${STATUS_NUMBER.AT_RISK} ? ${STATUS_LEVELS.AT_RISK} : 0)
  };
  $rows := [deployment[$not(monitoringEnabled = false)].(
    $d := $;
    models.(
      $m := $;
      [
        {"monitor": "drift_status", "status": $m.driftStatus},
        {"monitor": "accuracy", "status": $m.accuracy}
      ].{
        "deployment": $d.name,
        "deployment_id": $d.id,
        "model": $m.registeredModelName,
        "model_version": $m.registeredModelVersion,
        "monitor": monitor,
        "level": $level(status)
      }
    )
  )];
  $count($rows) > 0 ? $rows : [{
    "deployment": "(no monitored model on this page)",
    "deployment_id": $count(deployment) > 0 ? deployment[0].id : "",
    "model": "",
    "model_version": "",
    "monitor": "${NO_MODEL_MONITOR}",
    "level": 0
  }]
)`;

const statusQuery = () =>
  gatewayQuery({
    refId: 'A',
    path: API,
    windowSeconds: 3600,
    params: [{ key: 'pageSize', value: '1000' }],
    paged: true,
    rootSelector: MODEL_STATUS_SELECTOR,
    columns: [
      { selector: 'deployment', type: 'string' },
      { selector: 'deployment_id', type: 'string' },
      { selector: 'model', type: 'string' },
      { selector: 'model_version', type: 'string' },
      { selector: 'monitor', type: 'string' },
      { selector: 'level', type: 'number' },
    ],
  });

const statusAnnotations = (word: string, what: string) => ({
  summary: `{{ $labels.model }} v{{ $labels.model_version }} on {{ $labels.deployment }}: {{ $labels.monitor }} is ${word}`,
  description: `The gateway rates the {{ $labels.monitor }} of this model ${word} (${what}). Open the deployment's drift and detail dashboards to see which features and metrics moved.`,
  runbook_url: runbookUrl('model-status'),
  __dashboardUid__: DASHBOARDS.fleet.uid,
  __panelId__: String(DASHBOARDS.fleet.panels.deployments),
  dashboard_url: `/d/${DASHBOARDS.deployment.uid}?var-deployment={{ $labels.deployment_id }}`,
  value: word,
  threshold: `status ${word}`,
});

/** FAILING (critical) and AT_RISK (warning) drift status or accuracy, one instance per model and monitor. */
export function modelStatusRules(): ProvisionedRule[] {
  const base = {
    condition: 'C',
    // An empty fleet has nothing failing; a failing gateway is the gateway rule's alert.
    noDataState: 'OK' as const,
    execErrState: 'KeepLast' as const,
    isPaused: false,
  };
  return [
    {
      ...base,
      uid: 'mlops-model-status-failing',
      title: 'Model drift status or accuracy FAILING',
      data: [statusQuery(), threshold('C', 'A', 'gt', [STATUS_LEVELS.FAILING - 0.5])],
      for: '5m',
      labels: { severity: 'critical', signal: 'model_status' },
      annotations: statusAnnotations('FAILING', 'the gateway’s worst rating'),
    },
    {
      ...base,
      uid: 'mlops-model-status-at-risk',
      title: 'Model drift status or accuracy AT_RISK',
      data: [
        statusQuery(),
        threshold('C', 'A', 'within_range', [STATUS_LEVELS.AT_RISK - 0.5, STATUS_LEVELS.AT_RISK + 0.5]),
      ],
      for: '15m',
      labels: { severity: 'warning', signal: 'model_status' },
      annotations: statusAnnotations('AT_RISK', 'one step before FAILING'),
    },
  ];
}

/**
 * The gateway answers the deployments list with a count. It never fires on a value: it fires on
 * an error (gateway down, token endpoint refusing the credentials, a broken answer) or on an answer
 * without the count — so a broken connection is an alert, never silence, while the model rules keep
 * their last state instead of each raising an error alert of their own.
 */
export function gatewayRule(): ProvisionedRule {
  return {
    uid: 'mlops-gateway-unreachable',
    title: 'MLOps gateway unreachable or credentials failing',
    condition: 'C',
    data: [
      gatewayQuery({
        refId: 'A',
        path: API,
        windowSeconds: 600,
        params: [{ key: 'pageSize', value: '1' }],
        rootSelector: '( $exists(totalDeployments) ? [{"deployments": $number(totalDeployments)}] : [] )',
        columns: [{ selector: 'deployments', type: 'number' }],
      }),
      threshold('C', 'A', 'lt', [0]),
    ],
    noDataState: 'Alerting',
    execErrState: 'Alerting',
    for: '3m',
    labels: { severity: 'critical', signal: 'gateway' },
    annotations: {
      summary: 'Grafana cannot read the MLOps gateway',
      description:
        'The alerting data source could not list deployments: the gateway is down or unreachable, the token endpoint refused the credentials (wrong secret, expired or revoked refresh token), or the gateway answered something that is not a deployments list. Until this is fixed the model alerts keep their last state. The error text of the alert names the cause.',
      runbook_url: runbookUrl('gateway'),
      __dashboardUid__: DASHBOARDS.fleet.uid,
      __panelId__: String(DASHBOARDS.fleet.panels.deployments),
      value: 'query error or no answer',
      threshold: 'any error',
    },
    isPaused: false,
  };
}
