import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { FrameLabels } from '../../shared/frameSchema';
import type { Deployment } from '../parse/domain';
import { ModelScope, type MlopsQuery } from '../types';
import { labelsFor, modelIdFor, modelIndexOf, rolesFor } from './models';
import { expandField, interpolateText } from './templating';

/** One model a per-model query covers: the id sent to the gateway and the labels of its frames. */
export interface ModelTarget {
  modelId: string;
  labels: FrameLabels;
}

/**
 * The models a per-model query covers, with their ids and labels: every model of the deployment
 * ("all models"; the deployment itself when it lists none), or the chosen ones — a model id the
 * deployment does not list is passed through and the gateway decides.
 */
export function modelTargets(
  query: MlopsQuery,
  deployment: Deployment,
  templateSrv: Pick<TemplateSrv, 'replace'>,
  scopedVars: ScopedVars
): ModelTarget[] {
  if (query.modelScope === ModelScope.All) {
    const roles = rolesFor(deployment.models);
    if (deployment.models.length === 0) {
      return [{ modelId: deployment.id, labels: labelsFor(deployment, undefined, '') }];
    }
    return deployment.models.map((model, index) => ({
      modelId: modelIdFor(deployment, index),
      labels: labelsFor(deployment, model, roles[index]),
    }));
  }
  const role = interpolateText(templateSrv, query.role, scopedVars);
  const modelIds = expandField(templateSrv, query.modelId, scopedVars);
  return (modelIds.length > 0 ? modelIds : ['']).map((modelId) => {
    const index = modelIndexOf(deployment, modelId);
    if (index < 0) {
      return { modelId, labels: labelsFor(deployment, undefined, role, modelId) };
    }
    return { modelId: modelIdFor(deployment, index), labels: labelsFor(deployment, deployment.models[index], role) };
  });
}

/** How a failed part of a model fan-out is named: `model "churn v3"`. */
export function modelTargetName(target: ModelTarget): string {
  const version = target.labels.model_version ? ` v${target.labels.model_version}` : '';
  return `model "${target.labels.model || target.modelId}${version}"`;
}
