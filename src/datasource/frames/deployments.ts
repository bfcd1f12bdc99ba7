import { FieldType, createDataFrame, type DataFrame, type FieldConfig } from '@grafana/data';

import { FIELD, FrameKind, type FrameLabels } from '../../shared/frameSchema';
import { worstGatewayStatus } from '../../shared/modelStatus';
import type { Deployment, Model } from '../parse/domain';
import { deploymentName, meta, valueField } from './common';

/**
 * The most severe status over the drift and accuracy statuses of all models (rank in
 * `shared/modelStatus.ts`). Empty string when there are no models.
 */
export function worstModelStatus(models: Model[]): string {
  const statuses: string[] = [];
  for (const model of models) {
    statuses.push(model.driftStatus, model.accuracy);
  }
  return worstGatewayStatus(statuses);
}

interface DeploymentColumn {
  name: string;
  type: FieldType;
  config: FieldConfig;
  value: (deployment: Deployment) => unknown;
}

function column(
  name: string,
  type: FieldType,
  displayName: string,
  value: DeploymentColumn['value'],
  config: FieldConfig = {}
): DeploymentColumn {
  return { name, type, config: { displayNameFromDS: displayName, ...config }, value };
}

/**
 * The deployments table's columns, in order. The accessors are made once, not per query: V8 keeps
 * a function's optimised code only while the function lives, so accessors made per call run
 * unoptimised again after every collection — on a fleet list, 13 of them a thousand times each.
 */
const DEPLOYMENT_COLUMNS: DeploymentColumn[] = [
  column(FIELD.id, FieldType.string, 'ID', (d) => d.id),
  column(FIELD.name, FieldType.string, 'Name', (d) => d.name),
  column(FIELD.type, FieldType.string, 'Type', (d) => d.type),
  column(FIELD.mode, FieldType.string, 'Mode', (d) => d.mode),
  column(FIELD.environment, FieldType.string, 'Environment', (d) => d.environment),
  column(FIELD.problemType, FieldType.string, 'Problem type', (d) => d.problemType),
  column(FIELD.deploymentDate, FieldType.time, 'Deployed', (d) => d.deploymentDate),
  column(FIELD.monitoringEnabled, FieldType.boolean, 'Monitoring', (d) => d.monitoringEnabled),
  column(FIELD.storeScoringData, FieldType.boolean, 'Stores scoring data', (d) => d.storeScoringData),
  column(FIELD.modelCount, FieldType.number, 'Models', (d) => d.models.length, { decimals: 0 }),
  column(FIELD.worstStatus, FieldType.string, 'Worst model status', (d) => worstModelStatus(d.models)),
  column(FIELD.description, FieldType.string, 'Description', (d) => d.description),
  column(FIELD.projectId, FieldType.string, 'Project', (d) => d.projectId),
];

/** Table of deployments: one row each, with monitoring flags, model count and worst model status. */
export function deploymentsFrame(deployments: Deployment[], parsed: string[] = []): DataFrame {
  return createDataFrame({
    name: 'Deployments',
    meta: meta(FrameKind.Deployments, { parsed }),
    // Each frame gets its own config objects: Grafana may add to a field's config.
    fields: DEPLOYMENT_COLUMNS.map(({ name, type, config, value }) => ({
      name,
      type,
      config: { ...config },
      values: deployments.map(value),
    })),
  });
}

/**
 * Table of the models of one deployment, with the role each plays in a comparison. An unnamed
 * deployment ("-" or empty) is named by its id, in the frame name and the labels alike, as in
 * every other frame.
 */
export function modelsFrame(
  deployment: Deployment,
  models: Model[],
  roles: string[],
  parsed: string[] = []
): DataFrame {
  const labels: FrameLabels = {
    deployment_id: deployment.id,
    deployment: deploymentName(deployment),
    model: '',
    model_version: '',
  };
  return createDataFrame({
    name: `Models – ${deploymentName(deployment)}`,
    meta: meta(FrameKind.Models, { parsed: [...(deployment.notices ?? []), ...parsed] }),
    fields: [
      valueField(
        FIELD.model,
        FieldType.string,
        models.map((m) => m.name),
        labels,
        { displayNameFromDS: 'Model' }
      ),
      valueField(
        FIELD.modelVersion,
        FieldType.string,
        models.map((m) => m.version),
        labels,
        { displayNameFromDS: 'Version' }
      ),
      valueField(
        FIELD.role,
        FieldType.string,
        models.map((_, i) => roles[i] ?? ''),
        labels,
        { displayNameFromDS: 'Role' }
      ),
      valueField(
        FIELD.driftStatus,
        FieldType.string,
        models.map((m) => m.driftStatus),
        labels,
        { displayNameFromDS: 'Drift status' }
      ),
      valueField(
        FIELD.accuracyStatus,
        FieldType.string,
        models.map((m) => m.accuracy),
        labels,
        { displayNameFromDS: 'Accuracy' }
      ),
      valueField(
        FIELD.averageScoringRequests,
        FieldType.number,
        models.map((m) => m.averageScoringRequests),
        labels,
        {
          displayNameFromDS: 'Avg scoring requests',
        }
      ),
    ],
  });
}
