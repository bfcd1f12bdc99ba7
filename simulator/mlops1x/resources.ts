import { deploymentDate } from '../scenarios';
import { DAY, formatRfc3339 } from '../time';
import type { Deployment1x, ExperimentSpec, Workspace1x } from './catalog';
import type { FieldMap } from './listing';

/**
 * JSON views of the 1.x deployer and authz resources, shaped exactly like h2o-mlops 1.6.5's
 * `_client/models/deployer.py` V2Deployment / V2DeploymentStatus and `workspace.py` V1Workspace
 * (lowerCamelCase, RFC 3339 times). Filled: what a monitoring consumer reads; the Kubernetes,
 * security and CORS parts stay unset.
 */

type Json = Record<string, unknown>;

/** Workspaces were created well before any deployment; a fixed date keeps them seed-independent. */
const WORKSPACE_CREATED = Date.UTC(2023, 5, 1, 9, 30);

export const workspaceName = (w: Pick<Workspace1x, 'id'>) => `workspaces/${w.id}`;
export const deploymentName = (d: Deployment1x) => `workspaces/${d.workspaceId}/deployments/${d.id}`;

export function workspaceView(w: Workspace1x): Json {
  return {
    name: workspaceName(w),
    displayName: w.displayName,
    description: w.description,
    annotations: {},
    createTime: formatRfc3339(WORKSPACE_CREATED),
    updateTime: formatRfc3339(WORKSPACE_CREATED + DAY),
    creator: 'users/mlops-admin',
  };
}

export const WORKSPACE_FIELDS: FieldMap<Workspace1x> = {
  display_name: (w) => w.displayName,
  description: (w) => w.description,
  create_time: () => formatRfc3339(WORKSPACE_CREATED),
  update_time: () => formatRfc3339(WORKSPACE_CREATED + DAY),
  name: (w) => workspaceName(w),
};

function composition(e: ExperimentSpec): Json {
  return {
    experimentId: e.id,
    deployableArtifactType: 'dai_mojo_pipeline',
    artifactProcessor: 'dai_mojo_pipeline_extractor',
    runtime: 'dai_mojo_runtime',
  };
}

function topology(d: Deployment1x): Json {
  const [first, second] = d.experiments;
  switch (d.kind) {
    case 'single':
      return { single: { deploymentComposition: composition(first) } };
    case 'shadow':
      return {
        shadow: {
          primaryElement: { deploymentComposition: composition(first) },
          secondaryElement: { deploymentComposition: composition(second) },
        },
      };
    case 'split': {
      const total = d.experiments.reduce((a, e) => a + (e.weight ?? 0), 0);
      return {
        split: {
          splitElements: d.experiments.map((e) => ({
            deploymentComposition: composition(e),
            weight: e.weight ?? 0,
            effectivePercentage: total > 0 ? ((e.weight ?? 0) * 100) / total : 0,
          })),
        },
      };
    }
  }
}

/** When the deployment was created (the legacy scenario's deployment date). */
export function createTimeOf(seed: number, d: Deployment1x, now: number): number {
  return deploymentDate(seed, d.scenario, now);
}

export function deploymentView(seed: number, d: Deployment1x, now: number): Json {
  const created = createTimeOf(seed, d, now);
  return {
    name: deploymentName(d),
    displayName: d.scenario.name,
    description: d.scenario.description,
    createTime: formatRfc3339(created),
    updateTime: formatRfc3339(created + DAY),
    creator: 'users/mlops-admin',
    ...topology(d),
    monitoringOptions: {
      enabled: d.scenario.monitoringEnabled,
      columns: d.columns.map((c) => ({
        column: c.spec.name,
        logicalType: c.logicalType,
        isModelOutput: c.isModelOutput,
      })),
    },
    paused: false,
  };
}

/** Deployer filter/order fields (the client's `_deployments.py` field mapping). */
export function deploymentFields(seed: number, now: number): FieldMap<Deployment1x> {
  const created = (d: Deployment1x) => createTimeOf(seed, d, now);
  return {
    display_name: (d) => d.scenario.name,
    description: (d) => d.scenario.description,
    deployment_type: (d) => d.kind.toUpperCase(),
    creator: () => 'users/mlops-admin',
    create_time: (d) => formatRfc3339(created(d)),
    update_time: (d) => formatRfc3339(created(d) + DAY),
    deployment_state: () => 'HEALTHY',
    experiment_ids: (d) => d.experiments.map((e) => e.id),
    name: (d) => deploymentName(d),
  };
}

export function statusView(seed: number, d: Deployment1x, now: number): Json {
  return {
    name: `${deploymentName(d)}/status`,
    state: 'HEALTHY',
    message: 'Deployment is healthy.',
    updateTime: formatRfc3339(createTimeOf(seed, d, now) + DAY),
    updatesAllowed: true,
  };
}
