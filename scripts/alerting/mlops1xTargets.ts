import { DEPLOYMENTS } from '../../simulator/mlops1x/catalog';
import type { DeploymentRef } from './mlops1xQueries';

/**
 * An H2O MLOps 1.x deployment the 1.x rules watch. Alert rules cannot use dashboard variables and
 * every monitoring path names one deployment, so the rules are provisioned per deployment; the
 * experiments (champion / challengers) and columns come from the API at evaluation time.
 */
export interface Mlops1xTarget extends DeploymentRef {
  /** Display name, for titles and the `deployment` label. */
  deployment: string;
}

/** The demo deployments: every monitored deployment of the simulator's 1.x catalogue. */
export const MLOPS1X_DEMO_TARGETS: readonly Mlops1xTarget[] = DEPLOYMENTS.filter(
  (d) => d.scenario.monitoringEnabled
).map((d) => ({ workspaceId: d.workspaceId, deploymentId: d.id, deployment: d.scenario.name }));

/** Labels every alert of a 1.x target carries (the instance adds experiment, role, column). */
export function mlops1xTargetLabels(t: Mlops1xTarget): Record<string, string> {
  return { deployment: t.deployment, deployment_id: t.deploymentId, workspace_id: t.workspaceId, mlops_api: '1.x' };
}
