import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';

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

/** Table of deployments: one row each, with monitoring flags, model count and worst model status. */
export function deploymentsFrame(deployments: Deployment[], parsed: string[] = []): DataFrame {
  const col = <T>(pick: (d: Deployment) => T) => deployments.map(pick);
  return createDataFrame({
    name: 'Deployments',
    meta: meta(FrameKind.Deployments, { parsed }),
    fields: [
      { name: FIELD.id, type: FieldType.string, values: col((d) => d.id), config: { displayNameFromDS: 'ID' } },
      { name: FIELD.name, type: FieldType.string, values: col((d) => d.name), config: { displayNameFromDS: 'Name' } },
      { name: FIELD.type, type: FieldType.string, values: col((d) => d.type), config: { displayNameFromDS: 'Type' } },
      { name: FIELD.mode, type: FieldType.string, values: col((d) => d.mode), config: { displayNameFromDS: 'Mode' } },
      {
        name: FIELD.environment,
        type: FieldType.string,
        values: col((d) => d.environment),
        config: { displayNameFromDS: 'Environment' },
      },
      {
        name: FIELD.problemType,
        type: FieldType.string,
        values: col((d) => d.problemType),
        config: { displayNameFromDS: 'Problem type' },
      },
      {
        name: FIELD.deploymentDate,
        type: FieldType.time,
        values: col((d) => d.deploymentDate),
        config: { displayNameFromDS: 'Deployed' },
      },
      {
        name: FIELD.monitoringEnabled,
        type: FieldType.boolean,
        values: col((d) => d.monitoringEnabled),
        config: { displayNameFromDS: 'Monitoring' },
      },
      {
        name: FIELD.storeScoringData,
        type: FieldType.boolean,
        values: col((d) => d.storeScoringData),
        config: { displayNameFromDS: 'Stores scoring data' },
      },
      {
        name: FIELD.modelCount,
        type: FieldType.number,
        values: col((d) => d.models.length),
        config: { displayNameFromDS: 'Models', decimals: 0 },
      },
      {
        name: FIELD.worstStatus,
        type: FieldType.string,
        values: col((d) => worstModelStatus(d.models)),
        config: { displayNameFromDS: 'Worst model status' },
      },
      {
        name: FIELD.description,
        type: FieldType.string,
        values: col((d) => d.description),
        config: { displayNameFromDS: 'Description' },
      },
      {
        name: FIELD.projectId,
        type: FieldType.string,
        values: col((d) => d.projectId),
        config: { displayNameFromDS: 'Project' },
      },
    ],
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
