import { DASHBOARDS, RUNBOOK_SECTIONS, type RunbookSection } from './links';
import { THRESHOLDS } from './targetRules';

/**
 * The alert runbook, provisioned as a dashboard with one text panel per signal so that every
 * alert's runbook link opens inside the same Grafana (links.ts `runbookUrl`).
 */

const T = THRESHOLDS;

const SECTIONS: Record<RunbookSection, { title: string; body: string }> = {
  gateway: {
    title: 'MLOps gateway unreachable or credentials failing',
    body: `The alerting data source (Infinity) could not list deployments. The alert's error text names the cause.
1. **Token endpoint refused** (\`oauth2: "unauthorized_client"\` — wrong client id or secret; \`"invalid_grant"\` — expired or revoked refresh token): the client secret changed, or the refresh token expired or was revoked. Update the **MLOps gateway (alerting)** data source's secrets and press *Save & test*.
2. **Connection refused / timeout**: the gateway is down or the Grafana server cannot reach it. Check the gateway's \`/healthz\`.
3. **Not a deployments list**: a proxy answered instead of the gateway (HTML error page) — check the data source URL.

While this alert fires, the model alerts keep their last state.`,
  },
  'model-status': {
    title: 'Model drift status or accuracy FAILING / AT_RISK',
    body: `The gateway's own rating of a model. **FAILING** pages (critical), **AT_RISK** warns.
1. Open the *drift* dashboard for the deployment: which features drift, since when.
2. Compare with the challenger on the *champion vs challenger* dashboard, if there is one.
3. Retrain or roll back; the alert resolves when the gateway rates the model HEALTHY again.`,
  },
  'no-predictions': {
    title: `No predictions in ${T.noPredictionsWindowMinutes} minutes`,
    body: `The gateway counted no predictions for the model in the last ${T.noPredictionsWindowMinutes} minutes (data lands about five minutes after scoring).
1. Is the scorer up and receiving traffic? Check the deployment in H2O MLOps.
2. Did clients switch to another deployment or endpoint?
3. Is monitoring still enabled for the deployment? An answer without a prediction count also raises this alert.`,
  },
  latency: {
    title: `Scoring latency above ${T.latencyMs} ms`,
    body: `Average scoring latency over ${T.latencyWindowMinutes} minutes is above ${T.latencyMs} ms.
1. Check CPU and memory on the *deployment detail* dashboard.
2. Did traffic spike (predictions over time)? Scale the deployment.
3. A new model version can be slower: compare champion and challenger.`,
  },
  'failed-predictions': {
    title: `Failed predictions above ${T.failedRatio * 100}%`,
    body: `More than ${T.failedRatio * 100}% of scoring requests failed over ${T.failedRatioWindowMinutes} minutes (operational summary).
1. Look at the scorer's logs for the failing requests (schema changes in the request payload are the usual cause).
2. Check availability on the *deployment detail* dashboard.`,
  },
  'high-drift': {
    title: 'High-drift features',
    body: `The gateway classifies at least one input feature as high drift over ${T.driftWindowHours} hours.
1. Open the *drift* dashboard: feature drift table and drift over time.
2. If the drifting features are important, the *important feature drifting* alert fires too; plan retraining.`,
  },
  'drifting-features': {
    title: 'Important feature drifting',
    body: `A feature whose importance is at or above the gateway's importance threshold drifts at or above the gateway's drift threshold (both thresholds come from the gateway's drift answer).
1. Open the feature's frequency distribution on the *drift* dashboard.
2. Decide: upstream data bug (fix the pipeline) or real change in the population (retrain).`,
  },
};

/** The runbook dashboard's JSON (provisioning/dashboards/mlops/alert-runbook.json). */
export function runbookDashboard(): Record<string, unknown> {
  return {
    uid: DASHBOARDS.runbook.uid,
    title: 'MLOps alert runbook',
    tags: ['mlops', 'alerting'],
    editable: false,
    schemaVersion: 41,
    time: { from: 'now-6h', to: 'now' },
    links: [
      {
        title: 'MLOps dashboards',
        type: 'dashboards',
        tags: ['mlops'],
        asDropdown: false,
        includeVars: false,
        keepTime: true,
      },
    ],
    templating: { list: [] },
    panels: RUNBOOK_SECTIONS.map((key, i) => ({
      id: i + 1,
      type: 'text',
      title: SECTIONS[key].title,
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      options: { mode: 'markdown', content: SECTIONS[key].body },
    })),
  };
}
