/**
 * Where alerts link to: the provisioned dashboards and panels that show the signal behind each rule
 * (Grafana's `__dashboardUid__` / `__panelId__` annotations put a "View panel" link on the alert),
 * and the runbook, a provisioned dashboard with one text panel per signal. A test checks that every
 * uid and panel id here exists in provisioning/dashboards.
 */

export const DASHBOARDS = {
  fleet: { uid: 'mlops-fleet-overview', panels: { deployments: 5 } },
  deployment: {
    uid: 'mlops-deployment-detail',
    panels: { avgLatency: 2, predictionsOverTime: 5, availabilityAndPredictions: 8 },
  },
  drift: { uid: 'mlops-drift', panels: { summary: 1, driftOverTime: 4 } },
  runbook: { uid: 'mlops-alert-runbook' },
} as const;

/** Runbook sections, in panel order (panel id = index + 1). */
export const RUNBOOK_SECTIONS = [
  'gateway',
  'model-status',
  'no-predictions',
  'latency',
  'failed-predictions',
  'high-drift',
  'drifting-features',
] as const;
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[number];

/** Link to one runbook section: the runbook dashboard with that section's panel in view. */
export function runbookUrl(section: RunbookSection): string {
  return `/d/${DASHBOARDS.runbook.uid}?viewPanel=panel-${RUNBOOK_SECTIONS.indexOf(section) + 1}`;
}

/** A deployment dashboard for one deployment and model (dashboard variables `deployment` and `model`). */
export function dashboardUrl(uid: string, deploymentId: string, modelId: string, range = 'now-6h'): string {
  const q = new URLSearchParams({ 'var-deployment': deploymentId, 'var-model': modelId, from: range, to: 'now' });
  return `/d/${uid}?${q.toString()}`;
}
