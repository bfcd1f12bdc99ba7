import { modelKey, SCENARIOS } from '../../simulator/scenarios';

/**
 * A model the per-deployment rules watch. Grafana alert rules cannot use dashboard variables, so
 * rules that read one deployment's endpoint (health, operational, drift) are provisioned per
 * target; the model-status rule covers the whole fleet from the deployments list instead.
 */
export interface AlertTarget {
  deploymentId: string;
  deployment: string;
  /** The gateway's modelId path segment: the deployment id for the primary model, else `name:version`. */
  modelId: string;
  model: string;
  modelVersion: string;
  /** Champion / challenger on shadow and split deployments. */
  role?: 'champion' | 'challenger';
}

/** The demo deployments: every model of every monitored simulator scenario. */
export const DEMO_TARGETS: readonly AlertTarget[] = SCENARIOS.filter((s) => s.monitoringEnabled).flatMap((s) =>
  s.models.map((m, i): AlertTarget => ({
    deploymentId: s.id,
    deployment: s.name,
    modelId: i === 0 ? s.id : modelKey(m),
    model: m.registeredModelName,
    modelVersion: m.registeredModelVersion,
    ...(s.models.length > 1 ? { role: i === 0 ? 'champion' : 'challenger' } : {}),
  }))
);

/** Labels every alert of a target carries (the same keys as our data frames' labels). */
export function targetLabels(t: AlertTarget): Record<string, string> {
  return {
    deployment: t.deployment,
    deployment_id: t.deploymentId,
    model: t.model,
    model_version: t.modelVersion,
    ...(t.role ? { role: t.role } : {}),
  };
}

/** Path of a target's metrics endpoint. */
export const metricsPath = (t: AlertTarget, metric: 'health' | 'operational' | 'drift') =>
  `/model-monitoring/v1/deployment/${encodeURIComponent(t.deploymentId)}/metrics/${encodeURIComponent(t.modelId)}/${metric}`;
